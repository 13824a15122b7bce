"""User-defined fields on projects and RAID items (tables custom_fields / custom_values)."""

from __future__ import annotations

import json
from typing import Any

from pmo_desktop.domain.enums import Source
from pmo_desktop.store.errors import PortfolioError
from pmo_desktop.store.portfolio import Portfolio

ENTITIES = {"project": "projects", "raid_item": "raid_items"}
FIELD_TYPES = ("text", "number", "date", "choice")


def list_fields(pf: Portfolio, entity: str) -> list[dict[str, Any]]:
    rows = pf.conn.execute(
        "SELECT id, entity, name, field_type, choices FROM custom_fields WHERE entity = ? ORDER BY sort_order, id",
        (entity,),
    ).fetchall()
    return [
        {"id": r[0], "entity": r[1], "name": r[2], "field_type": r[3], "choices": json.loads(r[4] or "[]")}
        for r in rows
    ]


def add_field(pf: Portfolio, entity: str, name: str, field_type: str, choices: list[str] | None = None,
              *, source: Source | str = Source.UI) -> int:
    """Add a field; one undo step. Raises PortfolioError with a one-line reason when refused."""
    name = (name or "").strip()
    if entity not in ENTITIES:
        raise PortfolioError(f"custom fields exist for {', '.join(ENTITIES)}, not {entity!r}")
    if not name:
        raise PortfolioError("a custom field needs a name")
    if field_type not in FIELD_TYPES:
        raise PortfolioError(f"a custom field is one of {', '.join(FIELD_TYPES)}, not {field_type!r}")
    clean = [c.strip() for c in (choices or []) if c.strip()]
    if field_type == "choice" and not clean:
        raise PortfolioError("a choice field needs at least one choice")
    if len(set(c.lower() for c in clean)) != len(clean):
        raise PortfolioError("the choices of a field must differ")
    exists = pf.conn.execute(
        "SELECT 1 FROM custom_fields WHERE entity = ? AND name = ? COLLATE NOCASE", (entity, name)
    ).fetchone()
    if exists:
        raise PortfolioError(f"there is already a field called {name!r}")
    with pf.batch(source, f"Add field {name}"):
        order = pf.conn.execute(
            "SELECT coalesce(max(sort_order), 0) + 1 FROM custom_fields WHERE entity = ?", (entity,)
        ).fetchone()[0]
        return pf.conn.execute(
            "INSERT INTO custom_fields (entity, name, field_type, choices, sort_order) VALUES (?, ?, ?, ?, ?)",
            (entity, name, field_type, json.dumps(clean) if field_type == "choice" else None, order),
        ).lastrowid


def set_value(pf: Portfolio, field_id: int, entity_id: int, value: Any, *,
              source: Source | str = Source.UI, label: str | None = None) -> None:
    """Set (or clear, with None) one custom value; inside the caller's batch if there is one."""
    with pf.batch(source, label or "Edit custom field", defer_foreign_keys=False):
        if value is None:
            pf.conn.execute("DELETE FROM custom_values WHERE field_id = ? AND entity_id = ?", (field_id, entity_id))
        else:
            pf.conn.execute(
                """INSERT INTO custom_values (field_id, entity_id, value) VALUES (?, ?, ?)
                   ON CONFLICT(field_id, entity_id) DO UPDATE SET value = excluded.value,
                     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                   WHERE custom_values.value IS NOT excluded.value""",
                (field_id, entity_id, value),
            )
