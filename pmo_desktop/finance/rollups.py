"""Budget roll-ups: per project, programme and portfolio; by month, FY quarter and FY; splits.

Definitions (money in integer minor units; a period is a `Period` from finance.periods):
- approved budget: projects.approved_budget (None when not set).
- planned total: sum of `planned` over all of the project's budget lines.
- planned to date: sum of `planned` for months up to and including the cut-off month.
- actual to date: sum of `actual` for months up to and including the cut-off month; a missing
  actual in those months counts as nothing spent and is counted in `missing_actuals`.
  Actuals entered for months after the cut-off are ignored (those months are forecast).
- forecast remaining: for months after the cut-off, `forecast`, or `planned` where no forecast
  was entered (the plan stands until re-forecast).
- EAC (estimate at completion) = actual to date + forecast remaining.
- variance = EAC - approved budget: positive is a forecast overrun. variance % = variance /
  approved budget x 100. Both None without an approved budget (or with a zero one, for %) and
  for a project with no budget lines at all (no figures to compare, not a 100% underspend).
- burn rate: average monthly actual over the last three months ending with the cut-off month,
  counting only months in which the project has budget lines (a project that started last month
  is not diluted); None when it has no lines in that window.
- months of runway = (approved budget - actual to date) / burn rate, 0 when the budget is already
  spent; None without a budget or with a zero or missing burn rate.
Roll-ups (programme, portfolio) are sums of their projects' figures. Group variance sums only
projects that have a variance (an approved budget and budget lines), and its % is against those
projects' budgets, so a programme's variance is exactly the sum of its projects'. Group burn rate is the sum of project
burn rates; group runway is the budgeted projects' remaining budget over their summed burn rate.
All aggregation is done in SQL in one pass over budget_lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pmo_desktop.domain import workdays
from pmo_desktop.domain.dates import format_month, resolve_date_format
from pmo_desktop.domain.money import safe_ratio
from pmo_desktop.finance.periods import Period, fy_label, fy_quarter
from pmo_desktop.store import Portfolio
from pmo_desktop.store.id_lists import scope_sql

BURN_WINDOW_MONTHS = 3  # the SQL in project_finances counts these three months one by one


@dataclass(frozen=True)
class ProjectFinance:
    """The money figures of one project at a period (see the module docstring for definitions)."""

    project_id: int
    code: str
    name: str
    programme_id: int | None
    programme: str | None
    stage: str | None
    approved_budget: int | None
    planned_total: int
    planned_to_date: int
    actual_to_date: int
    forecast_remaining: int
    eac: int
    variance: int | None
    variance_pct: float | None
    burn_rate: float | None
    runway_months: float | None
    budget_lines: int
    missing_actuals: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)  # flat fields: a shallow copy is exact and fast


@dataclass(frozen=True)
class FinanceTotals:
    """Summed figures of a group of projects (a programme, or the portfolio when key is None)."""

    key: int | None  # programme id; None for the portfolio or for projects without a programme
    label: str
    projects: int
    projects_without_budget: int
    approved_budget: int  # sum over projects that have one
    planned_total: int
    planned_to_date: int
    actual_to_date: int
    forecast_remaining: int
    eac: int
    variance: int  # sum of project variances (projects with a budget and budget lines only)
    variance_pct: float | None
    burn_rate: float | None
    runway_months: float | None

    def as_dict(self) -> dict:
        return dict(self.__dict__)  # flat fields: a shallow copy is exact and fast


@dataclass(frozen=True)
class SpendBucket:
    """Spend in one month, FY quarter or FY. `actual` covers the bucket's months up to the cut-off
    (None when all of them are later); `forecast` its months after the cut-off (None when all are
    earlier); `outturn` = actual + forecast, the bucket's share of EAC."""

    key: str  # '2026-10-01', 'FY2026/27 Q3', 'FY2026/27'
    label: str  # 'Oct 2026' (a month in the portfolio's date format: '2026-10', '10/2026'), 'Q3 FY2026/27', 'FY2026/27'
    start: date
    planned: int
    actual: int | None
    forecast: int | None
    outturn: int

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["start"] = self.start.isoformat()
        return d


