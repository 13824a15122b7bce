"""What a sync round does less of, without changing what it does: received rows written set-wise keep
the change log as the triggers write it, an edit to a column outside every human key claims no keys
(an edit to a key column still meets a duplicate), and the synced tables are read again when the
schema changes."""

from __future__ import annotations

import sqlite3

from pmo_desktop.store import open_portfolio
from pmo_desktop.sync import receive
from pmo_desktop.sync import tables as tb
from tests.sync.test_merge import assert_equal_to_server, edit, open_list, sync, value


def _received_log(path) -> list[tuple]:
    with open_portfolio(path, read_only=True) as pf:
        return pf.conn.execute(
            """SELECT c.tbl, c.row_id, c.op, c.col, c.old, c.new, typeof(c.old), typeof(c.new)
               FROM change_log c JOIN batches b ON b.id = c.batch_id WHERE b.source = 'sync' ORDER BY c.id""").fetchall()


def test_rows_received_set_wise_are_logged_as_the_triggers_log_them(team, monkeypatch):
    a, setwise, by_triggers = team.clone("alice"), team.clone("bob"), team.clone("carol")
    # 300 budget lines change one column (some to a value the INTEGER column keeps as REAL), a few
    # of them a second column too: one group written set-wise, one small group through the triggers.
    edit(a, "UPDATE budget_lines SET forecast = CASE WHEN id % 7 = 0 THEN 2.5 ELSE id * 1000 END")
    edit(a, "UPDATE budget_lines SET category = 'Moved', forecast = 5 WHERE id <= 3")
    sync(a)
    assert sync(setwise)["rows_updated"] >= receive._SETWISE
    monkeypatch.setattr(receive, "_SETWISE", 10**9)  # every row through the change-log triggers
    sync(by_triggers)
    logged = _received_log(setwise)
    assert len(logged) > 300 and {r[7] for r in logged if r[3] == "forecast"} == {"integer", "real"}
    assert logged == _received_log(by_triggers)
    assert_equal_to_server(team, a, setwise, by_triggers)


def test_an_edit_outside_every_key_merges_and_a_key_edit_still_meets_a_duplicate(team):
    a, b = team.clone("alice"), team.clone("bob")
    edit(b, "INSERT INTO projects (code, name) VALUES ('PRJ-150', 'Bob''s new project')")
    sync(b)
    # Alice, not yet synced, gives PRJ-101 the code Bob has just taken, and changes its manager.
    edit(a, "UPDATE projects SET code = 'PRJ-150' WHERE code = 'PRJ-101'")
    edit(a, "UPDATE projects SET manager = 'Alice Manager' WHERE code = 'PRJ-150'")
    assert sync(a)["new_conflicts"] == 1
    (c,) = open_list(a)
    assert (c["kind"], c["col"], c["mine"]) == ("duplicate", "code", "PRJ-150")
    # The manager went through; the code stays as the server has it until someone resolves it.
    assert value(a, "SELECT manager FROM projects WHERE code = 'PRJ-101'") == ("Alice Manager",)
    sync(a), sync(b)  # Bob's project waited for the code to be free in Alice's copy
    assert value(a, "SELECT name FROM projects WHERE code = 'PRJ-150'") == ("Bob's new project",)
    assert value(b, "SELECT manager FROM projects WHERE code = 'PRJ-101'") == ("Alice Manager",)
    assert_equal_to_server(team, a, b)


def test_synced_tables_are_read_again_when_the_schema_changes(tmp_path, small_demo):
    import shutil

    path = tmp_path / "copy.pmo"
    shutil.copy(small_demo, path)
    conn = sqlite3.connect(path)
    try:
        first = tb.synced_tables(conn)
        assert tb.synced_tables(conn) is first  # asked again: the same answer, not read again
        assert "risk_owner_email" not in first["raid_items"].columns
        conn.execute("ALTER TABLE raid_items ADD COLUMN risk_owner_email TEXT")
        conn.execute("CREATE UNIQUE INDEX raid_items_email ON raid_items (risk_owner_email)")
        again = tb.synced_tables(conn)
        assert "risk_owner_email" in again["raid_items"].columns
        assert ["risk_owner_email"] in again["raid_items"].keys
    finally:
        conn.close()
