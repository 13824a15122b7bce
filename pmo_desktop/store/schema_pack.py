"""Board-pack schema: commentary per reporting period for the portfolio, a programme or a project.

`topic` 'general' is the narrative the executive summary (portfolio) or a programme's section prints;
'cost' on a project is the explanation of its cost variance, printed beside the largest variances.
The settings blob board_pack.commentary ({"2026-10-31": "text"}) held portfolio commentary before
this table; the migration moves it here and empties the blob.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pmo_desktop.store import changelog
from pmo_desktop.store.schema import _STAMPS, migration

if TYPE_CHECKING:
    from sqlite_utils import Database

_PACK = [
    f"""CREATE TABLE pack_commentary (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        programme_id INTEGER REFERENCES programmes(id) ON DELETE CASCADE,
        project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
        topic TEXT NOT NULL DEFAULT 'general' CHECK (topic IN ('general', 'cost')),
        text TEXT NOT NULL,
        author TEXT,
        {_STAMPS},
        CHECK (programme_id IS NULL OR project_id IS NULL))""",
    """CREATE UNIQUE INDEX idx_pack_commentary_key
        ON pack_commentary(period, coalesce(programme_id, 0), coalesce(project_id, 0), topic)""",
]


@migration("0009_pack_commentary")
def pack_commentary(db: Database) -> None:
    for statement in _PACK:
        db.execute(statement)
    row = db.execute("SELECT value FROM settings WHERE key = 'board_pack'").fetchone()
    saved = json.loads(row[0]) if row and row[0] else None
    if isinstance(saved, dict) and isinstance(saved.get("commentary"), dict):
        for period, text in saved["commentary"].items():
            if isinstance(text, str) and text.strip() and len(str(period)) == 10:
                db.execute("INSERT OR IGNORE INTO pack_commentary (period, text) VALUES (?, ?)",
                           (str(period), text.strip()))
        saved["commentary"] = {}
        db.execute("UPDATE settings SET value = ? WHERE key = 'board_pack'", (json.dumps(saved),))
    changelog.install_triggers(db)
