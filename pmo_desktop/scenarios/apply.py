"""Applying a scenario to the live portfolio: one batch, so one undo step puts everything back.

The rules are those of compare.py, written to the file:
- cancel: status Cancelled; future budget lines forecast 0; future allocations removed;
- defer N months: start (if not begun) and finish move N months, tasks not started move with them,
  future budget lines, allocations and benefit plan/forecast levels after the period move N months;
- budget: approved budget ± the change; future budget lines' forecasts scaled to carry it;
- fund: the project joins the scoring model's `funded` list (in above the funding line);
- score: the project's score for the criterion is set.
Months up to the cut-off (actuals) are never touched.
"""

from __future__ import annotations

from datetime import date

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import Source
from pmo_desktop.scenarios.compare import shift_month
from pmo_desktop.scenarios.live import load_live
from pmo_desktop.scenarios.model import ProjectChange, ScenarioError, is_closed, load_scenario
from pmo_desktop.store import Portfolio

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def shift_date(text: str | None, months: int) -> str | None:
    """The same day `months` later, kept within the month (31 Jan + 1 month = 28 or 29 Feb)."""
    if not text:
        return text
    d = date.fromisoformat(text[:10])
    first = workdays.add_months(d, months)
    return first.replace(day=min(d.day, workdays.month_end(first).day)).isoformat()


def apply_scenario(pf: Portfolio, name: str, *, source: Source | str = Source.UI) -> dict:
    """Write scenario `name` into live data as one batch; returns what was done."""
    scenario = load_scenario(pf, name)
    if not scenario.changes:
        raise ScenarioError(f"scenario '{name}' has no changes to apply")
    for change in scenario.changes.values():
        stage, status = pf.conn.execute("SELECT stage, status FROM projects WHERE id = ?",
                                        (change.project_id,)).fetchone()
        if is_closed(stage, status):
            raise ScenarioError(f"{change.code} has closed since the scenario was made; clear its change first")
    live = load_live(pf)
    when, cutoff = live.as_of, live.cutoff
    with pf.batch(source, f"Apply scenario {name}") as batch_id:
        for change in scenario.changes.values():
            _apply_one(pf, change, cutoff, when)
        _defer_benefits(pf, scenario.changes, when)
        funded = [c.code for c in scenario.changes.values() if c.fund]
        if funded:
            model = dict(pf.settings()["scoring_model"])
            model["funded"] = sorted(set(model.get("funded") or []) | set(funded))
            pf.set_settings({"scoring_model": model}, source=source)
    return {"scenario": name, "batch": batch_id, "projects": len(scenario.changes),
            "changes": [c.as_dict() for c in sorted(scenario.changes.values(), key=lambda c: c.code)]}


def _apply_one(pf: Portfolio, change: ProjectChange, cutoff: str, when: date) -> None:
    conn, pid = pf.conn, change.project_id
    if change.cancel:
        conn.execute(f"UPDATE projects SET status = 'Cancelled', updated_at = {_NOW} WHERE id = ?", (pid,))
        conn.execute(f"UPDATE budget_lines SET forecast = 0, updated_at = {_NOW} "
                     "WHERE project_id = ? AND month > ? AND coalesce(forecast, planned, 0) <> 0", (pid, cutoff))
        conn.execute("DELETE FROM allocations WHERE project_id = ? AND month > ?", (pid, cutoff))
    else:
        approved = conn.execute("SELECT approved_budget FROM projects WHERE id = ?", (pid,)).fetchone()[0]
        delta = change.budget_delta(approved)
        if delta:
            conn.execute(f"UPDATE projects SET approved_budget = ?, updated_at = {_NOW} WHERE id = ?",
                         ((approved or 0) + delta, pid))
            _scale_future(pf, pid, delta, cutoff)
        if change.defer_months:
            _defer(pf, pid, change.defer_months, cutoff, when)
    for criterion, score in change.scores.items():
        conn.execute(
            """INSERT INTO priority_scores (project_id, criterion, score) VALUES (?, ?, ?)
               ON CONFLICT (project_id, criterion) DO UPDATE SET score = excluded.score,
               updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE priority_scores.score IS NOT excluded.score""",
            (pid, criterion, score))


