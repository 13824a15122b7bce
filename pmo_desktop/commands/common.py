"""What every `pmo` sub-command shares: output in the user's language, JSON output and a text progress bar."""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pmo_desktop import i18n
from pmo_desktop.domain.dates import format_date


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 1."""


def user_errors(*kinds: type[Exception]) -> Callable:
    """A decorator for a command's run function: a service's own one-line errors (`kinds`) end the
    command as a UserError (one line on stderr, exit code 1)."""

    def wrap(run: Callable) -> Callable:
        @functools.wraps(run)
        def wrapper(args):
            try:
                return run(args)
            except kinds as exc:
                raise UserError(str(exc)) from None

        return wrapper

    return wrap


def print_json(payload: dict[str, Any]) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


class TextProgress:
    """A progress bar on stderr, shown only to a person at a terminal."""

    def __init__(self, label: str, stream=None, **values: Any):
        self.label = phrase(label, **values)  # a literal, like say()'s
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        pct = int(100 * done / total)
        if pct == self._last:
            return
        self._last = pct
        bar = "#" * (pct // 4)
        self.stream.write(f"\r{self.label} [{bar:<25}] {pct:3d}%")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


# ---- Text output in the user's language -------------------------------------------------------------
# Every line a command prints for a person goes through say() (or phrase(), for a line built up first),
# with its English text as a literal and its values as {placeholders}: the text is looked up in the
# catalogue of the language the command runs in (resources/i18n/<lang>.json, the one that translates the
# error messages), and tests/test_cli_output_i18n.py lists the literals from this package's source and
# fails on one without a zh-CN entry. Numbers, codes, names and paths go in as values, untouched; a
# message a service wrote (a warning, a note, a finding) goes in through msg(), translated by its shape;
# a date through day(), in the portfolio's date-format setting. --json output never comes here.

@dataclass
class _Output:
    lang: str = i18n.DEFAULT
    file: Path | None = None  # the portfolio whose date_format setting day() follows
    style: str | None = None
    style_read: bool = False


_OUT = _Output()


def set_output(lang: str, portfolio: Path | str | None = None) -> None:
    """The language of the lines to come and the portfolio they speak of (cli.main, per command)."""
    global _OUT
    _OUT = _Output(lang, Path(portfolio) if portfolio is not None else None)


def output_language() -> str:
    return _OUT.lang


def phrase(english: str, /, **values: Any) -> str:
    """`english` (a literal, with {placeholders}) in the output language, `values` filled in."""
    return i18n.text(english, _OUT.lang, **values)


def say(english: str, /, *, stderr: bool = False, **values: Any) -> None:
    """Print one line, phrase(english, **values), on stdout (or stderr)."""
    print(phrase(english, **values), file=sys.stderr if stderr else sys.stdout)


def msg(message: Any) -> str:
    """A finished message from a service ("finish moved to ...") in the output language, matched by
    shape against the catalogue's {placeholder} entries; an ISO date in it follows the date setting."""
    text = str(message)
    if _OUT.lang != i18n.DEFAULT:
        text = i18n.message(text, _OUT.lang)
    return _ISO_IN_TEXT.sub(lambda m: day(m.group(0)), text)


def word(value: Any) -> str:
    """A value from a fixed list (a RAG colour, a stage, a status) in the output language when the
    catalogue knows it; anything else (a name the user gave) as it is."""
    if value is None or _OUT.lang == i18n.DEFAULT:
        return "" if value is None else str(value)
    return i18n.words(_OUT.lang).get(str(value), str(value))


def day(value: Any) -> str:
    """A date (a date, or an ISO date or timestamp string) in the portfolio's date format and the
    output language: 30 Nov 2026, 2026年11月30日, 30/11/2026...; a timestamp keeps its time of day."""
    if value is None or value == "":
        return ""
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)
    if not _ISO_DAY.fullmatch(text[:10]):
        return text
    if len(text) > 10:  # a timestamp: in local time when it says its zone (the server's are UTC)
        try:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone()
        return f"{format_date(stamp.date(), _date_style(), lang=_OUT.lang)} {stamp:%H:%M}"
    return format_date(text, _date_style(), lang=_OUT.lang)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# a date or a timestamp standing alone in a message, not part of a file name, a path or a code
_ISO_IN_TEXT = re.compile(r"(?<![\w./\\-])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?![\w/\\:-]|\.\w)")


def _date_style() -> str | None:
    if not _OUT.style_read:
        _OUT.style_read = True
        if _OUT.file is not None and _OUT.file.is_file():
            from pmo_desktop.store import PortfolioError, open_portfolio

            try:
                with open_portfolio(_OUT.file, read_only=True) as pf:
                    _OUT.style = pf.settings().get("date_format")
            except (PortfolioError, sqlite3.Error, OSError):
                _OUT.style = None
    return _OUT.style


def columns(text: str) -> int:
    """The terminal columns `text` takes: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """Cut and pad to `width` terminal columns (a column of Chinese text lines up with a Latin one)."""
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (width - used)


def pad(text: str, width: int) -> str:
    """Right-align `text` in `width` terminal columns (never cut)."""
    return " " * max(0, width - columns(text)) + text


def money(minor: int | float | None, currency: str | None) -> str:
    """An amount as domain.money writes it, in the output language (Chinese counts in 万 and 亿)."""
    from pmo_desktop.domain.money import format_money

    return phrase("n/a") if minor is None else format_money(minor, currency, lang=_OUT.lang)


def percent(value: float | None, *, signed: bool = False) -> str:
    from pmo_desktop.domain.money import format_pct

    return phrase("n/a") if value is None else format_pct(value, signed=signed)


def ratio(value: float | None) -> str:
    from pmo_desktop.domain.money import format_ratio

    return phrase("n/a") if value is None else format_ratio(value)
