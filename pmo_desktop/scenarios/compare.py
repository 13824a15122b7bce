"""Comparing scenarios with the live portfolio: spend by FY, the funding line, capacity over and under
by team and month, cash benefits by FY (summed), non-cash and qualitative benefits by the FY they are due
(counted: due, realised, at risk, lost; their measures do not add up), and strategic alignment.
Read-only: nothing here writes.

The same rules as `apply_scenario` (so a scenario compared, then applied, reads the same as live):
- cancel: future spend (months after the cut-off) goes to nothing, its allocations go, it leaves the
  book of work; a benefit whose every project is cancelled stops where its actuals stand;
- defer N months: future spend, allocations and the benefit curves after the period move N months later;
- budget ±% or ±amount: the approved budget moves, and future spend is scaled to carry the change;
- fund: in above the funding line whatever its rank (its cost comes off the cap first);
- score: the project is re-scored, so it may re-rank.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from pmo_desktop.benefits.model import Benefit, level_at
from pmo_desktop.benefits.realisation import by_year, non_cash_by_year, non_cash_due
from pmo_desktop.domain import workdays
from pmo_desktop.governance import scoring
from pmo_desktop.scenarios.live import Live, load_live
from pmo_desktop.scenarios.model import LIVE, ProjectChange, Scenario, ScenarioError, load_scenario
from pmo_desktop.store import Portfolio

MAX_COMPARED = 4
ALIGNMENT = "strategic_alignment"


def shift_month(month: str, months: int) -> str:
    return workdays.add_months(date.fromisoformat(month), months).isoformat()


def changed_spend(months: dict[str, int], change: ProjectChange, approved: int | None, cutoff: str) -> dict[str, float]:
    """A project's spend by month as the scenario has it."""
    past = {m: v for m, v in months.items() if m <= cutoff}
    future = {m: v for m, v in months.items() if m > cutoff}
    if change.cancel:
        return dict(past)
    delta = change.budget_delta(approved)
    if delta:
        total = sum(future.values())
        if total > 0:
            factor = (total + delta) / total
            future = {m: v * factor for m, v in future.items()}
        else:
            first = shift_month(cutoff, 1)
            future[first] = future.get(first, 0) + delta
    out: dict[str, float] = dict(past)
    for m, v in future.items():
        key = shift_month(m, change.defer_months) if change.defer_months else m
        out[key] = out.get(key, 0) + v
    return out


def changed_benefit(b: Benefit, changes: dict[int, ProjectChange], statuses: dict[int, str | None],
                    when: date) -> Benefit:
    """A benefit as the scenario has it: cut off where it stands when all its projects are cancelled,
    its curve after the period moved by the largest deferral of its projects."""
    ids = [p.project_id for p in b.projects]
    cancelled = bool(ids) and all(
        (changes[i].cancel if i in changes else False) or (statuses.get(i) or "") == "Cancelled" for i in ids)
    if cancelled:
        level = level_at(b.actual, when)
        hold = {when: level if level is not None else (b.baseline or 0.0)}
        return dataclasses.replace(b, planned={d: v for d, v in b.planned.items() if d <= when}, forecast=hold)
    shift = max((changes[i].defer_months for i in ids if i in changes), default=0)
    if not shift:
        return b

    def later(values: dict[date, float]) -> dict[date, float]:
        out = {d: v for d, v in values.items() if d <= when}
        for d, v in values.items():
            if d > when:
                out[workdays.month_end(workdays.add_months(d, shift))] = v
        return out

    return dataclasses.replace(b, planned=later(b.planned), forecast=later(b.forecast))


def changed_projects(b: Benefit, changes: dict[int, ProjectChange]) -> Benefit:
    """A benefit whose projects are as the scenario has them: a deferred one finishes N months later (so
    the benefit's expected date, and whether it has slipped past tolerance, move with it), a cancelled
    one is cancelled."""
    if not any(p.project_id in changes for p in b.projects):
        return b
    projects = []
    for p in b.projects:
        change = changes.get(p.project_id)
        if change is not None and change.cancel:
            p = dataclasses.replace(p, status="Cancelled")
        elif change is not None and change.defer_months and p.finish is not None:
            p = dataclasses.replace(p, finish=workdays.add_months(p.finish, change.defer_months))
        projects.append(p)
    return dataclasses.replace(b, projects=projects)


