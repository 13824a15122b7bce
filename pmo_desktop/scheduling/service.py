"""Rescheduling the plans stored in a portfolio: read, run the engine, write the changes as one step."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.domain.enums import Source
from pmo_desktop.scheduling import plan_dates
from pmo_desktop.scheduling.calendar import CalendarError, WorkCalendar, load_calendar
from pmo_desktop.scheduling.engine import Schedule, schedule
from pmo_desktop.scheduling.network import (
    DependencyLoop,
    LinkInput,
    TaskInput,
    build_network,
    topological_order,
)
from pmo_desktop.store import Portfolio, PortfolioError

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


class Cancelled(PortfolioError):
    """The user cancelled; nothing was written."""


@dataclass
class ProjectSchedule:
    """What rescheduling one project found (and, unless a dry run, wrote)."""

    project_id: int
    code: str
    name: str
    tasks: int
    links: int
    changed: list[dict] = field(default_factory=list)  # id, name, old/new start and finish
    critical_path: list[dict] = field(default_factory=list)  # id, name
    start: date | None = None
    finish: date | None = None
    late_tasks: list[dict] = field(default_factory=list)  # negative float: a deadline is missed
    schedule: Schedule | None = None
    updates: list[tuple] = field(default_factory=list)  # (start, finish, duration, id) rows to write

    def as_dict(self) -> dict:
        return {
            "project": self.code, "name": self.name, "tasks": self.tasks, "links": self.links,
            "changed": self.changed, "critical_path": self.critical_path,
            "start": _iso(self.start), "finish": _iso(self.finish), "late_tasks": self.late_tasks,
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def parse_date(text, _parse=date.fromisoformat) -> date | None:
    """An ISO date from the store, or None when empty or malformed (never raises)."""
    if not text:
        return None
    try:
        return _parse(text if len(text) == 10 else text[:10])
    except (TypeError, ValueError):
        return None


def project_calendar(conn: sqlite3.Connection, project_id: int, origin: date | None = None) -> WorkCalendar:
    """The project's own calendar, else the one most of its tasks use, else Monday to Friday."""
    return load_calendar(conn, project_calendar_id(conn, project_id), origin=origin)


def project_calendar_id(conn: sqlite3.Connection, project_id: int) -> int | None:
    row = conn.execute("SELECT calendar_id FROM projects WHERE id = ?", (project_id,)).fetchone()
    calendar_id = row[0] if row else None
    if calendar_id is None:
        row = conn.execute(
            """SELECT calendar_id FROM tasks WHERE project_id = ? AND calendar_id IS NOT NULL
               GROUP BY calendar_id ORDER BY count(*) DESC, calendar_id LIMIT 1""", (project_id,)
        ).fetchone()
        calendar_id = row[0] if row else None
    return calendar_id


def load_plan(conn: sqlite3.Connection, project_id: int) -> tuple[list[TaskInput], list[LinkInput], dict]:
    """The project's tasks and links as engine inputs, plus the stored dates keyed by task id."""
    tasks, stored = [], {}
    for (tid, parent, name, kind, start, finish, duration, ctype, cdate, a_start, a_finish, cal) in conn.execute(
        """SELECT id, parent_id, name, kind, start_date, finish_date, duration_days, constraint_type,
                  constraint_date, actual_start, actual_finish, calendar_id
           FROM tasks WHERE project_id = ? ORDER BY sort_order, id""", (project_id,)
    ):
        t = TaskInput(tid, name, parent, kind, parse_date(start), parse_date(finish), duration,
                      ctype, parse_date(cdate), parse_date(a_start), parse_date(a_finish), cal)
        tasks.append(t)
        stored[tid] = (start, finish, duration, name, kind)
    links = [
        LinkInput(p, s, t, lag or 0)
        for p, s, t, lag in conn.execute(
            """SELECT d.predecessor_id, d.successor_id, d.type, d.lag_days FROM dependencies d
               JOIN tasks t ON t.id = d.successor_id WHERE t.project_id = ? ORDER BY d.id""", (project_id,)
        )
    ]
    return tasks, links, stored


def plan_loop(conn: sqlite3.Connection, project_id: int) -> str | None:
    """The dependency loop in a project's plan, in words, or None when its links have an order."""
    tasks, links, _stored = load_plan(conn, project_id)
    try:
        topological_order(build_network(tasks, links))
    except DependencyLoop as exc:
        return str(exc)
    return None


def milestones_on_next_day(tasks: list[TaskInput], links: list[LinkInput], calendar: WorkCalendar) -> bool:
    """Which way the plan places a milestone that follows a finish: on that day (MS Project) or on the
    next working morning (GanttProject, and plans made that way). The stored plan votes: each
    finish-to-start link without lag from a task into a milestone compares their dates. A plan
    keeps the convention it was made with, so rescheduling does not move every milestone by a day."""
    by_id = {t.id: t for t in tasks}
    same = nxt = 0
    for link in links:
        a, b = by_id.get(link.predecessor_id), by_id.get(link.successor_id)
        if (link.type != "FS" or link.lag or a is None or b is None or b.kind != "milestone"
                or a.kind == "milestone" or not a.finish or not b.start):
            continue
        if b.start == a.finish:
            same += 1
        elif b.start == calendar.add_days(a.finish, 1):
            nxt += 1
    return nxt > same


