"""Share, clone and sync a portfolio through the server (see server_sql for the other side).

A sync is: build the payload of every local batch not yet sent (kept in the file with its batch
uuid before anything is sent, so a retry after a crash sends the same batch and the server applies it
once), push them in one server transaction, then pull every row changed since the last position (and
every row just pushed, so a change the server kept as a conflict returns to the server's value) and
apply them locally as one batch with source 'sync'. The server merges; a copy only ever takes the
server's values, so after a sync every copy equals the server except for changes made meanwhile.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pmo_desktop.domain.enums import Source
from pmo_desktop.store import changelog, create_portfolio
from pmo_desktop.sync import tables as tb
from pmo_desktop.sync.connection import (
    Offline,
    Refused,
    SyncError,
    connect,
    install,
    kept_connection,
    redact,
    talking,
)
from pmo_desktop.sync.state import (
    RESOLVE_SOURCE,
    SYNC_SOURCE,
    SyncState,
    last_built_batch,
    read_state,
    require_state,
    write_state,
)

CHUNK = 5000
CLONE_CACHE_KIB = -262144  # negative: KiB, as SQLite counts it (256 MB at most, used only as needed)
REPLAYS = {str(Source.UNDO), str(Source.REDO), RESOLVE_SOURCE}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _jsonb(value):
    from psycopg.types.json import Jsonb

    return Jsonb(value)


def _whoami(pg, name: str) -> dict:
    with talking():
        row = pg.execute("SELECT login, role, programmes, head FROM pmo_sync.whoami(%s)", (name,)).fetchone()
    return {"login": row[0], "role": row[1], "programmes": list(row[2] or []), "head": row[3]}


def _meta(tables: dict[str, tb.TableInfo]) -> dict:
    return {"fks": {t: i.fks for t, i in tables.items() if i.fks}, "keys": {t: i.keys for t, i in tables.items() if i.keys}}


# ------------------------------------------------------------------------------------------------
# Share


def share(pf, dsn: str, name: str | None = None) -> dict:
    """Publish `pf` to the database at `dsn` and make it a synced copy.

    Rows stream to the server a chunk at a time, each built as JSON by SQLite (foreign keys as gids,
    looked up by index), so a million-row file is never held in memory.
    """
    if read_state(pf.conn) is not None:
        state = read_state(pf.conn)
        raise SyncError(f"{pf.path.name} is already shared as \"{state.portfolio}\" on {state.server}")
    name = (name or pf.name).strip()
    if not name:
        raise SyncError("a shared portfolio needs a name; pass --name")
    import uuid

    pg = connect(dsn)
    sent = 0
    try:
        install(pg)
        tables = tb.synced_tables(pf.conn)
        with pf.bookkeeping() as conn:
            conn.execute("DELETE FROM _sync_gid")  # left by an earlier share that the server never took
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS _share_programme (gid TEXT PRIMARY KEY, programme TEXT) "
                         "WITHOUT ROWID")
            conn.execute("DELETE FROM temp._share_programme")
            for info in tables.values():
                conn.execute(f"INSERT INTO _sync_gid (tbl, row_id, gid) SELECT ?, id, {_NEW_GID} FROM [{info.name}]",
                             (info.name,))
            with talking(), pg.transaction():
                pg.execute("SELECT pmo_sync.create_shared(%s, %s, %s)", (name, uuid.uuid4(), f"Shared {pf.name}"))
                meta = _jsonb(_meta(tables))
                for info in tables.values():
                    for chunk in _share_chunks(conn, info):
                        sent += pg.execute("SELECT pmo_sync.share_rows(%s, %s::jsonb, %s)",
                                           (name, chunk, meta)).fetchone()[0]
                who = _whoami(pg, name)
            conn.execute("DROP TABLE temp._share_programme")
            write_state(conn, SyncState(redact(dsn), name, who["login"], who["role"], who["head"],
                                        pf.last_batch_id(), _now()))
    finally:
        pg.close()
    return {"portfolio": name, "server": redact(dsn), "rows": sent, "login": who["login"]}


# A version 4 uuid from SQLite's random bytes (evaluated for each row).
_NEW_GID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' "
            "|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' "
            "|| hex(randomblob(6)))")


def _share_chunks(conn: sqlite3.Connection, info: tb.TableInfo, size: int = CHUNK):
    """One table's rows as JSON text chunks for share_rows: [{"gid", "tbl", "data", "programme"}, ...].

    SQLite writes each row's JSON with its foreign keys as gids. A REAL value is written by Python
    instead (SQLite's own float printing is not exact to the last digit, and the server compares
    values): the JSON holds null, and the value follows as a repeated key, which PostgreSQL keeps
    (the last of repeated keys wins in jsonb).
    """
    cols = [c for c in info.columns if c != "id"]

    def ref(col: str) -> str:
        if info.fks[col] == "*":
            target = ("(SELECT CASE f.entity " + " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in tb.ENTITY_TABLES.items())
                      + " END FROM custom_fields f WHERE f.id = t.field_id)")
        else:
            target = f"'{info.fks[col]}'"
        return f"(SELECT m.gid FROM _sync_gid m WHERE m.tbl = {target} AND m.row_id = t.[{col}])"

    may_be_real = [c for c in cols if not any(k in info.types.get(c, "") for k in ("CHAR", "CLOB", "TEXT"))]
    values = {c: ref(c) if c in info.fks else
              f"CASE WHEN typeof(t.[{c}]) = 'real' THEN NULL ELSE t.[{c}] END" if c in may_be_real else f"t.[{c}]"
              for c in cols}
    if info.name == "programmes":
        programme = "g.gid"
    else:
        parents = [f"(SELECT p.programme FROM temp._share_programme p WHERE p.gid = {ref(c)})" for c in info.fks]
        programme = f"coalesce({', '.join(parents)}, NULL)" if parents else "NULL"
    # json_object takes at most 127 arguments: a wide table's row is several objects, joined here.
    pairs = [f"'{c}', {values[c]}" for c in cols]
    objects = [f"json_object({', '.join(pairs[i:i + 50])})" for i in range(0, len(pairs), 50)]
    source = f"FROM [{info.name}] t JOIN _sync_gid g ON g.tbl = '{info.name}' AND g.row_id = t.id"
    conn.execute(f"INSERT INTO temp._share_programme (gid, programme) SELECT g.gid, {programme} {source}")
    reals = "".join(f", CASE WHEN typeof(t.[{c}]) = 'real' THEN t.[{c}] END" for c in may_be_real)
    columns = ", ".join(objects) or "'{}'"
    cur = conn.execute(f"SELECT g.gid, p.programme, {columns}{reals} {source} "
                       f"JOIN temp._share_programme p ON p.gid = g.gid ORDER BY t.id")
    n_objects = max(len(objects), 1)
    while rows := cur.fetchmany(size):
        items = []
        for gid, programme, *rest in rows:
            parts = [o[1:-1] for o in rest[:n_objects] if o != "{}"]
            parts += [f'"{c}":{json.dumps(v)}' for c, v in zip(may_be_real, rest[n_objects:], strict=True)
                      if v is not None]
            items.append(f'{{"gid":"{gid}","tbl":"{info.name}","data":{{{",".join(parts)}}},'
                         f'"programme":{json.dumps(programme)}}}')
        yield "[" + ",".join(items) + "]"


# ------------------------------------------------------------------------------------------------
# Clone


def clone(dsn: str, out: str | Path, portfolio: str | None = None, *, overwrite: bool = False,
          progress: Callable[[int, int], None] | None = None) -> dict:
    """Make a new local copy of a shared portfolio.

    Table by table, parents first, the server streams the live rows in the order they were created
    with each column as text; they go as they are into a staging table of the new file, and one
    INSERT ... SELECT per table fills it, local ids numbered in that order (as the sharer's were) and
    foreign keys translated from gids by an index lookup. A million rows never pass through Python objects one by one, and a clone is the file's
    starting state, not a user's change: nothing of it goes to the change log.
    """
    pg = connect(dsn)
    counted: dict[str, int] = {}
    try:
        if portfolio is None:
            with talking():
                names = [r[0] for r in pg.execute(
                    "SELECT name FROM pmo_sync.my_portfolios()")] if _has_schema(pg) else []
            if len(names) != 1:
                listed = ", ".join(names) if names else "none you are a member of"
                raise SyncError(f"name the portfolio to clone with --portfolio (shared here: {listed})")
            portfolio = names[0]
        found: dict = {}

        def populate(pf):
            conn = pf.conn
            # The gid index takes a million random keys: with the default 2 MB page cache most of that
            # time is spent re-reading pages. This connection builds the new file and is then closed.
            conn.execute(f"PRAGMA cache_size = {CLONE_CACHE_KIB}")
            tables = tb.synced_tables(conn)
            for name in reversed(list(tables)):
                conn.execute(f"DELETE FROM [{name}]")
            conn.execute("DELETE FROM _sync_gid")
            with talking(), pg.transaction():
                pg.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                found.update(_whoami(pg, portfolio))
                total = pg.execute("SELECT pmo_sync.count_rows(%s)", (portfolio,)).fetchone()[0] if progress else 0
                done = 0
                # The server prepares the next chunk while this thread writes the last one.
                for name, batch in _ahead(_server_chunks(pg, portfolio, found["head"], tables)):
                    if batch is None:
                        _finish_table(conn, tables[name], counted)
                        continue
                    _stage(conn, tables[name], batch)
                    done += len(batch)
                    if progress is not None:
                        progress(done, total)
            write_state(conn, SyncState(redact(dsn), portfolio, found["login"], found["role"], found["head"],
                                        pf.last_batch_id(), _now()))

        pf = create_portfolio(out, overwrite=overwrite, populate=populate)
        pf.close()
    finally:
        pg.close()
    return {"portfolio": portfolio, "file": str(out), "rows": sum(counted.values()), "counts": counted,
            "login": found["login"], "role": found["role"]}


def _server_chunks(pg, portfolio: str, head: int, tables: dict[str, tb.TableInfo]):
    """(table, rows) chunks of every table's live rows, then (table, None) when a table is done."""
    with talking():
        for info in tables.values():
            cols = [c for c in info.columns if c != "id"]
            pg.execute("SELECT pmo_sync.open_clone(%s, %s, %s, %s, %s, 'pmo_clone')",
                       (portfolio, head, info.name, cols, _raw_columns(info)))
            while batch := pg.execute("FETCH 20000 FROM pmo_clone").fetchall():
                yield info.name, batch
            pg.execute("CLOSE pmo_clone")
            yield info.name, None


def _raw_columns(info: tb.TableInfo) -> list[str]:
    """Columns with no declared type: they travel as JSON text to keep the value's own type."""
    return [c for c in info.columns if c != "id" and not info.types.get(c)]


def _stage(conn: sqlite3.Connection, info: tb.TableInfo, batch: list[tuple]) -> None:
    width = len(info.columns)  # the gid, then every column but id
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS _clone_rows ({', '.join(f'c{i}' for i in range(width))})")
    conn.executemany(f"INSERT INTO temp._clone_rows VALUES ({', '.join('?' for _ in range(width))})", batch)


def _finish_table(conn: sqlite3.Connection, info: tb.TableInfo, counted: dict[str, int]) -> None:
    """Number the staged rows in their order, map their gids, and fill the table in one statement."""
    cols = [c for c in info.columns if c != "id"]
    _stage(conn, info, [])
    raw = _raw_columns(info)
    conn.execute("INSERT INTO _sync_gid (tbl, row_id, gid) SELECT ?, rowid, c0 FROM temp._clone_rows", (info.name,))
    exprs = []
    for i, col in enumerate(cols, start=1):
        value = f"json_extract(s.c{i}, '$')" if col in raw else f"s.c{i}"
        if col in info.fks:
            value = f"(SELECT m.row_id FROM _sync_gid m WHERE m.gid = s.c{i})"
        if col in info.defaults:
            value = f"coalesce({value}, {info.defaults[col]})"
        exprs.append(value)
    n = conn.execute(
        f"""INSERT INTO [{info.name}] (id{''.join(f', [{c}]' for c in cols)})
            SELECT s.rowid{''.join(f', {e}' for e in exprs)} FROM temp._clone_rows s ORDER BY s.rowid""").rowcount
    conn.execute("DROP TABLE temp._clone_rows")
    if n:
        counted[info.name] = n


def _ahead(items, depth: int = 3):
    """Iterate `items` (a generator) in a thread of its own, up to `depth` items ahead of the caller.

    An error in the thread is raised here; when the caller stops early the thread stops too.
    """
    import queue
    import threading

    box: queue.Queue = queue.Queue(depth)
    stop = threading.Event()
    end = object()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in items:
                if not put(item):
                    break
            else:
                put(end)
        except BaseException as exc:  # handed to the caller, raised there
            put(exc)
        finally:
            items.close()

    worker = threading.Thread(target=run, name="pmo-clone-fetch", daemon=True)
    worker.start()
    try:
        while (item := box.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def _has_schema(pg) -> bool:
    with talking():
        return bool(pg.execute("SELECT to_regprocedure('pmo_sync.my_portfolios()') IS NOT NULL").fetchone()[0])


# ------------------------------------------------------------------------------------------------
# Sync


def sync(pf, *, dsn: str | None = None) -> dict:
    """Send what this copy changed, receive what everyone else did; returns the counts.

    One server call does both (push_and_pull), on a connection kept for the next sync; a kept
    connection the server has dropped meanwhile is replaced once (a push is idempotent, so sending
    again is safe).
    """
    state = require_state(pf)
    target = dsn or state.server
    tables = tb.synced_tables(pf.conn)
    for attempt in (1, 2):
        with kept_connection(target) as (pg, reused):
            build_payloads(pf, tables, state)  # once connected: offline, the file stays as it was
            try:
                return _round(pf, pg, state, tables)
            except Offline:
                if not reused or attempt == 2:
                    raise
    raise AssertionError("unreachable")


def _round(pf, pg, state: SyncState, tables) -> dict:
    unsent = pf.conn.execute("SELECT batch_id, uuid, payload FROM _sync_pushed WHERE sent = 0 ORDER BY batch_id").fetchall()
    batches, pushed_gids = _outgoing(unsent)
    deferred = [r[0] for r in pf.conn.execute("SELECT gid FROM _sync_deferred")]
    extra = sorted(set(pushed_gids) | set(deferred))
    call = ("SELECT pmo_sync.push_and_pull(%s, %s, %s, %s::uuid[])",
            (state.portfolio, _jsonb(batches), state.last_seq, extra))
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


def _upgrade_server(pg) -> None:
    """A server shared by an older version: its owner's login brings the functions up to date."""
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
        meta = _meta(tables)
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
                             (state.portfolio, _jsonb(batches))).fetchone()[0]
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
    writer = pf.batch(SYNC_SOURCE, label) if rows else pf.bookkeeping()
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
                                    state.since_batch, _now()))
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
        found = gids.local(gid)
        if found is None or tbl not in PLAN_TABLES:
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
    return {(t, r) for t, r in conn.execute(
        """SELECT DISTINCT c.tbl, c.row_id FROM change_log c JOIN batches b ON b.id = c.batch_id
           WHERE b.id > ? AND b.source <> ?""", (built, SYNC_SOURCE))}


