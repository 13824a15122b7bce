"""Reporting periods, financial years and FY quarters.

Conventions (DOMAIN.md):
- A reporting period is named by its end date. With the default monthly cadence the period covers
  the first of that month to the end date; with a weekly cadence the seven days ending on it.
- The *cut-off month* is the month containing the period end. Budget months up to and including
  the cut-off month carry actuals ("to date"); later months carry forecasts.
- A financial year starts on the first of `fy_start_month` (settings). It is labelled by the
  calendar year it starts in: "FY2026/27" (April start), or "FY2026" when it starts in January.
  Quarters are FY quarters, Q1 being the first three months of the FY.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.domain import workdays
from pmo_desktop.store import Portfolio, PortfolioError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PeriodError(PortfolioError):
    """A period that is malformed or has no data; str() is one line for the user."""


@dataclass(frozen=True)
class Period:
    """The reporting period a summary is for."""

    end: date  # the period's name: its last day
    start: date  # first day of the period (first of the month when monthly)
    cutoff_month: date  # first of the month holding `end`: actuals up to here, forecasts after
    fy_start_month: int

    @property
    def fy_label(self) -> str:
        return fy_label(self.cutoff_month, self.fy_start_month)

    @property
    def quarter(self) -> int:
        return fy_quarter(self.cutoff_month, self.fy_start_month)

    @property
    def fy_start(self) -> date:
        return workdays.fy_start(self.cutoff_month, self.fy_start_month)

    def as_dict(self) -> dict:
        return {"end": self.end.isoformat(), "start": self.start.isoformat(),
                "cutoff_month": self.cutoff_month.isoformat(), "fy": self.fy_label, "fy_quarter": f"Q{self.quarter}",
                "fy_start": self.fy_start.isoformat()}


def fy_year(month: date, fy_start_month: int) -> int:
    """The calendar year in which the financial year holding `month` starts."""
    return workdays.fy_start(month, fy_start_month).year


def fy_label(month: date, fy_start_month: int) -> str:
    """'FY2026/27' for a year starting in April 2026; 'FY2026' for a January start."""
    year = fy_year(month, fy_start_month)
    if fy_start_month == 1:
        return f"FY{year}"
    return f"FY{year}/{(year + 1) % 100:02d}"


def fy_quarter(month: date, fy_start_month: int) -> int:
    """1-4: which quarter of its financial year `month` falls in."""
    offset = (month.month - fy_start_month) % 12
    return offset // 3 + 1


def quarter_label(month: date, fy_start_month: int) -> str:
    """'FY2026/27 Q3'."""
    return f"{fy_label(month, fy_start_month)} Q{fy_quarter(month, fy_start_month)}"


def parse_period(text: str) -> date:
    """A YYYY-MM-DD date, or PeriodError with a one-line message."""
    text = (text or "").strip()
    if not _ISO_DATE.match(text):
        raise PeriodError(f"period must be a date written YYYY-MM-DD (for example 2026-10-31), not '{text}'")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(f"period {text} is not a real date") from None


def make_period(end: date, fy_start_month: int = 4, cadence: str = "monthly") -> Period:
    start = end - timedelta(days=6) if cadence == "weekly" else end.replace(day=1)
    return Period(end=end, start=start, cutoff_month=end.replace(day=1), fy_start_month=fy_start_month)


def default_period_end(pf: Portfolio, today: date | None = None) -> date:
    """The period in force: settings current_period, else the newest status report's period, else the
    last month with a recorded actual, else the end of the month before `today`."""
    configured = pf.settings().get("current_period")
    if configured:
        try:
            return parse_period(str(configured))
        except PeriodError:
            raise PeriodError(f"the current period in the portfolio's settings, '{configured}', is not a date "
                              "written YYYY-MM-DD; correct it in the settings") from None
    conn = pf.conn
    newest = conn.execute("SELECT max(period) FROM status_reports").fetchone()[0]
    if newest:
        return parse_period(newest)
    month = conn.execute("SELECT max(month) FROM budget_lines WHERE actual IS NOT NULL").fetchone()[0]
    if month:
        return workdays.month_end(parse_period(month))
    return workdays.previous_month_end(today or date.today())


def available_periods(pf: Portfolio) -> list[date]:
    """Periods a person can pick, newest first: every status report period, the month end of every
    month with a recorded actual, and the period in force."""
    conn = pf.conn
    found: set[date] = set()
    for (text,) in conn.execute("SELECT DISTINCT period FROM status_reports"):
        try:
            found.add(parse_period(text))
        except PeriodError:
            continue
    for (text,) in conn.execute("SELECT DISTINCT month FROM budget_lines WHERE actual IS NOT NULL"):
        try:
            found.add(workdays.month_end(parse_period(text[:10])))
        except PeriodError:
            continue
    with contextlib.suppress(PeriodError):
        found.add(default_period_end(pf))
    return sorted(found, reverse=True)


def has_data(pf: Portfolio, end: date) -> bool:
    """True when a budget line falls in the period's month or a status report is for that period."""
    month = end.replace(day=1).isoformat()
    conn = pf.conn
    return bool(
        conn.execute("SELECT 1 FROM budget_lines WHERE month = ? LIMIT 1", (month,)).fetchone()
        or conn.execute("SELECT 1 FROM status_reports WHERE period = ? LIMIT 1", (end.isoformat(),)).fetchone()
    )


def data_range(pf: Portfolio) -> tuple[str | None, str | None]:
    """First and last dates that carry data (budget months, report periods), for error messages."""
    row = pf.conn.execute(
        """SELECT min(d), max(d) FROM (SELECT min(month) AS d FROM budget_lines UNION ALL
           SELECT max(month) FROM budget_lines UNION ALL SELECT min(period) FROM status_reports
           UNION ALL SELECT max(period) FROM status_reports) WHERE d IS NOT NULL"""
    ).fetchone()
    return row[0], row[1]


def resolve_period(pf: Portfolio, period: date | str | None = None, *, require_data: bool = True,
                   today: date | None = None) -> Period:
    """The Period for `period` (a date or 'YYYY-MM-DD'), or the period in force when None.

    With an explicit period and `require_data`, a period with no budget lines in its month and no
    status reports raises PeriodError naming the range that does have data.
    """
    settings = pf.settings()
    fy_month = int(settings.get("fy_start_month") or 4)
    if not 1 <= fy_month <= 12:
        raise PeriodError(f"the financial year start month in settings must be 1-12, not {fy_month}")
    cadence = settings.get("reporting_cadence") or "monthly"
    if period is None:
        end = default_period_end(pf, today)
    else:
        end = parse_period(period) if isinstance(period, str) else period
        if require_data and not has_data(pf, end):
            first, last = data_range(pf)
            where = f"; data runs from {first} to {last}" if first else "; the portfolio has no budget or reports yet"
            raise PeriodError(f"no budget lines or status reports for the period ending {end.isoformat()}{where}")
    return make_period(end, fy_month, cadence)
