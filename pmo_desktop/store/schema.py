"""The portfolio schema, built and evolved by named migrations (sqlite-utils `Migrations`).

A migration is a function applied once, in a transaction, together with the record that it ran.
Never edit a migration that has shipped: add a new one. Every migration ends by reinstalling the
change-log triggers, so a table or column it adds is audited and undoable from the start.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from pmo_desktop.store import changelog

if TYPE_CHECKING:  # sqlite-utils pulls in numpy (~0.3 s); load it only when a migration must run
    from sqlite_utils import Database

MIGRATION_SET = "pmo_desktop"
MIGRATION_NAMES: list[str] = []
_MIGRATIONS: list[tuple[str, Callable[[Database], None]]] = []


def migration(name: str):
    """Register a named migration; names are what the file records, so never rename one."""

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        if name in MIGRATION_NAMES:
            raise ValueError(f"migration {name} is registered twice")
        MIGRATION_NAMES.append(name)
        _MIGRATIONS.append((name, fn))
        return fn

    return register


def apply_migrations(conn: sqlite3.Connection, only: tuple[str, ...] | None = None) -> None:
    """Apply every pending migration (or only those named), each in its own transaction with the record
    that it ran."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, fn in _MIGRATIONS:
        if only is None or name in only:
            migrations(name=name)(fn)
    migrations.apply(Database(conn, recursive_triggers=False, execute_plugins=False))


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations the file records, oldest first (read-only)."""
    return [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,))]


_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
_STAMPS = f"created_at TEXT NOT NULL DEFAULT {_NOW}, updated_at TEXT NOT NULL DEFAULT {_NOW}"
_RAG = "CHECK ({col} IS NULL OR {col} IN ('R', 'A', 'G', 'B', 'X'))"


def _rags(prefix: str = "rag_") -> str:
    cols = [f"{prefix}{d}" for d in ("overall", "schedule", "cost", "scope", "resources")]
    return ", ".join(f"{c} TEXT {_RAG.format(col=c)}" for c in cols)


_V1 = [
    f"""CREATE TABLE settings (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        value TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE programmes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT,
        sponsor TEXT,
        {_STAMPS})""",
    f"""CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT,
        programme_id INTEGER REFERENCES programmes(id) ON DELETE SET NULL,
        sponsor TEXT,
        manager TEXT,
        business_unit TEXT,
        strategic_theme TEXT,
        stage TEXT,
        status TEXT,
        priority TEXT,
        start_date TEXT,
        finish_date TEXT,
        baseline_start TEXT,
        baseline_finish TEXT,
        approved_budget INTEGER,
        percent_complete REAL CHECK (percent_complete IS NULL OR percent_complete BETWEEN 0 AND 100),
        {_rags()},
        {_STAMPS})""",
    "CREATE INDEX idx_projects_programme ON projects(programme_id)",
    f"""CREATE TABLE status_reports (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        {_rags()},
        summary TEXT,
        achievements TEXT,
        next_steps TEXT,
        top_issues TEXT,
        decisions_needed TEXT,
        author TEXT,
        {_STAMPS},
        UNIQUE (project_id, period))""",
    "CREATE INDEX idx_status_reports_period ON status_reports(period)",
    f"""CREATE TABLE calendars (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        working_days TEXT NOT NULL DEFAULT '1111100' CHECK (length(working_days) = 7),
        {_STAMPS})""",
    f"""CREATE TABLE calendar_exceptions (
        id INTEGER PRIMARY KEY,
        calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        working INTEGER NOT NULL DEFAULT 0,
        name TEXT,
        {_STAMPS},
        UNIQUE (calendar_id, date))""",
    f"""CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
        wbs TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'task' CHECK (kind IN ('task', 'summary', 'milestone')),
        start_date TEXT,
        finish_date TEXT,
        duration_days INTEGER,
        baseline_start TEXT,
        baseline_finish TEXT,
        actual_start TEXT,
        actual_finish TEXT,
        percent_complete REAL CHECK (percent_complete IS NULL OR percent_complete BETWEEN 0 AND 100),
        owner TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        constraint_type TEXT,
        constraint_date TEXT,
        calendar_id INTEGER REFERENCES calendars(id) ON DELETE SET NULL,
        notes TEXT,
        {_STAMPS})""",
    "CREATE INDEX idx_tasks_project ON tasks(project_id, sort_order)",
    "CREATE INDEX idx_tasks_parent ON tasks(parent_id)",
    f"""CREATE TABLE dependencies (
        id INTEGER PRIMARY KEY,
        predecessor_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        successor_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        type TEXT NOT NULL DEFAULT 'FS' CHECK (type IN ('FS', 'SS', 'FF', 'SF')),
        lag_days INTEGER NOT NULL DEFAULT 0,
        {_STAMPS},
        UNIQUE (predecessor_id, successor_id),
        CHECK (predecessor_id <> successor_id))""",
    "CREATE INDEX idx_dependencies_successor ON dependencies(successor_id)",
    f"""CREATE TABLE raid_items (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('Risk', 'Assumption', 'Issue', 'Dependency', 'Decision')),
        title TEXT NOT NULL,
        description TEXT,
        owner TEXT,
        raised_date TEXT,
        due_date TEXT,
        closed_date TEXT,
        status TEXT NOT NULL DEFAULT 'Open',
        probability INTEGER CHECK (probability IS NULL OR probability BETWEEN 1 AND 5),
        impact INTEGER CHECK (impact IS NULL OR impact BETWEEN 1 AND 5),
        response TEXT,
        escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
        project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
        related_project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        {_STAMPS})""",
    "CREATE INDEX idx_raid_project ON raid_items(project_id)",
    "CREATE INDEX idx_raid_related ON raid_items(related_project_id)",
    f"""CREATE TABLE budget_lines (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        spend_type TEXT NOT NULL CHECK (spend_type IN ('CAPEX', 'OPEX')),
        month TEXT NOT NULL,
        planned INTEGER NOT NULL DEFAULT 0,
        actual INTEGER,
        forecast INTEGER,
        {_STAMPS},
        UNIQUE (project_id, category, spend_type, month))""",
    "CREATE INDEX idx_budget_month ON budget_lines(month)",
    f"""CREATE TABLE custom_fields (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL CHECK (entity IN ('project', 'raid_item')),
        name TEXT NOT NULL,
        field_type TEXT NOT NULL CHECK (field_type IN ('text', 'number', 'date', 'choice')),
        choices TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        {_STAMPS},
        UNIQUE (entity, name))""",
    f"""CREATE TABLE custom_values (
        id INTEGER PRIMARY KEY,
        field_id INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL,
        value,
        {_STAMPS},
        UNIQUE (field_id, entity_id))""",
    # The audit trail and the unit of undo. `old`/`new` are declared BLOB so SQLite keeps every
    # value's own type; inserts and deletes keep the whole row as JSON in `new`/`old`.
    """CREATE TABLE batches (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        source TEXT NOT NULL,
        label TEXT,
        reverts INTEGER REFERENCES batches(id),
        replays INTEGER REFERENCES batches(id),
        undone INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        col TEXT,
        old BLOB,
        new BLOB)""",
    "CREATE INDEX idx_change_log_batch ON change_log(batch_id)",
    "CREATE INDEX idx_change_log_row ON change_log(tbl, row_id)",
    """CREATE TABLE _state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        batch_id INTEGER,
        logging INTEGER NOT NULL DEFAULT 1)""",
    "INSERT INTO _state (id, batch_id, logging) VALUES (1, NULL, 1)",
]


@migration("0001_initial")
def initial(db: Database) -> None:
    for statement in _V1:
        db.execute(statement)
    changelog.install_triggers(db)


@migration("0002_gui_milestone_index")
def milestone_index(db: Database) -> None:
    """The milestones register reads tasks of kind 'milestone' only: index them, so it does not
    scan every task (150,000 in the scale portfolio)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_tasks_milestones ON tasks(project_id, id) WHERE kind = 'milestone'")


