"""Values that break the schema's own rules: what a file edited outside PMO Desktop can hold.

SQLite keeps a text in an INTEGER column, and a file written with CHECK constraints switched off keeps
a probability of 99. Our code trusts the schema, so such a value makes a report or a schedule fail.
`broken_values` finds them (declared types, dates, and every CHECK the tables declare, read from the
file's own CREATE statements), so `pmo check` lists them and a failure they cause is one line naming
the file and the value instead of a crash.
"""

from __future__ import annotations

import re
import sqlite3

from pmo_desktop.store.changelog import user_tables

_DATE_COLUMN = re.compile(r"(^|_)(date|month|period|start|finish)$")
_ISO_DATE = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*"


def _checks(sql: str) -> list[str]:
    """The expressions of every CHECK (...) in a CREATE TABLE statement."""
    out = []
    for match in re.finditer(r"\bCHECK\s*\(", sql, re.IGNORECASE):
        depth, i, quote = 1, match.end(), None
        while i < len(sql) and depth:
            ch = sql[i]
            if quote:
                quote = None if ch == quote else quote
            elif ch in "'\"":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            i += 1
        out.append(sql[match.end():i - 1])
    return out


def broken_values(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """One line per broken value found (at most `limit`): table, row id, column and what is wrong."""
    found: list[str] = [f"setting '{k}' is not valid JSON" for (k,) in conn.execute(
        "SELECT key FROM settings WHERE value IS NOT NULL AND NOT json_valid(value) LIMIT ?", (limit,))]
    for table in user_tables(conn):
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
        conditions = []
        for _cid, col, ctype, *_rest in conn.execute(f"PRAGMA table_info([{table}])"):
            ref, kind = f"[{col}]", (ctype or "").upper()
            if kind == "INTEGER":
                conditions.append((f"typeof({ref}) NOT IN ('integer', 'null')", f"{col} is not a whole number"))
            elif kind == "REAL":
                conditions.append((f"typeof({ref}) NOT IN ('integer', 'real', 'null')", f"{col} is not a number"))
            elif kind == "TEXT" and _DATE_COLUMN.search(col):
                conditions.append((f"{ref} IS NOT NULL AND ({ref} NOT GLOB '{_ISO_DATE}' OR date(substr({ref}, 1, 10)) "
                                   f"IS NOT substr({ref}, 1, 10))", f"{col} is not a date"))
        conditions += [(f"NOT ({expr})", f"breaks the rule CHECK ({' '.join(expr.split())})") for expr in _checks(sql)]
        for condition, what in conditions:
            try:
                rows = conn.execute(f"SELECT id FROM [{table}] WHERE {condition} LIMIT ?", (limit,)).fetchall()
            except sqlite3.Error:
                continue
            found += [f"{table} row {r[0]}: {what}" for r in rows]
            if len(found) >= limit:
                return found[:limit]
    return found
