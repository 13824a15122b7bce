"""Prioritisation: weighted scores per project and the ranked book of work with its funding line.

The scoring model lives in settings (`scoring_model`): criteria with weights and 1-5 scale
descriptions, 5 always the most favourable. A project's weighted score is the weight-averaged score,
an unscored criterion counting 0 (the project has not yet made that part of its case). `rank_book` is
a pure function of the candidates, the criteria and the cap, so a view can re-rank at once when a
weight or the cap changes without touching the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook

from pmo_desktop.domain.enums import Source
from pmo_desktop.governance.common import GovernanceError, project_row
from pmo_desktop.governance.xlsx import append_row, header_sheet, save_atomically
from pmo_desktop.store import Portfolio
from pmo_desktop.store.id_lists import in_list, json_list

# Stages still competing for money and people; closing and closed projects are not.
OPEN_STAGES = ("Idea", "Initiation", "Planning", "Execution")


@dataclass(frozen=True)
class Candidate:
    project_id: int
    code: str
    name: str
    stage: str | None
    cost: int | None  # approved budget, minor units
    scores: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BookRow:
    rank: int
    candidate: Candidate
    weighted_score: float | None
    cumulative_cost: int
    funded: bool | None  # None when there is no cap

    def as_dict(self) -> dict[str, Any]:
        c = self.candidate
        return {"rank": self.rank, "project_id": c.project_id, "code": c.code, "name": c.name,
                "stage": c.stage, "scores": dict(c.scores),
                "weighted_score": None if self.weighted_score is None else round(self.weighted_score, 4),
                "cost": c.cost, "cumulative_cost": self.cumulative_cost, "funded": self.funded}


@dataclass(frozen=True)
class BookOfWork:
    rows: list[BookRow]
    criteria: list[dict[str, Any]]
    cap: int | None

    @property
    def funded_cost(self) -> int:
        return sum(r.candidate.cost or 0 for r in self.rows if r.funded)

    @property
    def total_cost(self) -> int:
        return sum(r.candidate.cost or 0 for r in self.rows)

    def as_dict(self) -> dict[str, Any]:
        return {"cap": self.cap, "total_cost": self.total_cost,
                "funded_cost": self.funded_cost if self.cap is not None else None,
                "funded_count": sum(1 for r in self.rows if r.funded) if self.cap is not None else None,
                "criteria": [{"id": c["id"], "name": c["name"], "weight": c["weight"]} for c in self.criteria],
                "rows": [r.as_dict() for r in self.rows]}


def check_criteria(criteria: list[dict[str, Any]]) -> None:
    if not criteria:
        raise GovernanceError("the scoring model has no criteria")
    for c in criteria:
        w = c.get("weight")
        if isinstance(w, bool) or not isinstance(w, int | float) or w < 0:
            raise GovernanceError(f"the weight of '{c.get('name', c.get('id'))}' must be a number ≥ 0, not {w!r}")
    if sum(c["weight"] for c in criteria) <= 0:
        raise GovernanceError("the scoring weights add up to zero; give at least one criterion a weight")


def _scorer(criteria: list[dict[str, Any]]):
    weights = [(c["id"], c["weight"]) for c in criteria]
    total = sum(w for _, w in weights)

    def score(scores: Mapping[str, int]) -> float | None:
        acc, scored = 0, False
        for cid, weight in weights:
            value = scores.get(cid)
            if value is not None:
                acc += weight * value
                scored = True
        return acc / total if scored else None

    return score


def weighted_scorer(criteria: list[dict[str, Any]]):
    """A function scores -> weighted score for these criteria (checked once, used many times)."""
    check_criteria(criteria)
    return _scorer(criteria)


def weighted_score(scores: Mapping[str, int], criteria: list[dict[str, Any]]) -> float | None:
    """Weight-averaged score on the 1-5 scale; None when the project has no scores at all."""
    return _scorer(criteria)(scores)


def rank_book(candidates: list[Candidate], criteria: list[dict[str, Any]], cap: int | None = None,
              forced: frozenset[int] | set[int] = frozenset()) -> BookOfWork:
    """Rank by weighted score (highest first; ties: cheaper first, then code); unscored projects last.

    The funding line is drawn in rank order: projects are in while the cumulative cost stays within the
    cap; the first project that would cross it, and every project below, is out. Projects in `forced`
    (ids the board chose to fund whatever their rank) are in, and their cost comes off the cap first.
    """
    check_criteria(criteria)
    score = _scorer(criteria)
    return rank_scored([(score(c.scores), c) for c in candidates], criteria, cap, forced)


def rank_scored(scored: list[tuple[float | None, Candidate]], criteria: list[dict[str, Any]], cap: int | None = None,
                forced: frozenset[int] | set[int] = frozenset()) -> BookOfWork:
    """`rank_book` for candidates already scored (weighted_score of each), so a what-if that changes a
    few projects re-scores only those."""
    if cap is not None and cap < 0:
        raise GovernanceError("the budget cap cannot be negative")
    scored = list(scored)
    scored.sort(key=lambda sc: (sc[0] is None, -(sc[0] or 0), sc[1].cost or 0, sc[1].code))
    rows, cumulative, line_crossed = [], 0, False
    committed = sum(c.cost or 0 for _, c in scored if c.project_id in forced)
    for rank, (score, cand) in enumerate(scored, start=1):
        cumulative += cand.cost or 0
        funded = None
        if cap is not None:
            if cand.project_id in forced:
                funded = True
            else:
                committed += cand.cost or 0
                line_crossed = line_crossed or committed > cap
                funded = not line_crossed
        rows.append(BookRow(rank, cand, score, cumulative, funded))
    return BookOfWork(rows, criteria, cap)


def scoring_criteria(pf: Portfolio) -> list[dict[str, Any]]:
    return pf.settings()["scoring_model"]["criteria"]


def stored_cap(pf: Portfolio) -> int | None:
    """The budget cap saved with the scoring model (minor units), if any."""
    return pf.settings()["scoring_model"].get("funding_cap")


def save_model(pf: Portfolio, weights: Mapping[str, float], cap: int | None, *,
               source: Source | str = Source.UI) -> None:
    """Store new weights (by criterion id) and the budget cap in the scoring model, as one undo step."""
    model = dict(pf.settings()["scoring_model"])
    criteria = [{**c, "weight": weights.get(c["id"], c["weight"])} for c in model["criteria"]]
    check_criteria(criteria)
    if cap is not None and cap < 0:
        raise GovernanceError("the budget cap cannot be negative")
    pf.set_settings({"scoring_model": {**model, "criteria": criteria, "funding_cap": cap}}, source=source)


def candidates(pf: Portfolio, *, stages: tuple[str, ...] = OPEN_STAGES) -> list[Candidate]:
    scores: dict[int, dict[str, int]] = {}
    for pid, criterion, score in pf.conn.execute("SELECT project_id, criterion, score FROM priority_scores"):
        scores.setdefault(pid, {})[criterion] = score
    marks = ", ".join("?" for _ in stages)
    return [
        Candidate(pid, code, name, stage, budget, scores.get(pid, {}))
        for pid, code, name, stage, budget in pf.conn.execute(
            f"""SELECT id, code, name, stage, approved_budget FROM projects
                WHERE stage IN ({marks}) AND coalesce(status, '') NOT IN ('Completed', 'Cancelled')
                ORDER BY code""",
            stages,
        )
    ]


def book_of_work(pf: Portfolio, *, cap: int | None = None,
                 weights: Mapping[str, float] | None = None) -> BookOfWork:
    """The ranked book of work; `weights` overrides the model's weights by criterion id (what-if)."""
    criteria = [dict(c) for c in scoring_criteria(pf)]
    if weights:
        known = {c["id"] for c in criteria}
        unknown = set(weights) - known
        if unknown:
            raise GovernanceError(f"no scoring criterion '{sorted(unknown)[0]}' (criteria: {', '.join(sorted(known))})")
        for c in criteria:
            if c["id"] in weights:
                c["weight"] = weights[c["id"]]
    return rank_book(candidates(pf), criteria, cap, forced_ids(pf))


