"""Plan edits made from a timeline: each is ONE batch (one undo step) that also reschedules the plan.

If rescheduling refuses the edit (a link that would close a loop), the whole batch rolls back and
the error says why; nothing is changed.
"""

from __future__ import annotations

from datetime import date

from pmo_desktop.domain.enums import Source
from pmo_desktop.scheduling.durations import parse_duration_text
from pmo_desktop.scheduling.elapsed import is_elapsed
from pmo_desktop.scheduling.results import days
from pmo_desktop.scheduling.service import project_calendar, reschedule
from pmo_desktop.store import Portfolio, PortfolioError

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _task(pf: Portfolio, task_id: int) -> dict:
    cur = pf.conn.execute(
        """SELECT t.id, t.project_id, t.parent_id, t.name, t.kind, t.start_date, t.finish_date, t.sort_order,
                  t.actual_start, t.actual_finish, p.code FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.id = ?""", (task_id,))
    row = cur.fetchone()
    if row is None:
        raise PortfolioError(f"there is no task {task_id}")
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _has_predecessors(pf: Portfolio, task_id: int) -> bool:
    return pf.conn.execute("SELECT 1 FROM dependencies WHERE successor_id = ?", (task_id,)).fetchone() is not None


def move_task(pf: Portfolio, task_id: int, start: date, *, source: Source | str = Source.UI) -> int:
    """Move a task to start on `start` (the next working day if it is not one). A task driven by links
    gets a 'start no earlier than' constraint, as dragging a bar does in MS Project."""
    t = _task(pf, task_id)
    if t["kind"] == "summary":
        raise PortfolioError(f"'{t['name']}' is a summary task; move its tasks instead")
    if t["actual_start"]:
        raise PortfolioError(f"'{t['name']}' started on {t['actual_start']}; a task that has started cannot move")
    calendar = project_calendar(pf.conn, t["project_id"], origin=start)
    start = calendar.date_at(calendar.position(start))
    with pf.batch(source, f"Move '{t['name']}'", defer_foreign_keys=False) as batch_id:
        values = {"start_date": start.isoformat()}
        constraint = pf.conn.execute("SELECT constraint_type FROM tasks WHERE id = ?", (task_id,)).fetchone()[0]
        if constraint in ("MSO", "SNET") or _has_predecessors(pf, task_id):
            values.update(constraint_type=constraint if constraint == "MSO" else "SNET",
                          constraint_date=start.isoformat())
        _update(pf, task_id, values)
        reschedule(pf, t["code"], source=source)
    return batch_id


def set_duration(pf: Portfolio, task_id: int, days: int, *, source: Source | str = Source.UI) -> int:
    t = _task(pf, task_id)
    if t["kind"] == "summary":
        raise PortfolioError(f"'{t['name']}' is a summary task; its length comes from its tasks")
    if days < 0:
        raise PortfolioError("a duration cannot be negative")
    if t["actual_finish"]:
        raise PortfolioError(f"'{t['name']}' finished on {t['actual_finish']}; its duration is what it took")
    with pf.batch(source, f"Change duration of '{t['name']}'", defer_foreign_keys=False) as batch_id:
        _update(pf, task_id, {"duration_days": days, "duration_minutes": None, "duration_format": None,
                              "kind": "milestone" if days == 0 else "task"})
        reschedule(pf, t["code"], source=source)
    return batch_id


def set_elapsed_duration(pf: Portfolio, task_id: int, minutes: int, *, source: Source | str = Source.UI,
                         duration_format: int | None = None) -> int:
    """Give a task an elapsed duration (calendar minutes, 24x7), as stretching an elapsed bar does in MS
    Project: it keeps its elapsed unit (elapsed days unless it had another, or `duration_format` says)."""
    t = _task(pf, task_id)
    if t["kind"] == "summary":
        raise PortfolioError(f"'{t['name']}' is a summary task; its length comes from its tasks")
    if minutes <= 0:
        raise PortfolioError("an elapsed duration must be longer than zero")
    if t["actual_finish"]:
        raise PortfolioError(f"'{t['name']}' finished on {t['actual_finish']}; its duration is what it took")
    fmt = pf.conn.execute("SELECT duration_format FROM tasks WHERE id = ?", (task_id,)).fetchone()[0]
    with pf.batch(source, f"Change duration of '{t['name']}'", defer_foreign_keys=False) as batch_id:
        if duration_format is not None:
            fmt = duration_format
        _update(pf, task_id, {"duration_days": round(minutes / 1440, 2), "duration_minutes": int(minutes),
                              "duration_format": fmt if is_elapsed(fmt) else 8, "kind": "task"})
        reschedule(pf, t["code"], source=source)
    return batch_id


