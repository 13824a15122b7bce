"""Bulk writes (store/bulk.py) leave the change log exactly as the triggers would: the same rows, values
and order, so undo, redo, History and sync see no difference; and they are all-or-nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest

from pmo_desktop.store import bulk, create_portfolio, open_portfolio

ROWS = 600  # above bulk.MIN_ROWS


def batch_log(pf, batch_id: int) -> list[tuple]:
    """The batch's log with the clock's stamps left out (they differ between any two runs)."""
    out = []
    for tbl, row_id, op, col, old, new in pf.conn.execute(
            "SELECT tbl, row_id, op, col, old, new FROM change_log WHERE batch_id = ? ORDER BY id", (batch_id,)):
        if col in ("created_at", "updated_at"):
            out.append((tbl, row_id, op, col))
            continue
        if op != "update":
            image = json.loads(new if op == "insert" else old)
            image.pop("created_at"), image.pop("updated_at")
            old, new = (None, image) if op == "insert" else (image, None)
        out.append((tbl, row_id, op, col, old, new, type(old).__name__, type(new).__name__))
    return out


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """Two fresh portfolios with one project: the first written through the triggers, the second set-wise."""
    made = []
    for name in ("triggers", "bulk"):
        pf = create_portfolio(tmp_path / f"{name}.pmo")
        with pf.batch("cli", "project"):
            pf.conn.execute("INSERT INTO projects (id, code, name) VALUES (1, 'A', 'Alpha')")
        made.append(pf)
    yield made
    for pf in made:
        pf.close()


def _both(pair, monkeypatch, write) -> tuple[list, list]:
    logs = []
    for pf, smallest in zip(pair, (10**9, 1), strict=True):
        monkeypatch.setattr(bulk, "MIN_ROWS", smallest)
        with pf.batch("cli", "bulk") as batch_id:
            write(pf.conn)
        logs.append(batch_log(pf, batch_id))
    return logs[0], logs[1]


def _tasks(n: int) -> list[tuple]:
    return [(1, f"Task {i}", f"2026-01-{1 + i % 28:02d}", i % 9, (None, 0.1, 50, 1 / 3)[i % 4], i) for i in range(n)]


TASK_COLS = ["project_id", "name", "start_date", "duration_days", "percent_complete", "sort_order"]


def test_insert_logs_what_the_triggers_log(pair, monkeypatch):
    by_triggers, set_wise = _both(pair, monkeypatch, lambda c: bulk.insert_rows(c, "tasks", TASK_COLS, _tasks(ROWS)))
    assert len(set_wise) == ROWS
    assert set_wise == by_triggers
    first = set_wise[1]
    assert first[2] == "insert" and first[5]["name"] == "Task 1" and first[5]["percent_complete"] == 0.1


def test_insert_of_numbers_into_text_columns_logs_them_as_stored(pair, monkeypatch):
    """A REAL or an integer put in a TEXT column is stored (and logged) as text; in a REAL column as a number."""
    rows = [(1, (2.5, 7, 1 / 3, "x")[i % 4], f"2026-01-{1 + i % 28:02d}", i % 9, (0.1, 2, None)[i % 3], i,
             (1e-7, 12.0, 3)[i % 3]) for i in range(ROWS)]
    by_triggers, set_wise = _both(pair, monkeypatch, lambda c: bulk.insert_rows(c, "tasks", [*TASK_COLS, "owner"], rows))
    assert set_wise == by_triggers
    assert [r[5]["name"] for r in set_wise[:2]] == ["2.5", "7"]
    assert all(isinstance(r[5]["name"], str) and isinstance(r[5]["owner"], str) for r in set_wise)
    assert [r[5]["percent_complete"] for r in set_wise[:3]] == [0.1, 2.0, None]  # REAL: numbers, bit for bit


def test_insert_with_given_ids_logs_them_in_the_order_given(pair, monkeypatch):
    rows = [(9000 - i, *r) for i, r in enumerate(_tasks(ROWS))]  # ids falling, not rising
    by_triggers, set_wise = _both(pair, monkeypatch, lambda c: bulk.insert_rows(c, "tasks", ["id", *TASK_COLS], rows))
    assert set_wise == by_triggers
    assert [r[1] for r in set_wise[:3]] == [9000, 8999, 8998]


def test_update_logs_each_changed_column_as_the_triggers_do(pair, monkeypatch):
    for pf in pair:
        with pf.batch("cli", "tasks"):
            pf.conn.executemany(f"INSERT INTO tasks ({', '.join(TASK_COLS)}) VALUES (?, ?, ?, ?, ?, ?)", _tasks(ROWS))
    # Some rows keep values (nothing logged for them), a number goes into a text column and text into a
    # number column (the column's type decides what is stored), REAL values round-trip, ids come unordered.
    rows = [(f"2026-01-{1 + i % 28:02d}" if i % 3 else "2026-03-01", i % 9 if i % 5 else str(i % 4),
             (None, 0.1, 50, 1 / 3)[(i + i // 7) % 4], i % 11 if i % 2 else None, ROWS - i)
            for i in range(ROWS)]
    by_triggers, set_wise = _both(pair, monkeypatch, lambda c: bulk.update_rows(
        c, "tasks", ["start_date", "duration_days", "percent_complete", "owner"], rows))
    assert set_wise == by_triggers
    assert set_wise[0][1] == ROWS  # rows in the order given, columns in the table's order
    owners = [r for r in set_wise if r[3] == "owner"]
    assert owners and all(r[7] == "str" for r in owners)  # 3 into a TEXT column is '3', as stored
    stored = pair[1].conn.execute("SELECT typeof(owner), typeof(duration_days) FROM tasks WHERE id = 2").fetchone()
    assert stored == pair[0].conn.execute("SELECT typeof(owner), typeof(duration_days) FROM tasks WHERE id = 2").fetchone()


def _triggers(pf) -> list[tuple]:
    return sorted(pf.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def test_undo_and_redo_of_a_bulk_write(portfolio):
    triggers = _triggers(portfolio)
    with portfolio.batch("cli", "project"):
        portfolio.conn.execute("INSERT INTO projects (id, code, name) VALUES (1, 'A', 'Alpha')")
    with portfolio.batch("cli", "add") as added:
        bulk.insert_rows(portfolio.conn, "tasks", TASK_COLS, _tasks(ROWS))
    before = portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    with portfolio.batch("cli", "move") as moved:
        stamp = bulk.now(portfolio.conn)
        bulk.update_rows(portfolio.conn, "tasks", ["start_date", "updated_at"],
                         [("2027-05-05", stamp, i) for i in range(1, ROWS + 1)])
    assert portfolio.conn.execute("SELECT count(*) FROM tasks WHERE start_date = '2027-05-05'").fetchone()[0] == ROWS
    portfolio.undo(moved)
    assert portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before
    portfolio.redo(moved)
    assert portfolio.conn.execute("SELECT count(*) FROM tasks WHERE start_date = '2027-05-05'").fetchone()[0] == ROWS
    portfolio.undo(moved)
    portfolio.undo(added)
    assert portfolio.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
    assert _triggers(portfolio) == triggers  # the log's triggers are back, word for word
    path = portfolio.path
    portfolio.close()
    with open_portfolio(path, read_only=True) as again:
        assert again.missing_log_triggers == []


def test_a_row_that_breaks_a_rule_leaves_nothing_behind(portfolio):
    triggers = _triggers(portfolio)
    with portfolio.batch("cli", "tasks"):
        portfolio.conn.execute("INSERT INTO projects (id, code, name) VALUES (1, 'A', 'Alpha')")
        bulk.insert_rows(portfolio.conn, "tasks", TASK_COLS, _tasks(ROWS))
    before = portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    bad = _tasks(ROWS)
    bad[400] = (1, "Bad", "2026-01-01", 1, 250, 0)  # percent complete over 100
    moves = [(75, i) for i in range(1, ROWS + 1)]
    moves[300] = (101, 301)
    with portfolio.batch("cli", "bulk") as batch_id:
        with pytest.raises(sqlite3.IntegrityError):
            bulk.insert_rows(portfolio.conn, "tasks", TASK_COLS, bad)
        with pytest.raises(sqlite3.IntegrityError):
            bulk.update_rows(portfolio.conn, "tasks", ["percent_complete"], moves)
        portfolio.conn.execute("INSERT INTO tasks (project_id, name) VALUES (1, 'After')")  # still logged
    assert portfolio.conn.execute("SELECT * FROM tasks WHERE name <> 'After' ORDER BY id").fetchall() == before
    assert [r[2] for r in batch_log(portfolio, batch_id)] == ["insert"]
    assert portfolio.conn.execute("SELECT logging FROM _state").fetchone() == (1,)
    assert _triggers(portfolio) == triggers


def test_a_bulk_write_while_a_query_is_still_reading(portfolio):
    """A caller's query still reading while a bulk write takes its trigger out: both finish, all logged."""
    with portfolio.batch("cli", "project"):
        portfolio.conn.execute("INSERT INTO projects (id, code, name) VALUES (1, 'A', 'Alpha')")
    with portfolio.batch("cli", "add") as batch_id:
        reading = portfolio.conn.execute("SELECT id FROM projects")
        reading.fetchone()
        bulk.insert_rows(portfolio.conn, "tasks", TASK_COLS, _tasks(ROWS))
        reading.fetchall()
    assert len(batch_log(portfolio, batch_id)) == ROWS


def test_nothing_is_logged_while_the_log_is_off(portfolio):
    with portfolio.batch("cli", "project"):
        portfolio.conn.execute("INSERT INTO projects (id, code, name) VALUES (1, 'A', 'Alpha')")
    with portfolio.batch("cli", "quiet") as batch_id:
        portfolio.conn.execute("UPDATE _state SET logging = 0")
        bulk.insert_rows(portfolio.conn, "tasks", TASK_COLS, _tasks(ROWS))
        bulk.update_rows(portfolio.conn, "tasks", ["owner"], [("Ann", i) for i in range(1, ROWS + 1)])
        assert portfolio.conn.execute("SELECT logging FROM _state").fetchone() == (0,)
    assert batch_log(portfolio, batch_id) == []
    assert portfolio.conn.execute("SELECT count(*) FROM tasks WHERE owner = 'Ann'").fetchone() == (ROWS,)


def test_ids_never_change(portfolio):
    with portfolio.batch("cli", "x"), pytest.raises(ValueError):
        bulk.update_rows(portfolio.conn, "tasks", ["id"], [(2, 1)])
