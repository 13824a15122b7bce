"""The portfolio's money and risks as they stood at a past cut-off, for the trends page.

The change log (store/changelog.py) records the old value of every edit, so the state at a cut-off is
today's state with every later edit undone: `Rewind` copies the tables the trends read (programmes,
projects, budget_lines, raid_items) into an in-memory database and walks the log backwards from today,
applying each change's inverse with the undo machinery's own `apply_inverse`, period by period, newest
first. The finance service and the risk count then read the copy exactly as they read the file.

What is undone: edits (a budget's planned or forecast figure, an approved budget, a risk's probability,
impact, status or closed date) and deletions made after the cut-off. What is kept:
- rows added after the cut-off: they carry their own dates (a budget line its month, a risk its raised
  and closed dates), which already place them in time; an actual keyed in after the month closed is what
  the period's pack reported;
- an actual filled in after the cut-off where there was none (the month's actual arriving late),
  for the same reason.
A file whose log has nothing after the earliest cut-off is read directly, without a copy.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress

from pmo_desktop.store import changelog
from pmo_desktop.store.errors import UndoConflict

TABLES = ("programmes", "projects", "budget_lines", "raid_items")


class Rewind:
    """Connections to the portfolio as it stood at successive (descending) cut-offs."""

    def __init__(self, conn: sqlite3.Connection, earliest: str):
        marks = ",".join("?" * len(TABLES))
        self._pending = conn.execute(
            f"""SELECT id, tbl, row_id, op, col, old, new, substr(at, 1, 10) FROM change_log
                WHERE tbl IN ({marks}) AND op <> 'insert' AND substr(at, 1, 10) > ?
                AND NOT (tbl = 'budget_lines' AND op = 'update' AND col = 'actual' AND old IS NULL)
                ORDER BY id DESC""", (*TABLES, earliest)).fetchall()
        self._live = conn
        self._copy: sqlite3.Connection | None = None
        if self._pending:
            self._copy = _copy_tables(conn)

    @property
    def replays(self) -> bool:
        """True when some edit after the earliest cut-off has to be undone."""
        return bool(self._pending)

    def at(self, cutoff: str) -> sqlite3.Connection:
        """The state at the end of `cutoff` (ISO date); call with cut-offs from newest to oldest."""
        if self._copy is None:
            return self._live
        while self._pending and self._pending[0][7] > cutoff:
            change = self._pending.pop(0)[:7]
            with suppress(UndoConflict):  # a row written while logging was off: keep what the copy holds
                changelog.apply_inverse(self._copy, [change], "trends")
        return self._copy

    def close(self) -> None:
        if self._copy is not None:
            self._copy.close()


def _copy_tables(conn: sqlite3.Connection) -> sqlite3.Connection:
    mem = sqlite3.connect(":memory:", isolation_level=None)
    for table in TABLES:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
        mem.execute(sql)
        cur = conn.execute(f"SELECT * FROM [{table}]")
        marks = ",".join("?" * len(cur.description))
        mem.executemany(f"INSERT INTO [{table}] VALUES ({marks})", cur)
    mem.execute("CREATE INDEX budget_by_project ON budget_lines(project_id)")
    return mem
