"""Rescheduling the plans stored in a portfolio: read, run the engine, write the changes as one step."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from pmo_desktop.domain.enums import Source
from pmo_desktop.scheduling import plan_dates
from pmo_desktop.scheduling.bulk import LINK_COLUMNS, TASK_COLUMNS, PlanRows
from pmo_desktop.scheduling.calendar import CalendarError, WorkCalendar, load_calendar
from pmo_desktop.scheduling.crossproject import downstream, link_order, project_graph
from pmo_desktop.scheduling.elapsed import ELAPSED_DURATIONS
from pmo_desktop.scheduling.engine import Schedule, days, schedule
from pmo_desktop.scheduling.network import (
    DependencyLoop,
    LinkInput,
    TaskInput,
    build_network,
    topological_order,
)
from pmo_desktop.scheduling.stored import StoredTexts, parse_date, parse_instant
from pmo_desktop.store import Portfolio, PortfolioError
from pmo_desktop.store import bulk as bulk_write

# What a reschedule writes of a task, in the order of ProjectSchedule.updates (then its id). Not
# `updated_at`: the dates are derived from the plan (sync sends the batch as derived and a peer works
# them out again), and the row's edit stamp stays the last edit a person or an import made. Undo still
# gives back every row as it was; and at 150,000 tasks the stamp was a fifth of the change log.
_WRITTEN = ("start_date", "finish_date", "duration_days", "start_at", "finish_at", "duration_minutes")


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
    updates: list[tuple] = field(default_factory=list)  # (start, finish, duration, ..., id) rows to write
    moved_by: list[dict] = field(default_factory=list)  # another project's task that moved one of ours
    external_links: int = 0  # links into this plan from other projects' tasks

    def as_dict(self) -> dict:
        return {
            "project": self.code, "name": self.name, "tasks": self.tasks, "links": self.links,
            "changed": self.changed, "critical_path": self.critical_path,
            "start": _iso(self.start), "finish": _iso(self.finish), "late_tasks": self.late_tasks,
            "external_links": self.external_links, "moved_by": self.moved_by,
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(d: date) -> date:
    return d.date() if isinstance(d, datetime) else d


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


def load_plan(conn: sqlite3.Connection, project_id: int, fresh: dict | None = None,
              rows: PlanRows | None = None) -> tuple[list[TaskInput], list[LinkInput], dict]:
    """The project's tasks and links as engine inputs, plus each task's stored row (as `SELECT
    TASK_COLUMNS` gives it) keyed by task id. Tasks of other projects that link into this plan come
    last, as fixed external tasks. `rows` is the whole portfolio read at once, for a reschedule of many
    projects."""
    tasks, stored = [], {}
    task_rows = rows.tasks.get(project_id, ()) if rows is not None else conn.execute(
        f"SELECT {TASK_COLUMNS} FROM tasks WHERE project_id = ? ORDER BY sort_order, id", (project_id,))
    append, elapsed_formats = tasks.append, ELAPSED_DURATIONS
    for row in task_rows:
        (tid, parent, name, kind, start, finish, duration, ctype, cdate, a_start, a_finish, cal, s_at, f_at,
         minutes, deadline, manual, duration_format, _project) = row
        # An actual date on the task's own start (finish) day takes that instant: MS Project's Start
        # is the actual start once work has begun.
        append(TaskInput(tid, name, parent, kind, parse_instant(start, s_at), parse_instant(finish, f_at), duration,
                         ctype, _instant_text(cdate) if cdate else None,
                         parse_instant(a_start, s_at if a_start == start else None) if a_start else None,
                         parse_instant(a_finish, f_at if a_finish == finish else None) if a_finish else None, cal,
                         minutes, _instant_text(deadline) if deadline else None, bool(manual), ctype == "ALAP",
                         False, None, duration_format in elapsed_formats))
        stored[tid] = row
    link_rows = rows.links.get(project_id, ()) if rows is not None else conn.execute(
        f"""SELECT {LINK_COLUMNS} FROM dependencies d JOIN tasks t ON t.id = d.successor_id
            WHERE t.project_id = ? ORDER BY d.id""", (project_id,))
    links = [LinkInput(p, s, t, lag or 0, lag_minutes, fmt in _ELAPSED_LAGS if fmt is not None else False, pct)
             for p, s, t, lag, lag_minutes, fmt, pct in link_rows]
    external_rows = rows.externals(project_id) if rows is not None else conn.execute(
        """SELECT DISTINCT p.id, p.name, p.kind, p.start_date, p.finish_date, p.start_at, p.finish_at, pr.code
           FROM dependencies d JOIN tasks s ON s.id = d.successor_id JOIN tasks p ON p.id = d.predecessor_id
           JOIN projects pr ON pr.id = p.project_id WHERE s.project_id = ? AND p.project_id <> ?""",
        (project_id, project_id))
    if external_rows:
        tasks.extend(_external_tasks(external_rows, fresh or {}))
    return tasks, links, stored


def _external_tasks(external_rows, fresh: dict) -> list[TaskInput]:
    """Other projects' tasks that links lead from into this plan, fixed at their dates (as rescheduled
    earlier in this run when `fresh` has them: task id -> (start, finish) instants)."""
    out = []
    for tid, name, kind, start, finish, s_at, f_at, code in external_rows:
        a, b = fresh.get(tid) or (parse_instant(start, s_at), parse_instant(finish, f_at))
        if a is None or b is None:
            continue
        out.append(TaskInput(tid, f"{code} {name}", None, "milestone" if kind == "milestone" else "task", a, b,
                             manual=True, external=True, origin=(code, name)))
    return out


# MSPDI LagFormat / DurationFormat codes counting calendar (elapsed) time, not working time.
_ELAPSED_LAGS = frozenset({4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 54})


def _instant_text(text):
    """A stored date or 'YYYY-MM-DDTHH:MM' (constraint, deadline, actual dates) as a date or datetime."""
    if text and len(text) > 10:
        try:
            return datetime.fromisoformat(text[:16])
        except ValueError:
            pass
    return parse_date(text)


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
        if (link.type != "FS" or link.lag or link.lag_minutes or link.lag_percent or a is None or b is None or b.kind != "milestone"
                or a.kind == "milestone" or not a.finish or not b.start):
            continue
        a_finish, b_start = _day(a.finish), _day(b.start)
        if b_start == a_finish:
            same += 1
        elif b_start == calendar.add_days(a_finish, 1):
            nxt += 1
    return nxt > same


def schedule_project(conn: sqlite3.Connection, project_id: int, *, fresh: dict | None = None,
                     calendars: dict | None = None, rows: PlanRows | None = None,
                     texts: StoredTexts | None = None) -> ProjectSchedule:
    """Compute (without writing) the schedule of one project. `fresh` holds other projects' tasks as
    rescheduled earlier in the same run; `calendars` caches loaded calendars across projects; `rows`
    is the portfolio read at once (bulk.PlanRows)."""
    row = rows.projects.get(project_id) if rows is not None else conn.execute(
        "SELECT code, name, start_date, honor_constraints FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise PortfolioError(f"there is no project with id {project_id}")
    code, name, p_start, honor = row[:4]
    tasks, links, stored = load_plan(conn, project_id, fresh, rows)
    first = min(filter(None, map(parse_date, {r[4] for r in stored.values()})), default=None)
    project_start = parse_date(p_start)
    if first is not None and (project_start is None or first < project_start):
        project_start = first  # a plan that already starts earlier is not pulled later
    calendar_id = rows.calendar_id(project_id) if rows is not None else project_calendar_id(conn, project_id)
    cache = calendars if calendars is not None else {}
    if calendar_id not in cache:
        cache[calendar_id] = load_calendar(conn, calendar_id, origin=project_start)
    calendar = cache[calendar_id]
    own: dict[int, WorkCalendar] = cache
    task_calendar: dict[int, WorkCalendar] = {}
    for t in tasks:
        if (t.duration_minutes is not None and t.duration is not None
                and days(t.duration_minutes, 1440 if t.elapsed else calendar.minutes_per_day)
                != round(float(t.duration), 2)):
            t.duration_minutes = None  # the days were edited since: they win over the stale minutes
        # tasks on a calendar other than the project's get theirs
        if t.calendar is None or t.calendar == calendar_id:
            t.calendar = None
        else:
            if t.calendar not in own:
                own[t.calendar] = load_calendar(conn, t.calendar, origin=project_start)
            t.calendar = task_calendar[t.id] = own[t.calendar]
    try:
        result = schedule(tasks, links, calendar, project_start, honor_constraints=honor != 0,
                          milestones_next_day=milestones_on_next_day(tasks, links, calendar))
    except DependencyLoop as exc:
        raise DependencyLoop(f"{code}: {exc}", exc.task_ids) from None
    except CalendarError as exc:
        raise CalendarError(f"{code}: {exc}") from None
    externals = {t.id: t for t in tasks if t.external} if len(tasks) > len(stored) else {}
    report = ProjectSchedule(project_id, code, name, len(stored), len(links), schedule=result,
                             start=result.start, finish=result.finish)
    if externals:
        report.external_links = sum(1 for lk in links if lk.predecessor_id in externals)
    _compare(report, result, stored, calendar, task_calendar, texts or StoredTexts())
    if externals and report.changed:
        _moved_by(report, links, externals, result, stored, calendar)
    report.critical_path = [{"id": i, "name": stored[i][2]} for i in result.critical_path]
    report.late_tasks = [{"id": i, "name": stored[i][2], "total_float": result.tasks[i].total_float}
                         for i in result.late_tasks]
    return report


def _compare(report: ProjectSchedule, result: Schedule, stored: dict, calendar: WorkCalendar,
             task_calendar: dict, texts: StoredTexts) -> None:
    """What the schedule changes against the stored rows: `report.updates` (every column a reschedule
    writes, when one differs) and `report.changed` (tasks whose dates or times move). The hot loop of a
    portfolio reschedule: one memo look-up per instant gives its day, stored time and full texts."""
    starts, finishes = texts.of(calendar)
    start_texts, finish_texts = texts.start, texts.finish
    updates, changed = report.updates, report.changed
    for tid, r in result.tasks.items():
        (_id, _parent, name, kind, old_start, old_finish, old_duration, _ct, _cd, _as, _af, _cal, old_s_at,
         old_f_at, old_minutes, _dl, _manual, _fmt, _project) = stored[tid]
        sa, fa = r.start_at, r.finish_at
        if tid in task_calendar:
            cal = task_calendar[tid]
            s_memo, f_memo = texts.of(cal)
        else:
            cal, s_memo, f_memo = calendar, starts, finishes
        st = s_memo.get(sa) or start_texts(cal, s_memo, sa)
        ft = f_memo.get(fa) or finish_texts(cal, f_memo, fa)
        new_start, s_at, new_finish = st[0], st[1], ft[0]
        f_at = None if sa == fa else ft[1]  # a milestone's one instant is kept in start_at alone
        if old_s_at and old_s_at[:10] != old_start:
            old_s_at = None  # a time left over from before the date was edited elsewhere
        if old_f_at and old_f_at[:10] != old_finish:
            old_f_at = None
        new_duration, new_minutes = old_duration, old_minutes
        if kind == "summary" or (old_duration is None and old_minutes is None):
            new_duration, new_minutes = r.duration, r.duration_minutes
        if new_start != old_start or new_finish != old_finish or s_at != old_s_at or f_at != old_f_at:
            updates.append((new_start, new_finish, new_duration, s_at, f_at, new_minutes, tid))
            changed.append({"id": tid, "name": name, "old_start": old_start, "old_finish": old_finish,
                            "start": new_start, "finish": new_finish, "start_at": st[2], "finish_at": ft[2],
                            "duration": new_duration})
        elif new_duration != old_duration or new_minutes != old_minutes:
            updates.append((new_start, new_finish, new_duration, s_at, f_at, new_minutes, tid))


def _moved_by(report: ProjectSchedule, links, externals, result: Schedule, stored, calendar) -> None:
    """Which of our tasks moved because another project's task drives them (no free float between)."""
    changed = {c["id"]: c for c in report.changed}
    for lk in links:
        ext = externals.get(lk.predecessor_id)
        c = changed.get(lk.successor_id)
        if ext is None or c is None or result.external_free.get(ext.id, 1) != 0:
            continue
        old = parse_instant(c["old_start"], stored[c["id"]][12])
        new = result.tasks[c["id"]].start_at
        slip = None
        if old is not None and new is not None:
            slip = days(calendar.mpos(new) - calendar.mpos(old), calendar.minutes_per_day)
        report.moved_by.append({"task": c["name"], "task_id": c["id"], "project": ext.origin[0],
                                "predecessor": ext.origin[1], "predecessor_id": ext.id, "slip_days": slip})


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
    """Reschedule one project (with every project downstream of its links) or every project with a plan,
    in link order, and write all changed dates in ONE batch.

    All projects are computed before anything is written, so a cancel leaves the file untouched. A plan
    that cannot be scheduled (a dependency loop, a calendar out of range) stops a one-project run; in a
    run over every project it is left as it is and named in `skipped`, and the others are scheduled.
    """
    with bulk_write.collector_paused():
        return _reschedule(pf, project_code, source, progress, cancelled)


