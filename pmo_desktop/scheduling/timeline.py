"""What the Gantt and roadmap views (and any other timeline) draw: plain rows, no Qt."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from pmo_desktop.scheduling.crossproject import cross_links
from pmo_desktop.scheduling.durations import duration_label
from pmo_desktop.scheduling.elapsed import is_elapsed
from pmo_desktop.scheduling.network import DependencyLoop
from pmo_desktop.scheduling.service import project_calendar, schedule_project
from pmo_desktop.scheduling.stored import parse_date, parse_instant
from pmo_desktop.store import PortfolioError


@dataclass(slots=True)
class GanttRow:
    id: int
    parent_id: int | None
    level: int
    wbs: str
    name: str
    kind: str
    start: date | None
    finish: date | None
    duration: int | None
    percent: float
    baseline_start: date | None
    baseline_finish: date | None
    predecessors: str  # "1.2, 2.1SS+2" with the WBS numbers the table shows (row numbers when a task has none)
    owner: str
    critical: bool = False
    total_float: float | None = None
    # Where in its first and last day the bar starts and ends, as a share of the day's working
    # time (0 = the morning, 1 = the evening): a 4-hour task ends half way through its day.
    start_part: float = 0.0
    finish_part: float = 1.0
    start_time: str = ""  # 'HH:MM' where the task starts (finishes) at another time than the day's edge
    finish_time: str = ""
    elapsed: str = ""  # an elapsed duration as MS Project writes it ('3 ed', '36 eh'); '' when in working days


@dataclass
class GanttPlan:
    project_id: int
    code: str
    name: str
    rows: list[GanttRow]
    links: list[tuple[int, int, str]]  # (predecessor row index, successor row index, type)
    finish: date | None
    problem: str | None = None  # e.g. a dependency loop: drawn, but without a critical path
    cross: list[str] = field(default_factory=list)  # links with other projects' tasks, both ways, as text


def gantt_plan(conn: sqlite3.Connection, project_id: int) -> GanttPlan:
    """The project's tasks in outline order (parents before children), with critical flags."""
    row = conn.execute("SELECT code, name FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise PortfolioError(f"there is no project with id {project_id}")
    code, name = row
    raw = conn.execute(
        """SELECT id, parent_id, wbs, name, kind, start_date, finish_date, duration_days, percent_complete,
                  baseline_start, baseline_finish, owner, start_at, finish_at, duration_minutes, duration_format
           FROM tasks WHERE project_id = ?
           ORDER BY sort_order, id""", (project_id,)).fetchall()
    children: dict[int | None, list] = {}
    ids = {r[0] for r in raw}
    for r in raw:
        children.setdefault(r[1] if r[1] in ids else None, []).append(r)
    ordered: list[tuple[tuple, int]] = []
    stack = [(r, 0) for r in reversed(children.get(None, []))]
    while stack:
        r, level = stack.pop()
        ordered.append((r, level))
        stack.extend((c, level + 1) for c in reversed(children.get(r[0], [])))
    index = {r[0]: i for i, (r, _l) in enumerate(ordered)}
    links = []
    preds: dict[int, list[str]] = {}
    calendar = project_calendar(conn, project_id)
    for p, s, kind, lag, lag_minutes, lag_format, lag_percent in conn.execute(
        """SELECT d.predecessor_id, d.successor_id, d.type, d.lag_days, d.lag_minutes, d.lag_format, d.lag_percent
           FROM dependencies d JOIN tasks t ON t.id = d.successor_id WHERE t.project_id = ? ORDER BY d.id""",
            (project_id,)):
        if p in index and s in index:
            links.append((index[p], index[s], kind))
            lag_text = lag_label(lag, lag_minutes, lag_format, lag_percent, calendar.minutes_per_day)
            number = ordered[index[p]][0][2] or str(index[p] + 1)
            preds.setdefault(s, []).append(f"{number}{'' if kind == 'FS' and not lag_text else kind}{lag_text}")
    cross = []
    for lk in cross_links(conn, {project_id}):
        if lk.successor_project_id == project_id and lk.successor_id in index:
            label = f"{lk.predecessor_project}:{lk.predecessor}{'' if lk.type == 'FS' else ' ' + lk.type}"
            preds.setdefault(lk.successor_id, []).append(label)
            cross.append(f"'{lk.successor}' waits for {lk.predecessor_project} '{lk.predecessor}'"
                         + (f" (starts {-lk.slack_days:g} days too early)" if lk.violated else ""))
        if lk.predecessor_project_id == project_id:
            cross.append(f"{lk.successor_project} '{lk.successor}' waits for '{lk.predecessor}'")
    rows = []
    for r, level in ordered:
        row = GanttRow(r[0], r[1], level, r[2] or "", r[3], r[4], parse_date(r[5]), parse_date(r[6]), r[7],
                       r[8] or 0.0, parse_date(r[9]), parse_date(r[10]), ", ".join(preds.get(r[0], [])), r[11] or "")
        start, finish = parse_instant(r[5], r[12]), parse_instant(r[6], r[13])
        if isinstance(start, datetime):
            row.start_part, row.start_time = _part(calendar, start), start.strftime("%H:%M")
        if isinstance(finish, datetime):
            row.finish_part, row.finish_time = _part(calendar, finish), finish.strftime("%H:%M")
        if row.kind == "milestone":
            row.finish_part, row.finish_time = row.start_part, row.start_time
        elif row.kind == "task" and is_elapsed(r[15]):
            row.elapsed = duration_label(r[14] if r[14] is not None else round((r[7] or 0) * 1440), r[15]) or ""
            # calendar time: the bar covers nights and weekends too, so its ends are shares of 24 hours
            if start is not None:
                row.start_part = _clock(calendar, start, 0) / 1440
            if finish is not None:
                row.finish_part = _clock(calendar, finish, -1) / 1440 or 1.0
                if isinstance(finish, datetime) and finish.hour == finish.minute == 0 and row.finish:
                    row.finish = date.fromordinal(row.finish.toordinal() - 1)  # midnight ends the day before
        rows.append(row)
    plan = GanttPlan(project_id, code, name, rows, links,
                     max((r.finish for r in rows if r.finish), default=None), cross=cross)
    try:
        result = schedule_project(conn, project_id).schedule
    except (DependencyLoop, PortfolioError) as exc:
        plan.problem = str(exc)
        return plan
    for r in rows:
        t = result.tasks.get(r.id)
        if t is not None:
            r.critical, r.total_float = t.critical and r.kind != "summary", t.total_float
    return plan


def _clock(calendar, at, edge: int) -> int:
    """Minutes from midnight of an instant; a bare day is its first (edge 0) or last (-1) working minute."""
    if isinstance(at, datetime):
        return at.hour * 60 + at.minute
    hours = calendar.hours_of(at.toordinal()) or calendar.week_hours[at.weekday()]
    return hours[edge][-edge]


def _part(calendar, at: datetime) -> float:
    """The share of its day's working time before instant `at` (0..1)."""
    hours = calendar.hours_of(at.toordinal())
    total = sum(b - a for a, b in hours)
    if not total:
        return 0.0
    clock = at.hour * 60 + at.minute
    done = sum(max(0, min(clock, b) - a) for a, b in hours)
    return done / total


def lag_label(lag_days, lag_minutes, lag_format, lag_percent, minutes_per_day: int = 480) -> str:
    """A link's lag as MS Project shows it in a predecessors column: +2, +4h, +1ed, +50%, +25e%, -30m."""
    if lag_percent is not None:  # e%: a share of the predecessor laid on calendar time (LagFormat 20, 54)
        return f"{lag_percent:+g}{'e' if lag_format in (20, 54) else ''}%" if lag_percent else ""
    if lag_minutes is None:
        return f"{lag_days:+g}" if lag_days else ""
    if not lag_minutes:
        return ""
    elapsed = "e" if lag_format in (4, 6, 8, 10, 12, 36, 38, 40, 42, 44) else ""
    per_day = 1440 if elapsed else minutes_per_day
    if lag_minutes % per_day == 0:
        return f"{lag_minutes // per_day:+d}{elapsed}{'d' if elapsed else ''}"
    if lag_minutes % 60 == 0:
        return f"{lag_minutes // 60:+d}{elapsed}h"
    return f"{lag_minutes:+d}{elapsed}m"


@dataclass(slots=True)
class RoadmapRow:
    project_id: int
    code: str
    name: str
    programme: str
    rag: str | None
    start: date | None
    finish: date | None
    baseline_start: date | None
    baseline_finish: date | None
    milestones: list[tuple[date, str, bool]] = field(default_factory=list)  # (date, name, done)


def roadmap_rows(conn: sqlite3.Connection, project_ids: list[int] | None = None) -> list[RoadmapRow]:
    """One row per project, grouped by programme (then code); dates fall back to the plan's own."""
    rows: dict[int, RoadmapRow] = {}
    for pid, code, name, programme, rag, s, f, bs, bf, ps, pf in conn.execute(
        """SELECT p.id, p.code, p.name, coalesce(g.name, 'No programme'), p.rag_overall, p.start_date,
                  p.finish_date, p.baseline_start, p.baseline_finish,
                  (SELECT min(start_date) FROM tasks t WHERE t.project_id = p.id),
                  (SELECT max(finish_date) FROM tasks t WHERE t.project_id = p.id)
           FROM projects p LEFT JOIN programmes g ON g.id = p.programme_id
           ORDER BY g.name IS NULL, g.name, p.code"""):
        if project_ids is not None and pid not in project_ids:
            continue
        start, finish = parse_date(ps) or parse_date(s), parse_date(pf) or parse_date(f)
        rows[pid] = RoadmapRow(pid, code, name, programme, rag, start, finish, parse_date(bs), parse_date(bf))
    for pid, name, day, pct in conn.execute(
        "SELECT project_id, name, finish_date, percent_complete FROM tasks WHERE kind = 'milestone'"):
        d = parse_date(day)
        if pid in rows and d is not None:
            rows[pid].milestones.append((d, name, (pct or 0) >= 100))
    return list(rows.values())
