"""Plans as people type them into spreadsheets: durations ('3 days', '2w') and predecessors ('3FS+2d;5SS',
'PRJ-107:3.2FS'), in working days; the same rules as parsing.py (None or blank gives None or [], a bad
value raises ValueError with a reason a user can act on)."""

from __future__ import annotations

import re

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.domain.parsing import _text, is_blank

_DURATION = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(e?)(d|day|days|dys|w|wk|wks|week|weeks|m|mo|mon|mons|month|months|h|hr|hrs|hour|hours)?\??$", re.I)


def parse_duration(value) -> int | None:
    """Working days from '3 days', '8 wks', '2w', '5', 5.0 (weeks = 5 days, months = 20, hours = 8/day)."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return round(value)
    m = _DURATION.match(_text(value))
    if not m:
        raise ValueError(f"'{value}' is not a duration")
    number = float(m.group(1))
    unit = (m.group(3) or "d").lower()
    if m.group(2):  # elapsed time, as MS Project writes it ('3 edays', '2ew'): its calendar days
        return round(number * ({"w": 7, "h": 1 / 24, "m": 1 / 1440}.get(unit[0], 1) if not unit.startswith("mo") else 30))
    factor = {"w": 5, "m": 20, "h": 0.125}.get(unit[0], 1)
    if unit.startswith("mo") or unit.startswith("mon"):
        factor = 20
    return round(number * factor)


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
