"""The pack's figures across periods and within the financial year, read before anything is drawn.

Trends: for each of the last six reporting periods (status-report periods up to the pack's), the RAG
mix of the status reports, EAC against budget and spend against plan (the finance service at that
period's cut-off), open High/Critical risks at that period's end, and milestones hit (finished in the
period) and missed (due in the period by its baseline or by its forecast as the change log shows it
stood at the period's start, and not finished by the period's end).
Money and risks of a past period are what the portfolio said at its cut-off: budgets, forecasts and
risk scores edited since are read as they stood then (reports.as_of replays the change log backwards);
the pack's own period reads today's figures, as every other page of the pack does.
In-year: the current financial year's budget (planned), actual to date and forecast outturn per
programme, from the finance service's spend by financial year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace

from pmo_desktop import finance
from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports.as_of import Rewind
from pmo_desktop.store import Portfolio
from pmo_desktop.store.id_lists import scope_sql

TREND_PERIODS = 6


@dataclass
class TrendPoint:
    period: date
    rags: dict[str, int]  # Rag value ('R', 'A', 'G', 'B', 'X') -> projects reporting it
    eac: int
    budget: int
    actual_to_date: int
    planned_to_date: int
    open_high_risks: int
    milestones_hit: int
    milestones_missed: int


@dataclass
class InYear:
    label: str
    budget: int  # planned spend in the financial year
    actual_to_date: int  # actual spend in the year's months up to the cut-off
    forecast: int  # actual to date + forecast for the year's later months (outturn)

    @property
    def variance(self) -> int:
        return self.forecast - self.budget

    @property
    def variance_pct(self) -> float | None:
        return self.variance / self.budget * 100 if self.budget else None


def load_trends(pf: Portfolio, period: date, project_ids: list[int] | None) -> list[TrendPoint]:
    conn = pf.conn
    periods = [date.fromisoformat(r[0]) for r in conn.execute(
        "SELECT DISTINCT period FROM status_reports WHERE period <= ? ORDER BY period DESC LIMIT ?",
        (period.isoformat(), TREND_PERIODS))][::-1]
    if not periods or periods[-1] != period:
        periods = (periods + [period])[-TREND_PERIODS:]
    where, args = scope_sql(project_ids, "project_id", ":ids")  # the ids as one parameter, however many
    named = {"ids": args[0]} if args else {}
    milestones = conn.execute(
        f"""SELECT id, finish_date, baseline_finish, actual_finish FROM tasks
            WHERE kind = 'milestone'{where}""", named).fetchall()
    history: dict[int, list[tuple[str, str | None]]] = {}  # task id -> (when, finish before the change)
    for row_id, at, old in conn.execute(
            """SELECT row_id, at, old FROM change_log WHERE tbl = 'tasks' AND op = 'update'
               AND col = 'finish_date' ORDER BY id"""):
        history.setdefault(row_id, []).append((str(at)[:10], old))
    out = []
    before = conn.execute("SELECT max(period) FROM status_reports WHERE period < ?",
                          (periods[0].isoformat(),)).fetchone()[0] or \
        (periods[0].replace(day=1) - timedelta(days=1)).isoformat()  # no earlier report: the month before
    starts = [before] + [d.isoformat() for d in periods[:-1]]
    rewind = Rewind(conn, periods[0].isoformat())
    try:
        for end, lo in reversed(list(zip(periods, starts, strict=True))):  # newest first: the log runs backwards
            hi = end.isoformat()
            state = conn if end == period else rewind.at(hi)
            rags = Counter(r[0] or Rag.GREY.value for r in conn.execute(
                f"SELECT rag_overall FROM status_reports WHERE period = :end{where}", {"end": hi, **named}))
            p = finance.resolve_period(pf, end, require_data=False)
            totals = finance.portfolio_total(finance.project_finances(SimpleNamespace(conn=state), p, project_ids))
            high = state.execute(
                f"""SELECT count(*) FROM raid_items WHERE type = 'Risk' AND probability * impact >= 10
                    AND (raised_date IS NULL OR raised_date <= :end)
                    AND CASE WHEN closed_date IS NOT NULL THEN closed_date > :end ELSE status <> 'Closed' END
                    {where}""",
                {"end": hi, **named}).fetchone()[0]
            hit, missed = _hit_and_missed(milestones, history, lo, hi)
            out.append(TrendPoint(end, dict(rags), totals.eac, totals.approved_budget, totals.actual_to_date,
                                  totals.planned_to_date, high, hit, missed))
    finally:
        rewind.close()
    return out[::-1]


def _hit_and_missed(milestones, history, lo: str, hi: str) -> tuple[int, int]:
    """Hit: finished in (lo, hi]. Missed: not finished by hi, though its baseline, or its forecast as it
    stood at the start of the period (the change log's record of finish-date edits), fell in the period:
    a milestone re-forecast out of the period during it still counts as missed."""
    hit = missed = 0
    for task_id, finish, baseline, actual in milestones:
        if actual and lo < actual[:10] <= hi:
            hit += 1
            continue
        if actual and actual[:10] <= lo:
            continue
        forecast = next((old for when, old in history.get(task_id, ()) if when > lo), finish)
        due = [str(d)[:10] for d in (baseline, forecast) if d]
        if any(lo < d <= hi for d in due):
            missed += 1
    return hit, missed


def load_in_year(pf: Portfolio, period: date, groups: list[tuple[str, list[int] | None]]) -> list[InYear]:
    """The current financial year's figures for each (label, project ids) group (None ids: the portfolio)."""
    p = finance.resolve_period(pf, period, require_data=False)
    out = []
    for label, ids in groups:
        buckets = [b for b in finance.spend_by_year(pf, p, ids) if b.key == p.fy_label]
        b = buckets[0] if buckets else None
        out.append(InYear(label, b.planned if b else 0, (b.actual or 0) if b else 0, b.outturn if b else 0))
    return out
