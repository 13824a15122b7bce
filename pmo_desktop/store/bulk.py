"""Writing many rows at once, with the change log kept exactly as its triggers keep it.

The triggers of changelog.py run a small program for every row (on an update, one statement per
column), which at tens of thousands of rows costs more than the write itself. Here a large write
runs with the log's triggers suspended for that one statement, and the very rows they would have
written go into the change log in one set-wise INSERT ... SELECT under the same batch id: the same
tables, row ids, operations, columns and old/new values, in the same order, computed by the same SQL
expressions. Undo, redo, the History tab and sync read the log and cannot tell the difference; only
`change_log.at` (and an `updated_at` the caller passes) is one instant for the whole write instead of
one per row.

Both functions run inside the caller's batch (`with pf.batch(...)`), are all-or-nothing (a savepoint:
a row that breaks a rule leaves neither rows nor log behind), and fall back to the triggers for
writes too small to gain or that they cannot mirror exactly (explicit ids given twice, a table
without log triggers).
"""

from __future__ import annotations

import gc
import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pmo_desktop.store.changelog import _row_json, table_columns, text_columns

# Fewer rows than this are written through the triggers: a temporary table costs more than it saves.
MIN_ROWS = 200
_MAX_ROWID = 2**63 - 1
_BATCH = "(SELECT batch_id FROM _state WHERE id = 1)"
_RUN = 100  # rows per INSERT statement of a set-wise insert
_MAX_PARAMS = 999  # bound values per statement that every SQLite build allows (older builds' limit)
_NOW = "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_names = itertools.count(1)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off for one large step (an import, a portfolio reschedule). Such a step
    keeps about a million small objects alive (cells, records, schedule results) and makes no cycles;
    the collector would walk them all again and again as they pile up (a fifth to a third of the step).
    Reference counting still frees everything as before. Where the collector is already off (the window
    collects on its own thread, gui/shell/collector.py) nothing changes; it is back as it was after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def now(conn: sqlite3.Connection) -> str:
    """The `updated_at` text for a write made now (what the registers' own writes store)."""
    return conn.execute(_NOW).fetchone()[0]


def _name(text: str) -> str:
    if not text or not text.replace("_", "").isalnum():
        raise ValueError(f"not a column or table name: {text!r}")
    return text


def _logging(conn: sqlite3.Connection, table: str) -> bool:
    """Would the triggers log a write to `table` now?"""
    on = conn.execute("SELECT logging FROM _state WHERE id = 1").fetchone()
    if not on or not on[0]:
        return False
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                        (f"_log_{table}_insert",)).fetchone() is not None


