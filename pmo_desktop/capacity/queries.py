"""Reading people, spells, allocations and the calendar out of a portfolio, and the capacity figures
that the CLI, `pmo summary` and the GUI share. Read-only: nothing here writes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pmo_desktop.capacity import maths
from pmo_desktop.capacity.model import (
    ALLOCATION_UNITS,
    Allocation,
    Bands,
    CapacityInputError,
    Person,
    Spell,
    WorkCalendar,
    month_range,
    parse_date,
)
from pmo_desktop.domain import workdays
from pmo_desktop.store import Portfolio


def load_calendar(pf: Portfolio, name: str | None = None) -> WorkCalendar:
    """The portfolio calendar: the one named in settings (`capacity_calendar`), else the first one."""
    name = name if name is not None else pf.settings().get("capacity_calendar")
    if name:
        row = pf.conn.execute("SELECT id, working_days FROM calendars WHERE name = ?", (name,)).fetchone()
    else:
        row = pf.conn.execute("SELECT id, working_days FROM calendars ORDER BY id LIMIT 1").fetchone()
    if row is None:
        if name:
            raise CapacityInputError(f"there is no calendar called '{name}'")
        return WorkCalendar()
    off, on = set(), set()
    for day, working in pf.conn.execute("SELECT date, working FROM calendar_exceptions WHERE calendar_id = ?",
                                        (row[0],)):
        try:
            (on if working else off).add(date.fromisoformat(day))
        except (TypeError, ValueError):
            continue  # `pmo check` reports malformed dates; capacity ignores them
    return WorkCalendar(row[1], frozenset(off), frozenset(on))


def load_people(pf: Portfolio, *, team: str | None = None) -> list[Person]:
    where, params = "", ()
    if team is not None:
        where, params = "WHERE team = ? COLLATE NOCASE", (team,)
    rows = pf.conn.execute(
        f"SELECT id, name, role, team, fte, day_rate FROM people {where} ORDER BY team, name", params
    ).fetchall()
    skills: dict[int, dict[str, int]] = {}
    for person_id, skill, level in pf.conn.execute(
        "SELECT person_id, skill, level FROM person_skills ORDER BY person_id, skill"
    ):
        skills.setdefault(person_id, {})[skill] = level
    return [Person(r[0], r[1], r[2], r[3], r[4], r[5], skills.get(r[0], {})) for r in rows]


def load_spells(pf: Portfolio, first: date, last: date) -> list[Spell]:
    end = workdays.month_end(last).isoformat()
    return [
        Spell(r[0], date.fromisoformat(r[1]), date.fromisoformat(r[2]), r[3], r[4])
        for r in pf.conn.execute(
            "SELECT person_id, start_date, end_date, kind, fraction FROM non_working "
            "WHERE end_date >= ? AND start_date <= ?", (first.isoformat(), end))
    ]


def load_allocations(pf: Portfolio, first: date, last: date, *, project_id: int | None = None) -> list[Allocation]:
    sql = ("SELECT id, person_id, role, project_id, month, amount FROM allocations "
           "WHERE month >= ? AND month <= ?")
    params: tuple = (first.isoformat(), last.isoformat())
    if project_id is not None:
        sql += " AND project_id = ?"
        params += (project_id,)
    months: dict[str, date] = {}
    return [Allocation(r[0], r[1], r[2], r[3], months.get(r[4]) or months.setdefault(r[4], date.fromisoformat(r[4])),
                       r[5]) for r in pf.conn.execute(sql + " ORDER BY id", params)]


def teams(pf: Portfolio) -> list[str]:
    listed = list(pf.settings().get("teams") or [])
    used = [r[0] for r in pf.conn.execute("SELECT DISTINCT team FROM people WHERE team IS NOT NULL ORDER BY team")]
    return listed + [t for t in used if t.casefold() not in {x.casefold() for x in listed}]


def capacity_grid(pf: Portfolio, first: date, last: date, *, team: str | None = None,
                  with_allocations: bool = True) -> maths.CapacityGrid:
    """The people x months grid for months `first`..`last` (first days of months), optionally one team.

    `with_allocations=False` gives capacity alone (allocated all zero), for callers that sum
    allocations in SQL (the scenario comparison)."""
    months = month_range(first, last)
    settings = pf.settings()
    unit = settings.get("allocation_unit", "fte")
    hours_per_day = settings.get("hours_per_day") or 7.5
    if unit not in ALLOCATION_UNITS:
        raise CapacityInputError(f"the allocation_unit setting must be 'fte' or 'hours', not '{unit}'")
    if not isinstance(hours_per_day, int | float) or not 0 < hours_per_day <= 24:
        raise CapacityInputError(f"the hours_per_day setting must be a number of hours from 0 to 24, not "
                                 f"'{hours_per_day}'")
    people = load_people(pf, team=team)
    if team is not None and not people:
        known = ", ".join(teams(pf)) or "none yet"
        raise CapacityInputError(f"no one is in team '{team}' (teams: {known})")
    return maths.build_grid(
        people, load_spells(pf, months[0], months[-1]),
        load_allocations(pf, months[0], months[-1]) if with_allocations else [],
        load_calendar(pf), months, unit=unit, hours_per_day=float(hours_per_day),
        bands=Bands.from_settings(settings.get("utilisation_bands")),
    )


def labour_budget(pf: Portfolio, first: date, last: date) -> dict[tuple[int, date], tuple[int, int | None]]:
    """(project, month) -> (planned, actual-or-forecast) summed over the project's Labour budget lines."""
    out = {}
    for project_id, month, planned, other, n_other in pf.conn.execute(
        """SELECT project_id, month, sum(planned), sum(coalesce(actual, forecast)),
                  count(coalesce(actual, forecast))
           FROM budget_lines WHERE category = 'Labour' COLLATE NOCASE AND month >= ? AND month <= ?
           GROUP BY project_id, month""", (first.isoformat(), last.isoformat())):
        out[(project_id, date.fromisoformat(month))] = (planned, other if n_other else None)
    return out


