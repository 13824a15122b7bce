"""Which tables sync, and how their rows travel: global ids instead of local ids, foreign keys as gids.

Generic over every user table with change-log triggers, so a table added by a later migration syncs
without work here. A row on the wire is its columns minus `id`; each foreign key holds the gid of the
row it points at. `custom_values.entity_id` points at a project or a RAID item depending on its field,
so it is declared here by hand (SQLite cannot say so).
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from dataclasses import dataclass, field

from pmo_desktop.store import changelog

# User tables that stay on one laptop (none yet; caches and per-user state belong here).
LOCAL_TABLES: frozenset[str] = frozenset()

# (table, column) -> how to find the table a polymorphic reference points at.
POLYMORPHIC = {("custom_values", "entity_id"): "custom_field_entity"}
ENTITY_TABLES = {"project": "projects", "raid_item": "raid_items"}


@dataclass
class TableInfo:
    name: str
    columns: list[str]
    types: dict[str, str]
    fks: dict[str, str]  # column -> referenced table ('*' when it depends on the row)
    keys: list[list] = field(default_factory=list)  # unique column sets (human keys); see _expression_key
    defaults: dict[str, str] = field(default_factory=dict)  # NOT NULL columns' default expressions


# The last answer of synced_tables, by the schema text it was read from. A sync round asks for every
# table's columns, keys and references, about thirty PRAGMA reads (1.5 ms); the window's automatic
# sync asks the same file again and again, and the answer depends on nothing but the tables and
# indexes as sqlite_master holds them (reading that text back takes a thirtieth of the time).
_SCHEMA = ("SELECT group_concat(type || ' ' || rowid || ' ' || name || ' ' || coalesce(sql, ''), char(10)) "
           "FROM sqlite_master WHERE type IN ('table', 'index')")
_last: tuple[str, dict[str, TableInfo]] | None = None


def synced_tables(conn: sqlite3.Connection) -> dict[str, TableInfo]:
    """Every synced table in an order where a table comes after the tables it refers to (read-only:
    the same answer is given again while the file's tables and indexes stay as they are)."""
    global _last
    schema = conn.execute(_SCHEMA).fetchone()[0] or ""
    if _last is not None and _last[0] == schema:
        return _last[1]
    ordered = _read_tables(conn)
    _last = (schema, ordered)
    return ordered


def _read_tables(conn: sqlite3.Connection) -> dict[str, TableInfo]:
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
            if any(r[1] < 0 for r in info):  # an expression index: coalesce(column, constant) is understood
                key = _expression_key(conn, idx[1])
                if key is not None:
                    keys.append(key)
                continue
            keys.append([r[2] for r in sorted(info)])
        defaults = {c[1]: c[4] for c in cols if c[3] and c[4] is not None}
        infos[table] = TableInfo(table, [c[1] for c in cols], {c[1]: (c[2] or "").upper() for c in cols}, fks, keys,
                                 defaults)
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


_COALESCE = re.compile(r"^coalesce\(\s*\[?(\w+)\]?\s*,\s*(-?\d+(?:\.\d+)?|'(?:[^']|'')*')\s*\)$", re.IGNORECASE)
_PLAIN = re.compile(r"^\[?(\w+)\]?$")


def _expression_key(conn: sqlite3.Connection, index: str) -> list | None:
    """A unique index over columns and coalesce(column, constant) as a key: a column's name, or
    [name, constant] for a column whose null counts as the constant. None for any other expression."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (index,)).fetchone()
    if not sql or not sql[0]:
        return None
    text = " ".join(sql[0].split())
    start = text.find("(", text.upper().find(" ON "))
    if start < 0 or not text.endswith(")"):
        return None
    parts, depth, current = [], 0, ""
    for ch in text[start + 1:-1]:
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        depth += (ch == "(") - (ch == ")")
        current += ch
    parts.append(current.strip())
    key: list = []
    for part in parts:
        if found := _PLAIN.match(part):
            key.append(found[1])
        elif found := _COALESCE.match(part):
            literal = found[2]
            value = literal[1:-1].replace("''", "'") if literal.startswith("'") else json.loads(literal)
            key.append([found[1], value])
        else:
            return None
    return key


def key_columns(key: list) -> list[str]:
    """The column names of a key (see _expression_key)."""
    return [part if isinstance(part, str) else part[0] for part in key]


def new_gid() -> str:
    return str(uuid.uuid4())


class GidMap:
    """The (table, local id) <-> gid mapping of one file, read on demand (a big file maps millions of
    rows) and cached for one operation. New mappings are written by `flush()` in the caller's
    transaction."""

    def __init__(self, conn: sqlite3.Connection, *, empty: bool = False):
        self.conn = conn
        self.empty = empty  # the file maps nothing yet (sharing or cloning): never ask it
        self._by_row: dict[tuple[str, int], str | None] = {}
        self._by_gid: dict[str, tuple[str, int] | None] = {}
        self._writes: dict[tuple[str, int], str] = {}
        self._fresh: set[tuple[str, int]] = set()

    def gid(self, table: str, row_id: int) -> str | None:
        key = (table, row_id)
        if key not in self._by_row:
            if self.empty:
                return None
            found = self.conn.execute("SELECT gid FROM _sync_gid WHERE tbl = ? AND row_id = ?", key).fetchone()
            self._by_row[key] = found[0] if found else None
            if found:
                self._by_gid.setdefault(found[0], key)
        return self._by_row[key]

    def ensure(self, table: str, row_id: int) -> str:
        gid = self.gid(table, row_id)
        if gid is None:
            gid = self.bind(table, row_id, new_gid())
            self._fresh.add((table, row_id))
        return gid

    def is_fresh(self, table: str, row_id: int) -> bool:
        """The gid was made in this session for a reference, before the row's own insert was seen."""
        return (table, row_id) in self._fresh

    def bind(self, table: str, row_id: int, gid: str) -> str:
        key = (table, row_id)
        if not self.empty:
            old = self.local(gid)
            if old is not None and old != key:
                self._by_row[old] = None
                self._writes.pop(old, None)
            stale = self.gid(table, row_id)
            if stale is not None and stale != gid:
                self._by_gid[stale] = None
        self._by_row[key] = gid
        self._by_gid[gid] = key
        self._fresh.discard(key)
        self._writes[key] = gid
        return gid

    def local(self, gid: str) -> tuple[str, int] | None:
        if gid not in self._by_gid:
            if self.empty:
                return None
            found = self.conn.execute("SELECT tbl, row_id FROM _sync_gid WHERE gid = ?", (gid,)).fetchone()
            self._by_gid[gid] = (found[0], found[1]) if found else None
            if found:
                self._by_row.setdefault((found[0], found[1]), gid)
        return self._by_gid[gid]

    def preload(self, gids) -> None:
        """Read the mappings of many gids in a few queries (the rows a sync received and the rows they
        point at), so `local()` then asks the file nothing."""
        if self.empty:
            return
        wanted = sorted({g for g in gids if g not in self._by_gid})
        for start in range(0, len(wanted), 30000):
            chunk = wanted[start:start + 30000]
            self._by_gid.update(dict.fromkeys(chunk))
            for gid, tbl, row_id in self.conn.execute(
                    "SELECT gid, tbl, row_id FROM _sync_gid WHERE gid IN (SELECT value FROM json_each(?))",
                    (json.dumps(chunk),)):
                self._by_gid[gid] = (tbl, row_id)
                self._by_row.setdefault((tbl, row_id), gid)

    def flush(self) -> None:
        """Write the new mappings (inside the caller's transaction)."""
        if not self._writes:
            return
        rows = [(t, r, g) for (t, r), g in self._writes.items()]
        if not self.empty:
            self.conn.executemany("DELETE FROM _sync_gid WHERE gid = ?", [(g,) for _t, _r, g in rows])
        self.conn.executemany("INSERT OR REPLACE INTO _sync_gid (tbl, row_id, gid) VALUES (?, ?, ?)", rows)
        self._writes.clear()


def _entity_table(conn: sqlite3.Connection, row: dict) -> str | None:
    found = conn.execute("SELECT entity FROM custom_fields WHERE id = ?", (row.get("field_id"),)).fetchone()
    return ENTITY_TABLES.get(found[0]) if found else None


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