def _reschedule(pf: Portfolio, project_code: str | None, source: Source | str,
                progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> Rescheduled:
    conn = pf.conn
    graph = project_graph(conn)
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM projects WHERE id IN (SELECT DISTINCT project_id FROM tasks) ORDER BY code")]
    if project_code is not None:
        row = conn.execute("SELECT id FROM projects WHERE code = ?", (project_code,)).fetchone()
        if row is None:
            raise PortfolioError(f"there is no project with code '{project_code}'")
        reach = downstream(graph, row[0])  # the project, and every project its slip can knock on to
        ids = [row[0]] + [p for p in ids if p in reach and p != row[0]]
    groups = link_order(conn, ids, graph)
    fresh: dict[int, tuple] = {}  # task id -> (start, finish) as rescheduled in this run
    rows = PlanRows(conn) if len(ids) > 50 else None  # many plans: read them all at once
    calendars: dict = {}
    texts = StoredTexts()
    # The tasks other projects' plans read from `fresh` (every task where projects link both ways).
    needed = rows.linked_out() if rows is not None and all(len(g) == 1 for g in groups) else None
    by_project: dict[int, ProjectSchedule] = {}
    skipped: list[str] = []  # a plan that cannot be scheduled, in a run over every project
    done = 0
    for group in groups:
        for round_ in range(len(group) + 1 if len(group) > 1 else 1):
            moved = round_ == 0  # projects linked both ways: go round until nothing moves
            for pid in group:
                if cancelled is not None and cancelled():
                    raise Cancelled("rescheduling cancelled; nothing was changed")
                try:
                    report = schedule_project(conn, pid, fresh=fresh, calendars=calendars, rows=rows, texts=texts)
                except (DependencyLoop, CalendarError) as exc:
                    if project_code is not None:
                        raise
                    line = f"{exc}; its plan was not rescheduled"
                    if line not in skipped:
                        skipped.append(line)
                    continue
                done_tasks = report.schedule.tasks
                for tid in (done_tasks if needed is None else needed.intersection(done_tasks)):
                    r = done_tasks[tid]
                    now = (r.start_at, r.finish_at)
                    if len(group) > 1 and fresh.get(tid, now) != now:
                        moved = True
                    fresh[tid] = now
                if pid not in by_project:
                    done += 1
                    if progress is not None:
                        progress(done, len(ids))
                by_project[pid] = report
            if not moved:
                break
    reports = [by_project[pid] for group in groups for pid in group if pid in by_project]
    changes = [u for r in reports for u in r.updates]
    batch_id = None
    wanted = {r.project_id for r in reports}  # the plans scheduled (not those skipped)
    if changes or any(d[0] in wanted for d in plan_dates.disagreements(conn)):
        label = f"Reschedule {project_code}" if project_code else f"Reschedule {len(reports)} plans"
        with pf.batch(source, label, defer_foreign_keys=False) as batch_id:
            bulk_write.update_rows(conn, "tasks", _WRITTEN, changes)  # one UPDATE ... FROM, logged set-wise
            plan_dates.align_project_dates(conn, wanted)  # one finish date: the project's follows its plan
    return Rescheduled(reports, batch_id, skipped)
