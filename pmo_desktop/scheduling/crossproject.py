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

from pmo_desktop.scheduling.network import DependencyLoop


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
    marks = ",".join("?" * len(project_ids))
    edges = conn.execute(
        f"""SELECT d.predecessor_id, d.successor_id FROM dependencies d
            JOIN tasks p ON p.id = d.predecessor_id JOIN tasks s ON s.id = d.successor_id
            WHERE p.project_id IN ({marks}) AND s.project_id IN ({marks})""", [*project_ids, *project_ids]).fetchall()
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
            WHERE t.id IN ({",".join("?" * len(cycle))})""", cycle)}
    if len({names[c][0] for c in cycle}) < 2:
        return  # a loop inside one plan: that plan's own scheduling names it
    text = " → ".join(f"{names[c][0]} '{names[c][1]}'" for c in [*cycle, cycle[0]])
    raise DependencyLoop(f"dependency loop across projects: {text}; remove one of these links", cycle)
