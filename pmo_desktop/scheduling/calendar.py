"""Working calendars as integer positions, so the scheduler's hot loop never touches a date object.

Two kinds of position share one table. Day positions (`position`, `end_position`, `date_at`) count
working days, for the callers that think in whole days. Minute positions (`mpos`, `mend`,
`start_instant`, `finish_instant`) count working minutes: each working day has its own working hours
(08:00-12:00 and 13:00-17:00 by default, MS Project's standard calendar), and an exception can give a
day hours of its own. The scheduler works in minute positions.

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
from datetime import date, datetime, timedelta

from pmo_desktop.domain.limits import MAX_SPAN_DAYS
from pmo_desktop.domain.workdays import WEEKDAYS
from pmo_desktop.store.errors import PortfolioError

_CHUNK = 370 * 4  # calendar days added at a time when a position or date falls outside the table
_REACH = 3 * MAX_SPAN_DAYS  # how far from its origin a calendar reaches: a plan of 100-year tasks and lags
Hours = tuple[tuple[int, int], ...]  # working periods of a day, minutes from midnight, in order
STANDARD_HOURS: Hours = ((480, 720), (780, 1020))  # 08:00-12:00, 13:00-17:00


def parse_hours(text: str | None) -> Hours | None:
    """'08:00-12:00,13:00-17:00' (the stored form) to minute periods; None when empty or malformed."""
    if not text:
        return None
    out = []
    try:
        for part in text.split(","):
            a, b = part.strip().split("-")
            ha, ma = a.split(":")
            hb, mb = b.split(":")
            lo, hi = int(ha) * 60 + int(ma), int(hb) * 60 + int(mb)
            hi = 1440 if hi == 0 else hi
            if not 0 <= lo < hi <= 1440:
                return None
            out.append((lo, hi))
    except ValueError:
        return None
    out.sort()
    return tuple(out)


def format_hours(hours: Hours) -> str:
    return ",".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}" for a, b in hours)


class CalendarError(PortfolioError):
    """A calendar the scheduler cannot use (for example, one without any working day)."""


class WorkCalendar:
    """Working weekdays (a 'Mon..Sun' string of 0/1) plus dated exceptions (True = working)."""

    def __init__(self, working_days: str = WEEKDAYS, exceptions: Mapping[date, bool] | None = None, *,
                 name: str = "Standard", origin: date | None = None,
                 week_hours: Mapping[int, Hours] | None = None, exception_hours: Mapping[date, Hours] | None = None,
                 minutes_per_day: int | None = None, minutes_per_week: int | None = None,
                 days_per_month: float | None = None):
        if len(working_days) != 7 or set(working_days) - {"0", "1"}:
            raise CalendarError(f"calendar '{name}': working days must be 7 digits 0/1 for Mon..Sun, "
                                f"not '{working_days}'")
        if "1" not in working_days:
            raise CalendarError(f"calendar '{name}' has no working weekday; a plan cannot be scheduled on it")
        self.name = name
        self.working_days = working_days
        self.exceptions: dict[int, bool] = {d.toordinal(): bool(w) for d, w in (exceptions or {}).items()}
        # Working hours per weekday (0 = Monday) and per dated working exception.
        self.week_hours: dict[int, Hours] = {d: tuple((week_hours or {}).get(d) or STANDARD_HOURS) for d in range(7)}
        self.exception_hours: dict[int, Hours] = {
            d.toordinal(): tuple(h) for d, h in (exception_hours or {}).items() if h}
        for o in self.exception_hours:
            self.exceptions.setdefault(o, True)
        usual = [sum(b - a for a, b in self.week_hours[d]) for d in range(7) if working_days[d] == "1"]
        self.minutes_per_day = int(minutes_per_day or (max(set(usual), key=usual.count) if usual else 480) or 480)
        self.minutes_per_week = int(minutes_per_week or sum(usual) or self.minutes_per_day * 5)
        self.days_per_month = float(days_per_month or 20)
        self.uniform = all(self.week_hours[d] == STANDARD_HOURS for d in range(7)) and not self.exception_hours
        origin = origin or date.today()
        self._origin = origin.toordinal()
        self._day_hours: dict[int, Hours] = {}
        self._starts: dict[int, datetime] = {}  # minute position -> instant (positions never change meaning)
        self._finishes: dict[int, datetime] = {}
        self._lo = self._origin - _CHUNK
        self._hi = self._origin + _CHUNK
        self._build()

    # -- tables -----------------------------------------------------------------------------------

    def is_working_ordinal(self, ordinal: int) -> bool:
        special = self.exceptions.get(ordinal)
        if special is not None:
            return special
        return self.working_days[(ordinal - 1) % 7] == "1"  # date.fromordinal(1) is a Monday

    def hours_of(self, ordinal: int) -> Hours:
        """The working periods of a day (empty when it is not a working day)."""
        found = self._day_hours.get(ordinal)
        if found is None:
            found = self._day_hours[ordinal] = (
                (self.exception_hours.get(ordinal) or self.week_hours[(ordinal - 1) % 7])
                if self.is_working_ordinal(ordinal) else ())
        return found

    def _build(self) -> None:
        work, cum, hours = [], [], []
        total = 0
        for o in range(self._lo, self._hi + 1):
            h = self.hours_of(o)
            if h:
                work.append(o)
                cum.append(total)
                hours.append(h)
                total += sum(b - a for a, b in h)
        cum.append(total)
        # Position 0 is the first working day on or after the origin; it never moves.
        self._zero = bisect_left(work, self._origin)
        self._work = work
        self._cum = cum  # working minutes before working day k (one extra entry: the grand total)
        self._hours = hours
        self._mzero = cum[self._zero]

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

    # -- minute positions -------------------------------------------------------------------------------

    def mpos(self, value: date) -> int:
        """Minute position of a start: a date means the start of its working time (or of the next
        working day); a datetime counts the working minutes before that instant."""
        o = value.toordinal()
        self._cover_ordinal(o)
        k = bisect_left(self._work, o)
        base = self._cum[k] - self._mzero
        if not isinstance(value, datetime) or k >= len(self._work) or self._work[k] != o:
            return base
        clock = value.hour * 60 + value.minute
        for a, b in self._hours[k]:
            if clock <= a:
                break
            base += min(clock, b) - a
        return base

    def mend(self, value: date) -> int:
        """Minute position of a finish: a date means the end of its working time (or of the previous
        working day); a datetime is the same instant as for a start."""
        if isinstance(value, datetime):
            return self.mpos(value)
        o = value.toordinal()
        self._cover_ordinal(o)
        return self._cum[bisect_right(self._work, o)] - self._mzero

    def _cover_minutes(self, pos: int) -> None:
        while not (self._cum[1] <= pos + self._mzero < self._cum[-2]):
            self._grow(pos + self._mzero < self._cum[1])

    def start_instant(self, pos: int) -> datetime:
        """The instant a task starting at minute position `pos` starts (the next working minute)."""
        found = self._starts.get(pos)
        if found is None:
            self._cover_minutes(pos)
            a_pos = pos + self._mzero
            k = bisect_right(self._cum, a_pos) - 1
            found = self._starts[pos] = self._instant(k, a_pos - self._cum[k], start=True)
        return found

    def finish_instant(self, pos: int) -> datetime:
        """The instant a task ending at minute position `pos` ends (the end of the last worked minute)."""
        found = self._finishes.get(pos)
        if found is None:
            self._cover_minutes(pos)
            a_pos = pos + self._mzero
            k = bisect_left(self._cum, a_pos) - 1
            found = self._finishes[pos] = self._instant(k, a_pos - self._cum[k], start=False)
        return found

    def _instant(self, k: int, offset: int, start: bool) -> datetime:
        clock = 0
        for a, b in self._hours[k]:
            span = b - a
            if offset < span or (not start and offset == span):
                clock = a + offset
                break
            offset -= span
        return datetime.fromordinal(self._work[k]) + timedelta(minutes=clock)

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


def week_hours_text(week: Mapping[int, Hours]) -> str | None:
    """The stored form of a week's hours ('|' between days, Monday first); None when all standard."""
    if all(tuple(week.get(d) or STANDARD_HOURS) == STANDARD_HOURS for d in range(7)):
        return None
    return "|".join(format_hours(week.get(d) or STANDARD_HOURS) for d in range(7))


