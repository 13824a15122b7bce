"""Scenarios: spend, funding line and benefits worked by hand; apply equals compare; one undo step."""

import json

import pytest

from pmo_desktop.benefits import register as reg
from pmo_desktop.cli import main
from pmo_desktop.governance import scoring
from pmo_desktop.scenarios import model
from pmo_desktop.scenarios.apply import apply_scenario, shift_date
from pmo_desktop.scenarios.compare import compare
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.rows import insert_row
from tests.governance.build import healthy_project


@pytest.fixture
def pf(portfolio):
    """PRJ-1: 12 × 100,000 planned in 2026, Jan-Oct actual, Nov-Dec forecast; period end 31 Oct 2026."""
    healthy_project(portfolio, "PRJ-1")
    portfolio.set_settings({"fy_start_month": 4})
    return portfolio


def _column(pf, name):
    names = ["live"] if name == "live" else ["live", name]
    if len(names) == 1:
        model.new_scenario(pf, "_empty")
        names = ["live", "_empty"]
    data = compare(pf, names)
    return {c["name"]: c for c in data["columns"]}[name]


def test_spend_by_fy_by_hand(pf):
    model.new_scenario(pf, "Cut")
    model.set_change(pf, "Cut", "PRJ-1", budget="-10%")
    cols = {c["name"]: c for c in compare(pf, ["live", "Cut"])["columns"]}
    # FY2025/26 holds Jan-Mar 2026 (300,000); FY2026/27 Apr-Dec: 900,000 live.
    assert cols["live"]["spend_by_fy"] == {"FY2025/26": 300_000, "FY2026/27": 900_000}
    # −10% of 1,200,000 = −120,000 off the 200,000 still to spend: Nov-Dec become 80,000.
    assert cols["Cut"]["spend_by_fy"] == {"FY2025/26": 300_000, "FY2026/27": 780_000}
    model.set_change(pf, "Cut", "PRJ-1", budget="+500", defer="6m")
    cut = {c["name"]: c for c in compare(pf, ["live", "Cut"])["columns"]}["Cut"]
    # Nov-Dec (+£500 = 50,000 minor units → 250,000 in all) move to May-Jun 2027, into FY2027/28.
    assert cut["spend_by_fy"] == {"FY2025/26": 300_000, "FY2026/27": 700_000, "FY2027/28": 250_000}


def test_cancel_and_fund_move_the_funding_line(pf):
    for code, score in (("PRJ-2", 5), ("PRJ-3", 4), ("PRJ-4", 1)):
        healthy_project(pf, code)
        scoring.set_scores(pf, code, {c["id"]: score for c in scoring.scoring_criteria(pf)})
    scoring.set_scores(pf, "PRJ-1", {c["id"]: 3 for c in scoring.scoring_criteria(pf)})
    scoring.save_model(pf, {}, 2_400_000)  # room for two of the four 1,200,000 projects
    model.new_scenario(pf, "A")
    model.set_change(pf, "A", "PRJ-2", cancel=True)
    model.set_change(pf, "A", "PRJ-4", fund=True)
    cols = {c["name"]: c for c in compare(pf, ["live", "A"])["columns"]}
    assert cols["live"]["funding"]["funded_count"] == 2
    a = cols["A"]["funding"]
    # PRJ-4 is in by decision (1.2m off the cap first); PRJ-3 ranks first of the rest and fills it.
    assert (a["newly_in"], a["newly_out"]) == (["PRJ-4"], ["PRJ-2"])
    assert a["funded_count"] == 2 and a["funded_cost"] == 2_400_000
    # Alignment of the funded book, cost-weighted: live (5 + 4) / 2, scenario (4 + 1) / 2.
    assert cols["live"]["alignment"]["strategic_alignment"] == 4.5
    assert cols["A"]["alignment"]["strategic_alignment"] == 2.5


