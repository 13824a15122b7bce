"""What the Gantt and roadmap views (and any other timeline) draw: plain rows, no Qt."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.scheduling.network import DependencyLoop
from pmo_desktop.scheduling.service import parse_date, schedule_project
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
    total_float: int | None = None


@dataclass
class GanttPlan:
    project_id: int
    code: str
    name: str
    rows: list[GanttRow]
    links: list[tuple[int, int, str]]  # (predecessor row index, successor row index, type)
    finish: date | None
    problem: str | None = None  # e.g. a dependency loop: drawn, but without a critical path


def gantt_plan(conn: sqlite3.Connection, project_id: int) -> GanttPlan:
    """The project's tasks in outline order (parents before children), with critical flags."""
    row = conn.execute("SELECT code, name FROM projects WHERE id = ?", (project_id,)).fetchone()
    if row is None:
        raise PortfolioError(f"there is no project with id {project_id}")
    code, name = row
    raw = conn.execute(
        """SELECT id, parent_id, wbs, name, kind, start_date, finish_date, duration_days, percent_complete,
                  baseline_start, baseline_finish, owner FROM tasks WHERE project_id = ?
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
    for p, s, kind, lag in conn.execute(
        """SELECT d.predecessor_id, d.successor_id, d.type, d.lag_days FROM dependencies d
           JOIN tasks t ON t.id = d.successor_id WHERE t.project_id = ? ORDER BY d.id""", (project_id,)):
        if p in index and s in index:
            links.append((index[p], index[s], kind))
            lag_text = f"{lag:+d}" if lag else ""
            number = ordered[index[p]][0][2] or str(index[p] + 1)
            preds.setdefault(s, []).append(f"{number}{'' if kind == 'FS' and not lag else kind}{lag_text}")
    rows = [
        GanttRow(r[0], r[1], level, r[2] or "", r[3], r[4], parse_date(r[5]), parse_date(r[6]), r[7], r[8] or 0.0,
                 parse_date(r[9]), parse_date(r[10]), ", ".join(preds.get(r[0], [])), r[11] or "")
        for r, level in ordered
    ]
    plan = GanttPlan(project_id, code, name, rows, links,
                     max((r.finish for r in rows if r.finish), default=None))
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
