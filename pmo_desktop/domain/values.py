"""Parsing and formatting of values as people type them (GUI cells, pasted blocks, spreadsheets, CLI).

Every parser takes what a user typed (text, or an already typed value from a spreadsheet reader) and
returns the stored value: ISO date text, integer minor units, a Rag letter, an enum value, an int on a
1-5 scale. Empty input gives None. Anything else raises `ValueProblem`, whose `str()` is one line
saying why, fit to show a user. No Qt here: the importer and the CLI use the same functions.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

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

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_EXCEL_EPOCH = date(1899, 12, 30)
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
_WORDY_DATE = re.compile(r"^(\d{1,2})[\s\-]+([a-z]{3,9})\.?[\s\-,]+(\d{2,4})$")
_WORDY_DATE_US = re.compile(r"^([a-z]{3,9})\.?[\s\-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-]+(\d{2,4})$")


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _month(word: str) -> int:
    m = _MONTHS.get(word[:3].lower())
    if m is None:
        raise ValueProblem(f"'{word}' is not a month")
    return m


def _make_date(y: int, m: int, d: int, original: Any) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueProblem(f"'{original}' is not a real date") from None


def parse_date(value: Any, *, day_first: bool = True) -> str | None:
    """A date as ISO text. Accepts ISO, 27/11/2026 (or 11/27/2026 with day_first=False),
    27-Nov-2026, 27 November 2026, Nov 27, 2026, date/datetime objects and Excel serial numbers."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's serial day numbers (1900 date system)
            return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
        raise ValueProblem(f"{value} is not a date")
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
        text = text[:10]  # an ISO timestamp: keep the day
    low = text.lower()
    if m := _NUMERIC_DATE.match(low):
        a, b, c = m.groups()
        if len(a) == 4:
            return _make_date(int(a), int(b), int(c), value).isoformat()
        d, mo = (a, b) if day_first else (b, a)
        return _make_date(_year(c), int(mo), int(d), value).isoformat()
    if m := _WORDY_DATE.match(low):
        d, word, y = m.groups()
        return _make_date(_year(y), _month(word), int(d), value).isoformat()
    if m := _WORDY_DATE_US.match(low):
        word, d, y = m.groups()
        return _make_date(_year(y), _month(word), int(d), value).isoformat()
    if low.isdigit() and len(low) <= 5:
        return parse_date(int(low))
    raise ValueProblem(f"'{text}' is not a date (use a date like 2026-11-27 or 27/11/2026)")


def format_date(iso: str | None, style: str = "iso") -> str:
    """ISO text for display: 'iso' keeps 2026-11-27, 'short' gives 27 Nov 2026."""
    if not iso:
        return ""
    if style == "short":
        d = date.fromisoformat(iso)
        return f"{d.day} {d.strftime('%b')} {d.year}"
    return iso


# -- money ------------------------------------------------------------------------------------------

_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
_MONEY = re.compile(r"^([0-9][0-9,\s']*(?:\.[0-9]*)?|\.[0-9]+)\s*(k|m|bn|b)?$")