def test_benefits_by_year_follow_deferral_and_cancel(pf):
    pf.set_settings({"current_period": "2026-10-31"})
    ref = reg.add_benefit(pf, {"title": "Savings", "baseline": 0, "target": 1000}, projects=["PRJ-1"])
    reg.record_measurement(pf, ref, "2026-09", actual=100, planned=100)
    reg.record_measurement(pf, ref, "2027-02", forecast=1000, planned=1000)
    model.new_scenario(pf, "Later")
    model.set_change(pf, "Later", "PRJ-1", defer="2m")
    model.new_scenario(pf, "Stop")
    model.set_change(pf, "Stop", "PRJ-1", cancel=True)
    cols = {c["name"]: c for c in compare(pf, ["live", "Later", "Stop"])["columns"]}
    assert cols["live"]["benefits_by_fy"] == {"FY2026/27": 1000}
    # Feb 2027 + 2 months = Apr 2027: 900 of the 1,000 move into FY2027/28.
    assert cols["Later"]["benefits_by_fy"] == {"FY2026/27": 100, "FY2027/28": 900}
    # Cancelled: the benefit stops where its actuals stand.
    assert cols["Stop"]["benefits_by_fy"] == {"FY2026/27": 100}


def test_non_cash_benefits_are_counted_by_the_year_they_are_due_not_summed(pf):
    """Days and percentages do not add up with money: a non-cash benefit is counted in the FY its expected
    date falls in (its target date moved by its project's slip), as due and at risk or lost."""
    pf.set_settings({"current_period": "2026-10-31"})
    reg.add_benefit(pf, {"title": "Faster close", "type": "Non-cash", "baseline": 12, "target": 5, "unit": "days",
                         "target_date": "2027-03-31"}, projects=["PRJ-1"])
    reg.add_benefit(pf, {"title": "Happier staff", "type": "Qualitative"}, projects=["PRJ-1"])
    model.new_scenario(pf, "Later")
    model.set_change(pf, "Later", "PRJ-1", defer="2m")
    model.new_scenario(pf, "Stop")
    model.set_change(pf, "Stop", "PRJ-1", cancel=True)
    cols = {c["name"]: c["non_cash_benefits_by_fy"] for c in compare(pf, ["live", "Later", "Stop"])["columns"]}
    none = {"due": 0, "realised": 0, "at_risk": 0, "lost": 0}
    assert cols["live"] == {"by_fy": {"FY2026/27": {**none, "due": 1}}, "undated": {**none, "due": 1}}
    # PRJ-1 finishes 31 May 2027 instead of 31 Mar: the benefit is due in the next FY, and at risk (slipped).
    assert cols["Later"]["by_fy"] == {"FY2027/28": {**none, "due": 1, "at_risk": 1}}
    assert cols["Stop"] == {"by_fy": {"FY2026/27": {**none, "due": 1, "lost": 1}}, "undated": {**none, "due": 1, "lost": 1}}
    code = main(["scenario", str(pf.path), "compare", "live", "Later", "Stop"])
    assert code == 0


def test_apply_equals_compare_and_undoes_in_one_step(demo):
    pf = demo
    open_codes = [r[0] for r in pf.conn.execute(
        "SELECT code FROM projects WHERE stage IN ('Execution', 'Planning') AND status = 'Active' ORDER BY code")]
    idea = pf.conn.execute("SELECT code FROM projects WHERE stage = 'Idea' ORDER BY code").fetchone()[0]
    model.new_scenario(pf, "Plan B")
    model.set_change(pf, "Plan B", open_codes[0], cancel=True)
    model.set_change(pf, "Plan B", open_codes[1], defer="3m")
    model.set_change(pf, "Plan B", open_codes[2], budget="-10%", scores={"strategic_alignment": 5})
    model.set_change(pf, "Plan B", idea, fund=True)
    before = compare(pf, ["live", "Plan B"])["columns"]
    snapshot = pf.conn.execute("SELECT * FROM projects ORDER BY id").fetchall()
    budget = pf.conn.execute("SELECT sum(coalesce(forecast, planned)), count(*) FROM budget_lines").fetchone()
    result = apply_scenario(pf, "Plan B")
    after = {c["name"]: c for c in compare(pf, ["live", "Plan B"])["columns"]}
    wanted = before[1]
    live = after["live"]
    for fy, amount in wanted["spend_by_fy"].items():
        assert abs(live["spend_by_fy"].get(fy, 0) - amount) <= 10, fy  # forecasts are rounded per line
    assert live["funding"]["funded_count"] == wanted["funding"]["funded_count"]
    book = scoring.book_of_work(pf, cap=scoring.stored_cap(pf)).as_dict()["rows"]
    assert [r["funded"] for r in book if r["code"] == idea] == [True]
    assert live["benefits_by_fy"] == pytest.approx(wanted["benefits_by_fy"])
    assert live["capacity"]["under_days"] == pytest.approx(wanted["capacity"]["under_days"], abs=0.5)
    status = pf.conn.execute("SELECT status FROM projects WHERE code = ?", (open_codes[0],)).fetchone()[0]
    assert status == "Cancelled"
    pf.undo(result["batch"])
    assert pf.conn.execute("SELECT * FROM projects ORDER BY id").fetchall() == snapshot
    assert pf.conn.execute("SELECT sum(coalesce(forecast, planned)), count(*) FROM budget_lines").fetchone() == budget
    assert "funded" not in pf.settings()["scoring_model"] or not pf.settings()["scoring_model"]["funded"]


