"""Derived RAGs (what the numbers say) beside the manager's own (what they report).

- Cost RAG from forecast overrun: variance % = (EAC - approved budget) / approved budget x 100
  (finance.rollups). Green while it is at most settings cost_rag.amber_over_pct (5), Amber while
  at most red_over_pct (10), Red above. No approved budget: no derived cost RAG.
- Schedule RAG from the worst slippage of the project's open milestones: slippage is the working
  days from a milestone's baseline finish to its forecast finish (tasks.finish_date; for a milestone
  still open after its forecast date, the period end, since it cannot now land earlier). Working
  days follow the milestone's calendar, else Monday-Friday. Green while the worst is at most
  settings schedule_rag.amber_over_days (10), Amber while at most red_over_days (20), Red above.
  A milestone is open at a period when it has no actual finish on or before the period end and is
  not reported 100% complete. No open baselined milestones: no derived schedule RAG.
- The manager's RAG is the status report's for the period when there is one, else the register's.
- `differs` is True only when the manager reported Red, Amber or Green and the derived RAG is a
  different one of those; the manager's RAG is never overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from pmo_desktop.domain.enums import Rag
from pmo_desktop.finance.calendars import OrdinalCache, WorkCalendar, load_calendars
from pmo_desktop.finance.periods import Period
from pmo_desktop.finance.rollups import ProjectFinance
from pmo_desktop.store import Portfolio
from pmo_desktop.store.id_lists import scope_sql

_RAG_VALUES = {"R", "A", "G"}


@dataclass(frozen=True)
class RagPair:
    """A manager's RAG and the derived one for one dimension, with the figure it was derived from."""

    manager: str | None  # 'R', 'A', 'G', 'B', 'X' or None when not reported
    derived: str | None  # 'R', 'A', 'G' or None when the numbers cannot say
    basis: float | None  # variance % (cost) or worst slippage in working days (schedule)

    @property
    def differs(self) -> bool:
        return self.manager in _RAG_VALUES and self.derived in _RAG_VALUES and self.manager != self.derived

    def as_dict(self) -> dict:
        return {"manager": self.manager, "derived": self.derived, "basis": self.basis, "differs": self.differs}


@dataclass(frozen=True)
class ProjectRags:
    overall: str | None  # the manager's overall RAG
    cost: RagPair
    schedule: RagPair
    reported_period: str | None  # the status report used, None when the register's RAGs were used

    def as_dict(self) -> dict:
        return {"overall": self.overall, "cost": self.cost.as_dict(), "schedule": self.schedule.as_dict(),
                "reported_period": self.reported_period}


def _band(value: float | None, amber_over: float, red_over: float) -> Rag | None:
    if value is None:
        return None
    if value <= amber_over:
        return Rag.GREEN
    if value <= red_over:
        return Rag.AMBER
    return Rag.RED


def derive_cost_rag(variance_pct: float | None, thresholds: Mapping | None = None) -> Rag | None:
    """Cost RAG from forecast overrun %; thresholds like settings cost_rag."""
    t = thresholds or {}
    return _band(variance_pct, float(t.get("amber_over_pct", 5)), float(t.get("red_over_pct", 10)))


def derive_schedule_rag(slippage_days: float | None, thresholds: Mapping | None = None) -> Rag | None:
    """Schedule RAG from worst open milestone slippage (working days); thresholds like settings schedule_rag."""
    t = thresholds or {}
    return _band(slippage_days, float(t.get("amber_over_days", 10)), float(t.get("red_over_days", 20)))


def slippage(calendar: WorkCalendar, baseline: date | int, forecast: date | int) -> int:
    """Working days from baseline to forecast (dates or date ordinals), counting days after the
    baseline up to and including the forecast; negative when the forecast is early."""
    b = baseline if isinstance(baseline, int) else baseline.toordinal()
    f = forecast if isinstance(forecast, int) else forecast.toordinal()
    if f >= b:
        return calendar.count_ordinals(b, f) - calendar.count_ordinals(b, b)
    return -(calendar.count_ordinals(f, b) - calendar.count_ordinals(f, f))


def worst_milestone_slippage(pf: Portfolio, period: Period,
                             project_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Worst slippage (working days) of open baselined milestones per project id."""
    calendars = load_calendars(pf.conn)
    default = WorkCalendar()
    ordinals = OrdinalCache()
    end_ord = period.end.toordinal()
    end = period.end.isoformat()
    where, args = scope_sql(project_ids, "project_id")
    worst: dict[int, int] = {}
    for pid, base_text, finish_text, cal_id in pf.conn.execute(
        f"""SELECT project_id, baseline_finish, finish_date, calendar_id FROM tasks
            WHERE kind = 'milestone' AND baseline_finish IS NOT NULL AND finish_date IS NOT NULL
              AND coalesce(percent_complete, 0) < 100 AND (actual_finish IS NULL OR actual_finish > ?){where}""",
        [end, *args],
    ):
        baseline, forecast = ordinals[base_text], ordinals[finish_text]
        if baseline is None or forecast is None:
            continue
        forecast = max(forecast, end_ord)  # still open after its date: it cannot land before now
        days = slippage(calendars.get(cal_id, default), baseline, forecast)
        if pid not in worst or days > worst[pid]:
            worst[pid] = days
    return worst


def manager_rags(pf: Portfolio, period: Period) -> dict[int, tuple[str | None, str | None, str | None, str | None]]:
    """(overall, cost, schedule, report period or None) per project id, from the period's status
    report when there is one, else from the register."""
    out = {pid: (o, c, s, None) for pid, o, c, s in
           pf.conn.execute("SELECT id, rag_overall, rag_cost, rag_schedule FROM projects")}
    for pid, o, c, s in pf.conn.execute(
        "SELECT project_id, rag_overall, rag_cost, rag_schedule FROM status_reports WHERE period = ?",
        (period.end.isoformat(),),
    ):
        out[pid] = (o, c, s, period.end.isoformat())
    return out


def project_rags(pf: Portfolio, period: Period, finances: Sequence[ProjectFinance]) -> dict[int, ProjectRags]:
    """Manager's and derived cost and schedule RAGs per project id in `finances`."""
    settings = pf.settings()
    ids = [f.project_id for f in finances]
    slips = worst_milestone_slippage(pf, period, ids if len(ids) < 1000 else None)
    managers = manager_rags(pf, period)
    out = {}
    for f in finances:
        overall, cost, schedule, reported = managers.get(f.project_id, (None, None, None, None))
        cost_rag = derive_cost_rag(f.variance_pct, settings.get("cost_rag"))
        slip = slips.get(f.project_id)
        schedule_rag = derive_schedule_rag(slip, settings.get("schedule_rag"))
        out[f.project_id] = ProjectRags(
            overall=overall,
            cost=RagPair(cost, cost_rag.value if cost_rag else None,
                         None if f.variance_pct is None else round(f.variance_pct, 2)),
            schedule=RagPair(schedule, schedule_rag.value if schedule_rag else None, slip),
            reported_period=reported,
        )
    return out