def parse_money(value: Any, *, minor_units: int = 100, allow_negative: bool = True) -> int | None:
    """An amount in integer minor units (pence). Accepts 1250, 1,250.50, £1,250k, 1.25m, -300,
    (300) for negative, and the symbol or code of any currency."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueProblem(f"'{value}' is not an amount of money")
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value))
    else:
        text = str(value).strip().lower()
        negative = False
        if text.startswith("(") and text.endswith(")"):
            negative, text = True, text[1:-1].strip()
        if text.startswith(("-", "−")):
            negative, text = not negative, text[1:].strip()
        text = re.sub(r"^[a-z]{0,3}[^\d\s.,\-−()a-z]{0,2}\s*", "", text)  # £, GBP, A$, CHF
        if text.startswith(("-", "−")):
            negative, text = not negative, text[1:].strip()
        text = re.sub(r"\s*[a-z]{3}$", "", text)  # 1,250 GBP
        m = _MONEY.match(text)
        if not m:
            raise ValueProblem(f"'{value}' is not an amount of money")
        digits, scale = m.groups()
        try:
            amount = Decimal(re.sub(r"[,\s']", "", digits)) * _SCALES.get(scale or "", 1)
        except InvalidOperation:
            raise ValueProblem(f"'{value}' is not an amount of money") from None
        if negative:
            amount = -amount
    if amount < 0 and not allow_negative:
        raise ValueProblem(f"'{value}' cannot be negative")
    minor = (amount * minor_units).to_integral_value()
    if abs(minor) >= 2**62:
        raise ValueProblem(f"'{value}' is too large an amount")
    return int(minor)


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

_RAG_WORDS = {
    "r": Rag.RED, "red": Rag.RED, "a": Rag.AMBER, "amber": Rag.AMBER, "y": Rag.AMBER, "yellow": Rag.AMBER,
    "g": Rag.GREEN, "green": Rag.GREEN, "b": Rag.BLUE, "blue": Rag.BLUE, "complete": Rag.BLUE,
    "completed": Rag.BLUE, "closed": Rag.BLUE, "x": Rag.GREY, "grey": Rag.GREY, "gray": Rag.GREY,
    "not reported": Rag.GREY, "not started": Rag.GREY, "n/a": Rag.GREY, "-": Rag.GREY, "–": Rag.GREY,
}


def parse_rag(value: Any) -> str | None:
    """A RAG letter ('R', 'A', 'G', 'B', 'X') from a letter or word (Red, Amber, Green, Complete...)."""
    if is_blank(value):
        return None
    rag = _RAG_WORDS.get(str(value).strip().lower())
    if rag is None:
        raise ValueProblem(f"'{value}' is not a RAG status (use R, A, G, B for complete or X for not reported)")
    return rag.value


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
_LEVEL_WORDS = {"very low": 1, "low": 2, "medium": 3, "high": 4, "very high": 5}


def parse_scale(value: Any, *, words: dict[str, int] | None = None, what: str = "value") -> int | None:
    """An integer 1-5, from a number or a word (Rare..Almost certain, Very low..Very high)."""
    if is_blank(value):
        return None
    key = " ".join(str(value).split()).lower()
    number = {**_LEVEL_WORDS, **(words or {})}.get(key)
    if number is None:
        try:
            f = float(key)
        except ValueError:
            f = None
        if f is None or not f.is_integer():
            raise ValueProblem(f"'{value}' is not a {what} from 1 to 5")
        number = int(f)
    if not 1 <= number <= 5:
        raise ValueProblem(f"{what} must be from 1 to 5, not {number}")
    return number


def parse_probability(value: Any) -> int | None:
    return parse_scale(value, words=PROBABILITY_WORDS, what="probability")


def parse_impact(value: Any) -> int | None:
    return parse_scale(value, words=IMPACT_WORDS, what="impact")


def parse_number(value: Any, *, what: str = "number") -> float | int | None:
    """A plain number; thousands separators allowed. Integers stay ints."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueProblem(f"'{value}' is not a {what}")
    if isinstance(value, int | float):
        return value
    text = re.sub(r"[,\s']", "", str(value).strip())
    try:
        number = float(text)
    except ValueError:
        raise ValueProblem(f"'{value}' is not a {what}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueProblem(f"'{value}' is not a {what}")
    return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number


def parse_percent(value: Any, *, fraction_if_below_one: bool = False) -> float | None:
    """A percentage 0-100 from '45', '45%', '45.5 %'. With `fraction_if_below_one` a bare number
    up to 1 is read as a fraction (0.45 -> 45), as spreadsheets store percent-formatted cells."""
    if is_blank(value):
        return None
    text = str(value).strip()
    had_sign = text.endswith("%")
    number = parse_number(text.rstrip("%").strip(), what="percentage")
    if fraction_if_below_one and not had_sign and 0 <= number <= 1 and isinstance(value, float):
        number = number * 100
    number = float(number)
    if not 0 <= number <= 100:
        raise ValueProblem(f"a percentage must be from 0 to 100, not {number:g}")
    return round(number, 4)


_TRUE = {"y", "yes", "true", "1", "x", "✓", "escalated"}
_FALSE = {"n", "no", "false", "0", ""}


def parse_bool(value: Any) -> int:
    """1 or 0 from yes/no, true/false, 1/0, x; an empty cell is no."""
    if value is None:
        return 0
    key = str(value).strip().lower()
    if key in _TRUE:
        return 1
    if key in _FALSE:
        return 0
    raise ValueProblem(f"'{value}' is not yes or no")
