"""`portfolio_summary`: the portfolio in numbers for one period. The CLI (`pmo summary`), the
dashboard and the board pack all read this one service.

The result is a plain JSON-ready dict (money in integer minor units, dates ISO text):

    portfolio, currency, fy_start_month
    period:       end, start, cutoff_month, fy, fy_quarter, fy_start        (finance.periods)
    counts:       projects, programmes
    by_stage:     {stage: count} in stage order, '(none)' for projects with no stage
    by_rag:       {'R','A','G','B','X': count} of the manager's overall RAG (X also = not reported)
    totals:       FinanceTotals of the portfolio                            (finance.rollups)
    programmes:   [FinanceTotals] per programme, same keys
    projects:     [per project: id, code, name, programme, stage, overall, the ProjectFinance money
                   figures, cpi, spi, earned_value {EarnedValue}, cost_rag / schedule_rag {manager,
                   derived, basis, differs}]                                 (earned_value, rag)
    rag_differs:  {cost: n, schedule: n} projects whose manager's and derived RAG differ
    milestones:   due_this_period [..], overdue [..], due_count, due_missed, overdue_count
    risks:        open (count), by_band {Low, Medium, High, Critical, Unscored},
                  heatmap [[count]*5]*5 with heatmap[p-1][i-1] for probability p, impact i
    rag_trend:    [{period, R, A, G, B, X}] for up to the last 6 reported periods up to this one
    kpis:         figures for the dashboard tiles (see _kpis)

Milestones: due this period = forecast finish (tasks.finish_date) within the period; overdue = not
complete by the period end, forecast finish before the period end, project not Closed. A milestone
is complete at the period end when its actual finish is on or before it, or it is 100% complete.
Risks open at the period end: raised on or before it (or undated) and not closed by then.
"""

from __future__ import annotations

from datetime import date

from pmo_desktop.domain.enums import Stage
from pmo_desktop.domain.scores import ScoreBand, risk_score, score_band
from pmo_desktop.finance.earned_value import project_earned_values
from pmo_desktop.finance.periods import Period, resolve_period
from pmo_desktop.finance.rag import project_rags
from pmo_desktop.finance.rollups import portfolio_total, programme_totals, project_finances
from pmo_desktop.store import Portfolio

RAG_KEYS = ("R", "A", "G", "B", "X")
TREND_PERIODS = 6


def portfolio_summary(pf: Portfolio, period: date | str | None = None, *, require_data: bool = True) -> dict:
    """The summary for `period` (date or 'YYYY-MM-DD'; default the period in force).

    Raises finance.periods.PeriodError for a malformed period or (with `require_data`) one with no
    budget lines in its month and no status reports. Every figure comes from one state of the file.
    """
    with pf.snapshot():
        return _summary(pf, period, require_data=require_data)


def _summary(pf: Portfolio, period: date | str | None, *, require_data: bool) -> dict:
    p = resolve_period(pf, period, require_data=require_data)
    settings = pf.settings()
    finances = project_finances(pf, p)
    evs = project_earned_values(pf, p, finances)
    rags = project_rags(pf, p, finances)
    projects = []
    by_rag = dict.fromkeys(RAG_KEYS, 0)
    differs = {"cost": 0, "schedule": 0}
    for f in finances:
        ev, rag = evs[f.project_id], rags[f.project_id]
        overall = rag.overall if rag.overall in by_rag else "X"
        by_rag[overall] += 1
        differs["cost"] += rag.cost.differs
        differs["schedule"] += rag.schedule.differs
        row = {"id": f.project_id, "code": f.code, "name": f.name, "programme": f.programme, "stage": f.stage,
               "overall": rag.overall, "reported_period": rag.reported_period}
        row.update({k: v for k, v in f.as_dict().items() if k not in ("project_id", "code", "name", "programme",
                                                                       "programme_id", "stage")})
        row.update(cpi=ev.cpi, spi=ev.spi, earned_value=ev.as_dict(), cost_rag=rag.cost.as_dict(),
                   schedule_rag=rag.schedule.as_dict())
        projects.append(row)
    totals = portfolio_total(finances)
    milestones = _milestones(pf, p)
    risks = _risks(pf, p)
    return {
        "portfolio": settings.get("portfolio_name"),
        "currency": settings.get("currency") or "GBP",
        "fy_start_month": p.fy_start_month,
        "period": p.as_dict(),
        "counts": {"projects": len(finances),
                   "programmes": len({f.programme_id for f in finances if f.programme_id is not None})},
        "by_stage": _by_stage(pf),
        "by_rag": by_rag,
        "totals": totals.as_dict(),
        "programmes": [t.as_dict() for t in programme_totals(finances)],
        "projects": projects,
        "rag_differs": differs,
        "milestones": milestones,
        "risks": risks,
        "rag_trend": _rag_trend(pf, p),
        "kpis": _kpis(by_rag, totals.as_dict(), milestones, risks),
    }