def set_duration_texts(pf: Portfolio, typed: list[tuple[int, str]], *, source: Source | str = Source.UI) -> int:
    """Durations typed (or pasted) as MS Project takes them: '3' or '3d' working days, '4h', '2w', '1mo',
    '3ed' / '4eh' / '2ew' elapsed time, '?' for an estimate. All in ONE batch and one reschedule; a text
    that is not a duration, or a summary or finished task, changes nothing and says which."""
    if not typed:
        raise PortfolioError("no duration given")
    values: list[tuple[dict, dict]] = []
    for task_id, text in typed:
        t = _task(pf, task_id)
        try:
            d = parse_duration_text(text)
        except ValueError as exc:
            raise PortfolioError(f"'{t['name']}': {exc}") from None
        if t["kind"] == "summary":
            raise PortfolioError(f"'{t['name']}' is a summary task; its length comes from its tasks")
        if t["actual_finish"]:
            raise PortfolioError(f"'{t['name']}' finished on {t['actual_finish']}; its duration is what it took")
        if d.elapsed:
            if d.value <= 0:
                raise PortfolioError(f"'{t['name']}': an elapsed duration must be longer than zero")
            minutes = d.minutes()
            change = {"duration_days": round(minutes / 1440, 2), "duration_minutes": minutes,
                      "duration_format": d.code, "kind": "task"}
        else:
            cal = project_calendar(pf.conn, t["project_id"])
            minutes = d.minutes(cal.minutes_per_day, cal.minutes_per_week, cal.days_per_month)
            whole_days = d.code == 7 and d.value == int(d.value)
            change = {"duration_days": days(minutes, cal.minutes_per_day),
                      "duration_minutes": None if whole_days else minutes,
                      "duration_format": None if whole_days else d.code,
                      "kind": "milestone" if minutes == 0 else "task"}
        values.append((t, change))
    label = (f"Change duration of '{values[0][0]['name']}'" if len(values) == 1
             else f"Change duration of {len(values)} tasks")
    with pf.batch(source, label, defer_foreign_keys=False) as batch_id:
        for t, change in values:
            _update(pf, t["id"], change)
        for code in dict.fromkeys(t["code"] for t, _ in values):
            reschedule(pf, code, source=source)
    return batch_id


def link_tasks(pf: Portfolio, predecessor_id: int, successor_id: int, link_type: str = "FS", lag: int = 0, *,
               source: Source | str = Source.UI) -> int:
    """Link two tasks, of one plan or of two projects (a milestone of one project gating a task of
    another); the predecessor's project and every project downstream of it are rescheduled."""
    a, b = _task(pf, predecessor_id), _task(pf, successor_id)
    if predecessor_id == successor_id:
        raise PortfolioError("a task cannot depend on itself")
    if link_type not in ("FS", "SS", "FF", "SF"):
        raise PortfolioError(f"unknown link type '{link_type}'; use FS, SS, FF or SF")
    if pf.conn.execute("SELECT 1 FROM dependencies WHERE predecessor_id = ? AND successor_id = ?",
                       (predecessor_id, successor_id)).fetchone():
        raise PortfolioError(f"'{b['name']}' already depends on '{a['name']}'")
    with pf.batch(source, f"Link '{a['name']}' → '{b['name']}'", defer_foreign_keys=False) as batch_id:
        pf.conn.execute("INSERT INTO dependencies (predecessor_id, successor_id, type, lag_days) VALUES (?,?,?,?)",
                        (predecessor_id, successor_id, link_type, lag))
        reschedule(pf, a["code"], source=source)
    return batch_id


