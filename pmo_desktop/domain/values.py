"""Values as people type them into a cell, a form or a pasted block, in the form the store keeps.

The reading rules live in `pmo_desktop.domain.parsing` (shared with the spreadsheet importer, so a
value typed, pasted or imported is accepted or refused alike). This module gives them the stored
shape (ISO date text, integer minor units, a RAG letter, 0/1) and turns every refusal into a
`ValueProblem`, whose `str()` is one line saying why, fit to show a user. Empty input gives None.
No Qt here: the GUI, the CLI and services use the same functions.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from pmo_desktop.domain import dates, parsing
from pmo_desktop.domain.enums import Rag

E = TypeVar("E", bound=StrEnum)


class ValueProblem(ValueError):
    """A value that cannot be stored; the message says why in the user's words."""


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_text(value: Any, *, required: bool = False, what: str = "this field") -> str | None:
    """Trimmed text; None when empty (or a ValueProblem when `required`)."""
    if is_blank(value):
        if required:
            raise ValueProblem(f"{what} cannot be empty")
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# -- dates -----------------------------------------------------------------------------------------


def parse_date(value: Any, *, day_first: bool = True) -> str | None:
    """A date as ISO text: ISO, 27/11/2026 (11/27/2026 with day_first=False, or when the day is
    obviously second), 27-Nov-2026, 27 November 2026, Nov 27 2026, date cells, Excel serials."""
    try:
        d = parsing.parse_date(value, order=parsing.DAY_FIRST if day_first else parsing.MONTH_FIRST)
    except ValueError as exc:
        raise ValueProblem(f"{exc} (use a date like 2026-11-27 or 27/11/2026)") from None
    return None if d is None else d.isoformat()


def format_date(iso: str | None, style: str = "iso") -> str:
    """ISO text for display: 'iso' keeps 2026-11-27, 'short' gives 27 Nov 2026."""
    if not iso:
        return ""
    if style == "short":
        return dates.format_date(iso, "medium")  # month names spelt by us, not the C library's locale
    return iso


# -- money ------------------------------------------------------------------------------------------

def parse_money(value: Any, *, minor_units: int = 100, allow_negative: bool = True,
                currency: str | None = None) -> int | None:
    """An amount in integer minor units (pence): 1250, 1,250.50, £1,250k, 1.25m, -300, (300), GBP 12.
    With `currency`, an amount in another currency is refused ("€2m: this portfolio is in GBP")."""
    try:
        minor = parsing.parse_money(value, minor_units=minor_units, currency=currency)
    except ValueError as exc:
        raise ValueProblem(str(exc).replace("not an amount", "not an amount of money")) from None
    if minor is not None and minor < 0 and not allow_negative:
        raise ValueProblem(f"'{value}' cannot be negative")
    return minor


def format_money(minor: int | None, symbol: str = "£", *, minor_units: int = 100, decimals: bool = False) -> str:
    """£1,250,000 (or £1,250,000.50 with decimals=True, or when there are pence)."""
    if minor is None:
        return ""
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(int(minor)), minor_units)
    if decimals or part:
        return f"{sign}{symbol}{whole:,}.{part:0{len(str(minor_units)) - 1}d}"
    return f"{sign}{symbol}{whole:,}"


def format_money_short(minor: int | None, symbol: str = "£", *, minor_units: int = 100) -> str:
    """£1,250k or £1.25m, for charts and summaries."""
    if minor is None:
        return ""
    major = minor / minor_units
    sign = "-" if major < 0 else ""
    major = abs(major)
    if major >= 1_000_000:
        return f"{sign}{symbol}{major / 1_000_000:,.2f}m"
    if major >= 1_000:
        return f"{sign}{symbol}{major / 1_000:,.0f}k"
    return f"{sign}{symbol}{major:,.0f}"


# -- RAG, enums, scales, numbers --------------------------------------------------------------------

def parse_rag(value: Any) -> str | None:
    """A RAG letter ('R', 'A', 'G', 'B', 'X') from a letter or word (Red, Amber, On track, Complete...).
    The dash a grey chip shows reads back as grey."""
    if isinstance(value, str) and value.strip() in ("-", "–"):
        return Rag.GREY.value
    try:
        rag = parsing.parse_rag(value)
    except ValueError:
        raise ValueProblem(
            f"'{value}' is not a RAG status (use R, A, G, B for complete or X for not reported)") from None
    return None if rag is None else rag.value


def parse_enum(value: Any, enum: type[E], *, what: str | None = None) -> str | None:
    """One of an enum's values, matched without regard to case or spacing."""
    if is_blank(value):
        return None
    key = " ".join(str(value).split()).lower()
    for member in enum:
        if key in (member.value.lower(), member.name.lower().replace("_", " ")):
            return member.value
    choices = ", ".join(m.value for m in enum)
    raise ValueProblem(f"'{value}' is not a {what or enum.__name__} (choose one of: {choices})")


def parse_choice(value: Any, choices: list[str], *, what: str = "choice") -> str | None:
    """One of a list of words, matched without regard to case; returns the list's spelling."""
    if is_blank(value):
        return None
    key = str(value).strip().lower()
    for choice in choices:
        if choice.lower() == key:
            return choice
    raise ValueProblem(f"'{value}' is not a {what} (choose one of: {', '.join(choices)})")


PROBABILITY_WORDS = {"rare": 1, "unlikely": 2, "possible": 3, "likely": 4, "almost certain": 5}
IMPACT_WORDS = {"negligible": 1, "minor": 2, "moderate": 3, "major": 4, "severe": 5}


def parse_probability(value: Any) -> int | None:
    """1-5 from a number or a word (Rare..Almost certain, Very low..Very high, a chance like 40%)."""
    try:
        return parsing.parse_probability(value)
    except ValueError as exc:
        raise ValueProblem(str(exc)) from None


def parse_impact(value: Any) -> int | None:
    """1-5 from a number or a word (Negligible..Severe, Very low..Very high)."""
    try:
        return parsing.parse_impact(value)
    except ValueError as exc:
        raise ValueProblem(str(exc)) from None


def parse_number(value: Any, *, what: str = "number") -> float | int | None:
    """A plain number; thousands separators allowed. Whole numbers come back as ints."""
    try:
        number = parsing.parse_number(value)
    except ValueError:
        raise ValueProblem(f"'{value}' is not a {what}") from None
    if number is None:
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def parse_percent(value: Any, *, fraction_if_below_one: bool = False) -> float | None:
    """A percentage 0-100 from '45', '45%', '45.5 %'. A typed 0.5 is half a percent; with
    `fraction_if_below_one` (spreadsheet cells formatted as %) it is 50."""
    try:
        return parsing.parse_percent(value, fractions=None if fraction_if_below_one else False)
    except ValueError as exc:
        raise ValueProblem(str(exc).replace("between 0 and 100", "from 0 to 100")) from None


def parse_bool(value: Any) -> int:
    """1 or 0 from yes/no, true/false, 1/0, x; an empty cell is no."""
    try:
        answer = parsing.parse_bool(value)
    except ValueError as exc:
        raise ValueProblem(str(exc)) from None
    return 1 if answer else 0
