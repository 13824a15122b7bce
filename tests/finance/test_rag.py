"""Derived cost and schedule RAGs beside the manager's, with thresholds from settings."""

import pytest

from pmo_desktop.domain.enums import Rag
from pmo_desktop.finance import (
    RagPair,
    derive_cost_rag,
    derive_schedule_rag,
    project_finances,
    project_rags,
    resolve_period,
    worst_milestone_slippage,
)
from tests.finance import worked


@pytest.mark.parametrize("pct, rag", [
    (-20.0, Rag.GREEN), (0.0, Rag.GREEN), (5.0, Rag.GREEN), (5.01, Rag.AMBER), (10.0, Rag.AMBER),
    (10.01, Rag.RED), (None, None),
])
def test_cost_rag_default_thresholds(pct, rag):
    assert derive_cost_rag(pct, {"amber_over_pct": 5, "red_over_pct": 10}) is rag
    assert derive_cost_rag(pct) is rag


@pytest.mark.parametrize("days, rag", [(-3, Rag.GREEN), (10, Rag.GREEN), (11, Rag.AMBER), (20, Rag.AMBER),
                                       (21, Rag.RED), (None, None)])
def test_schedule_rag_default_thresholds(days, rag):
    assert derive_schedule_rag(days) is rag


def test_pair_differs_only_between_real_rags():
    assert RagPair("G", "R", 12.0).differs
    assert not RagPair("R", "R", 12.0).differs
    assert not RagPair("B", "R", 12.0).differs  # complete: not a disagreement
    assert not RagPair(None, "R", 12.0).differs
    assert not RagPair("A", None, None).differs


def _milestone(pf, project, baseline, forecast, *, pct=0.0, actual=None):
    pf.conn.execute(
        "INSERT INTO tasks (project_id, name, kind, baseline_finish, finish_date, percent_complete, actual_finish)"
        " VALUES (?, 'M', 'milestone', ?, ?, ?, ?)", (project, baseline, forecast, pct, actual))


@pytest.fixture
def ex(portfolio):
    ids = worked.build(portfolio)
    with portfolio.batch("cli", "milestones"):
        _milestone(portfolio, ids["P1"], "2026-10-30", "2026-11-13")  # Fri -> Fri: 10 working days late
        _milestone(portfolio, ids["P1"], "2026-10-30", "2026-10-28")  # early: -2
        _milestone(portfolio, ids["P2"], "2026-10-30", "2026-11-16")  # 11 late
        _milestone(portfolio, ids["P2"], "2026-09-01", "2026-12-31", pct=100.0)  # done: ignored
        # still open although due 9 Oct: it cannot land before the period end (Sat 31 Oct)
        _milestone(portfolio, ids["P3"], "2026-10-01", "2026-10-09")
        # finished after the period end: it was open at the period, slipping from 2 Oct to 30 Oct
        _milestone(portfolio, ids["P5"], "2026-10-02", "2026-11-04", actual="2026-11-04")
        _milestone(portfolio, ids["P4"], None, "2026-11-04")  # no baseline: ignored
    return portfolio, ids


def test_worst_milestone_slippage(ex):
    pf, ids = ex
    slips = worst_milestone_slippage(pf, resolve_period(pf))
    assert slips[ids["P1"]] == 10
    assert slips[ids["P2"]] == 11
    assert slips[ids["P3"]] == 21  # 2 Oct .. 30 Oct: 1 + 4 x 5 working days
    assert slips[ids["P5"]] == 23  # 5 Oct .. 4 Nov
    assert ids["P4"] not in slips


def test_project_rags_manager_vs_derived(ex):
    pf, ids = ex
    period = resolve_period(pf)
    rags = project_rags(pf, period, project_finances(pf, period))
    p1, p2, p3 = rags[ids["P1"]], rags[ids["P2"]], rags[ids["P3"]]
    assert (p1.cost.manager, p1.cost.derived, p1.cost.differs) == ("G", "G", False)  # -3.0%
    assert (p1.schedule.derived, p1.schedule.basis) == ("G", 10)
    assert (p2.cost.manager, p2.cost.derived, p2.cost.basis, p2.cost.differs) == ("G", "R", 16.0, True)
    assert p2.schedule.derived == "A"
    assert p3.cost.derived is None  # zero approved budget: no % to judge
    assert p3.schedule.derived == "R"
    assert rags[ids["P4"]].cost.derived is None and rags[ids["P4"]].schedule.derived is None
    assert p1.reported_period is None  # no status report: the register's RAGs


def test_thresholds_come_from_settings(ex):
    pf, ids = ex
    pf.set_settings({"cost_rag": {"amber_over_pct": 20, "red_over_pct": 30},
                     "schedule_rag": {"amber_over_days": 5, "red_over_days": 10}})
    period = resolve_period(pf)
    rags = project_rags(pf, period, project_finances(pf, period))
    assert rags[ids["P2"]].cost.derived == "G"  # 16% is now within tolerance
    assert rags[ids["P1"]].schedule.derived == "A"  # 10 days is now amber
    assert rags[ids["P2"]].schedule.derived == "R"


def test_status_report_for_the_period_wins_over_register(ex):
    pf, ids = ex
    with pf.batch("cli", "report"):
        pf.conn.execute("INSERT INTO status_reports (project_id, period, rag_overall, rag_cost, rag_schedule)"
                        " VALUES (?, ?, 'R', 'R', 'A')", (ids["P2"], worked.PERIOD))
        pf.conn.execute("INSERT INTO status_reports (project_id, period, rag_overall, rag_cost)"
                        " VALUES (?, '2026-09-30', 'G', 'G')", (ids["P1"],))
    period = resolve_period(pf)
    rags = project_rags(pf, period, project_finances(pf, period))
    p2 = rags[ids["P2"]]
    assert (p2.overall, p2.cost.manager, p2.cost.differs, p2.reported_period) == ("R", "R", False, worked.PERIOD)
    assert not p2.schedule.differs  # A and A
    assert rags[ids["P1"]].reported_period is None  # September's report is not this period's
