"""The change log makes every batch undoable: random edits, then undo all, equals the start."""

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmo_desktop.store import UndoConflict, create_portfolio, open_portfolio
from pmo_desktop.store.changelog import user_tables
from pmo_desktop.store.rows import delete_rows, insert_row, update_row


def snapshot(pf):
    return {
        t: pf.conn.execute(f"SELECT * FROM [{t}] ORDER BY id").fetchall() for t in user_tables(pf.db)
    }


def test_every_write_is_logged_with_batch_and_source(portfolio):
    pid = insert_row(portfolio, "projects", {"code": "P-1", "name": "One"}, source="cli")
    update_row(portfolio, "projects", pid, {"name": "Uno", "percent_complete": 12.5})
    rows = portfolio.conn.execute(
        "SELECT b.source, c.op, c.col, c.old, c.new FROM change_log c JOIN batches b ON b.id = c.batch_id "
        "WHERE c.tbl = 'projects' ORDER BY c.id"
    ).fetchall()
    assert rows[0][:2] == ("cli", "insert")
    assert ("ui", "update", "name", "One", "Uno") in rows
    assert ("ui", "update", "percent_complete", None, 12.5) in rows


def test_undo_redo_delete_with_cascade(demo):
    before = snapshot(demo)
    pid = demo.conn.execute("SELECT id FROM projects WHERE code = 'PRJ-101'").fetchone()[0]
    batch = demo.last_batch_id() + 1
    delete_rows(demo, "projects", [pid])
    assert demo.conn.execute("SELECT count(*) FROM tasks WHERE project_id = ?", (pid,)).fetchone()[0] == 0
    demo.undo(batch)
    assert snapshot(demo) == before
    demo.redo(batch)
    assert demo.conn.execute("SELECT count(*) FROM projects WHERE id = ?", (pid,)).fetchone()[0] == 0
    demo.undo(batch)
    assert snapshot(demo) == before


def test_undo_refuses_when_later_change_conflicts(portfolio):
    pid = insert_row(portfolio, "projects", {"code": "P-1", "name": "One"})
    first = portfolio.last_batch_id() + 1
    update_row(portfolio, "projects", pid, {"name": "Two"})
    update_row(portfolio, "projects", pid, {"name": "Three"})
    with pytest.raises(UndoConflict, match="changed since"):
        portfolio.undo(first)
    assert portfolio.conn.execute("SELECT name FROM projects").fetchone()[0] == "Three"


def test_undo_twice_is_refused(portfolio):
    insert_row(portfolio, "programmes", {"name": "P"})
    batch = portfolio.last_batch_id()
    portfolio.undo(batch)
    with pytest.raises(Exception, match="already undone"):
        portfolio.undo(batch)


_values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**62), max_value=2**62),
    st.floats(allow_nan=False, allow_infinity=False, min_value=0, max_value=100),
    st.text(max_size=20),
)

_ops = st.lists(
    st.tuples(
        st.sampled_from(["insert", "update", "delete"]),
        st.integers(min_value=0, max_value=50),
        st.sampled_from(["name", "description", "approved_budget", "percent_complete", "manager"]),
        _values,
    ),
    min_size=1,
    max_size=25,
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """Five projects, each inserted as its own batch; every example starts from a copy of this file."""
    path = tmp_path_factory.mktemp("seeded") / "seed.pmo"
    with create_portfolio(path) as pf:
        for i in range(5):
            insert_row(pf, "projects", {"code": f"S-{i}", "name": f"Seed {i}", "percent_complete": i * 10.5})
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(_ops, min_size=1, max_size=5))
def test_random_edits_then_undo_all_restores_start(tmp_path_factory, seeded, batches):
    path = tmp_path_factory.mktemp("prop") / "p.pmo"
    shutil.copy(seeded, path)
    with open_portfolio(path) as pf:
        start = snapshot(pf)
        done = []
        counter = 0
        for ops in batches:
            with pf.batch("ui", "random edits") as batch_id:
                for op, pick, col, value in ops:
                    ids = [r[0] for r in pf.conn.execute("SELECT id FROM projects ORDER BY id")]
                    if op == "insert" or not ids:
                        counter += 1
                        insert_row(pf, "projects", {"code": f"N-{counter}", "name": f"New {counter}"})
                    elif op == "delete":
                        delete_rows(pf, "projects", [ids[pick % len(ids)]])
                    else:
                        if col == "name" and value is None:
                            value = "unnamed"
                        if col == "percent_complete" and not (value is None or isinstance(value, float)):
                            value = None
                        update_row(pf, "projects", ids[pick % len(ids)], {col: value})
            done.append(batch_id)
        after = snapshot(pf)
        for batch_id in reversed(done):
            pf.undo(batch_id)
        assert snapshot(pf) == start
        for batch_id in done:
            pf.redo(batch_id)
        assert snapshot(pf) == after