@dataclass(frozen=True)
class SplitLine:
    """Spend of one CAPEX/OPEX type or one cost category."""

    key: str
    planned_total: int
    planned_to_date: int
    actual_to_date: int
    forecast_remaining: int
    eac: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)  # flat fields: a shallow copy is exact and fast


@dataclass(frozen=True)
class SCurvePoint:
    """Cumulative spend at the end of `month`. actual_cum stops at the cut-off month; forecast_cum
    starts there (equal to actual_cum) and adds the forecast, so the two lines join."""

    month: date
    planned_cum: int
    actual_cum: int | None
    forecast_cum: int | None

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["month"] = self.month.isoformat()
        return d


# -- scope ------------------------------------------------------------------------------------------


def _bounds(period: Period) -> tuple[str, str]:
    """(first month after the cut-off, first month of the burn window) as ISO text."""
    after = workdays.add_months(period.cutoff_month, 1).isoformat()
    window = workdays.add_months(period.cutoff_month, -(BURN_WINDOW_MONTHS - 1)).isoformat()
    return after, window


# -- projects -----------------------------------------------------------------------------------------


def project_finances(pf: Portfolio, period: Period, project_ids: Iterable[int] | None = None) -> list[ProjectFinance]:
    """Every project's figures at `period` (or only `project_ids`), ordered by project code."""
    after, window = _bounds(period)
    where, args = scope_sql(project_ids, "p.id", ":ids")
    rows = pf.conn.execute(
        f"""SELECT p.id, p.code, p.name, p.programme_id, g.name, p.stage, p.approved_budget,
                   coalesce(b.n, 0), coalesce(b.planned_total, 0), coalesce(b.planned_to_date, 0),
                   coalesce(b.actual_to_date, 0), coalesce(b.forecast_remaining, 0),
                   coalesce(b.missing, 0), b.burn_sum, coalesce(b.burn_months, 0)
            FROM projects p
            LEFT JOIN programmes g ON g.id = p.programme_id
            LEFT JOIN (
                SELECT project_id, count(*) AS n, sum(planned) AS planned_total,
                  sum(CASE WHEN month < :after THEN planned ELSE 0 END) AS planned_to_date,
                  sum(CASE WHEN month < :after THEN coalesce(actual, 0) ELSE 0 END) AS actual_to_date,
                  sum(CASE WHEN month >= :after THEN coalesce(forecast, planned) ELSE 0 END) AS forecast_remaining,
                  sum(CASE WHEN month < :after AND actual IS NULL THEN 1 ELSE 0 END) AS missing,
                  sum(CASE WHEN month >= :window AND month < :after THEN coalesce(actual, 0) END) AS burn_sum,
                  max(month >= :window AND month < :w2) + max(month >= :w2 AND month < :w3)
                    + max(month >= :w3 AND month < :after) AS burn_months
                FROM budget_lines GROUP BY project_id
            ) b ON b.project_id = p.id
            WHERE 1 = 1{where}
            ORDER BY p.code""",
        {"after": after, "window": window, "w2": workdays.add_months(period.cutoff_month, -1).isoformat(),
         "w3": period.cutoff_month.isoformat(), **({"ids": args[0]} if args else {})},
    ).fetchall()
    return [_project(row) for row in rows]


def _project(row: tuple) -> ProjectFinance:
    (pid, code, name, prog_id, prog, stage, budget, n, planned_total, planned_to_date, actual, forecast,
     missing, burn_sum, burn_months) = row
    eac = actual + forecast
    variance = None if budget is None or n == 0 else eac - budget
    burn = burn_sum / burn_months if burn_months else None
    return ProjectFinance(
        project_id=pid, code=code, name=name, programme_id=prog_id, programme=prog, stage=stage,
        approved_budget=budget, planned_total=planned_total, planned_to_date=planned_to_date,
        actual_to_date=actual, forecast_remaining=forecast, eac=eac, variance=variance,
        variance_pct=_pct(variance, budget), burn_rate=burn, runway_months=runway(budget, actual, burn),
        budget_lines=n, missing_actuals=missing,
    )


