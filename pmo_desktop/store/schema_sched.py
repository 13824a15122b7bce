"""Schema for plans kept in working time: times of day, working minutes, hours in calendars.

Dates stay as they were (`start_date`/`finish_date` are the day, which every reader keeps using);
the minute lives beside them. `start_at`/`finish_at` hold 'YYYY-MM-DDTHH:MM' only where a time matters
(a task that does not start at its day's first working minute, or end at its last); NULL means the
day's edge, so every date-only value stays valid. A time whose day disagrees with the date column
(the date was edited elsewhere) is ignored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmo_desktop.store import changelog
from pmo_desktop.store.schema import migration

if TYPE_CHECKING:
    from sqlite_utils import Database


@migration("0009_sched_working_time")
def working_time(db: Database) -> None:
    """Durations and lags in working minutes with MS Project's formats; calendars with hours."""
    for statement in (
        "ALTER TABLE tasks ADD COLUMN start_at TEXT",
        "ALTER TABLE tasks ADD COLUMN finish_at TEXT",
        "ALTER TABLE tasks ADD COLUMN duration_minutes INTEGER",
        # MSPDI DurationFormat code (5 minutes, 7 days, 9 weeks, 11 months, 53 hours ... +1 estimated,
        # elapsed forms 4/6/8/10/12); NULL = days. How a duration is shown and written back.
        "ALTER TABLE tasks ADD COLUMN duration_format INTEGER",
        "ALTER TABLE tasks ADD COLUMN deadline TEXT",
        "ALTER TABLE tasks ADD COLUMN manual INTEGER NOT NULL DEFAULT 0",
        # Lag in working minutes (elapsed minutes for elapsed formats); NULL = lag_days whole days.
        "ALTER TABLE dependencies ADD COLUMN lag_minutes INTEGER",
        "ALTER TABLE dependencies ADD COLUMN lag_format INTEGER",  # MSPDI LagFormat; 19/20 percent
        "ALTER TABLE dependencies ADD COLUMN lag_percent REAL",
        # '08:00-12:00,13:00-17:00' per weekday, Monday first, '|' between days; NULL = standard hours.
        "ALTER TABLE calendars ADD COLUMN hours TEXT",
        "ALTER TABLE calendars ADD COLUMN minutes_per_day INTEGER",
        "ALTER TABLE calendars ADD COLUMN minutes_per_week INTEGER",
        "ALTER TABLE calendars ADD COLUMN days_per_month REAL",
        "ALTER TABLE calendar_exceptions ADD COLUMN hours TEXT",  # a working exception's own hours
        "ALTER TABLE projects ADD COLUMN honor_constraints INTEGER NOT NULL DEFAULT 1",
    ):
        db.execute(statement)
    changelog.install_triggers(db)
