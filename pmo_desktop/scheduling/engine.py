"""Forward and backward pass, floats and the critical path, in integer working-day positions.

Rules (see network.py for positions and summary gates):
- A task starts no earlier than the project start. A task with no links into it (nor into any of
  its summary tasks) also keeps its own start as its earliest start: a plan without links is left
  where its author put it, as GanttProject does.
- Links push successors (FS/SS/FF/SF, lag in working days, negative allowed). Constraints: SNET and
  FNET raise the earliest dates; MSO and MFO fix them (links do not move the task, as MS Project's
  default "honour constraint dates"); SNLT and FNLT cap the late dates, so a missed deadline shows
  as negative total float instead of breaking the logic. Actual start and finish fix the dates.
- A milestone sits at the end of the day when it is driven by a finish (FS, FF) and at the start of
  the day otherwise, so it lands on the predecessor's finish date as in MS Project (or, for plans
  kept the GanttProject way, on the next working morning: see `milestones_next_day`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.scheduling.calendar import WorkCalendar
from pmo_desktop.scheduling.network import (
    FF,
    FNET,
    FNLT,
    FS,
    MFO,
    MSO,
    SF,
    SNET,
    SNLT,
    SS,
    LinkInput,
    TaskInput,
    build_network,
    topological_order,
)

NEG = -(10**9)
POS = 10**9


@dataclass(slots=True)
class TaskResult:
    id: int
    start: date | None
    finish: date | None
    duration: int
    total_float: int
    free_float: int
    critical: bool


@dataclass
class Schedule:
    tasks: dict[int, TaskResult] = field(default_factory=dict)
    critical_path: list[int] = field(default_factory=list)  # leaf task ids, in order of start
    start: date | None = None
    finish: date | None = None
    late_tasks: list[int] = field(default_factory=list)  # negative float: a deadline is missed


def schedule(tasks: list[TaskInput], links: list[LinkInput], calendar: WorkCalendar,
             project_start: date | None = None, *, milestones_next_day: bool = False) -> Schedule:
    """Schedule one plan. Raises DependencyLoop when the links (or the outline) form a loop.

    A milestone that a finish drives sits on that finish's day (MS Project), or with
    `milestones_next_day` on the next working morning (GanttProject); the instant is the same.
    """
    if not tasks:
        return Schedule()
    net = build_network(tasks, links)
    order = topological_order(net)
    size, n = net.size, len(tasks)
    pos, end_pos = calendar.position, calendar.end_position

    if project_start is None:
        starts = [t.start for t in tasks if t.start] or [t.actual_start for t in tasks if t.actual_start]
        project_start = min(starts) if starts else date.today()
    floor = pos(project_start)

    # -- inputs as integers ------------------------------------------------------------------------
    dur = [0] * size
    lb = [NEG] * size          # lower bound on the early start
    lb_end = [False] * size    # that bound is an end-of-day instant (matters for milestones only)
    fixed = [None] * size      # early start fixed by MSO/MFO/actual start
    fixed_ef = [None] * size   # early finish fixed by an actual finish
    fixed_end = [False] * size  # a fixed milestone sits at the end of its day (must finish on)
    lf_cap = [POS] * size
    ls_cap = [POS] * size
    summary = net.children
    own: dict[int, tuple] = {}  # task on a calendar of its own -> (calendar, days in it, anchor date)
    for i, t in enumerate(tasks):
        if i in summary:
            _summary_constraint(net, i, t, lb, lb_end, ls_cap, lf_cap, pos, end_pos)
            continue
        d = _duration(t, calendar)
        dur[i] = d
        lb[i] = floor
        if t.start and not net.has_preds[i]:
            lb[i] = max(floor, pos(t.start))
        if t.calendar is not None and t.calendar is not calendar and d > 0 and not t.actual_finish:
            anchor = t.start if t.start and not net.has_preds[i] else None
            own[i] = (t.calendar, _duration(t, t.calendar), anchor)
        ct, cd = (t.constraint_type or "").upper(), t.constraint_date
        if cd is not None:
            if ct == SNET:
                _raise(lb, lb_end, i, pos(cd), False)
            elif ct == FNET:
                _raise(lb, lb_end, i, end_pos(cd) - d, True)
            elif ct == MSO:
                fixed[i] = pos(cd)
                ls_cap[i] = pos(cd)
            elif ct == MFO:
                fixed[i] = end_pos(cd) - d
                fixed_end[i] = True
                lf_cap[i] = end_pos(cd)
            elif ct == SNLT:
                ls_cap[i] = pos(cd)
            elif ct == FNLT:
                lf_cap[i] = end_pos(cd)
        if t.actual_start:
            fixed[i] = pos(t.actual_start)
            fixed_end[i] = False
        if t.actual_finish:
            fixed_ef[i] = max(end_pos(t.actual_finish), fixed[i] if fixed[i] is not None else NEG)
            if fixed[i] is None:
                fixed[i] = fixed_ef[i] - d

    # -- forward pass ----------------------------------------------------------------------------------
    es = [0] * size
    ef = [0] * size
    agg_es = [POS] * size
    agg_ef = [NEG] * size
    own_dates: dict[int, tuple[date, date]] = {}
    end_flag = lb_end  # reused: for milestones, whether their instant is end-of-day
    succs = net.succs
    for u in order:
        if u in summary:
            es[u], ef[u] = agg_es[u], agg_ef[u]
            end_flag[u] = False
        elif fixed[u] is not None:
            es[u] = fixed[u]
            end_flag[u] = fixed_end[u]
            ef[u] = fixed_ef[u] if fixed_ef[u] is not None else fixed[u] + dur[u]
            dur[u] = ef[u] - es[u]
        else:
            es[u] = lb[u]
            ef[u] = lb[u] + dur[u]
        if u in own:
            _own_calendar(u, own, es, ef, dur, calendar, own_dates)
        e_u, f_u = es[u], ef[u]
        milestone = f_u == e_u and u not in summary
        s_flag = end_flag[u] if milestone else False
        f_flag = end_flag[u] if milestone else True
        for v, kind, lag in succs[u]:
            if kind == FS:
                b, fl = f_u + lag, f_flag
            elif kind == SS:
                b, fl = e_u + lag, s_flag
            elif kind == FF:
                b, fl = f_u + lag - dur[v], f_flag
            elif kind == SF:
                b, fl = e_u + lag - dur[v], s_flag
            else:  # AGG: roll a child up into its summary
                if e_u < agg_es[v]:
                    agg_es[v] = e_u
                if f_u > agg_ef[v]:
                    agg_ef[v] = f_u
                continue
            if b > lb[v]:
                lb[v] = b
                end_flag[v] = fl
            elif b == lb[v] and not fl:
                end_flag[v] = False

    leaves = [i for i in range(n) if i not in summary]
    project_end = max(ef[i] for i in leaves) if leaves else floor

    # -- backward pass ---------------------------------------------------------------------------------
    lf = [0] * size
    ls = [0] * size
    preds = net.preds
    for i in leaves:
        if project_end < lf_cap[i]:
            lf_cap[i] = project_end
    for v in reversed(order):
        if v in summary:
            cap_f, cap_s = lf_cap[v], ls_cap[v]
            for c in summary[v]:
                if cap_f < lf_cap[c]:
                    lf_cap[c] = cap_f
                if cap_s < ls_cap[c]:
                    ls_cap[c] = cap_s
            continue
        d = dur[v]
        f = lf_cap[v]
        if ls_cap[v] + d < f:
            f = ls_cap[v] + d
        lf[v], ls[v] = f, f - d
        for u, kind, lag in preds[v]:
            if kind == FS:
                if ls[v] - lag < lf_cap[u]:
                    lf_cap[u] = ls[v] - lag
            elif kind == SS:
                if ls[v] - lag < ls_cap[u]:
                    ls_cap[u] = ls[v] - lag
            elif kind == FF:
                if f - lag < lf_cap[u]:
                    lf_cap[u] = f - lag
            elif kind == SF and f - lag < ls_cap[u]:
                ls_cap[u] = f - lag
    for v in order:  # children first: a summary's late dates span its children's
        if v in summary:
            kids = summary[v]
            ls[v] = min(ls[c] for c in kids)
            lf[v] = max(lf[c] for c in kids)

    # -- free float ------------------------------------------------------------------------------------
    free = [0] * size
    for u in reversed(order):
        best = POS
        for v, kind, lag in succs[u]:
            if kind == FS:
                slack = es[v] - (ef[u] + lag)
            elif kind == SS:
                slack = es[v] - (es[u] + lag)
            elif kind == FF:
                slack = ef[v] - (ef[u] + lag)
            elif kind == SF:
                slack = ef[v] - (es[u] + lag)
            else:
                slack = (ef[v] - ef[u]) + free[v]
            if slack < best:
                best = slack
        free[u] = project_end - ef[u] if best == POS else best

    shown_flag = [False] * size if milestones_next_day else end_flag
    return _result(net, calendar, es, ef, lf, dur, shown_flag, end_flag, free, project_end, own_dates)


def _own_calendar(u, own, es, ef, dur, calendar, own_dates) -> None:
    """Lay a task on its own calendar from the day the plan calendar lets it start; its finish goes
    back to plan positions so that links and floats stay in one unit."""
    cal, days, anchor = own[u]
    start = calendar.date_at(es[u])
    if anchor is not None and es[u] == calendar.position(anchor):
        start = min(start, anchor)  # kept where it was put, even on a day the plan calendar rests
    first = cal.position(start)
    start, finish = cal.date_at(first), cal.date_at(first + days - 1)
    own_dates[u] = (start, finish)
    ef[u] = max(es[u], calendar.end_position(finish))
    dur[u] = ef[u] - es[u]


def _raise(lb, lb_end, i, value, end) -> None:
    if value > lb[i]:
        lb[i], lb_end[i] = value, end
    elif value == lb[i] and not end:
        lb_end[i] = False


def _summary_constraint(net, i, t, lb, lb_end, ls_cap, lf_cap, pos, end_pos) -> None:
    """A summary's own constraint reaches its children through its gates (or caps its late dates)."""
    ct, cd = (t.constraint_type or "").upper(), t.constraint_date
    if cd is None or i not in net.start_gate:
        return
    if ct in (SNET, MSO):
        _raise(lb, lb_end, net.start_gate[i], pos(cd), False)
    elif ct in (FNET, MFO):
        _raise(lb, lb_end, net.finish_gate[i], end_pos(cd), True)
    elif ct == SNLT:
        ls_cap[i] = pos(cd)
    elif ct == FNLT:
        lf_cap[i] = end_pos(cd)


