"""Fixtures for the import tests: workbooks made with openpyxl, and running `pmo` in process."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook


@pytest.fixture
def make_xlsx(tmp_path):
    """make_xlsx(rows, name=..., title=..., build=fn(ws)) writes a one-sheet workbook and returns its path."""
    counter = iter(range(1000))

    def make(rows=(), *, name=None, title="Sheet1", build=None, sheets=None):
        wb = Workbook()
        ws = wb.active
        ws.title = title
        for row in rows:
            ws.append(list(row))
        if build is not None:
            build(ws)
        for sheet_title, sheet_rows in (sheets or {}).items():
            extra = wb.create_sheet(sheet_title)
            for row in sheet_rows:
                extra.append(list(row))
        path = tmp_path / (name or f"book{next(counter)}.xlsx")
        wb.save(path)
        return path

    return make


@pytest.fixture
def pmo(capsys):
    """pmo([...]) runs the command in process and returns (exit code, stdout, stderr)."""
    from pmo_desktop.cli import main

    def run(argv):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def pmo_json(pmo):
    def run(argv):
        code, out, err = pmo([*argv, "--json"])
        return code, (json.loads(out) if out.strip() else None), err

    return run


@pytest.fixture
def pf_path(tmp_path):
    """A fresh portfolio file with two projects, closed (the CLI opens it)."""
    from pmo_desktop.store import create_portfolio
    from pmo_desktop.store.rows import insert_row

    path = tmp_path / "p.pmo"
    pf = create_portfolio(path)
    insert_row(pf, "projects", {"code": "PRJ-1", "name": "Alpha"})
    insert_row(pf, "projects", {"code": "PRJ-2", "name": "Beta"})
    pf.close()
    return path
