"""The change log: SQLite triggers record every insert, update and delete on user tables.

Each logged change belongs to the batch named in the one-row `_state` table, which
`Portfolio.batch()` sets for the length of its transaction. A batch is the unit of undo: its inverse
is computed from the log alone (see the sqlite.org note "Automatic Undo/Redo With SQLite").

- insert: one row, `new` = the whole row as JSON.
- delete: one row, `old` = the whole row as JSON.
- update: one row per changed column, `old`/`new` the raw values (BLOB affinity keeps their type).

REAL values go into JSON through printf('%!.17g') so that they come back bit for bit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any, Protocol

from pmo_desktop.store.errors import UndoConflict

# Tables that are bookkeeping, not user data: never logged, never undone.
UNLOGGED = {"change_log", "batches", "_state", "_sqlite_migrations"}


class Executes(Protocol):
    """A sqlite3 connection or a sqlite-utils Database: anything with `execute`."""

    def execute(self, sql: str, parameters: Any = ...) -> sqlite3.Cursor: ...


def user_tables(db: Executes) -> list[str]:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    return [t for t in names if t not in UNLOGGED and not t.startswith("sqlite_") and not t.startswith("_")]


def table_columns(db: Executes, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info([{table}])").fetchall()]


def _json_value(ref: str) -> str:
    return f"CASE WHEN typeof({ref}) = 'real' THEN json(printf('%!.17g', {ref})) ELSE {ref} END"


def _row_json(prefix: str, columns: Iterable[str], never_real: frozenset[str] = frozenset()) -> str:
    parts = ", ".join(f"'{c}', {f'{prefix}.[{c}]' if c in never_real else _json_value(f'{prefix}.[{c}]')}"
                      for c in columns)
    return f"json_object({parts})"


def text_columns(db: Executes, table: str) -> frozenset[str]:
    """Columns of TEXT affinity (SQLite's rules): a number put there is stored as text, so they never
    hold a REAL and their JSON needs no REAL test (the same text, less work for a large insert's log)."""
    out = set()
    for _cid, name, declared, *_rest in db.execute(f"PRAGMA table_info([{table}])").fetchall():
        kind = (declared or "").upper()
        if "INT" not in kind and any(word in kind for word in ("CHAR", "CLOB", "TEXT")):
            out.add(name)
    return frozenset(out)


def install_triggers(db: Executes) -> None:
    """(Re)create the logging triggers for every user table from its current columns."""
    existing = [
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '_log_%'")
    ]
    for name in existing:
        db.execute(f"DROP TRIGGER [{name}]")
    for _name, sql in log_triggers(db).items():
        db.execute(sql)


def log_triggers(db: Executes) -> dict[str, str]:
    """{trigger name: CREATE statement} of the logging triggers the file's user tables need."""
    batch = "(SELECT batch_id FROM _state WHERE id = 1)"
    enabled = "(SELECT logging FROM _state WHERE id = 1)"
    out: dict[str, str] = {}
    for table in user_tables(db):
        cols = table_columns(db, table)
        out[f"_log_{table}_insert"] = (
            f"""CREATE TRIGGER [_log_{table}_insert] AFTER INSERT ON [{table}] WHEN {enabled}
            BEGIN
              INSERT INTO change_log (batch_id, tbl, row_id, op, new)
              VALUES ({batch}, '{table}', NEW.id, 'insert', {_row_json("NEW", cols)});
            END"""
        )
        out[f"_log_{table}_delete"] = (
            f"""CREATE TRIGGER [_log_{table}_delete] AFTER DELETE ON [{table}] WHEN {enabled}
            BEGIN
              INSERT INTO change_log (batch_id, tbl, row_id, op, old)
              VALUES ({batch}, '{table}', OLD.id, 'delete', {_row_json("OLD", cols)});
            END"""
        )
        per_column = "\n".join(
            f"""INSERT INTO change_log (batch_id, tbl, row_id, op, col, old, new)
                SELECT {batch}, '{table}', NEW.id, 'update', '{c}', OLD.[{c}], NEW.[{c}]
                WHERE OLD.[{c}] IS NOT NEW.[{c}];"""
            for c in cols
            if c != "id"
        )
        out[f"_log_{table}_update"] = (
            f"""CREATE TRIGGER [_log_{table}_update] AFTER UPDATE ON [{table}] WHEN {enabled}
            BEGIN
              {per_column}
            END"""
        )
        # Row ids are how the log finds a row again; they never change.
        out[f"_log_{table}_keep_id"] = (
            f"""CREATE TRIGGER [_log_{table}_keep_id] BEFORE UPDATE OF id ON [{table}]
            WHEN OLD.id IS NOT NEW.id
            BEGIN SELECT RAISE(ABORT, 'row ids cannot change'); END"""
        )
    return out


# ---------------------------------------------------------------------------------------------
# Undo and redo


def _decode(value):
    return json.loads(value) if value is not None else None


def _current_row(conn: sqlite3.Connection, table: str, row_id: int) -> dict | None:
    cur = conn.execute(f"SELECT * FROM [{table}] WHERE id = ?", (row_id,))
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _same(a, b) -> bool:
    return a == b and type(a) is type(b) if isinstance(a, float) or isinstance(b, float) else a == b


def _rows_equal(current: dict | None, expected: dict) -> bool:
    if current is None:
        return False
    return all(_same(current.get(k), v) for k, v in expected.items())


def _insert_row(conn: sqlite3.Connection, table: str, values: dict) -> None:
    cols = ", ".join(f"[{c}]" for c in values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})", list(values.values()))


def apply_inverse(conn: sqlite3.Connection, changes: list[sqlite3.Row | tuple], label: str) -> None:
    """Undo `changes` (in log order) by applying their inverses newest first.

    Refuses with UndoConflict, before anything is kept, when the data no longer matches what the
    batch left behind (a later batch changed it).
    """
    for _id, table, row_id, op, col, old, new in reversed(changes):
        if op == "insert":
            current = _current_row(conn, table, row_id)
            if current is None:
                continue  # already gone with its parent (a cascade earlier in this undo)
            if not _rows_equal(current, _decode(new)):
                raise UndoConflict(f"cannot undo '{label}': a row it added in {table} was changed since")
            conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (row_id,))
        elif op == "delete":
            if _current_row(conn, table, row_id) is not None:
                raise UndoConflict(f"cannot undo '{label}': the row it deleted in {table} is back")
            _insert_row(conn, table, _decode(old))
        else:
            current = _current_row(conn, table, row_id)
            if current is None or not _same(current[col], new):
                raise UndoConflict(f"cannot undo '{label}': {table}.{col} was changed since")
            conn.execute(f"UPDATE [{table}] SET [{col}] = ? WHERE id = ?", (old, row_id))