def _duration(t: TaskInput, calendar: WorkCalendar) -> int:
    if t.kind == "milestone":
        return 0
    if t.duration is not None:
        return max(0, int(t.duration))
    if t.start and t.finish:
        return max(1, calendar.span_days(t.start, t.finish))
    return 1


def _result(net, calendar, es, ef, lf, dur, end_flag, instant_flag, free, project_end, own_dates) -> Schedule:
    """Dates for every task. A milestone is shown per `end_flag`, but summaries roll up the instant
    (`instant_flag`): a milestone at the end of Friday shown on Monday still ends its phase on Friday."""
    tasks, n, summary = net.tasks, len(net.tasks), net.children
    lo = min(min(es[:n]), project_end) - 1
    hi = max(max(ef[:n]), project_end) + 1
    ordinals = calendar.ordinals(lo, hi)  # one lookup table for every date we hand out
    fromordinal = date.fromordinal
    starts: list[date | None] = [None] * n
    finishes: list[date | None] = [None] * n
    instants: dict[int, date] = {}  # milestones shown on another day than their instant
    out = Schedule()
    for i in range(n):
        if i in summary:
            continue
        t = tasks[i]
        if dur[i] == 0:
            at = es[i] - 1 if end_flag[i] else es[i]
            starts[i] = finishes[i] = fromordinal(ordinals[at - lo])
            if instant_flag[i] != end_flag[i]:
                instants[i] = fromordinal(ordinals[(es[i] - 1 if instant_flag[i] else es[i]) - lo])
        else:
            starts[i] = fromordinal(ordinals[es[i] - lo])
            finishes[i] = fromordinal(ordinals[ef[i] - 1 - lo])
        if i in own_dates:
            starts[i], finishes[i] = own_dates[i]
        if t.actual_start:
            starts[i] = t.actual_start
        if t.actual_finish:
            finishes[i] = t.actual_finish
    for v in topological_children_first(net):
        kids = summary[v]
        starts[v] = min((instants.get(c, starts[c]) for c in kids if starts[c]), default=None)
        finishes[v] = max((instants.get(c, finishes[c]) for c in kids if finishes[c]), default=None)
    crit = []
    for i in range(n):
        total = lf[i] - ef[i]
        done = tasks[i].actual_finish is not None
        critical = total <= 0 and not done
        ff = max(0, min(free[i], total)) if total >= 0 else 0
        span = ef[i] - es[i]
        out.tasks[tasks[i].id] = TaskResult(tasks[i].id, starts[i], finishes[i], span, total, ff, critical)
        if i not in summary:
            if critical:
                crit.append(i)
            if total < 0:
                out.late_tasks.append(tasks[i].id)
    crit.sort(key=lambda i: (es[i], ef[i], i))
    out.critical_path = [tasks[i].id for i in crit]
    leaf_starts = [s for i, s in enumerate(starts) if s and i not in summary]
    leaf_finishes = [f for i, f in enumerate(finishes) if f and i not in summary]
    out.start = min(leaf_starts, default=None)
    out.finish = max(leaf_finishes, default=None)
    return out


def topological_children_first(net) -> list[int]:
    """Summary nodes, deepest first, so a parent rolls up children that are already rolled up."""
    depth = {}
    for s in net.children:
        d, p = 0, net.tasks[s].parent_id
        while p is not None and p in net.index and d <= len(net.tasks):
            d += 1
            p = net.tasks[net.index[p]].parent_id
        depth[s] = d
    return sorted(net.children, key=lambda s: -depth[s])


__all__ = ["LinkInput", "Schedule", "TaskInput", "TaskResult", "schedule"]
