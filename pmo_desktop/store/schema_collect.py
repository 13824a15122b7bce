"""Status reports collected from project managers as workbooks (issue 21).

- `collect_requests`: which project's workbook was written for which period (and for whom), so the
  returns summary can name who is missing.
- `status_reports` gains where a report came from: `returned_file` (the workbook's name as it came
  back), `returned_by` (the name the PM typed), `returned_at` (when the PM last saved it) and
  `imported_at` (when it was applied). A report typed into the form keeps them empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmo_desktop.store import changelog
from pmo_desktop.store.schema import _STAMPS, migration

if TYPE_CHECKING:
    from sqlite_utils import Database


@migration("0009_collect_status_returns")
def collect_status_returns(db: Database) -> None:
    for column in ("returned_file", "returned_by", "returned_at", "imported_at"):
        db.execute(f"ALTER TABLE status_reports ADD COLUMN {column} TEXT")
    db.execute(
        f"""CREATE TABLE collect_requests (
            id INTEGER PRIMARY KEY,
            project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            file_name TEXT NOT NULL,
            manager TEXT,
            sent_at TEXT NOT NULL,
            {_STAMPS},
            UNIQUE (project_id, period))""")
    db.execute("CREATE INDEX idx_collect_requests_period ON collect_requests(period)")
    changelog.install_triggers(db)
