"""Local bookkeeping for team sync (issue 13). Every table starts with `_`, so it is never logged,
never undone and never synced itself.

- `_sync_state`: the one shared-server link: connection string without any password, portfolio name,
  the login last seen, the last server position received and the local batch the file was shared or
  cloned at (older batches are never sent).
- `_sync_gid`: the global id of each synced row (table, local id) <-> gid. Local ids may differ between
  copies; gids never do.
- `_sync_pushed`: local batches given a batch uuid and their payload, written before sending so a retry
  after a crash sends the very same batch again (the server applies a batch id once); `sent` once
  the server has it.
- `_sync_conflicts`: the server's open conflicts as last received, and which local batch resolved one.
- `_sync_authors`: who made each received change (the server's authenticated login), per local
  batch and row, so the History shows it.
- `_sync_deferred`: received rows that could not be applied yet (a local change not yet sent holds
  the same key); asked for again at the next sync.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmo_desktop.store.schema import migration

if TYPE_CHECKING:
    from sqlite_utils import Database


@migration("0009_sync_state")
def sync_state(db: Database) -> None:
    for statement in (
        """CREATE TABLE _sync_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            server TEXT NOT NULL,
            portfolio TEXT NOT NULL,
            login TEXT,
            role TEXT,
            last_seq INTEGER NOT NULL DEFAULT 0,
            since_batch INTEGER NOT NULL DEFAULT 0,
            last_sync_at TEXT)""",
        """CREATE TABLE _sync_gid (
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            gid TEXT NOT NULL UNIQUE,
            PRIMARY KEY (tbl, row_id)) WITHOUT ROWID""",
        """CREATE TABLE _sync_pushed (
            batch_id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            payload TEXT NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE _sync_conflicts (
            id INTEGER PRIMARY KEY,
            gid TEXT NOT NULL,
            tbl TEXT NOT NULL,
            col TEXT,
            kind TEXT NOT NULL,
            base TEXT,
            mine TEXT,
            theirs TEXT,
            theirs_gid TEXT,
            row_image TEXT,
            mine_by TEXT,
            mine_at TEXT,
            theirs_by TEXT,
            theirs_at TEXT,
            resolved_batch INTEGER)""",
        "CREATE TABLE _sync_deferred (gid TEXT PRIMARY KEY) WITHOUT ROWID",
        """CREATE TABLE _sync_authors (
            batch_id INTEGER NOT NULL,
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            author TEXT NOT NULL,
            PRIMARY KEY (batch_id, tbl, row_id)) WITHOUT ROWID""",
    ):
        db.execute(statement)
