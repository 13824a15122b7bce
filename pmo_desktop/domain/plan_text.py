"""Plans as people type them into spreadsheets: durations ('3 days', '2w') and predecessors ('3FS+2d;5SS',
'PRJ-107:3.2FS'), in working days; the same rules as parsing.py (None or blank gives None or [], a bad
value raises ValueError with a reason a user can act on)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.domain.parsing import _text, is_blank

# Durations as MS Project reads them: a number with a unit (minutes, hours, days, weeks, months; an "e"
# in front for elapsed time, which runs 24 hours a day, 7 days a week) and a "?" for an estimate; a
# number alone is days. Units are MSPDI DurationFormat codes: 3 m, 4 em, 5 h, 6 eh, 7 d, 8 ed, 9 w,
# 10 ew, 11 mo, 12 emo; an estimate adds 32. The one parser of typed durations: the plan editor
# (scheduling/durations.py) and the spreadsheet import (parse_duration) both read through it.
_UNIT_WORDS = {
    3: ("m", "min", "mins", "minute", "minutes"),
    5: ("h", "hr", "hrs", "hour", "hours"),
    7: ("d", "dy", "dys", "day", "days"),
    9: ("w", "wk", "wks", "week", "weeks"),
    11: ("mo", "mon", "mons", "month", "months"),
}
_UNITS = {word: code for code, words in _UNIT_WORDS.items() for word in words}
_UNITS.update({"e" + word: code + 1 for word, code in list(_UNITS.items())})
# Minutes in one elapsed unit (an elapsed month is 30 elapsed days).
ELAPSED_MINUTES = {4: 1, 6: 60, 8: 1440, 10: 10080, 12: 43200}
_DURATION = re.compile(r"^\s*(\d+(?:[.,]\d*)?|[.,]\d+)\s*([a-z]*)\s*(\??)\s*$")


@dataclass(frozen=True)
class Duration:
    """A typed duration: `value` in the unit of MSPDI DurationFormat `code`."""

    value: float
    code: int

    @property
    def elapsed(self) -> bool:
        return (self.code & ~32) in ELAPSED_MINUTES

    def minutes(self, minutes_per_day: int = 480, minutes_per_week: int = 2400, days_per_month: float = 20) -> int:
        """Its length in minutes: calendar minutes when elapsed, else working minutes of the plan."""
        code = self.code & ~32
        if self.elapsed:
            return round(self.value * ELAPSED_MINUTES[code])
        size = {3: 1, 5: 60, 7: minutes_per_day, 9: minutes_per_week, 11: days_per_month * minutes_per_day}[code]
        return round(self.value * size)


def parse_duration_text(text: str) -> Duration:
    """'3', '4h', '30m', '0.5d', '1,5d', '2 wks', '1mo', '3ed', '4 ehrs', '1.5 edays?' as a Duration.
    Raises ValueError with a line that says what is accepted."""
    m = _DURATION.match(str(text or "").lower())
    code = _UNITS.get(m.group(2) or "d") if m else None
    if m is None or code is None:
        raise ValueError(f"'{text}' is not a duration; type a number with a unit, such as 3d, 4h, 2w or "
                         "3ed (elapsed days)")
    value = float(m.group(1).replace(",", "."))
    return Duration(value, code + (32 if m.group(3) else 0))


class ElapsedDays(float):
    """Calendar days read from an elapsed duration ('3 edays'): the number is what `duration_days`
    keeps, and `minutes` and `code` the task's duration_minutes and DurationFormat, so the unit is kept."""

    minutes: int
    code: int

    def __new__(cls, days: float, minutes: int, code: int):
        self = super().__new__(cls, days)
        self.minutes, self.code = minutes, code
        return self


def _days(q: float) -> float | int:
    q = round(q, 2)
    return int(q) if q == int(q) else q


def parse_duration(value) -> float | int | None:
    """Working days from '3 days', '8 wks', '2w', '16h', '0.5d', '5', 5.0 (MS Project's units at 8 hours a
    day, 5 days a week and 20 days a month), to two places; an elapsed one ('3 edays', '36 ehrs') as
    ElapsedDays, which keeps its unit."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _days(value)
    text = _text(value)
    sign = -1 if text.startswith("-") else 1
    try:
        d = parse_duration_text(text[1:] if sign < 0 else text)
    except ValueError:
        raise ValueError(f"'{value}' is not a duration") from None
    minutes = d.minutes()
    if d.elapsed:
        return ElapsedDays(_days(sign * minutes / 1440), sign * minutes, d.code)
    return _days(sign * minutes / 480)


# A reference may name another project's task as CODE:WBS (a link between projects, e.g. PRJ-107:3.2).
_LINK = re.compile(r"^(?P<ref>(?:[A-Za-z0-9][\w\-]*:)?(?:[A-Za-z]*[\d.]*\d|[A-Za-z][\w.\-]*?))\s*(?P<type>FS|SS|FF|SF)?\s*(?:(?P<sign>[+-])\s*(?P<lag>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]*))?$", re.I)


def parse_predecessors(value) -> list[tuple[str, DependencyType, int]]:
    """'3FS+2d;5SS', '2fs', '1.2, 4FF-1 day', 'PRJ-107:3.2FS' -> [(ref, type, lag in working days)]."""
    if is_blank(value):
        return []
    if isinstance(value, float) and value == int(value):
        value = int(value)
    links = []
    for part in re.split(r"[;,]", str(value)):
        part = part.strip()
        if not part:
            continue
        m = _LINK.match(part)
        if not m:
            raise ValueError(f"'{part}' is not a predecessor (such as 3FS+2d)")
        lag = 0
        if m.group("lag"):
            unit = (m.group("unit") or "d").lower()
            days = float(m.group("lag")) * ({"w": 5, "h": 0.125}.get(unit[:1], 1))
            if unit.startswith("mo"):
                days = float(m.group("lag")) * 20
            lag = round(days) * (-1 if m.group("sign") == "-" else 1)
        kind = DependencyType((m.group("type") or "FS").upper())
        links.append((m.group("ref").rstrip("."), kind, lag))
    return links


def format_predecessors(links: list[tuple[str, str, int]]) -> str:
    """The inverse of parse_predecessors, for export."""
    out = []
    for ref, kind, lag in links:
        text = f"{ref}{kind}"
        if lag:
            text += f"{'+' if lag > 0 else '-'}{abs(lag)}d"
        out.append(text)
    return ";".join(out)