def indent_task(pf: Portfolio, task_id: int, *, source: Source | str = Source.UI) -> int:
    """Make the task a child of the sibling just above it (which becomes a summary task)."""
    t = _task(pf, task_id)
    above = pf.conn.execute(
        """SELECT id, name FROM tasks WHERE project_id = ? AND parent_id IS ? AND
           (sort_order < ? OR (sort_order = ? AND id < ?)) ORDER BY sort_order DESC, id DESC LIMIT 1""",
        (t["project_id"], t["parent_id"], t["sort_order"], t["sort_order"], task_id)).fetchone()
    if above is None:
        raise PortfolioError(f"'{t['name']}' has no task above it at its level to go under")
    with pf.batch(source, f"Indent '{t['name']}'", defer_foreign_keys=False) as batch_id:
        _update(pf, task_id, {"parent_id": above[0]})
        _update(pf, above[0], {"kind": "summary"})
        reschedule(pf, t["code"], source=source)
    return batch_id


def outdent_task(pf: Portfolio, task_id: int, *, source: Source | str = Source.UI) -> int:
    """Move the task up one level, beside its former summary task."""
    t = _task(pf, task_id)
    if t["parent_id"] is None:
        raise PortfolioError(f"'{t['name']}' is already at the top level")
    parent = _task(pf, t["parent_id"])
    with pf.batch(source, f"Outdent '{t['name']}'", defer_foreign_keys=False) as batch_id:
        _update(pf, task_id, {"parent_id": parent["parent_id"]})
        left = pf.conn.execute("SELECT count(*) FROM tasks WHERE parent_id = ?", (parent["id"],)).fetchone()[0]
        if left == 0:
            _update(pf, parent["id"], {"kind": "task"})
        reschedule(pf, t["code"], source=source)
    return batch_id


def _update(pf: Portfolio, task_id: int, values: dict) -> None:
    cols = ", ".join(f"[{c}] = ?" for c in values)
    pf.conn.execute(f"UPDATE tasks SET {cols}, updated_at = {_NOW} WHERE id = ?", [*values.values(), task_id])


def other_projects(pf: Portfolio, project_id: int) -> list[tuple[int, str, str]]:
    """(id, code, name) of the projects with a plan other than `project_id`, for picking a task there."""
    return pf.conn.execute(
        """SELECT id, code, name FROM projects WHERE id <> ? AND id IN (SELECT project_id FROM tasks)
           ORDER BY code""", (project_id,)).fetchall()


def plan_tasks(pf: Portfolio, project_id: int) -> list[tuple[int, str, str]]:
    """(id, name, kind) of a project's tasks in plan order, milestones and summaries included."""
    return pf.conn.execute("SELECT id, name, kind FROM tasks WHERE project_id = ? ORDER BY sort_order, id",
                           (project_id,)).fetchall()


def add_task(pf: Portfolio, project_id: int, name: str, *, start: date | None = None, days: int = 5,
             source: Source | str = Source.UI) -> int:
    """Add a task at the end of a project's plan (its first one starts a plan): `days` working days from
    `start` (else the project's start, else today), then reschedule. Returns the change batch's id."""
    name = (name or "").strip()
    if not name:
        raise PortfolioError("a task needs a name")
    if days < 0:
        raise PortfolioError("a duration cannot be negative")
    row = pf.conn.execute("SELECT code, start_date FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise PortfolioError(f"there is no project {project_id}")
    code, project_start = row
    start = start or (date.fromisoformat(project_start[:10]) if project_start else date.today())
    calendar = project_calendar(pf.conn, project_id, origin=start)
    start = calendar.date_at(calendar.position(start))
    order, top = pf.conn.execute(
        "SELECT coalesce(max(sort_order), 0) + 1, count(*) FILTER (WHERE parent_id IS NULL) FROM tasks "
        "WHERE project_id = ?", (project_id,)).fetchone()
    with pf.batch(source, f"Add task '{name}'", defer_foreign_keys=False) as batch_id:
        pf.conn.execute(
            """INSERT INTO tasks (project_id, wbs, name, kind, start_date, duration_days, sort_order)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (project_id, str(top + 1), name, "milestone" if days == 0 else "task", start.isoformat(), days, order),
        )
        reschedule(pf, code, source=source)
    return batch_id
