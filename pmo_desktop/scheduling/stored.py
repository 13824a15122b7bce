"""The stored form of a plan's dates: reading the texts in the tasks table as dates and instants, and
the texts a schedule writes back (start_date/finish_date, and start_at/finish_at where the instant is
not its day's edge)."""

from __future__ import annotations

import functools
from datetime import date, datetime

from pmo_desktop.scheduling.calendar import WorkCalendar


@functools.lru_cache(maxsize=1 << 16)  # a portfolio's 300,000 stored dates are a few thousand texts
def parse_date(text, _parse=date.fromisoformat) -> date | None:
    """An ISO date from the store, or None when empty or malformed (never raises)."""
    if not text:
        return None
    try:
        return _parse(text if len(text) == 10 else text[:10])
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=1 << 16)
def parse_instant(day_text, time_text, _parse=datetime.fromisoformat):
    """The stored day with its stored time when they agree ('YYYY-MM-DDTHH:MM' in `time_text`), else
    the day alone (a date) or None."""
    day = parse_date(day_text)
    if day is None or not time_text or len(time_text) <= 10 or time_text[:10] != day.isoformat():
        return day
    try:
        return _parse(time_text[:16])
    except (TypeError, ValueError):
        return day


def stored_times(calendar: WorkCalendar, start: datetime | None, finish: datetime | None) -> tuple[str | None, str | None]:
    """What goes in start_at/finish_at: the instant where it is not its day's first (start) or last
    (finish) working minute, else None (the day's edge). A milestone's one instant is kept in start_at
    alone, and not at all when it is its day's first working minute."""
    if start is not None and start == finish:
        finish = None
    return _start_text(calendar, start), _finish_text(calendar, finish)


def _start_text(calendar: WorkCalendar, start: datetime | None) -> str | None:
    if start is None:
        return None
    hours = calendar.hours_of(start.toordinal())
    return start.isoformat(timespec="minutes") if not hours or start.hour * 60 + start.minute != hours[0][0] else None


def _finish_text(calendar: WorkCalendar, finish: datetime | None) -> str | None:
    if finish is None:
        return None
    hours = calendar.hours_of(finish.toordinal())
    return finish.isoformat(timespec="minutes") if not hours or finish.hour * 60 + finish.minute != hours[-1][1] else None


_NONE = (None, None, None)


class StoredTexts:
    """The texts of each instant a run meets, made once per calendar: 150,000 tasks share a few thousand
    instants. `of(calendar)` gives two dicts, start instant -> texts and finish instant -> texts, where
    texts are (the day's ISO date, what start_at/finish_at stores, the instant to the minute);
    `start`/`finish` fill them on a miss."""

    def __init__(self):
        self._by_calendar: dict[int, tuple[WorkCalendar, dict, dict]] = {}

    def of(self, calendar: WorkCalendar) -> tuple[dict, dict]:
        found = self._by_calendar.get(id(calendar))
        if found is None or found[0] is not calendar:
            found = self._by_calendar[id(calendar)] = (calendar, {None: _NONE}, {None: _NONE})
        return found[1], found[2]

    @staticmethod
    def start(calendar: WorkCalendar, memo: dict, value: datetime) -> tuple[str, str | None, str]:
        text = value.isoformat(timespec="minutes")
        found = memo[value] = (text[:10], _start_text(calendar, value), text)
        return found

    @staticmethod
    def finish(calendar: WorkCalendar, memo: dict, value: datetime) -> tuple[str, str | None, str]:
        text = value.isoformat(timespec="minutes")
        found = memo[value] = (text[:10], _finish_text(calendar, value), text)
        return found
