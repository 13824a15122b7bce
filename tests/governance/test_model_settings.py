"""Validating and saving the governance settings (gate model, scoring model, health rules) as one edit."""

from __future__ import annotations

import sqlite3

import pytest

from pmo_desktop.governance import model_settings as ms
from pmo_desktop.governance.common import GovernanceError
from pmo_desktop.governance.health import run_rules
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.settings import DEFAULTS
from tests.governance.build import PERIOD, TODAY, healthy_project


def _current(pf):
    return ms.governance_settings(pf)


def test_defaults_are_valid_and_come_back_unchanged():
    assert ms.validate_gate_model(DEFAULTS["gate_model"]) == DEFAULTS["gate_model"]
    assert ms.validate_scoring_model(DEFAULTS["scoring_model"]) == DEFAULTS["scoring_model"]
    assert ms.validate_health_rules(DEFAULTS["health_rules"]) == DEFAULTS["health_rules"]


def test_validation_strips_names_and_does_not_touch_its_input():
    gate_model = _copy("gate_model")
    gate_model["gates"][0]["name"] = "  Gate zero  "
    gate_model["gates"][0]["checklist"][1] = " Sponsor named and briefed "
    cleaned = ms.validate_gate_model(gate_model)
    assert cleaned["gates"][0]["name"] == "Gate zero"
    assert cleaned["gates"][0]["checklist"][1] == "Sponsor named and briefed"
    assert gate_model["gates"][0]["name"] == "  Gate zero  "


def _copy(key):
    import copy

    return copy.deepcopy(DEFAULTS[key])


@pytest.mark.parametrize("change, message", [
    (lambda m: m["gates"][1].update(name="  "), "gate G1 needs a name"),
    (lambda m: m["gates"][2]["checklist"].append(""), "checklist item is empty"),
    (lambda m: m["gates"][2]["checklist"].append("budget approved"), "has 'budget approved' twice"),
    (lambda m: m["gates"][0].update(to="Nowhere"), "not in the gate model"),
    (lambda m: m.update(gates=[]), "has no gates"),
    (lambda m: m["stages"].append(""), "each with a name"),
])
def test_bad_gate_models_are_refused_in_one_line(change, message):
    model = _copy("gate_model")
    change(model)
    with pytest.raises(GovernanceError, match=message) as err:
        ms.validate_gate_model(model)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("change, message", [
    (lambda m: m["criteria"][0].update(weight=-5), "weight of 'Strategic alignment' must be a number ≥ 0"),
    (lambda m: m["criteria"][0].update(weight="ten"), "must be a number"),
    (lambda m: m["criteria"][0].update(weight=float("nan")), "must be a number"),
    (lambda m: [c.update(weight=0) for c in m["criteria"]], "add up to zero"),
    (lambda m: m["criteria"][1].update(name=""), "'benefit' needs a name"),
    (lambda m: m["criteria"][1].update(name="strategic alignment"), "two scoring criteria are called"),
    (lambda m: m["criteria"][2]["scale"].update({"3": " "}), "description of score 3 is empty"),
    (lambda m: m.update(funding_cap=-1), "budget cap"),
    (lambda m: m.update(criteria=[]), "no criteria"),
])
def test_bad_scoring_models_are_refused_in_one_line(change, message):
    model = _copy("scoring_model")
    change(model)
    with pytest.raises(GovernanceError, match=message):
        ms.validate_scoring_model(model)


@pytest.mark.parametrize("change, message", [
    (lambda r: r["watermelon"].update(severity="fatal"), "severity is one of error, warning, info"),
    (lambda r: r["stale_status_report"].update(max_age_days=0), "from 1 to 730, not 0"),
    (lambda r: r["high_risk_no_response"].update(min_score=26), "from 1 to 25, not 26"),
    (lambda r: r["watermelon"].update(cost_overrun_pct=-1), "from 0 to 500"),
    (lambda r: r["watermelon"].update(enabled="yes"), "true or false"),
    (lambda r: r.update(made_up={"enabled": True, "severity": "error"}), "no health rule 'made_up'"),
])
def test_bad_health_rules_are_refused_in_one_line(change, message):
    rules = _copy("health_rules")
    change(rules)
    with pytest.raises(GovernanceError, match=message):
        ms.validate_health_rules(rules)


def test_every_threshold_names_a_setting_its_rule_has():
    for rid, limit in ms.THRESHOLDS.items():
        default = DEFAULTS["health_rules"][rid][limit.key]
        assert limit.minimum <= default <= limit.maximum


def test_save_writes_all_three_in_one_batch_and_one_undo_restores_them(portfolio):
    pf = portfolio
    healthy_project(pf, "PRJ-1", finish_date="2025-01-01")  # trips finish_before_start
    assert any(f.rule == "finish_before_start" for f in run_rules(pf, today=TODAY, period=PERIOD))
    values = _current(pf)
    values["gate_model"]["gates"][2]["checklist"][0] = "Budget approved by the CFO"
    values["scoring_model"]["criteria"][3]["weight"] = 55
    values["health_rules"]["finish_before_start"]["enabled"] = False
    before = pf.last_batch_id()
    batch_id = ms.save_governance_settings(pf, **values)
    assert batch_id == pf.last_batch_id() == before + 1
    assert pf.batch_info(batch_id)["label"] == ms.SAVE_LABEL

    fresh = open_portfolio(pf.path, read_only=True)  # what is on disk, through another connection
    try:
        stored = fresh.settings()
    finally:
        fresh.close()
    assert stored["gate_model"]["gates"][2]["checklist"][0] == "Budget approved by the CFO"
    assert stored["scoring_model"]["criteria"][3]["weight"] == 55
    assert stored["health_rules"]["finish_before_start"]["enabled"] is False
    assert not any(f.rule == "finish_before_start" for f in run_rules(pf, today=TODAY, period=PERIOD))

    pf.undo(batch_id)
    assert _current(pf) == {key: DEFAULTS[key] for key in ("gate_model", "scoring_model", "health_rules")}
    assert pf.settings()["scoring_model"]["criteria"][3]["weight"] == 20
    assert pf.settings()["health_rules"]["finish_before_start"]["enabled"] is True


def test_nothing_changed_writes_nothing(portfolio):
    before = portfolio.last_batch_id()
    assert ms.save_governance_settings(portfolio, **_current(portfolio)) is None
    assert portfolio.last_batch_id() == before


def test_a_bad_model_writes_none_of_the_three(portfolio):
    values = _current(portfolio)
    values["gate_model"]["gates"][0]["name"] = "Renamed gate"
    values["health_rules"]["watermelon"]["enabled"] = False
    for c in values["scoring_model"]["criteria"]:
        c["weight"] = 0
    before = portfolio.last_batch_id()
    with pytest.raises(GovernanceError, match="add up to zero"):
        ms.save_governance_settings(portfolio, **values)
    assert portfolio.last_batch_id() == before
    conn = sqlite3.connect(portfolio.path)
    try:
        keys = {k for (k,) in conn.execute("SELECT key FROM settings")}
    finally:
        conn.close()
    assert not keys & {"gate_model", "scoring_model", "health_rules"}


def test_gates_and_criteria_cannot_be_added_or_dropped_here(portfolio):
    values = _current(portfolio)
    values["scoring_model"]["criteria"].pop()
    with pytest.raises(GovernanceError, match="cannot be added or removed"):
        ms.save_governance_settings(portfolio, **values)
    values = _current(portfolio)
    values["gate_model"]["gates"].pop()
    with pytest.raises(GovernanceError, match="stages and gates themselves"):
        ms.save_governance_settings(portfolio, **values)
