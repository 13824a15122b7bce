"""Foreign keys in a batch: checked at COMMIT where a batch may write a child before its parent (the
default, and what undo, receive and imports rely on), at each statement for a plain edit that asks for
it, and either way a write that leaves a key broken changes nothing."""

import sqlite3

import pytest

from pmo_desktop.domain.values import ValueProblem
from pmo_desktop.registers.writes import run_batch
from pmo_desktop.store.rows import delete_rows, fetch_row, insert_row, update_row


def _child_then_parent(pf, code="P-9"):
    """A RAID item and a task of a project that is written after them, in the caller's batch."""
    pid = pf.conn.execute("SELECT coalesce(max(id), 0) + 100 FROM projects").fetchone()[0]
    pf.conn.execute("INSERT INTO raid_items (project_id, ref, type, title) VALUES (?, ?, 'Risk', 'Late')",
                    (pid, f"R-{pid}"))
    pf.conn.execute("INSERT INTO tasks (project_id, name) VALUES (?, 'Build')", (pid,))
    pf.conn.execute("INSERT INTO projects (id, code, name) VALUES (?, ?, 'Nine')", (pid, code))
    return pid


def _counts(pf):
    return {t: pf.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("projects", "raid_items", "tasks", "batches")}


def test_a_batch_checks_keys_at_commit_by_default(portfolio):
    with portfolio.batch("import", "Import"):
        pid = _child_then_parent(portfolio)
    assert portfolio.conn.execute("SELECT count(*) FROM tasks WHERE project_id = ?", (pid,)).fetchone()[0] == 1
    assert portfolio.conn.execute("PRAGMA defer_foreign_keys").fetchone()[0] == 0  # reset at COMMIT


def test_a_deferred_batch_whose_keys_stay_broken_changes_nothing(portfolio):
    before = _counts(portfolio)
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), portfolio.batch("import", "Import"):
        portfolio.conn.execute("INSERT INTO tasks (project_id, name) VALUES (4242, 'Orphan')")
    assert _counts(portfolio) == before


def test_a_plain_edit_batch_refuses_a_child_before_its_parent_at_once(portfolio):
    before = _counts(portfolio)
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), \
            portfolio.batch("ui", "edit", defer_foreign_keys=False):
        _child_then_parent(portfolio)
    assert _counts(portfolio) == before
    # the next batch on the same connection checks at each statement again, or defers, as it asks
    with portfolio.batch("ui", "edit"):
        _child_then_parent(portfolio)
    assert _counts(portfolio)["projects"] == before["projects"] + 1


def test_a_nested_batch_that_asks_for_deferral_turns_it_on_for_the_outer_one(portfolio):
    with portfolio.batch("ui", "edit", defer_foreign_keys=False):
        assert portfolio.conn.execute("PRAGMA defer_foreign_keys").fetchone()[0] == 0
        with portfolio.batch("import", "inner"):
            pass
        assert portfolio.conn.execute("PRAGMA defer_foreign_keys").fetchone()[0] == 1
        pid = _child_then_parent(portfolio)
    assert fetch_row(portfolio, "projects", pid)["code"] == "P-9"


def test_defer_foreign_keys_inside_an_open_batch_and_only_there(portfolio):
    with portfolio.batch("ui", "edit", defer_foreign_keys=False):
        portfolio.defer_foreign_keys()
        portfolio.defer_foreign_keys()  # once per transaction is enough; again changes nothing
        pid = _child_then_parent(portfolio)
    assert fetch_row(portfolio, "projects", pid) is not None
    with pytest.raises(RuntimeError, match="inside a batch"):
        portfolio.defer_foreign_keys()


def test_undo_and_redo_of_a_deleted_project_with_its_rows(portfolio):
    with portfolio.batch("import", "Import"):
        pid = _child_then_parent(portfolio)
    before = _counts(portfolio)
    batch = portfolio.last_batch_id() + 1
    delete_rows(portfolio, "projects", [pid])  # a plain edit: its RAID item and task go with it
    assert portfolio.conn.execute("SELECT count(*) FROM raid_items").fetchone()[0] == 0
    portfolio.undo(batch)
    after_undo = _counts(portfolio)
    assert {k: v for k, v in after_undo.items() if k != "batches"} == \
        {k: v for k, v in before.items() if k != "batches"}
    portfolio.redo(batch)
    assert portfolio.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0


def test_a_plain_edit_that_breaks_a_key_is_refused_in_one_line_and_changes_nothing(portfolio):
    pid = insert_row(portfolio, "projects", {"code": "P-1", "name": "One"})
    rid = insert_row(portfolio, "raid_items", {"project_id": pid, "ref": "R-1", "type": "Risk", "title": "Late"})
    batches = portfolio.last_batch_id()
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        update_row(portfolio, "raid_items", rid, {"project_id": pid + 500})
    with pytest.raises(ValueProblem) as refused:
        run_batch(portfolio, "Edit RAID item", [],
                  lambda: update_row(portfolio, "raid_items", rid, {"title": "Later", "project_id": pid + 500}))
    assert str(refused.value) == "the change was refused: FOREIGN KEY constraint failed"
    assert fetch_row(portfolio, "raid_items", rid)["project_id"] == pid
    assert fetch_row(portfolio, "raid_items", rid)["title"] == "Late"
    assert portfolio.last_batch_id() == batches
