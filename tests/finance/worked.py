"""A small portfolio whose figures are worked out by hand in the tests (amounts in pence).

Period 2026-10-31 (cut-off month October), FY starting in April.
"""

from __future__ import annotations

from pmo_desktop.store import Portfolio
from pmo_desktop.store.settings import write_setting

PERIOD = "2026-10-31"


def line(pf: Portfolio, project: int, category: str, spend: str, month: str, planned: int,
         actual: int | None = None, forecast: int | None = None) -> None:
    pf.conn.execute(
        "INSERT INTO budget_lines (project_id, category, spend_type, month, planned, actual, forecast)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", (project, category, spend, month, planned, actual, forecast))


def project(pf: Portfolio, code: str, programme: int | None, budget: int | None, **extra) -> int:
    values = {"code": code, "name": f"Project {code}", "programme_id": programme, "approved_budget": budget,
              **extra}
    cols = ", ".join(values)
    return pf.conn.execute(f"INSERT INTO projects ({cols}) VALUES ({', '.join('?' for _ in values)})",
                           list(values.values())).lastrowid


def build(pf: Portfolio) -> dict[str, int]:
    """P1, P2 in Alpha; P3 (zero budget), P5 (no lines) in Beta; P4 (no budget, no programme)."""
    with pf.batch("cli", "worked example"):
        c = pf.conn
        write_setting(c, "current_period", PERIOD)
        write_setting(c, "fy_start_month", 4)
        alpha = c.execute("INSERT INTO programmes (name) VALUES ('Alpha')").lastrowid
        beta = c.execute("INSERT INTO programmes (name) VALUES ('Beta')").lastrowid
        p1 = project(pf, "P1", alpha, 1_000_000, stage="Execution", rag_overall="G", rag_cost="G",
                     percent_complete=40.0)
        p2 = project(pf, "P2", alpha, 500_000, stage="Execution", rag_overall="A", rag_cost="G")
        p3 = project(pf, "P3", beta, 0, stage="Planning", rag_overall="R")
        p4 = project(pf, "P4", None, None, stage="Idea")
        p5 = project(pf, "P5", beta, 70_000, stage="Closed", rag_overall="B")
        line(pf, p1, "Labour", "OPEX", "2026-08-01", 100_000, actual=120_000)
        line(pf, p1, "Labour", "OPEX", "2026-09-01", 100_000, actual=90_000)
        line(pf, p1, "Labour", "OPEX", "2026-10-01", 100_000)  # actual missing: counts as nothing spent
        line(pf, p1, "Labour", "OPEX", "2026-11-01", 200_000, actual=999_999, forecast=250_000)  # actual ignored
        line(pf, p1, "Labour", "OPEX", "2026-12-01", 200_000)  # no forecast: the plan stands
        line(pf, p1, "Hardware", "CAPEX", "2026-10-01", 300_000, actual=310_000)
        line(pf, p1, "Hardware", "CAPEX", "2027-01-01", 100_000, forecast=0)  # a real zero forecast
        line(pf, p2, "Contractors", "OPEX", "2026-10-01", 200_000, actual=250_000)
        line(pf, p2, "Contractors", "OPEX", "2026-11-01", 300_000, forecast=330_000)
        line(pf, p3, "Other", "OPEX", "2026-09-01", 0, actual=50_000)
        line(pf, p4, "Software", "CAPEX", "2027-02-01", 40_000)
    return {"P1": p1, "P2": p2, "P3": p3, "P4": p4, "P5": p5, "alpha": alpha, "beta": beta}
