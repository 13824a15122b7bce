"""Each health rule, with a portfolio built to trip it and one built (just) not to."""

from __future__ import annotations

import json
import re

import pytest

from pmo_desktop.checks import run_checks
from pmo_desktop.cli import main
from pmo_desktop.governance.gates import record_gate_review
from pmo_desktop.governance.health import RULES
from pmo_desktop.store.rows import fetch_row, insert_row, update_row
from tests.governance.build import TODAY, healthy_project, milestone, raid


def _forecast_months(pf, pid, amount):
    for (line_id,) in pf.conn.execute(
            "SELECT id FROM budget_lines WHERE project_id = ? AND month > '2026-10-01'", (pid,)):
        update_row(pf, "budget_lines", line_id, {"forecast": amount})


def _set_report_period(pf, pid, period):
    (sid,) = pf.conn.execute("SELECT id FROM status_reports WHERE project_id = ?", (pid,)).fetchone()
    update_row(pf, "status_reports", sid, {"period": period})


def _cross_link(pf, pid, successor_start):
    """PRJ-1's milestone 'Ready' (Mon 4 May 2026) gates PRJ-2's 'Build', put on `successor_start`."""
    other = insert_row(pf, "projects", {"code": "PRJ-2", "name": "Downstream", "stage": "Planning"})
    ready = insert_row(pf, "tasks", {"project_id": pid, "name": "Ready", "kind": "milestone",
                                     "start_date": "2026-05-04", "finish_date": "2026-05-04"})
    build = insert_row(pf, "tasks", {"project_id": other, "name": "Build", "start_date": successor_start,
                                     "finish_date": "2026-05-08"})
    insert_row(pf, "dependencies", {"predecessor_id": ready, "successor_id": build, "type": "FS"})


# rule id -> (trip, near miss); each takes (portfolio, id of a healthy project)
CASES = {
    "missing_status_report": (
        lambda pf, pid: insert_row(pf, "projects", {"code": "PRJ-2", "name": "New", "stage": "Planning"}),
        lambda pf, pid: insert_row(pf, "projects", {"code": "PRJ-2", "name": "Idea only", "stage": "Idea"}),
    ),
    "stale_status_report": (  # limit 45 days before 2026-11-27 is 2026-10-13
        lambda pf, pid: _set_report_period(pf, pid, "2026-10-12"),
        lambda pf, pid: _set_report_period(pf, pid, "2026-10-13"),
    ),
    "watermelon": (  # EAC 1,000,000 + 2 x 170,000 = 1,340,000: 11.7% over 1,200,000 (> 10%)
        lambda pf, pid: _forecast_months(pf, pid, 170_000),
        lambda pf, pid: _forecast_months(pf, pid, 160_000),  # 1,320,000: exactly 10%, not over
    ),
    "finish_before_start": (
        lambda pf, pid: insert_row(pf, "tasks", {"project_id": pid, "name": "Build", "start_date": "2026-05-02",
                                                 "finish_date": "2026-05-01"}),
        lambda pf, pid: insert_row(pf, "tasks", {"project_id": pid, "name": "Build", "start_date": "2026-05-01",
                                                 "finish_date": "2026-05-01"}),
    ),
    "plan_dates_disagree": (  # the project runs 2026-01-05 to 2027-03-31
        lambda pf, pid: insert_row(pf, "tasks", {"project_id": pid, "name": "Build", "start_date": "2026-01-05",
                                                 "finish_date": "2027-04-21"}),
        lambda pf, pid: insert_row(pf, "tasks", {"project_id": pid, "name": "Build", "start_date": "2026-01-05",
                                                 "finish_date": "2027-03-31"}),
    ),
    "overdue_milestone": (
        lambda pf, pid: milestone(pf, pid, "2026-11-26"),
        lambda pf, pid: milestone(pf, pid, "2026-11-27"),
    ),
    "risk_without_owner": (
        lambda pf, pid: raid(pf, pid, "R-001", "Risk", owner="  "),
        lambda pf, pid: raid(pf, pid, "R-001", "Risk", owner=None, status="Closed"),
    ),
    "high_risk_no_response": (
        lambda pf, pid: raid(pf, pid, "R-001", "Risk", probability=3, impact=5),
        lambda pf, pid: (raid(pf, pid, "R-001", "Risk", probability=3, impact=4),
                         raid(pf, pid, "R-002", "Risk", probability=5, impact=5, response="Reduce")),
    ),
    "issue_past_due": (
        lambda pf, pid: raid(pf, pid, "I-001", "Issue", due_date="2026-11-26"),
        lambda pf, pid: (raid(pf, pid, "I-001", "Issue", due_date="2026-11-27"),
                         raid(pf, pid, "I-002", "Issue", due_date="2026-01-01", status="Closed")),
    ),
    "gate_overdue": (
        lambda pf, pid: record_gate_review(pf, "PRJ-1", "G3", planned_date="2026-11-26"),
        lambda pf, pid: (record_gate_review(pf, "PRJ-1", "G3", planned_date="2026-11-27"),
                         record_gate_review(pf, "PRJ-1", "G2", planned_date="2026-01-01",
                                            actual_date="2026-01-02", decision="Go")),
    ),
    "execution_without_baseline": (
        lambda pf, pid: update_row(pf, "projects", pid, {"baseline_finish": None}),
        lambda pf, pid: update_row(pf, "projects", pid, {"baseline_finish": None, "stage": "Planning"}),
    ),
    "cross_project_link_broken": (
        lambda pf, pid: _cross_link(pf, pid, "2026-05-01"),  # the Friday before: a day too early
        lambda pf, pid: _cross_link(pf, pid, "2026-05-04"),  # the milestone's own morning: allowed
    ),
    "future_actuals": (
        lambda pf, pid: update_row(pf, "budget_lines", _line(pf, pid, "2026-12-01"), {"actual": 5}),
        lambda pf, pid: update_row(pf, "budget_lines", _line(pf, pid, "2026-10-01"), {"actual": 5}),
    ),
}


