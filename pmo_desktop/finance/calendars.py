"""Fast working-day counts for spreading baseline work over time (earned value's PV).

domain.workdays walks day by day, which is right for scheduling single tasks but too slow for
100,000 tasks. A WorkCalendar counts whole weeks arithmetically and holidays by bisection, giving
the same answers (tests compare them).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.domain.workdays import WEEKDAYS


@dataclass(frozen=True)
class WorkCalendar:
    working_days: str = WEEKDAYS  # Monday..Sunday, '1' = working
    holidays: tuple[date, ...] = ()  # sorted non-working dates
    _per_week: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_per_week", self.working_days.count("1"))
        # only holidays that fall on a working weekday take a day away
        kept = tuple(sorted(d for d in set(self.holidays) if self.working_days[d.weekday()] == "1"))
        object.__setattr__(self, "holidays", kept)

    def count(self, first: date, last: date) -> int:
        """Working days in [first, last], both included; 0 when last is before first."""
        if last < first:
            return 0
        days = (last - first).days + 1
        weeks, rest = divmod(days, 7)
        total = weeks * self._per_week
        weekday = first.weekday()
        for i in range(rest):
            if self.working_days[(weekday + i) % 7] == "1":
                total += 1
        lo = bisect.bisect_left(self.holidays, first)
        hi = bisect.bisect_right(self.holidays, last)
        return total - (hi - lo)

    def fraction_elapsed(self, start: date, finish: date, at: date) -> float:
        """Share of the working days of [start, finish] that fall on or before `at` (0..1).

        A span with no working days (e.g. a weekend-only or zero-length span) counts as a step:
        0 before its finish, 1 from its finish on.
        """
        if at < start:
            return 0.0
        if at >= finish:
            return 1.0
        total = self.count(start, finish)
        if total == 0:
            return 1.0 if at >= finish else 0.0
        return self.count(start, at) / total


def load_calendars(conn) -> dict[int, WorkCalendar]:
    """Every calendar in the portfolio by id, with its holiday exceptions."""
    calendars: dict[int, tuple[str, list[date]]] = {
        cid: (pattern, []) for cid, pattern in conn.execute("SELECT id, working_days FROM calendars")
    }
    for cid, day in conn.execute("SELECT calendar_id, date FROM calendar_exceptions WHERE working = 0"):
        if cid in calendars:
            try:
                calendars[cid][1].append(date.fromisoformat(day))
            except (TypeError, ValueError):
                continue
    return {cid: WorkCalendar(pattern, tuple(days)) for cid, (pattern, days) in calendars.items()}

