"""Health checks: the PMO's audit of the portfolio, as a set of small rules.

Each rule is one function that yields `Hit`s; `run_rules` turns them into `Finding`s with the rule's
id and the severity set for it in the portfolio's settings (`health_rules`), where each rule can also
be switched off and given its threshold. Every finding names the table and row it is about, so a view
can take the analyst straight to the offending record. Nothing here writes to the portfolio.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from pmo_desktop.domain import workdays
from pmo_desktop.domain.dates import format_date, format_month
from pmo_desktop.finance.periods import make_period
from pmo_desktop.finance.rollups import project_finances
from pmo_desktop.governance.common import current_period_month
from pmo_desktop.scheduling.crossproject import cross_links
from pmo_desktop.scheduling.plan_dates import disagreements
from pmo_desktop.store import Portfolio
from pmo_desktop.store.settings import DEFAULTS

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" | "warning" | "info"
    message: str
    project: str | None = None
    ref: str | None = None
    table: str | None = None  # where the offending record lives ...
    row_id: int | None = None  # ... and which row it is

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Hit:
    message: str
    project: str | None
    table: str
    row_id: int
    ref: str | None = None


@dataclass(frozen=True)
class Context:
    pf: Portfolio
    conn: Any
    today: str  # ISO date
    period: str | None  # current reporting period (end date), if any
    period_month: str  # 'YYYY-MM-01' of the current period: later months carry no actuals
    date_style: str | None = None  # the portfolio's date_format setting: every date in a message uses it
    lang: str = "en"

    def date(self, value: str | date | None) -> str:
        """A date for a message, as the analyst chose to see dates ('(none)' for no date)."""
        try:
            return format_date(value, self.date_style, lang=self.lang) or "(none)"
        except ValueError:  # a stored text that is not a date: shown as it is (the integrity check names it)
            return str(value)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    check: Callable[[Context, dict[str, Any]], Iterator[Hit]]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: str):
    def register(fn):
        RULES[rule_id] = Rule(rule_id, title, fn)
        return fn

    return register


def rule_settings(settings: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each rule's settings: the defaults overlaid with what the portfolio stores."""
    stored = settings.get("health_rules") or {}
    return {rid: {**DEFAULTS["health_rules"].get(rid, {}), **(stored.get(rid) or {})} for rid in RULES}


def run_rules(pf: Portfolio, *, today: date, period: str | None, lang: str = "en") -> list[Finding]:
    """Every enabled rule's findings; dates in the messages follow the portfolio's date_format setting
    (`lang` for the month names of the default style)."""
    settings = pf.settings()
    ctx = Context(pf, pf.conn, today.isoformat(), period, current_period_month(period, today),
                  settings.get("date_format"), lang)
    findings = []
    for rid, cfg in rule_settings(settings).items():
        if not cfg.get("enabled", True):
            continue
        severity = cfg.get("severity") if cfg.get("severity") in SEVERITIES else "warning"
        for hit in RULES[rid].check(ctx, cfg):
            findings.append(Finding(rid, severity, hit.message, hit.project, hit.ref, hit.table, hit.row_id))
    return findings


# Projects that should be reporting: past the idea stage, not closed, not finished or cancelled.
_ACTIVE = ("p.stage NOT IN ('Idea', 'Closed') AND coalesce(p.status, '') NOT IN ('Completed', 'Cancelled')")

_OPEN_MILESTONE = """t.kind = 'milestone' AND t.finish_date < :today AND coalesce(t.percent_complete, 0) < 100
                     AND t.actual_finish IS NULL"""


@rule("missing_status_report", "No status report for the current period")
def missing_status_report(ctx: Context, cfg) -> Iterator[Hit]:
    if not ctx.period:
        return
    for pid, code, name in ctx.conn.execute(
        f"""SELECT p.id, p.code, p.name FROM projects p WHERE {_ACTIVE}
              AND NOT EXISTS (SELECT 1 FROM status_reports s WHERE s.project_id = p.id AND s.period = ?)
            ORDER BY p.code""",
        (ctx.period,),
    ):
        yield Hit(f"{code} {name}: no status report for {ctx.date(ctx.period)}", code, "projects", pid)


@rule("stale_status_report", "Latest status report older than N days")
def stale_status_report(ctx: Context, cfg) -> Iterator[Hit]:
    limit = int(cfg.get("max_age_days", 45))
    oldest = (date.fromisoformat(ctx.today) - timedelta(days=limit)).isoformat()
    for sid, code, period in ctx.conn.execute(
        f"""SELECT s.id, p.code, s.period FROM projects p
            JOIN status_reports s ON s.project_id = p.id
             AND s.period = (SELECT max(period) FROM status_reports WHERE project_id = p.id)
            WHERE {_ACTIVE} AND s.period < ? ORDER BY p.code""",
        (oldest,),
    ):
        age = (date.fromisoformat(ctx.today) - date.fromisoformat(period)).days
        yield Hit(f"{code}: latest status report is for {ctx.date(period)}, {age} days old (limit {limit})",
                  code, "status_reports", sid)


