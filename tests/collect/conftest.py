"""Workbooks written by `pmo collect` and filled in with openpyxl the way a project manager would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pmo_desktop.cli import main

PERIOD = "2026-11-30"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args) -> dict:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def sent(demo_path, tmp_path, capsys) -> Path:
    """The folder of workbooks written for the demo portfolio's current period."""
    folder = tmp_path / "sent"
    code, _out, err = run(capsys, "collect", demo_path, "--period", PERIOD, "-o", folder)
    assert code == 0, err
    return folder


def workbook_for(folder: Path, code: str) -> Path:
    return next(folder.glob(f"{code} *.xlsx"))


def label_row(ws, label: str) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return row[0].row
    raise KeyError(label)


def header_columns(ws, first=("Ref", "No.", "Category")) -> tuple[int, dict[str, int]]:
    """The header row of a table sheet and its columns by title (`first`: a table's first titles)."""
    for row in ws.iter_rows(max_row=10):
        names = {c.value: c.column for c in row if isinstance(c.value, str)}
        if any(title in names for title in first):
            return row[0].row, names
    raise KeyError("header")


def fill(path: Path, report: dict[str, object] | None = None, *, save_as: Path | None = None,
         edit=None) -> Path:
    """Open the workbook as Excel would, type `report` values next to their labels, run `edit(wb)`,
    save (under a new name when the PM renamed it)."""
    wb = load_workbook(path)
    ws = wb["Status report"]
    for label, value in (report or {}).items():
        ws.cell(label_row(ws, label), 2).value = value
    if edit is not None:
        edit(wb)
    target = save_as or path
    wb.save(target)
    if save_as is not None and save_as != path:
        path.unlink()
    return target
