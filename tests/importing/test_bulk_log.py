"""A large import is written in bulk (store/bulk.py); its change log, and so its undo, is the one the
row-by-row triggers would have kept."""

from __future__ import annotations

import pytest

from pmo_desktop.importing import service
from pmo_desktop.store import bulk, create_portfolio
from tests.store.test_bulk import batch_log

HEADER = ["Ref", "Type", "Title", "Owner", "Probability", "Impact", "Raised", "Status"]


def _register(rows: int, owner: str = "Ann", impact_from: int | None = None) -> list[list]:
    out = [HEADER]
    for i in range(1, rows + 1):
        impact = 5 if impact_from is not None and i >= impact_from else 1 + i % 4
        out.append([f"R-{i:04d}", "Risk", f"Risk number {i}", owner, 1 + i % 5, impact, f"2026-0{1 + i % 9}-1{i % 9}",
                    ("Open", "Closed")[i % 2]])
    return out


def _import(pf, path) -> int:
    plan, _pairs = service.plan_file(pf, path)
    result = service.apply(pf, plan)
    return result.batch_id


@pytest.mark.parametrize("smallest", [1, bulk.MIN_ROWS])  # every write set-wise; the shipped threshold
def test_an_import_and_a_reimport_log_what_the_triggers_log(make_xlsx, tmp_path, monkeypatch, smallest):
    first, second = make_xlsx(_register(450)), make_xlsx(_register(450, owner="Bob", impact_from=301))
    logs = {}
    for mode, limit in (("triggers", 10**9), ("bulk", smallest)):
        monkeypatch.setattr(bulk, "MIN_ROWS", limit)
        with create_portfolio(tmp_path / f"{mode}{smallest}.pmo") as pf:
            added = _import(pf, first)
            before = pf.conn.execute("SELECT * FROM raid_items ORDER BY id").fetchall()
            changed = _import(pf, second)
            logs[mode] = (batch_log(pf, added), batch_log(pf, changed))
            assert pf.conn.execute("SELECT count(*) FROM raid_items WHERE owner = 'Bob'").fetchone() == (450,)
            pf.undo(changed)
            assert pf.conn.execute("SELECT * FROM raid_items ORDER BY id").fetchall() == before
            pf.undo(added)
            assert pf.counts()["raid_items"] == 0
    assert logs["bulk"] == logs["triggers"]
    inserts, updates = logs["bulk"]
    assert len(inserts) == 450 and {r[2] for r in inserts} == {"insert"}
    assert [r[3] for r in updates[:2]] == ["owner", "updated_at"]  # rows 1-300: the owner changed
    assert [r[3] for r in updates[900:903]] == ["owner", "impact", "updated_at"]  # rows 301-450: and the impact