class _Suspended:
    """A savepoint with the log's triggers off inside it (as they were after it); on any error
    everything done in it is undone.

    `logging = 0` stops a trigger from writing, but SQLite still starts it for every row to find that
    out (a third of a large insert). So the one trigger the statement would fire is also taken out for
    the length of the savepoint and put back from its own stored text: DDL is transactional, so a
    failure or a killed process leaves it in place, and the file's schema ends byte for byte as it was.
    When it cannot be taken out (a statement of the caller's is still reading), `logging = 0` alone
    does the job."""

    def __init__(self, conn: sqlite3.Connection, trigger: str | None = None):
        self.conn = conn
        self.name = f"pmo_bulk_{next(_names)}"
        self.was = 1
        self.trigger = trigger
        self.sql: str | None = None

    def __enter__(self):
        self.conn.execute(f"SAVEPOINT {self.name}")
        self.was = self.conn.execute("SELECT logging FROM _state WHERE id = 1").fetchone()[0]
        self.conn.execute("UPDATE _state SET logging = 0 WHERE id = 1")
        if self.trigger is not None:
            row = self.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                    (self.trigger,)).fetchone()
            if row is not None:
                try:
                    self.conn.execute(f"DROP TRIGGER [{self.trigger}]")
                    self.sql = row[0]
                except sqlite3.OperationalError:
                    self.sql = None
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            if self.sql is not None:
                self.conn.execute(self.sql)
            self.conn.execute("UPDATE _state SET logging = ? WHERE id = 1", (self.was,))
            self.conn.execute(f"RELEASE {self.name}")
        elif self.conn.in_transaction:
            self.conn.execute(f"ROLLBACK TO {self.name}")
            self.conn.execute(f"RELEASE {self.name}")


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """INSERT every row (values in `columns` order) into `table`; returns how many. Logged as the
    insert trigger logs each row: one 'insert' with the whole stored row as JSON, in row order."""
    table, columns = _name(table), [_name(c) for c in columns]
    rows = rows if isinstance(rows, list) else list(rows)
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    if len(rows) < MIN_ROWS or not _logging(conn, table):
        conn.executemany(sql, rows)
        return len(rows)
    explicit = columns.index("id") if "id" in columns else None
    if explicit is not None:
        ids = [r[explicit] for r in rows]
        if any(i.__class__ is not int for i in ids) or len(set(ids)) != len(ids):
            conn.executemany(sql, rows)  # let the triggers log ids left to SQLite or given twice
            return len(rows)
    last = conn.execute(f"SELECT max(id) FROM [{table}]").fetchone()[0] or 0
    if last >= _MAX_ROWID:
        conn.executemany(sql, rows)  # SQLite then picks free ids at random: the triggers know them
        return len(rows)
    image = _row_json("t", table_columns(conn, table), never_real=text_columns(conn, table))
    at = now(conn)  # the statement's one instant, given once rather than formatted for every entry
    with _Suspended(conn, f"_log_{table}_insert"):
        _insert_in_runs(conn, table, columns, rows)
        if explicit is None:
            # New ids are above every id before (INTEGER PRIMARY KEY), so in the order they were given.
            conn.execute(f"""INSERT INTO change_log (batch_id, at, tbl, row_id, op, new)
                             SELECT {_BATCH}, ?, '{table}', t.id, 'insert', {image}
                             FROM [{table}] t WHERE t.id > ? ORDER BY t.id""", (at, last))
        else:
            with _Keys(conn, [(i,) for i in ids], ["id"], None) as keys:
                conn.execute(f"""INSERT INTO change_log (batch_id, at, tbl, row_id, op, new)
                                 SELECT {_BATCH}, ?, '{table}', t.id, 'insert', {image}
                                 FROM {keys.name} k JOIN [{table}] t ON t.id = k.id ORDER BY k.seq""", (at,))
    return len(rows)