def test_bad_requests_change_nothing(pf):
    model.new_scenario(pf, "S")
    insert_row(pf, "projects", {"code": "OLD", "name": "Old", "stage": "Closed", "status": "Completed"})
    before = pf.last_batch_id()
    cases = [
        (dict(name="Nope", code="PRJ-1", cancel=True), "no scenario 'Nope'"),
        (dict(name="S", code="PRJ-404", cancel=True), "no project with code 'PRJ-404'"),
        (dict(name="S", code="PRJ-1", budget="abc"), "percentage like -10%"),
        (dict(name="S", code="PRJ-1", budget="-100%"), "cannot fall by 100%"),
        (dict(name="S", code="PRJ-1", budget="-5m"), "negative budget"),
        (dict(name="S", code="PRJ-1", defer="soon"), "whole number of months"),
        (dict(name="S", code="OLD", defer="3m"), "OLD is closed"),
        (dict(name="S", code="PRJ-1", cancel=True, fund=True), "both cancelled and funded"),
        (dict(name="S", code="PRJ-1", scores={"nope": 3}), "no scoring criterion"),
        (dict(name="S", code="PRJ-1"), "say what changes"),
    ]
    for kwargs, message in cases:
        with pytest.raises(model.ScenarioError, match=message):
            model.set_change(pf, **kwargs)
    with pytest.raises(model.ScenarioError, match="already a scenario"):
        model.new_scenario(pf, "S")
    with pytest.raises(model.ScenarioError, match="'live' is the live portfolio"):
        model.new_scenario(pf, "Live")
    with pytest.raises(model.ScenarioError, match="no changes"):
        apply_scenario(pf, "S")
    with pytest.raises(model.ScenarioError, match="at most 4"):
        compare(pf, ["live", "S", "S2", "S3", "S4", "S5"])
    with pytest.raises(model.ScenarioError, match="no scenario 'Zed'"):
        compare(pf, ["live", "Zed"])
    assert pf.last_batch_id() == before


def test_shift_date_keeps_month_ends():
    assert shift_date("2026-01-31", 1) == "2026-02-28"
    assert shift_date("2026-11-15", 3) == "2027-02-15"
    assert shift_date(None, 3) is None


# -- the command ----------------------------------------------------------------------------------


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_round(demo_path, capsys):
    with open_portfolio(demo_path, read_only=True) as pf:
        code = pf.conn.execute("SELECT code FROM projects WHERE stage = 'Execution' AND status = 'Active' "
                               "ORDER BY code").fetchone()[0]
    assert _run(capsys, "scenario", demo_path, "new", "Tight")[0] == 0
    rc, out, _ = _run(capsys, "scenario", demo_path, "set", "Tight", code, "--budget", "-10%", "--defer", "3m", "--json")
    assert rc == 0 and json.loads(out)["change"]["defer_months"] == 3 and json.loads(out)["change"]["budget_pct"] == -10
    rc, out, _ = _run(capsys, "scenario", demo_path, "compare", "live", "Tight", "--json")
    data = json.loads(out)
    assert rc == 0 and [c["name"] for c in data["columns"]] == ["live", "Tight"]
    rc, out, _ = _run(capsys, "scenario", demo_path, "compare", "live", "Tight")
    assert rc == 0 and "Spend by FY" in out and "Tight" in out and "Capacity by team" in out
    rc, out, _ = _run(capsys, "scenario", demo_path, "list", "--json")
    tight = next(s for s in json.loads(out)["scenarios"] if s["name"] == "Tight")
    assert tight["changes"][0]["code"] == code
    rc, out, _ = _run(capsys, "scenario", demo_path, "apply", "Tight", "--json")
    assert rc == 0 and json.loads(out)["projects"] == 1
    assert _run(capsys, "scenario", demo_path, "delete", "Tight")[0] == 0
    rc, out, _ = _run(capsys, "benefits", demo_path, "--json")
    assert rc == 0 and json.loads(out)["count"] > 0
    rc, out, _ = _run(capsys, "benefits", demo_path)
    assert rc == 0 and "Cash released to date" in out


