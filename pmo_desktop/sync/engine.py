"""Sync a shared portfolio through the server (see server_sql for the other side; publish for share
and clone, re-exported here).

A sync is: build the payload of every local batch not yet sent (kept in the file with its batch
uuid before anything is sent, so a retry after a crash sends the same batch and the server applies it
once), then one server call (push_and_pull) that pushes them in one server transaction and returns
every row changed since the last position (and every row just pushed, so a change the server kept as
a conflict returns to the server's value), applied locally as one batch with source 'sync'. The
server merges; a copy only ever takes the server's values, so after a sync every copy equals the
server except for changes made meanwhile.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from pmo_desktop.domain.enums import Source
from pmo_desktop.store import changelog
from pmo_desktop.sync import server_sql
from pmo_desktop.sync import tables as tb
from pmo_desktop.sync.connection import (
    Busy,
    Offline,
    Refused,
    SyncError,
    install,
    installed_version,
    kept_connection,
    talking,
)
from pmo_desktop.sync.publish import as_jsonb, clone, now_utc, share, wire_meta
from pmo_desktop.sync.receive import apply_rows
from pmo_desktop.sync.state import (
    RESOLVE_SOURCE,
    SYNC_SOURCE,
    SyncState,
    last_built_batch,
    read_state,
    require_state,
    write_state,
)

REPLAYS = {str(Source.UNDO), str(Source.REDO), RESOLVE_SOURCE}


# ------------------------------------------------------------------------------------------------
# Sync


def sync(pf, *, dsn: str | None = None) -> dict:
    """Send what this copy changed, receive what everyone else did; returns the counts.

    One server call does both (push_and_pull), on a connection kept for the next sync; a kept
    connection the server has dropped meanwhile is replaced once, and a call the server rolled back
    because another analyst's push deadlocked with it is sent again, up to twice (a push is idempotent,
    so sending again is safe).
    """
    state = require_state(pf)
    target = dsn or state.server
    tables = tb.synced_tables(pf.conn)
    for attempt in (1, 2, 3):
        if attempt > 1:
            state = require_state(pf)  # a failed attempt may have received before it failed
        with kept_connection(target) as (pg, reused):
            if not reused:
                _bring_up_to_date(pg)
            build_payloads(pf, tables, state)  # once connected: offline, the file stays as it was
            try:
                return _round(pf, pg, state, tables)
            except Busy:  # the server rolled the call back (a deadlock with another push): send again
                if attempt == 3:
                    raise
            except Offline:
                if not reused or attempt > 1:
                    raise
    raise AssertionError("unreachable")


def _round(pf, pg, state: SyncState, tables) -> dict:
    unsent = pf.conn.execute("SELECT batch_id, uuid, payload FROM _sync_pushed WHERE sent = 0 ORDER BY batch_id").fetchall()
    batches, pushed_gids = _outgoing(unsent)
    deferred = [r[0] for r in pf.conn.execute("SELECT gid FROM _sync_deferred")]
    extra = sorted(set(pushed_gids) | set(deferred))
    call = ("SELECT pmo_sync.push_and_pull(%s, %s, %s, %s::uuid[])",
            (state.portfolio, as_jsonb(batches), state.last_seq, extra))
    with talking():
        try:
            got = pg.execute(*call).fetchone()[0]
        except _undefined_function():
            _upgrade_server(pg)
            got = pg.execute(*call).fetchone()[0]
    conflicts = {c["id"] for r in got["results"] if not r.get("repeat") for c in r["conflicts"]}
    received, applied, plans = _apply_pull(pf, state, tables, got, [r[0] for r in unsent])
    sent = len(unsent)
    if plans and recompute(pf, plans):
        # Worked-out dates go out at once, marked as derived: never a conflict, never overwriting.
        build_payloads(pf, tables, read_state(pf.conn))
        more, _gids, _c = _push(pf, pg, read_state(pf.conn))
        sent += more
    return {"sent": sent, "received": received, "rows_updated": applied, "new_conflicts": len(conflicts),
            "login": got["login"], "role": got["role"], "position": read_state(pf.conn).last_seq}


def _bring_up_to_date(pg) -> None:
    """A server shared by an older version is brought up to date by the first login allowed to (its
    owner's) that connects; for anyone else the older functions go on serving, and one this version
    needs but the server lacks is one line (_upgrade_server)."""
    try:
        if installed_version(pg) < server_sql.SCHEMA_VERSION:
            install(pg)
    except Offline:
        raise
    except SyncError:
        pass


def _upgrade_server(pg) -> None:
    """A server without a function this version calls: only its owner's login can add it."""
    try:
        install(pg)
    except SyncError:
        raise SyncError("the server's sync functions are older than this version of PMO Desktop; the login "
                        "that shared the portfolio updates them by syncing once with this version") from None


def _undefined_function():
    import psycopg

    return psycopg.errors.UndefinedFunction


def _outgoing(unsent) -> tuple[list[dict], list[str]]:
    gids: list[str] = []
    batches = []
    for _batch_id, bid, text in unsent:
        payload = json.loads(text)
        batches.append({"id": bid, **payload})
        gids.extend(c["gid"] for c in payload["changes"])
    return batches, gids


def build_payloads(pf, tables: dict[str, tb.TableInfo], state: SyncState) -> None:
    """Give every new local batch its uuid and payload, kept in the file before anything is sent."""
    import uuid

    with pf.bookkeeping() as conn:
        batches = conn.execute(
            "SELECT id, source, label FROM batches WHERE id > ? AND source <> ? ORDER BY id",
            (last_built_batch(conn, state), SYNC_SOURCE),
        ).fetchall()
        if not batches:
            return
        gids = tb.GidMap(conn)
        meta = wire_meta(tables)
        for batch_id, source, label in batches:
            items = _batch_items(conn, tables, gids, batch_id, source)
            resolves = [r[0] for r in conn.execute(
                "SELECT id FROM _sync_conflicts WHERE resolved_batch = ?", (batch_id,))]
            payload = {
                "label": label or "", "source": source, "changes": items,
                "meta": {**meta, "derived": (label or "").startswith("Reschedule"), "resolves": resolves},
            }
            conn.execute(
                "INSERT INTO _sync_pushed (batch_id, uuid, payload, sent) VALUES (?, ?, ?, ?)",
                (batch_id, str(uuid.uuid4()), json.dumps(payload), 0 if items or resolves else 1),
            )
        gids.flush()


def _batch_items(conn, tables, gids: tb.GidMap, batch_id: int, source: str) -> list[dict]:
    items = []
    for _id, tbl, row_id, op, col, old, new in changelog.batch_changes(conn, batch_id):
        info = tables.get(tbl)
        if info is None:
            continue
        if op == "insert":
            if source in REPLAYS or gids.is_fresh(tbl, row_id):
                gid = gids.ensure(tbl, row_id)
            else:  # a new row, even if it took the id of one deleted before
                gid = gids.bind(tbl, row_id, tb.new_gid())
            items.append({"op": "insert", "tbl": tbl, "gid": gid,
                          "row": tb.to_wire(conn, info, json.loads(new), gids)})
        elif op == "update":
            items.append({"op": "update", "tbl": tbl, "gid": gids.ensure(tbl, row_id), "col": col,
                          "old": tb.fk_to_wire(conn, info, col, old, row_id, gids),
                          "new": tb.fk_to_wire(conn, info, col, new, row_id, gids)})
        else:
            items.append({"op": "delete", "tbl": tbl, "gid": gids.ensure(tbl, row_id),
                          "old": tb.to_wire(conn, info, json.loads(old), gids)})
    return items


def _push(pf, pg, state: SyncState) -> tuple[int, list[str], int]:
    unsent = pf.conn.execute("SELECT batch_id, uuid, payload FROM _sync_pushed WHERE sent = 0 ORDER BY batch_id").fetchall()
    if not unsent:
        return 0, [], 0
    conflicts: set[int] = set()
    batches, gids = _outgoing(unsent)
    with talking():
        results = pg.execute("SELECT pmo_sync.push_batches(%s, %s)",
                             (state.portfolio, as_jsonb(batches))).fetchone()[0]
    for result in results:
        if not result.get("repeat"):
            conflicts.update(c["id"] for c in result["conflicts"])
    with pf.bookkeeping() as conn:
        conn.executemany("UPDATE _sync_pushed SET sent = 1 WHERE batch_id = ?", [(r[0],) for r in unsent])
    return len(unsent), gids, len(conflicts)


def _apply_pull(pf, state: SyncState, tables, got: dict, sent: list[int]) -> tuple[int, int, set[str]]:
    """Mark the batches just sent and apply what came back, in one local transaction."""
    rows, head = got["rows"], got["head"]
    mine = {r[0] for r in pf.conn.execute("SELECT uuid FROM _sync_pushed")}
    theirs = [b for b in got["batches"] if b[0] not in mine]
    authors = sorted({b[2] for b in theirs})
    label = (f"Received {len(theirs)} change{'s' if len(theirs) != 1 else ''} from {', '.join(authors)}"
             if theirs else "Server values after sending")
    applied = 0
    plans: set[str] = set()
    # received rows may name rows received later in the same round: keys are checked at COMMIT
    writer = pf.batch(SYNC_SOURCE, label, defer_foreign_keys=True) if rows else pf.bookkeeping()
    with writer as batch_or_conn:
        conn = pf.conn
        conn.executemany("UPDATE _sync_pushed SET sent = 1 WHERE batch_id = ?", [(b,) for b in sent])
        if rows:
            applied = apply_rows(conn, tables, rows, pending_rows(conn, state), batch_id=batch_or_conn)
            if applied and theirs:
                plans = _touched_plans(conn, rows, tb.GidMap(conn))
            if not conn.execute("SELECT 1 FROM change_log WHERE batch_id = ? LIMIT 1", (batch_or_conn,)).fetchone():
                conn.execute("DELETE FROM batches WHERE id = ?", (batch_or_conn,))
        _store_conflicts(conn, got["conflicts"])
        write_state(conn, SyncState(state.server, state.portfolio, state.login, state.role, head,
                                    state.since_batch, now_utc()))
    return len(theirs), applied, plans


PLAN_TABLES = ("tasks", "dependencies", "calendars", "calendar_exceptions")


def recompute(pf, plans: set[str]) -> int:
    """Reschedule the plans a received change touched (the scheduler's own batch, sent as derived)."""
    from pmo_desktop.scheduling.service import reschedule
    from pmo_desktop.store import PortfolioError

    codes = sorted(plans)
    if "*" in plans:
        codes = [None]
    changed = 0
    for code in codes:
        try:
            changed += reschedule(pf, code, source=Source.CLI).changed
        except PortfolioError:  # a loop or a bad calendar in a plan: the plan keeps its dates
            continue
    return changed


def _touched_plans(conn, rows, gids: tb.GidMap) -> set[str]:
    """Codes of projects with a plan whose tasks, links or calendars were received ('*' = all)."""
    plans: set[str] = set()
    for gid, tbl, _data, _deleted, *_ in rows:
        if tbl in ("calendars", "calendar_exceptions"):
            return {"*"}
        if tbl not in PLAN_TABLES:
            continue
        found = gids.local(gid)
        if found is None:
            continue
        if tbl == "tasks":
            sql = "SELECT p.code FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.id = ?"
        else:
            sql = """SELECT p.code FROM dependencies d JOIN tasks t ON t.id = d.successor_id
                     JOIN projects p ON p.id = t.project_id WHERE d.id = ?"""
        plans.update(r[0] for r in conn.execute(sql, (found[1],)))
    return plans


def pending_rows(conn, state: SyncState) -> set[tuple[str, int]]:
    """Rows changed locally since the payloads were built: the server has not seen them, keep them."""
    built = last_built_batch(conn, state)
    # CROSS JOIN: from the few new batches to their changes (SQLite would rather scan the whole log)
    return {(t, r) for t, r in conn.execute(
        """SELECT DISTINCT c.tbl, c.row_id FROM batches b CROSS JOIN change_log c ON c.batch_id = b.id
           WHERE b.id > ? AND b.source <> ?""", (built, SYNC_SOURCE))}


_CONFLICT_COLS = ("id", "gid", "tbl", "col", "kind", "base", "mine", "theirs", "theirs_gid", "row_image",
                  "mine_by", "mine_at", "theirs_by", "theirs_at")


def _store_conflicts(conn, conflicts) -> None:
    conn.execute("""DELETE FROM _sync_conflicts WHERE resolved_batch IS NULL
                    OR resolved_batch IN (SELECT batch_id FROM _sync_pushed WHERE sent = 1)""")
    rows = []
    for c in conflicts:
        values = dict(zip(_CONFLICT_COLS, c, strict=True))
        for key in ("base", "mine", "theirs", "row_image"):
            values[key] = None if values[key] is None else json.dumps(values[key])
        for key in ("gid", "theirs_gid"):
            values[key] = None if values[key] is None else str(values[key])
        for key in ("mine_at", "theirs_at"):
            at = values[key]
            if isinstance(at, str):
                at = datetime.fromisoformat(at)
            values[key] = None if at is None else at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append(values)
    conn.executemany(
        f"INSERT OR IGNORE INTO _sync_conflicts ({', '.join(_CONFLICT_COLS)}) "
        f"VALUES ({', '.join(':' + c for c in _CONFLICT_COLS)})", rows)


__all__ = ["Refused", "SyncError", "build_payloads", "clone", "share", "sync"]
