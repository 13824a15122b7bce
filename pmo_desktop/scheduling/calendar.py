"""Working calendars as integer positions, so the scheduler's hot loop never touches a date object.

Position p is the boundary before working day p: a task that starts at position p starts on the
morning of working day p, and a task that ends at position p ends on the evening of working day
p - 1. Position 0 is the first working day on or after the calendar's origin; earlier days have
negative positions. The tables behind the positions grow on demand in both directions, and a
position never changes meaning once handed out.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date

from pmo_desktop.domain.limits import MAX_SPAN_DAYS
from pmo_desktop.domain.workdays import WEEKDAYS
from pmo_desktop.store.errors import PortfolioError

_CHUNK = 370 * 4  # calendar days added at a time when a position or date falls outside the table
_REACH = 3 * MAX_SPAN_DAYS  # how far from its origin a calendar reaches: a plan of 100-year tasks and lags


class CalendarError(PortfolioError):
    """A calendar the scheduler cannot use (for example, one without any working day)."""


class WorkCalendar:
    """Working weekdays (a 'Mon..Sun' string of 0/1) plus dated exceptions (True = working)."""

    def __init__(self, working_days: str = WEEKDAYS, exceptions: Mapping[date, bool] | None = None, *,
                 name: str = "Standard", origin: date | None = None):
        if len(working_days) != 7 or set(working_days) - {"0", "1"}:
            raise CalendarError(f"calendar '{name}': working days must be 7 digits 0/1 for Mon..Sun, "
                                f"not '{working_days}'")
        if "1" not in working_days:
            raise CalendarError(f"calendar '{name}' has no working weekday; a plan cannot be scheduled on it")
        self.name = name
        self.working_days = working_days
        self.exceptions: dict[int, bool] = {d.toordinal(): bool(w) for d, w in (exceptions or {}).items()}
        origin = origin or date.today()
        self._origin = origin.toordinal()
        self._lo = self._origin - _CHUNK
        self._hi = self._origin + _CHUNK
        self._build()

    # -- tables -----------------------------------------------------------------------------------

    def is_working_ordinal(self, ordinal: int) -> bool:
        special = self.exceptions.get(ordinal)
        if special is not None:
            return special
        return self.working_days[(ordinal - 1) % 7] == "1"  # date.fromordinal(1) is a Monday

    def _build(self) -> None:
        work = [o for o in range(self._lo, self._hi + 1) if self.is_working_ordinal(o)]
        # Position 0 is the first working day on or after the origin; it never moves.
        self._zero = bisect_left(work, self._origin)
        self._work = work

    def _grow(self, down: bool) -> None:
        """Extend the table (by its own size, so reaching far costs a few rebuilds, not thousands)."""
        step = max(_CHUNK, self._hi - self._lo)
        lo, hi = (self._lo - step, self._hi) if down else (self._lo, self._hi + step)
        if self._origin - lo > _REACH + _CHUNK or hi - self._origin > _REACH + _CHUNK:
            raise CalendarError(f"calendar '{self.name}': a date or a duration reaches more than "
                                f"{_REACH // 365} years from {date.fromordinal(self._origin).isoformat()}; "
                                f"durations and lags are limited to 100 years ({MAX_SPAN_DAYS:,} days)")
        self._lo, self._hi = max(lo, self._origin - _REACH - _CHUNK), min(hi, self._origin + _REACH + _CHUNK)
        self._build()

    def _cover_ordinal(self, ordinal: int) -> None:
        while ordinal < self._lo + 7 or ordinal > self._hi - 7:
            self._grow(ordinal < self._lo + 7)

    def _cover_position(self, pos: int) -> None:
        while not (0 <= pos + self._zero < len(self._work) - 1):
            self._grow(pos + self._zero < 0)

    # -- public face --------------------------------------------------------------------------------

    def is_working(self, day: date) -> bool:
        return self.is_working_ordinal(day.toordinal())

    def position(self, day: date) -> int:
        """Start-of-day position of `day`, or of the next working day when `day` is not one."""
        o = day.toordinal()
        self._cover_ordinal(o)
        return bisect_left(self._work, o) - self._zero

    def end_position(self, day: date) -> int:
        """End-of-day position of `day`, or of the previous working day when `day` is not one."""
        o = day.toordinal()
        self._cover_ordinal(o)
        return bisect_right(self._work, o) - self._zero

    def date_at(self, pos: int) -> date:
        """The working day that starts at position `pos`."""
        self._cover_position(pos)
        return date.fromordinal(self._work[pos + self._zero])

    def ordinals(self, lo: int, hi: int) -> list[int]:
        """Date ordinals of working days lo..hi inclusive (one table lookup for a whole plan)."""
        self._cover_position(lo)
        self._cover_position(hi)
        return self._work[lo + self._zero: hi + self._zero + 1]

    def add_days(self, day: date, n: int) -> date:
        """The working day n working days after `day` (the start need not be a working day)."""
        return self.date_at(self.position(day) + n)

    def span_days(self, start: date, finish: date) -> int:
        """Working days from `start` to `finish` inclusive (0 when finish is before start)."""
        return max(0, self.end_position(finish) - self.position(start))


def load_calendar(conn: sqlite3.Connection, calendar_id: int | None, *, origin: date | None = None) -> WorkCalendar:
    """The stored calendar `calendar_id` with its exceptions; Mon-Fri with no holidays when None."""
    if calendar_id is None:
        return WorkCalendar(origin=origin)
    row = conn.execute("SELECT name, working_days FROM calendars WHERE id = ?", (calendar_id,)).fetchone()
    if row is None:
        return WorkCalendar(origin=origin)
    exceptions = {}
    for day, working in conn.execute(
        "SELECT date, working FROM calendar_exceptions WHERE calendar_id = ?", (calendar_id,)
    ):
        try:
            exceptions[date.fromisoformat(day)] = bool(working)
        except (TypeError, ValueError):
            continue  # a malformed exception date is reported by `pmo check`, not fatal here
    return WorkCalendar(row[1], exceptions, name=row[0], origin=origin)
