"""Finance service: budget roll-ups, EAC and variance, earned value, derived RAGs, the portfolio
summary. No Qt. The GUI, the CLI (`pmo summary`) and the board pack call these functions.

Public API (stable; see each module's docstring for the exact definitions):
    periods:      Period, PeriodError, resolve_period, available_periods, parse_period, fy_label, fy_quarter, quarter_label
    rollups:      ProjectFinance, FinanceTotals, SpendBucket, SplitLine, SCurvePoint,
                  project_finances, programme_totals, portfolio_total, total,
                  spend_by_month, spend_by_quarter, spend_by_year, spend_split, s_curve
    earned_value: EarnedValue, earned_value, planned_percent, project_earned_values
    rag:          RagPair, ProjectRags, derive_cost_rag, derive_schedule_rag,
                  worst_milestone_slippage, project_rags
    summary:      portfolio_summary
    budget:       BudgetGrid, BudgetEdit, BudgetError, budget_grid, apply_budget_edits (the budget view)
"""

from pmo_desktop.finance.budget import BudgetEdit, BudgetError, BudgetGrid, apply_budget_edits, budget_grid
from pmo_desktop.finance.earned_value import EarnedValue, earned_value, planned_percent, project_earned_values
from pmo_desktop.finance.periods import (
    Period,
    PeriodError,
    available_periods,
    fy_label,
    fy_quarter,
    parse_period,
    quarter_label,
    resolve_period,
)
from pmo_desktop.finance.rag import (
    ProjectRags,
    RagPair,
    derive_cost_rag,
    derive_schedule_rag,
    project_rags,
    worst_milestone_slippage,
)
from pmo_desktop.finance.rollups import (
    FinanceTotals,
    ProjectFinance,
    SCurvePoint,
    SpendBucket,
    SplitLine,
    portfolio_total,
    programme_totals,
    project_finances,
    s_curve,
    spend_by_month,
    spend_by_quarter,
    spend_by_year,
    spend_split,
    total,
)
from pmo_desktop.finance.summary import open_risks_sql, portfolio_summary

__all__ = [
    "BudgetEdit", "BudgetError", "BudgetGrid", "apply_budget_edits", "budget_grid",
    "available_periods", "EarnedValue", "FinanceTotals", "Period", "PeriodError", "ProjectFinance", "ProjectRags", "RagPair",
    "SCurvePoint", "SpendBucket", "SplitLine", "derive_cost_rag", "derive_schedule_rag", "earned_value",
    "fy_label", "fy_quarter", "open_risks_sql", "parse_period", "planned_percent", "portfolio_summary", "portfolio_total",
    "programme_totals", "project_earned_values", "project_finances", "project_rags", "quarter_label",
    "resolve_period", "s_curve", "spend_by_month", "spend_by_quarter", "spend_by_year", "spend_split",
    "total", "worst_milestone_slippage",
]
