"""What a reader hands on: each sheet as a plain grid of cell values plus what the cells looked like.

Readers (xlsx, csv, and any later one) produce `Workbook`s; everything after them (header detection,
mapping, the plan) works on grids alone and never sees openpyxl or the csv module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]  # rows[r][c]; spreadsheet row r + 1, column c + 1
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (r, c) -> '#RRGGBB'
    indents: dict[tuple[int, int], int] = field(default_factory=dict)  # (r, c) -> alignment indent
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 inclusive
    uncached_formulas: list[str] = field(default_factory=list)  # A1 refs of formulas with no saved value
    hidden: bool = False
    kind_hint: str | None = None  # set by readers of formats that say what they hold

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, r: int, c: int) -> Any:
        row = self.rows[r] if 0 <= r < len(self.rows) else ()
        return row[c] if 0 <= c < len(row) else None


@dataclass
class Workbook:
    path: str
    sheets: list[Sheet]
    epoch: int = 1900  # Excel date system of serials found in the file
    warnings: list[str] = field(default_factory=list)

    def sheet(self, name: str) -> Sheet:
        for s in self.sheets:
            if s.name == name:
                return s
        for s in self.sheets:
            if s.name.casefold() == name.casefold():
                return s
        names = ", ".join(f"'{s.name}'" for s in self.sheets)
        from pmo_desktop.spreadsheets.errors import ImportRefused

        raise ImportRefused(f"there is no sheet '{name}' in the file (sheets: {names})")


def column_letter(index: int) -> str:
    """0-based column index -> 'A', 'AB'."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
