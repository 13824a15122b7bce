"""Benefits realisation and what-if scenarios (migration 0009).

- `benefits`: the benefits register (ref B-001 ...). `status` is the owner's word; the derived
  "at risk" (a linked project slipping or red) is computed when read and never written here.
- `benefit_projects`: which projects deliver a benefit (many to many).
- `benefit_measurements`: the measure's value at the end of a period (a level, in the benefit's
  unit): planned (the realisation plan), forecast and actual.
- `scenarios` / `scenario_changes`: named what-if changes laid over the live portfolio; live data
  changes only when a scenario is applied.
All carry change-log triggers, so they are undoable and sync like every other table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmo_desktop.store import changelog
from pmo_desktop.store.schema import migration

if TYPE_CHECKING:
    from sqlite_utils import Database

_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
_STAMPS = f"created_at TEXT NOT NULL DEFAULT {_NOW}, updated_at TEXT NOT NULL DEFAULT {_NOW}"

_TABLES = [
    f"""CREATE TABLE benefits (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT 'Cash-releasing'
            CHECK (type IN ('Cash-releasing', 'Non-cash', 'Qualitative')),
        owner TEXT,
        description TEXT,
        measure TEXT,
        unit TEXT,
        baseline REAL,
        target REAL,
        target_date TEXT,
        status TEXT NOT NULL DEFAULT 'Planned'
            CHECK (status IN ('Planned', 'Realising', 'Realised', 'At risk', 'Lost')),
        {_STAMPS})""",
    f"""CREATE TABLE benefit_projects (
        id INTEGER PRIMARY KEY,
        benefit_id INTEGER NOT NULL REFERENCES benefits(id) ON DELETE CASCADE,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        {_STAMPS},
        UNIQUE (benefit_id, project_id))""",
    "CREATE INDEX idx_benefit_projects_project ON benefit_projects(project_id)",
    f"""CREATE TABLE benefit_measurements (
        id INTEGER PRIMARY KEY,
        benefit_id INTEGER NOT NULL REFERENCES benefits(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        planned REAL,
        forecast REAL,
        actual REAL,
        note TEXT,
        {_STAMPS},
        UNIQUE (benefit_id, period))""",
    f"""CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT,
        {_STAMPS})""",
    # kind: defer (months), cancel, fund, budget_pct (percent), budget_amount (minor units), score
    # (criterion, value). One change per project and kind; scores one per criterion.
    f"""CREATE TABLE scenario_changes (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('defer', 'cancel', 'fund', 'budget_pct', 'budget_amount', 'score')),
        criterion TEXT NOT NULL DEFAULT '',
        value REAL,
        {_STAMPS},
        UNIQUE (scenario_id, project_id, kind, criterion))""",
    "CREATE INDEX idx_scenario_changes_project ON scenario_changes(project_id)",
]


@migration("0009_benefits_and_scenarios")
def benefits_and_scenarios(db: Database) -> None:
    for statement in _TABLES:
        db.execute(statement)
    changelog.install_triggers(db)
