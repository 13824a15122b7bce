"""A portfolio file may come from anywhere: check its schema objects before we run anything in it.

A trigger runs with every write, so a trigger planted in a file would run during an import; a view can
hide a query behind a name. What this version creates is known: the change-log triggers follow from
the file's own tables (changelog.log_triggers) and any other trigger or view comes from a registered
migration. The reference for those is the migrations themselves, applied to an in-memory database at
run time, so an area's new migration is known without a list to keep.

- unknown triggers and views: the file is refused, whether opened for writing or only read;
- missing or altered change-log triggers: reinstalled when the file is opened for writing, reported by
  `pmo check` when it is only read;
- a newer format (user_version above what this version writes) is refused, like unknown migrations.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from pmo_desktop.store import changelog, schema

_SPACE = re.compile(r"\s+")


def _norm(sql: str | None) -> str:
    return _SPACE.sub(" ", sql or "").strip()


def format_version() -> int:
    """The user_version this version writes: the number of migrations it knows."""
    return len(schema.MIGRATION_NAMES)


@lru_cache(maxsize=8)
def _reference(applied: tuple[str, ...]) -> frozenset[tuple[str, str, str]]:
    """(type, name, normalised SQL) of the triggers and views the given migrations create."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        schema.apply_migrations(conn, only=applied)
        return frozenset((t, n, _norm(sql)) for t, n, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"))
    finally:
        conn.close()


def inspect(conn: sqlite3.Connection, applied: list[str]) -> tuple[list[str], list[str]]:
    """(unknown objects as "trigger 'x'", change-log triggers missing or altered) of an open file."""
    expected = {name: _norm(sql) for name, sql in changelog.log_triggers(conn).items()}
    present = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall()
    others = [(t, n, _norm(sql)) for t, n, sql in present if not (t == "trigger" and expected.get(n) == _norm(sql))]
    unknown = []
    if others:
        reference = _reference(tuple(applied))
        unknown = [f"{t} '{n}'" for t, n, sql in others
                   if (t, n, sql) not in reference and not (t == "trigger" and n in expected)]
    have = {n: _norm(sql) for t, n, sql in present if t == "trigger"}
    missing = sorted(n for n, sql in expected.items() if have.get(n) != sql)
    return unknown, missing

