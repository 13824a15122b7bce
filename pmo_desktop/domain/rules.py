"""The rules a stored row keeps, whichever way its values arrive (typed, pasted, imported, the form).

Pure functions over plain values: `money_in_other_currency` refuses "€2m" in a pound portfolio before
it is stored as £2,000,000; `row_problem` says in one line why a row's values cannot stand together
(a start after its finish, a negative budget). The registers service and the importer both call them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pmo_desktop.domain.dates import format_date

# What a typed amount can name, and the ISO code it means ($ alone is read as USD only when the
# portfolio is not in another dollar).
_NAMED = re.compile(r"(A\$|C\$|NZ\$|S\$|[£€₹]|\$|¥|\b(?:GBP|USD|EUR|AUD|CAD|NZD|CHF|JPY|CNY|INR|SGD|ZAR)\b)", re.I)
_SYMBOL_CODES = {"£": {"GBP"}, "€": {"EUR"}, "₹": {"INR"}, "$": {"USD", "AUD", "CAD", "NZD", "SGD"},
                 "a$": {"AUD"}, "c$": {"CAD"}, "nz$": {"NZD"}, "s$": {"SGD"}, "¥": {"JPY", "CNY"}}

# (first, last, what): the first date may not fall after the last.
DATE_PAIRS = (("start_date", "finish_date", "Start", "Finish"),
              ("baseline_start", "baseline_finish", "Baseline start", "Baseline finish"),
              ("actual_start", "actual_finish", "Actual start", "Actual finish"))
# Amounts that cannot be below zero, per table (actual spend can be a credit; a budget cannot).
NON_NEGATIVE = {"projects": {"approved_budget": "Approved budget"},
                "budget_lines": {"planned": "Planned", "forecast": "Forecast"}}
# Every column `row_problem` looks at: a row with none of them has no problem (a cheap test first).
RULE_COLUMNS = frozenset({c for pair in DATE_PAIRS for c in pair[:2]}
                         | {c for columns in NON_NEGATIVE.values() for c in columns})


def money_in_other_currency(value: Any, currency: str | None) -> str | None:
    """The refusal for an amount that names a currency other than the portfolio's, or None.

    '€2m' in a GBP portfolio -> '€2m: this portfolio is in GBP'. Amounts without a currency, and in
    the portfolio's own, pass."""
    if not isinstance(value, str) or not currency:
        return None
    code = currency.upper()
    for match in _NAMED.finditer(value):
        named = match.group(1)
        codes = _SYMBOL_CODES.get(named.lower(), {named.upper()})
        if code not in codes:
            return f"{value.strip()}: this portfolio is in {code}"
    return None


def row_problem(table: str, row: Mapping[str, Any], date_format: str | None = None) -> str | None:
    """Why a row's values cannot be stored together, in one line; None when they can."""
    for first, last, first_name, last_name in DATE_PAIRS:
        a, b = row.get(first), row.get(last)
        if a and b and str(a)[:10] > str(b)[:10]:
            return (f"{first_name} {format_date(str(a)[:10], date_format)} is after "
                    f"{last_name.lower()} {format_date(str(b)[:10], date_format)}")
    for key, name in NON_NEGATIVE.get(table, {}).items():
        value = row.get(key)
        if isinstance(value, int | float) and value < 0:
            return f"{name} cannot be negative"
    return None