def apply_forward(conn: sqlite3.Connection, changes: list[sqlite3.Row | tuple], label: str) -> None:
    """Redo `changes` in log order, refusing when the data is not as the batch found it."""
    for _id, table, row_id, op, col, old, new in changes:
        if op == "insert":
            if _current_row(conn, table, row_id) is not None:
                raise UndoConflict(f"cannot redo '{label}': its row in {table} is taken")
            _insert_row(conn, table, _decode(new))
        elif op == "delete":
            current = _current_row(conn, table, row_id)
            if current is None:
                continue  # a cascade earlier in this replay removed it already, as the batch did
            if not _rows_equal(current, _decode(old)):
                raise UndoConflict(f"cannot redo '{label}': the row it deleted in {table} was changed")
            conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (row_id,))
        else:
            current = _current_row(conn, table, row_id)
            if current is None or not _same(current[col], old):
                raise UndoConflict(f"cannot redo '{label}': {table}.{col} was changed since")
            conn.execute(f"UPDATE [{table}] SET [{col}] = ? WHERE id = ?", (new, row_id))


def batch_changes(conn: sqlite3.Connection, batch_id: int) -> list[tuple]:
    return conn.execute(
        "SELECT id, tbl, row_id, op, col, old, new FROM change_log WHERE batch_id = ? ORDER BY id",
        (batch_id,),
    ).fetchall()


def batch_changed(conn: sqlite3.Connection, batch_id: int) -> bool:
    """Did the batch change anything? (An edit to the value already stored is not an undo step.)"""
    return conn.execute("SELECT 1 FROM change_log WHERE batch_id = ? LIMIT 1", (batch_id,)).fetchone() is not None
