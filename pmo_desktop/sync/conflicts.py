"""Open conflicts as this copy last received them, and resolving one as an ordinary local batch.

Resolving writes the chosen value in a batch with source 'resolve' (undoable, in the change log) and
marks the conflict with that batch; the next sync sends the batch and closes the conflict on the
server. Until then the server's value stands.
"""

from __future__ import annotations

import json

from pmo_desktop.sync import tables as tb
from pmo_desktop.sync.connection import SyncError
from pmo_desktop.sync.state import RESOLVE_SOURCE, require_state

_COLS = ("id", "gid", "tbl", "col", "kind", "base", "mine", "theirs", "theirs_gid", "row_image",
         "mine_by", "mine_at", "theirs_by", "theirs_at")
_NAME_COLUMNS = ("code", "ref", "key", "name", "title")


def _load(value):
    return None if value is None else json.loads(value)


def labels(pf) -> dict[str, tuple[str, dict[str, str]]]:
    """How an analyst names each synced table's records and columns, in English (the window shows them
    translated): the noun and column headings of the register that shows the table (a register that
    shows part of a table, like milestones of tasks, lends its headings but not its noun or its key's
    heading); a table no register shows gets its name in words ('budget_lines' -> 'Budget line')."""
    from pmo_desktop.capacity.registers import TIME_OFF, people_register
    from pmo_desktop.registers.definitions import REGISTERS

    out: dict[str, tuple[str, dict[str, str]]] = {}
    for reg in [*REGISTERS.values(), people_register(pf), TIME_OFF]:
        noun, headings = out.get(reg.table, (None, {}))
        if noun is None and not reg.where:
            noun = reg.noun[:1].upper() + reg.noun[1:]
        for col in reg.columns:
            if col.editable and not (reg.where and col.key == reg.key_column):
                headings.setdefault(col.field or col.key, col.header)
        out[reg.table] = (noun, headings)
    return out


_ACRONYMS = {"id": "ID", "wbs": "WBS", "fte": "FTE", "rag": "RAG"}


def _words(name: str) -> str:
    if name in _ACRONYMS:
        return _ACRONYMS[name]
    text = (name[:-3] if name.endswith("_id") else name).replace("_", " ")
    return text[:1].upper() + text[1:]


def _noun(table: str, known: dict) -> str:
    noun = known.get(table, (None, {}))[0]
    if noun:
        return noun
    single = table[:-3] + "y" if table.endswith("ies") else table[:-1] if table.endswith("s") else table
    return _words(single)


def field_label(table: str, col: str | None, known: dict) -> str | None:
    """A column as the register headings name it ('project_id' of the RAID log is 'Project')."""
    if not col:
        return None
    return known.get(table, (None, {}))[1].get(col) or _words(col)


def _record_key(pf, c: dict) -> str:
    """How a person names the record: its code, ref, key, name or title (else a short id)."""
    gids = tb.GidMap(pf.conn)
    found = gids.local(c["gid"])
    row = None
    if found is not None and found[0] == c["tbl"]:
        cur = pf.conn.execute(f"SELECT * FROM [{c['tbl']}] WHERE id = ?", (found[1],))
        values = cur.fetchone()
        if values is not None:
            row = dict(zip([d[0] for d in cur.description], values, strict=True))
    if row is None:
        image = c["row_image"] if isinstance(c["row_image"], dict) else None
        row = image or (c["mine"] if isinstance(c["mine"], dict) else None) or {}
    for col in _NAME_COLUMNS:
        if row.get(col):
            return str(row[col])
    return c["gid"][:8]


def _human_key(pf, gids: tb.GidMap, gid) -> str:
    """The record a foreign key's gid points at, as a person names it (a project's code...)."""
    found = gids.local(gid) if isinstance(gid, str) else None
    if found is None:
        return "(a record not in this copy)"
    cur = pf.conn.execute(f"SELECT * FROM [{found[0]}] WHERE id = ?", (found[1],))
    values = cur.fetchone()
    if values is None:
        return "(a record not in this copy)"
    row = dict(zip([d[0] for d in cur.description], values, strict=True))
    return next((str(row[c]) for c in _NAME_COLUMNS if row.get(c)), f"{found[0]} {found[1]}")


