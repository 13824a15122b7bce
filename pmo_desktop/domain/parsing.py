"""Turning what people type into spreadsheets into domain values.

Small pure functions, one per kind of value. Each returns the domain value or raises ValueError with
a short reason a user can act on ("'31/02/2026' is not a real date"). None or blank input returns
None: whether a blank is allowed is the caller's business.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta

from pmo_desktop.domain import rules
from pmo_desktop.domain.enums import Rag

DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"

_EXCEL_1900 = date(1899, 12, 30)  # serial 1 = 1900-01-01 once Lotus's 1900-02-29 is allowed for
_EXCEL_1904 = date(1904, 1, 1)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTHS.update({"sept": 9, "june": 6, "july": 7, "january": 1, "february": 2, "march": 3, "april": 4,
                "august": 8, "september": 9, "october": 10, "november": 11, "december": 12})


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    return str(value).strip()


# -- dates --------------------------------------------------------------------------------------


def serial_to_date(serial: float, *, epoch: int = 1900) -> date:
    """An Excel date serial in the 1900 or 1904 system (the workbook says which)."""
    if isinstance(serial, bool) or not math.isfinite(serial):
        raise ValueError(f"{serial!r} is not a date")
    days = int(math.floor(serial))
    if not -1 <= days <= 2_958_465:  # Excel's last day is 9999-12-31
        raise ValueError(f"{serial!r} is not a date serial")
    if epoch == 1904:
        result = _EXCEL_1904 + timedelta(days=days)
    else:
        if days < 1:
            raise ValueError(f"{serial!r} is not a date serial")
        # Excel counts a 29 Feb 1900 that never was; serials before it are one day early.
        result = _EXCEL_1900 + timedelta(days=days + (1 if days < 60 else 0))
    if not 1900 <= result.year <= 2200:
        raise ValueError(f"{serial!r} is outside the dates a plan can hold")
    return result


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ T].*)?$")
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[-/ .]+([A-Za-z]{3,9})\.?[-/ .,]+(\d{2}|\d{4})(?:[ T].*)?$")
_MON_DAY_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?[-/ .]+(\d{1,2})(?:st|nd|rd|th)?,?[-/ .]+(\d{2}|\d{4})(?:[ T].*)?$")
_CHINESE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")  # 2026年3月24日, as zh-CN shows it
_WEEKDAY = re.compile(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.I)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _make(y: int, m: int, d: int, raw) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueError(f"'{raw}' is not a real date") from None


def slash_date_parts(text: str) -> tuple[int, int] | None:
    """The first two numbers of a d/m/y or m/d/y date, for deciding the order; None otherwise."""
    m = _NUMERIC.match(_WEEKDAY.sub("", text.strip()))
    return (int(m.group(1)), int(m.group(2))) if m else None


def detect_date_order(values) -> str | None:
    """Day-first or month-first as the file's own dates show it (a 13+ in one place); None if unsure."""
    day_first = month_first = False
    for v in values:
        if not isinstance(v, str):
            continue
        parts = slash_date_parts(v)
        if parts is None:
            continue
        a, b = parts
        if a > 12 >= b:
            day_first = True
        elif b > 12 >= a:
            month_first = True
    if day_first and not month_first:
        return DAY_FIRST
    if month_first and not day_first:
        return MONTH_FIRST
    return None


