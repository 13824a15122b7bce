"""Every plan of a portfolio read in four queries, for a reschedule of many projects at once (a query
per project and table costs more than the scheduling itself at 10,000 projects)."""

from __future__ import annotations

import sqlite3
from collections import Counter

TASK_COLUMNS = """id, parent_id, name, kind, start_date, finish_date, duration_days, constraint_type,
                  constraint_date, actual_start, actual_finish, calendar_id, start_at, finish_at,
                  duration_minutes, deadline, manual, duration_format"""
LINK_COLUMNS = "d.predecessor_id, d.successor_id, d.type, d.lag_days, d.lag_minutes, d.lag_format, d.lag_percent"


class PlanRows:
    """The stored rows of every plan, grouped by project."""

    def __init__(self, conn: sqlite3.Connection):
        self.projects = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, code, name, start_date, honor_constraints, calendar_id FROM projects")}
        self.tasks: dict[int, list[tuple]] = {}
        self.task_project: dict[int, int] = {}
        self.by_id: dict[int, tuple] = {}
        for row in conn.execute(f"SELECT project_id, {TASK_COLUMNS} FROM tasks ORDER BY project_id, sort_order, id"):
            self.tasks.setdefault(row[0], []).append(row[1:])
            self.task_project[row[1]] = row[0]
            self.by_id[row[1]] = row[1:]
        self.links: dict[int, list[tuple]] = {}
        self.external: dict[int, list[int]] = {}  # project -> other projects' tasks linking into it
        for row in conn.execute(f"SELECT {LINK_COLUMNS} FROM dependencies d ORDER BY d.id"):
            down, up = self.task_project.get(row[1]), self.task_project.get(row[0])
            if down is None or up is None:
                continue
            self.links.setdefault(down, []).append(row)
            if up != down:
                ext = self.external.setdefault(down, [])
                if row[0] not in ext:
                    ext.append(row[0])

    def calendar_id(self, project_id: int) -> int | None:
        """The project's own calendar, else the one most of its tasks use."""
        own = self.projects[project_id][4]
        if own is not None:
            return own
        used = Counter(r[11] for r in self.tasks.get(project_id, ()) if r[11] is not None)
        return min(used, key=lambda c: (-used[c], c)) if used else None

    def externals(self, project_id: int) -> list[tuple]:
        """(id, name, kind, start, finish, start_at, finish_at, project code) of each external task."""
        out = []
        for tid in self.external.get(project_id, ()):
            r = self.by_id[tid]
            out.append((tid, r[2], r[3], r[4], r[5], r[12], r[13], self.projects[self.task_project[tid]][0]))
        return out
