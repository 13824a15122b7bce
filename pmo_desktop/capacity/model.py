"""People, non-working spells, allocations and the working calendar as plain values, and the parsers
that turn what a user typed (or a spreadsheet held) into them.

Every parser raises `CapacityInputError` with a one-line message naming the bad value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from pmo_desktop.domain import workdays

ALLOCATION_UNITS = ("fte", "hours")
SPELL_KINDS = ("leave", "part-time")


# The note on allocations derived from a plan's assignments (capacity.from_plan): the next plan import
# into the project replaces them; an allocation typed over by hand loses the note and is kept.
PLAN_NOTE = "From plan"


class CapacityInputError(ValueError):
    """A value the user gave cannot be used; str() is one line for the user."""


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str | None
    team: str | None
    fte: float
    day_rate: int | None = None  # minor units per working day
    skills: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Spell:
    """Time a person does not work: `fraction` of each working day from start to end (inclusive)."""

    person_id: int
    start: date
    end: date
    kind: str
    fraction: float


class Allocation(NamedTuple):  # a tuple: tens of thousands are loaded at once
    id: int
    person_id: int | None
    role: str | None
    project_id: int
    month: date
    amount: float  # in the portfolio's allocation unit


@dataclass(frozen=True)
class WorkCalendar:
    working_days: str = workdays.WEEKDAYS
    holidays: frozenset[date] = frozenset()
    extra_working: frozenset[date] = frozenset()

    def is_working(self, day: date) -> bool:
        if day in self.extra_working:
            return True
        return workdays.is_working(day, self.working_days, self.holidays)


@dataclass(frozen=True)
class Bands:
    """Utilisation bands: under < full_from, full_from <= full <= over_above, over > over_above (ratios)."""

    full_from: float = 0.80
    over_above: float = 1.00

    @classmethod
    def from_settings(cls, value: dict | None) -> Bands:
        value = value or {}
        return cls(value.get("full_from_pct", 80) / 100, value.get("over_above_pct", 100) / 100)


# -- parsing user values -----------------------------------------------------------------------------

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$")


def parse_month(text: str | date, what: str = "month") -> date:
    """'2026-11', '2026-11-01' or a date -> the first of that month."""
    if isinstance(text, date):
        return text.replace(day=1)
    m = _MONTH.match(str(text))
    if not m:
        raise CapacityInputError(f"{what} must look like YYYY-MM, not '{text}'")
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise CapacityInputError(f"{what} '{text}' is not a real month")
    if m.group(3) is not None:
        try:
            date(year, month, int(m.group(3)))
        except ValueError:
            raise CapacityInputError(f"{what} '{text}' is not a real date") from None
    return date(year, month, 1)


def parse_date(text: str | date, what: str = "date") -> date:
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise CapacityInputError(f"{what} must be a date like 2026-11-27, not '{text}'") from None


def month_range(first: date, last: date, *, limit: int = 120) -> list[date]:
    """The first days of every month from `first` to `last` inclusive."""
    if last < first:
        raise CapacityInputError(f"the range ends ({last:%Y-%m}) before it starts ({first:%Y-%m})")
    months = [first]
    while months[-1] < last:
        months.append(workdays.add_months(months[-1], 1))
        if len(months) > limit:
            raise CapacityInputError(f"a range of more than {limit} months is too long")
    return months


def _number(value, what: str) -> float:
    if isinstance(value, bool):
        raise CapacityInputError(f"{what} must be a number, not '{value}'")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", "")
    try:
        return float(text)
    except ValueError:
        raise CapacityInputError(f"{what} must be a number, not '{value}'") from None


def parse_fte(value, what: str = "FTE") -> float:
    """0 < FTE <= 1; '80%' is read as 0.8."""
    if isinstance(value, str) and value.strip().endswith("%"):
        fte = _number(value.strip()[:-1], what) / 100
    else:
        fte = _number(value, what)
    if not 0 < fte <= 1:
        raise CapacityInputError(f"{what} must be more than 0 and at most 1, not '{value}'")
    return round(fte, 4)


def parse_fraction(value, what: str = "fraction") -> float:
    return parse_fte(value, what)


def parse_amount(value, unit: str) -> float:
    what = "hours" if unit == "hours" else "FTE"
    amount = _number(value, what)
    if amount < 0 or amount != amount:
        raise CapacityInputError(f"{what} must be zero or more, not '{value}'")
    if unit == "fte" and amount > 5:
        raise CapacityInputError(f"an allocation of {amount:g} FTE in one month is not believable")
    if unit == "hours" and amount > 744:
        raise CapacityInputError(f"{amount:g} hours is more than a month has")
    return amount


def parse_rate(value, what: str = "day rate") -> int | None:
    """A day rate in major units ('650', '£650.50', '1,200') -> minor units; blank -> None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip().lstrip("£$€¥₹").strip()
    rate = _number(value, what)
    if rate < 0 or rate > 1_000_000 or rate != rate:
        raise CapacityInputError(f"{what} must be between 0 and 1,000,000, not '{value}'")
    return round(rate * 100)


def parse_level(value, what: str = "skill level") -> int:
    level = _number(value, what)
    if level != int(level) or not 1 <= level <= 5:
        raise CapacityInputError(f"{what} must be a whole number from 1 to 5, not '{value}'")
    return int(level)


def parse_skills(text: str | None) -> dict[str, int]:
    """'Python:4; SQL:3' -> {'Python': 4, 'SQL': 3}; a skill without a level gets 3."""
    skills: dict[str, int] = {}
    if text is None:
        return skills
    for part in re.split(r"[;\n]", str(text)):
        part = part.strip()
        if not part:
            continue
        name, sep, level = part.rpartition(":")
        if not sep:
            name, level = part, "3"
        name = " ".join(name.split())
        if not name:
            raise CapacityInputError(f"skill '{part}' has no name")
        if len(name) > 60:
            raise CapacityInputError(f"skill name '{name[:30]}…' is too long")
        if any(existing.casefold() == name.casefold() for existing in skills):
            raise CapacityInputError(f"skill '{name}' is listed twice")
        skills[name] = parse_level(level.strip(), f"level of skill '{name}'")
    return skills


def format_skills(skills: dict[str, int]) -> str:
    return "; ".join(f"{name}:{level}" for name, level in sorted(skills.items(), key=lambda kv: kv[0].casefold()))