def forced_ids(pf: Portfolio) -> set[int]:
    """Projects funded by decision whatever their rank (codes kept in the scoring model's `funded`)."""
    codes = pf.settings()["scoring_model"].get("funded") or []
    if not codes:
        return set()
    return {pid for (pid,) in pf.conn.execute(f"SELECT id FROM projects WHERE {in_list('code')}", [json_list(codes)])}


def set_scores(pf: Portfolio, project_code: str, scores: Mapping[str, int | None], *,
               rationale: Mapping[str, str] | None = None, source: Source | str = Source.UI) -> None:
    """Set (or with None clear) a project's scores by criterion id, as one undo step."""
    project_id, _name, _stage = project_row(pf, project_code)
    known = {c["id"] for c in scoring_criteria(pf)}
    for criterion, score in scores.items():
        if criterion not in known:
            raise GovernanceError(f"no scoring criterion '{criterion}' (criteria: {', '.join(sorted(known))})")
        if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5):
            raise GovernanceError(f"a score is a whole number from 1 to 5, not {score!r}")
    rationale = rationale or {}
    with pf.batch(source, f"Score {project_code}"):
        for criterion, score in scores.items():
            if score is None:
                pf.conn.execute("DELETE FROM priority_scores WHERE project_id = ? AND criterion = ?",
                                (project_id, criterion))
                continue
            pf.conn.execute(
                """INSERT INTO priority_scores (project_id, criterion, score, rationale) VALUES (?, ?, ?, ?)
                   ON CONFLICT (project_id, criterion) DO UPDATE SET score = excluded.score,
                     rationale = coalesce(excluded.rationale, priority_scores.rationale),
                     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                   WHERE priority_scores.score IS NOT excluded.score
                      OR excluded.rationale IS NOT NULL AND priority_scores.rationale IS NOT excluded.rationale""",
                (project_id, criterion, score, rationale.get(criterion)),
            )


