"""Forward and backward pass, floats and the critical path, in integer working-minute positions.

Rules (see network.py for positions and summary gates):
- A task starts no earlier than the project start. A task with no links into it (nor into any of
  its summary tasks) also keeps its own start as its earliest start: a plan without links is left
  where its author put it, as GanttProject does.
- Links push successors (FS/SS/FF/SF; lag in working minutes, elapsed minutes or percent of the
  predecessor's duration; negative allowed). Constraints as MS Project applies them with its default
  "tasks will always honor their constraint dates": SNET and FNET raise the earliest dates; MSO and
  MFO fix them; SNLT and FNLT hold the task to their date even when links would push it later (the
  conflict shows as negative total float). With `honor_constraints=False` links win: MSO/MFO act as
  SNET/FNET and SNLT/FNLT only cap the late dates. ALAP tasks sit as late as their successors and the
  project finish allow. A deadline never moves a task; missing it shows as negative float. Actual
  start and finish, and a manually scheduled task's own dates, fix the dates.
- A task with an elapsed duration ("2 ed") runs on calendar time, 24x7, from the exact instant its
  links allow (17:00 on a Friday, say), and its float is counted in calendar time (elapsed.py).
- A milestone sits at the end of the day when it is driven by a finish (FS, FF) and at the start of
  the day otherwise, so it lands on the predecessor's finish date as in MS Project (or, for plans
  kept the GanttProject way, on the next working morning: see `milestones_next_day`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pmo_desktop.scheduling import elapsed as _elapsed
from pmo_desktop.scheduling.calendar import WorkCalendar
from pmo_desktop.scheduling.network import (
    AGG,
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
from pmo_desktop.scheduling.results import Schedule, TaskResult, days, topological_children_first
from pmo_desktop.scheduling.results import result as _result

NEG = -(10**9)
POS = 10**9


def schedule(tasks: list[TaskInput], links: list[LinkInput], calendar: WorkCalendar,
             project_start: date | None = None, *, milestones_next_day: bool = False,
             honor_constraints: bool = True) -> Schedule:
    """Schedule one plan. Raises DependencyLoop when the links (or the outline) form a loop.

    A milestone that a finish drives sits on that finish's instant (MS Project: 17:00 of that day),
    or with `milestones_next_day` on the next working morning (GanttProject); the position is the same.
    """
    if not tasks:
        return Schedule()
    mpd = calendar.minutes_per_day
    net = build_network(tasks, links, mpd)
    order = topological_order(net)
    size, n = net.size, len(tasks)
    pos, end_pos = calendar.mpos, calendar.mend

    if project_start is None:
        starts = [_day(t.start) for t in tasks if t.start] or [_day(t.actual_start) for t in tasks if t.actual_start]
        project_start = min(starts) if starts else date.today()
    floor = pos(_day(project_start))

    # -- inputs as integers ------------------------------------------------------------------------
    dur = [0] * size
    lb = [NEG] * size          # lower bound on the early start
    lb_end = [False] * size    # that bound is an end-of-period instant (matters for milestones only)
    fixed = [None] * size      # early start fixed by MSO/MFO/actual start/manual scheduling
    fixed_ef = [None] * size   # early finish fixed by an actual finish or a manual task's finish
    fixed_end = [False] * size  # a fixed milestone sits at the end of its period (must finish on)
    lf_cap = [POS] * size
    ls_cap = [POS] * size
    hold_s: dict[int, int] = {}  # honoured SNLT: the latest start
    hold_f: dict[int, int] = {}  # honoured FNLT: the latest finish
    alap = []
    summary = net.children
    own: dict[int, tuple] = {}  # task on a calendar of its own -> (calendar, minutes in it, anchor)
    own_dates: dict[int, tuple[datetime, datetime]] = {}  # tasks laid outside the plan's positions
    elapsed: dict[int, int] = {}  # task with an elapsed duration -> its calendar minutes (24x7)
    elapsed_lags = {k: a for k, (how, a) in net.special.items() if how == "e"}  # before they are settled
    for i, t in enumerate(tasks):
        if i in summary:
            _summary_constraint(net, i, t, lb, lb_end, ls_cap, lf_cap, pos, end_pos)
            continue
        d = _duration(t, calendar)
        dur[i] = d
        lb[i] = floor
        if t.start and not net.has_preds[i]:
            p = pos(t.start)
            if p >= floor:
                lb[i] = p
                lb_end[i] = _at_end(calendar, t.start)
        if t.elapsed and d > 0 and not t.manual:
            elapsed[i] = _elapsed.elapsed_minutes(t)  # calendar time: no calendar of its own applies
        elif (t.external or t.manual and t.elapsed) and isinstance(t.start, datetime) and isinstance(t.finish, datetime):
            own_dates[i] = (t.start, t.finish)  # kept to the minute, even in non-working time (a Sunday finish)
        elif t.calendar is not None and t.calendar is not calendar and d > 0 and not t.actual_finish and not t.manual:
            anchor = t.start if t.start and not net.has_preds[i] else None
            own[i] = (t.calendar, _duration(t, t.calendar), anchor)
        ct, cd = (t.constraint_type or "").upper(), t.constraint_date
        if cd is not None:
            if ct == SNET or (ct == MSO and not honor_constraints):
                _raise(lb, lb_end, i, pos(cd), _at_end(calendar, cd))
            elif ct == FNET or (ct == MFO and not honor_constraints):
                _raise(lb, lb_end, i, end_pos(cd) - d, True)
            elif ct == MSO:
                fixed[i] = pos(cd)
                fixed_end[i] = _at_end(calendar, cd)
                ls_cap[i] = pos(cd)
            elif ct == MFO:
                fixed[i] = end_pos(cd) - d
                fixed_end[i] = True
                lf_cap[i] = end_pos(cd)
            elif ct == SNLT:
                ls_cap[i] = pos(cd)
                if honor_constraints:
                    hold_s[i] = ls_cap[i]
            elif ct == FNLT:
                lf_cap[i] = end_pos(cd)
                if honor_constraints:
                    hold_f[i] = lf_cap[i]
        elif ct == "ALAP" and not t.manual:
            alap.append(i)
        if t.deadline is not None:
            lf_cap[i] = min(lf_cap[i], end_pos(t.deadline))
        if t.manual and t.start:
            fixed[i] = pos(t.start)
            fixed_end[i] = d == 0 and _at_end(calendar, t.start)
            if t.finish and d > 0:
                fixed_ef[i] = max(fixed[i], end_pos(t.finish))
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
    bound_at: dict[int, datetime] = {}  # elapsed task -> the latest start instant its links ask for
    end_flag = lb_end  # reused: for milestones, whether their instant is end-of-period
    succs = net.succs
    special = net.special
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
            e = lb[u]
            if u in hold_s and e > hold_s[u]:
                e = hold_s[u]
            if u in hold_f and e + dur[u] > hold_f[u]:
                e = hold_f[u] - dur[u]
            es[u] = e
            ef[u] = e + dur[u]
        if u in own:
            _own_calendar(u, own, es, ef, dur, calendar, own_dates)
        elif u in elapsed:
            _elapsed.place(u, tasks[u], elapsed[u], es, ef, dur, end_flag, fixed, fixed_end, bound_at.get(u),
                           hold_s, hold_f, net.has_preds[u], calendar, own_dates, (floor, _day(project_start)))
        e_u, f_u = es[u], ef[u]
        milestone = f_u == e_u and u not in summary and u not in elapsed
        s_flag = end_flag[u] if milestone else False
        f_flag = end_flag[u] if milestone else True
        if special:
            # A percent lag is a share of the predecessor's Duration: its calendar minutes when elapsed, its
            # minutes on its own calendar when it has one, not the plan positions it happens to span.
            d_u = elapsed[u] if u in elapsed else own[u][1] if u in own else dur[u]
            _settle_lags(u, succs, net.preds, special, e_u, f_u, d_u, calendar, own_dates.get(u), elapsed_lags)
        at_u = None
        for v, kind, lag in succs[u]:
            if elapsed and v in elapsed and kind != AGG:  # calendar time: the exact instant, not a working position
                if at_u is None:
                    at_u = _elapsed.instants_of(u, e_u, f_u, milestone, end_flag[u], own_dates, calendar)
                b_at = _elapsed.link_bound(kind, lag, elapsed_lags.get((u, v, kind)), *at_u, elapsed[v], calendar)
                if v not in bound_at or b_at > bound_at[v]:
                    bound_at[v] = b_at
                continue
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

    leaves = [i for i in range(n) if i not in summary and not tasks[i].external]
    project_end = max(ef[i] for i in leaves) if leaves else floor
    if alap:
        _as_late_as_possible(net, order, alap, es, ef, dur, lf_cap, project_end, end_flag)
        for u in alap:
            if u in elapsed and calendar.mpos(own_dates[u][1]) < ef[u]:  # moved: end at that working instant
                f_at = calendar.start_instant(ef[u])
                own_dates[u] = (f_at - timedelta(minutes=elapsed[u]), f_at)

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
    own_minutes = {u: spec[1] for u, spec in own.items()}
    return _result(net, calendar, es, ef, lf, dur, shown_flag, end_flag, free, own_dates, own_minutes, elapsed)


def _at_end(calendar, value) -> bool:
    """An instant at the end of a working period (17:00, 12:00): a milestone there stays there
    rather than moving to the next working minute."""
    return isinstance(value, datetime) and calendar.start_instant(calendar.mpos(value)) != value


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _settle_lags(u, succs, preds, special, e_u, f_u, d_u, calendar, own=None, elapsed_lags=None) -> None:
    """Turn u's elapsed and percent lags into working minutes now that u's dates are known. A percent
    lag is that share of the predecessor's duration `d_u` (minutes), as MS Project documents it, laid
    on working time ('%') or on calendar time ('e%'; kept in `elapsed_lags` too, so a successor on
    calendar time starts at the exact instant)."""
    out = succs[u]
    for j, (v, kind, _lag) in enumerate(out):
        spec = special.get((u, v, kind))
        if spec is None:
            continue
        how, amount = spec
        if how == "p":
            new = round(d_u * amount / 100)
        else:
            if how == "pe":
                amount = round(d_u * amount / 100)  # a share of the predecessor, laid on calendar time
                if elapsed_lags is not None:
                    elapsed_lags[(u, v, kind)] = amount
            base = f_u if kind in (FS, FF) else e_u
            at = calendar.finish_instant(base) if kind in (FS, FF) else calendar.start_instant(base)
            if own is not None:  # a task on its own calendar or on calendar time: its own instants
                at = own[1] if kind in (FS, FF) else own[0]
            new = calendar.mpos(at + timedelta(minutes=amount)) - base
        out[j] = (v, kind, new)
        back = preds[v]
        for k, (w, kk, _lag) in enumerate(back):
            if w == u and kk == kind:
                back[k] = (u, kind, new)
        del special[(u, v, kind)]


def _as_late_as_possible(net, order, alap, es, ef, dur, lf_cap, project_end, end_flag) -> None:
    """Move ALAP tasks as late as their successors' scheduled dates and the project finish allow,
    latest first, and roll the summaries up again."""
    rank = {v: k for k, v in enumerate(order)}
    for u in sorted(alap, key=rank.__getitem__, reverse=True):
        f = min(project_end, lf_cap[u])
        for v, kind, lag in net.succs[u]:
            if kind == FS:
                f = min(f, es[v] - lag)
            elif kind == SS:
                f = min(f, es[v] - lag + dur[u])
            elif kind == FF:
                f = min(f, ef[v] - lag)
            elif kind == SF:
                f = min(f, ef[v] - lag + dur[u])
        if f - dur[u] > es[u]:
            es[u], ef[u] = f - dur[u], f
            end_flag[u] = True
    summary = net.children
    for v in topological_children_first(net):
        es[v] = min(es[c] for c in summary[v])
        ef[v] = max(ef[c] for c in summary[v])


def _own_calendar(u, own, es, ef, dur, calendar, own_dates) -> None:
    """Lay a task on its own calendar from the instant the plan calendar lets it start; its finish
    goes back to plan positions so that links and floats stay in one unit."""
    cal, minutes, anchor = own[u]
    start = calendar.start_instant(es[u])
    if anchor is not None and es[u] == calendar.mpos(anchor):
        first = anchor if isinstance(anchor, datetime) else datetime.fromordinal(anchor.toordinal())
        start = min(start, first)  # kept where it was put, even at a time the plan calendar rests
    p = cal.mpos(start)
    s, f = cal.start_instant(p), cal.finish_instant(p + minutes)
    own_dates[u] = (s, f)
    ef[u] = max(es[u], calendar.mpos(f))
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
    """Working minutes: the task's own, else its days at the calendar's minutes per day, else the
    span of its stored dates."""
    if t.kind == "milestone":
        return 0
    if t.elapsed:
        return _elapsed.working_estimate(_elapsed.elapsed_minutes(t), calendar)
    if t.duration_minutes is not None:
        return max(0, int(t.duration_minutes))
    if t.duration is not None:
        return max(0, round(float(t.duration) * calendar.minutes_per_day))
    if t.start and t.finish:
        span = calendar.mend(t.finish) - calendar.mpos(t.start)
        return span if span > 0 else calendar.minutes_per_day
    return calendar.minutes_per_day


__all__ = ["LinkInput", "Schedule", "TaskInput", "TaskResult", "days", "schedule", "topological_children_first"]