def _line(pf, pid, month):
    return pf.conn.execute("SELECT id FROM budget_lines WHERE project_id = ? AND month = ?", (pid, month)).fetchone()[0]


def _rules(pf):
    return [f.rule for f in run_checks(pf, today=TODAY).findings]


def test_plan_dates_disagree_says_both_dates_and_rescheduling_clears_it(portfolio):
    from pmo_desktop.scheduling import reschedule

    pid = healthy_project(portfolio)
    portfolio.set_settings({"date_format": "medium"})
    insert_row(portfolio, "tasks", {"project_id": pid, "name": "Build", "start_date": "2026-01-05",
                                    "finish_date": "2027-04-21", "duration_days": 10})
    [hit] = [f for f in run_checks(portfolio, today=TODAY).findings if f.rule == "plan_dates_disagree"]
    assert "finish 31 Mar 2027 but its plan finishes 21 Apr 2027" in hit.message
    reschedule(portfolio, "PRJ-1")
    assert "plan_dates_disagree" not in _rules(portfolio)
    start, finish = portfolio.conn.execute("SELECT start_date, finish_date FROM projects WHERE id = ?", (pid,)).fetchone()
    plan = portfolio.conn.execute("SELECT min(start_date), max(finish_date) FROM tasks WHERE project_id = ?",
                                  (pid,)).fetchone()
    assert (start, finish) == tuple(plan)


def test_every_rule_has_a_case():
    assert set(CASES) == set(RULES)


def test_a_healthy_portfolio_has_no_findings(portfolio):
    healthy_project(portfolio)
    result = run_checks(portfolio, today=TODAY)
    assert result.integrity_ok and result.findings == []


ISO_DAY = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")  # 2026-11-26, or a month as 2026-11


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_trips(portfolio, rule):
    pid = healthy_project(portfolio)
    portfolio.set_settings({"date_format": "dmy"})
    CASES[rule][0](portfolio, pid)
    hits = [f for f in run_checks(portfolio, today=TODAY).findings if f.rule == rule]
    assert len(hits) == 1, hits
    hit = hits[0]
    assert hit.project in ("PRJ-1", "PRJ-2")
    assert not ISO_DAY.search(hit.message), hit.message  # its dates as the portfolio's date format says
    # Every finding says where to click through to, and that row exists.
    assert hit.table and fetch_row(portfolio, hit.table, hit.row_id) is not None