def parse_date(value, *, order: str = DAY_FIRST, epoch: int = 1900) -> date | None:
    """A date from a cell: date/datetime cells, Excel serials, or text in the common formats."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time | timedelta):
        raise ValueError(f"'{value}' is a time, not a date")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return serial_to_date(value, epoch=epoch)
    raw = _text(value)
    text = _WEEKDAY.sub("", raw)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return serial_to_date(float(text), epoch=epoch)
    if m := _ISO.match(text) or _CHINESE.match(text):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw)
    if m := _NUMERIC.match(text):
        a, b, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        if order == MONTH_FIRST and a <= 12 or (a <= 12 < b):
            return _make(y, a, b, raw)
        return _make(y, b, a, raw)
    if m := _DAY_MON_YEAR.match(text):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            return _make(_year(m.group(3)), month, int(m.group(1)), raw)
    if m := _MON_DAY_YEAR.match(text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            return _make(_year(m.group(3)), month, int(m.group(2)), raw)
    raise ValueError(f"'{raw}' is not a date")


# -- months and quarters as column headers ----------------------------------------------------

_MONTH_HEADER = [
    re.compile(r"^(?P<mon>[A-Za-z]{3,9})[-/ ']+(?P<year>\d{2}|\d{4})$"),  # Jan-26, Mar 2026, Sep '26
    re.compile(r"^(?P<year>\d{4})[-/.](?P<num>\d{1,2})(?:[-/.]0?1)?$"),  # 2026-02, 2026-02-01
    re.compile(r"^(?P<num>\d{1,2})[-/.](?P<year>\d{4})$"),  # 02/2026
]
_QUARTER = re.compile(r"^(?:FY\s?'?(?P<fy1>\d{2}|\d{4})\s*[-/ ]?\s*Q(?P<q1>[1-4])|Q(?P<q2>[1-4])\s*[-/ ]?\s*FY\s?'?(?P<fy2>\d{2}|\d{4}))$", re.I)


def month_of_header(value) -> date | None:
    """The month a wide-form column stands for ('Jan-26', '2026-02', 'Mar 2026', a date cell)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.replace(day=1)
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern in _MONTH_HEADER:
        m = pattern.match(text)
        if not m:
            continue
        month = _MONTHS.get(m.group("mon").lower()) if "mon" in m.groupdict() else int(m.group("num"))
        if month and 1 <= month <= 12:
            return date(_year(m.group("year")), month, 1)
    return None


