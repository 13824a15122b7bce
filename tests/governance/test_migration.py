"""A portfolio saved before 0007_governance gains the governance tables, audited, on opening."""

from __future__ import annotations

import sqlite3

from pmo_desktop.governance import lessons
from pmo_desktop.store import create_portfolio, open_portfolio
from pmo_desktop.store.backups import list_backups


def test_an_older_file_is_upgraded_and_the_new_tables_are_undoable(tmp_path):
    path = tmp_path / "old.pmo"
    create_portfolio(path).close()
    conn = sqlite3.connect(path)  # make it look like a file from before the governance migration
    for table in ("gate_conditions", "gate_reviews", "priority_scores", "lessons"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_governance'")
    conn.commit()
    conn.close()
    with open_portfolio(path) as pf:
        assert {"gate_reviews", "gate_conditions", "priority_scores", "lessons"} <= set(pf.db.table_names())
        lessons.add_lesson(pf, what_happened="Upgraded cleanly")
        batch = pf.last_batch_id()
        assert pf.conn.execute("SELECT count(*) FROM change_log WHERE batch_id = ? AND tbl = 'lessons'",
                               (batch,)).fetchone()[0] == 1
        pf.undo(batch)
        assert pf.conn.execute("SELECT count(*) FROM lessons").fetchone()[0] == 0
    assert any("before-upgrade" in b.name for b in list_backups(path))