@rule("watermelon", "Overall Green while a milestone is overdue or cost is over threshold")
def watermelon(ctx: Context, cfg) -> Iterator[Hit]:
    """The cost overrun is finance's forecast variance: (actual to date + forecast remaining) against
    the approved budget, at the current period (see pmo_desktop.finance.rollups)."""
    threshold = float(cfg.get("cost_overrun_pct", 10))
    green = ctx.conn.execute(
        f"SELECT p.id, p.code, p.name FROM projects p WHERE {_ACTIVE} AND p.rag_overall = 'G' ORDER BY p.code"
    ).fetchall()
    if not green:
        return
    period = make_period(workdays.month_end(date.fromisoformat(ctx.period_month)))
    overrun = {f.project_id: f.variance_pct for f in project_finances(ctx.pf, period, [pid for pid, *_ in green])}
    for pid, code, name in green:
        reasons = []
        late = ctx.conn.execute(
            f"SELECT count(*) FROM tasks t WHERE t.project_id = :pid AND {_OPEN_MILESTONE}",
            {"pid": pid, "today": ctx.today},
        ).fetchone()[0]
        if late:
            reasons.append(f"{late} milestone{'s' if late > 1 else ''} overdue")
        pct = overrun.get(pid)
        if pct is not None and pct > threshold:
            reasons.append(f"cost forecast {pct:.1f}% over budget (threshold {threshold:g}%)")
        if reasons:
            yield Hit(f"{code} {name}: reported Green but {' and '.join(reasons)}", code, "projects", pid)


@rule("plan_dates_disagree", "Project dates differ from its plan's")
def plan_dates_disagree(ctx: Context, cfg) -> Iterator[Hit]:
    """One finish date: a planned project's own start and finish should be its plan's (rescheduling the
    plan brings them in step)."""
    for pid, code, start, finish, plan_start, plan_finish in sorted(disagreements(ctx.conn), key=lambda d: d[1]):
        said = []
        if finish != plan_finish:
            said.append(f"finish {ctx.date(finish)} but its plan finishes {ctx.date(plan_finish)}")
        if start != plan_start:
            said.append(f"start {ctx.date(start)} but its plan starts {ctx.date(plan_start)}")
        yield Hit(f"{code}: the register says {'; '.join(said)} (reschedule the plan to bring them in step)",
                  code, "projects", pid)


@rule("finish_before_start", "Finish date before start date")
def finish_before_start(ctx: Context, cfg) -> Iterator[Hit]:
    for label, start, finish in (("project", "start_date", "finish_date"),
                                 ("project baseline", "baseline_start", "baseline_finish")):
        for pid, code, s, f in ctx.conn.execute(
            f"SELECT id, code, {start}, {finish} FROM projects WHERE {start} IS NOT NULL AND {finish} IS NOT NULL "
            f"AND {finish} < {start} ORDER BY code"
        ):
            yield Hit(f"{code}: {label} finishes ({ctx.date(f)}) before it starts ({ctx.date(s)})", code,
                      "projects", pid)
    for tid, code, task, s, f in ctx.conn.execute(
        """SELECT t.id, p.code, t.name, t.start_date, t.finish_date FROM tasks t JOIN projects p ON p.id = t.project_id
           WHERE t.start_date IS NOT NULL AND t.finish_date IS NOT NULL AND t.finish_date < t.start_date
           ORDER BY p.code, t.sort_order"""
    ):
        yield Hit(f"{code}: task '{task}' finishes ({ctx.date(f)}) before it starts ({ctx.date(s)})", code,
                  "tasks", tid)


@rule("overdue_milestone", "Milestone overdue")
def overdue_milestone(ctx: Context, cfg) -> Iterator[Hit]:
    for tid, code, task, f in ctx.conn.execute(
        f"""SELECT t.id, p.code, t.name, t.finish_date FROM tasks t JOIN projects p ON p.id = t.project_id
            WHERE {_OPEN_MILESTONE} AND p.stage NOT IN ('Closed') ORDER BY t.finish_date, p.code""",
        {"today": ctx.today},
    ):
        yield Hit(f"{code}: milestone '{task}' was due {ctx.date(f)} and is not complete", code, "tasks", tid)