def open_conflicts(pf) -> list[dict]:
    """Open conflicts; `record` names the record as the registers do ("RAID item R-012": `register`
    and `key`), `field` the column by its heading ("Project", not project_id); `shown` holds original,
    mine and theirs as a person reads them (a foreign key as the code or name of the record it points
    at, never a global id)."""
    require_state(pf)
    rows = pf.conn.execute(
        f"SELECT {', '.join(_COLS)} FROM _sync_conflicts WHERE resolved_batch IS NULL ORDER BY id").fetchall()
    tables = tb.synced_tables(pf.conn) if rows else {}
    known = labels(pf) if rows else {}
    gids = tb.GidMap(pf.conn)
    out = []
    for values in rows:
        c = dict(zip(_COLS, values, strict=True))
        for key in ("base", "mine", "theirs", "row_image"):
            c[key] = _load(c[key])
        c["register"], c["key"] = _noun(c["tbl"], known), _record_key(pf, c)
        c["record"] = f"{c['register']} {c['key']}"
        c["field"] = field_label(c["tbl"], c["col"], known)
        info = tables.get(c["tbl"])
        is_fk = info is not None and c["col"] in info.fks
        c["shown"] = {key: _human_key(pf, gids, c[key]) if is_fk and c[key] is not None and not isinstance(c[key], dict)
                      else c[key] for key in ("base", "mine", "theirs")}
        out.append(c)
    return out


def _parse(text: str, declared: str):
    if "INT" in declared:
        try:
            return int(text)
        except ValueError:
            raise SyncError(f"'{text}' is not a whole number") from None
    if any(t in declared for t in ("REAL", "FLOA", "DOUB")):
        try:
            return float(text)
        except ValueError:
            raise SyncError(f"'{text}' is not a number") from None
    return text


def _local_value(info: tb.TableInfo, col: str, value, gids: tb.GidMap):
    if col in info.fks and value is not None:
        found = gids.local(value)
        if found is None:
            raise SyncError(f"the record {col} points at is not in this copy")
        return found[1]
    return value


def resolve(pf, conflict_id: int, keep: str) -> dict:
    """Resolve conflict `conflict_id`: keep 'mine', 'theirs', or any other text as the value to keep."""
    require_state(pf)
    found = pf.conn.execute(
        f"SELECT {', '.join(_COLS)} FROM _sync_conflicts WHERE id = ? AND resolved_batch IS NULL",
        (conflict_id,)).fetchone()
    if found is None:
        raise SyncError(f"there is no open conflict {conflict_id}; 'pmo conflicts' lists them")
    c = dict(zip(_COLS, found, strict=True))
    for key in ("base", "mine", "theirs", "row_image"):
        c[key] = _load(c[key])
    tables = tb.synced_tables(pf.conn)
    info = tables.get(c["tbl"])
    if info is None:
        raise SyncError(f"this version of PMO Desktop does not know the table {c['tbl']}")
    choice = keep if keep in ("mine", "theirs") else "value"
    if c["kind"] == "refused" and choice != "theirs":
        raise SyncError("the server refused this change (outside your programmes or role); "
                        "only --keep theirs can close it")
    label = f"Resolve conflict {conflict_id}: keep {keep if choice != 'value' else repr(keep)}"
    with pf.batch(RESOLVE_SOURCE, label) as batch_id:
        conn = pf.conn
        gids = tb.GidMap(conn)
        _apply_choice(conn, info, gids, c, choice, keep)
        if c["kind"] == "duplicate" and not c["col"] and choice != "theirs":
            # The records created under mine were refused with it: they follow it to where it lives now.
            _adopt_children(conn, tables, gids, c["gid"], c["theirs_gid"] if choice == "mine" else c["gid"], batch_id)
        gids.flush()
        conn.execute("UPDATE _sync_conflicts SET resolved_batch = ? WHERE id = ?", (batch_id, conflict_id))
    return {"conflict": conflict_id, "kept": keep, "batch": batch_id}


