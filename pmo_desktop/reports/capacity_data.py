"""The board pack's capacity figures, all from the capacity service (pmo_desktop.capacity): demand
against capacity per team per month for the months after the period, and the top over-allocations.
The pack does no capacity arithmetic of its own.

People are not tied to programmes, so these figures always cover the whole portfolio, even in a pack
filtered to one programme (the section says so)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmo_desktop.capacity import capacity_summary
from pmo_desktop.domain import workdays
from pmo_desktop.store import Portfolio

MONTHS = 6  # the months after the period the section shows (as `pmo summary`)
TOP = 8  # over-allocations listed


@dataclass
class PackCapacity:
    first: date  # first day of the first month shown
    months: list[date]
    people: int
    teams: dict[str, list[dict]]  # team -> one capacity_summary month dict per month
    over: list[dict]  # worst first, at most TOP (capacity_summary's over_allocations)
    over_count: int
    people_over: int
    unstaffed_days: float

    @property
    def has_people(self) -> bool:
        return self.people > 0


def load_capacity(pf: Portfolio, period: date, *, months: int = MONTHS, top: int = TOP) -> PackCapacity:
    """Raises capacity.CapacityInputError for settings the capacity service cannot use."""
    c = capacity_summary(pf, period, months=months, top=top)
    first = date.fromisoformat(c["from"] + "-01")
    month_list = [workdays.add_months(first, i) for i in range(months)]
    return PackCapacity(first=first, months=month_list, people=c["people"], teams=c["teams"],
                        over=c["over_allocations"], over_count=c["over_allocation_count"],
                        people_over=c["people_over_allocated"], unstaffed_days=c["unstaffed_days"])
