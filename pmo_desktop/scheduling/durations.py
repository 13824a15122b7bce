"""Durations as an analyst types them and as MS Project shows them: "3", "4h", "2w", "3ed", "4 ehrs".

MS Project reads a number with a unit (minutes, hours, days, weeks, months; an "e" in front for elapsed
time, which runs 24 hours a day, 7 days a week) and a "?" for an estimate, and shows it back as "3 days",
"4 hrs", "3 edays", "1 emon?". A number alone is days. The units are MSPDI DurationFormat codes: 3 m,
4 em, 5 h, 6 eh, 7 d, 8 ed, 9 w, 10 ew, 11 mo, 12 emo; an estimate adds 32 (the writer and reader use
the same codes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pmo_desktop.scheduling.elapsed import ELAPSED_UNITS

# Working units: code -> what one unit is, MS Project's label (singular, plural).
_WORKING = {3: ("minute", "min", "mins"), 5: ("hour", "hr", "hrs"), 7: ("day", "day", "days"),
            9: ("week", "wk", "wks"), 11: ("month", "mon", "mons")}
# What an analyst may type for each unit (MS Project's own abbreviations and the words).
_WORDS = {
    "minute": ("m", "min", "mins", "minute", "minutes"),
    "hour": ("h", "hr", "hrs", "hour", "hours"),
    "day": ("d", "dy", "dys", "day", "days"),
    "week": ("w", "wk", "wks", "week", "weeks"),
    "month": ("mo", "mon", "mons", "month", "months"),
}
_CODE = {"minute": 3, "hour": 5, "day": 7, "week": 9, "month": 11}
_UNITS: dict[str, int] = {}
for _unit, _spellings in _WORDS.items():
    for _s in _spellings:
        _UNITS[_s] = _CODE[_unit]
        _UNITS["e" + _s] = _CODE[_unit] + 1
_TEXT = re.compile(r"^\s*(\d+(?:[.,]\d*)?|[.,]\d+)\s*([a-z]*)\s*(\??)\s*$")


@dataclass(frozen=True)
class Duration:
    """A typed duration: `value` in the unit of MSPDI DurationFormat `code`."""

    value: float
    code: int

    @property
    def elapsed(self) -> bool:
        return (self.code & ~32) in (4, 6, 8, 10, 12)

    def minutes(self, minutes_per_day: int = 480, minutes_per_week: int = 2400, days_per_month: float = 20) -> int:
        """Its length in minutes: calendar minutes when elapsed, else working minutes of the plan."""
        code = self.code & ~32
        if self.elapsed:
            return round(self.value * ELAPSED_UNITS[code][0])
        size = {3: 1, 5: 60, 7: minutes_per_day, 9: minutes_per_week, 11: days_per_month * minutes_per_day}[code]
        return round(self.value * size)


def parse_duration_text(text: str) -> Duration:
    """'3', '4h', '2 wks', '3ed', '4 ehrs', '1.5 edays?' as a Duration. Raises ValueError with a line
    that says what is accepted."""
    m = _TEXT.match(str(text or "").lower())
    code = _UNITS.get(m.group(2) or "d") if m else None
    if m is None or code is None:
        raise ValueError(f"'{text}' is not a duration; type a number with a unit, such as 3d, 4h, 2w or "
                         "3ed (elapsed days)")
    value = float(m.group(1).replace(",", "."))
    return Duration(value, code + (32 if m.group(3) else 0))


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