def _scale_future(pf: Portfolio, pid: int, delta: int, cutoff: str) -> None:
    conn = pf.conn
    lines = conn.execute("SELECT id, coalesce(forecast, planned, 0) FROM budget_lines WHERE project_id = ? "
                         "AND month > ? ORDER BY month, id", (pid, cutoff)).fetchall()
    total = sum(v for _, v in lines)
    if total > 0:
        factor = (total + delta) / total
        for line_id, value in lines:
            conn.execute(f"UPDATE budget_lines SET forecast = ?, updated_at = {_NOW} WHERE id = ?",
                         (round(value * factor), line_id))
        return
    first = shift_month(cutoff, 1)
    conn.execute(
        f"""INSERT INTO budget_lines (project_id, category, spend_type, month, planned, forecast)
            VALUES (?, 'Other', 'OPEX', ?, 0, ?)
            ON CONFLICT (project_id, category, spend_type, month) DO UPDATE SET
            forecast = coalesce(forecast, planned, 0) + excluded.forecast, updated_at = {_NOW}""",
        (pid, first, delta))


def _defer(pf: Portfolio, pid: int, months: int, cutoff: str, when: date) -> None:
    conn = pf.conn
    start, finish = conn.execute("SELECT start_date, finish_date FROM projects WHERE id = ?", (pid,)).fetchone()
    begun = start is not None and start <= when.isoformat()
    conn.execute(f"UPDATE projects SET start_date = ?, finish_date = ?, updated_at = {_NOW} WHERE id = ?",
                 (start if begun else shift_date(start, months), shift_date(finish, months), pid))
    for tid, t_start, t_finish in conn.execute(
            "SELECT id, start_date, finish_date FROM tasks WHERE project_id = ? AND actual_start IS NULL "
            "AND coalesce(percent_complete, 0) = 0", (pid,)).fetchall():
        conn.execute(f"UPDATE tasks SET start_date = ?, finish_date = ?, updated_at = {_NOW} WHERE id = ?",
                     (shift_date(t_start, months), shift_date(t_finish, months), tid))
    # Latest first, so a row never lands on a month another row still holds.
    for line_id, month in conn.execute("SELECT id, month FROM budget_lines WHERE project_id = ? AND month > ? "
                                       "ORDER BY month DESC", (pid, cutoff)).fetchall():
        conn.execute(f"UPDATE budget_lines SET month = ?, updated_at = {_NOW} WHERE id = ?",
                     (shift_month(month, months), line_id))
    for alloc_id, month in conn.execute("SELECT id, month FROM allocations WHERE project_id = ? AND month > ? "
                                        "ORDER BY month DESC", (pid, cutoff)).fetchall():
        conn.execute(f"UPDATE allocations SET month = ?, updated_at = {_NOW} WHERE id = ?",
                     (shift_month(month, months), alloc_id))


def _defer_benefits(pf: Portfolio, changes: dict[int, ProjectChange], when: date) -> None:
    """Move each benefit's levels after the period by the largest deferral among its projects."""
    conn = pf.conn
    shifts: dict[int, int] = {}
    for change in changes.values():
        if change.defer_months and not change.cancel:
            for (bid,) in conn.execute("SELECT benefit_id FROM benefit_projects WHERE project_id = ?",
                                       (change.project_id,)):
                shifts[bid] = max(shifts.get(bid, 0), change.defer_months)
    for bid, months in shifts.items():
        rows = conn.execute("SELECT id, period FROM benefit_measurements WHERE benefit_id = ? AND period > ? "
                            "ORDER BY period DESC", (bid, when.isoformat())).fetchall()
        for mid, period in rows:
            moved = workdays.month_end(workdays.add_months(date.fromisoformat(period), months)).isoformat()
            conn.execute(f"UPDATE benefit_measurements SET period = ?, updated_at = {_NOW} WHERE id = ?",
                         (moved, mid))
