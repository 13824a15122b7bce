"""After a sync every analyst's copy gives the same summary and the same board-pack figures."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

from pmo_desktop.cli import main
from pmo_desktop.reports.data import load_pack_data
from pmo_desktop.store import open_portfolio
from tests.sync.test_merge import edit, sync


def _without_ids(value):
    if isinstance(value, dict):
        if value and all(isinstance(k, int) for k in value):  # keyed by local ids: compare the values
            return sorted((_without_ids(v) for v in value.values()), key=repr)
        return {k: _without_ids(v) for k, v in value.items() if k != "id" and not str(k).endswith("_id")}
    if isinstance(value, list | tuple):
        return [_without_ids(v) for v in value]
    return value


def summary(path, capsys) -> dict:
    capsys.readouterr()
    assert main(["summary", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    out.pop("file", None)
    return out


def pack(path) -> dict:
    with open_portfolio(path, read_only=True) as pf:
        data = load_pack_data(pf, period=date(2026, 11, 30), programme=None, today=date(2026, 11, 27))
    return _without_ids(dataclasses.asdict(data))


def test_summary_and_board_pack_agree_on_every_copy(team, capsys):
    a, b = team.clone("alice"), team.clone("bob")
    edit(a, "UPDATE budget_lines SET actual = coalesce(actual, 0) + 123456 WHERE id IN "
            "(SELECT id FROM budget_lines ORDER BY id LIMIT 5)")
    edit(a, "UPDATE projects SET rag_overall = 'R' WHERE code = 'PRJ-102'")
    edit(b, "INSERT INTO raid_items (ref, type, title, probability, impact, project_id) "
            "SELECT 'R-777', 'Risk', 'Supplier failure', 5, 5, id FROM projects WHERE code = 'PRJ-101'")
    edit(b, "DELETE FROM budget_lines WHERE id IN (SELECT id FROM budget_lines ORDER BY id DESC LIMIT 3)")
    edit(team.admin_path, "UPDATE status_reports SET rag_overall = 'A', summary = 'Board asked' WHERE id = "
                          "(SELECT max(id) FROM status_reports)")
    for path in (a, b, team.admin_path, a, b):
        sync(path)
    first = summary(a, capsys)
    assert first == summary(b, capsys) == summary(team.admin_path, capsys)
    assert pack(a) == pack(b) == pack(team.admin_path)
    with open_portfolio(a, read_only=True) as pf:
        assert pf.conn.execute("SELECT title FROM raid_items WHERE ref = 'R-777'").fetchone() == ("Supplier failure",)
    assert "Board asked" in repr(pack(b))
