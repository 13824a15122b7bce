"""Applying received rows to the local file, set-wise where the work is per row.

A sync round brings a few rows, receiving an import brings tens of thousands: what this copy knows
of them (their local ids, the rows they point at, their current values) is read in one query per
table, not a few queries per row; new rows are one INSERT each, and rows that change the same columns
one set-wise UPDATE (store.bulk: the change log gets what its triggers would write). A row SQLite refuses
(a unique key taken meanwhile) is rolled back alone (SQLite undoes the failing statement only) and
kept for the next sync, as is a row whose parent this copy does not have yet.
"""

from __future__ import annotations

import json
import sqlite3

from pmo_desktop.store import bulk
from pmo_desktop.sync import tables as tb

_CHUNK = 30000  # ids per json_each() query
_SETWISE = 50  # rows changing the same columns written set-wise from this many


def _existing(conn: sqlite3.Connection, table: str, ids) -> dict[int, dict]:
    """The current rows of `table` with these ids, by id."""
    ids = sorted(set(ids))
    out: dict[int, dict] = {}
    for start in range(0, len(ids), _CHUNK):
        cur = conn.execute(f"SELECT * FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
                           (json.dumps(ids[start:start + _CHUNK]),))
        names = [d[0] for d in cur.description]
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            out[row["id"]] = row
    return out


