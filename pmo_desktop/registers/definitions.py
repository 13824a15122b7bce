"""The four registers: which table, which columns, how a new row starts.

A register is data, not a widget: registers.query reads it to build its SQL, registers.writes to store
typed values, and the GUI's RegisterView to build its filters. To add a register, add a `Register`
here and a view for it in gui/shell/views.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pmo_desktop.domain.enums import Priority, ProjectStatus, RaidStatus, RaidType, Response, Stage
from pmo_desktop.registers.columns import (
    BOOL,
    DATE,
    ENUM,
    IMPACT,
    MONEY,
    MULTILINE,
    NUMBER,
    PERCENT,
    PROBABILITY,
    PROGRAMME,
    PROJECT,
    RAG,
    SCORE,
    TEXT,
    Column,
)
from pmo_desktop.store import Portfolio


@dataclass
class Register:
    name: str
    title: str  # plural, for the navigation and the status bar
    noun: str  # singular, for "Add project"
    table: str
    alias: str
    from_sql: str
    columns: list[Column]
    where: str = ""  # a fixed condition (milestones are tasks of kind 'milestone')
    frozen: int = 2  # key columns that stay put when scrolling sideways
    custom_entity: str | None = None  # 'project' / 'raid_item' when custom fields apply
    new_row: Callable[[Portfolio, dict[str, Any]], dict[str, Any]] = field(default=lambda pf, ctx: {})
    key_column: str = "code"  # the human key, used in labels ("Edit Stage of PRJ-101")
    default_order: str = ""  # SQL order when no column is sorted (and the tie-break); alias.id if empty
    # A register's own steps around the columns' (people: skills live in their own table):
    convert: Callable[[Portfolio, Column, Any], Any] | None = None  # after the column's parse; ValueProblem
    store_row: Callable[[Portfolio, int, dict[str, Any]], None] | None = None  # instead of update_row
    copy_row: Callable[[Portfolio, dict[str, Any]], dict[str, Any]] | None = None  # adjust a duplicate
    about: str = ""  # what the register is for, for its empty state

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def plural(self) -> str:
        return self.noun + "s"

    @property
    def search_exprs(self) -> list[str]:
        return [c.expr for c in self.columns if c.kind in (TEXT, MULTILINE, PROGRAMME, PROJECT) and
                not c.custom_field_id]


def _next_code(pf: Portfolio, table: str, column: str, prefix: str, where: str = "") -> str:
    """The next free human key after the highest numbered one: PRJ-141, R-027 ..."""
    rows = pf.conn.execute(
        f"SELECT [{column}] FROM [{table}] WHERE [{column}] LIKE ? {where}", (f"{prefix}%",)
    ).fetchall()
    numbers = [int(r[0][len(prefix):]) for r in rows if r[0][len(prefix):].isdigit()]
    width = max((len(r[0]) - len(prefix) for r in rows), default=3)
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"


def _new_project(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    return {"code": _next_code(pf, "projects", "code", "PRJ-"), "name": "New project",
            "stage": Stage.IDEA.value, "status": ProjectStatus.PROPOSED.value, "rag_overall": "X"}


def _new_raid(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    return {"ref": _next_code(pf, "raid_items", "ref", "R-"), "type": RaidType.RISK.value,
            "title": "New risk", "status": RaidStatus.OPEN.value, "project_id": ctx.get("project_id")}


def _first_project(pf: Portfolio, ctx: dict[str, Any]) -> int:
    project_id = ctx.get("project_id") or pf.conn.execute("SELECT min(id) FROM projects").fetchone()[0]
    if project_id is None:
        from pmo_desktop.domain.values import ValueProblem

        raise ValueProblem("add a project first")
    return project_id


def _new_milestone(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    project_id = _first_project(pf, ctx)
    order = pf.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM tasks WHERE project_id = ?",
                            (project_id,)).fetchone()[0]
    return {"project_id": project_id, "name": "New milestone", "kind": "milestone", "duration_days": 0,
            "sort_order": order}


def _new_status(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    from pmo_desktop.store.status_reports import next_free_period

    project_id = _first_project(pf, ctx)
    return {"project_id": project_id, "period": next_free_period(pf, project_id), "rag_overall": "X"}


# One finish date: a project with a plan takes its forecast start and finish from the plan's tasks;
# a project without one keeps the dates typed in (scheduling.plan_dates keeps the stored copy in step).
HAS_PLAN = "EXISTS (SELECT 1 FROM tasks pt WHERE pt.project_id = p.id AND pt.finish_date IS NOT NULL)"
PLAN_START = "coalesce((SELECT min(pt.start_date) FROM tasks pt WHERE pt.project_id = p.id), p.start_date)"
PLAN_FINISH = "coalesce((SELECT max(pt.finish_date) FROM tasks pt WHERE pt.project_id = p.id), p.finish_date)"
PLAN_TIP = ("This project has a plan: its start and finish come from the plan's tasks. "
            "Change them in Plans (Gantt), or reschedule the plan.")

_RAGS = [("rag_overall", "RAG"), ("rag_schedule", "Schedule"), ("rag_cost", "Cost"), ("rag_scope", "Scope"),
         ("rag_resources", "Resources")]


def _rag_columns(alias: str) -> list[Column]:
    widths = {"rag_overall": 64, "rag_schedule": 90, "rag_cost": 70, "rag_scope": 70, "rag_resources": 100}
    return [Column(k, h, f"{alias}.{k}", RAG, width=widths[k], filter=k == "rag_overall") for k, h in _RAGS]


PROJECTS = Register(
    name="projects", title="Projects", noun="project", table="projects", alias="p",
    about="The project register: every project in the portfolio with its stage, dates, budget and RAG.",
    from_sql="projects p LEFT JOIN programmes g ON g.id = p.programme_id",
    custom_entity="project", new_row=_new_project,
    # the key figures (dates, budget, % done) first after the stage, so a laptop screen shows them
    columns=[
        Column("code", "Code", "p.code", required=True, width=84),
        Column("name", "Project", "p.name", required=True, width=210),
        *_rag_columns("p")[:1],
        Column("programme_id", "Programme", "g.name", PROGRAMME, width=170, filter=True),
        Column("stage", "Stage", "p.stage", ENUM, enum=Stage, width=92, filter=True,
               sort_expr="CASE p.stage " + " ".join(f"WHEN '{s.value}' THEN {s.order}" for s in Stage) + " END"),
        Column("start_date", "Start", PLAN_START, DATE, width=104, locked=HAS_PLAN, locked_tip=PLAN_TIP),
        Column("finish_date", "Finish", PLAN_FINISH, DATE, width=104, locked=HAS_PLAN, locked_tip=PLAN_TIP),
        Column("approved_budget", "Budget", "p.approved_budget", MONEY, width=112),
        Column("percent_complete", "% done", "p.percent_complete", PERCENT, width=70),
        Column("status", "Status", "p.status", ENUM, enum=ProjectStatus, width=88, filter=True),
        Column("priority", "Priority", "p.priority", ENUM, enum=Priority, width=80,
               sort_expr="CASE p.priority " + " ".join(
                   f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(Priority)) + " END"),
        Column("manager", "Manager", "p.manager", width=140, filter=True),
        Column("sponsor", "Sponsor", "p.sponsor", width=140),
        Column("baseline_finish", "Baseline finish", "p.baseline_finish", DATE, width=110),
        *_rag_columns("p")[1:],
        Column("business_unit", "Business unit", "p.business_unit", width=120),
        Column("strategic_theme", "Theme", "p.strategic_theme", width=180),
        Column("description", "Description", "p.description", MULTILINE, width=260),
    ],
)

RAID = Register(
    name="raid", title="RAID log", noun="RAID item", table="raid_items", alias="r",
    about="Risks, assumptions, issues, dependencies and decisions, with owners, scores and responses.",
    from_sql="raid_items r LEFT JOIN projects p ON p.id = r.project_id",
    custom_entity="raid_item", new_row=_new_raid, key_column="ref",
    columns=[
        Column("ref", "Ref", "r.ref", required=True, width=72),
        Column("type", "Type", "r.type", ENUM, enum=RaidType, required=True, width=96, filter=True),
        Column("title", "Title", "r.title", required=True, width=260),
        Column("project_id", "Project", "p.code", PROJECT, width=84, filter=True),
        Column("status", "Status", "r.status", ENUM, enum=RaidStatus, required=True, width=92, filter=True),
        Column("owner", "Owner", "r.owner", width=140, filter=True),
        Column("probability", "Probability", "r.probability", PROBABILITY, width=140),
        Column("impact", "Impact", "r.impact", IMPACT, width=120),
        Column("score", "Score", "r.probability * r.impact", SCORE, editable=False, width=60,
               tip="Probability × impact"),
        Column("response", "Response", "r.response", ENUM, enum=Response, width=86),
        Column("raised_date", "Raised", "r.raised_date", DATE, width=96),
        Column("due_date", "Due", "r.due_date", DATE, width=96),
        Column("closed_date", "Closed", "r.closed_date", DATE, width=96),
        Column("escalated", "Escalated", "r.escalated", BOOL, width=76),
        Column("description", "Description", "r.description", MULTILINE, width=300),
    ],
)

MILESTONES = Register(
    name="milestones", title="Milestones", noun="milestone", table="tasks", alias="t",
    about="The milestones of every project's plan: baseline against forecast, and how far each has slipped.",
    from_sql="tasks t JOIN projects p ON p.id = t.project_id", where="t.kind = 'milestone'",
    new_row=_new_milestone, key_column="name", frozen=2, default_order="t.project_id, t.id",
    columns=[
        Column("project_id", "Project", "p.code", PROJECT, required=True, width=84, filter=True),
        Column("name", "Milestone", "t.name", required=True, width=240),
        Column("project_name", "Project name", "p.name", editable=False, width=200),
        Column("baseline_finish", "Baseline", "t.baseline_finish", DATE, width=96),
        Column("finish_date", "Forecast", "t.finish_date", DATE, width=96),
        Column("actual_finish", "Actual", "t.actual_finish", DATE, width=96),
        Column("slip", "Slip (days)", "CAST(julianday(t.finish_date) - julianday(t.baseline_finish) AS INTEGER)",
               NUMBER, editable=False, width=96, tip="Forecast minus baseline, calendar days"),
        Column("owner", "Owner", "t.owner", width=140, filter=True),
        Column("percent_complete", "% done", "t.percent_complete", PERCENT, width=70),
        Column("notes", "Notes", "t.notes", MULTILINE, width=260),
    ],
)

STATUS = Register(
    name="status", title="Status reports", noun="status report", table="status_reports", alias="s",
    about="Each project's report for each period: RAG by dimension, summary, achievements and next steps.",
    from_sql="status_reports s JOIN projects p ON p.id = s.project_id", new_row=_new_status,
    key_column="period", frozen=2, default_order="s.project_id, s.period",
    columns=[
        Column("project_id", "Project", "p.code", PROJECT, required=True, width=84, filter=True),
        Column("period", "Period", "s.period", DATE, required=True, width=96, filter=True),
        Column("project_name", "Project name", "p.name", editable=False, width=190),
        *_rag_columns("s"),
        Column("summary", "Summary", "s.summary", MULTILINE, width=280),
        Column("achievements", "Achievements", "s.achievements", MULTILINE, width=240),
        Column("next_steps", "Next steps", "s.next_steps", MULTILINE, width=240),
        Column("top_issues", "Top issues", "s.top_issues", MULTILINE, width=200),
        Column("decisions_needed", "Decisions needed", "s.decisions_needed", MULTILINE, width=200),
        Column("author", "Author", "s.author", width=140, filter=True),
    ],
)

REGISTERS = {r.name: r for r in (PROJECTS, RAID, MILESTONES, STATUS)}
