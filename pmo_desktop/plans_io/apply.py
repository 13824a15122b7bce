"""Bringing a Plan into the portfolio: a new project, or the plan of an existing one. One undo step."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pmo_desktop.domain.enums import Source
from pmo_desktop.plans_io.model import Plan, PlanCalendar, PlanFileError
from pmo_desktop.scheduling.calendar import CalendarError, WorkCalendar, format_hours, week_hours_text
from pmo_desktop.scheduling.service import plan_loop
from pmo_desktop.scheduling.stored import stored_times
from pmo_desktop.store import Portfolio, PortfolioError


@dataclass
class PlanImport:
    project: str
    project_id: int
    created: bool
    tasks: int
    links: int
    replaced_tasks: int
    calendar: str
    batch_id: int
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"project": self.project, "project_id": self.project_id, "created": self.created,
                "tasks": self.tasks, "links": self.links, "replaced_tasks": self.replaced_tasks,
                "calendar": self.calendar, "batch": self.batch_id, "warnings": self.warnings}


def _iso(d):
    return d.isoformat() if d else None


def _new_code(conn) -> str:
    numbers = [int(m.group(1)) for (c,) in conn.execute("SELECT code FROM projects WHERE code LIKE 'PLAN-%'")
               if (m := re.fullmatch(r"PLAN-(\d+)", c))]
    return f"PLAN-{max(numbers, default=0) + 1:03d}"


def _unique_calendar_name(conn, wanted: str) -> str:
    name, n = wanted, 1
    while conn.execute("SELECT 1 FROM calendars WHERE name = ?", (name,)).fetchone():
        n += 1
        name = f"{wanted} {n}"
    return name


def apply_plan(pf: Portfolio, plan: Plan, project_code: str | None = None, *,
               source: Source | str = Source.IMPORT) -> PlanImport:
    """Write `plan` as a new project, or as the whole plan of project `project_code` (its old tasks and
    links are replaced). Everything happens in one batch: all or nothing, one undo step."""
    conn = pf.conn
    if not plan.tasks and project_code is None and not plan.name:
        raise PlanFileError("the plan has no tasks and no name; nothing to import")
    with pf.batch(source, f"Import plan {plan.name}") as batch_id:
        created = False
        replaced = 0
        if project_code is not None:
            row = conn.execute("SELECT id FROM projects WHERE code = ?", (project_code,)).fetchone()
            if row is None:
                raise PortfolioError(f"there is no project with code '{project_code}'; leave out --project "
                                     "to import the plan as a new project")
            project_id = row[0]
            replaced = conn.execute("SELECT count(*) FROM tasks WHERE project_id = ?", (project_id,)).fetchone()[0]
            conn.execute("DELETE FROM tasks WHERE project_id = ?", (project_id,))
            code = project_code
        else:
            code = _new_code(conn)
            project_id = conn.execute(
                """INSERT INTO projects (code, name, description, start_date, finish_date, baseline_start,
                   baseline_finish, percent_complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (code, plan.name or code, f"Imported from {plan.source}", _iso(plan.start), _iso(plan.finish),
                 _iso(min((t.baseline_start for t in plan.tasks if t.baseline_start), default=None)),
                 _iso(max((t.baseline_finish for t in plan.tasks if t.baseline_finish), default=None)),
                 _overall_percent(plan)),
            ).lastrowid
            created = True
        calendar_id, cal_name = _add_calendar(conn, plan.calendar, code)
        conn.execute("UPDATE projects SET calendar_id = ?, honor_constraints = ? WHERE id = ?",
                     (calendar_id, int(plan.honor_constraints), project_id))
        task_calendars = {key: _add_calendar(conn, cal, code)[0] for key, cal in plan.calendars.items()}
        work = {None: _work_calendar(plan.calendar)}
        work.update({key: _work_calendar(cal) for key, cal in plan.calendars.items()})
        ids: dict[str, int] = {}
        outline = _outline_numbers(plan)
        for sort, t in enumerate(plan.tasks, start=1):
            if t.key in ids:
                raise PlanFileError(f"the plan names task id '{t.key}' twice; the file is inconsistent")
            parent = ids.get(t.parent_key) if t.parent_key is not None else None
            start, finish, s_at, f_at = _iso(t.start), _iso(t.finish), None, None
            if t.start_at and t.finish_at and work.get(t.calendar_key):
                start, finish = t.start_at.date().isoformat(), t.finish_at.date().isoformat()
                s_at, f_at = stored_times(work[t.calendar_key], t.start_at, t.finish_at)
            cdate = _iso(t.constraint_date)
            if t.constraint_at is not None:
                cdate = _minute(t.constraint_at, work[None])
            ids[t.key] = conn.execute(
                """INSERT INTO tasks (project_id, parent_id, wbs, name, kind, start_date, finish_date,
                   duration_days, baseline_start, baseline_finish, actual_start, actual_finish,
                   percent_complete, owner, sort_order, constraint_type, constraint_date, calendar_id, notes,
                   start_at, finish_at, duration_minutes, duration_format, deadline, manual)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (project_id, parent, t.wbs or outline[t.key], t.name or f"Task {sort}", t.kind, start,
                 finish, t.duration_days, _iso(t.baseline_start), _iso(t.baseline_finish),
                 _iso(t.actual_start), _iso(t.actual_finish), t.percent_complete, t.owner, sort,
                 t.constraint_type, cdate, task_calendars.get(t.calendar_key, calendar_id),
                 t.notes, s_at, f_at, t.duration_minutes, t.duration_format,
                 t.deadline.isoformat(timespec="minutes") if t.deadline else None, int(t.manual)),
            ).lastrowid
            if t.properties:
                conn.executemany("INSERT INTO task_properties (task_id, name, value) VALUES (?, ?, ?)",
                                 [(ids[t.key], k, v) for k, v in t.properties.items()])
        seen = set()
        links = 0
        warnings = list(plan.warnings)
        for link in plan.links:
            if link.project is not None:
                found = _external_task(conn, link, project_id)
                succ = ids.get(link.successor_key)
                if found is None or succ is None:
                    warnings.append(f"a link from project '{link.project}' (its task {link.predecessor_key}) was "
                                    "skipped: import that project into the portfolio first")
                    continue
                pair = (found, succ)
            else:
                pair = (ids.get(link.predecessor_key), ids.get(link.successor_key))
            if None in pair or pair[0] == pair[1] or pair in seen:
                continue
            seen.add(pair)
            conn.execute("""INSERT INTO dependencies (predecessor_id, successor_id, type, lag_days, lag_minutes,
                            lag_format, lag_percent) VALUES (?,?,?,?,?,?,?)""",
                         (*pair, link.type, link.lag_days, link.lag_minutes, link.lag_format, link.lag_percent))
            links += 1
    loop = plan_loop(conn, project_id)
    if loop:  # imported as it is; `pmo schedule` leaves this plan alone and schedules the others
        warnings.append(f"{code}: the plan has a {loop}; its dates stay as imported until then")
    return PlanImport(code, project_id, created, len(ids), links, replaced, cal_name, batch_id, warnings)


def _external_task(conn, link, project_id: int) -> int | None:
    """The portfolio's task that an MSPDI link to another project names: the project by name or code
    (the other file's name), the task by its ID in that file: the MS Project ID it was imported with, else
    its place in the plan (the ID `pmo export-plan` gives it). Where the file also names the task (its
    external task), the candidate with that name wins, then any one task of that name."""
    key, name = str(link.predecessor_key), (link.predecessor_name or "").strip().lower()
    for (pid,) in conn.execute("SELECT id FROM projects WHERE (lower(name) = lower(?) OR lower(code) = lower(?)) "
                               "AND id <> ? ORDER BY id DESC", (link.project, link.project, project_id)):
        tasks = conn.execute("SELECT id, lower(name) FROM tasks WHERE project_id = ? ORDER BY sort_order, id",
                             (pid,)).fetchall()
        by_id = conn.execute(
            """SELECT t.id, lower(t.name) FROM tasks t JOIN task_properties tp ON tp.task_id = t.id
               WHERE t.project_id = ? AND tp.name = 'MS Project ID' AND tp.value = ?""", (pid, key)).fetchone()
        by_place = tasks[int(key) - 1] if key.isdigit() and 0 < int(key) <= len(tasks) else None
        candidates = [c for c in (by_id, by_place) if c is not None]
        if name:
            named = [c for c in candidates if c[1] == name] or [t for t in tasks if t[1] == name]
            if len(named) == 1 or (named and named[0] in candidates):
                return named[0][0]
        if candidates:
            return candidates[0][0]
    return None


def _add_calendar(conn, cal, code: str) -> tuple[int, str]:
    base_name = re.sub(r"\s*\([A-Z0-9][A-Z0-9_-]*\)$", "", cal.name) or "Standard"
    name = _unique_calendar_name(conn, f"{base_name} ({code})")
    calendar_id = conn.execute(
        """INSERT INTO calendars (name, working_days, hours, minutes_per_day, minutes_per_week, days_per_month)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (name, cal.working_days, week_hours_text(cal.hours), cal.minutes_per_day, cal.minutes_per_week,
         cal.days_per_month)).lastrowid
    own = cal.exception_hours
    conn.executemany(
        "INSERT INTO calendar_exceptions (calendar_id, date, working, name, hours) VALUES (?, ?, ?, ?, ?)",
        [(calendar_id, d.isoformat(), int(w), n, format_hours(own[d]) if w and own.get(d) else None)
         for d, (w, n) in sorted(cal.exceptions.items())],
    )
    return calendar_id, name


def _work_calendar(cal: PlanCalendar) -> WorkCalendar | None:
    try:
        return WorkCalendar(cal.working_days, {d: w for d, (w, _n) in cal.exceptions.items()}, name=cal.name,
                            week_hours=cal.hours, exception_hours=cal.exception_hours,
                            minutes_per_day=cal.minutes_per_day)
    except CalendarError:
        return None


def _minute(at, work) -> str:
    """A constraint instant: the day alone when it is the day's first working minute."""
    s_at, _f = stored_times(work, at, None) if work else (at.isoformat(timespec="minutes"), None)
    return s_at or at.date().isoformat()


def _overall_percent(plan: Plan) -> float | None:
    leaves = [t for t in plan.tasks if t.kind != "summary" and t.percent_complete is not None]
    weight = sum(max(1, t.duration_days or 0) for t in leaves)
    if not leaves or not weight:
        return None
    return round(sum(t.percent_complete * max(1, t.duration_days or 0) for t in leaves) / weight, 1)


def _outline_numbers(plan: Plan) -> dict[str, str]:
    """1, 1.1, 1.2, 2 ... from the nesting, for plans that carry no WBS of their own."""
    counters: dict[str | None, int] = {}
    numbers: dict[str, str] = {}
    for t in plan.tasks:
        counters[t.parent_key] = counters.get(t.parent_key, 0) + 1
        prefix = numbers.get(t.parent_key) if t.parent_key is not None else None
        numbers[t.key] = f"{prefix}.{counters[t.parent_key]}" if prefix else str(counters[t.parent_key])
    return numbers
