"""Small workbook helpers: formula-neutral text cells and atomic saves (openpyxl), reading a header table
(spreadsheets/: the importer's reader and its hostile-file checks)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from pmo_desktop.domain.cells import neutralise
from pmo_desktop.governance.common import GovernanceError
from pmo_desktop.spreadsheets.calamine_reader import read_values
from pmo_desktop.spreadsheets.errors import ImportRefused
from pmo_desktop.store.files import write_atomically

safe_text = neutralise  # a value a spreadsheet will show, never run


def header_sheet(wb: Workbook, title: str, headers: list[str], *, first: bool = False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    return ws


def append_row(ws, values: list[Any]) -> None:
    ws.append([safe_text(v) for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # never a formula, whatever the text


def save_atomically(wb: Workbook, out: str | os.PathLike) -> Path:
    """Write the workbook beside `out` and move it into place, so a failure leaves no half file."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise GovernanceError(f"the output file must end in .xlsx, not '{out.name}'")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise GovernanceError(f"folder {folder} does not exist")
    return write_atomically(out, wb.save)


def read_table(path: str | os.PathLike) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The first sheet's header row (lower-cased, trimmed) and its data rows with their row numbers.
    Read as the importer reads (.xlsx, .xlsm, .xlsb, .ods, .xls); a file it refuses (too big, a zip
    bomb, encrypted, damaged, not a workbook) is a GovernanceError of one line."""
    path = Path(path)
    if not path.is_file():
        raise GovernanceError(f"{path} does not exist")
    try:
        rows = read_values(path).sheets[0].rows
    except ImportRefused as exc:
        raise GovernanceError(str(exc)) from None
    header = rows[0] if rows else []
    if not any(v is not None for v in header):
        raise GovernanceError(f"{path.name} is empty: the first sheet needs a header row")
    names = [str(h).strip().lower() if h is not None else "" for h in header]
    data = []
    for number, row in enumerate(rows[1:], start=2):
        values = list(row) + [None] * (len(names) - len(row))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        data.append((number, values[: len(names)]))
    return names, data
