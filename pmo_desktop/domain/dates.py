"""One date format for every view, editor, export and the board pack.

The portfolio's `date_format` setting names one of DATE_FORMATS; None (the default) follows the
system locale: month-first where that is the custom (en_US), the Chinese form for zh, otherwise
"24 Mar 2026". Month names are spelt here, not taken from the C library, so a pack reads the same on
every machine whatever its locale.
"""

from __future__ import annotations

import locale
import os
from datetime import date, datetime

DATE_FORMATS: dict[str, str] = {
    "medium": "24 Mar 2026",
    "iso": "2026-03-24",
    "dmy": "24/03/2026",
    "mdy": "03/24/2026",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_FIRST_REGIONS = {"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"}


def system_date_format(lang: str | None = None) -> str:
    """The format the system locale suggests (LC_TIME, then LANG): 'mdy' for month-first regions."""
    name = lang or os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG") or ""
    if not name:
        try:
            name = locale.getlocale(locale.LC_TIME)[0] or ""
        except (ValueError, TypeError):
            name = ""
    region = name.replace("-", "_").split(".")[0].split("_")[1:2]
    return "mdy" if region and region[0].upper() in MONTH_FIRST_REGIONS else "medium"


def resolve_date_format(setting: str | None, lang: str | None = None) -> str:
    """The format to use for a `date_format` setting value (None or unknown: from the system)."""
    return setting if setting in DATE_FORMATS else system_date_format(lang)


def _as_date(value: str | date | datetime) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def format_date(value: str | date | datetime | None, style: str | None = None, *, lang: str = "en") -> str:
    """A date as the analyst asked to see it; '' for no date.

    `lang` 'zh-CN' writes 2026年3月24日 for the medium style (ISO and the numeric styles are kept as
    chosen, since a bilingual PMO picks them on purpose)."""
    if value is None or value == "":
        return ""
    d = _as_date(value)
    style = resolve_date_format(style, None)
    if style == "iso":
        return d.isoformat()
    if style == "dmy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "mdy":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if lang.lower().startswith("zh"):
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def format_month(value: str | date | datetime, style: str | None = None, *, lang: str = "en", year: bool = True,
                 full: bool = False) -> str:
    """A month for labels, column heads and axes in the portfolio's date format `style`: 'Nov 2026' for the
    medium style ('November 2026' when `full`; '2026年11月' in Chinese), '2026-11' for ISO, '11/2026' for the
    numeric styles (kept as chosen in Chinese too, as format_date does). None: the medium style. Without the
    year (an axis whose years are shown elsewhere) the month's name whatever the style: 'Nov', '11月'."""
    d = _as_date(value)
    zh = lang.lower().startswith("zh")
    if not year:
        return f"{d.month}月" if zh else (MONTH_NAMES if full else MONTHS)[d.month - 1]
    if style == "iso":
        return f"{d.year}-{d.month:02d}"
    if style in ("dmy", "mdy"):
        return f"{d.month:02d}/{d.year}"
    if zh:
        return f"{d.year}年{d.month}月"
    return f"{(MONTH_NAMES if full else MONTHS)[d.month - 1]} {d.year}"
