"""Named mappings kept in the portfolio (table import_mappings), so next month's file maps the same way."""

from __future__ import annotations

import json

from pmo_desktop.domain.enums import Source
from pmo_desktop.importing.errors import ImportRefused


def save_mapping(pf, name: str, saved: dict, *, source: Source | str = Source.IMPORT) -> None:
    name = name.strip()
    if not name:
        raise ImportRefused("a saved mapping needs a name")
    with pf.batch(source, f"Save import mapping '{name}'"):
        pf.conn.execute(
            """INSERT INTO import_mappings (name, kind, mapping) VALUES (?, ?, ?)
               ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
               WHERE import_mappings.mapping IS NOT excluded.mapping""",
            (name, saved["kind"], json.dumps(saved, ensure_ascii=False, sort_keys=True)),
        )


def load_mapping(pf, name: str) -> dict:
    row = pf.conn.execute("SELECT mapping FROM import_mappings WHERE name = ?", (name,)).fetchone()
    if row is None:
        names = list_mappings(pf)
        known = f" (saved mappings: {', '.join(names)})" if names else " (none are saved yet)"
        raise ImportRefused(f"there is no saved mapping '{name}'{known}")
    return json.loads(row[0])


def list_mappings(pf) -> list[str]:
    return [r[0] for r in pf.conn.execute("SELECT name FROM import_mappings ORDER BY name")]
