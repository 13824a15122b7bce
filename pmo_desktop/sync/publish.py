"""Publishing a portfolio to the server (`share`) and making a new local copy from it (`clone`).

Both move every row at once, so neither goes row by row through Python: a share has SQLite write
each row's JSON and streams it a chunk at a time; a clone streams each table's rows as text columns
into a staging table the new file fills itself from (see engine for the sync that follows).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pmo_desktop.store import create_portfolio
from pmo_desktop.sync import tables as tb
from pmo_desktop.sync.connection import SyncError, connect, install, redact, talking
from pmo_desktop.sync.state import SyncState, read_state, write_state

CHUNK = 5000
CLONE_CACHE_KIB = -262144  # negative: KiB, as SQLite counts it (256 MB at most, used only as needed)


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_jsonb(value):
    from psycopg.types.json import Jsonb

    return Jsonb(value)


def whoami(pg, name: str) -> dict:
    with talking():
        row = pg.execute("SELECT login, role, programmes, head FROM pmo_sync.whoami(%s)", (name,)).fetchone()
    return {"login": row[0], "role": row[1], "programmes": list(row[2] or []), "head": row[3]}


def wire_meta(tables: dict[str, tb.TableInfo]) -> dict:
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
                meta = as_jsonb(wire_meta(tables))
                for info in tables.values():
                    for chunk in _share_chunks(conn, info):
                        sent += pg.execute("SELECT pmo_sync.share_rows(%s, %s::jsonb, %s)",
                                           (name, chunk, meta)).fetchone()[0]
                who = whoami(pg, name)
            conn.execute("DROP TABLE temp._share_programme")
            write_state(conn, SyncState(redact(dsn), name, who["login"], who["role"], who["head"],
                                        pf.last_batch_id(), now_utc()))
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
                found.update(whoami(pg, portfolio))
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
                                        pf.last_batch_id(), now_utc()))

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