def schedule_project(conn: sqlite3.Connection, project_id: int) -> ProjectSchedule:
    """Compute (without writing) the schedule of one project."""
    row = conn.execute("SELECT code, name, start_date FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise PortfolioError(f"there is no project with id {project_id}")
    code, name, p_start = row
    tasks, links, stored = load_plan(conn, project_id)
    starts = [t.start for t in tasks if t.start]
    project_start = parse_date(p_start)
    if starts and (project_start is None or min(starts) < project_start):
        project_start = min(starts)  # a plan that already starts earlier is not pulled later
    calendar_id = project_calendar_id(conn, project_id)
    calendar = load_calendar(conn, calendar_id, origin=project_start)
    own: dict[int, WorkCalendar] = {}
    for t in tasks:  # tasks on a calendar other than the project's get theirs
        if t.calendar is None or t.calendar == calendar_id:
            t.calendar = None
        else:
            if t.calendar not in own:
                own[t.calendar] = load_calendar(conn, t.calendar, origin=project_start)
            t.calendar = own[t.calendar]
    try:
        result = schedule(tasks, links, calendar, project_start,
                          milestones_next_day=milestones_on_next_day(tasks, links, calendar))
    except DependencyLoop as exc:
        raise DependencyLoop(f"{code}: {exc}", exc.task_ids) from None
    except CalendarError as exc:
        raise CalendarError(f"{code}: {exc}") from None
    report = ProjectSchedule(project_id, code, name, len(tasks), len(links), schedule=result,
                             start=result.start, finish=result.finish)
    names = {t.id: t.name for t in tasks}
    for tid, r in result.tasks.items():
        old_start, old_finish, old_duration, _name, kind = stored[tid]
        new_start, new_finish = _iso(r.start), _iso(r.finish)
        new_duration = old_duration
        if kind == "summary" or old_duration is None:
            new_duration = r.duration
        if (new_start, new_finish, new_duration) != (old_start, old_finish, old_duration):
            report.updates.append((new_start, new_finish, new_duration, tid))
        if (new_start, new_finish) != (old_start, old_finish):
            report.changed.append({"id": tid, "name": names[tid], "old_start": old_start,
                                   "old_finish": old_finish, "start": new_start, "finish": new_finish,
                                   "duration": new_duration})
    report.critical_path = [{"id": i, "name": names[i]} for i in result.critical_path]
    report.late_tasks = [{"id": i, "name": names[i], "total_float": result.tasks[i].total_float}
                         for i in result.late_tasks]
    return report


@dataclass
class Rescheduled:
    projects: list[ProjectSchedule]
    batch_id: int | None  # the one undo step, or None when no date changed
    # One line per project left as it was (a dependency loop, an impossible calendar), when all are scheduled.
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(len(p.changed) for p in self.projects)


def reschedule(pf: Portfolio, project_code: str | None = None, *, source: Source | str = Source.CLI,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Rescheduled:
    """Reschedule one project (or every project with a plan) and write all changed dates in ONE batch.

    All projects are computed before anything is written, so a cancel leaves the file untouched. A plan
    that cannot be scheduled (a dependency loop, a calendar out of range) stops a one-project run; in a
    run over every project it is left as it is and named in `skipped`, and the others are scheduled.
    """
    conn = pf.conn
    if project_code is not None:
        row = conn.execute("SELECT id FROM projects WHERE code = ?", (project_code,)).fetchone()
        if row is None:
            raise PortfolioError(f"there is no project with code '{project_code}'")
        ids = [row[0]]
    else:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM projects WHERE id IN (SELECT DISTINCT project_id FROM tasks) ORDER BY code")]
    reports = []
    skipped: list[str] = []
    for done, pid in enumerate(ids, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled("rescheduling cancelled; nothing was changed")
        try:
            reports.append(schedule_project(conn, pid))
        except (DependencyLoop, CalendarError) as exc:
            if project_code is not None:
                raise
            skipped.append(f"{exc}; its plan was not rescheduled")
        if progress is not None:
            progress(done, len(ids))
    changes = [u for r in reports for u in r.updates]
    batch_id = None
    wanted = {r.project_id for r in reports}  # the plans scheduled (not those skipped)
    if changes or any(d[0] in wanted for d in plan_dates.disagreements(conn)):
        label = f"Reschedule {project_code}" if project_code else f"Reschedule {len(reports)} plans"
        with pf.batch(source, label) as batch_id:
            conn.executemany(
                f"""UPDATE tasks SET start_date = ?, finish_date = ?, duration_days = ?, updated_at = {_NOW}
                    WHERE id = ?""",
                changes,
            )
            plan_dates.align_project_dates(conn, wanted)  # one finish date: the project's follows its plan
    return Rescheduled(reports, batch_id, skipped)
