"""Durations as an analyst types them and as MS Project shows them: "3", "4h", "2w", "3ed", "4 ehrs".

MS Project reads a number with a unit (minutes, hours, days, weeks, months; an "e" in front for elapsed
time, which runs 24 hours a day, 7 days a week) and a "?" for an estimate, and shows it back as "3 days",
"4 hrs", "3 edays", "1 emon?". A number alone is days. The units are MSPDI DurationFormat codes: 3 m,
4 em, 5 h, 6 eh, 7 d, 8 ed, 9 w, 10 ew, 11 mo, 12 emo; an estimate adds 32 (the writer and reader use
the same codes). Typed text is read by the one parser of durations, domain/plan_text.py.
"""

from __future__ import annotations

from pmo_desktop.domain.plan_text import Duration, parse_duration_text
from pmo_desktop.scheduling.elapsed import ELAPSED_UNITS

__all__ = ["Duration", "duration_label", "parse_duration_text"]

# Working units: code -> what one unit is, MS Project's label (singular, plural).
_WORKING = {3: ("minute", "min", "mins"), 5: ("hour", "hr", "hrs"), 7: ("day", "day", "days"),
            9: ("week", "wk", "wks"), 11: ("month", "mon", "mons")}


def _number(q: float) -> str:
    q = round(q, 2)
    return f"{int(q)}" if q == int(q) else f"{q:g}"


def duration_label(minutes: int | None, code, minutes_per_day: int = 480, minutes_per_week: int = 2400,
                   days_per_month: float = 20) -> str | None:
    """A duration as MS Project shows it in its unit: '3 edays', '1 eday', '4 ehrs', '2 wks', '0.5 days',
    '1 emon?'. None without minutes or a known unit."""
    if minutes is None or code is None:
        return None
    base, estimated = code & ~32, "?" if code & 32 else ""
    if base in ELAPSED_UNITS:
        size = ELAPSED_UNITS[base][0]
        one, many = {4: ("emin", "emins"), 6: ("ehr", "ehrs"), 8: ("eday", "edays"), 10: ("ewk", "ewks"),
                     12: ("emon", "emons")}[base]
    elif base in _WORKING:
        _unit, one, many = _WORKING[base]
        size = {3: 1, 5: 60, 7: minutes_per_day, 9: minutes_per_week, 11: days_per_month * minutes_per_day}[base]
    else:
        return None
    text = _number(minutes / size)
    return f"{text} {one if text == '1' else many}{estimated}"
