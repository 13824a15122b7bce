"""Fast working-day counts for spreading baseline work over time (earned value's PV) and for
milestone slippage.

domain.workdays walks day by day, which is right for scheduling single tasks but too slow for
100,000 tasks. A WorkCalendar keeps a running count of working days over 1990-2079 (built on first
use) so any count inside that window is two list look-ups; outside it, whole weeks are counted
arithmetically and holidays by bisection. Both give the same answers as domain.workdays (tested).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.domain.workdays import WEEKDAYS

_FIRST = date(1990, 1, 1).toordinal()
_LAST = date(2079, 12, 31).toordinal()


@dataclass(frozen=True)
class WorkCalendar:
    working_days: str = WEEKDAYS  # Monday..Sunday, '1' = working
    holidays: tuple[date, ...] = ()  # non-working dates
    _per_week: int = field(init=False, repr=False, compare=False, default=0)
    _running: list = field(init=False, repr=False, compare=False, default_factory=list)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_per_week", self.working_days.count("1"))
        # only holidays that fall on a working weekday take a day away
        kept = tuple(sorted(d for d in set(self.holidays) if self.working_days[d.weekday()] == "1"))
        object.__setattr__(self, "holidays", kept)

    def _table(self) -> list[int]:
        """running[i] = working days in [_FIRST, _FIRST + i)."""
        if not self._running:
            off = {d.toordinal() for d in self.holidays}
            pattern = [c == "1" for c in self.working_days]
            running, total = [0], 0
            weekday = date.fromordinal(_FIRST).weekday()
            for ordinal in range(_FIRST, _LAST + 1):
                if pattern[weekday] and ordinal not in off:
                    total += 1
                running.append(total)
                weekday = (weekday + 1) % 7
            self._running.extend(running)
        return self._running

    def count_ordinals(self, first: int, last: int) -> int:
        """Working days in [first, last] given as date ordinals, both included; 0 when last < first."""
        if last < first:
            return 0
        if first >= _FIRST and last <= _LAST:
            running = self._running or self._table()
            return running[last - _FIRST + 1] - running[first - _FIRST]
        return self._count_slow(date.fromordinal(first), date.fromordinal(last))

    def count(self, first: date, last: date) -> int:
        """Working days in [first, last], both included; 0 when last is before first."""
        return self.count_ordinals(first.toordinal(), last.toordinal())

    def _count_slow(self, first: date, last: date) -> int:
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


class OrdinalCache(dict):
    """ISO date text -> date ordinal (None when unreadable), parsing each distinct text once."""

    def __missing__(self, text):
        try:
            value = date.fromisoformat(text).toordinal() if text else None
        except (TypeError, ValueError):
            value = None
        self[text] = value
        return value
