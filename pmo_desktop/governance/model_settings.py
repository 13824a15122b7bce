"""The governance settings as one edit: gate model, scoring model and health-rule switches.

`validate_gate_model`, `validate_scoring_model` and `validate_health_rules` check a model an analyst
has edited and return a cleaned copy (names stripped), or raise a one-line `GovernanceError`.
`save_governance_settings` validates all three and writes the ones that changed in ONE batch, so the
whole edit is one undo step. The editor keeps the structure: it renames gates and criteria, edits
checklists, weights, scale descriptions and rule switches, but does not add or remove gates,
stages, criteria or rules (reviews and scores refer to them by id).
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any

from pmo_desktop.domain.enums import Source
from pmo_desktop.governance.common import GovernanceError
from pmo_desktop.governance.health import RULES, SEVERITIES, rule_settings
from pmo_desktop.store import Portfolio

SCALE_POINTS = ("1", "2", "3", "4", "5")
SAVE_LABEL = "Change governance settings"


@dataclass(frozen=True)
class Threshold:
    key: str  # the key in the rule's settings
    label: str  # what the editor shows beside the number
    minimum: int
    maximum: int


# The rules that take a number, and the range that makes sense for it.
THRESHOLDS: dict[str, Threshold] = {
    "stale_status_report": Threshold("max_age_days", "older than (days)", 1, 730),
    "watermelon": Threshold("cost_overrun_pct", "cost over budget by more than (%)", 0, 500),
    "high_risk_no_response": Threshold("min_score", "risk score at least (1-25)", 1, 25),
}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def validate_gate_model(model: dict[str, Any]) -> dict[str, Any]:
    """A cleaned copy of a gate model: every gate named, checklist items non-empty and distinct."""
    model = copy.deepcopy(model)
    stages = model.get("stages") or []
    if not stages or any(not _text(s) for s in stages):
        raise GovernanceError("the gate model needs its stages, each with a name")
    if len(set(stages)) != len(stages):
        raise GovernanceError("two stages in the gate model have the same name")
    gates = model.get("gates") or []
    if not gates:
        raise GovernanceError("the gate model has no gates")
    ids = [g.get("id") for g in gates]
    if len(set(ids)) != len(ids):
        raise GovernanceError("two gates in the gate model have the same id")
    for gate in gates:
        name = _text(gate.get("name"))
        if not name:
            raise GovernanceError(f"gate {gate.get('id')} needs a name")
        if gate.get("from") not in stages or gate.get("to") not in stages:
            raise GovernanceError(f"gate {gate['id']} joins stages that are not in the gate model")
        items = [_text(c) for c in gate.get("checklist") or []]
        if any(not c for c in items):
            raise GovernanceError(f"{name}: a checklist item is empty; give it a text or remove it")
        seen = set()
        for item in items:
            if item.casefold() in seen:
                raise GovernanceError(f"{name}: the checklist has '{item}' twice")
            seen.add(item.casefold())
        gate["name"], gate["checklist"] = name, items
    return model


def validate_scoring_model(model: dict[str, Any]) -> dict[str, Any]:
    """A cleaned copy of a scoring model: named criteria, weights ≥ 0 and not all zero, five scale
    descriptions each, and a budget cap that is empty or not negative."""
    model = copy.deepcopy(model)
    criteria = model.get("criteria") or []
    if not criteria:
        raise GovernanceError("the scoring model has no criteria")
    ids = [c.get("id") for c in criteria]
    if len(set(ids)) != len(ids) or any(not i for i in ids):
        raise GovernanceError("every scoring criterion needs its own id")
    names = set()
    for c in criteria:
        name = _text(c.get("name"))
        if not name:
            raise GovernanceError(f"scoring criterion '{c['id']}' needs a name")
        if name.casefold() in names:
            raise GovernanceError(f"two scoring criteria are called '{name}'")
        names.add(name.casefold())
        weight = c.get("weight")
        if (isinstance(weight, bool) or not isinstance(weight, int | float) or not math.isfinite(weight)
                or weight < 0):
            raise GovernanceError(f"the weight of '{name}' must be a number ≥ 0, not {weight!r}")
        scale = c.get("scale") or {}
        for point in SCALE_POINTS:
            if not _text(scale.get(point)):
                raise GovernanceError(f"'{name}': the description of score {point} is empty")
        c["name"] = name
        c["scale"] = {p: _text(scale[p]) for p in SCALE_POINTS}
    if sum(c["weight"] for c in criteria) <= 0:
        raise GovernanceError("the scoring weights add up to zero; give at least one criterion a weight")
    cap = model.get("funding_cap")
    if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int) or cap < 0):
        raise GovernanceError(f"the budget cap must be empty or an amount ≥ 0, not {cap!r}")
    return model


def validate_health_rules(rules: dict[str, Any]) -> dict[str, Any]:
    """A cleaned copy of the health-rule switches: known rules, a severity each, thresholds in range."""
    rules = copy.deepcopy(rules)
    unknown = set(rules) - set(RULES)
    if unknown:
        raise GovernanceError(f"there is no health rule '{sorted(unknown)[0]}'")
    for rid, cfg in rules.items():
        title = RULES[rid].title
        if not isinstance(cfg.get("enabled", True), bool):
            raise GovernanceError(f"'{title}': on or off must be true or false")
        if cfg.get("severity") not in SEVERITIES:
            raise GovernanceError(f"'{title}': the severity is one of {', '.join(SEVERITIES)}, "
                                  f"not {cfg.get('severity')!r}")
        limit = THRESHOLDS.get(rid)
        if limit is not None and limit.key in cfg:
            value = cfg[limit.key]
            if (isinstance(value, bool) or not isinstance(value, int | float)
                    or not limit.minimum <= value <= limit.maximum):
                raise GovernanceError(f"'{title}': {limit.label} must be from {limit.minimum} to "
                                      f"{limit.maximum}, not {value!r}")
    return rules


def governance_settings(pf: Portfolio) -> dict[str, Any]:
    """Copies of the three models as stored (health rules complete, defaults filled in)."""
    values = pf.settings()
    return {"gate_model": copy.deepcopy(values["gate_model"]),
            "scoring_model": copy.deepcopy(values["scoring_model"]),
            "health_rules": copy.deepcopy(rule_settings(values))}


def _same_shape(old: dict[str, Any], new: dict[str, Any]) -> None:
    """The editor renames and re-words; it does not add or drop the gates and criteria data refers to."""
    if old["gate_model"]["stages"] != new["gate_model"]["stages"] or \
            [g["id"] for g in old["gate_model"]["gates"]] != [g["id"] for g in new["gate_model"]["gates"]]:
        raise GovernanceError("the stages and gates themselves cannot be changed here, only their names and checklists")
    if [c["id"] for c in old["scoring_model"]["criteria"]] != [c["id"] for c in new["scoring_model"]["criteria"]]:
        raise GovernanceError("scoring criteria cannot be added or removed here, only renamed and re-weighted")


def save_governance_settings(pf: Portfolio, *, gate_model: dict[str, Any], scoring_model: dict[str, Any],
                             health_rules: dict[str, Any], source: Source | str = Source.UI) -> int | None:
    """Validate all three models and write those that changed as ONE batch (one undo step).

    Returns the batch id, or None when nothing differs from what is stored (nothing is written).
    A problem in any of them raises GovernanceError and writes nothing.
    """
    new = {"gate_model": validate_gate_model(gate_model),
           "scoring_model": validate_scoring_model(scoring_model),
           "health_rules": validate_health_rules(health_rules)}
    old = governance_settings(pf)
    _same_shape(old, new)
    changed = {key: value for key, value in new.items() if value != old[key]}
    if not changed:
        return None
    with pf.batch(source, SAVE_LABEL) as batch_id:
        pf.set_settings(changed, source=source)
    return batch_id