def _pct(part: float | None, whole: float | None) -> float | None:
    ratio = safe_ratio(part, whole)
    return None if ratio is None else ratio * 100


def runway(budget: int | None, spent: int, burn: float | None) -> float | None:
    """Months the remaining budget lasts at `burn` per month; 0 once it is spent."""
    if budget is None or not burn or burn <= 0:
        return None
    return max(0.0, (budget - spent) / burn)


# -- roll-ups -------------------------------------------------------------------------------------------


def total(projects: Sequence[ProjectFinance], key: int | None = None, label: str = "Portfolio") -> FinanceTotals:
    """Sum a group of project figures (see the module docstring for variance, burn and runway)."""
    budgeted = [p for p in projects if p.approved_budget is not None]
    approved = sum(p.approved_budget for p in budgeted)
    compared = [p for p in projects if p.variance is not None]
    variance = sum(p.variance for p in compared)
    compared_budget = sum(p.approved_budget for p in compared)
    burns = [p.burn_rate for p in projects if p.burn_rate is not None]
    burn = sum(burns) if burns else None
    budget_burn = sum(p.burn_rate for p in budgeted if p.burn_rate is not None)
    remaining = sum(p.approved_budget - p.actual_to_date for p in budgeted if p.burn_rate is not None)
    return FinanceTotals(
        key=key, label=label, projects=len(projects), projects_without_budget=len(projects) - len(budgeted),
        approved_budget=approved,
        planned_total=sum(p.planned_total for p in projects),
        planned_to_date=sum(p.planned_to_date for p in projects),
        actual_to_date=sum(p.actual_to_date for p in projects),
        forecast_remaining=sum(p.forecast_remaining for p in projects),
        eac=sum(p.eac for p in projects),
        variance=variance, variance_pct=_pct(variance, compared_budget) if compared else None,
        burn_rate=burn,
        runway_months=max(0.0, remaining / budget_burn) if budget_burn > 0 else None,
    )


def programme_totals(projects: Sequence[ProjectFinance]) -> list[FinanceTotals]:
    """One FinanceTotals per programme, by name; projects without one are grouped last as
    '(no programme)'. Programmes with no projects do not appear."""
    groups: dict[int | None, list[ProjectFinance]] = {}
    names: dict[int | None, str] = {}
    for p in projects:
        groups.setdefault(p.programme_id, []).append(p)
        names[p.programme_id] = p.programme or "(no programme)"
    order = sorted(groups, key=lambda k: (k is None, names[k].casefold()))
    return [total(groups[k], key=k, label=names[k]) for k in order]


def portfolio_total(projects: Sequence[ProjectFinance]) -> FinanceTotals:
    return total(projects)


# -- time buckets ----------------------------------------------------------------------------------------


def _cube(pf: Portfolio, project_ids: Iterable[int] | None) -> list[tuple[str, str, str, int, int, int]]:
    """(month 'YYYY-MM-01', spend_type, category, planned, actual or 0, forecast or planned) summed
    per month, type and category: one ordered pass over the covering index idx_budget_rollup."""
    where, args = scope_sql(project_ids, "project_id")
    rows = pf.conn.execute(
        f"""SELECT month, spend_type, category, sum(planned), sum(coalesce(actual, 0)),
                   sum(coalesce(forecast, planned))
            FROM budget_lines WHERE 1 = 1{where} GROUP BY month, spend_type, category""",
        args,
    ).fetchall()
    # a month stored as any other day of the month is folded into its month
    return [(m[:7] + "-01", *rest) for m, *rest in rows]


