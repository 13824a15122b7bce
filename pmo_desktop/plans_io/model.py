"""A plan read from another tool, before it touches the portfolio: plain dataclasses, no store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from pmo_desktop.store.errors import PortfolioError


class PlanFileError(PortfolioError):
    """A plan file that cannot be read; str() is one line naming the file and the problem."""


@dataclass
class PlanCalendar:
    name: str = "Standard"
    working_days: str = "1111100"  # Mon..Sun
    exceptions: dict[date, tuple[bool, str | None]] = field(default_factory=dict)  # date -> (working, name)
    hours: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)  # weekday (0 = Mon) -> periods
    exception_hours: dict[date, tuple[tuple[int, int], ...]] = field(default_factory=dict)  # a working exception's own
    minutes_per_day: int | None = None
    minutes_per_week: int | None = None
    days_per_month: float | None = None


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
    # To the minute, where the source tool gives a time (MSPDI): what the scheduler starts from.
    start_at: datetime | None = None
    finish_at: datetime | None = None
    source_start_at: datetime | None = None  # exactly as the file says (fidelity reports)
    source_finish_at: datetime | None = None
    duration_minutes: int | None = None  # working minutes
    duration_format: int | None = None  # MSPDI DurationFormat code
    constraint_at: datetime | None = None
    deadline: datetime | None = None
    manual: bool = False


@dataclass
class PlanLink:
    predecessor_key: str
    successor_key: str
    type: str = "FS"
    lag_days: float = 0
    lag_minutes: int | None = None  # working minutes, or elapsed minutes for an elapsed LagFormat
    lag_format: int | None = None  # MSPDI LagFormat code
    lag_percent: float | None = None
    project: str | None = None  # another project's name when the link crosses projects (MSPDI external)
    predecessor_name: str | None = None  # that project's task as the file names it (its external task)


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
    honor_constraints: bool = True

    def summary(self) -> dict:
        kinds = {k: sum(1 for t in self.tasks if t.kind == k) for k in ("task", "summary", "milestone")}
        return {"name": self.name, "source": self.source, "tasks": len(self.tasks), **kinds,
                "links": len(self.links), "assignments": len(self.assignments), "start": self.start.isoformat() if self.start else None,
                "finish": self.finish.isoformat() if self.finish else None, "warnings": self.warnings}
