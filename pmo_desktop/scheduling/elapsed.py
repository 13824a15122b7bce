"""Tasks with an elapsed duration (MS Project's "3 ed", "36 eh"): they run on calendar time, 24 hours a
day and 7 days a week, whatever the plan's working hours.

MS Project lays such a task from the instant it may start, even in non-working time: a 2-elapsed-day cure
that follows a pour finishing at 17:00 on Friday runs from 17:00 Friday to 17:00 Sunday, and a "4eh" task
that begins at 14:00 ends at 18:00 (Microsoft KB 87301). Its successors on working time then start at the
next working minute. The engine keeps plan positions (working minutes) for links and floats; an elapsed
task's own instants are kept beside them, like a task on a calendar of its own.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pmo_desktop.domain.plan_text import ELAPSED_MINUTES
from pmo_desktop.scheduling.network import FF, FS, SF

# MSPDI DurationFormat codes of elapsed units, with the minutes in one unit and MS Project's short label:
# em, eh, ed, ew, emo (and their estimated forms "?"). An elapsed month is 30 elapsed days.
ELAPSED_UNITS = {code: (minutes, {4: "em", 6: "eh", 8: "ed", 10: "ew", 12: "emo"}[code])
                 for code, minutes in ELAPSED_MINUTES.items()}
ELAPSED_UNITS.update({code + 32: unit for code, unit in list(ELAPSED_UNITS.items())})
ELAPSED_DURATIONS = frozenset(ELAPSED_UNITS)


def is_elapsed(duration_format) -> bool:
    return duration_format in ELAPSED_DURATIONS


def elapsed_minutes(task) -> int:
    """An elapsed task's calendar minutes: its own, else its days as 24-hour days."""
    if task.duration_minutes is not None:
        return max(0, int(task.duration_minutes))
    if task.duration is not None:
        return max(0, round(float(task.duration) * 1440))
    return 1440


def working_estimate(minutes: int, calendar) -> int:
    """The working minutes an elapsed span covers on average (before the task is placed)."""
    return max(1, round(minutes * calendar.minutes_per_week / 10080)) if minutes > 0 else 0


def as_instant(value, calendar, end: bool) -> datetime:
    """A constraint date as an instant: its own time, else its day's first (last) working minute."""
    if isinstance(value, datetime):
        return value
    if end:
        return calendar.finish_instant(calendar.mend(value))
    return calendar.start_instant(calendar.mpos(value))


def instants_of(u, e_u, f_u, milestone, end_flag, own_dates, calendar) -> tuple[datetime, datetime]:
    """Node u's start and finish instants as its successors see them."""
    if u in own_dates:
        return own_dates[u]
    if milestone:
        at = calendar.finish_instant(e_u) if end_flag else calendar.start_instant(e_u)
        return at, at
    return calendar.start_instant(e_u), calendar.finish_instant(f_u)


def link_bound(kind, lag, elapsed_lag, s_at, f_at, minutes, calendar) -> datetime:
    """The earliest start instant a link (u -> v) allows an elapsed successor v of `minutes`."""
    base = f_at if kind in (FS, FF) else s_at
    if elapsed_lag is not None:
        at = base + timedelta(minutes=elapsed_lag)
    elif lag:
        at = calendar.finish_instant(calendar.mpos(base) + lag)  # the instant the working lag runs out
    else:
        at = base
    if kind in (FF, SF):
        at -= timedelta(minutes=minutes)
    return at


def place(u, task, minutes, es, ef, dur, end_flag, fixed, fixed_end, bound, hold_s, hold_f, has_preds,
          calendar, own_dates, floor=None) -> None:
    """Lay elapsed task u on calendar time from the instant it may start; its finish goes back to plan
    positions so that links and floats stay in one unit. `floor` is (position, day) of the project start:
    a link may start the task in the non-working hours just before that position, not before that day."""
    if task.actual_start:
        start = _day_start(task.actual_start, calendar)
    elif fixed[u] is not None:
        cd = task.constraint_date
        if (task.constraint_type or "").upper() == "MSO" and isinstance(cd, datetime):
            start = cd
        elif (task.constraint_type or "").upper() == "MFO" and cd is not None:
            start = as_instant(cd, calendar, True) - timedelta(minutes=minutes)
        else:
            start = calendar.finish_instant(fixed[u]) if fixed_end[u] else calendar.start_instant(fixed[u])
    else:
        start = calendar.finish_instant(es[u]) if end_flag[u] else calendar.start_instant(es[u])
        anchor = task.start  # an unlinked task stays at its own instant, even in non-working time
        if isinstance(anchor, datetime) and not has_preds and es[u] == calendar.mpos(anchor):
            start = anchor
        if bound is not None and (bound > start or floor is not None and es[u] == floor[0]
                                  and calendar.mpos(bound) == floor[0] and bound.date() >= floor[1]):
            start = bound
        if u in hold_s:
            start = min(start, calendar.start_instant(hold_s[u]))
        if u in hold_f:
            start = min(start, calendar.finish_instant(hold_f[u]) - timedelta(minutes=minutes))
    finish = start + timedelta(minutes=minutes)
    if task.actual_finish:
        finish = _day_start(task.actual_finish, calendar, end=True)
    own_dates[u] = (start, finish)
    es[u] = calendar.mpos(start)
    ef[u] = max(es[u], calendar.mpos(finish))
    dur[u] = ef[u] - es[u]
    end_flag[u] = False


def _day_start(value, calendar, end: bool = False) -> datetime:
    if isinstance(value, datetime):
        return value
    assert isinstance(value, date)
    return as_instant(value, calendar, end)