def spend_by_month(pf: Portfolio, period: Period, project_ids: Iterable[int] | None = None, *,
                   lang: str = "en") -> list[SpendBucket]:
    """Every month that has budget lines (in scope), oldest first; each labelled in the portfolio's date
    format (settings date_format) and `lang`: 'Oct 2026', '2026-10', '10/2026', '2026年10月'."""
    after, _ = _bounds(period)
    style = resolve_date_format(pf.settings().get("date_format"), lang)
    sums: dict[str, list[int]] = {}
    for month_text, _type, _cat, planned, actual, forecast in _cube(pf, project_ids):
        acc = sums.setdefault(month_text, [0, 0, 0])
        acc[0] += planned
        acc[1] += actual
        acc[2] += forecast
    out = []
    for month_text in sorted(sums):
        planned, actual, forecast = sums[month_text]
        month = date.fromisoformat(month_text)
        past = month_text < after
        out.append(SpendBucket(key=month_text, label=format_month(month, style, lang=lang), start=month, planned=planned,
                               actual=actual if past else None, forecast=None if past else forecast,
                               outturn=actual if past else forecast))
    return out


def _regroup(months: list[SpendBucket], key_of, label_of) -> list[SpendBucket]:
    buckets: dict[str, list[SpendBucket]] = {}
    for m in months:
        buckets.setdefault(key_of(m.start), []).append(m)
    out = []
    for key, items in buckets.items():
        actuals = [m.actual for m in items if m.actual is not None]
        forecasts = [m.forecast for m in items if m.forecast is not None]
        out.append(SpendBucket(key=key, label=label_of(items[0].start), start=items[0].start,
                               planned=sum(m.planned for m in items),
                               actual=sum(actuals) if actuals else None,
                               forecast=sum(forecasts) if forecasts else None,
                               outturn=sum(m.outturn for m in items)))
    return out


def spend_by_quarter(pf: Portfolio, period: Period, project_ids: Iterable[int] | None = None) -> list[SpendBucket]:
    """FY quarters (settings fy_start_month) that have budget lines; `start` is the first month
    with data in the quarter."""
    fy = period.fy_start_month
    return _regroup(spend_by_month(pf, period, project_ids),
                    lambda d: f"{fy_label(d, fy)} Q{fy_quarter(d, fy)}",
                    lambda d: f"Q{fy_quarter(d, fy)} {fy_label(d, fy)}")


def spend_by_year(pf: Portfolio, period: Period, project_ids: Iterable[int] | None = None) -> list[SpendBucket]:
    """Financial years that have budget lines."""
    fy = period.fy_start_month
    return _regroup(spend_by_month(pf, period, project_ids), lambda d: fy_label(d, fy), lambda d: fy_label(d, fy))


def spend_split(pf: Portfolio, period: Period, by: str = "spend_type",
                project_ids: Iterable[int] | None = None) -> list[SplitLine]:
    """Spend by CAPEX/OPEX (`by="spend_type"`) or by cost category (`by="category"`), largest EAC first."""
    if by not in ("spend_type", "category"):
        raise ValueError(f"cannot split spend by {by!r}")
    after, _ = _bounds(period)
    sums: dict[str, list[int]] = {}
    for month_text, spend_type, category, planned, actual, forecast in _cube(pf, project_ids):
        acc = sums.setdefault(spend_type if by == "spend_type" else category, [0, 0, 0, 0])
        acc[0] += planned
        if month_text < after:
            acc[1] += planned
            acc[2] += actual
        else:
            acc[3] += forecast
    lines = [SplitLine(key=k, planned_total=pt, planned_to_date=pd, actual_to_date=a, forecast_remaining=f,
                       eac=a + f) for k, (pt, pd, a, f) in sums.items()]
    return sorted(lines, key=lambda s: (-s.eac, s.key))


def s_curve(pf: Portfolio, period: Period, project_ids: Iterable[int] | None = None) -> list[SCurvePoint]:
    """Cumulative planned, actual and forecast by month for the S-curve chart."""
    months = spend_by_month(pf, period, project_ids)
    last_actual = max((i for i, m in enumerate(months) if m.actual is not None), default=None)
    points = []
    planned = outturn = 0
    for i, m in enumerate(months):
        planned += m.planned
        outturn += m.outturn
        points.append(SCurvePoint(
            month=m.start, planned_cum=planned,
            actual_cum=outturn if m.actual is not None else None,
            forecast_cum=outturn if (m.forecast is not None or i == last_actual) else None,
        ))
    return points