def test_finding_dates_in_each_format_and_in_pmo_check(portfolio, capsys):
    pid = healthy_project(portfolio)
    raid(portfolio, pid, "I-001", "Issue", due_date="2026-11-03")
    expected = {"iso": "2026-11-03", "medium": "3 Nov 2026", "dmy": "03/11/2026", "mdy": "11/03/2026"}
    for style, text in expected.items():
        portfolio.set_settings({"date_format": style})
        (hit,) = [f for f in run_checks(portfolio, today=TODAY).findings if f.rule == "issue_past_due"]
        assert f"was due {text} and is still open" in hit.message
    portfolio.set_settings({"date_format": "medium"})
    (hit,) = [f for f in run_checks(portfolio, today=TODAY, lang="zh-CN").findings if f.rule == "issue_past_due"]
    assert "2026年11月3日" in hit.message
    path = portfolio.path
    portfolio.close()
    assert main(["check", str(path)]) == 0
    assert "was due 3 Nov 2026 and is still open" in capsys.readouterr().out


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_does_not_trip_on_a_near_miss(portfolio, rule):
    pid = healthy_project(portfolio)
    CASES[rule][1](portfolio, pid)
    assert rule not in _rules(portfolio)


def test_watermelon_on_an_overdue_milestone_only_when_reported_green(portfolio):
    pid = healthy_project(portfolio)
    milestone(portfolio, pid, "2026-11-02")
    findings = run_checks(portfolio, today=TODAY).findings
    water = [f for f in findings if f.rule == "watermelon"]
    assert len(water) == 1 and "1 milestone overdue" in water[0].message
    assert water[0].severity == "error" and (water[0].table, water[0].row_id) == ("projects", pid)
    update_row(portfolio, "projects", pid, {"rag_overall": "A"})
    assert "watermelon" not in _rules(portfolio)


def test_watermelon_message_gives_the_overrun(portfolio):
    pid = healthy_project(portfolio)
    _forecast_months(portfolio, pid, 170_000)
    (water,) = [f for f in run_checks(portfolio, today=TODAY).findings if f.rule == "watermelon"]
    assert "11.7% over budget" in water.message


def test_rules_can_be_switched_off_reweighted_and_retuned(portfolio):
    pid = healthy_project(portfolio)
    raid(portfolio, pid, "I-001", "Issue", due_date="2026-11-01")
    _set_report_period(portfolio, pid, "2026-10-20")  # 38 days old: fine at 45, stale at 30
    assert _rules(portfolio) == ["missing_status_report", "issue_past_due"]
    portfolio.set_settings({"health_rules": {"issue_past_due": {"enabled": False},
                                             "missing_status_report": {"enabled": False},
                                             "stale_status_report": {"max_age_days": 30, "severity": "info"}}})
    findings = run_checks(portfolio, today=TODAY).findings
    assert [(f.rule, f.severity) for f in findings] == [("stale_status_report", "info")]


def test_pmo_check_json_is_backwards_compatible_and_grouped(portfolio, capsys):
    pid = healthy_project(portfolio)
    raid(portfolio, pid, "R-001", "Risk", probability=4, impact=4)
    raid(portfolio, None, "R-002", "Risk", owner="")
    path = portfolio.path
    portfolio.close()
    assert main(["check", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["integrity"] == "ok" and out["counts"]["error"] == 1 and out["counts"]["warning"] == 1
    for f in out["findings"]:
        assert {"rule", "severity", "message", "project", "ref", "table", "row_id"} <= set(f)
    assert [f["rule"] for f in out["by_project"]["PRJ-1"]] == ["high_risk_no_response"]
    assert [f["ref"] for f in out["by_project"]["(portfolio)"]] == ["R-002"]
    assert main(["check", str(path)]) == 0
    text = capsys.readouterr().out
    assert "PRJ-1:\n  [error] R-001" in text and "(portfolio):\n  [warning] R-002" in text


def test_the_demo_projects_agree_with_their_plans(demo):
    assert "plan_dates_disagree" not in _rules(demo)
    spans = demo.conn.execute(
        """SELECT p.finish_date, (SELECT max(finish_date) FROM tasks t WHERE t.project_id = p.id) FROM projects p
           WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.project_id = p.id)""").fetchall()
    assert spans and all(a == b for a, b in spans)
