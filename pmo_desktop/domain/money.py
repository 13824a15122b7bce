"""Money and ratio formatting for summaries, tables and charts (DOMAIN.md: `£1,250k`, `£1.25m`).

Amounts are integers of minor units (pence, cents). Nothing here rounds stored values: formatting
only. `None` always formats as "n/a" so a missing figure never reads as zero.
"""

from __future__ import annotations

from typing import Literal

CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "AUD": "A$", "CAD": "C$", "NZD": "NZ$",
                    "CHF": "CHF ", "JPY": "¥", "CNY": "¥", "INR": "₹", "SGD": "S$", "ZAR": "R"}
NOT_AVAILABLE = "n/a"
MINOR_PER_MAJOR = 100

Unit = Literal["auto", "k", "m", "full"]

_language = "en"  # the window's language (set when its translators are installed); a pack passes its own


def set_money_language(lang: str) -> None:
    """The language amounts are written in when a caller does not say: the window's, one per process."""
    global _language
    _language = lang


def currency_symbol(currency: str | None) -> str:
    """'£' for GBP; an unknown ISO code is shown as the code and a space ('XYZ ')."""
    code = (currency or "GBP").upper()
    return CURRENCY_SYMBOLS.get(code, code + " ")


def format_money(minor: int | float | None, currency: str | None = "GBP", unit: Unit = "auto", *,
                 lang: str | None = None) -> str:
    """Format an amount of minor units for people.

    unit="k":    thousands with separators, no decimals            £1,250k
    unit="m":    millions with two decimals                        £1.25m
    unit="full": whole currency units with separators             £1,250,000
    unit="auto": under 1,000 full; under 1,000,000 in k (one decimal under 10k: £7.5k); else m.
    Negative amounts get a leading minus before the symbol (-£25k). None is "n/a".
    In Chinese (`lang` zh-CN) "auto" counts in 万 and 亿 as Chinese finance does: ¥9,800, ¥7.5万,
    ¥1,200万, ¥1.36亿.
    """
    if minor is None:
        return NOT_AVAILABLE
    symbol = currency_symbol(currency)
    major = minor / MINOR_PER_MAJOR
    sign = "-" if major < 0 else ""
    size = abs(major)
    if unit == "auto" and (lang or _language).lower().startswith("zh"):
        return sign + symbol + _chinese_amount(size)
    if unit == "auto":
        if round(size) < 1_000:
            unit = "full"
        elif round(size / 1_000) < 1_000:  # £999,600 is £1.00m, never "£1,000k"
            unit = "k"
            if round(size / 1_000, 1) < 10:
                return f"{sign}{symbol}{size / 1_000:,.1f}k"
        else:
            unit = "m"
    if unit == "k":
        return f"{sign}{symbol}{size / 1_000:,.0f}k"
    if unit == "m":
        return f"{sign}{symbol}{size / 1_000_000:,.2f}m"
    if unit == "full":
        return f"{sign}{symbol}{size:,.0f}"
    raise ValueError(f"unknown money unit: {unit!r}")


def _chinese_amount(size: float) -> str:
    if round(size) < 10_000:
        return f"{size:,.0f}"
    if round(size / 10_000) < 10_000:  # ¥99,996,000 is ¥1.00亿, never "¥10,000万"
        return f"{size / 10_000:,.1f}万" if round(size / 10_000, 1) < 10 else f"{size / 10_000:,.0f}万"
    return f"{size / 100_000_000:,.2f}亿"


def format_pct(value: float | None, decimals: int = 1, signed: bool = False) -> str:
    """12.3% (or +12.3% when signed); None is "n/a"."""
    if value is None:
        return NOT_AVAILABLE
    return f"{value:+.{decimals}f}%" if signed else f"{value:.{decimals}f}%"


def format_ratio(value: float | None, decimals: int = 2) -> str:
    """An index such as CPI or SPI: 0.95; None is "n/a"."""
    if value is None:
        return NOT_AVAILABLE
    return f"{value:.{decimals}f}"


def safe_ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator

