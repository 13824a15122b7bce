"""Stage gates: the gate model, gate reviews with checklists and conditions, and moving a stage on.

The gate model lives in the portfolio's settings (`gate_model`): the stages in order and the gates
between them, each with its checklist. A review records one sitting of a gate board for one project.
A project moves to its next stage with `advance_stage`, which needs the latest decision at the gate
it passes to be Go (or Go with conditions) unless a reason is given; the reason becomes the label of
the change-log batch, so the audit trail keeps it beside the change itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from pmo_desktop.domain.enums import Source
from pmo_desktop.governance.common import GovernanceError, iso_date, next_period_end, project_row
from pmo_desktop.store import Portfolio
from pmo_desktop.store.rows import update_row

DECISIONS = ("Go", "Go with conditions", "Hold", "Recycle", "Stop")
PASSING = ("Go", "Go with conditions")
CONDITION_STATUSES = ("Open", "Met", "Waived")


class NoGoRecorded(GovernanceError):
    """Advancing a stage without a recorded Go; repeat with a reason to go ahead anyway."""


# -- the model -------------------------------------------------------------------------------------


def gate_model(pf: Portfolio) -> dict[str, Any]:
    return pf.settings()["gate_model"]


def gate_by_id(model: dict[str, Any], gate_id: str) -> dict[str, Any]:
    for gate in model["gates"]:
        if gate["id"] == gate_id:
            return gate
    known = ", ".join(g["id"] for g in model["gates"])
    raise GovernanceError(f"there is no gate '{gate_id}' in the gate model (gates: {known})")


def gate_after(model: dict[str, Any], stage: str | None) -> dict[str, Any] | None:
    """The gate a project in `stage` passes next, or None at the last stage."""
    for gate in model["gates"]:
        if gate["from"] == stage:
            return gate
    return None


# -- reviews ---------------------------------------------------------------------------------------


def _checklist(model_gate: dict[str, Any], given: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    if given is None:
        return [{"criterion": c, "met": False, "evidence": ""} for c in model_gate["checklist"]]
    items = []
    for item in given:
        criterion = str(item.get("criterion") or "").strip()
        if not criterion:
            raise GovernanceError("every checklist item needs a criterion")
        items.append({"criterion": criterion, "met": bool(item.get("met")),
                      "evidence": str(item.get("evidence") or "")})
    return items


def _check_decision(decision: str | None) -> str | None:
    if decision in (None, ""):
        return None
    if decision not in DECISIONS:
        raise GovernanceError(f"a gate decision is one of {', '.join(DECISIONS)}, not '{decision}'")
    return decision


def _condition_values(cond: dict[str, Any]) -> tuple[str, str | None, str | None, str]:
    text = str(cond.get("description") or "").strip()
    if not text:
        raise GovernanceError("a gate condition needs a description")
    status = cond.get("status") or "Open"
    if status not in CONDITION_STATUSES:
        raise GovernanceError(f"a condition's status is one of {', '.join(CONDITION_STATUSES)}, not '{status}'")
    return text, (cond.get("owner") or None), iso_date(cond.get("due_date"), "the condition's due date"), status


def record_gate_review(
    pf: Portfolio,
    project_code: str,
    gate: str,
    *,
    planned_date: date | str | None = None,
    actual_date: date | str | None = None,
    decision: str | None = None,
    approvers: str | None = None,
    checklist: list[dict[str, Any]] | None = None,
    conditions: list[dict[str, Any]] | None = None,
    notes: str | None = None,
    source: Source | str = Source.UI,
) -> int:
    """Record a gate review (with its conditions) as one undo step; returns the review's id.

    Without a checklist the gate's criteria from the model are copied in, none yet met.
    """
    project_id, _name, _stage = project_row(pf, project_code)
    model_gate = gate_by_id(gate_model(pf), gate)
    decision = _check_decision(decision)
    values = {
        "planned_date": iso_date(planned_date, "the planned date"),
        "actual_date": iso_date(actual_date, "the actual date"),
        "checklist": json.dumps(_checklist(model_gate, checklist)),
    }
    conditions = [_condition_values(c) for c in conditions or []]
    if decision == "Go with conditions" and not conditions:
        raise GovernanceError("a 'Go with conditions' decision needs at least one condition")
    if decision and not values["actual_date"]:
        raise GovernanceError("a gate decision needs the date the gate was held (actual date)")
    with pf.batch(source, f"Gate review {gate} for {project_code}"):
        review_id = pf.conn.execute(
            """INSERT INTO gate_reviews (project_id, gate, planned_date, actual_date, checklist, decision,
                                         approvers, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (project_id, gate, values["planned_date"], values["actual_date"], values["checklist"], decision,
             approvers or None, notes or None),
        ).lastrowid
        for text, owner, due, status in conditions:
            pf.conn.execute(
                "INSERT INTO gate_conditions (review_id, description, owner, due_date, status) VALUES (?, ?, ?, ?, ?)",
                (review_id, text, owner, due, status),
            )
    return review_id


