"""Every plan of a portfolio read in a few set-wise queries, for a reschedule of many projects at once (a
query per project and table costs more than the scheduling itself at 10,000 projects)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from itertools import groupby
from operator import itemgetter

from pmo_desktop.store.id_lists import in_list, json_list

TASK_COLUMNS = """id, parent_id, name, kind, start_date, finish_date, duration_days, constraint_type,
                  constraint_date, actual_start, actual_finish, calendar_id, start_at, finish_at,
                  duration_minutes, deadline, manual, duration_format, project_id"""
LINK_COLUMNS = "d.predecessor_id, d.successor_id, d.type, d.lag_days, d.lag_minutes, d.lag_format, d.lag_percent"

_last = itemgetter(18)  # a task row's project


class PlanRows:
    """The stored rows of every plan, grouped by project (rows as `SELECT TASK_COLUMNS` and
    `SELECT LINK_COLUMNS` give them). Tasks are grouped in SQL and in C (itertools.groupby): no
    Python statement per task."""

    def __init__(self, conn: sqlite3.Connection):
        self.projects = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, code, name, start_date, honor_constraints, calendar_id FROM projects")}
        self.tasks: dict[int, list[tuple]] = {}
        cursor = conn.execute(f"SELECT {TASK_COLUMNS} FROM tasks ORDER BY project_id, sort_order, id")
        for pid, group in groupby(cursor, _last):
            self.tasks[pid] = list(group)
        # Each link under the successor's project, in link order; the predecessor's project tells links
        # between projects. Read as stored (no join: the tasks just read know their projects).
        project_of = {r[0]: r[18] for rows in self.tasks.values() for r in rows}
        self.links: dict[int, list[tuple]] = {}
        self.external: dict[int, list[int]] = {}  # project -> other projects' tasks linking into it
        links, external, at = self.links, self.external, project_of.get
        for row in conn.execute(f"SELECT {LINK_COLUMNS} FROM dependencies d ORDER BY d.id"):
            down = at(row[1])
            group = links.get(down)
            if group is None:
                links[down] = [row]
            else:
                group.append(row)
            if at(row[0]) != down and row[0] not in external.setdefault(down, []):
                external[down].append(row[0])
        # Only the tasks other projects link to are needed by id (one JSON parameter, however many).
        outside = sorted({tid for ids in external.values() for tid in ids})
        self._outside: dict[int, tuple] = {r[0]: r[1:] for r in conn.execute(
            f"""SELECT t.id, t.name, t.kind, t.start_date, t.finish_date, t.start_at, t.finish_at, pr.code
               FROM tasks t JOIN projects pr ON pr.id = t.project_id
               WHERE {in_list('t.id')}""", (json_list(outside),))} if outside else {}

    def calendar_id(self, project_id: int) -> int | None:
        """The project's own calendar, else the one most of its tasks use."""
        own = self.projects[project_id][4]
        if own is not None:
            return own
        chosen = [r[11] for r in self.tasks.get(project_id, ()) if r[11] is not None]
        if not chosen:
            return None
        used = Counter(chosen)
        return min(used, key=lambda c: (-used[c], c))

    def externals(self, project_id: int) -> list[tuple]:
        """(id, name, kind, start, finish, start_at, finish_at, project code) of each external task."""
        return [(tid, *self._outside[tid]) for tid in self.external.get(project_id, ())]

    def linked_out(self) -> set[int]:
        """Every task another project's plan links from."""
        return set(self._outside)