def _by_stage(pf: Portfolio) -> dict[str, int]:
    counts = dict(pf.conn.execute("SELECT coalesce(stage, '(none)'), count(*) FROM projects GROUP BY 1"))
    order = {s.value: s.order for s in Stage}
    return {k: counts[k] for k in sorted(counts, key=lambda s: (order.get(s, 99), s))}


def _milestones(pf: Portfolio, p: Period) -> dict:
    start, end = p.start.isoformat(), p.end.isoformat()
    complete = "(coalesce(t.percent_complete, 0) >= 100 OR (t.actual_finish IS NOT NULL AND t.actual_finish <= :end))"
    select = f"""SELECT p.code, p.name, t.name, t.finish_date, t.baseline_finish, {complete}
                 FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.kind = 'milestone' AND """
    params = {"start": start, "end": end}
    due = pf.conn.execute(select + "t.finish_date BETWEEN :start AND :end ORDER BY t.finish_date, p.code, t.sort_order",
                          params).fetchall()
    overdue = pf.conn.execute(
        select + f"""t.finish_date < :end AND NOT {complete} AND coalesce(p.stage, '') <> 'Closed'
                     ORDER BY t.finish_date, p.code, t.sort_order""", params).fetchall()

    def item(r):
        return {"project": r[0], "project_name": r[1], "milestone": r[2], "due": r[3], "baseline": r[4],
                "complete": bool(r[5])}

    return {"due_this_period": [item(r) for r in due], "overdue": [item(r) for r in overdue],
            "due_count": len(due), "due_missed": sum(1 for r in due if not r[5]), "overdue_count": len(overdue)}


def open_risks_sql(end: str, alias: str = "") -> tuple[str, list[str]]:
    """The SQL condition (and its parameters) for a risk open at the end of a period ('YYYY-MM-DD'):
    raised by then and not closed by then. `alias` qualifies the raid_items columns ("r" gives r.type).
    The heat map counts with it and the dashboard filters the RAID log with it, so the two agree."""
    a = f"{alias}." if alias else ""
    return (f"{a}type = 'Risk' AND ({a}raised_date IS NULL OR {a}raised_date <= ?) AND CASE WHEN "
            f"{a}closed_date IS NOT NULL THEN {a}closed_date > ? ELSE {a}status <> 'Closed' END", [end, end])


def _risks(pf: Portfolio, p: Period) -> dict:
    end = p.end.isoformat()
    bands = {b.value: 0 for b in ScoreBand} | {"Unscored": 0}
    heat = [[0] * 5 for _ in range(5)]
    where, params = open_risks_sql(end)
    rows = pf.conn.execute(
        f"SELECT probability, impact, count(*) FROM raid_items WHERE {where} GROUP BY probability, impact",
        params,
    ).fetchall()
    total = 0
    for prob, impact, n in rows:
        total += n
        band = score_band(risk_score(prob, impact))
        bands[band.value if band else "Unscored"] += n
        if prob and impact:
            heat[prob - 1][impact - 1] += n
    return {"open": total, "by_band": bands, "heatmap": heat}


def _rag_trend(pf: Portfolio, p: Period) -> list[dict]:
    periods = [r[0] for r in pf.conn.execute(
        "SELECT DISTINCT period FROM status_reports WHERE period <= ? ORDER BY period DESC LIMIT ?",
        (p.end.isoformat(), TREND_PERIODS))]
    out = []
    for period in reversed(periods):
        counts = dict.fromkeys(RAG_KEYS, 0)
        for rag, n in pf.conn.execute(
            "SELECT coalesce(rag_overall, 'X'), count(*) FROM status_reports WHERE period = ? GROUP BY 1", (period,)
        ):
            counts[rag if rag in counts else "X"] += n
        out.append({"period": period, **counts})
    return out


def _kpis(by_rag: dict, totals: dict, milestones: dict, risks: dict) -> dict:
    """Dashboard tiles: RAG counts, spend to date against plan to date, EAC against budget,
    milestones due this period (and missed), open High and Critical risks."""
    return {
        "projects_by_rag": by_rag,
        "actual_to_date": totals["actual_to_date"],
        "planned_to_date": totals["planned_to_date"],
        "approved_budget": totals["approved_budget"],
        "eac": totals["eac"],
        "variance": totals["variance"],
        "variance_pct": totals["variance_pct"],
        "milestones_due": milestones["due_count"],
        "milestones_missed": milestones["due_missed"],
        "milestones_overdue": milestones["overdue_count"],
        "open_red_risks": risks["by_band"]["High"] + risks["by_band"]["Critical"],
    }
