"""The pack's figures across periods and within the financial year, read before anything is drawn.

Trends: for each of the last six reporting periods (status-report periods up to the pack's), the RAG
mix of the status reports, EAC against budget and spend against plan (the finance service at that
period's cut-off), open High/Critical risks at that period's end, and milestones hit (finished in the
period) and missed (baselined to finish in the period, not finished by its end).
In-year: the current financial year's budget (planned), actual to date and forecast outturn per
programme, from the finance service's spend by financial year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop import finance
from pmo_desktop.domain.enums import Rag
from pmo_desktop.store import Portfolio

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


def _scope(ids: list[int] | None, column: str) -> tuple[str, list]:
    if ids is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(ids))})", list(ids)


def load_trends(pf: Portfolio, period: date, project_ids: list[int] | None) -> list[TrendPoint]:
    conn = pf.conn
    periods = [date.fromisoformat(r[0]) for r in conn.execute(
        "SELECT DISTINCT period FROM status_reports WHERE period <= ? ORDER BY period DESC LIMIT ?",
        (period.isoformat(), TREND_PERIODS))][::-1]
    if not periods or periods[-1] != period:
        periods = (periods + [period])[-TREND_PERIODS:]
    where, args = _scope(project_ids, "project_id")
    named = {f"i{n}": v for n, v in enumerate(project_ids or [])}
    out = []
    before = conn.execute("SELECT max(period) FROM status_reports WHERE period < ?",
                          (periods[0].isoformat(),)).fetchone()[0] or \
        (periods[0].replace(day=1) - timedelta(days=1)).isoformat()  # no earlier report: the month before
    for end in periods:
        hi = end.isoformat()
        rags = Counter(r[0] or Rag.GREY.value for r in conn.execute(
            f"SELECT rag_overall FROM status_reports WHERE period = ?{where}", [hi, *args]))
        p = finance.resolve_period(pf, end, require_data=False)
        totals = finance.portfolio_total(finance.project_finances(pf, p, project_ids))
        high = conn.execute(
            f"""SELECT count(*) FROM raid_items WHERE type = 'Risk' AND probability * impact >= 10
                AND (raised_date IS NULL OR raised_date <= :end)
                AND CASE WHEN closed_date IS NOT NULL THEN closed_date > :end ELSE status <> 'Closed' END
                {_named(project_ids)}""",
            {"end": hi, **named}).fetchone()[0]
        hit, missed = conn.execute(
            f"""SELECT sum(actual_finish > :lo AND actual_finish <= :end),
                       sum(baseline_finish > :lo AND baseline_finish <= :end
                           AND (actual_finish IS NULL OR actual_finish > :end))
                FROM tasks WHERE kind = 'milestone'{_named(project_ids)}""",
            {"lo": before, "end": hi, **named}).fetchone()
        out.append(TrendPoint(end, dict(rags), totals.eac, totals.approved_budget, totals.actual_to_date,
                              totals.planned_to_date, high, hit or 0, missed or 0))
        before = hi
    return out


def _named(ids: list[int] | None) -> str:
    if ids is None:
        return ""
    return f" AND project_id IN ({','.join(f':i{n}' for n in range(len(ids)))})" if ids else " AND 0"


def load_in_year(pf: Portfolio, period: date, groups: list[tuple[str, list[int] | None]]) -> list[InYear]:
    """The current financial year's figures for each (label, project ids) group (None ids: the portfolio)."""
    p = finance.resolve_period(pf, period, require_data=False)
    out = []
    for label, ids in groups:
        buckets = [b for b in finance.spend_by_year(pf, p, ids) if b.key == p.fy_label]
        b = buckets[0] if buckets else None
        out.append(InYear(label, b.planned if b else 0, (b.actual or 0) if b else 0, b.outturn if b else 0))
    return out
