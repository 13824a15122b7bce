"""Plain row writes that every service shares: insert, update, delete, each inside a batch.

Values are already validated domain values (see pmo_desktop.domain); this layer only writes them,
keeps `updated_at` true, and makes each call one undo step unless the caller already opened a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pmo_desktop.domain.enums import Source
from pmo_desktop.store.portfolio import Portfolio

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _check_identifier(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a column or table name: {name!r}")
    return name


def insert_row(pf: Portfolio, table: str, values: Mapping[str, Any], *, source: Source | str = Source.UI,
               label: str | None = None) -> int:
    cols = [_check_identifier(c) for c in values]
    with pf.batch(source, label or f"Add {table[:-1].replace('_', ' ')}", defer_foreign_keys=False):
        cur = pf.conn.execute(
            f"INSERT INTO [{_check_identifier(table)}] ({', '.join(f'[{c}]' for c in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})",
            list(values.values()),
        )
        return cur.lastrowid


def update_row(pf: Portfolio, table: str, row_id: int, values: Mapping[str, Any], *,
               source: Source | str = Source.UI, label: str | None = None) -> bool:
    """Set columns of one row; returns False when nothing changed (and then writes nothing)."""
    if not values:
        return False
    cols = [_check_identifier(c) for c in values]
    changed = " OR ".join(f"[{c}] IS NOT ?" for c in cols)
    with pf.batch(source, label or f"Edit {table[:-1].replace('_', ' ')}", defer_foreign_keys=False):
        cur = pf.conn.execute(
            f"UPDATE [{_check_identifier(table)}] SET {', '.join(f'[{c}] = ?' for c in cols)}, "
            f"updated_at = {_NOW} WHERE id = ? AND ({changed})",
            [*values.values(), row_id, *values.values()],
        )
        return cur.rowcount > 0


def delete_rows(pf: Portfolio, table: str, row_ids: Iterable[int], *, source: Source | str = Source.UI,
                label: str | None = None) -> int:
    ids = list(row_ids)
    with pf.batch(source, label or f"Delete {len(ids)} {table.replace('_', ' ')}",
                  defer_foreign_keys=False):
        return sum(
            pf.conn.execute(f"DELETE FROM [{_check_identifier(table)}] WHERE id = ?", (i,)).rowcount for i in ids
        )


def fetch_row(pf: Portfolio, table: str, row_id: int) -> dict[str, Any] | None:
    cur = pf.conn.execute(f"SELECT * FROM [{_check_identifier(table)}] WHERE id = ?", (row_id,))
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))
