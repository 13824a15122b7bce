"""Realisation for the portfolio: planned, forecast and actual over time, and the at-risk list.

Sums are of cash-releasing benefits only (money adds up; days and percentages do not), in major
currency units. Non-cash and qualitative benefits are counted (by the FY they are due: realised, at risk,
lost) and their progress is shown one by one.
The curve holds each benefit's level between measurements (see model.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from pmo_desktop.benefits.model import OPEN_STATUSES, STATUSES, TYPES, Benefit, month_ends
from pmo_desktop.benefits.register import benefit_row, load_benefits
from pmo_desktop.domain import workdays
from pmo_desktop.finance.periods import fy_label
from pmo_desktop.store import Portfolio

_month_end = lru_cache(maxsize=4096)(workdays.month_end)  # measurements share a few hundred month ends


def as_of(pf: Portfolio, today: date | None = None) -> date:
    """The end of the current reporting period (settings), else the end of last month."""
    period = pf.settings().get("current_period")
    if period:
        try:
            return date.fromisoformat(str(period)[:10])
        except ValueError:
            pass
    return workdays.previous_month_end(today or date.today())


def curve(benefits: Sequence[Benefit], when: date) -> list[dict[str, Any]]:
    """Month by month: cash planned, forecast and actual gains summed over cash-releasing benefits.

    Actual stops at `when`; forecast starts at `when` from the actual level there (so the lines meet).
    Planned and actual are summed as steps (each measurement moves its benefit's level once), so the
    work grows with the measurements, not with benefits × months."""
    cash = [b for b in benefits if b.is_cash]
    dates = [d for b in cash for s in (b.planned, b.forecast, b.actual) for d in s]
    if not dates:
        return []
    months = month_ends(min(dates), max(dates))
    steps = {name: _steps(cash, name) for name in ("planned", "actual")}
    future = [m for m in months if m >= when]
    moves: dict[date, float] = {}
    for b in cash:  # the forecast-else-plan level changes only in months where this benefit has a value
        points = sorted({_month_end(d) for s in (b.forecast, b.planned) for d in s if d > when})
        previous = _forecast_or_actual(b, when, when)
        moves[when] = moves.get(when, 0.0) + previous
        for m in points:
            value = _forecast_or_actual(b, m, when)
            moves[m] = moves.get(m, 0.0) + value - previous
            previous = value
    forecast, running = {}, 0.0
    for m in future:
        running += moves.get(m, 0.0)
        forecast[m] = running
    out, level = [], {"planned": 0.0, "actual": 0.0}
    for month in months:
        for name in level:
            level[name] += steps[name].get(month, 0.0)
        point = {"period": month.isoformat(), "planned": round(level["planned"], 2), "actual": None,
                 "forecast": None}
        if month <= when:
            point["actual"] = round(level["actual"], 2)
        if month >= when:
            point["forecast"] = round(forecast[month], 2)
        out.append(point)
    return out


def _steps(benefits: Sequence[Benefit], series: str) -> dict[date, float]:
    """How much the summed gain of `series` moves in each month (by month end)."""
    out: dict[date, float] = {}
    for b in benefits:
        values = getattr(b, series)
        previous = b.baseline or 0.0
        for d in sorted(values):
            month = _month_end(d)
            out[month] = out.get(month, 0.0) + values[d] - previous
            previous = values[d]
    return out


def _forecast_or_actual(b: Benefit, month: date, when: date) -> float:
    if month == when and b.actual:
        gain = b.gain("actual", when)
        if gain is not None:
            return gain
    gain = b.gain("forecast", month)
    if gain is None:
        gain = b.gain("planned", month)
    return gain or 0.0


def by_year(benefits: Sequence[Benefit], fy_start_month: int, when: date, *, series: str = "best") -> dict[str, float]:
    """Cash released in each financial year: the gain at the FY's end less the gain at its start.

    `series` "best" takes actuals up to `when` and forecasts (else the plan) after it."""
    cash = [b for b in benefits if b.is_cash]
    dates = [d for b in cash for s in (b.planned, b.forecast, b.actual) for d in s]
    if not dates:
        return {}
    out: dict[str, float] = {}
    first = workdays.fy_start(min(dates), fy_start_month)
    last = max(dates)
    start = first
    while start <= last:
        end = workdays.month_end(workdays.add_months(start, 11))
        before = workdays.month_end(workdays.add_months(start, -1))
        total = sum(_best(b, end, when, series) - _best(b, before, when, series) for b in cash)
        out[fy_label(start, fy_start_month)] = round(total, 2)
        start = workdays.add_months(start, 12)
    return out


def _best(b: Benefit, month: date, when: date, series: str) -> float:
    if series != "best":
        return b.gain(series, month) or 0.0
    if month <= when:
        gain = b.gain("actual", month)
        return gain if gain is not None else 0.0
    return _forecast_or_actual(b, month, when)


NON_CASH_STATES = ("realised", "at_risk", "lost")  # counted per FY beside "due"; the rest are on track


def non_cash_state(b: Benefit) -> str:
    """Where a non-cash or qualitative benefit stands: realised, lost (its owner says so, or every project
    delivering it is cancelled), at risk (the owner or the numbers say so), else on track."""
    if b.status == "Realised":
        return "realised"
    if b.status == "Lost" or (b.projects and all((p.status or "") == "Cancelled" for p in b.projects)):
        return "lost"
    return "at_risk" if b.derived_status == "At risk" else "on_track"


def non_cash_due(b: Benefit, fy_start_month: int) -> tuple[str | None, str]:
    """(FY its expected date falls in, or None when it has no target date; its state)."""
    expected = b.expected_date
    fy = None if expected is None else fy_label(workdays.fy_start(expected, fy_start_month), fy_start_month)
    return fy, non_cash_state(b)


def non_cash_by_year(due: Sequence[tuple[str | None, str]]) -> dict[str, Any]:
    """Non-cash and qualitative benefits by the FY they are due, counted (their measures do not add up):
    {"by_fy": {FY: {"due": n, "realised": n, "at_risk": n, "lost": n}}, "undated": {...}} from non_cash_due's
    pairs. Sums of money are for cash-releasing benefits only (by_year)."""
    by_fy: dict[str, dict[str, int]] = {}
    undated = dict.fromkeys(("due", *NON_CASH_STATES), 0)
    for fy, state in due:
        counts = undated if fy is None else by_fy.setdefault(fy, dict.fromkeys(("due", *NON_CASH_STATES), 0))
        counts["due"] += 1
        if state in counts:
            counts[state] += 1
    return {"by_fy": dict(sorted(by_fy.items())), "undated": undated}


def portfolio_realisation(pf: Portfolio, *, when: date | None = None,
                          projects: set[str] | None = None) -> dict[str, Any]:
    """Everything `pmo benefits`, the dashboard tile and the board pack show, as plain data.

    `projects` (codes) keeps only the benefits linked to one of them (a pack for one programme)."""
    when = when or as_of(pf)
    benefits = load_benefits(pf)
    if projects is not None:
        benefits = [b for b in benefits if any(p.code in projects for p in b.projects)]
    settings = pf.settings()
    rows = [benefit_row(b, when) for b in benefits]
    cash = [b for b in benefits if b.is_cash]
    planned = sum(b.gain("planned", when) or 0.0 for b in cash)
    realised = sum(b.gain("actual", when) or 0.0 for b in cash)
    target = sum(b.span or 0.0 for b in cash if b.status != "Lost")
    forecast = sum(r["forecast_at_target"] or 0.0 for b, r in zip(benefits, rows, strict=True)
                   if b.is_cash and b.status != "Lost")
    at_risk = [r for r in rows if r["derived_status"] == "At risk"]
    return {
        "as_of": when.isoformat(),
        "currency": settings.get("currency"),
        "count": len(rows),
        "by_type": {t: sum(1 for b in benefits if b.type == t) for t in TYPES},
        "by_status": {s: sum(1 for b in benefits if b.status == s) for s in STATUSES},
        "at_risk_count": len(at_risk),
        "derived_at_risk_count": sum(1 for b in benefits if b.status in OPEN_STATUSES and b.status != "At risk"
                                     and b.derived_status == "At risk"),
        "cash": {"planned_to_date": round(planned, 2), "realised_to_date": round(realised, 2),
                 "target": round(target, 2), "forecast": round(forecast, 2),
                 "realised_vs_plan_pct": round(100 * realised / planned, 1) if planned else None},
        "by_year": by_year(benefits, int(settings.get("fy_start_month") or 4), when),
        "non_cash_by_year": non_cash_by_year([non_cash_due(b, int(settings.get("fy_start_month") or 4))
                                              for b in benefits if not b.is_cash]),
        "curve": curve(benefits, when),
        "at_risk": at_risk,
        "benefits": rows,
    }