@pytest.mark.parametrize("argv, message", [
    (["set", "Nope", "PRJ-101", "--cancel"], "no scenario 'Nope'"),
    (["set", "S", "PRJ-999", "--cancel"], "no project with code 'PRJ-999'"),
    (["set", "S", "PRJ-101", "--budget", "abc"], "not 'abc'"),
    (["set", "S", "PRJ-101", "--score", "risk"], "CRITERION=N"),
    (["apply", "Nope"], "no scenario 'Nope'"),
    (["compare", "live", "Nope"], "no scenario 'Nope'"),
    (["new", "S"], "already a scenario"),
])
def test_cli_bad_inputs(demo_path, capsys, argv, message):
    _run(capsys, "scenario", demo_path, "new", "S")
    with open_portfolio(demo_path, read_only=True) as pf:
        before = pf.last_batch_id()
    rc, out, err = _run(capsys, "scenario", demo_path, *argv)
    assert rc == 1 and out == "" and message in err and len(err.strip().splitlines()) == 1
    with open_portfolio(demo_path, read_only=True) as pf:
        assert pf.last_batch_id() == before


def test_cli_defer_of_closed_project(demo_path, capsys):
    with open_portfolio(demo_path, read_only=True) as pf:
        closed = pf.conn.execute("SELECT code FROM projects WHERE stage = 'Closed'").fetchone()[0]
    _run(capsys, "scenario", demo_path, "new", "S")
    rc, _, err = _run(capsys, "scenario", demo_path, "set", "S", closed, "--defer", "3m")
    assert rc == 1 and f"{closed} is closed" in err


def test_live_capacity_matches_the_capacity_service(demo):
    from datetime import date

    from pmo_desktop.capacity import capacity_grid, group_utilisation

    model.new_scenario(demo, "Nothing yet")
    live = compare(demo, ["live", "Nothing yet"])["columns"][0]["capacity"]
    first = date.fromisoformat(live["months"][0] + "-01")
    last = date.fromisoformat(live["months"][-1] + "-01")
    grid = capacity_grid(demo, first, last)
    teams = group_utilisation(grid, "team")
    assert set(live["teams"]) == {t if t != "(none)" else "(no team)" for t in teams}
    for team, months in teams.items():
        ours = live["teams"][team if team != "(none)" else "(no team)"]
        assert [round(m.allocated_days, 1) for m in months] == [m["allocated_days"] for m in ours]
        assert [round(m.capacity_days, 1) for m in months] == [m["capacity_days"] for m in ours]


def test_deferring_moves_allocations_by_hand(pf):
    pf.set_settings({"current_period": "2026-10-31"})
    person = insert_row(pf, "people", {"name": "Sam", "team": "Delivery", "fte": 1.0})
    pid = pf.conn.execute("SELECT id FROM projects WHERE code = 'PRJ-1'").fetchone()[0]
    insert_row(pf, "allocations", {"person_id": person, "project_id": pid, "month": "2026-11-01", "amount": 0.5})
    model.new_scenario(pf, "Later")
    model.set_change(pf, "Later", "PRJ-1", defer="2m")
    cols = {c["name"]: c for c in compare(pf, ["live", "Later"])["columns"]}
    live, later = cols["live"]["capacity"]["teams"]["Delivery"], cols["Later"]["capacity"]["teams"]["Delivery"]
    # Nov 2026 and Jan 2027 both have 21 weekdays: half of Sam's time is 10.5 days, moved two months on.
    assert (live[0]["month"], live[0]["allocated_days"], live[0]["capacity_days"]) == ("2026-11", 10.5, 21.0)
    assert later[0]["allocated_days"] == 0 and later[2]["allocated_days"] == 10.5
    assert cols["live"]["capacity"]["under_days"] - cols["Later"]["capacity"]["under_days"] == 0
