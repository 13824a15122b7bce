"""Status-report queries shared by the GUI form and, later, the board pack and CLI."""

from __future__ import annotations

from datetime import date
from typing import Any

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import RAG_DIMENSIONS
from pmo_desktop.store.portfolio import Portfolio

REPORT_FIELDS = ("summary", "achievements", "next_steps", "top_issues", "decisions_needed", "author")
RAG_FIELDS = tuple(f"rag_{d}" for d in RAG_DIMENSIONS)


def current_period(pf: Portfolio) -> str:
    """The portfolio's reporting period (settings), else the end of last month."""
    period = pf.settings().get("current_period")
    return period or workdays.previous_month_end(date.today()).isoformat()


def normalise_period(pf: Portfolio, iso: str) -> str:
    """A period is named by its end date: with a monthly cadence any day names its month's end."""
    if (pf.settings().get("reporting_cadence") or "monthly") == "monthly":
        return workdays.month_end(date.fromisoformat(iso)).isoformat()
    return iso


def next_free_period(pf: Portfolio, project_id: int) -> str:
    """The current period if the project has no report for it yet, else the month after its latest."""
    period = current_period(pf)
    latest = pf.conn.execute("SELECT max(period) FROM status_reports WHERE project_id = ?",
                             (project_id,)).fetchone()[0]
    if latest is None or latest < period:
        return period
    d = date.fromisoformat(latest)
    return workdays.month_end(workdays.add_months(d.replace(day=1), 1)).isoformat()


def report(pf: Portfolio, project_id: int, period: str) -> dict[str, Any] | None:
    cols = ("id", "period", *RAG_FIELDS, *REPORT_FIELDS)
    row = pf.conn.execute(
        f"SELECT {', '.join(cols)} FROM status_reports WHERE project_id = ? AND period = ?", (project_id, period)
    ).fetchone()
    return None if row is None else dict(zip(cols, row, strict=True))


def prefill(pf: Portfolio, project_id: int, period: str) -> dict[str, Any]:
    """What the form starts with: this period's report if it exists, else the latest earlier one's
    RAGs and text (next steps become the starting point for achievements), else the project's RAGs."""
    existing = report(pf, project_id, period)
    if existing:
        return existing
    cols = (*RAG_FIELDS, *REPORT_FIELDS)
    row = pf.conn.execute(
        f"SELECT {', '.join(cols)}, period FROM status_reports WHERE project_id = ? AND period < ? "
        "ORDER BY period DESC LIMIT 1", (project_id, period)
    ).fetchone()
    if row is not None:
        values = dict(zip(cols, row[:-1], strict=True))
        values["achievements"] = row[cols.index("next_steps")]
        values["next_steps"] = None
        values["previous_period"] = row[-1]
        return values
    rags = pf.conn.execute(f"SELECT {', '.join(RAG_FIELDS)}, manager FROM projects WHERE id = ?",
                           (project_id,)).fetchone()
    values = dict.fromkeys(cols)
    if rags:
        values.update(zip(RAG_FIELDS, rags[:-1], strict=True))
        values["author"] = rags[-1]
    return values


def history(pf: Portfolio, project_id: int, limit: int = 24) -> list[dict[str, Any]]:
    cols = ("period", *RAG_FIELDS, "summary")
    rows = pf.conn.execute(
        f"SELECT {', '.join(cols)} FROM status_reports WHERE project_id = ? ORDER BY period DESC LIMIT ?",
        (project_id, limit),
    ).fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def save_report(pf: Portfolio, project_id: int, period: str, values: dict[str, Any], *,
                source: str = "ui") -> int:
    """Create or replace the project's report for `period` as one batch; returns the batch id.

    `values` holds already-parsed RAG letters and text (keys from RAG_FIELDS and REPORT_FIELDS).
    """
    unknown = set(values) - set(RAG_FIELDS) - set(REPORT_FIELDS)
    if unknown:
        raise ValueError(f"not status report fields: {', '.join(sorted(unknown))}")
    code = pf.conn.execute("SELECT code FROM projects WHERE id = ?", (project_id,)).fetchone()
    label = f"Status report {code[0] if code else project_id} {period}"
    with pf.batch(source, label) as batch_id:
        existing = report(pf, project_id, period)
        cols = list(values)
        if existing:
            pf.conn.execute(
                f"UPDATE status_reports SET {', '.join(f'{c} = ?' for c in cols)}, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                [*values.values(), existing["id"]])
        else:
            pf.conn.execute(
                f"INSERT INTO status_reports (project_id, period, {', '.join(cols)}) "
                f"VALUES (?, ?, {', '.join('?' for _ in cols)})", [project_id, period, *values.values()])
    return batch_id


def period_sources(pf: Portfolio, period: str) -> dict[str, int | str | None]:
    """Where the period's reports came from, for the dashboard: how many were returned by project
    managers as workbooks (pmo collect: `imported_at` is set), how many were typed in, and when the
    latest returned one was saved."""
    returned, typed, latest = pf.conn.execute(
        """SELECT count(imported_at), count(*) - count(imported_at), max(returned_at)
           FROM status_reports WHERE period = ?""", (period,)).fetchone()
    return {"returned": returned, "entered": typed, "latest": latest}
