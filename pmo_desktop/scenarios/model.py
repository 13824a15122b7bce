"""Scenarios: named sets of changes laid over the live portfolio, kept in the file.

A change is one of: defer a project by N months, cancel it, fund it whatever its rank, change its
budget by a percentage or an amount, or set one of its scores. Storing a scenario never touches live
data; only `apply_scenario` does, as one batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pmo_desktop.domain.enums import Source
from pmo_desktop.governance.scoring import OPEN_STAGES, parse_amount, scoring_criteria
from pmo_desktop.store import Portfolio, PortfolioError

CLOSED_STATUSES = ("Completed", "Cancelled")
MAX_DEFER_MONTHS = 60


class ScenarioError(PortfolioError):
    """A scenario request that cannot be carried out; str() is one line for the user."""


@dataclass
class ProjectChange:
    project_id: int
    code: str
    defer_months: int = 0
    cancel: bool = False
    fund: bool = False
    budget_pct: float | None = None
    budget_amount: int | None = None  # minor units, + or -
    scores: dict[str, int] = field(default_factory=dict)

    def budget_delta(self, approved: int | None) -> int:
        """How much the approved budget moves (minor units)."""
        if self.budget_amount is not None:
            return self.budget_amount
        if self.budget_pct is not None:
            return round((approved or 0) * self.budget_pct / 100)
        return 0

    def describe(self) -> list[str]:
        out = []
        if self.cancel:
            out.append("cancel")
        if self.defer_months:
            out.append(f"defer {self.defer_months}m")
        if self.fund:
            out.append("fund")
        if self.budget_pct is not None:
            out.append(f"budget {self.budget_pct:+g}%")
        if self.budget_amount is not None:
            out.append(f"budget {self.budget_amount / 100:+,.0f}")
        out.extend(f"{k}={v}" for k, v in sorted(self.scores.items()))
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "defer_months": self.defer_months, "cancel": self.cancel, "fund": self.fund,
                "budget_pct": self.budget_pct, "budget_amount": self.budget_amount, "scores": dict(self.scores),
                "summary": ", ".join(self.describe())}


@dataclass
class Scenario:
    id: int | None
    name: str
    description: str | None = None
    changes: dict[int, ProjectChange] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description,
                "changes": [c.as_dict() for c in sorted(self.changes.values(), key=lambda c: c.code)]}


LIVE = "live"


# -- parsing what the user typed --------------------------------------------------------------------

_DEFER = re.compile(r"^\s*(\d+)\s*(m|mo|mon|month|months)?\s*$", re.IGNORECASE)


def parse_defer(text: str) -> int:
    """'3m', '3', '3 months' → 3; 0 removes a deferral."""
    match = _DEFER.match(str(text))
    if not match:
        raise ScenarioError(f"a deferral is a whole number of months like 3m, not '{text}'")
    months = int(match.group(1))
    if months > MAX_DEFER_MONTHS:
        raise ScenarioError(f"a deferral is at most {MAX_DEFER_MONTHS} months, not {months}")
    return months


_PCT = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$")


def parse_budget(text: str) -> tuple[float | None, int | None]:
    """'-10%' → (−10.0, None); '250k', '+250k', '-1.5m' → (None, ±minor units)."""
    raw = str(text).strip()
    match = _PCT.match(raw)
    if match:
        pct = float(match.group(1))
        if pct <= -100:
            raise ScenarioError(f"a budget cannot fall by {-pct:g}% (use --cancel to stop a project)")
        return pct, None
    sign = -1 if raw.startswith("-") else 1
    try:
        amount = parse_amount(raw.lstrip("+-"))
    except PortfolioError:
        raise ScenarioError(f"a budget change is a percentage like -10% or an amount like 250k or -1.5m, "
                            f"not '{text}'") from None
    return None, sign * amount


# -- the store ----------------------------------------------------------------------------------------


def scenario_names(pf: Portfolio) -> list[str]:
    return [r[0] for r in pf.conn.execute("SELECT name FROM scenarios ORDER BY name COLLATE NOCASE")]


def _scenario_id(pf: Portfolio, name: str) -> int:
    row = pf.conn.execute("SELECT id FROM scenarios WHERE name = ?", (name,)).fetchone()
    if row is None:
        known = ", ".join(scenario_names(pf)) or "none yet"
        raise ScenarioError(f"there is no scenario '{name}' (scenarios: {known})")
    return row[0]


def new_scenario(pf: Portfolio, name: str, description: str | None = None, *,
                 source: Source | str = Source.UI) -> None:
    name = (name or "").strip()
    if not name:
        raise ScenarioError("a scenario needs a name")
    if name.casefold() == LIVE:
        raise ScenarioError("'live' is the live portfolio; give the scenario another name")
    if pf.conn.execute("SELECT 1 FROM scenarios WHERE name = ?", (name,)).fetchone():
        raise ScenarioError(f"there is already a scenario '{name}'")
    with pf.batch(source, f"New scenario {name}"):
        pf.conn.execute("INSERT INTO scenarios (name, description) VALUES (?, ?)", (name, description))


def delete_scenario(pf: Portfolio, name: str, *, source: Source | str = Source.UI) -> None:
    sid = _scenario_id(pf, name)
    with pf.batch(source, f"Delete scenario {name}"):
        pf.conn.execute("DELETE FROM scenarios WHERE id = ?", (sid,))


def load_scenario(pf: Portfolio, name: str) -> Scenario:
    sid = _scenario_id(pf, name)
    description = pf.conn.execute("SELECT description FROM scenarios WHERE id = ?", (sid,)).fetchone()[0]
    scenario = Scenario(sid, name, description)
    for pid, code, kind, criterion, value in pf.conn.execute(
            """SELECT c.project_id, p.code, c.kind, c.criterion, c.value FROM scenario_changes c
               JOIN projects p ON p.id = c.project_id WHERE c.scenario_id = ? ORDER BY p.code, c.id""", (sid,)):
        change = scenario.changes.setdefault(pid, ProjectChange(pid, code))
        if kind == "defer":
            change.defer_months = int(value)
        elif kind == "cancel":
            change.cancel = True
        elif kind == "fund":
            change.fund = True
        elif kind == "budget_pct":
            change.budget_pct = float(value)
        elif kind == "budget_amount":
            change.budget_amount = int(value)
        elif kind == "score":
            change.scores[criterion] = int(value)
    return scenario


def _project(pf: Portfolio, code: str) -> tuple[int, str | None, str | None]:
    row = pf.conn.execute("SELECT id, stage, status FROM projects WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise ScenarioError(f"there is no project with code '{code}'")
    return row


def is_closed(stage: str | None, status: str | None) -> bool:
    return stage == "Closed" or (status or "") in CLOSED_STATUSES


def set_change(pf: Portfolio, name: str, code: str, *, defer: str | int | None = None, cancel: bool = False,
               fund: bool = False, budget: str | None = None, scores: dict[str, int] | None = None,
               clear: bool = False, source: Source | str = Source.UI) -> ProjectChange | None:
    """Add or change what scenario `name` does to project `code`; returns the project's changes after.

    All checks run before anything is written, so a bad option changes nothing."""
    sid = _scenario_id(pf, name)
    pid, stage, status = _project(pf, code)
    if cancel and fund:
        raise ScenarioError("a project cannot be both cancelled and funded in one scenario")
    months = parse_defer(defer) if isinstance(defer, str) else defer
    if months is not None and (isinstance(months, bool) or months < 0 or months > MAX_DEFER_MONTHS):
        raise ScenarioError(f"a deferral is 0 to {MAX_DEFER_MONTHS} months, not {months}")
    pct, amount = parse_budget(budget) if budget is not None else (None, None)
    touching = clear or cancel or fund or budget is not None or bool(scores) or months is not None
    if not touching:
        raise ScenarioError("say what changes: --defer, --cancel, --fund, --budget, --score or --clear")
    if not clear and is_closed(stage, status):
        raise ScenarioError(f"{code} is {'closed' if stage == 'Closed' else (status or '').lower()}; "
                            "a scenario can only change open projects")
    if fund and stage not in OPEN_STAGES:
        raise ScenarioError(f"{code} is in {stage}, not in the book of work; only projects in "
                            f"{', '.join(OPEN_STAGES)} compete for funding")
    known = {c["id"] for c in scoring_criteria(pf)}
    for criterion, value in (scores or {}).items():
        if criterion not in known:
            raise ScenarioError(f"no scoring criterion '{criterion}' (criteria: {', '.join(sorted(known))})")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ScenarioError(f"a score is a whole number from 1 to 5, not {value!r}")
    if amount is not None or pct is not None:
        approved = pf.conn.execute("SELECT approved_budget FROM projects WHERE id = ?", (pid,)).fetchone()[0] or 0
        delta = amount if amount is not None else round(approved * pct / 100)
        if approved + delta < 0:
            raise ScenarioError(f"that would leave {code} with a negative budget")
    with pf.batch(source, f"Scenario {name}: change {code}"):
        def put(kind: str, value, criterion: str = "") -> None:
            pf.conn.execute(
                """INSERT INTO scenario_changes (scenario_id, project_id, kind, criterion, value) VALUES (?,?,?,?,?)
                   ON CONFLICT (scenario_id, project_id, kind, criterion) DO UPDATE SET value = excluded.value,
                   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE value IS NOT excluded.value""",
                (sid, pid, kind, criterion, value))

        def drop(*kinds: str) -> None:
            marks = ", ".join("?" for _ in kinds)
            pf.conn.execute(f"DELETE FROM scenario_changes WHERE scenario_id = ? AND project_id = ? "
                            f"AND kind IN ({marks})", (sid, pid, *kinds))

        if clear:
            drop("defer", "cancel", "fund", "budget_pct", "budget_amount", "score")
        if months is not None:
            put("defer", months) if months else drop("defer")
        if cancel:
            drop("fund")
            put("cancel", 1)
        if fund:
            drop("cancel")
            put("fund", 1)
        if pct is not None:
            drop("budget_amount")
            put("budget_pct", pct)
        if amount is not None:
            drop("budget_pct")
            put("budget_amount", amount)
        for criterion, value in (scores or {}).items():
            put("score", value, criterion)
    return load_scenario(pf, name).changes.get(pid)