def project_labels(pf: Portfolio) -> dict[int, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in pf.conn.execute("SELECT id, code, name FROM projects")}


def default_first_month(pf: Portfolio, today: date | None = None) -> date:
    """The month after the current reporting period, else this month."""
    period = pf.settings().get("current_period")
    if period:
        try:
            return workdays.add_months(parse_date(period), 1)
        except CapacityInputError:
            pass
    return (today or date.today()).replace(day=1)


# -- plain-data reports (JSON-ready) ------------------------------------------------------------------


def _pct(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def group_report(grid: maths.CapacityGrid, groups: dict[str, list[maths.GroupMonth]]) -> dict[str, list[dict]]:
    return {
        name: [{"month": m.strftime("%Y-%m"), "capacity_fte": round(g.capacity_fte, 2),
                "allocated_fte": round(g.allocated_fte, 2), "capacity_days": round(g.capacity_days, 2),
                "allocated_days": round(g.allocated_days, 2), "utilisation_pct": _pct(g.utilisation),
                "band": g.band}
               for m, g in zip(grid.months, values, strict=True)]
        for name, values in groups.items()
    }


def over_allocation_report(grid: maths.CapacityGrid, labels: dict[int, tuple[str, str]],
                           limit: int | None = None, found: list[maths.OverAllocation] | None = None) -> list[dict]:
    found = maths.over_allocations(grid) if found is None else found
    out = []
    for o in found[:limit]:
        out.append({
            "person": o.person.name, "team": o.person.team, "role": o.person.role,
            "month": o.month.strftime("%Y-%m"), "capacity_days": round(o.capacity_days, 2),
            "allocated_days": round(o.allocated_days, 2), "excess_days": round(o.excess_days, 2),
            "utilisation_pct": _pct(o.utilisation),
            "projects": [{"project": labels.get(a.project_id, (str(a.project_id), ""))[0],
                          "days": round(grid.days_of(a), 2)} for a in o.allocations],
        })
    return out


def capacity_summary(pf: Portfolio, period: str | date | None = None, *, months: int = 6,
                     top: int = 10) -> dict[str, Any]:
    """Capacity figures for `pmo summary`: utilisation per team per month for the `months` months
    starting with the month after `period` (a reporting period end date; default the current period),
    and the top over-allocations. Plain data, ready for JSON or a board-pack section."""
    if period is None:
        first = default_first_month(pf)
    else:
        first = workdays.add_months(parse_date(period, "period"), 1)
    last = workdays.add_months(first, months - 1)
    grid = capacity_grid(pf, first, last)
    over = maths.over_allocations(grid)
    return {
        "from": first.strftime("%Y-%m"), "to": last.strftime("%Y-%m"),
        "people": len(grid.people),
        "teams": group_report(grid, maths.group_utilisation(grid, "team")),
        "demand_by_role": group_report(grid, maths.demand_by_role(grid)),
        "over_allocation_count": len(over),
        "people_over_allocated": len({o.person.id for o in over}),
        "over_allocations": over_allocation_report(grid, project_labels(pf), limit=top, found=over),
        "unstaffed_days": round(sum(grid.days_of(a) for a in grid.unstaffed), 2),
    }