@migration("0003_import_mappings")
def import_mappings(db: Database) -> None:
    """Named column mappings saved by the import wizard or `pmo import --save-mapping`, reused monthly."""
    db.execute(
        f"""CREATE TABLE import_mappings (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            mapping TEXT NOT NULL,
            {_STAMPS})"""
    )
    changelog.install_triggers(db)


@migration("0004_plan_calendars_and_task_properties")
def plan_calendars_and_task_properties(db: Database) -> None:
    """A project's own working calendar, and free-form task properties (GanttProject custom columns).

    `projects.calendar_id` names the calendar the scheduler uses for the project's plan (tasks may
    still name their own). `task_properties` keeps imported per-task custom values by name.
    """
    db.execute("ALTER TABLE projects ADD COLUMN calendar_id INTEGER REFERENCES calendars(id) ON DELETE SET NULL")
    db.execute(
        f"""CREATE TABLE task_properties (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value,
            {_STAMPS},
            UNIQUE (task_id, name))"""
    )
    db.execute("CREATE INDEX idx_task_properties_task ON task_properties(task_id)")
    changelog.install_triggers(db)


@migration("0005_finance_rollup_index")
def finance_rollup_index(db: Database) -> None:
    """A covering index for the finance roll-ups (month, CAPEX/OPEX, category with the amounts), so
    summing 500,000 budget lines by month or split reads the index in order and never sorts. It
    starts with `month`, so it also serves every lookup the old month index did, which it replaces."""
    db.execute("DROP INDEX IF EXISTS idx_budget_month")
    db.execute(
        "CREATE INDEX idx_budget_rollup ON budget_lines (month, spend_type, category, planned, actual, forecast)"
    )
    changelog.install_triggers(db)