def _adopt_children(conn, tables: dict[str, tb.TableInfo], gids: tb.GidMap, old_parent: str, new_parent: str,
                    batch_id: int) -> None:
    """Bring back the rows refused because their parent `old_parent` was not on the server, under
    `new_parent`, and their own refused children with them; their conflicts close with this batch."""
    waiting = conn.execute(
        """SELECT id, gid, tbl, col, mine FROM _sync_conflicts
           WHERE resolved_batch IS NULL AND kind = 'deleted' AND theirs_gid = ? AND row_image IS NULL""",
        (old_parent,)).fetchall()
    for conflict_id, gid, table, col, mine in waiting:
        data, info = _load(mine), tables.get(table)
        if not isinstance(data, dict) or info is None or not col:
            continue
        data[col] = new_parent
        if not _exists(conn, table, _row_id(gids, gid, table)):
            _insert(conn, info, gids, gid, data)
        conn.execute("UPDATE _sync_conflicts SET resolved_batch = ? WHERE id = ?", (batch_id, conflict_id))
        _adopt_children(conn, tables, gids, gid, gid, batch_id)


def _row_id(gids: tb.GidMap, gid: str | None, table: str) -> int | None:
    found = gids.local(gid) if gid else None
    return found[1] if found is not None and found[0] == table else None


def _exists(conn, table: str, row_id: int | None) -> bool:
    return row_id is not None and conn.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", (row_id,)).fetchone() is not None


def _set(conn, table: str, row_id: int, values: dict) -> None:
    if values:
        sets = ", ".join(f"[{k}] = ?" for k in values)
        conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*values.values(), row_id])


def _insert(conn, info: tb.TableInfo, gids: tb.GidMap, gid: str, data: dict) -> None:
    try:
        values = tb.from_wire(info, data, gids)
    except tb.Unresolved:
        raise SyncError("the record it belongs to was deleted, so it cannot be kept; resolve that first") from None
    row_id = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM [{info.name}]").fetchone()[0]
    cols = ["id", *values]
    conn.execute(f"INSERT INTO [{info.name}] ({', '.join(f'[{x}]' for x in cols)}) VALUES "
                 f"({', '.join('?' for _ in cols)})", [row_id, *values.values()])
    gids.bind(info.name, row_id, gid)


def _apply_choice(conn, info: tb.TableInfo, gids: tb.GidMap, c: dict, choice: str, text: str) -> None:
    table, col, kind = info.name, c["col"], c["kind"]
    row_id = _row_id(gids, c["gid"], table)
    here = _exists(conn, table, row_id)
    if kind == "refused" or (choice == "theirs" and kind != "field"):
        return  # the server's state is what this copy has after the sync
    if kind == "field" or (kind == "duplicate" and col):
        if not here:
            raise SyncError("the record is no longer in this copy; sync first")
        if choice == "value":
            value = _parse(text, info.types.get(col, ""))
        else:
            value = _local_value(info, col, c["mine"] if choice == "mine" else c["theirs"], gids)
        _set(conn, table, row_id, {col: value})
        return
    if kind == "deleted":
        if c["mine"] is None:  # deleted here, changed there
            if choice == "value":
                raise SyncError("this record was deleted here and changed there: keep mine (delete) or theirs")
            if here:
                conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (row_id,))
            return
        if col and isinstance(c["row_image"], dict):  # changed here, deleted there: bring it back
            data = dict(c["row_image"])
            data[col] = c["mine"] if choice == "mine" else _parse(text, info.types.get(col, ""))
            if here:
                _set(conn, table, row_id, tb.from_wire(info, {col: data[col]}, gids))
            else:
                _insert(conn, info, gids, c["gid"], data)
            return
        raise SyncError("the record it belongs to was deleted, so it cannot be kept; keep theirs")
    if kind == "duplicate":  # both created the same key: mine replaces theirs, or mine under a new key
        data = dict(c["mine"])
        if choice == "mine":
            target = _row_id(gids, c["theirs_gid"], table)
            if not _exists(conn, table, target):
                raise SyncError("their record is no longer in this copy; sync first")
            values = {k: v for k, v in tb.from_wire(info, data, gids).items() if k not in ("created_at",)}
            _set(conn, table, target, values)
            return
        theirs = c["theirs"] or {}
        clash = next((tb.key_columns(k) for k in info.keys
                      if all(data.get(x) == theirs.get(x) for x in tb.key_columns(k))), None)
        if clash is None or len(clash) != 1:
            raise SyncError("this record's key has several parts; keep mine or theirs")
        data[clash[0]] = text
        _insert(conn, info, gids, c["gid"], data)
        return
    raise SyncError(f"conflicts of kind '{kind}' cannot be resolved by this version")
