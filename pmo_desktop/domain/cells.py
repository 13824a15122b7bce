"""Spreadsheet cells we write are shown, never run: text a spreadsheet would read as a formula gets a
leading apostrophe, and our importers take it off again."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Formula-like text (=, +, -, @, tab, CR first) gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise(value: Any) -> Any:
    """Undo `neutralise` (only where the apostrophe guards formula-like text)."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value