def update_gate_review(pf: Portfolio, review_id: int, *, source: Source | str = Source.UI, **fields: Any) -> bool:
    """Change fields of a review (planned_date, actual_date, decision, approvers, checklist, notes)."""
    row = pf.conn.execute("SELECT gate, actual_date FROM gate_reviews WHERE id = ?", (review_id,)).fetchone()
    if row is None:
        raise GovernanceError(f"there is no gate review {review_id}")
    allowed = {"planned_date", "actual_date", "decision", "approvers", "checklist", "notes"}
    unknown = set(fields) - allowed
    if unknown:
        raise GovernanceError(f"a gate review has no field {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key in ("planned_date", "actual_date"):
            values[key] = iso_date(value, f"the {key.replace('_', ' ')}")
        elif key == "decision":
            values[key] = _check_decision(value)
        elif key == "checklist":
            values[key] = json.dumps(_checklist(gate_by_id(gate_model(pf), row[0]), value))
        else:
            values[key] = value or None
    if values.get("decision") and not values.get("actual_date", row[1]):
        raise GovernanceError("a gate decision needs the date the gate was held (actual date)")
    if values.get("decision") == "Go with conditions":
        n = pf.conn.execute("SELECT count(*) FROM gate_conditions WHERE review_id = ?", (review_id,)).fetchone()[0]
        if n == 0:
            raise GovernanceError("a 'Go with conditions' decision needs at least one condition")
    return update_row(pf, "gate_reviews", review_id, values, source=source, label="Edit gate review")


def add_condition(pf: Portfolio, review_id: int, description: str, *, owner: str | None = None,
                  due_date: date | str | None = None, source: Source | str = Source.UI) -> int:
    if pf.conn.execute("SELECT 1 FROM gate_reviews WHERE id = ?", (review_id,)).fetchone() is None:
        raise GovernanceError(f"there is no gate review {review_id}")
    text, owner, due, status = _condition_values({"description": description, "owner": owner, "due_date": due_date})
    with pf.batch(source, "Add gate condition"):
        return pf.conn.execute(
            "INSERT INTO gate_conditions (review_id, description, owner, due_date, status) VALUES (?, ?, ?, ?, ?)",
            (review_id, text, owner, due, status),
        ).lastrowid


def set_condition_status(pf: Portfolio, condition_id: int, status: str, *, source: Source | str = Source.UI) -> bool:
    if status not in CONDITION_STATUSES:
        raise GovernanceError(f"a condition's status is one of {', '.join(CONDITION_STATUSES)}, not '{status}'")
    if pf.conn.execute("SELECT 1 FROM gate_conditions WHERE id = ?", (condition_id,)).fetchone() is None:
        raise GovernanceError(f"there is no gate condition {condition_id}")
    return update_row(pf, "gate_conditions", condition_id, {"status": status}, source=source,
                      label=f"Condition {status.lower()}")


def replace_conditions(pf: Portfolio, review_id: int, conditions: list[dict[str, Any]], *,
                       source: Source | str = Source.UI) -> None:
    """Make a review's conditions exactly `conditions` (rows with an `id` are kept and updated)."""
    if pf.conn.execute("SELECT 1 FROM gate_reviews WHERE id = ?", (review_id,)).fetchone() is None:
        raise GovernanceError(f"there is no gate review {review_id}")
    wanted = [(c.get("id"), _condition_values(c)) for c in conditions]
    existing = {r[0] for r in pf.conn.execute("SELECT id FROM gate_conditions WHERE review_id = ?", (review_id,))}
    with pf.batch(source, "Edit gate conditions"):
        keep = {cid for cid, _ in wanted if cid in existing}
        for cid in existing - keep:
            pf.conn.execute("DELETE FROM gate_conditions WHERE id = ?", (cid,))
        for cid, (text, owner, due, status) in wanted:
            if cid in existing:
                update_row(pf, "gate_conditions", cid,
                           {"description": text, "owner": owner, "due_date": due, "status": status}, source=source)
            else:
                pf.conn.execute(
                    "INSERT INTO gate_conditions (review_id, description, owner, due_date, status) VALUES (?,?,?,?,?)",
                    (review_id, text, owner, due, status))


_REVIEW_COLS = ("id", "code", "project", "gate", "planned_date", "actual_date", "checklist", "decision",
                "approvers", "notes")


def gate_reviews(pf: Portfolio, project_code: str | None = None) -> list[dict[str, Any]]:
    """Reviews with their checklists and conditions, oldest first per project."""
    where, params = "", ()
    if project_code is not None:
        project_row(pf, project_code)
        where, params = "WHERE p.code = ?", (project_code,)
    reviews = []
    for row in pf.conn.execute(
        f"""SELECT g.id, p.code, p.name, g.gate, g.planned_date, g.actual_date, g.checklist, g.decision,
                   g.approvers, g.notes
            FROM gate_reviews g JOIN projects p ON p.id = g.project_id {where}
            ORDER BY p.code, coalesce(g.actual_date, g.planned_date), g.id""",
        params,
    ):
        review = dict(zip(_REVIEW_COLS, row, strict=True))
        review["checklist"] = json.loads(review["checklist"])
        review["conditions"] = [
            dict(zip(("id", "description", "owner", "due_date", "status"), c, strict=True))
            for c in pf.conn.execute(
                "SELECT id, description, owner, due_date, status FROM gate_conditions WHERE review_id = ? ORDER BY id",
                (review["id"],),
            )
        ]
        reviews.append(review)
    return reviews


def latest_decision(pf: Portfolio, project_id: int, gate: str) -> str | None:
    """The decision of the most recent decided review of this gate for this project."""
    row = pf.conn.execute(
        """SELECT decision FROM gate_reviews WHERE project_id = ? AND gate = ? AND decision IS NOT NULL
           ORDER BY actual_date DESC, id DESC LIMIT 1""",
        (project_id, gate),
    ).fetchone()
    return row[0] if row else None


# -- moving a stage on -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Advance:
    code: str
    from_stage: str
    to_stage: str
    gate: str
    decision: str | None
    reason: str | None
    batch_id: int

    @property
    def without_go(self) -> bool:
        return self.decision not in PASSING


def advance_stage(pf: Portfolio, project_code: str, reason: str | None = None, *,
                  source: Source | str = Source.UI) -> Advance:
    """Move a project to its next stage through the gate between them.

    Refuses (NoGoRecorded) unless the gate's latest decision is Go or Go with conditions, or a reason
    is given; the reason is kept as the label of the change-log batch that made the move.
    """
    project_id, _name, stage = project_row(pf, project_code)
    model = gate_model(pf)
    if stage not in model["stages"]:
        raise GovernanceError(f"{project_code} has stage '{stage or 'none'}', which is not in the gate model")
    gate = gate_after(model, stage)
    if gate is None:
        raise GovernanceError(f"{project_code} is at the last stage ({stage}); there is no stage after it")
    decision = latest_decision(pf, project_id, gate["id"])
    reason = (reason or "").strip() or None
    if decision not in PASSING and reason is None:
        got = f"the latest decision is {decision}" if decision else "no decision is recorded"
        raise NoGoRecorded(
            f"{project_code} has no Go at {gate['id']} ({stage} → {gate['to']}): {got}; "
            f"give a reason to advance anyway"
        )
    label = f"Advance {project_code} {stage} → {gate['to']}"
    if decision not in PASSING:
        label += f" without Go at {gate['id']}: {reason}"
    elif reason:
        label += f": {reason}"
    with pf.batch(source, label) as batch_id:
        pf.conn.execute(
            "UPDATE projects SET stage = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
            (gate["to"], project_id),
        )
    return Advance(project_code, stage, gate["to"], gate["id"], decision, reason, batch_id)


# -- what is due -------------------------------------------------------------------------------------


def gate_schedule(pf: Portfolio, *, today: date | None = None) -> dict[str, Any]:
    """Gate reviews not yet held: overdue (planned before today) and due by the end of next period."""
    today = today or date.today()
    window_end = next_period_end(today, pf.settings().get("reporting_cadence") or "monthly")
    overdue, due = [], []
    for rid, pid, code, name, stage, gate, planned in pf.conn.execute(
        """SELECT g.id, p.id, p.code, p.name, p.stage, g.gate, g.planned_date
           FROM gate_reviews g JOIN projects p ON p.id = g.project_id
           WHERE g.actual_date IS NULL AND g.decision IS NULL AND g.planned_date IS NOT NULL
             AND g.planned_date <= ? AND coalesce(p.stage, '') <> 'Closed'
           ORDER BY g.planned_date, p.code""",
        (window_end.isoformat(),),
    ):
        item = {"review_id": rid, "project_id": pid, "code": code, "project": name, "stage": stage,
                "gate": gate, "planned_date": planned}
        if planned < today.isoformat():
            item["days_overdue"] = (today - date.fromisoformat(planned)).days
            overdue.append(item)
        else:
            due.append(item)
    return {"today": today.isoformat(), "window_end": window_end.isoformat(), "overdue": overdue, "due": due}