def _insert_in_runs(conn: sqlite3.Connection, table: str, columns: list[str], rows: list) -> None:
    """The rows as INSERTs of a run of rows each (`VALUES (...), (...), ...`): the same rows in the same
    order as one INSERT per row, all or none, with a statement started and bound per run instead of per
    row (a third of the insert's time). A row of the wrong length goes to executemany, which says so."""
    one = f"({', '.join('?' for _ in columns)})"
    head = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES "
    if set(map(len, rows)) != {len(columns)}:
        conn.executemany(head + one, rows)
        return
    run = max(1, min(_RUN, _MAX_PARAMS // len(columns)))
    whole = len(rows) - len(rows) % run
    flat = itertools.chain.from_iterable
    if whole:
        conn.executemany(head + ", ".join([one] * run), (list(flat(rows[i:i + run])) for i in range(0, whole, run)))
    if whole < len(rows):
        conn.execute(head + ", ".join([one] * (len(rows) - whole)), list(flat(rows[whole:])))


class _Keys:
    """A temporary table (seq, id, the given columns with the target's declared types) for a bulk write."""

    def __init__(self, conn: sqlite3.Connection, rows: list, columns: list[str], types: dict[str, str] | None):
        self.conn, self.rows, self.columns, self.types = conn, rows, columns, types or {}
        self.name = f"temp.pmo_bulk_{next(_names)}"

    def __enter__(self):
        cols = ", ".join(f"[{c}] {self.types.get(c, '')}".rstrip() for c in self.columns)
        self.conn.execute(f"CREATE TABLE {self.name} (seq INTEGER PRIMARY KEY, {cols})")
        self.conn.executemany(f"INSERT INTO {self.name} ({', '.join(f'[{c}]' for c in self.columns)}) "
                              f"VALUES ({', '.join('?' for _ in self.columns)})", self.rows)
        return self

    def __exit__(self, *exc) -> None:
        if self.conn.in_transaction:
            self.conn.execute(f"DROP TABLE IF EXISTS {self.name}")


def update_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                *, min_rows: int | None = None) -> int:
    """UPDATE `table` SET columns = values WHERE id = the row's last value, for every row (the
    parameters of `UPDATE t SET a = ?, b = ? WHERE id = ?`); returns how many rows were given. Logged
    as the update trigger logs each row: one 'update' per column whose value changes, old and new
    value, rows in the order given and columns in the table's order. One UPDATE ... FROM a temporary
    table replaces a statement per row. Fewer rows than `min_rows` (default MIN_ROWS) go through the
    triggers: the set-wise write costs about a millisecond however few rows it writes, the triggers
    about 30 microseconds a row of a wide table (a sync round's few hundred received rows gain)."""
    table, columns = _name(table), [_name(c) for c in columns]
    if "id" in columns:
        raise ValueError("row ids never change")
    rows = rows if isinstance(rows, list) else list(rows)
    sql = f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?"
    if len(rows) < (MIN_ROWS if min_rows is None else min_rows) or not columns:
        conn.executemany(sql, rows)
        return len(rows)
    width = len(columns)
    if len({r[width] for r in rows}) != len(rows):
        conn.executemany(sql, rows)  # a row updated twice: the triggers see the second over the first
        return len(rows)
    declared = {r[1]: r[2] for r in conn.execute(f"PRAGMA table_info([{table}])")}
    order = {c: i for i, c in enumerate(declared)}
    missing = [c for c in columns if c not in order]
    if missing:
        raise sqlite3.OperationalError(f"no such column: {missing[0]}")
    logged = _logging(conn, table)
    with _Suspended(conn, f"_log_{table}_update"), _Keys(conn, rows, [*columns, "id"], declared) as keys:
        if logged:
            _log_updates(conn, table, keys.name, sorted(columns, key=order.__getitem__))
        conn.execute(f"""UPDATE [{table}] SET {', '.join(f'[{c}] = k.[{c}]' for c in columns)}
                         FROM {keys.name} k WHERE [{table}].id = k.id""")
    return len(rows)


def _log_updates(conn: sqlite3.Connection, table: str, keys: str, columns: list[str]) -> None:
    """Log what the trigger's `OLD.[c] IS NOT NEW.[c]` finds, per row and column, before the UPDATE:
    the table's column on the left (its collation), the same declared type on both sides (its affinity).

    The rows (in the order given) are crossed with a small table of the columns (in the table's
    order), so the log comes out in the loops' own order and 700,000 entries need no sort; `at` is
    the write's one instant, given once rather than computed for every entry."""
    cols = f"temp.pmo_bulk_{next(_names)}"
    conn.execute(f"CREATE TABLE {cols} (pos INTEGER PRIMARY KEY, col TEXT)")
    try:
        conn.executemany(f"INSERT INTO {cols} VALUES (?, ?)", list(enumerate(columns)))
        pick = " ".join(f"WHEN {i} THEN {{0}}.[{c}]" for i, c in enumerate(columns))
        differs = " ".join(f"WHEN {i} THEN t.[{c}] IS NOT k.[{c}]" for i, c in enumerate(columns))
        conn.execute(f"""INSERT INTO change_log (batch_id, at, tbl, row_id, op, col, old, new)
                         SELECT {_BATCH}, ?, '{table}', t.id, 'update', c.col,
                                CASE c.pos {pick.format('t')} END, CASE c.pos {pick.format('k')} END
                         FROM {keys} k JOIN [{table}] t ON t.id = k.id CROSS JOIN {cols} c
                         WHERE CASE c.pos {differs} END ORDER BY k.seq, c.pos""", (now(conn),))
    finally:
        if conn.in_transaction:
            conn.execute(f"DROP TABLE IF EXISTS {cols}")
