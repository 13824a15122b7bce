"""The plan as the scheduler sees it: plain inputs, and the node/edge network built from them.

Every task is a node. A summary task is three nodes: itself (its dates roll up from its children),
plus a start gate and a finish gate that carry the links and constraints pointing *into* the summary
down to every child, as MS Project does. Edges are (successor, kind, lag) with kinds FS, SS, FF, SF
and AGG (child to summary roll-up). Everything is integer working-minute positions; a lag in elapsed
time or in percent of the predecessor's duration is settled during the forward pass (`Network.special`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.store.errors import PortfolioError

FS, SS, FF, SF, AGG = 0, 1, 2, 3, 4
LINK_KINDS = {"FS": FS, "SS": SS, "FF": FF, "SF": SF}

# Constraint types, stored in tasks.constraint_type (None or "ASAP" = as soon as possible).
SNET, SNLT, FNET, FNLT, MSO, MFO = "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"
CONSTRAINT_TYPES = {
    SNET: "start no earlier than", SNLT: "start no later than", FNET: "finish no earlier than",
    FNLT: "finish no later than", MSO: "must start on", MFO: "must finish on",
}


class DependencyLoop(PortfolioError):
    """The links form a loop, so no order of the tasks satisfies them."""

    def __init__(self, message: str, task_ids: list[int]):
        super().__init__(message)
        self.task_ids = task_ids


@dataclass(slots=True)
class TaskInput:
    id: int
    name: str
    parent_id: int | None = None
    kind: str = "task"  # task | summary | milestone
    start: date | None = None  # a datetime when the time of day is known
    finish: date | None = None
    duration: float | None = None  # working days; None = from start/finish (or duration_minutes)
    constraint_type: str | None = None
    constraint_date: date | None = None
    actual_start: date | None = None
    actual_finish: date | None = None
    calendar: object | None = None  # a WorkCalendar of its own (e.g. a resource's night shift), else the plan's
    duration_minutes: int | None = None  # working minutes; wins over `duration` when given
    deadline: date | None = None  # a late-finish target that never moves the task (MS Project's Deadline)
    manual: bool = False  # manually scheduled: keeps its start and finish
    alap: bool = False  # as late as possible
    external: bool = False  # another project's task that drives this plan: fixed, not part of the result
    origin: tuple[str, str] | None = None  # an external task's (project code, task name)
    elapsed: bool = False  # an elapsed duration ("3 ed"): duration_minutes count calendar time, 24x7


@dataclass(slots=True)
class LinkInput:
    predecessor_id: int
    successor_id: int
    type: str = "FS"
    lag: float = 0  # working days, may be negative
    lag_minutes: int | None = None  # working minutes (elapsed minutes when `elapsed`); wins over `lag`
    elapsed: bool = False  # the lag counts calendar time, not working time
    lag_percent: float | None = None  # a lag in percent of the predecessor's duration


@dataclass
class Network:
    """Nodes 0..n-1 are the tasks in input order; summary gates follow."""

    tasks: list[TaskInput]
    index: dict[int, int]
    size: int
    succs: list[list[tuple[int, int, int]]]
    preds: list[list[tuple[int, int, int]]]
    children: dict[int, list[int]]  # summary node -> child nodes (their own node, summary or not)
    start_gate: dict[int, int] = field(default_factory=dict)  # summary node -> gate node
    finish_gate: dict[int, int] = field(default_factory=dict)
    owner: list[int] = field(default_factory=list)  # node -> task node it stands for
    has_preds: list[bool] = field(default_factory=list)  # task has links in (own or an ancestor's)
    special: dict[tuple[int, int, int], tuple[str, float]] = field(default_factory=dict)  # edge -> ('e'|'p', amount)

    def is_summary(self, node: int) -> bool:
        return node in self.children


def build_network(tasks: list[TaskInput], links: list[LinkInput], minutes_per_day: int = 480) -> Network:
    n = len(tasks)
    index = {t.id: i for i, t in enumerate(tasks)}
    children: dict[int, list[int]] = {}
    parent = [-1] * n
    for i, t in enumerate(tasks):
        p = index.get(t.parent_id) if t.parent_id is not None else None
        if p is not None and p != i:
            children.setdefault(p, []).append(i)
            parent[i] = p
    _refuse_parent_loops(tasks, parent)
    resolved = []
    linked_in = [False] * n
    special_in: dict[tuple[int, int, int], tuple[str, float]] = {}
    for link in links:
        u, v = index.get(link.predecessor_id), index.get(link.successor_id)
        if u is None or v is None or u == v:
            continue
        linked_in[v] = True
        kind = LINK_KINDS.get(link.type, FS)
        if link.lag_percent is not None:
            # MS Project's e% (LagFormat 20): that share of the predecessor's duration, in elapsed time
            special_in[(u, v, kind)] = ("pe" if link.elapsed else "p", float(link.lag_percent))
            lag = 0
        elif link.elapsed and link.lag_minutes:
            special_in[(u, v, kind)] = ("e", int(link.lag_minutes))
            lag = 0
        else:
            lag = int(link.lag_minutes) if link.lag_minutes is not None else round(float(link.lag) * minutes_per_day)
        resolved.append((u, v, kind, lag))
    # Only a summary with links or a date constraint into it (or under one that has) needs gates.
    gated = {s for s in children if linked_in[s] or (tasks[s].constraint_date and tasks[s].constraint_type)}
    for s in list(gated):
        stack = list(children[s])
        while stack:
            c = stack.pop()
            if c in children and c not in gated:
                gated.add(c)
                stack.extend(children[c])
    size = n
    start_gate, finish_gate = {}, {}
    owner = list(range(n))
    for s in children:
        if s in gated:
            start_gate[s], finish_gate[s] = size, size + 1
            owner += [s, s]
            size += 2
    succs: list[list[tuple[int, int, int]]] = [[] for _ in range(size)]
    preds: list[list[tuple[int, int, int]]] = [[] for _ in range(size)]
    special = {}
    for u, v, kind, lag in resolved:
        spec = special_in.get((u, v, kind))
        if v in children:  # a link into a summary applies to all of its children
            v = start_gate[v] if kind in (FS, SS) else finish_gate[v]
            kind = {FS: FS, SS: SS, FF: FS, SF: SS}[kind]  # the gates are zero-length
        if spec is not None:
            special[(u, v, kind)] = spec
        succs[u].append((v, kind, lag))
        preds[v].append((u, kind, lag))
    for s, kids in children.items():
        gs, gf = start_gate.get(s), finish_gate.get(s)
        for c in kids:
            if gs is not None:
                cs, cf = start_gate.get(c, c), finish_gate.get(c, c)
                succs[gs].append((cs, SS, 0))
                preds[cs].append((gs, SS, 0))
                succs[gf].append((cf, FF, 0))
                preds[cf].append((gf, FF, 0))
            succs[c].append((s, AGG, 0))
            preds[s].append((c, AGG, 0))
    has_preds = linked_in[:]
    for i in range(n):  # inherit: a task is driven by links if any ancestor is
        p = parent[i]
        while p >= 0 and not has_preds[i]:
            has_preds[i] = linked_in[p]
            p = parent[p]
    return Network(tasks, index, size, succs, preds, children, start_gate, finish_gate, owner, has_preds, special)


def _refuse_parent_loops(tasks: list[TaskInput], parent: list[int]) -> None:
    state = [0] * len(tasks)  # 0 unseen, 1 on the current walk, 2 known to reach the top
    for i in range(len(tasks)):
        walk = []
        p = i
        while p >= 0 and state[p] == 0:
            state[p] = 1
            walk.append(p)
            p = parent[p]
        if p >= 0 and state[p] == 1:
            loop = walk[walk.index(p):]
            names = " → ".join(f"'{tasks[j].name}'" for j in [*loop, p])
            raise DependencyLoop(f"the task outline loops back on itself: {names}", [tasks[j].id for j in loop])
        for j in walk:
            state[j] = 2


def topological_order(net: Network) -> list[int]:
    """Kahn's algorithm; a loop raises DependencyLoop naming the tasks in it."""
    indeg = [len(p) for p in net.preds]
    order = [v for v in range(net.size) if indeg[v] == 0]
    succs = net.succs
    head = 0
    while head < len(order):
        u = order[head]
        head += 1
        for v, _kind, _lag in succs[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                order.append(v)
    if len(order) < net.size:
        raise _loop_error(net, indeg)
    return order


def _loop_error(net: Network, indeg: list[int]) -> DependencyLoop:
    # Every node left over has a left-over predecessor; walking back must revisit a node.
    start = next(v for v in range(net.size) if indeg[v] > 0)
    path, seen = [], {}
    v = start
    while v not in seen:
        seen[v] = len(path)
        path.append(v)
        v = next(u for u, _k, _l in net.preds[v] if indeg[u] > 0)
    cycle = list(reversed(path[seen[v]:]))  # predecessor first
    tasks = []
    for node in cycle:
        t = net.owner[node]
        if not tasks or tasks[-1] != t:
            tasks.append(t)
    if len(tasks) > 1 and tasks[0] == tasks[-1]:
        tasks.pop()
    names = [f"'{net.tasks[t].name}'" for t in tasks]
    text = " → ".join([*names, names[0]])
    return DependencyLoop(f"dependency loop: {text}; remove one of these links",
                          [net.tasks[t].id for t in tasks])
