"""Bulk writes (a large import, a re-import, a portfolio reschedule) travel through sync like any
batch: they are logged as the triggers log, so a push carries every row and value."""

from __future__ import annotations

from openpyxl import Workbook

from pmo_desktop.importing import service
from pmo_desktop.scheduling import reschedule
from pmo_desktop.store import bulk, open_portfolio
from tests.sync.pg import local_rows
from tests.sync.test_merge import assert_equal_to_server, sync

ROWS = 300


def _workbook(path, owner: str):
    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Type", "Title", "Owner", "Probability", "Impact", "Project"])
    for i in range(1, ROWS + 1):
        ws.append([f"R-{900 + i}", "Risk", f"Bulk risk {i}", owner, 1 + i % 5, 1 + i % 4, "PRJ-101"])
    wb.save(path)
    return path


def _import(path, book) -> int:
    with open_portfolio(path) as pf:
        plan, _pairs = service.plan_file(pf, book)
        return service.apply(pf, plan).batch_id


def test_a_bulk_import_and_reschedule_reach_every_copy(team, tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "MIN_ROWS", 1)  # the demo's plans are small: every write set-wise
    a, b = team.clone("alice"), team.clone("bob")
    _import(a, _workbook(tmp_path / "first.xlsx", "Ann"))
    _import(a, _workbook(tmp_path / "second.xlsx", "Bea"))  # every row changed: one bulk UPDATE
    with open_portfolio(a) as pf:
        with pf.batch("ui", "move a plan"):
            pf.conn.execute("UPDATE tasks SET start_date = date(start_date, '+7 days') WHERE start_date IS NOT NULL")
        done = reschedule(pf)
        assert done.changed and done.batch_id is not None
        moved = pf.conn.execute("SELECT id, start_date FROM tasks ORDER BY id").fetchall()
    sync(a)
    sync(b)
    assert_equal_to_server(team, a, b)
    with open_portfolio(b, read_only=True) as pf:
        assert len(pf.conn.execute("SELECT id, start_date FROM tasks").fetchall()) == len(moved)
    rows = local_rows(b)
    bulk_risks = [d for t, d in rows.values() if t == "raid_items" and d["title"].startswith("Bulk risk")]
    assert len(bulk_risks) == ROWS and {d["owner"] for d in bulk_risks} == {"Bea"}