def _exists(conn, table: str, row_id: int) -> bool:
    return conn.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", (row_id,)).fetchone() is not None


def apply_rows(conn: sqlite3.Connection, tables: dict[str, tb.TableInfo], rows, pending: set,
               batch_id: int | None = None) -> int:
    """Make the local rows equal the received ones (deletes first, then parents before children).

    Rows are (gid, table, data, deleted, changed_by); who changed each row is kept for the History.
    """
    gids = tb.GidMap(conn)
    authors: list[tuple] = []
    order = {name: i for i, name in enumerate(tables)}
    deferred: set[str] = set()
    changed = 0
    for _row in rows:
        gid, deleted = _row[0], _row[3]
        if not deleted:
            continue
        found = gids.local(gid)
        if found is None or found in pending or found[0] not in tables:
            continue
        gone = conn.execute(f"DELETE FROM [{found[0]}] WHERE id = ?", (found[1],)).rowcount
        changed += gone
        if gone and len(_row) > 4 and _row[4]:
            authors.append((batch_id, found[0], found[1], _row[4]))
    live = sorted((r for r in rows if not r[3] and r[1] in tables), key=lambda r: order[r[1]])
    next_id: dict[str, int] = {}
    targets = []
    for gid, tbl, data, *rest in live:
        who = rest[1] if len(rest) > 1 else None
        found = gids.local(gid)
        if found is not None and found[0] == tbl and _exists(conn, tbl, found[1]):
            targets.append((gid, tbl, data, found[1], True, who))
            continue
        if tbl not in next_id:
            next_id[tbl] = conn.execute(f"SELECT coalesce(max(id), 0) FROM [{tbl}]").fetchone()[0]
        next_id[tbl] += 1
        gids.bind(tbl, next_id[tbl], gid)
        targets.append((gid, tbl, data, next_id[tbl], False, who))
    for gid, tbl, data, row_id, exists, who in targets:
        if (tbl, row_id) in pending:
            continue
        info = tables[tbl]
        try:
            values = tb.from_wire(info, data, gids)
            for col in info.fks:
                ref = values.get(col)
                if ref is not None and not _exists(conn, tb.ref_table(conn, info, col, values) or tbl, ref):
                    raise tb.Unresolved(data.get(col))
        except tb.Unresolved:
            deferred.add(gid)
            continue
        conn.execute("SAVEPOINT sync_row")
        try:
            if exists:
                current = conn.execute(f"SELECT * FROM [{tbl}] WHERE id = ?", (row_id,))
                names = [d[0] for d in current.description]
                now = dict(zip(names, current.fetchone(), strict=True))
                diff = {c: v for c, v in values.items() if not changelog._same(now.get(c), v)}
                if diff:
                    sets = ", ".join(f"[{c}] = ?" for c in diff)
                    conn.execute(f"UPDATE [{tbl}] SET {sets} WHERE id = ?", [*diff.values(), row_id])
                    changed += 1
                    if who:
                        authors.append((batch_id, tbl, row_id, who))
            else:
                cols = ["id", *values]
                conn.execute(f"INSERT INTO [{tbl}] ({', '.join(f'[{c}]' for c in cols)}) "
                             f"VALUES ({', '.join('?' for _ in cols)})", [row_id, *values.values()])
                changed += 1
                if who:
                    authors.append((batch_id, tbl, row_id, who))
            conn.execute("RELEASE sync_row")
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO sync_row")
            conn.execute("RELEASE sync_row")
            deferred.add(gid)
    gids.flush()
    if batch_id is not None:
        conn.executemany("INSERT OR REPLACE INTO _sync_authors (batch_id, tbl, row_id, author) VALUES (?, ?, ?, ?)",
                         authors)
    conn.execute("DELETE FROM _sync_deferred")
    conn.executemany("INSERT OR IGNORE INTO _sync_deferred (gid) VALUES (?)", [(g,) for g in deferred])
    return changed


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
