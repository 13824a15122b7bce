"""Capacity arithmetic: pure functions over plain values (no database, no Qt).

Everything is counted in person-days, then shown as FTE or a percentage:

- capacity of a person in a month = FTE x the month's working days (portfolio calendar), less each
  working day's non-working share (leave, part-time spells; where spells overlap the larger share);
- an allocation of A FTE in a month is A x the month's working days; an allocation in hours is
  hours / hours_per_day days. Leave does not shrink an allocation: it shrinks the capacity it is met from;
- utilisation = allocated days / capacity days, "n/a" (None) when capacity is zero;
- bands: under below 80%, full from 80% to 100% inclusive, over above 100% (settings can move them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from pmo_desktop.capacity.model import Allocation, Bands, Person, Spell, WorkCalendar
from pmo_desktop.domain import workdays

UNDER, FULL, OVER, NONE = "under", "full", "over", "none"
_EPS = 1e-9
DEFAULT_BANDS = Bands()


def month_working_days(calendar: WorkCalendar, month: date) -> list[date]:
    first = month.replace(day=1)
    last = workdays.month_end(first)
    days, day = [], first
    while day <= last:
        if calendar.is_working(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def capacity_days(person: Person, days: Sequence[date], spells: Iterable[Spell]) -> float:
    """Person-days available among `days` (one month's working days) given the person's spells."""
    if not days:
        return 0.0
    first, last = days[0], days[-1]
    off: dict[date, float] = {}
    for spell in spells:
        if spell.end < first or spell.start > last:
            continue
        for day in days:
            if spell.start <= day <= spell.end and spell.fraction > off.get(day, 0.0):
                off[day] = spell.fraction
    return person.fte * (len(days) - sum(off.values()))


def _capacity_row(person: Person, spells: list[Spell], day_col: dict[date, int], n_days: list[int],
                  lo: date, hi: date) -> list[float]:
    """capacity_days() for every month at once, walking only the days the spells cover (within lo..hi)."""
    off: dict[date, float] = {}
    for spell in spells:
        day, end = max(spell.start, lo), min(spell.end, hi)
        while day <= end:
            if day in day_col and spell.fraction > off.get(day, 0.0):
                off[day] = spell.fraction
            day += timedelta(days=1)
    lost = [0.0] * len(n_days)
    for day, fraction in off.items():
        lost[day_col[day]] += fraction
    return [person.fte * (n - x) for n, x in zip(n_days, lost, strict=True)]


def allocation_days(amount: float, unit: str, working_days: int, hours_per_day: float) -> float:
    if unit == "hours":
        return amount / hours_per_day
    return amount * working_days


def utilisation(allocated: float, capacity: float) -> float | None:
    if capacity <= _EPS:
        return None
    return allocated / capacity


def band(allocated: float, capacity: float, bands: Bands = DEFAULT_BANDS) -> str:
    """under / full / over, or none when there is neither capacity nor work."""
    ratio = utilisation(allocated, capacity)
    if ratio is None:
        return OVER if allocated > _EPS else NONE
    ratio = round(ratio, 9)
    if ratio > bands.over_above:
        return OVER
    if ratio >= bands.full_from:
        return FULL
    return UNDER


@dataclass
class CapacityGrid:
    """People x months: capacity and allocated person-days, and the allocations behind each cell."""

    months: list[date]
    working_days: list[int]
    people: list[Person]
    capacity: list[list[float]]
    allocated: list[list[float]]
    cells: dict[tuple[int, int], list[Allocation]]
    unstaffed: list[Allocation]
    unit: str
    hours_per_day: float
    bands: Bands = field(default_factory=Bands)

    def row_of(self, person_id: int) -> int:
        return self._rows[person_id]

    def __post_init__(self) -> None:
        self._rows = {p.id: i for i, p in enumerate(self.people)}

    def utilisation(self, row: int, col: int) -> float | None:
        return utilisation(self.allocated[row][col], self.capacity[row][col])

    def band(self, row: int, col: int) -> str:
        return band(self.allocated[row][col], self.capacity[row][col], self.bands)

    def fte(self, days: float, col: int) -> float:
        n = self.working_days[col]
        return days / n if n else 0.0

    def free_fte(self, row: int, col: int) -> float:
        return self.fte(self.capacity[row][col] - self.allocated[row][col], col)

    def days_of(self, allocation: Allocation) -> float:
        col = self.months.index(allocation.month)
        return allocation_days(allocation.amount, self.unit, self.working_days[col], self.hours_per_day)


def build_grid(
    people: Sequence[Person],
    spells: Iterable[Spell],
    allocations: Iterable[Allocation],
    calendar: WorkCalendar,
    months: Sequence[date],
    *,
    unit: str = "fte",
    hours_per_day: float = 7.5,
    bands: Bands = DEFAULT_BANDS,
) -> CapacityGrid:
    months = [m.replace(day=1) for m in months]
    days = [month_working_days(calendar, m) for m in months]
    n_days = [len(d) for d in days]
    col_of = {m: i for i, m in enumerate(months)}
    by_person: dict[int, list[Spell]] = defaultdict(list)
    for spell in spells:
        by_person[spell.person_id].append(spell)
    day_col = {day: col for col, month_days in enumerate(days) for day in month_days}
    lo, hi = (min(months), workdays.month_end(max(months))) if months else (date.min, date.min)
    capacity = [_capacity_row(p, by_person[p.id], day_col, n_days, lo, hi) if p.id in by_person
                else [p.fte * n for n in n_days] for p in people]
    allocated = [[0.0] * len(months) for _ in people]
    rows = {p.id: i for i, p in enumerate(people)}
    cells: dict[tuple[int, int], list[Allocation]] = defaultdict(list)
    unstaffed = []
    for a in allocations:
        col = col_of.get(a.month)
        if col is None:
            continue
        if a.person_id is None:
            unstaffed.append(a)
            continue
        row = rows.get(a.person_id)
        if row is None:
            continue
        allocated[row][col] += a.amount / hours_per_day if unit == "hours" else a.amount * n_days[col]
        cells[(row, col)].append(a)
    return CapacityGrid(months, n_days, list(people), capacity, allocated, dict(cells), unstaffed, unit,
                        hours_per_day, bands)


# -- views of a grid --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupMonth:
    capacity_days: float
    allocated_days: float
    working_days: int
    bands: Bands = DEFAULT_BANDS

    @property
    def utilisation(self) -> float | None:
        return utilisation(self.allocated_days, self.capacity_days)

    @property
    def band(self) -> str:
        return band(self.allocated_days, self.capacity_days, self.bands)

    @property
    def capacity_fte(self) -> float:
        return self.capacity_days / self.working_days if self.working_days else 0.0

    @property
    def allocated_fte(self) -> float:
        return self.allocated_days / self.working_days if self.working_days else 0.0


def group_utilisation(grid: CapacityGrid, key: str = "team") -> dict[str, list[GroupMonth]]:
    """Capacity and allocation summed per team (or role) and month; people without one under '(none)'."""
    sums: dict[str, list[list[float]]] = {}
    for row, person in enumerate(grid.people):
        name = getattr(person, key) or "(none)"
        acc = sums.setdefault(name, [[0.0, 0.0] for _ in grid.months])
        for col in range(len(grid.months)):
            acc[col][0] += grid.capacity[row][col]
            acc[col][1] += grid.allocated[row][col]
    return {
        name: [GroupMonth(c, a, grid.working_days[i], grid.bands) for i, (c, a) in enumerate(acc)]
        for name, acc in sorted(sums.items(), key=lambda kv: kv[0].casefold())
    }


def demand_by_role(grid: CapacityGrid) -> dict[str, list[GroupMonth]]:
    """Demand (named allocations by the person's role, plus unstaffed demand by its role) against the
    capacity of the people in each role."""
    out = {name: [GroupMonth(g.capacity_days, 0.0, g.working_days, grid.bands) for g in months]
           for name, months in group_utilisation(grid, "role").items()}
    demand: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(grid.months))
    for row, person in enumerate(grid.people):
        for col in range(len(grid.months)):
            demand[person.role or "(none)"][col] += grid.allocated[row][col]
    for a in grid.unstaffed:
        demand[a.role or "(none)"][grid.months.index(a.month)] += grid.days_of(a)
    for name, values in demand.items():
        base = out.get(name) or [GroupMonth(0.0, 0.0, n, grid.bands) for n in grid.working_days]
        out[name] = [GroupMonth(b.capacity_days, v, b.working_days, grid.bands) for b, v in zip(base, values, strict=True)]
    return dict(sorted(out.items(), key=lambda kv: kv[0].casefold()))


@dataclass(frozen=True)
class OverAllocation:
    person: Person
    month: date
    capacity_days: float
    allocated_days: float
    utilisation: float | None
    allocations: tuple[Allocation, ...]

    @property
    def excess_days(self) -> float:
        return self.allocated_days - self.capacity_days


def over_allocations(grid: CapacityGrid) -> list[OverAllocation]:
    """Every person-month in the over band, worst (most excess days) first."""
    found = []
    for row, person in enumerate(grid.people):
        for col, month in enumerate(grid.months):
            if grid.band(row, col) == OVER:
                found.append(OverAllocation(person, month, grid.capacity[row][col], grid.allocated[row][col],
                                            grid.utilisation(row, col), tuple(grid.cells.get((row, col), ()))))
    found.sort(key=lambda o: (-round(o.excess_days, 6), o.person.name.casefold(), o.month))
    return found


@dataclass(frozen=True)
class FreePerson:
    person: Person
    skill: str
    level: int
    free_fte: tuple[float, ...]  # per month of the grid

    @property
    def min_free_fte(self) -> float:
        return min(self.free_fte) if self.free_fte else 0.0


def who_is_free(grid: CapacityGrid, skill: str, *, min_level: int = 1, min_free_fte: float = 0.0) -> list[FreePerson]:
    """People with `skill` at `min_level` or above whose free capacity is at least `min_free_fte` in
    every month of the grid; most free first, then higher level, then name."""
    wanted = skill.strip().casefold()
    found = []
    for row, person in enumerate(grid.people):
        match = next(((name, lvl) for name, lvl in person.skills.items() if name.casefold() == wanted), None)
        if match is None or match[1] < min_level:
            continue
        free = tuple(grid.free_fte(row, col) for col in range(len(grid.months)))
        if all(round(f, 9) >= min_free_fte for f in free):
            found.append(FreePerson(person, match[0], match[1], free))
    found.sort(key=lambda f: (-round(f.min_free_fte, 6), -f.level, f.person.name.casefold()))
    return found


@dataclass(frozen=True)
class LabourMonth:
    project_id: int
    month: date
    allocated_days: float
    allocation_cost: int  # minor units; named allocations x day rate
    unstaffed_days: float  # demand with no person, so no rate: shown, not costed
    unrated_days: float  # named allocations of people with no day rate
    budget_planned: int | None  # the project's Labour budget lines for the month
    budget_forecast: int | None  # actual where recorded, else forecast

    @property
    def difference(self) -> int | None:
        """Allocation cost minus the Labour budget plan (positive = allocations cost more)."""
        return None if self.budget_planned is None else self.allocation_cost - self.budget_planned


def labour_cost(
    grid: CapacityGrid,
    budget: dict[tuple[int, date], tuple[int, int | None]] | None = None,
    *,
    projects: Iterable[int] | None = None,
) -> list[LabourMonth]:
    """Allocation x day rate per project and month, beside the Labour budget (planned, actual-or-forecast).

    `budget` maps (project_id, month) to (planned, actual-or-forecast) summed over Labour lines. The two
    are never merged: a month with budget but no allocation, or the reverse, is shown as it is.
    """
    budget = budget or {}
    wanted = set(projects) if projects is not None else None
    acc: dict[tuple[int, date], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for (row, _col), allocs in grid.cells.items():
        rate = grid.people[row].day_rate
        for a in allocs:
            days = grid.days_of(a)
            slot = acc[(a.project_id, a.month)]
            slot[0] += days
            if rate is None:
                slot[3] += days
            else:
                slot[1] += days * rate
    for a in grid.unstaffed:
        acc[(a.project_id, a.month)][2] += grid.days_of(a)
    months = set(grid.months)
    for key in budget:
        if key[1] in months:
            acc.setdefault(key, [0.0, 0.0, 0.0, 0.0])
    out = []
    for (project_id, month), (days, cost, unstaffed, unrated) in acc.items():
        if wanted is not None and project_id not in wanted:
            continue
        planned, forecast = budget.get((project_id, month), (None, None))
        out.append(LabourMonth(project_id, month, days, round(cost), unstaffed, unrated, planned, forecast))
    out.sort(key=lambda m: (m.project_id, m.month))
    return out
