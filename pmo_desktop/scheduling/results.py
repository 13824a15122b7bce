"""What the engine hands back: each task's instants, days and floats, the critical path."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta


@dataclass(slots=True)
class TaskResult:
    id: int
    start: date | None  # the day
    finish: date | None
    duration: float  # working days (0.5 for a 4-hour task on an 8-hour day)
    total_float: float  # working days (elapsed days for a task with an elapsed duration, as MS Project)
    free_float: float
    critical: bool
    start_at: datetime | None = None  # the instant, to the minute
    finish_at: datetime | None = None
    duration_minutes: int = 0


@dataclass
class Schedule:
    tasks: dict[int, TaskResult] = field(default_factory=dict)
    critical_path: list[int] = field(default_factory=list)  # leaf task ids, in order of start
    start: date | None = None
    finish: date | None = None
    late_tasks: list[int] = field(default_factory=list)  # negative float: a deadline is missed
    start_at: datetime | None = None
    finish_at: datetime | None = None
    external_free: dict[int, float] = field(default_factory=dict)  # another project's task -> its free float


_DAYS: dict[int, dict[int, float]] = {}  # minutes per day -> {minutes: days}: a memo


def days(minutes: int, minutes_per_day: int) -> float:
    """Working minutes as days: a whole number when whole, else to two places (0.5 for 4 h of 8).
    Remembered: a portfolio's 150,000 tasks have a few thousand distinct durations and floats."""
    table = _DAYS.get(minutes_per_day)
    if table is None:
        table = _DAYS[minutes_per_day] = {}
    q = table.get(minutes)
    if q is None:
        q = minutes / minutes_per_day
        q = int(q) if q == int(q) else round(q, 2)
        if len(table) > 50_000:
            table.clear()
        table[minutes] = q
    return q


def result(net, calendar, es, ef, lf, dur, end_flag, instant_flag, free, own_dates, own_minutes,
           elapsed=()) -> Schedule:
    """Instants for every task. A milestone is shown per `end_flag`, but summaries roll up the instant
    (`instant_flag`): a milestone at 17:00 on Friday shown on Monday morning still ends its phase on
    Friday. A task with an elapsed duration (`elapsed`) has its float in calendar time, as MS Project
    counts it (KB 87301: a 9-hour elapsed task ending at 17:00 on Friday before a Monday task has 2.63
    elapsed days of slack, and is not critical)."""
    tasks, n, summary = net.tasks, len(net.tasks), net.children
    mpd = calendar.minutes_per_day
    starts: list[datetime | None] = [None] * n
    finishes: list[datetime | None] = [None] * n
    instants: dict[int, datetime] = {}  # milestones shown at another instant than their own
    at_start, at_finish = calendar.start_instant, calendar.finish_instant  # both remember what they found

    out = Schedule()
    for i in range(n):
        if i in summary:
            continue
        t = tasks[i]
        if t.external:
            out.external_free[t.id] = days(free[i], mpd)
        if dur[i] == 0:
            starts[i] = finishes[i] = at_finish(es[i]) if end_flag[i] else at_start(es[i])
            if instant_flag[i] != end_flag[i]:
                instants[i] = at_finish(es[i]) if instant_flag[i] else at_start(es[i])
        else:
            starts[i] = at_start(es[i])
            finishes[i] = at_finish(ef[i])
        if i in own_dates:
            starts[i], finishes[i] = own_dates[i]
        if t.actual_start:
            starts[i] = _on_day(calendar, t.actual_start, 0)
        if t.actual_finish:
            finishes[i] = _on_day(calendar, t.actual_finish, -1)
            if dur[i] == 0 and not t.actual_start:
                starts[i] = finishes[i]
    for v in topological_children_first(net):
        kids = summary[v]
        starts[v] = min((instants.get(c, starts[c]) for c in kids if starts[c]), default=None)
        finishes[v] = max((instants.get(c, finishes[c]) for c in kids if finishes[c]), default=None)
    leaf_finish = project_end = None
    if elapsed:
        leaf_finish = max((f for i, f in enumerate(finishes) if f and i not in summary and not tasks[i].external),
                          default=None)
        project_end = max((ef[i] for i in range(n) if i not in summary and not tasks[i].external), default=0)
    crit = []
    leaf_starts, leaf_finishes = [], []
    table = _DAYS.get(mpd) or _DAYS.setdefault(mpd, {})
    results, late_tasks = out.tasks, out.late_tasks
    for i in range(n):
        t = tasks[i]
        if t.external:
            continue
        f_i = ef[i]
        total = lf[i] - f_i
        span = own_minutes.get(i, f_i - es[i]) if own_minutes else f_i - es[i]  # a task on its own calendar lasts its own minutes
        s, f = starts[i], finishes[i]
        slack = (free[i] if free[i] < total else total) if total >= 0 else 0
        total_days = table.get(total)
        if total_days is None:
            total_days = days(total, mpd)
        ff_days = table.get(slack if slack > 0 else 0)
        if ff_days is None:
            ff_days = days(slack if slack > 0 else 0, mpd)
        span_days = table.get(span)
        if span_days is None:
            span_days = days(span, mpd)
        if i in elapsed and f is not None:  # calendar time: until a successor's (or the project's) instant
            late = leaf_finish if lf[i] >= project_end and leaf_finish else at_start(lf[i])
            total = round((late - f).total_seconds() / 60)
            free_min = round((at_start(f_i + free[i]) - f).total_seconds() / 60)
            total_days, ff_days = _elapsed_days(total), _elapsed_days(max(0, min(total, free_min)))
        critical = total <= 0 and t.actual_finish is None
        results[t.id] = TaskResult(t.id, s.date() if s else None, f.date() if f else None, span_days,
                                   total_days, ff_days, critical, s, f, span)
        if i not in summary:
            if critical:
                crit.append(i)
            if total < 0:
                late_tasks.append(t.id)
            if s:
                leaf_starts.append(s)
            if f:
                leaf_finishes.append(f)
    crit.sort(key=lambda i: (es[i], ef[i], i))
    out.critical_path = [tasks[i].id for i in crit]
    out.start_at = min(leaf_starts, default=None)
    out.finish_at = max(leaf_finishes, default=None)
    out.start = out.start_at.date() if out.start_at else None
    out.finish = out.finish_at.date() if out.finish_at else None
    return out


def _elapsed_days(minutes: int) -> float:
    """Calendar minutes as elapsed days to two places, halves rounded up as MS Project shows them (2.63ed)."""
    q = math.floor(minutes / 1440 * 100 + 0.5) / 100
    return int(q) if q == int(q) else q


def _on_day(calendar, value, edge: int) -> datetime:
    """A stored actual date as an instant: its own time, else its day's first (edge 0) or last
    (edge -1) working minute, even on a day the calendar rests (work happens on weekends too)."""
    if isinstance(value, datetime):
        return value
    o = value.toordinal()
    hours = calendar.hours_of(o) or calendar.week_hours[(o - 1) % 7]
    return datetime.fromordinal(o) + timedelta(minutes=hours[edge][-edge])


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