_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(k|m|bn)?$", re.IGNORECASE)
_SCALE = {None: 1, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}


def parse_amount(text: str) -> int:
    """'2500000', '2,500,000', '£2.5m', '750k' → minor units (×100); anything else is a user error."""
    cleaned = re.sub(r"[,\s_]", "", str(text)).lstrip("£$€¥₹")
    cleaned = re.sub(r"^[A-Za-z]{3}", "", cleaned) if not _AMOUNT.match(cleaned) else cleaned
    match = _AMOUNT.match(cleaned)
    if not match:
        raise GovernanceError(f"an amount looks like 2500000, 2,500,000, 2.5m or 750k, not '{text}'")
    unit = match.group(2).lower() if match.group(2) else None
    return round(float(match.group(1)) * _SCALE[unit] * 100)


def export_book(book: BookOfWork, out, *, currency: str = "GBP") -> None:
    """Write the book of work to an .xlsx file (money in major units), atomically."""
    wb = Workbook()
    names = [c["name"] for c in book.criteria]
    ws = header_sheet(wb, "Book of work", ["Rank", "Code", "Project", "Stage", *names, "Weighted score",
                                           f"Cost ({currency})", f"Cumulative cost ({currency})", "Funding"],
                      first=True)
    for row in book.rows:
        c = row.candidate
        append_row(ws, [row.rank, c.code, c.name, c.stage, *(c.scores.get(k["id"]) for k in book.criteria),
                        None if row.weighted_score is None else round(row.weighted_score, 2),
                        None if c.cost is None else c.cost / 100, row.cumulative_cost / 100,
                        {True: "In", False: "Out", None: ""}[row.funded]])
    money_cols = (len(names) + 6, len(names) + 7)
    for cells in ws.iter_rows(min_row=2):
        for col in money_cols:
            cells[col - 1].number_format = "#,##0.00"
    widths = {"A": 6, "B": 12, "C": 40, "D": 12}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    model = header_sheet(wb, "Model", ["Criterion", "Weight"])
    for c in book.criteria:
        append_row(model, [c["name"], c["weight"]])
    append_row(model, [f"Budget cap ({currency})", None if book.cap is None else book.cap / 100])
    save_atomically(wb, out)
