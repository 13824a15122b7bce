"""Working-day arithmetic on ISO dates (Monday-Friday unless a calendar says otherwise)."""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS = "1111100"  # Monday..Sunday, 1 = working


def is_working(day: date, working_days: str = WEEKDAYS, holidays: frozenset[date] = frozenset()) -> bool:
    return working_days[day.weekday()] == "1" and day not in holidays


def next_working(day: date, working_days: str = WEEKDAYS, holidays: frozenset[date] = frozenset()) -> date:
    while not is_working(day, working_days, holidays):
        day += timedelta(days=1)
    return day


def add_working_days(
    day: date, n: int, working_days: str = WEEKDAYS, holidays: frozenset[date] = frozenset()
) -> date:
    """Move `n` working days from `day` (negative goes back); the start need not be a working day."""
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    per_week = working_days.count("1")
    if per_week == 0:
        raise ValueError("a calendar needs at least one working weekday")
    # Jump whole weeks while far from the target, then walk; holidays are settled by the walk because a
    # jump only ever skips a week whose working days are all counted, holidays among them re-added.
    while remaining > per_week + 1:
        weeks = (remaining - 1) // per_week
        target = day + timedelta(days=7 * weeks * step)
        lo, hi = (day, target) if step > 0 else (target, day)
        skipped_holidays = sum(1 for h in holidays if lo < h <= hi and working_days[h.weekday()] == "1") \
            if step > 0 else sum(1 for h in holidays if lo <= h < hi and working_days[h.weekday()] == "1")
        remaining -= weeks * per_week - skipped_holidays
        day = target
    while remaining:
        day += timedelta(days=step)
        if is_working(day, working_days, holidays):
            remaining -= 1
    return day


def working_days_between(
    start: date, end: date, working_days: str = WEEKDAYS, holidays: frozenset[date] = frozenset()
) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start, working_days, holidays)
    span = (end - start).days
    weeks, rest = divmod(span, 7)
    count = weeks * working_days.count("1")
    day = start + timedelta(days=7 * weeks)
    for _ in range(rest):
        day += timedelta(days=1)
        if working_days[day.weekday()] == "1":
            count += 1
    count -= sum(1 for h in holidays if start < h <= end and working_days[h.weekday()] == "1")
    return count


def month_end(day: date) -> date:
    first_next = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first_next - timedelta(days=1)


def previous_month_end(day: date) -> date:
    return day.replace(day=1) - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """First of the month `months` after `day`'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def fy_start(day: date, fy_start_month: int) -> date:
    year = day.year if day.month >= fy_start_month else day.year - 1
    return date(year, fy_start_month, 1)