# -- 0007 governance: stage-gate reviews, prioritisation scores, lessons learned ----------------------
# The gate model and the scoring model live in settings (JSON); these tables hold what was recorded.

_GOVERNANCE = [
    f"""CREATE TABLE gate_reviews (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        gate TEXT NOT NULL,
        planned_date TEXT,
        actual_date TEXT,
        checklist TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checklist)),
        decision TEXT CHECK (decision IS NULL OR
            decision IN ('Go', 'Go with conditions', 'Hold', 'Recycle', 'Stop')),
        approvers TEXT,
        notes TEXT,
        {_STAMPS})""",
    "CREATE INDEX idx_gate_reviews_project ON gate_reviews(project_id, gate)",
    "CREATE INDEX idx_gate_reviews_planned ON gate_reviews(planned_date)",
    f"""CREATE TABLE gate_conditions (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES gate_reviews(id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        owner TEXT,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'Met', 'Waived')),
        {_STAMPS})""",
    "CREATE INDEX idx_gate_conditions_review ON gate_conditions(review_id)",
    f"""CREATE TABLE priority_scores (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        criterion TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        rationale TEXT,
        {_STAMPS},
        UNIQUE (project_id, criterion))""",
    f"""CREATE TABLE lessons (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
        date TEXT,
        category TEXT,
        what_happened TEXT NOT NULL,
        lesson TEXT,
        recommendation TEXT,
        owner TEXT,
        status TEXT NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'Actioned', 'Closed')),
        {_STAMPS})""",
    "CREATE INDEX idx_lessons_project ON lessons(project_id)",
]


@migration("0007_governance")
def governance(db: Database) -> None:
    for statement in _GOVERNANCE:
        db.execute(statement)
    changelog.install_triggers(db)


_RESOURCES = [
    f"""CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT,
        team TEXT,
        day_rate INTEGER CHECK (day_rate IS NULL OR day_rate >= 0),
        fte REAL NOT NULL DEFAULT 1.0 CHECK (fte > 0 AND fte <= 1.0),
        email TEXT,
        notes TEXT,
        {_STAMPS})""",
    "CREATE INDEX idx_people_team ON people(team)",
    f"""CREATE TABLE person_skills (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        skill TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        {_STAMPS},
        UNIQUE (person_id, skill))""",
    "CREATE INDEX idx_person_skills_skill ON person_skills(skill COLLATE NOCASE)",
    # `fraction` is the share of each working day in the spell that is not worked (1 = the whole day).
    f"""CREATE TABLE non_working (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('leave', 'part-time')),
        fraction REAL NOT NULL DEFAULT 1.0 CHECK (fraction > 0 AND fraction <= 1.0),
        note TEXT,
        {_STAMPS},
        CHECK (end_date >= start_date))""",
    "CREATE INDEX idx_non_working_person ON non_working(person_id)",
    # A named allocation has a person; unstaffed demand has only a role. `amount` is in the unit set
    # in settings (`allocation_unit`: FTE for the month, or hours in the month).
    f"""CREATE TABLE allocations (
        id INTEGER PRIMARY KEY,
        person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
        role TEXT,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01'),
        amount REAL NOT NULL CHECK (amount >= 0),
        note TEXT,
        {_STAMPS},
        CHECK (person_id IS NOT NULL OR role IS NOT NULL))""",
    """CREATE UNIQUE INDEX idx_allocations_key
        ON allocations(coalesce(person_id, 0), coalesce(role, ''), project_id, month)""",
    "CREATE INDEX idx_allocations_month ON allocations(month, person_id)",
    "CREATE INDEX idx_allocations_project ON allocations(project_id, month)",
]


@migration("0008_resources")
def resources(db: Database) -> None:
    """People, their skills and non-working spells, and allocations to projects by month."""
    for statement in _RESOURCES:
        db.execute(statement)
    changelog.install_triggers(db)


def schema_version(conn: sqlite3.Connection) -> int:
    """How many migrations the file has applied; the number users see in `pmo info`."""
    return len(applied_migrations(conn))


# Later migrations live in a module per area (store/schema_<area>.py, each `@migration("00NN_<area>_...")`),
# imported here in the order a file applies them. Append a line; never reorder or rename one.
# isort: off
from pmo_desktop.store import schema_collect  # noqa: E402,F401  (issue 21: collected status reports)
from pmo_desktop.store import schema_benefits  # noqa: E402,F401  0009 benefits, scenarios
from pmo_desktop.store import schema_sync  # noqa: E402,F401  (issue 13: team sync bookkeeping)
from pmo_desktop.store import schema_sched  # noqa: E402,F401  (working time: minutes, hours)
from pmo_desktop.store import schema_pack  # noqa: E402,F401  (board pack: commentary)
# isort: on
