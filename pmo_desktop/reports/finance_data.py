"""The board pack's money figures, all from the finance service (pmo_desktop.finance): the pack does
no finance arithmetic of its own, it only selects and arranges what the service computes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmo_desktop import finance
from pmo_desktop.finance import FinanceTotals, ProjectFinance, ProjectRags, SCurvePoint, SplitLine
from pmo_desktop.store import Portfolio


@dataclass
class EacMove:
    project_id: int
    code: str
    name: str
    before: int
    after: int
    approved_budget: int | None

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass
class PackFinance:
    period: finance.Period
    totals: FinanceTotals
    programmes: list[FinanceTotals]
    s_curve: list[SCurvePoint]
    by_spend_type: list[SplitLine]
    by_category: list[SplitLine]
    projects: dict[int, ProjectFinance]
    rags: dict[int, ProjectRags]
    eac_moves: list[EacMove]  # EAC now against EAC at the previous period's cut-off, largest first
    cost_thresholds: dict | None  # settings cost_rag, for the derived cost RAG of a group


def load_finance(pf: Portfolio, period: date, previous: date | None, project_ids: list[int] | None) -> PackFinance:
    """Figures for `project_ids` (None = the whole portfolio) at the period end."""
    p = finance.resolve_period(pf, period, require_data=False)
    rows = finance.project_finances(pf, p, project_ids)
    moves = []
    if previous is not None:
        before = {f.project_id: f for f in finance.project_finances(
            pf, finance.resolve_period(pf, previous, require_data=False), project_ids)}
        for f in rows:
            old = before.get(f.project_id)
            if old is not None and old.budget_lines and old.eac != f.eac:
                moves.append(EacMove(f.project_id, f.code, f.name, old.eac, f.eac, f.approved_budget))
        moves.sort(key=lambda m: (-abs(m.change), m.code))
    return PackFinance(
        period=p, totals=finance.portfolio_total(rows), programmes=finance.programme_totals(rows),
        s_curve=finance.s_curve(pf, p, project_ids),
        by_spend_type=finance.spend_split(pf, p, "spend_type", project_ids),
        by_category=finance.spend_split(pf, p, "category", project_ids),
        projects={f.project_id: f for f in rows}, rags=finance.project_rags(pf, p, rows), eac_moves=moves,
        cost_thresholds=pf.settings().get("cost_rag"),
    )