def parse_week_hours(text: str | None) -> dict[int, Hours]:
    parts = (text or "").split("|")
    out = {}
    for d, part in enumerate(parts[:7]):
        hours = parse_hours(part)
        if hours:
            out[d] = hours
    return out


def load_calendar(conn: sqlite3.Connection, calendar_id: int | None, *, origin: date | None = None) -> WorkCalendar:
    """The stored calendar `calendar_id` with its hours and exceptions; Mon-Fri 08:00-17:00 when None."""
    if calendar_id is None:
        return WorkCalendar(origin=origin)
    row = conn.execute("""SELECT name, working_days, hours, minutes_per_day, minutes_per_week, days_per_month
                          FROM calendars WHERE id = ?""", (calendar_id,)).fetchone()
    if row is None:
        return WorkCalendar(origin=origin)
    exceptions, exception_hours = {}, {}
    for day, working, hours in conn.execute(
        "SELECT date, working, hours FROM calendar_exceptions WHERE calendar_id = ?", (calendar_id,)
    ):
        try:
            d = date.fromisoformat(day)
        except (TypeError, ValueError):
            continue  # a malformed exception date is reported by `pmo check`, not fatal here
        exceptions[d] = bool(working)
        if working and parse_hours(hours):
            exception_hours[d] = parse_hours(hours)
    return WorkCalendar(row[1], exceptions, name=row[0], origin=origin, week_hours=parse_week_hours(row[2]),
                        exception_hours=exception_hours, minutes_per_day=row[3], minutes_per_week=row[4],
                        days_per_month=row[5])
