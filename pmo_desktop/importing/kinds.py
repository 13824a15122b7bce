"""What can be imported: each kind's fields, their value types and the headers people give them.

A field's `synonyms` are normalised header texts (lower case, punctuation as spaces); the first
synonym is the canonical header the exporter writes, so an export always maps back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Value types understood by plan.convert_value
TEXT, DATE, MONEY, PERCENT, RAG, INT, PROB, IMPACT, BOOL, DURATION, PREDECESSORS, CHOICE = (
    "text", "date", "money", "percent", "rag", "int", "probability", "impact", "bool", "duration",
    "predecessors", "choice")


@dataclass(frozen=True)
class Field:
    name: str
    type: str = TEXT
    synonyms: tuple[str, ...] = ()
    required: bool = False
    choices: str | None = None  # name of a vocabulary in values.CHOICES


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    table: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]  # fields that identify a row (the human key)
    sheet_words: tuple[str, ...] = ()

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _rags(prefix: str = "") -> tuple[Field, ...]:
    dims = {"overall": ("rag", "rag status", "overall rag", "overall status", "status rag", "health",
                        "overall health", "traffic light", "rag overall", "overall"),
            "schedule": ("schedule rag", "schedule", "rag schedule", "time", "timeline rag", "schedule status"),
            "cost": ("cost rag", "budget rag", "rag cost", "cost status", "financial rag", "finance rag"),
            "scope": ("scope rag", "rag scope", "scope status", "scope"),
            "resources": ("resources rag", "resource rag", "rag resources", "resourcing rag", "resources")}
    return tuple(Field(f"rag_{d}", RAG, syn) for d, syn in dims.items())


_PROJECT_REF = ("project code", "project", "project id", "proj code", "proj #", "project no", "project ref",
                "project number", "code")

PROJECTS = Kind(
    "projects", "Project register", "projects",
    (
        Field("code", TEXT, ("code", "project code", "proj #", "project id", "project no", "project number",
                             "id", "ref", "project ref", "reference", "proj id", "key", "#"), required=True),
        Field("name", TEXT, ("name", "project name", "project", "title", "project title", "initiative"),
              required=True),
        Field("description", TEXT, ("description", "summary", "objective", "objectives", "scope description")),
        Field("programme", TEXT, ("programme", "program", "programme name", "portfolio area")),
        Field("sponsor", TEXT, ("sponsor", "executive sponsor", "senior responsible owner", "sro")),
        Field("manager", TEXT, ("manager", "project manager", "pm", "owner", "lead", "project lead",
                                "delivery manager")),
        Field("business_unit", TEXT, ("business unit", "bu", "department", "division", "directorate")),
        Field("strategic_theme", TEXT, ("strategic theme", "theme", "strategic objective", "strategy")),
        Field("stage", CHOICE, ("stage", "phase", "lifecycle stage", "gate", "project stage"), choices="stage"),
        Field("status", CHOICE, ("status", "project status", "state"), choices="project_status"),
        Field("priority", CHOICE, ("priority", "rank", "importance"), choices="priority"),
        Field("start_date", DATE, ("start", "start date", "planned start", "forecast start", "begin date")),
        Field("finish_date", DATE, ("finish", "finish date", "end", "end date", "planned finish",
                                    "forecast finish", "due date", "completion date", "target date")),
        Field("baseline_start", DATE, ("baseline start", "original start", "approved start")),
        Field("baseline_finish", DATE, ("baseline finish", "baseline end", "original finish", "approved finish")),
        Field("approved_budget", MONEY, ("approved budget", "budget", "total budget", "bac", "budget at completion",
                                         "approved funding", "funding")),
        Field("percent_complete", PERCENT, ("percent complete", "% complete", "complete", "progress",
                                            "completion", "pct complete", "percent done")),
        *_rags(),
    ),
    key=("code",),
    sheet_words=("project", "register", "portfolio", "book of work"),
)

RAID = Kind(
    "raid", "RAID log", "raid_items",
    (
        Field("ref", TEXT, ("ref", "id", "raid id", "risk id", "issue id", "reference", "ref no", "no", "#",
                            "item id", "raid ref", "risk ref", "issue ref", "key", "issue key"), required=True),
        Field("type", CHOICE, ("type", "raid type", "category", "item type", "raid category", "log type",
                               "issue type"), choices="raid_type"),
        Field("title", TEXT, ("title", "summary", "name", "risk title", "issue title", "risk", "issue",
                              "headline", "risk name", "short description", "possible risks", "list of risks",
                              "risk event", "issue summary"), required=True),
        Field("description", TEXT, ("description", "details", "detail", "risk description",
                                    "issue description", "event", "query")),
        Field("owner", TEXT, ("owner", "risk owner", "assigned to", "assignee", "action owner", "responsible")),
        Field("raised_date", DATE, ("raised date", "raised", "date raised", "date identified", "identified",
                                    "created", "date logged", "logged", "open date", "date opened")),
        Field("due_date", DATE, ("due date", "due", "target date", "need by", "need by date",
                                 "target resolution date", "review date", "due by")),
        Field("closed_date", DATE, ("closed date", "date closed", "closure date", "resolved", "resolved date",
                                    "resolution date")),
        Field("status", CHOICE, ("status", "raid status", "state", "issue status", "risk status"),
              choices="raid_status"),
        Field("probability", PROB, ("probability", "likelihood", "prob", "p", "chance")),
        Field("impact", IMPACT, ("impact", "severity", "impact rating", "i", "consequence")),
        Field("response", CHOICE, ("response", "response type", "strategy", "treatment", "response strategy"),
              choices="response"),
        Field("action", TEXT, ("mitigation", "action", "mitigation plan", "actions", "mitigating action",
                               "response plan", "next steps", "resolution", "response s", "responses")),
        Field("escalated", BOOL, ("escalated", "escalate", "escalation", "escalated?")),
        Field("project", TEXT, _PROJECT_REF[1:] + ("project code",)),
        Field("related_project", TEXT, ("related project", "depends on project", "dependent project",
                                        "other project")),
    ),
    key=("ref",),
    sheet_words=("raid", "risk", "issue", "assumption", "dependenc", "decision", "log"),
)

TASKS = Kind(
    "tasks", "Milestones and tasks", "tasks",
    (
        Field("project", TEXT, _PROJECT_REF),
        Field("task_id", TEXT, ("id", "task id", "n", "no", "#", "unique id", "row id", "activity id")),
        Field("wbs", TEXT, ("wbs", "wbs id", "wbs code", "wbs no", "outline number", "outline", "wbs number",
                            "level", "outline level", "개요 번호")),
        Field("name", TEXT, ("name", "task", "task name", "activity", "activity name", "milestone",
                             "milestone name", "description", "deliverable", "title", "summary", "work item",
                             "tasks", "task description", "phase", "이름", "작업"), required=True),
        Field("kind", CHOICE, ("kind", "type", "task type", "milestone?", "is milestone", "item type"),
              choices="task_kind"),
        Field("start_date", DATE, ("start", "start date", "planned start", "begin", "begin date",
                                   "forecast start", "scheduled start", "시작일")),
        Field("finish_date", DATE, ("finish", "finish date", "end", "end date", "planned finish", "due date",
                                    "due", "forecast finish", "target date", "scheduled finish", "date", "종료일")),
        Field("duration_days", DURATION, ("duration", "duration days", "days", "working days", "dur",
                                          "duration d", "기간")),
        Field("baseline_start", DATE, ("baseline start", "original start", "planned start baseline")),
        Field("baseline_finish", DATE, ("baseline finish", "baseline end", "original finish",
                                        "baseline due date")),
        Field("actual_start", DATE, ("actual start", "actual start date", "started")),
        Field("actual_finish", DATE, ("actual finish", "actual end", "actual finish date", "actual end date",
                                      "completed on", "actual completion")),
        Field("percent_complete", PERCENT, ("percent complete", "% complete", "complete", "progress",
                                            "completion", "pct complete", "% done", "done", "완료")),
        Field("owner", TEXT, ("owner", "resource", "resources", "assigned to", "assignee", "responsible",
                              "resource names", "lead", "자원")),
        Field("predecessors", PREDECESSORS, ("predecessors", "predecessor", "predecessor s", "depends on",
                                             "dependencies", "dependency", "선행 작업")),
        Field("notes", TEXT, ("notes", "note", "comments", "comment", "remarks", "노트")),
    ),
    key=("project", "wbs"),
    sheet_words=("plan", "schedule", "task", "milestone", "gantt", "wbs", "timeline"),
)

BUDGET = Kind(
    "budget", "Budget lines", "budget_lines",
    (
        Field("project", TEXT, _PROJECT_REF),
        Field("category", CHOICE, ("category", "cost category", "cost type", "expense type", "cost element",
                                   "type", "line item", "resource type"), choices="category"),
        Field("spend_type", CHOICE, ("spend type", "capex opex", "capex/opex", "opex capex", "capital revenue",
                                     "funding type", "cap opex", "expenditure type"), choices="spend_type"),
        Field("month", DATE, ("month", "period", "date", "month start", "posting month", "fiscal month")),
        Field("planned", MONEY, ("planned", "plan", "budget", "budgeted", "planned cost", "budgeted cost",
                                 "budget amount", "estimated cost", "estimate", "planned amount")),
        Field("actual", MONEY, ("actual", "actuals", "actual cost", "spent", "actual amount", "spend")),
        Field("forecast", MONEY, ("forecast", "forecast cost", "etc", "forecast amount", "outlook",
                                  "latest estimate")),
        Field("measure", CHOICE, ("measure", "value type", "amount type", "version", "scenario", "line type"),
              choices="measure"),
    ),
    key=("project", "category", "spend_type", "month"),
    sheet_words=("budget", "cost", "finance", "spend", "forecast", "actuals"),
)

STATUS = Kind(
    "status", "Status reports", "status_reports",
    (
        Field("project", TEXT, _PROJECT_REF, required=True),
        Field("period", DATE, ("period", "reporting period", "period end", "report date", "as at", "as of",
                               "week ending", "month ending", "status date", "date"), required=True),
        *_rags(),
        Field("summary", TEXT, ("summary", "status summary", "executive summary", "commentary", "comments",
                                "overall commentary", "update")),
        Field("achievements", TEXT, ("achievements", "key achievements", "accomplishments",
                                     "progress this period", "completed this period", "done this period")),
        Field("next_steps", TEXT, ("next steps", "next period", "planned next period", "upcoming",
                                   "planned activities", "next actions")),
        Field("top_issues", TEXT, ("top issues", "issues", "key issues", "issues and risks", "blockers")),
        Field("decisions_needed", TEXT, ("decisions needed", "decisions", "decisions required",
                                         "help needed", "asks", "support needed")),
        Field("author", TEXT, ("author", "reported by", "submitted by", "pm", "project manager")),
    ),
    key=("project", "period"),
    sheet_words=("status", "report", "highlight", "update", "dashboard"),
)


def _with_chinese(kind: Kind) -> Kind:
    """The kind with the Chinese headers of domain/words_zh.py after its English ones (the first
    synonym stays the header an export writes)."""
    from dataclasses import replace

    from pmo_desktop.domain.words_zh import HEADERS

    def extra(name: str) -> tuple[str, ...]:
        words = HEADERS.get(kind.name, {}).get(name, ()) + HEADERS["*"].get(name, ())
        return tuple(dict.fromkeys(normalise_header(w) for w in words))

    return replace(kind, fields=tuple(replace(f, synonyms=f.synonyms + tuple(w for w in extra(f.name)
                                                                             if w not in f.synonyms))
                                      for f in kind.fields))


KINDS: dict[str, Kind] = {k.name: k for k in (PROJECTS, RAID, TASKS, BUDGET, STATUS)}
KIND_ALIASES = {"project": "projects", "register": "projects", "risks": "raid", "risk": "raid",
                "issues": "raid", "issue": "raid", "raid_items": "raid", "milestones": "tasks",
                "plan": "tasks", "task": "tasks", "budget_lines": "budget", "budgets": "budget",
                "finance": "budget", "status_reports": "status", "reports": "status", "status-reports": "status"}
# Order in which kinds are applied when one file holds several (later ones refer to projects).
APPLY_ORDER = ("projects", "status", "raid", "tasks", "budget")
NOTES_HEADERS = ("notes", "note", "comments", "comment", "remarks", "internal notes", "helper", "lookup")


def kind_named(name: str) -> Kind:
    key = name.strip().lower()
    key = KIND_ALIASES.get(key, key)
    if key not in KINDS:
        raise KeyError(name)
    return KINDS[key]


def normalise_header(value) -> str:
    """'Proj. #', 'Impact\\n(monetary)', 'Start_Date' -> 'proj #', 'impact monetary', 'start date'."""
    if value is None:
        return ""
    text = str(value).lower().replace("%", " % ").replace("#", " # ").replace("?", "")
    text = re.sub(r"[\s_\-./\\:()\[\]{}*'\"’,]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


KINDS.update({name: _with_chinese(kind) for name, kind in KINDS.items()})