@rule("risk_without_owner", "Open risk with no owner")
def risk_without_owner(ctx: Context, cfg) -> Iterator[Hit]:
    for rid, ref, title, code in ctx.conn.execute(
        """SELECT r.id, r.ref, r.title, p.code FROM raid_items r LEFT JOIN projects p ON p.id = r.project_id
           WHERE r.type = 'Risk' AND r.status <> 'Closed' AND trim(coalesce(r.owner, '')) = '' ORDER BY r.ref"""
    ):
        yield Hit(f"{ref} '{title}' is an open risk with no owner", code, "raid_items", rid, ref)


@rule("high_risk_no_response", "Open high risk with no response")
def high_risk_no_response(ctx: Context, cfg) -> Iterator[Hit]:
    floor = int(cfg.get("min_score", 15))
    for rid, ref, title, code, score in ctx.conn.execute(
        """SELECT r.id, r.ref, r.title, p.code, r.probability * r.impact FROM raid_items r
           LEFT JOIN projects p ON p.id = r.project_id
           WHERE r.type = 'Risk' AND r.status <> 'Closed' AND r.probability * r.impact >= ?
             AND trim(coalesce(r.response, '')) = '' ORDER BY r.probability * r.impact DESC, r.ref""",
        (floor,),
    ):
        yield Hit(f"{ref} '{title}' scores {score} and has no response", code, "raid_items", rid, ref)


@rule("issue_past_due", "Open issue past its due date")
def issue_past_due(ctx: Context, cfg) -> Iterator[Hit]:
    for rid, ref, title, code, due in ctx.conn.execute(
        """SELECT r.id, r.ref, r.title, p.code, r.due_date FROM raid_items r LEFT JOIN projects p ON p.id = r.project_id
           WHERE r.type = 'Issue' AND r.status <> 'Closed' AND r.due_date < ? ORDER BY r.due_date, r.ref""",
        (ctx.today,),
    ):
        yield Hit(f"{ref} '{title}' was due {ctx.date(due)} and is still open", code, "raid_items", rid, ref)


@rule("gate_overdue", "Gate review overdue")
def gate_overdue(ctx: Context, cfg) -> Iterator[Hit]:
    for gid, code, gate, planned in ctx.conn.execute(
        """SELECT g.id, p.code, g.gate, g.planned_date FROM gate_reviews g JOIN projects p ON p.id = g.project_id
           WHERE g.actual_date IS NULL AND g.decision IS NULL AND g.planned_date < ?
             AND coalesce(p.stage, '') <> 'Closed' ORDER BY g.planned_date, p.code""",
        (ctx.today,),
    ):
        yield Hit(f"{code}: gate {gate} was planned for {ctx.date(planned)} and has not been held", code,
                  "gate_reviews", gid)


@rule("execution_without_baseline", "Project in Execution with no baseline")
def execution_without_baseline(ctx: Context, cfg) -> Iterator[Hit]:
    for pid, code, name in ctx.conn.execute(
        """SELECT id, code, name FROM projects WHERE stage = 'Execution'
             AND (baseline_start IS NULL OR baseline_finish IS NULL) ORDER BY code"""
    ):
        yield Hit(f"{code} {name}: in Execution with no baseline dates", code, "projects", pid)


@rule("future_actuals", "Budget actuals in months after the current period")
def future_actuals(ctx: Context, cfg) -> Iterator[Hit]:
    for code, first_id, first_month, n in ctx.conn.execute(
        """SELECT p.code, b.id, min(b.month), count(*) FROM budget_lines b JOIN projects p ON p.id = b.project_id
           WHERE b.actual IS NOT NULL AND b.month > ? GROUP BY p.id ORDER BY p.code""",
        (ctx.period_month,),
    ):
        lines = f"{n} budget line{'s' if n > 1 else ''} {'have' if n > 1 else 'has'}"
        yield Hit(f"{code}: {lines} actuals in months after the current period (from {format_month(first_month, ctx.date_style, lang=ctx.lang)})",
                  code, "budget_lines", first_id)


@rule("cross_project_link_broken", "A task starts before another project's task allows")
def cross_project_link_broken(ctx: Context, cfg) -> Iterator[Hit]:
    """A link between projects that the stored dates break: the successor starts (or finishes) before
    its predecessor in the other project allows, usually because that predecessor slipped and the
    successor's plan has not been rescheduled since."""
    for lk in cross_links(ctx.conn):
        if lk.violated:
            yield Hit(f"{lk.successor_project}: '{lk.successor}' starts {-lk.slack_days:g} working days before "
                      f"{lk.predecessor_project} '{lk.predecessor}' allows ({lk.type} link); reschedule "
                      f"{lk.successor_project} or agree a new date", lk.successor_project, "tasks", lk.successor_id)