def _present(conn: sqlite3.Connection, table: str, ids) -> set[int]:
    ids = sorted(set(ids))
    found: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        found.update(r[0] for r in conn.execute(
            f"SELECT id FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids[start:start + _CHUNK]),)))
    return found


def _delete(conn, tables, gids: tb.GidMap, rows, pending: set, batch_id, authors: list) -> int:
    changed = 0
    for row in rows:
        if not row[3]:
            continue
        found = gids.local(row[0])
        if found is None or found in pending or found[0] not in tables:
            continue
        gone = conn.execute(f"DELETE FROM [{found[0]}] WHERE id = ?", (found[1],)).rowcount
        changed += gone
        if gone and len(row) > 4 and row[4]:
            authors.append((batch_id, found[0], found[1], row[4]))
    return changed


def apply_rows(conn: sqlite3.Connection, tables: dict[str, tb.TableInfo], rows, pending: set,
               batch_id: int | None = None) -> int:
    """Make the local rows equal the received ones (deletes first, then parents before children).

    Rows are (gid, table, data, deleted, changed_by); who changed each row is kept for the History.
    Returns how many rows changed.
    """
    gids = tb.GidMap(conn)
    gids.preload(_gids_in(rows, tables))
    authors: list[tuple] = []
    deferred: set[str] = set()
    changed = _delete(conn, tables, gids, rows, pending, batch_id, authors)

    order = {name: i for i, name in enumerate(tables)}
    live = sorted((r for r in rows if not r[3] and r[1] in tables), key=lambda r: order[r[1]])
    mapped: dict[str, list[int]] = {}
    for gid, tbl, *_rest in live:
        found = gids.local(gid)
        if found is not None and found[0] == tbl:
            mapped.setdefault(tbl, []).append(found[1])
    current = {tbl: _existing(conn, tbl, ids) for tbl, ids in mapped.items()}

    # Where each row goes: its row here, or a new id after the last one.
    next_id: dict[str, int] = {}
    targets = []
    for gid, tbl, data, *rest in live:
        who = rest[1] if len(rest) > 1 else None
        found = gids.local(gid)
        if found is not None and found[0] == tbl and found[1] in current.get(tbl, {}):
            targets.append((gid, tbl, data, found[1], who))
            continue
        if tbl not in next_id:
            next_id[tbl] = conn.execute(f"SELECT coalesce(max(id), 0) FROM [{tbl}]").fetchone()[0]
        next_id[tbl] += 1
        gids.bind(tbl, next_id[tbl], gid)
        targets.append((gid, tbl, data, next_id[tbl], who))

    # Each row's local values; the rows they point at, looked up per table in one query.
    entity_of: dict = {}
    prepared = []
    refs: dict[str, set[int]] = {}
    for gid, tbl, data, row_id, who in targets:
        if (tbl, row_id) in pending:
            continue
        info = tables[tbl]
        try:
            values = tb.from_wire(info, data, gids)
        except tb.Unresolved:
            deferred.add(gid)
            continue
        links = []
        for col in info.fks:
            ref = values.get(col)
            if ref is None:
                continue
            target = info.fks[col] if info.fks[col] != "*" else _entity(conn, entity_of, values.get("field_id"))
            links.append((target or tbl, ref))
            refs.setdefault(target or tbl, set()).add(ref)
        prepared.append((gid, tbl, row_id, who, values, links))
    present = {t: _present(conn, t, ids) for t, ids in refs.items()}

    updates: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
    for gid, tbl, row_id, who, values, links in prepared:
        if any(ref not in present[t] for t, ref in links):
            deferred.add(gid)
            continue
        now = current.get(tbl, {}).get(row_id)
        if now is not None:
            # not changelog._same(old, v), written out: a round compares every column of a few hundred rows
            diff = {c: v for c, v in values.items()
                    if (old := now.get(c)) != v or (type(old) is not type(v)
                                                    and (isinstance(old, float) or isinstance(v, float)))}
            if diff:  # written below, with the other rows changing the same columns
                updates.setdefault((tbl, tuple(diff)), []).append((gid, row_id, who, list(diff.values())))
            continue
        changed += _flush(conn, updates, batch_id, authors, deferred)  # in order: a key freed, then taken
        cols = ["id", *values]
        try:
            conn.execute(f"INSERT INTO [{tbl}] ({', '.join(f'[{c}]' for c in cols)}) "
                         f"VALUES ({', '.join('?' for _ in cols)})", [row_id, *values.values()])
        except sqlite3.IntegrityError:  # SQLite has undone this statement alone
            deferred.add(gid)
            continue
        present.setdefault(tbl, set()).add(row_id)
        changed += 1
        if who:
            authors.append((batch_id, tbl, row_id, who))
    changed += _flush(conn, updates, batch_id, authors, deferred)
    gids.flush()
    if batch_id is not None:
        conn.executemany("INSERT OR REPLACE INTO _sync_authors (batch_id, tbl, row_id, author) VALUES (?, ?, ?, ?)",
                         authors)
    conn.execute("DELETE FROM _sync_deferred")
    conn.executemany("INSERT OR IGNORE INTO _sync_deferred (gid) VALUES (?)", [(g,) for g in deferred])
    return changed


def _flush(conn, updates: dict, batch_id, authors: list, deferred: set) -> int:
    """Write the changed rows gathered so far, those changing the same columns together."""
    changed = 0
    for (tbl, cols), items in updates.items():
        for gid, row_id, who in _update(conn, tbl, cols, items):
            if gid is None:
                changed += 1
                if who:
                    authors.append((batch_id, tbl, row_id, who))
            else:
                deferred.add(gid)
    updates.clear()
    return changed


def _update(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], items: list[tuple]):
    """Write rows that change the same columns: set-wise for them all (store.bulk, logged as the
    triggers log), or if SQLite refuses one of them, one at a time. Yields (None, row_id, who) per row
    written and (gid, row_id, who) per row refused."""
    sql = f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in cols)} WHERE id = ?"
    if len(items) >= _SETWISE:
        conn.execute("SAVEPOINT sync_rows")
        try:
            bulk.update_rows(conn, table, cols, [[*values, row_id] for _gid, row_id, _who, values in items],
                             min_rows=_SETWISE)
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO sync_rows")
            conn.execute("RELEASE sync_rows")
        else:
            conn.execute("RELEASE sync_rows")
            for _gid, row_id, who, _values in items:
                yield None, row_id, who
            return
    for gid, row_id, who, values in items:
        try:
            conn.execute(sql, [*values, row_id])
        except sqlite3.IntegrityError:  # SQLite has undone this statement alone
            yield gid, row_id, who
            continue
        yield None, row_id, who


def _entity(conn, cache: dict, field_id) -> str | None:
    """The table a custom value's entity id points at (by its field), cached for one apply."""
    if field_id not in cache:
        cache[field_id] = tb.ref_table(conn, tb.TableInfo("custom_values", [], {}, {"entity_id": "*"}),
                                       "entity_id", {"field_id": field_id})
    return cache[field_id]


def _gids_in(rows, tables: dict[str, tb.TableInfo]) -> set[str]:
    """Every gid the received rows name: their own and those their foreign keys point at."""
    out: set[str] = set()
    for row in rows:
        out.add(row[0])
        info = tables.get(row[1])
        data = row[2]
        if info is None or not isinstance(data, dict):
            continue
        out.update(data[c] for c in info.fks if isinstance(data.get(c), str))
    return out
