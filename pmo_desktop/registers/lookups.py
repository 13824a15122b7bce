"""Small reads the views need to fill their boxes and panes: project codes, programme names, one
project's RAID items and budget, the project a record belongs to. Plain functions over an open
portfolio, so the GUI runs no SQL of its own and the CLI and tests can read the same things.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pmo_desktop.store import Portfolio

_PROJECT_TABLES = ("raid_items", "tasks", "status_reports", "budget_lines", "gate_reviews", "lessons")


def _one(pf: Portfolio, sql: str, params: tuple = ()) -> Any:
    row = pf.conn.execute(sql, params).fetchone()
    return row[0] if row else None


def programme_names(pf: Portfolio) -> list[str]:
    return [r[0] for r in pf.conn.execute("SELECT name FROM programmes ORDER BY name")]


def project_codes(pf: Portfolio) -> list[str]:
    return [r[0] for r in pf.conn.execute("SELECT code FROM projects ORDER BY code")]


def project_choices(pf: Portfolio) -> list[tuple[str, str]]:
    """(code, name) of every project, by code."""
    return [(c, n) for c, n in pf.conn.execute("SELECT code, name FROM projects ORDER BY code")]


def open_project_choices(pf: Portfolio, stages: Iterable[str]) -> list[tuple[str, str]]:
    """(code, name) of projects in the given stages that are not completed or cancelled, by code."""
    stages = list(stages)
    marks = ", ".join("?" for _ in stages)
    return list(pf.conn.execute(
        f"""SELECT code, name FROM projects WHERE stage IN ({marks})
            AND coalesce(status, '') NOT IN ('Completed', 'Cancelled') ORDER BY code""", stages))


def project_names(pf: Portfolio) -> dict[int, str]:
    """{id: name} of every project."""
    return dict(pf.conn.execute("SELECT id, name FROM projects"))


def project_list(pf: Portfolio, *, budgeted_first: bool = False) -> list[tuple[int, str, str, int]]:
    """(id, code, name, number of tasks) of every project by code (those with budget lines first)."""
    first = "EXISTS (SELECT 1 FROM budget_lines b WHERE b.project_id = p.id) DESC, " if budgeted_first else ""
    return list(pf.conn.execute(
        f"""SELECT p.id, p.code, p.name, (SELECT count(*) FROM tasks t WHERE t.project_id = p.id)
            FROM projects p ORDER BY {first}p.code"""))


def project_id(pf: Portfolio, code: str | None) -> int | None:
    return None if not code else _one(pf, "SELECT id FROM projects WHERE code = ?", (code,))


def project_code(pf: Portfolio, project_id: int | None) -> str | None:
    return None if project_id is None else _one(pf, "SELECT code FROM projects WHERE id = ?", (project_id,))


def project_heading(pf: Portfolio, project_id: int) -> tuple[str, str, str | None] | None:
    """(code, name, stage) of a project, or None."""
    row = pf.conn.execute("SELECT code, name, stage FROM projects WHERE id = ?", (project_id,)).fetchone()
    return tuple(row) if row else None


def project_stages(pf: Portfolio) -> dict[str, str | None]:
    return dict(pf.conn.execute("SELECT code, stage FROM projects"))


def project_values(pf: Portfolio, project_id: int, fields: list[str]) -> dict[str, Any] | None:
    """The stored values of some project columns (and its code), or None when there is no such project."""
    cols = ", ".join(f"[{f}]" for f in ["code", *fields] if f.replace("_", "").isalnum())
    cur = pf.conn.execute(f"SELECT {cols} FROM projects WHERE id = ?", (project_id,))
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def first_project_id(pf: Portfolio) -> int | None:
    return _one(pf, "SELECT min(id) FROM projects")


def record_project(pf: Portfolio, table: str, row_id: int | None) -> int | None:
    """The project a record belongs to (a project is its own; a gate condition its review's)."""
    if row_id is None:
        return None
    if table == "projects":
        return row_id
    if table == "gate_conditions":
        table, row_id = "gate_reviews", _one(pf, "SELECT review_id FROM gate_conditions WHERE id = ?", (row_id,))
    if table in _PROJECT_TABLES:
        return _one(pf, f"SELECT project_id FROM [{table}] WHERE id = ?", (row_id,))
    return None


def has_plan(pf: Portfolio, project_id: int | None) -> bool:
    """Does the project have tasks to schedule?"""
    return project_id is not None and _one(pf, "SELECT 1 FROM tasks WHERE project_id = ? LIMIT 1",
                                           (project_id,)) is not None


def task_kind(pf: Portfolio, task_id: int) -> str | None:
    """'task', 'summary' or 'milestone'."""
    return _one(pf, "SELECT kind FROM tasks WHERE id = ?", (task_id,))


def exists(pf: Portfolio, table: str, row_id: int) -> bool:
    if not table.replace("_", "").isalnum():
        raise ValueError(table)
    return _one(pf, f"SELECT 1 FROM [{table}] WHERE id = ?", (row_id,)) is not None


def reported_periods(pf: Portfolio) -> set[str]:
    return {r[0] for r in pf.conn.execute("SELECT DISTINCT period FROM status_reports")}


def teams_in_use(pf: Portfolio) -> list[str]:
    return [r[0] for r in pf.conn.execute("SELECT DISTINCT team FROM people WHERE team IS NOT NULL ORDER BY team")]


# -- the detail pane's project summary ---------------------------------------------------------------

def project_summary(pf: Portfolio, project_id: int) -> dict[str, Any] | None:
    cur = pf.conn.execute(
        """SELECT p.code, p.name, g.name AS programme, p.stage, p.status, p.priority, p.baseline_finish,
                  p.business_unit, p.strategic_theme, p.rag_overall, p.rag_schedule, p.rag_cost,
                  p.rag_scope, p.rag_resources
           FROM projects p LEFT JOIN programmes g ON g.id = p.programme_id WHERE p.id = ?""", (project_id,))
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def project_raid(pf: Portfolio, project_id: int) -> list[tuple]:
    """(ref, type, title, status, probability, impact) of a project's RAID items, open and worst first."""
    return pf.conn.execute(
        """SELECT ref, type, title, status, probability, impact FROM raid_items WHERE project_id = ?
           ORDER BY status = 'Closed', coalesce(probability * impact, 0) DESC, ref""", (project_id,)).fetchall()


def project_milestones(pf: Portfolio, project_id: int) -> list[tuple]:
    """(name, baseline finish, finish, actual finish) of a project's milestones, in date order."""
    return pf.conn.execute(
        """SELECT name, baseline_finish, finish_date, actual_finish FROM tasks
           WHERE project_id = ? AND kind = 'milestone' ORDER BY coalesce(finish_date, baseline_finish)""",
        (project_id,)).fetchall()


def project_budget(pf: Portfolio, project_id: int) -> list[tuple]:
    """(category, planned, actual, forecast, outturn) per budget category of a project."""
    return pf.conn.execute(
        """SELECT category, sum(planned), sum(actual), sum(forecast),
                  sum(coalesce(actual, 0)) + sum(CASE WHEN actual IS NULL THEN coalesce(forecast, 0) ELSE 0 END)
           FROM budget_lines WHERE project_id = ? GROUP BY category ORDER BY category""", (project_id,)).fetchall()


def raid_item(pf: Portfolio, item_id: int) -> dict[str, Any] | None:
    """One RAID item with its project's code, for the detail pane."""
    cur = pf.conn.execute(
        """SELECT r.*, p.code AS project_code, p.name AS project_name FROM raid_items r
           LEFT JOIN projects p ON p.id = r.project_id WHERE r.id = ?""", (item_id,))
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))