def _live_benefit(b: Benefit, statuses: dict[int, str | None], when: date) -> Benefit:
    return changed_benefit(b, {}, statuses, when)


class Comparison:
    """Live figures read once; `column(scenario)` gives one scenario's figures (live when None)."""

    def __init__(self, pf: Portfolio, live: Live | None = None):
        self.pf = pf
        self.live = live or load_live(pf)
        lv = self.live
        self.statuses = {pid: v[2] for pid, v in lv.projects.items()}
        self.score = scoring.weighted_scorer(lv.criteria)
        self.live_scored = [(self.score(c.scores), c) for c in lv.candidates]
        self.live_benefits = [_live_benefit(b, self.statuses, lv.as_of) for b in lv.benefits]
        self.live_benefits_fy = by_year(self.live_benefits, lv.fy_start_month, lv.as_of)
        self.live_book = self._book({})
        self.live_non_cash = {i: non_cash_due(b, lv.fy_start_month) for i, b in enumerate(lv.benefits)
                              if not b.is_cash}

    # -- the pieces -----------------------------------------------------------------------------

    def _spend(self, changes: dict[int, ProjectChange]) -> dict[str, int]:
        lv = self.live
        months: dict[str, float] = dict(lv.month_spend)
        for pid, change in changes.items():
            own = lv.project_spend(self.pf, pid)
            for m, v in own.items():
                months[m] = months.get(m, 0) - v
            for m, v in changed_spend(own, change, lv.projects[pid][3], lv.cutoff).items():
                months[m] = months.get(m, 0) + v
        fys: dict[str, float] = defaultdict(float)
        for m, v in months.items():
            fys[lv.fy(m)] += v
        return {fy: round(v) for fy, v in sorted(fys.items()) if round(v) != 0}

    def _book(self, changes: dict[int, ProjectChange]) -> scoring.BookOfWork:
        lv = self.live
        scored = []
        for score, c in self.live_scored:  # only the changed projects are scored again
            change = changes.get(c.project_id)
            if change is None:
                scored.append((score, c))
                continue
            if change.cancel:
                continue
            c = dataclasses.replace(c, cost=(c.cost or 0) + change.budget_delta(c.cost),
                                    scores={**c.scores, **change.scores})
            scored.append((self.score(c.scores), c))
        forced = set(lv.forced) | {pid for pid, ch in changes.items() if ch.fund}
        return scoring.rank_scored(scored, lv.criteria, lv.cap, forced)

    def _funding(self, book: scoring.BookOfWork) -> dict[str, Any]:
        funded = {r.candidate.code for r in book.rows if r.funded or book.cap is None}
        live = {r.candidate.code for r in self.live_book.rows if r.funded or self.live_book.cap is None}
        return {"cap": book.cap, "candidates": len(book.rows), "funded_count": len(funded),
                "funded_cost": sum(r.candidate.cost or 0 for r in book.rows if r.funded or book.cap is None),
                "out_count": len(book.rows) - len(funded),
                "newly_in": sorted(funded - live), "newly_out": sorted(live - funded)}

    def _alignment(self, book: scoring.BookOfWork) -> dict[str, Any]:
        rows = [r for r in book.rows if r.funded or book.cap is None]
        weight = sum(r.candidate.cost or 0 for r in rows if ALIGNMENT in r.candidate.scores)
        aligned = sum((r.candidate.cost or 0) * r.candidate.scores[ALIGNMENT] for r in rows
                      if ALIGNMENT in r.candidate.scores)
        scored = [r.weighted_score for r in rows if r.weighted_score is not None]
        return {"strategic_alignment": round(aligned / weight, 3) if weight else None,
                "mean_weighted_score": round(sum(scored) / len(scored), 3) if scored else None,
                "funded_projects": len(rows)}

    def _capacity(self, changes: dict[int, ProjectChange]) -> dict[str, Any]:
        lv = self.live
        if lv.grid is None:
            return {"months": [], "teams": {}, "over_days": 0.0, "under_days": 0.0}
        allocated = {t: list(v) for t, v in lv.team_allocated.items()}
        moving = {pid: ch for pid, ch in changes.items() if ch.cancel or ch.defer_months}
        n = len(lv.grid.months)
        for pid, items in lv.allocations_of(self.pf, set(moving)).items():
            change = moving[pid]
            for team, col, amount in items:
                allocated[team][col] -= lv.days(amount, col)
                if change.cancel:
                    continue
                new = col + change.defer_months
                if new < n:
                    allocated[team][new] += lv.days(amount, new)
        teams, over, under = {}, 0.0, 0.0
        for team in lv.teams:
            cells = []
            for col, month in enumerate(lv.grid.months):
                cap, alloc = lv.team_capacity[team][col], allocated[team][col]
                spare = cap - alloc
                over += max(0.0, -spare)
                under += max(0.0, spare)
                cells.append({"month": month.strftime("%Y-%m"), "capacity_days": round(cap, 1),
                              "allocated_days": round(alloc, 1), "over_under_days": round(spare, 1)})
            teams[team] = cells
        return {"months": [m.strftime("%Y-%m") for m in lv.grid.months], "teams": teams,
                "over_days": round(over, 1), "under_days": round(under, 1)}

    def _benefits(self, changes: dict[int, ProjectChange]) -> dict[str, float]:
        lv = self.live
        touched = sorted({i for pid in changes for i in lv.benefits_of.get(pid, ())})
        if not touched:
            return dict(self.live_benefits_fy)
        before = by_year([self.live_benefits[i] for i in touched], lv.fy_start_month, lv.as_of)
        after = by_year([changed_benefit(lv.benefits[i], changes, self.statuses, lv.as_of) for i in touched],
                        lv.fy_start_month, lv.as_of)
        out = dict(self.live_benefits_fy)
        for fy, v in before.items():
            out[fy] = out.get(fy, 0.0) - v
        for fy, v in after.items():
            out[fy] = out.get(fy, 0.0) + v
        return {fy: round(v, 2) for fy, v in sorted(out.items())}

    def _non_cash(self, changes: dict[int, ProjectChange]) -> dict[str, Any]:
        """Non-cash and qualitative benefits by the FY they are due, counted by state (their own measures
        do not add up to one figure); only the benefits of changed projects are worked out again."""
        lv = self.live
        due = dict(self.live_non_cash)
        for i in {i for pid in changes for i in lv.benefits_of.get(pid, ())}:
            if i in due:
                due[i] = non_cash_due(changed_projects(lv.benefits[i], changes), lv.fy_start_month)
        return non_cash_by_year(list(due.values()))

    # -- one column -----------------------------------------------------------------------------

    def column(self, scenario: Scenario | None) -> dict[str, Any]:
        changes = scenario.changes if scenario is not None else {}
        book = self._book(changes) if changes else self.live_book
        return {
            "name": scenario.name if scenario is not None else LIVE,
            "changes": [c.as_dict() for c in sorted(changes.values(), key=lambda c: c.code)],
            "spend_by_fy": self._spend(changes),
            "funding": self._funding(book),
            "capacity": self._capacity(changes),
            "benefits_by_fy": self._benefits(changes),
            "non_cash_benefits_by_fy": self._non_cash(changes),
            "alignment": self._alignment(book),
        }


def compare(pf: Portfolio, names: Sequence[str]) -> dict[str, Any]:
    """Compare 'live' and/or named scenarios (two to five columns: live and up to four scenarios)."""
    names = list(names)
    if not names:
        raise ScenarioError("name what to compare: live and one to four scenarios")
    scenario_names = [n for n in names if n.casefold() != LIVE]
    if len(scenario_names) > MAX_COMPARED:
        raise ScenarioError(f"compare at most {MAX_COMPARED} scenarios at once (and live)")
    if len({n.casefold() for n in names}) != len(names):
        raise ScenarioError("each scenario can be compared once")
    if len(names) < 2:
        raise ScenarioError("compare at least two: live and a scenario, or two scenarios")
    scenarios = {n: load_scenario(pf, n) for n in scenario_names}  # unknown names fail before any work
    comparison = Comparison(pf)
    lv = comparison.live
    columns = [comparison.column(None if n.casefold() == LIVE else scenarios[n]) for n in names]
    return {"as_of": lv.as_of.isoformat(), "cutoff_month": lv.cutoff[:7], "currency": lv.currency,
            "fy_start_month": lv.fy_start_month, "columns": columns}
