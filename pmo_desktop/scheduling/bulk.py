"""Every plan of a portfolio read in a few set-wise queries, for a reschedule of many projects at once (a
query per project and table costs more than the scheduling itself at 10,000 projects)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from itertools import groupby
from operator import itemgetter

TASK_COLUMNS = """id, parent_id, name, kind, start_date, finish_date, duration_days, constraint_type,
                  constraint_date, actual_start, actual_finish, calendar_id, start_at, finish_at,
                  duration_minutes, deadline, manual, duration_format"""
LINK_COLUMNS = "d.predecessor_id, d.successor_id, d.type, d.lag_days, d.lag_minutes, d.lag_format, d.lag_percent"

_first = itemgetter(0)


class PlanRows:
    """The stored rows of every plan, grouped by project (rows as `SELECT TASK_COLUMNS` and
    `SELECT LINK_COLUMNS` give them). Grouping happens in SQL and in C (itertools.groupby): no
    Python statement per task."""

    def __init__(self, conn: sqlite3.Connection):
        self.projects = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, code, name, start_date, honor_constraints, calendar_id FROM projects")}
        self.tasks: dict[int, list[tuple]] = {}
        cursor = conn.execute(f"SELECT project_id, {TASK_COLUMNS} FROM tasks ORDER BY project_id, sort_order, id")
        for pid, group in groupby(cursor, _first):
            self.tasks[pid] = [r[1:] for r in group]
        # Each link under the successor's project; the predecessor's project tells links between projects.
        self.links: dict[int, list[tuple]] = {}
        self.external: dict[int, list[int]] = {}  # project -> other projects' tasks linking into it
        cursor = conn.execute(f"""SELECT s.project_id, p.project_id, {LINK_COLUMNS} FROM dependencies d
                                  JOIN tasks s ON s.id = d.successor_id JOIN tasks p ON p.id = d.predecessor_id
                                  ORDER BY s.project_id, d.id""")
        for down, group in groupby(cursor, _first):
            rows = list(group)
            self.links[down] = [r[2:] for r in rows]
            ext = list(dict.fromkeys(r[2] for r in rows if r[1] != down))
            if ext:
                self.external[down] = ext
        # Only the tasks other projects link to are needed by id.
        self._outside: dict[int, tuple] = {}
        if self.external:
            self._outside = {r[0]: r[1:] for r in conn.execute(
                """SELECT t.id, t.name, t.kind, t.start_date, t.finish_date, t.start_at, t.finish_at, pr.code
                   FROM tasks t JOIN projects pr ON pr.id = t.project_id
                   WHERE t.id IN (SELECT d.predecessor_id FROM dependencies d JOIN tasks s ON s.id = d.successor_id
                                  JOIN tasks p ON p.id = d.predecessor_id WHERE s.project_id <> p.project_id)""")}

    def calendar_id(self, project_id: int) -> int | None:
        """The project's own calendar, else the one most of its tasks use."""
        own = self.projects[project_id][4]
        if own is not None:
            return own
        used = Counter(r[11] for r in self.tasks.get(project_id, ()) if r[11] is not None)
        return min(used, key=lambda c: (-used[c], c)) if used else None

    def externals(self, project_id: int) -> list[tuple]:
        """(id, name, kind, start, finish, start_at, finish_at, project code) of each external task."""
        return [(tid, *self._outside[tid]) for tid in self.external.get(project_id, ())]

    def linked_out(self) -> set[int]:
        """Every task another project's plan links from."""
        return set(self._outside)
