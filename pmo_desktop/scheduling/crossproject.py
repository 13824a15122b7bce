"""Links between projects: the order projects are rescheduled in, loops across projects, and which
project's slip knocks on to which.

A link from a task (or milestone) of one project to a task of another lives in `dependencies` like any
link; the successor's plan sees the predecessor as a fixed external task (service.load_plan). A
portfolio reschedule runs upstream projects first, so a slip reaches every project downstream in one
run. Projects whose links go both ways (A feeds B, B feeds A through other tasks) are rescheduled in
turn until nothing moves; a loop of tasks across projects is refused with one line naming them.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pmo_desktop.scheduling.network import DependencyLoop
from pmo_desktop.scheduling.results import days
from pmo_desktop.store.id_lists import in_list, json_list

ELAPSED_FORMATS = frozenset({4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 54})


def project_graph(conn: sqlite3.Connection) -> dict[int, set[int]]:
    """Upstream project id -> the projects its tasks link into."""
    graph: dict[int, set[int]] = {}
    for up, down in conn.execute(
        """SELECT DISTINCT p.project_id, s.project_id FROM dependencies d
           JOIN tasks p ON p.id = d.predecessor_id JOIN tasks s ON s.id = d.successor_id
           WHERE p.project_id <> s.project_id"""):
        graph.setdefault(up, set()).add(down)
    return graph


def downstream(graph: dict[int, set[int]], start: int) -> set[int]:
    """`start` and every project its links reach, directly or through others."""
    seen, todo = {start}, deque([start])
    while todo:
        for nxt in graph.get(todo.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def link_order(conn: sqlite3.Connection, ids: list[int], graph: dict[int, set[int]]) -> list[list[int]]:
    """The projects in groups to reschedule one after another: upstream first; a group of more than
    one is a set of projects linked both ways, rescheduled in turn until nothing moves. Raises
    DependencyLoop when tasks across projects form a loop."""
    wanted = set(ids)
    indeg = dict.fromkeys(ids, 0)
    for up, downs in graph.items():
        if up in wanted:
            for d in downs:
                if d in wanted:
                    indeg[d] += 1
    ready = deque(p for p in ids if indeg[p] == 0)  # ids come sorted by code: a stable order
    groups: list[list[int]] = []
    while ready:
        p = ready.popleft()
        groups.append([p])
        for d in sorted(graph.get(p, ())):
            if d in wanted:
                indeg[d] -= 1
                if indeg[d] == 0:
                    ready.append(d)
    rest = [p for p in ids if indeg[p] > 0]
    if rest:
        _refuse_task_loop(conn, rest)
        groups.append(rest)  # linked both ways but no loop of tasks: settle them in turn
    return groups


def _refuse_task_loop(conn: sqlite3.Connection, project_ids: list[int]) -> None:
    ids = json_list(sorted(project_ids))  # one parameter, however many projects
    edges = conn.execute(
        f"""SELECT d.predecessor_id, d.successor_id FROM dependencies d
           JOIN tasks p ON p.id = d.predecessor_id JOIN tasks s ON s.id = d.successor_id
           WHERE {in_list('p.project_id', '?1')} AND {in_list('s.project_id', '?1')}""", (ids,)).fetchall()
    succs: dict[int, list[int]] = {}
    preds: dict[int, list[int]] = {}
    indeg: dict[int, int] = {}
    for a, b in edges:
        succs.setdefault(a, []).append(b)
        preds.setdefault(b, []).append(a)
        indeg[b] = indeg.get(b, 0) + 1
        indeg.setdefault(a, 0)
    todo = deque(t for t, n in indeg.items() if n == 0)
    while todo:
        for b in succs.get(todo.popleft(), ()):
            indeg[b] -= 1
            if indeg[b] == 0:
                todo.append(b)
    left = {t for t, n in indeg.items() if n > 0}
    if not left:
        return
    path, seen = [], {}
    t = min(left)
    while t not in seen:
        seen[t] = len(path)
        path.append(t)
        t = next(p for p in preds[t] if p in left)
    cycle = list(reversed(path[seen[t]:]))
    names = {tid: (code, name) for tid, code, name in conn.execute(
        f"""SELECT t.id, p.code, t.name FROM tasks t JOIN projects p ON p.id = t.project_id
           WHERE {in_list('t.id')}""", (json_list(cycle),))}
    if len({names[c][0] for c in cycle}) < 2:
        return  # a loop inside one plan: that plan's own scheduling names it
    text = " → ".join(f"{names[c][0]} '{names[c][1]}'" for c in [*cycle, cycle[0]])
    raise DependencyLoop(f"dependency loop across projects: {text}; remove one of these links", cycle)


@dataclass
class CrossLink:
    """A link between two projects as the stored plans stand, with how it is met."""

    link_id: int
    type: str
    predecessor_id: int
    predecessor: str  # task name
    predecessor_project: str  # code
    predecessor_project_id: int
    successor_id: int
    successor: str
    successor_project: str
    successor_project_id: int
    slack_days: float  # working days the successor could still move earlier (negative: starts too early)
    predecessor_slip_days: float | None  # the predecessor's finish against its baseline
    successor_slip_days: float | None  # the successor's start against its baseline
    from_day: date | None = None  # where the link leaves the predecessor (its finish, or start for SS/SF)
    to_day: date | None = None  # where it reaches the successor (its start, or finish for FF/SF)

    @property
    def violated(self) -> bool:
        return self.slack_days < 0

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def cross_links(conn: sqlite3.Connection, project_ids: set[int] | None = None) -> list[CrossLink]:
    """Every link between two projects (touching `project_ids` when given), measured in the successor
    project's working time: how much slack it leaves, and what each side slipped against its baseline."""
    from pmo_desktop.scheduling.service import project_calendar  # service imports this module
    from pmo_desktop.scheduling.stored import parse_instant

    rows = conn.execute(
        """SELECT d.id, d.type, d.lag_days, d.lag_minutes, d.lag_format, d.lag_percent,
                  p.id, p.name, pp.code, pp.id, p.start_date, p.start_at, p.finish_date, p.finish_at,
                  p.baseline_finish, p.kind,
                  s.id, s.name, sp.code, sp.id, s.start_date, s.start_at, s.finish_date, s.finish_at,
                  s.baseline_start
           FROM dependencies d JOIN tasks p ON p.id = d.predecessor_id JOIN tasks s ON s.id = d.successor_id
           JOIN projects pp ON pp.id = p.project_id JOIN projects sp ON sp.id = s.project_id
           WHERE p.project_id <> s.project_id ORDER BY sp.code, s.sort_order, d.id""").fetchall()
    calendars: dict[int, object] = {}
    out = []
    for (lid, kind, lag_days, lag_minutes, lag_format, lag_percent, pid, pname, pcode, ppid, ps, ps_at, pf_, pf_at,
         p_base, p_kind, sid, sname, scode, spid, ss, ss_at, sf, sf_at, s_base) in rows:
        if project_ids is not None and ppid not in project_ids and spid not in project_ids:
            continue
        p_start, p_finish = parse_instant(ps, ps_at), parse_instant(pf_, pf_at)
        s_start, s_finish = parse_instant(ss, ss_at), parse_instant(sf, sf_at)
        if None in (p_start, p_finish, s_start, s_finish):
            continue
        cal = calendars.get(spid)
        if cal is None:
            cal = calendars[spid] = project_calendar(conn, spid)
        mpd = cal.minutes_per_day
        if p_kind == "milestone":
            p_finish = p_start  # a milestone's one instant is kept as its start
        base_at = p_finish if kind in ("FS", "FF") else p_start
        base = cal.mend(base_at) if kind in ("FS", "FF") and p_kind != "milestone" else cal.mpos(base_at)
        if lag_percent is not None:
            lag = round((cal.mend(p_finish) - cal.mpos(p_start)) * lag_percent / 100)
        elif lag_minutes is not None and lag_format in ELAPSED_FORMATS:
            lag = cal.mpos(base_at + timedelta(minutes=lag_minutes)) - base
        else:
            lag = lag_minutes if lag_minutes is not None else round((lag_days or 0) * mpd)
        mine = cal.mpos(s_start) if kind in ("FS", "SS") else cal.mend(s_finish)
        slack = days(mine - (base + lag), mpd)
        succ_at = s_start if kind in ("FS", "SS") else s_finish
        out.append(CrossLink(lid, kind, pid, pname, pcode, ppid, sid, sname, scode, spid, slack,
                             _slip(cal, p_base, pf_, False), _slip(cal, s_base, ss, True),
                             _as_day(base_at), _as_day(succ_at)))
    return out


def _as_day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _slip(cal, baseline: str | None, current: str | None, start: bool) -> float | None:
    from pmo_desktop.scheduling.stored import parse_date

    b, c = parse_date(baseline), parse_date(current)
    if b is None or c is None:
        return None
    if start:
        return days(cal.mpos(c) - cal.mpos(b), cal.minutes_per_day)
    return days(cal.mend(c) - cal.mend(b), cal.minutes_per_day)


def knock_on(links: list[CrossLink]) -> list[dict]:
    """Projects delayed by another project's slip: the predecessor finishes later than its baseline and
    holds the successor (no slack left), which starts later than its own baseline. Worst first."""
    rows = []
    for lk in links:
        driving = -0.01 < lk.slack_days <= 0  # a broken link (negative slack) holds nothing back yet
        if driving and (lk.predecessor_slip_days or 0) > 0 and (lk.successor_slip_days or 0) > 0:
            rows.append({"project": lk.successor_project, "task": lk.successor, "by_project": lk.predecessor_project,
                         "by_task": lk.predecessor, "predecessor_slip_days": lk.predecessor_slip_days,
                         "delay_days": lk.successor_slip_days})
    rows.sort(key=lambda r: (-r["delay_days"], r["project"]))
    return rows
