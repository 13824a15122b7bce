"""Earned value (PMI) per project, from the baseline plan and reported progress.

Exact definitions used here (money in integer minor units, rounded half up to whole units):
- BAC (budget at completion) = the project's approved budget.
- Planned % at a date = the baseline schedule's share of work due by that date: every leaf task
  (kind 'task'; summaries and milestones carry no work of their own) with baseline start and
  finish is spread evenly over the working days of its baseline span (its own calendar, else
  Monday-Friday), and tasks are weighted by their baseline working days. Projects with no
  baselined tasks fall back to the project's baseline start/finish spread the same way.
  Tasks carry no budgets in this model, so baseline working days are the weight (effort proxy).
- PV = BAC x planned % at the period end date (inclusive).
- EV = BAC x the project's reported % complete.
- AC = actual cost to date from budget lines (finance.rollups); None for a project with no lines.
- SV = EV - PV; CV = EV - AC; SPI = EV / PV; CPI = EV / AC.
- EAC (typical, the headline) = BAC / CPI; EAC (atypical) = AC + (BAC - EV);
  EAC (composite) = AC + (BAC - EV) / (CPI x SPI).
- ETC = EAC - AC and VAC = BAC - EAC, both from the headline EAC.
- TCPI = (BAC - EV) / (BAC - AC).
Any figure whose inputs are missing, or a ratio whose denominator is zero, is None ("n/a"),
never 0 or infinity. Ratios are computed from the rounded money figures that people see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pmo_desktop.domain.money import safe_ratio
from pmo_desktop.finance.calendars import OrdinalCache, WorkCalendar, load_calendars
from pmo_desktop.finance.periods import Period
from pmo_desktop.finance.rollups import ProjectFinance, project_finances
from pmo_desktop.store import Portfolio
from pmo_desktop.store.id_lists import scope_sql


@dataclass(frozen=True)
class EarnedValue:
    bac: int | None
    pv: int | None
    ev: int | None
    ac: int | None
    sv: int | None
    cv: int | None
    spi: float | None
    cpi: float | None
    eac: int | None  # BAC / CPI
    eac_atypical: int | None  # AC + (BAC - EV)
    eac_composite: int | None  # AC + (BAC - EV) / (CPI x SPI)
    etc: int | None  # EAC - AC
    vac: int | None  # BAC - EAC
    tcpi: float | None  # (BAC - EV) / (BAC - AC)
    planned_pct: float | None  # baseline % due by the period end (0-100)
    percent_complete: float | None  # reported % complete (0-100)

    def as_dict(self) -> dict:
        return dict(self.__dict__)  # flat fields: a shallow copy is exact and fast


def _money(value: float | None) -> int | None:
    if value is None:
        return None
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def _minus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a - b


def earned_value(bac: int | None, planned_pct: float | None, percent_complete: float | None,
                 ac: int | None) -> EarnedValue:
    """All the earned-value figures from their four inputs (percentages 0-100). Pure arithmetic."""
    pv = _money(bac * planned_pct / 100) if bac is not None and planned_pct is not None else None
    ev = _money(bac * percent_complete / 100) if bac is not None and percent_complete is not None else None
    spi = safe_ratio(ev, pv)
    cpi = safe_ratio(ev, ac)
    eac = _money(safe_ratio(bac, cpi))
    remaining_work = _minus(bac, ev)
    eac_atypical = None if ac is None or remaining_work is None else ac + remaining_work
    composite = safe_ratio(remaining_work, None if cpi is None or spi is None else cpi * spi)
    eac_composite = None if ac is None or composite is None else _money(ac + composite)
    return EarnedValue(
        bac=bac, pv=pv, ev=ev, ac=ac, sv=_minus(ev, pv), cv=_minus(ev, ac), spi=spi, cpi=cpi,
        eac=eac, eac_atypical=eac_atypical, eac_composite=eac_composite,
        etc=_minus(eac, ac), vac=_minus(bac, eac), tcpi=safe_ratio(remaining_work, _minus(bac, ac)),
        planned_pct=planned_pct, percent_complete=percent_complete,
    )


def planned_percent(pf: Portfolio, at: date, project_ids: Iterable[int] | None = None) -> dict[int, float]:
    """Baseline % of work due by `at` (inclusive) per project id; projects with no usable baseline
    are absent. See the module docstring for the spreading and weighting rules."""
    calendars = load_calendars(pf.conn)
    default = WorkCalendar()
    ordinals = OrdinalCache()
    at_ord = at.toordinal()
    where, args = scope_sql(project_ids, "project_id")
    weights: dict[int, list[int]] = {}  # project -> [working days due by `at`, working days in all]
    for pid, start_text, finish_text, cal_id in pf.conn.execute(
        f"""SELECT project_id, baseline_start, baseline_finish, calendar_id FROM tasks
            WHERE kind = 'task' AND baseline_start IS NOT NULL AND baseline_finish IS NOT NULL{where}""",
        args,
    ):
        _spread(weights, pid, ordinals[start_text], ordinals[finish_text], calendars.get(cal_id, default), at_ord)
    where, args = scope_sql(project_ids, "id")
    for pid, start_text, finish_text in pf.conn.execute(
        f"""SELECT id, baseline_start, baseline_finish FROM projects
            WHERE baseline_start IS NOT NULL AND baseline_finish IS NOT NULL{where}""",
        args,
    ):
        if pid not in weights:
            _spread(weights, pid, ordinals[start_text], ordinals[finish_text], default, at_ord)
    return {pid: 100 * done / weight for pid, (done, weight) in weights.items() if weight > 0}


def _spread(weights: dict[int, list[int]], pid: int, start: int | None, finish: int | None,
            calendar: WorkCalendar, at: int) -> None:
    """Add one span (date ordinals) to its project's [done, weight]: its weight is its working days
    (1 for a span with none, which then counts as done from its finish), and the part done by `at`
    is the working days from its start to `at` (weight x share elapsed, in whole days)."""
    if start is None or finish is None or finish < start:
        return
    weight = calendar.count_ordinals(start, finish) or 1
    if at < start:
        done = 0
    elif at >= finish:
        done = weight
    else:
        done = calendar.count_ordinals(start, at)
    acc = weights.get(pid)
    if acc is None:
        weights[pid] = [done, weight]
    else:
        acc[0] += done
        acc[1] += weight


def project_earned_values(pf: Portfolio, period: Period,
                          finances: Sequence[ProjectFinance] | None = None) -> dict[int, EarnedValue]:
    """EarnedValue per project id at `period` for `finances` (default: every project)."""
    if finances is None:
        finances = project_finances(pf, period)
    ids = [f.project_id for f in finances] if finances else []
    planned = planned_percent(pf, period.end, ids if len(ids) < 1000 else None)
    progress = dict(pf.conn.execute("SELECT id, percent_complete FROM projects"))
    return {
        f.project_id: earned_value(
            f.approved_budget, planned.get(f.project_id), progress.get(f.project_id),
            f.actual_to_date if f.budget_lines else None,
        )
        for f in finances
    }
