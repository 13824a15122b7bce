"""One finish date: a project with a plan takes its forecast start and finish from the plan's tasks.

The register shows the plan's dates for such a project (registers.definitions.PLAN_START/PLAN_FINISH,
read-only there); `align_project_dates` keeps the stored copy on the project in step, so every reader
(the board pack, the roadmap, exports) sees the same dates. Rescheduling calls it in its own batch; the
health rule `plan_dates_disagree` names any project where the two still differ.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from pmo_desktop.store import bulk
from pmo_desktop.store.id_lists import in_list, json_list

_SPAN = """SELECT project_id, min(start_date), max(finish_date) FROM tasks
           WHERE finish_date IS NOT NULL {where} GROUP BY project_id"""


def plan_spans(conn: sqlite3.Connection, project_ids: Iterable[int] | None = None) -> dict[int, tuple[str, str]]:
    """{project id: (plan start, plan finish)} for projects with a dated plan."""
    if project_ids is None:
        return {pid: (s, f) for pid, s, f in conn.execute(_SPAN.format(where=""))}
    ids = sorted({int(i) for i in project_ids})
    if not ids:
        return {}
    where = f"AND {in_list('project_id')}"  # one parameter, however many projects
    return {pid: (s, f) for pid, s, f in conn.execute(_SPAN.format(where=where), (json_list(ids),))}


def disagreements(conn: sqlite3.Connection) -> list[tuple[int, str, str | None, str | None, str, str]]:
    """(id, code, typed start, typed finish, plan start, plan finish) where a planned project's own dates
    differ from its plan's."""
    spans = plan_spans(conn)
    out = []
    for pid, code, start, finish in conn.execute("SELECT id, code, start_date, finish_date FROM projects"):
        span = spans.get(pid)
        if span and (start, finish) != span:
            out.append((pid, code, start, finish, *span))
    return out


def align_project_dates(conn: sqlite3.Connection, project_ids: Iterable[int] | None = None) -> int:
    """Copy each planned project's plan start and finish onto the project; returns how many changed.
    Call inside the caller's batch (it writes through the change log like any edit)."""
    spans = plan_spans(conn, project_ids)
    if not spans:
        return 0
    stamp = None
    rows = []
    for pid, start, finish in conn.execute("SELECT id, start_date, finish_date FROM projects ORDER BY id"):
        span = spans.get(pid)
        if span is not None and (start, finish) != span:
            stamp = stamp or bulk.now(conn)
            rows.append((*span, stamp, pid))
    bulk.update_rows(conn, "projects", ("start_date", "finish_date", "updated_at"), rows)
    return len(rows)
