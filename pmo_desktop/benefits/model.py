"""Benefits: the vocabulary and the realisation arithmetic (pure functions, no database, no Qt).

A measurement is the measure's *level* at the end of a period, in the benefit's unit: for a
cash-releasing benefit that is the cash released so far (major currency units, cumulative); for a
non-cash one, the measure itself (days to onboard, CSAT %). Between measurements a level holds.

- realised to date = actual level at the period − baseline (None before the first actual);
- planned to date  = planned level at the period − baseline;
- progress         = (actual − baseline) / (target − baseline), "n/a" when target = baseline; it works
  for measures that should fall (12 days → 5 days) as well as rise;
- a linked project's *slip* is how far its forecast finish has moved past its baseline finish; the
  benefit's expected date moves with it (target date + the largest slip of its projects);
- derived "at risk": a linked project is red, cancelled, or has slipped more than the schedule
  tolerance (10 working days in the project's calendar: beyond that the schedule RAG is no longer green). It is shown beside
  the owner's status and never written over it; a benefit the owner calls Realised or Lost is left as is.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from pmo_desktop.domain import workdays
from pmo_desktop.finance.calendars import WorkCalendar
from pmo_desktop.finance.rag import slippage
from pmo_desktop.store import PortfolioError

TYPES = ("Cash-releasing", "Non-cash", "Qualitative")
STATUSES = ("Planned", "Realising", "Realised", "At risk", "Lost")
SERIES = ("planned", "forecast", "actual")
SLIP_TOLERANCE_DAYS = 10  # working days; DOMAIN.md's green band for schedule slippage
OPEN_STATUSES = ("Planned", "Realising", "At risk")


class BenefitsError(PortfolioError):
    """A benefits request that cannot be carried out; str() is one line for the user."""


@dataclass(frozen=True)
class LinkedProject:
    project_id: int
    code: str
    rag: str | None
    status: str | None
    finish: date | None
    baseline_finish: date | None
    calendar: WorkCalendar | None = field(default=None, compare=False, repr=False)  # None: Monday-Friday

    @property
    def slip_days(self) -> int:
        """Calendar days the forecast finish sits past the baseline finish (0 when on time or early)."""
        if self.finish is None or self.baseline_finish is None:
            return 0
        return max(0, (self.finish - self.baseline_finish).days)

    @property
    def slip_working_days(self) -> int:
        """Working days the forecast finish sits past the baseline finish, counted in the project's
        calendar as the schedule RAG counts them (finance.rag.slippage), so the two agree on holidays."""
        if self.finish is None or self.baseline_finish is None or self.finish <= self.baseline_finish:
            return 0
        if self.calendar is None:
            return workdays.working_days_between(self.baseline_finish, self.finish)
        return slippage(self.calendar, self.baseline_finish, self.finish)


@dataclass
class Benefit:
    id: int
    ref: str
    title: str
    type: str
    owner: str | None
    measure: str | None
    unit: str | None
    baseline: float | None
    target: float | None
    target_date: date | None
    status: str
    projects: list[LinkedProject] = field(default_factory=list)
    # period end -> value, one dict per series
    planned: dict[date, float] = field(default_factory=dict)
    forecast: dict[date, float] = field(default_factory=dict)
    actual: dict[date, float] = field(default_factory=dict)

    @property
    def is_cash(self) -> bool:
        return self.type == "Cash-releasing"

    @property
    def slip_days(self) -> int:
        return max((p.slip_days for p in self.projects), default=0)

    @property
    def expected_date(self) -> date | None:
        """The target date moved by the largest slip of the linked projects."""
        if self.target_date is None:
            return None
        return self.target_date + timedelta(days=self.slip_days)

    @cached_property
    def risk_reasons(self) -> list[str]:
        """Why the numbers say this benefit is at risk (empty when they do not)."""
        reasons = []
        for p in self.projects:
            if (p.status or "") == "Cancelled":
                reasons.append(f"{p.code} is cancelled")
            elif p.rag == "R":
                reasons.append(f"{p.code} is red")
            elif p.slip_working_days > SLIP_TOLERANCE_DAYS:
                reasons.append(f"{p.code} has slipped {p.slip_working_days} working days")
        return reasons

    @property
    def derived_status(self) -> str:
        """The owner's status, or 'At risk' when the numbers say so and the benefit is still open."""
        if self.status in ("Realised", "Lost"):
            return self.status
        return "At risk" if self.risk_reasons else self.status

    _sorted: dict[str, list[date]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def value_at(self, series: str, when: date) -> float | None:
        """The series' level at `when` (the latest value on or before it); None before the first."""
        values = getattr(self, series)
        if not values:
            return None
        keys = self._sorted.get(series)
        if keys is None or len(keys) != len(values):
            keys = self._sorted[series] = sorted(values)
        i = bisect.bisect_right(keys, when)
        return None if i == 0 else values[keys[i - 1]]

    def gain(self, series: str, when: date) -> float | None:
        """Level at `when` less the baseline; None when there is no value yet."""
        value = self.value_at(series, when)
        if value is None:
            return None
        return value - (self.baseline or 0.0)

    @property
    def span(self) -> float | None:
        if self.target is None:
            return None
        return self.target - (self.baseline or 0.0)

    def progress(self, when: date) -> float | None:
        """Share of the way from baseline to target reached by the actual level at `when` (0.5 = 50%)."""
        gain, span = self.gain("actual", when), self.span
        if gain is None or not span:
            return None
        return gain / span


def level_at(values: dict[date, float], when: date) -> float | None:
    if not values:
        return None
    keys = sorted(values)
    i = bisect.bisect_right(keys, when)
    return None if i == 0 else values[keys[i - 1]]


def month_ends(first: date, last: date) -> list[date]:
    out, month = [], first.replace(day=1)
    while month <= last:
        out.append(workdays.month_end(month))
        month = workdays.add_months(month, 1)
    return out


def shift_months(values: dict[date, float], months: int) -> dict[date, float]:
    """The same curve `months` later (period ends stay month ends)."""
    if not months:
        return dict(values)
    return {workdays.month_end(workdays.add_months(d, months)): v for d, v in values.items()}


def check_type(value: str) -> str:
    for t in TYPES:
        if str(value).strip().casefold() == t.casefold() or str(value).strip().casefold() == t.casefold().replace("-", " "):
            return t
    raise BenefitsError(f"a benefit type is one of {', '.join(TYPES)}, not '{value}'")


def check_status(value: str) -> str:
    for s in STATUSES:
        if str(value).strip().casefold() == s.casefold():
            return s
    raise BenefitsError(f"a benefit status is one of {', '.join(STATUSES)}, not '{value}'")
