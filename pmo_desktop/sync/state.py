"""The local sync state of a shared file: server link, position, pending batches, open conflicts."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pmo_desktop.sync.connection import SyncError

SYNC_SOURCE = "sync"  # batches received from the server: never sent back, never on the undo stack
RESOLVE_SOURCE = "resolve"  # a conflict resolved here: an ordinary undoable batch that is sent


@dataclass
class SyncState:
    server: str
    portfolio: str
    login: str | None
    role: str | None
    last_seq: int
    since_batch: int
    last_sync_at: str | None


def read_state(conn: sqlite3.Connection) -> SyncState | None:
    try:
        row = conn.execute(
            "SELECT server, portfolio, login, role, last_seq, since_batch, last_sync_at FROM _sync_state WHERE id = 1"
        ).fetchone()
    except sqlite3.OperationalError:  # a file from before sync existed, opened read-only
        return None
    return SyncState(*row) if row else None


def require_state(pf) -> SyncState:
    state = read_state(pf.conn)
    if state is None:
        raise SyncError(f"{pf.path.name} is not shared; use 'pmo share' to publish it or 'pmo clone' to get a copy")
    return state


def write_state(conn: sqlite3.Connection, state: SyncState) -> None:
    conn.execute(
        """INSERT OR REPLACE INTO _sync_state (id, server, portfolio, login, role, last_seq, since_batch, last_sync_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?)""",
        (state.server, state.portfolio, state.login, state.role, state.last_seq, state.since_batch,
         state.last_sync_at),
    )


def last_built_batch(conn: sqlite3.Connection, state: SyncState) -> int:
    built = conn.execute("SELECT max(batch_id) FROM _sync_pushed").fetchone()[0]
    return max(built or 0, state.since_batch)


def pending_batches(conn: sqlite3.Connection, state: SyncState) -> list[int]:
    """Local batches with changes that the server does not have yet, oldest first."""
    unsent = [r[0] for r in conn.execute("SELECT batch_id FROM _sync_pushed WHERE sent = 0 ORDER BY batch_id")]
    newer = [r[0] for r in conn.execute(
        """SELECT b.id FROM batches b WHERE b.id > ? AND b.source <> ?
             AND (EXISTS (SELECT 1 FROM change_log c WHERE c.batch_id = b.id)
                  OR EXISTS (SELECT 1 FROM _sync_conflicts k WHERE k.resolved_batch = b.id))
           ORDER BY b.id""",
        (last_built_batch(conn, state), SYNC_SOURCE))]
    return unsent + newer


def status(pf) -> dict:
    """What the status bar and `pmo sync --status` show."""
    state = read_state(pf.conn)
    if state is None:
        return {"shared": False}
    conflicts = pf.conn.execute("SELECT count(*) FROM _sync_conflicts WHERE resolved_batch IS NULL").fetchone()[0]
    return {
        "shared": True,
        "server": state.server,
        "portfolio": state.portfolio,
        "login": state.login,
        "role": state.role,
        "position": state.last_seq,
        "to_send": len(pending_batches(pf.conn, state)),
        "conflicts": conflicts,
        "last_sync_at": state.last_sync_at,
    }
