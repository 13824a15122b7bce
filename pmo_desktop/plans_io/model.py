"""A plan read from another tool, before it touches the portfolio: plain dataclasses, no store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.store.errors import PortfolioError


class PlanFileError(PortfolioError):
    """A plan file that cannot be read; str() is one line naming the file and the problem."""


@dataclass
class PlanCalendar:
    name: str = "Standard"
    working_days: str = "1111100"  # Mon..Sun
    exceptions: dict[date, tuple[bool, str | None]] = field(default_factory=dict)  # date -> (working, name)


@dataclass
class PlanTask:
    key: str  # the source file's own id for the task (MSPDI UID, GanttProject id)
    name: str
    parent_key: str | None = None
    wbs: str | None = None
    kind: str = "task"  # task | summary | milestone
    start: date | None = None
    finish: date | None = None
    duration_days: int | None = None
    baseline_start: date | None = None
    baseline_finish: date | None = None
    actual_start: date | None = None
    actual_finish: date | None = None
    percent_complete: float | None = None
    owner: str | None = None
    constraint_type: str | None = None
    constraint_date: date | None = None
    notes: str | None = None
    properties: dict[str, str] = field(default_factory=dict)
    # The source tool's own start and finish dates, and whether reading them as whole days moved one
    # off a working-day boundary (a part-day time such as a night shift), for fidelity reports.
    source_start: date | None = None
    source_finish: date | None = None
    part_day: bool = False
    calendar_key: str | None = None  # a calendar of its own (Plan.calendars), else the plan's


@dataclass
class PlanLink:
    predecessor_key: str
    successor_key: str
    type: str = "FS"
    lag_days: int = 0


@dataclass
class PlanAssignment:
    """A (work) resource assigned to a task: `units` of a full-time person per working day (1.0 = 100%),
    and the assigned work in days when the file gives it (MSPDI Work), which then wins over units."""

    task_key: str
    resource: str
    units: float = 1.0
    work_days: float | None = None


@dataclass
class Plan:
    name: str
    source: str  # "MS Project XML" | "GanttProject"
    start: date | None = None
    finish: date | None = None
    calendar: PlanCalendar = field(default_factory=PlanCalendar)
    calendars: dict[str, PlanCalendar] = field(default_factory=dict)  # tasks' own calendars by key
    tasks: list[PlanTask] = field(default_factory=list)  # in outline order, parents before children
    links: list[PlanLink] = field(default_factory=list)
    assignments: list[PlanAssignment] = field(default_factory=list)  # work resources on tasks
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        kinds = {k: sum(1 for t in self.tasks if t.kind == k) for k in ("task", "summary", "milestone")}
        return {"name": self.name, "source": self.source, "tasks": len(self.tasks), **kinds,
                "links": len(self.links), "assignments": len(self.assignments), "start": self.start.isoformat() if self.start else None,
                "finish": self.finish.isoformat() if self.finish else None, "warnings": self.warnings}