def quarter_months(value, *, fy_start_month: int = 4) -> list[date] | None:
    """The three months of an FY quarter header ('Q1 FY26', 'FY26 Q3'); FY26 is the year ending in 2026
    (or, for a January start, calendar 2026)."""
    if not isinstance(value, str):
        return None
    m = _QUARTER.match(value.strip())
    if not m:
        return None
    fy = _year(m.group("fy1") or m.group("fy2"))
    q = int(m.group("q1") or m.group("q2"))
    start_year = fy if fy_start_month == 1 else fy - 1
    first = (fy_start_month - 1) + 3 * (q - 1)
    return [date(start_year + (first + i) // 12, (first + i) % 12 + 1, 1) for i in range(3)]


# -- money and numbers ------------------------------------------------------------------------

_MONEY = re.compile(r"^(?P<num>\d[\d,' \u00a0]*(?:\.\d*)?|\.\d+)\s*"
                    r"(?P<scale>k|m|bn|b|mn|million|thousand|千|万|百万|千万|亿)?\s*元?$", re.I)
_SCALES = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
           "b": 1_000_000_000, "bn": 1_000_000_000,
           "千": 1_000, "万": 10_000, "百万": 1_000_000, "千万": 10_000_000, "亿": 100_000_000}
_CURRENCY = re.compile(r"(?:[£$€¥￥₹]|人民币|\b(?:GBP|USD|EUR|AUD|CAD|NZD|CHF|JPY|INR|SGD|ZAR|CNY|RMB|A\$|C\$|NZ\$)\b)",
                       re.I)


def parse_number(value) -> float | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a number")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(f"'{value}' is not a number")
        return float(value)
    text = _text(value).replace(",", "").replace("\u00a0", "").replace(" ", "")
    try:
        result = float(text)
    except ValueError:
        raise ValueError(f"'{value}' is not a number") from None
    if not math.isfinite(result):
        raise ValueError(f"'{value}' is not a number")
    return result


def parse_money(value, *, minor_units: int = 100, currency: str | None = None) -> int | None:
    """An amount in integer minor units: '£1,200.50', '(1,200)', '-£3k', '1.2m', 'USD 250k'.
    With `currency` (the portfolio's ISO code) an amount naming another currency is refused."""
    if is_blank(value):
        return None
    if currency:
        other = rules.money_in_other_currency(value, currency)
        if other:
            raise ValueError(other)
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not an amount")
    if isinstance(value, int | float):
        if not math.isfinite(value) or abs(value) > 1e13:
            raise ValueError(f"'{value}' is not an amount")
        return round(value * minor_units)
    raw = _text(value)
    text = raw
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    text = _CURRENCY.sub("", text).strip()
    if text.startswith(("-", "−")):
        negative, text = not negative, text[1:].strip()
    text = _CURRENCY.sub("", text).strip()
    if text.endswith("-"):
        negative, text = not negative, text[:-1].strip()
    if text.lower().endswith(("cr", "dr")):
        negative = negative ^ text.lower().endswith("dr")
        text = text[:-2].strip()
    m = _MONEY.match(text)
    if not m:
        raise ValueError(f"'{raw}' is not an amount")
    number = float(re.sub(r"[,' \u00a0]", "", m.group("num")))
    if m.group("scale"):
        number *= _SCALES[m.group("scale").lower()]
    if number > 1e13:
        raise ValueError(f"'{raw}' is too large an amount")
    amount = round(number * minor_units)
    return -amount if negative else amount


def parse_percent(value, *, fractions: bool | None = None) -> float | None:
    """Percent complete 0-100 from '45%', 45, or 0.45. `fractions` says whether bare numbers in this
    column are fractions (decided from the column: all ≤ 1); None decides per value (≤ 1 is a fraction)."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            number = parse_number(text[:-1])
            return _check_pct(number, value)
        if text.lower() in ("done", "complete", "completed"):
            return 100.0
        number = parse_number(text)
    else:
        number = parse_number(value)
    if fractions or (fractions is None and 0 < number <= 1 and not isinstance(value, int)):
        number *= 100
    return _check_pct(number, value)


def _check_pct(number: float, raw) -> float:
    if not 0 <= number <= 100:
        raise ValueError(f"'{raw}' is not a percentage between 0 and 100")
    return round(number, 4)


def parse_int(value) -> int | None:
    number = parse_number(value)
    if number is None:
        return None
    if number != int(number):
        raise ValueError(f"'{value}' is not a whole number")
    return int(number)


def parse_bool(value) -> bool | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in ("y", "yes", "true", "1", "x", "✓", "escalated"):
        return True
    if text in ("n", "no", "false", "0", "-", "not escalated"):
        return False
    raise ValueError(f"'{value}' is not yes or no")


# -- RAG --------------------------------------------------------------------------------------

_RAG_WORDS = {
    "r": Rag.RED, "red": Rag.RED, "off track": Rag.RED, "off-track": Rag.RED, "critical": Rag.RED,
    "a": Rag.AMBER, "amber": Rag.AMBER, "yellow": Rag.AMBER, "y": Rag.AMBER, "at risk": Rag.AMBER,
    "at-risk": Rag.AMBER, "orange": Rag.AMBER,
    "g": Rag.GREEN, "green": Rag.GREEN, "on track": Rag.GREEN, "on-track": Rag.GREEN, "ok": Rag.GREEN,
    "b": Rag.BLUE, "blue": Rag.BLUE, "complete": Rag.BLUE, "completed": Rag.BLUE, "closed": Rag.BLUE,
    "done": Rag.BLUE,
    "x": Rag.GREY, "grey": Rag.GREY, "gray": Rag.GREY, "not started": Rag.GREY, "not reported": Rag.GREY,
    "n/a": Rag.GREY,
    # Chinese (红黄绿: amber is 黄 in Chinese PMO usage)
    "红": Rag.RED, "红色": Rag.RED, "红灯": Rag.RED, "黄": Rag.AMBER, "黄色": Rag.AMBER, "黄灯": Rag.AMBER,
    "琥珀色": Rag.AMBER, "橙": Rag.AMBER, "橙色": Rag.AMBER, "绿": Rag.GREEN, "绿色": Rag.GREEN, "绿灯": Rag.GREEN,
    "蓝": Rag.BLUE, "蓝色": Rag.BLUE, "已完成": Rag.BLUE, "灰": Rag.GREY, "灰色": Rag.GREY, "未开始": Rag.GREY,
    "未报告": Rag.GREY,
}


def parse_rag(value, *, fill: str | None = None) -> Rag | None:
    """RAG from words or letters; when the cell has no text, from its fill colour."""
    if is_blank(value):
        return rag_from_colour(fill) if fill else None
    text = re.sub(r"\s+", " ", _text(value).lower()).strip(" .")
    if text in _RAG_WORDS:
        return _RAG_WORDS[text]
    first = re.split(r"[\s\-–:(/]", text, maxsplit=1)[0]
    if first in _RAG_WORDS and len(first) > 1:
        return _RAG_WORDS[first]
    raise ValueError(f"'{value}' is not a RAG status (Red, Amber, Green, Blue, Grey)")


def rag_from_colour(colour: str | None) -> Rag | None:
    """The RAG a fill colour means (nearest of red, amber/yellow, green, blue, grey); None for white/none."""
    if not colour:
        return None
    hex_ = colour.strip().lstrip("#")
    if len(hex_) == 8:
        hex_ = hex_[2:]
    if len(hex_) != 6:
        return None
    try:
        r, g, b = (int(hex_[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None
    hi, lo = max(r, g, b), min(r, g, b)
    if hi - lo < 30:  # no hue: white, black, grey
        return Rag.GREY if 60 < hi < 230 else None
    if r >= g and r > b:
        if g > 0.45 * r:
            return Rag.AMBER  # orange, amber, yellow
        return Rag.RED
    if g > r and g >= b:
        if r > 0.8 * g:
            return Rag.AMBER  # yellow-green leaning yellow
        return Rag.GREEN
    if b > r and b > g:
        return Rag.BLUE
    return None


# -- scores -----------------------------------------------------------------------------------

_PROBABILITY_WORDS = {"rare": 1, "unlikely": 2, "possible": 3, "likely": 4, "almost certain": 5,
                      "very unlikely": 1, "very likely": 5, "certain": 5}
_IMPACT_WORDS = {"negligible": 1, "minor": 2, "moderate": 3, "major": 4, "severe": 5, "catastrophic": 5,
                 "insignificant": 1, "significant": 4, "critical": 5}
_SCALE_WORDS = {"very low": 1, "low": 2, "medium": 3, "med": 3, "moderate": 3, "high": 4, "very high": 5,
                "vl": 1, "l": 2, "m": 3, "h": 4, "vh": 5}
_RANGE = re.compile(r"^(?:[<>]\s*)?(\d+(?:\.\d+)?)\s*%?(?:\s*(?:to|-|–)\s*(\d+(?:\.\d+)?)\s*%)?$")


def _score(value, words: dict[str, int], what: str) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 < value < 1:
            return _from_chance(value * 100)
        if value == int(value) and 1 <= value <= 5:
            return int(value)
        raise ValueError(f"'{value}' is not {_a(what)} on the 1-5 scale")
    text = re.sub(r"\s+", " ", _text(value).lower())
    text = re.sub(r"^\d\s*[-–.:]\s*", "", text) if re.match(r"^[1-5]\s*[-–.:]\s*[a-z]", text) else text
    if text in words:
        return words[text]
    if text in _SCALE_WORDS:
        return _SCALE_WORDS[text]
    if re.fullmatch(r"[1-5](\.0)?", text):
        return int(float(text))
    if " to " in text and "%" not in text:  # 'M to H': a range of words, take the worse end
        ends = [_score(part, words, what) for part in text.split(" to ", 1)]
        return max(e for e in ends if e is not None)
    m = _RANGE.match(text)
    if m and "%" in text:
        low = float(m.group(1))
        high = float(m.group(2)) if m.group(2) else low
        return _from_chance((low + high) / 2)
    raise ValueError(f"'{value}' is not {_a(what)} (1-5 or a word such as {', '.join(list(words)[:3])})")


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _from_chance(pct: float) -> int:
    """A probability in percent onto the 1-5 scale (≤10 rare ... >90 almost certain)."""
    for limit, score in ((10, 1), (30, 2), (50, 3), (90, 4)):
        if pct <= limit:
            return score
    return 5


def parse_probability(value) -> int | None:
    return _score(value, _PROBABILITY_WORDS, "probability")


def parse_impact(value) -> int | None:
    return _score(value, _IMPACT_WORDS, "impact")


# -- closed vocabularies ----------------------------------------------------------------------

def normalise_word(value) -> str:
    return re.sub(r"[\s_\-]+", " ", _text(value).lower()).strip()


def parse_choice(value, choices: dict[str, str], what: str) -> str | None:
    """One of a closed list, matched case- and spacing-insensitively through a synonym table."""
    if is_blank(value):
        return None
    key = normalise_word(value)
    if key in choices:
        return choices[key]
    raise ValueError(f"'{value}' is not a known {what}")
