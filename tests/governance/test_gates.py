"""Gate reviews, decisions, conditions, advancing a stage and the gates due."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_desktop.governance import gates
from pmo_desktop.governance.common import GovernanceError
from tests.governance.build import TODAY, healthy_project


def _stage(pf, code="PRJ-1"):
    return pf.conn.execute("SELECT stage FROM projects WHERE code = ?", (code,)).fetchone()[0]


def _snapshot(pf):
    return [pf.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("projects", "gate_reviews", "gate_conditions", "batches")]


def test_a_review_copies_the_gate_checklist_and_keeps_evidence(portfolio):
    healthy_project(portfolio, stage="Planning")
    rid = gates.record_gate_review(portfolio, "PRJ-1", "G2", planned_date=date(2026, 12, 3))
    (review,) = gates.gate_reviews(portfolio, "PRJ-1")
    assert review["id"] == rid and review["planned_date"] == "2026-12-03" and review["decision"] is None
    assert [c["criterion"] for c in review["checklist"]][:3] == ["Budget approved", "Baseline plan agreed",
                                                                  "Risks reviewed"]
    assert not any(c["met"] for c in review["checklist"])
    ticked = [{**c, "met": True, "evidence": "Minutes of 3 Dec"} for c in review["checklist"]]
    gates.update_gate_review(portfolio, rid, checklist=ticked, actual_date="2026-12-03", decision="Go",
                             approvers="CFO; COO")
    (review,) = gates.gate_reviews(portfolio, "PRJ-1")
    assert all(c["met"] and c["evidence"] == "Minutes of 3 Dec" for c in review["checklist"])
    assert (review["decision"], review["approvers"]) == ("Go", "CFO; COO")


def test_go_with_conditions_keeps_owned_dated_conditions(portfolio):
    healthy_project(portfolio, stage="Planning")
    rid = gates.record_gate_review(
        portfolio, "PRJ-1", "G2", actual_date="2026-11-20", decision="Go with conditions",
        conditions=[{"description": "Confirm vendor contract", "owner": "Ana", "due_date": "2026-12-15"}])
    cid = gates.add_condition(portfolio, rid, "Hire test lead", owner="Bo", due_date="2027-01-10")
    gates.set_condition_status(portfolio, cid, "Met")
    (review,) = gates.gate_reviews(portfolio)
    assert [(c["description"], c["owner"], c["due_date"], c["status"]) for c in review["conditions"]] == [
        ("Confirm vendor contract", "Ana", "2026-12-15", "Open"), ("Hire test lead", "Bo", "2027-01-10", "Met")]


def test_a_review_with_its_conditions_is_one_undo_step(portfolio):
    healthy_project(portfolio, stage="Planning")
    before = portfolio.last_batch_id()
    gates.record_gate_review(portfolio, "PRJ-1", "G2", actual_date="2026-11-20", decision="Go with conditions",
                             conditions=[{"description": "A"}, {"description": "B"}])
    assert portfolio.last_batch_id() == before + 1
    portfolio.undo(before + 1)
    assert portfolio.conn.execute("SELECT count(*) FROM gate_reviews").fetchone()[0] == 0
    assert portfolio.conn.execute("SELECT count(*) FROM gate_conditions").fetchone()[0] == 0


@pytest.mark.parametrize("kwargs, message", [
    ({"gate": "G9"}, "no gate 'G9'"),
    ({"decision": "Maybe", "actual_date": "2026-11-01"}, "one of Go, Go with conditions"),
    ({"decision": "Go"}, "needs the date the gate was held"),
    ({"decision": "Go with conditions", "actual_date": "2026-11-01"}, "at least one condition"),
    ({"planned_date": "31/11/2026"}, "must be a date"),
    ({"conditions": [{"description": " "}]}, "needs a description"),
    ({"code": "PRJ-404"}, "no project with code 'PRJ-404'"),
])
def test_bad_reviews_are_refused_and_change_nothing(portfolio, kwargs, message):
    healthy_project(portfolio, stage="Planning")
    before = _snapshot(portfolio)
    args = {"code": "PRJ-1", "gate": "G2", **kwargs}
    with pytest.raises(GovernanceError, match=message) as exc:
        gates.record_gate_review(portfolio, args.pop("code"), args.pop("gate"), **args)
    assert "\n" not in str(exc.value)
    assert _snapshot(portfolio) == before


def test_advance_needs_a_go(portfolio):
    healthy_project(portfolio, stage="Planning")
    with pytest.raises(gates.NoGoRecorded, match="no Go at G2 .Planning → Execution.: no decision is recorded"):
        gates.advance_stage(portfolio, "PRJ-1")
    assert _stage(portfolio) == "Planning"
    gates.record_gate_review(portfolio, "PRJ-1", "G2", actual_date="2026-11-02", decision="Go")
    result = gates.advance_stage(portfolio, "PRJ-1")
    assert (result.from_stage, result.to_stage, result.decision, result.without_go) == (
        "Planning", "Execution", "Go", False)
    assert _stage(portfolio) == "Execution"
    assert portfolio.batch_info(result.batch_id)["label"] == "Advance PRJ-1 Planning → Execution"


def test_the_latest_decision_counts(portfolio):
    healthy_project(portfolio, stage="Planning")
    gates.record_gate_review(portfolio, "PRJ-1", "G2", actual_date="2026-10-01", decision="Go")
    gates.record_gate_review(portfolio, "PRJ-1", "G2", actual_date="2026-11-01", decision="Hold")
    with pytest.raises(gates.NoGoRecorded, match="the latest decision is Hold"):
        gates.advance_stage(portfolio, "PRJ-1")
    # A Go at another gate does not count either.
    gates.record_gate_review(portfolio, "PRJ-1", "G3", actual_date="2026-11-02", decision="Go")
    with pytest.raises(gates.NoGoRecorded):
        gates.advance_stage(portfolio, "PRJ-1", reason="   ")
    assert _stage(portfolio) == "Planning"


def test_advance_without_go_keeps_the_reason_in_the_change_log(portfolio):
    pid = healthy_project(portfolio, stage="Planning")
    result = gates.advance_stage(portfolio, "PRJ-1", reason="Sponsor approved by email; board on 3 Dec")
    assert result.without_go and _stage(portfolio) == "Execution"
    label = portfolio.batch_info(result.batch_id)["label"]
    assert label == "Advance PRJ-1 Planning → Execution without Go at G2: Sponsor approved by email; board on 3 Dec"
    logged = portfolio.conn.execute(
        "SELECT old, new FROM change_log WHERE batch_id = ? AND tbl = 'projects' AND row_id = ? AND col = 'stage'",
        (result.batch_id, pid)).fetchall()
    assert logged == [("Planning", "Execution")]
    portfolio.undo(result.batch_id)
    assert _stage(portfolio) == "Planning"


def test_advance_stops_at_the_last_stage_and_rejects_unknown_stages(portfolio):
    healthy_project(portfolio, stage="Closed")
    healthy_project(portfolio, "PRJ-2", stage=None)
    with pytest.raises(GovernanceError, match="last stage"):
        gates.advance_stage(portfolio, "PRJ-1", reason="x")
    with pytest.raises(GovernanceError, match="stage 'none'"):
        gates.advance_stage(portfolio, "PRJ-2", reason="x")


def test_gate_schedule_splits_overdue_and_due_next_period(portfolio):
    healthy_project(portfolio, stage="Planning")
    healthy_project(portfolio, "PRJ-2", stage="Execution")
    gates.record_gate_review(portfolio, "PRJ-1", "G2", planned_date="2026-11-20")  # overdue by 7 days
    gates.record_gate_review(portfolio, "PRJ-2", "G3", planned_date="2026-12-31")  # last day of next period
    gates.record_gate_review(portfolio, "PRJ-2", "G3", planned_date="2027-01-01")  # beyond the window
    gates.record_gate_review(portfolio, "PRJ-1", "G1", planned_date="2026-11-01",  # held: neither
                             actual_date="2026-11-01", decision="Go")
    schedule = gates.gate_schedule(portfolio, today=TODAY)
    assert schedule["window_end"] == "2026-12-31"
    assert [(g["code"], g["gate"], g["days_overdue"]) for g in schedule["overdue"]] == [("PRJ-1", "G2", 7)]
    assert [(g["code"], g["planned_date"]) for g in schedule["due"]] == [("PRJ-2", "2026-12-31")]
    portfolio.set_settings({"reporting_cadence": "weekly"})  # Friday 27 Nov: next week ends Sunday 6 Dec
    assert gates.gate_schedule(portfolio, today=TODAY)["window_end"] == "2026-12-06"


def test_replace_conditions_keeps_updates_adds_and_removes(portfolio):
    healthy_project(portfolio, stage="Planning")
    rid = gates.record_gate_review(portfolio, "PRJ-1", "G2", actual_date="2026-11-20", decision="Go with conditions",
                                   conditions=[{"description": "A"}, {"description": "B"}])
    a, b = [c["id"] for c in gates.gate_reviews(portfolio)[0]["conditions"]]
    before = portfolio.last_batch_id()
    gates.replace_conditions(portfolio, rid, [{"id": b, "description": "B2", "status": "Met"},
                                              {"description": "C", "owner": "Cy", "due_date": "2027-01-31"}])
    assert portfolio.last_batch_id() == before + 1
    conds = gates.gate_reviews(portfolio)[0]["conditions"]
    assert [(c["id"] == b, c["description"], c["status"], c["owner"]) for c in conds] == [
        (True, "B2", "Met", None), (False, "C", "Open", "Cy")]
    assert a not in [c["id"] for c in conds]
    with pytest.raises(GovernanceError, match="due date must be a date"):
        gates.replace_conditions(portfolio, rid, [{"description": "D", "due_date": "soon"}])
    assert gates.gate_reviews(portfolio)[0]["conditions"] == conds
