"""Which tables sync, and how their rows travel: global ids instead of local ids, foreign keys as gids.

Generic over every user table with change-log triggers, so a table added by a later migration syncs
without work here. A row on the wire is its columns minus `id`; each foreign key holds the gid of the
row it points at. `custom_values.entity_id` points at a project or a RAID item depending on its field,
so it is declared here by hand (SQLite cannot say so).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field

from pmo_desktop.store import changelog

# User tables that stay on one laptop (none yet; caches and per-user state belong here).
LOCAL_TABLES: frozenset[str] = frozenset()

# (table, column) -> how to find the table a polymorphic reference points at.
POLYMORPHIC = {("custom_values", "entity_id"): "custom_field_entity"}
_ENTITY_TABLES = {"project": "projects", "raid_item": "raid_items"}


@dataclass
class TableInfo:
    name: str
    columns: list[str]
    types: dict[str, str]
    fks: dict[str, str]  # column -> referenced table ('*' when it depends on the row)
    keys: list[list[str]] = field(default_factory=list)  # unique column sets (human keys)


def synced_tables(conn: sqlite3.Connection) -> dict[str, TableInfo]:
    """Every synced table in an order where a table comes after the tables it refers to."""
    infos: dict[str, TableInfo] = {}
    for table in changelog.user_tables(conn):
        if table in LOCAL_TABLES:
            continue
        cols = conn.execute(f"PRAGMA table_info([{table}])").fetchall()
        fks = {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list([{table}])")}
        for (t, c), _how in POLYMORPHIC.items():
            if t == table:
                fks[c] = "*"
        keys = []
        for idx in conn.execute(f"PRAGMA index_list([{table}])").fetchall():
            if not idx[2] or idx[3] == "pk" or idx[4]:  # not unique, the primary key, or partial
                continue
            info = conn.execute(f"PRAGMA index_info([{idx[1]}])").fetchall()
            if any(r[1] < 0 for r in info):  # an expression index
                continue
            keys.append([r[2] for r in sorted(info)])
        infos[table] = TableInfo(table, [c[1] for c in cols], {c[1]: (c[2] or "").upper() for c in cols}, fks, keys)
    ordered: dict[str, TableInfo] = {}

    def visit(name: str, trail: tuple = ()) -> None:
        if name in ordered or name not in infos or name in trail:
            return
        for ref in infos[name].fks.values():
            if ref != name:
                visit(ref, (*trail, name))
        ordered[name] = infos[name]

    for name in infos:
        visit(name)
    return ordered


def new_gid() -> str:
    return str(uuid.uuid4())


class GidMap:
    """The (table, local id) <-> gid mapping of one file, cached for one sync."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._by_row: dict[tuple[str, int], str] = {}
        self._by_gid: dict[str, tuple[str, int]] = {}
        self._writes: dict[tuple[str, int], str] = {}
        self._fresh: set[tuple[str, int]] = set()
        for tbl, row_id, gid in conn.execute("SELECT tbl, row_id, gid FROM _sync_gid"):
            self._by_row[(tbl, row_id)] = gid
            self._by_gid[gid] = (tbl, row_id)

    def gid(self, table: str, row_id: int) -> str | None:
        return self._by_row.get((table, row_id))

    def ensure(self, table: str, row_id: int) -> str:
        gid = self._by_row.get((table, row_id))
        if gid is None:
            gid = self.bind(table, row_id, new_gid())
            self._fresh.add((table, row_id))
        return gid

    def is_fresh(self, table: str, row_id: int) -> bool:
        """The gid was made in this session for a reference, before the row's own insert was seen."""
        return (table, row_id) in self._fresh

    def bind(self, table: str, row_id: int, gid: str) -> str:
        old = self._by_gid.pop(gid, None)
        if old is not None:
            self._by_row.pop(old, None)
            self._writes.pop(old, None)
        stale = self._by_row.get((table, row_id))
        if stale is not None:
            self._by_gid.pop(stale, None)
        self._by_row[(table, row_id)] = gid
        self._by_gid[gid] = (table, row_id)
        self._fresh.discard((table, row_id))
        self._writes[(table, row_id)] = gid
        return gid

    def flush(self) -> None:
        """Write the new mappings (inside the caller's transaction)."""
        if not self._writes:
            return
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS _sync_gid_new (tbl TEXT, row_id INTEGER, gid TEXT)")
        self.conn.execute("DELETE FROM temp._sync_gid_new")
        self.conn.executemany("INSERT INTO temp._sync_gid_new VALUES (?, ?, ?)",
                              [(t, r, g) for (t, r), g in self._writes.items()])
        self.conn.execute("DELETE FROM _sync_gid WHERE gid IN (SELECT gid FROM temp._sync_gid_new)")
        self.conn.execute("INSERT OR REPLACE INTO _sync_gid (tbl, row_id, gid) SELECT tbl, row_id, gid FROM temp._sync_gid_new")
        self.conn.execute("DELETE FROM temp._sync_gid_new")
        self._writes.clear()

    def local(self, gid: str) -> tuple[str, int] | None:
        return self._by_gid.get(gid)


def _entity_table(conn: sqlite3.Connection, row: dict) -> str | None:
    found = conn.execute("SELECT entity FROM custom_fields WHERE id = ?", (row.get("field_id"),)).fetchone()
    return _ENTITY_TABLES.get(found[0]) if found else None


def ref_table(conn: sqlite3.Connection, info: TableInfo, col: str, row: dict) -> str | None:
    target = info.fks[col]
    return _entity_table(conn, row) if target == "*" else target


def to_wire(conn: sqlite3.Connection, info: TableInfo, row: dict, gids: GidMap) -> dict:
    """A local row (a dict with local ids) as it travels: no `id`, foreign keys as gids."""
    out = {}
    for col, value in row.items():
        if col == "id":
            continue
        if col in info.fks and value is not None:
            target = ref_table(conn, info, col, row)
            value = gids.ensure(target, value) if target else None
        out[col] = value
    return out


def fk_to_wire(conn, info: TableInfo, col: str, value, row_id: int, gids: GidMap):
    """One column's value on the wire (a foreign key as a gid)."""
    if col not in info.fks or value is None:
        return value
    row = {"field_id": conn.execute(f"SELECT field_id FROM [{info.name}] WHERE id = ?", (row_id,)).fetchone()[0]} \
        if info.fks[col] == "*" else {}
    target = ref_table(conn, info, col, row)
    return gids.ensure(target, value) if target else None


class Unresolved(Exception):
    """A received row points at a row this copy does not have (yet)."""


def from_wire(info: TableInfo, data: dict, gids: GidMap) -> dict:
    """A received row as local column values (foreign keys as local ids), known columns only."""
    out = {}
    for col in info.columns:
        if col == "id" or col not in data:
            continue
        value = data[col]
        if col in info.fks and value is not None:
            found = gids.local(value)
            if found is None:
                raise Unresolved(value)
            value = found[1]
        out[col] = value
    return out
