"""Allocations derived from a plan's resource assignments (MS Project XML, GanttProject).

Each assignment puts work on its task's working days (the task's calendar in the plan, else the
plan's): the assigned work (MSPDI Work) spread evenly over those days, or else `units` of a person-day
on each of them. The person-days falling in each month become that month's allocation of the person
to the project: FTE = person-days / the month's working days on the portfolio's capacity calendar (so
the capacity view counts exactly those person-days back), or hours = person-days x hours_per_day when
the portfolio counts allocations in hours.

Resources are matched to People by name (ignoring case); a resource that is not a person is reported,
not created. Allocations derived from a plan carry the note "From plan" and are replaced by the next
import of a plan into the same project; allocations entered or changed by hand (set_allocation drops
the note) are never overwritten.

`import_plan` imports a plan (plans_io.apply_plan) and derives its allocations in one batch: all or
nothing, one undo step.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from pmo_desktop.capacity import maths
from pmo_desktop.capacity.model import PLAN_NOTE, WorkCalendar
from pmo_desktop.capacity.queries import load_calendar
from pmo_desktop.domain.enums import Source
from pmo_desktop.plans_io import Plan, PlanCalendar, PlanImport, apply_plan
from pmo_desktop.store import Portfolio

NOTE = PLAN_NOTE


@dataclass
class PlanAllocations:
    allocations: int = 0  # rows written (person x month)
    people: list[str] = field(default_factory=list)
    person_days: float = 0.0
    replaced: int = 0  # earlier plan-derived rows of the project removed
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"allocations": self.allocations, "people": self.people, "person_days": round(self.person_days, 2),
                "replaced": self.replaced, "warnings": self.warnings}


def _work_calendar(cal: PlanCalendar) -> WorkCalendar:
    return WorkCalendar(cal.working_days, frozenset(d for d, (w, _n) in cal.exceptions.items() if not w),
                        frozenset(d for d, (w, _n) in cal.exceptions.items() if w))


def _days(cal: WorkCalendar, start: date, finish: date) -> list[date]:
    out, day = [], start
    while day <= finish:
        if cal.is_working(day):
            out.append(day)
        day += timedelta(days=1)
    return out


def person_days_by_month(plan: Plan) -> tuple[dict[tuple[str, date], float], list[str]]:
    """(resource name as in the plan, first of month) -> person-days, and notes on what was skipped."""
    tasks = {t.key: t for t in plan.tasks}
    calendars = {key: _work_calendar(c) for key, c in plan.calendars.items()}
    default = _work_calendar(plan.calendar)
    out: dict[tuple[str, date], float] = defaultdict(float)
    notes: list[str] = []
    for a in plan.assignments:
        task = tasks.get(a.task_key)
        if task is None or task.kind == "milestone":
            continue
        if task.start is None or task.finish is None:
            notes.append(f"task '{task.name}' has no dates; its assignment of {a.resource} was not allocated")
            continue
        days = _days(calendars.get(task.calendar_key, default), task.start, task.finish)
        if not days:
            continue
        per_day = a.work_days / len(days) if a.work_days is not None else a.units
        if per_day <= 0:
            continue
        for day in days:
            out[(a.resource, day.replace(day=1))] += per_day
    return dict(out), notes


def allocations_from_plan(pf: Portfolio, plan: Plan, project_id: int) -> PlanAllocations:
    """Write the allocations of `plan`'s assignments to project `project_id`; see the module notes.
    Must run inside a pf.batch (the plan import's)."""
    conn = pf.conn
    result = PlanAllocations()
    replaced = conn.execute("SELECT count(*) FROM allocations WHERE project_id = ? AND note = ?",
                            (project_id, NOTE)).fetchone()[0]
    conn.execute("DELETE FROM allocations WHERE project_id = ? AND note = ?", (project_id, NOTE))
    result.replaced = replaced
    loads, result.warnings = person_days_by_month(plan)
    if not loads:
        return result
    people = {name.casefold(): (pid, name) for pid, name in conn.execute("SELECT id, name FROM people")}
    settings = pf.settings()
    hours = settings.get("allocation_unit", "fte") == "hours"
    hours_per_day = float(settings.get("hours_per_day") or 7.5)
    calendar = load_calendar(pf)
    working: dict[date, int] = {}
    unknown: list[str] = []
    kept: list[str] = []
    written: set[str] = set()
    for (resource, month), days in sorted(loads.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1])):
        match = people.get(resource.strip().casefold())
        if match is None:
            if resource not in unknown:
                unknown.append(resource)
            continue
        pid, name = match
        if month not in working:
            working[month] = len(maths.month_working_days(calendar, month))
        if hours:
            amount = days * hours_per_day
        elif working[month]:
            amount = days / working[month]
        else:
            result.warnings.append(f"{name}: {days:g} days in {month:%Y-%m}, a month with no working days on the "
                                   "portfolio calendar; not allocated")
            continue
        amount = round(amount, 6)
        if amount <= 0:
            continue
        exists = conn.execute("SELECT 1 FROM allocations WHERE person_id = ? AND project_id = ? AND month = ?",
                              (pid, project_id, month.isoformat())).fetchone()
        if exists:
            kept.append(f"{name} {month:%Y-%m}")
            continue
        conn.execute("INSERT INTO allocations (person_id, project_id, month, amount, note) VALUES (?, ?, ?, ?, ?)",
                     (pid, project_id, month.isoformat(), amount, NOTE))
        result.allocations += 1
        result.person_days += days
        written.add(name)
    result.people = sorted(written, key=str.casefold)
    if unknown:
        result.warnings.append("not in People, so not allocated: " + ", ".join(unknown))
    if kept:
        result.warnings.append("kept the allocations entered by hand for " + ", ".join(kept))
    return result


def import_plan(pf: Portfolio, plan: Plan, project_code: str | None = None, *,
                source: Source | str = Source.IMPORT) -> tuple[PlanImport, PlanAllocations]:
    """The plan as a new project (or the plan of `project_code`) and its allocations, as one batch."""
    with pf.batch(source, f"Import plan {plan.name}"):
        result = apply_plan(pf, plan, project_code, source=source)
        return result, allocations_from_plan(pf, plan, result.project_id)
