"""portfolio_summary: the one service behind `pmo summary`, the dashboard and the board pack."""

import json

import pytest

from pmo_desktop.finance import PeriodError, portfolio_summary
from tests.finance import worked


def _risk(pf, ref, p, i, *, status="Open", raised="2026-06-01", closed=None, kind="Risk"):
    pf.conn.execute(
        "INSERT INTO raid_items (ref, type, title, status, probability, impact, raised_date, closed_date)"
        " VALUES (?, ?, 'risk', ?, ?, ?, ?, ?)", (ref, kind, status, p, i, raised, closed))


def _milestone(pf, project, name, forecast, *, pct=0.0, actual=None):
    pf.conn.execute(
        "INSERT INTO tasks (project_id, name, kind, baseline_finish, finish_date, percent_complete, actual_finish)"
        " VALUES (?, ?, 'milestone', ?, ?, ?, ?)", (project, name, forecast, forecast, pct, actual))


@pytest.fixture
def ex(portfolio):
    ids = worked.build(portfolio)
    with portfolio.batch("cli", "risks and milestones"):
        _risk(portfolio, "R-1", 1, 2, )  # 2 Low
        _risk(portfolio, "R-2", 3, 3)  # 9 Medium
        _risk(portfolio, "R-3", 4, 4)  # 16 High
        _risk(portfolio, "R-4", 5, 5)  # 25 Critical
        _risk(portfolio, "R-5", 5, 4, status="Closed", closed="2026-11-15")  # closed after the period: open then
        _risk(portfolio, "R-6", 5, 5, status="Closed", closed="2026-10-15")  # closed in time
        _risk(portfolio, "R-7", None, None)  # unscored
        _risk(portfolio, "R-8", 5, 5, raised="2026-11-02")  # raised after the period
        _risk(portfolio, "I-1", 5, 5, kind="Issue")  # not a risk
        _milestone(portfolio, ids["P1"], "Design signed off", "2026-10-10", actual="2026-10-09")
        _milestone(portfolio, ids["P1"], "Pilot live", "2026-10-20")  # due this period, missed
        _milestone(portfolio, ids["P2"], "Contract signed", "2026-09-15")  # overdue from last period
        _milestone(portfolio, ids["P5"], "Closed project", "2026-09-01")  # Closed project: not overdue
        _milestone(portfolio, ids["P2"], "Go-live", "2026-11-20")  # future
        portfolio.conn.execute("INSERT INTO status_reports (project_id, period, rag_overall) VALUES (?, ?, 'R')",
                               (ids["P1"], worked.PERIOD))
        portfolio.conn.execute("INSERT INTO status_reports (project_id, period, rag_overall) VALUES (?, ?, 'G')",
                               (ids["P1"], "2026-09-30"))
    return portfolio, ids


def test_summary_by_hand(ex):
    pf, ids = ex
    s = portfolio_summary(pf)
    json.dumps(s)  # JSON-ready
    assert s["period"] == {"end": "2026-10-31", "start": "2026-10-01", "cutoff_month": "2026-10-01",
                           "fy": "FY2026/27", "fy_quarter": "Q3", "fy_start": "2026-04-01"}
    assert s["counts"] == {"projects": 5, "programmes": 2}
    assert s["by_stage"] == {"Idea": 1, "Planning": 1, "Execution": 2, "Closed": 1}
    assert s["by_rag"] == {"R": 2, "A": 1, "G": 0, "B": 1, "X": 1}  # P1 red from this period's report
    assert s["totals"]["eac"] == 970_000 + 580_000 + 50_000 + 40_000
    assert s["totals"]["variance"] == 100_000
    assert [g["label"] for g in s["programmes"]] == ["Alpha", "Beta", "(no programme)"]
    p1 = next(p for p in s["projects"] if p["code"] == "P1")
    assert p1["eac"] == 970_000 and p1["overall"] == "R" and p1["reported_period"] == worked.PERIOD
    # this period's report gives no cost RAG, so the manager's cost RAG is not reported
    assert p1["cost_rag"] == {"manager": None, "derived": "G", "basis": -3.0, "differs": False}
    assert p1["cpi"] == pytest.approx(400_000 / 520_000)  # EV = 40% of BAC 1,000,000; AC 520,000
    assert p1["spi"] is None  # no baseline plan, so no PV
    ms = s["milestones"]
    assert [m["milestone"] for m in ms["due_this_period"]] == ["Design signed off", "Pilot live"]
    assert [m["complete"] for m in ms["due_this_period"]] == [True, False]
    assert (ms["due_count"], ms["due_missed"]) == (2, 1)
    assert [m["milestone"] for m in ms["overdue"]] == ["Contract signed", "Pilot live"]
    risks = s["risks"]
    assert risks["open"] == 6
    assert risks["by_band"] == {"Low": 1, "Medium": 1, "High": 1, "Critical": 2, "Unscored": 1}
    assert risks["heatmap"][4][4] == 1 and risks["heatmap"][4][3] == 1 and risks["heatmap"][0][1] == 1
    assert sum(map(sum, risks["heatmap"])) == 5
    assert s["rag_trend"] == [{"period": "2026-09-30", "R": 0, "A": 0, "G": 1, "B": 0, "X": 0},
                              {"period": "2026-10-31", "R": 1, "A": 0, "G": 0, "B": 0, "X": 0}]
    assert s["kpis"]["open_red_risks"] == 3 and s["kpis"]["milestones_due"] == 2


def test_summary_for_an_earlier_period(ex):
    pf, ids = ex
    s = portfolio_summary(pf, "2026-09-30")
    p1 = next(p for p in s["projects"] if p["code"] == "P1")
    assert p1["actual_to_date"] == 210_000  # Aug + Sep
    # October is now forecast (= plan, no forecasts entered): Labour 100 + Hardware 300; then 250 + 200 + 0
    assert p1["forecast_remaining"] == 100_000 + 300_000 + 250_000 + 200_000 + 0
    assert p1["overall"] == "G"
    assert s["period"]["fy_quarter"] == "Q2"
    assert [t["period"] for t in s["rag_trend"]] == ["2026-09-30"]


def test_summary_bad_periods(ex):
    pf, _ = ex
    with pytest.raises(PeriodError, match="YYYY-MM-DD"):
        portfolio_summary(pf, "31/10/2026")
    with pytest.raises(PeriodError, match="not a real date"):
        portfolio_summary(pf, "2026-02-30")
    with pytest.raises(PeriodError, match="no budget lines or status reports.*2026-08-01 to 2027-02-01"):
        portfolio_summary(pf, "2025-01-31")


def test_available_periods(ex):
    from datetime import date

    from pmo_desktop.finance import available_periods

    pf, _ = ex
    # report periods (Sep, Oct), month ends of months with actuals (Aug-Oct, and November's stray
    # actual), the current period (Oct)
    assert available_periods(pf) == [date(2026, 11, 30), date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31)]


def test_bad_current_period_setting(portfolio):
    worked.build(portfolio)
    portfolio.set_settings({"current_period": "Oct 2026"})
    with pytest.raises(PeriodError, match="current period in the portfolio's settings, 'Oct 2026'"):
        portfolio_summary(portfolio)


def test_summary_of_the_demo(demo):
    s = portfolio_summary(demo)
    assert s["counts"]["projects"] == 40
    assert sum(s["by_stage"].values()) == 40 == sum(s["by_rag"].values())
    for key in ("approved_budget", "actual_to_date", "forecast_remaining", "eac", "variance"):
        assert sum(g[key] for g in s["programmes"]) == s["totals"][key]
    for p in s["projects"]:
        for name in ("cpi", "spi"):
            assert p[name] is None or 0 <= p[name] < 100
    assert s["risks"]["open"] > 0 and s["rag_trend"]
