"""The views the main window can show, by name, and what every view offers the window.

Adding a view (a Gantt, budgets, a dashboard) is two steps:

1. Write a `PortfolioView` subclass. Its constructor takes a `ViewContext` (the open portfolio, the
   undo history, QSettings, the currency format, and callbacks to report a problem or ask a
   question). Implement `refresh()` (re-read the store; called after undo/redo and file changes)
   and `summary()` (the status-bar text). Emit `project_selected(id)` when the user picks a project
   so the detail pane follows (set `shows_detail = True` for a view about projects or items; others get
   the whole width). A view that edits rows sets `editable = True` and implements the
   edit methods (add/duplicate/delete/copy/paste); the window's actions call them.
2. Register it: add a `ViewSpec(name, title, icon, factory)` in `default_views()` below (or call
   `window.views.register(...)` before the window builds its pages). `--view NAME` then shows it.
   Use `lazy_view("pmo_desktop.gui.my_view", "MyView")` as the factory so the module is imported
   only when the view is first shown: the window builds a view the first time it is shown, never
   at start, and start-up time is budgeted (DESIGN.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QWidget

from pmo_desktop.gui.shell.undo import UndoHistory
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers.columns import Formatting
from pmo_desktop.store import Portfolio


@dataclass
class ViewContext:
    portfolio: Portfolio
    history: UndoHistory
    settings: QSettings
    fmt: Formatting
    report_problem: Callable[[str], None]
    confirm: Callable[[str, str], bool]  # (title, question) -> yes?


class PortfolioView(QWidget):
    project_selected = Signal(int)
    item_selected = Signal(str, int)  # (table, row id) of a selected item that is not a project (a RAID item)
    summary_changed = Signal()
    editable = False
    shows_detail = False  # a view about projects or items has the details pane beside it

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(parent)
        self.context = context

    @property
    def portfolio(self) -> Portfolio:
        return self.context.portfolio

    def refresh(self) -> None:
        """Re-read everything shown from the store."""

    def summary(self) -> str:
        return ""

    def save_state(self) -> None:
        """Keep layout (columns, splitters) in self.context.settings."""

    # editing actions (only called when `editable` and the file is writable)
    def add_row(self) -> None: ...
    def duplicate_rows(self) -> None: ...
    def delete_rows(self) -> None: ...
    def copy(self) -> None: ...
    def paste(self) -> None: ...
    def clear_cells(self) -> None: ...


class RereadOnShow:
    """Mix in before PortfolioView for a view that reads the store when drawn: edits made in other
    views since it last read (a newer change batch) show up when it is shown again. The view sets
    `_seen_batch` to `portfolio.last_batch_id()` when it reads, and to -1 to read on the next show."""

    _seen_batch = -1

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._seen_batch != self.portfolio.last_batch_id():
            self.refresh()
        super().showEvent(event)


@dataclass(frozen=True)
class ViewSpec:
    name: str  # what --view takes and QSettings keys use
    title: str  # shown in the navigation
    icon: str  # an SVG in resources/icons/
    factory: Callable[[ViewContext], PortfolioView]


class ViewRegistry:
    def __init__(self, specs: list[ViewSpec] | None = None):
        self._specs: dict[str, ViewSpec] = {}
        for spec in specs or []:
            self.register(spec)

    def register(self, spec: ViewSpec) -> None:
        if spec.name in self._specs:
            raise ValueError(f"a view called {spec.name!r} is already registered")
        self._specs[spec.name] = spec

    def names(self) -> list[str]:
        return list(self._specs)

    def get(self, name: str) -> ViewSpec:
        return self._specs[name]

    def __iter__(self) -> Iterator[ViewSpec]:
        return iter(self._specs.values())

    def __contains__(self, name: str) -> bool:
        return name in self._specs


def default_views() -> ViewRegistry:
    from pmo_desktop.gui.registers.register_view import RegisterView
    from pmo_desktop.registers.definitions import REGISTERS

    def register_factory(name: str) -> Callable[[ViewContext], PortfolioView]:
        return lambda ctx: RegisterView(ctx, REGISTERS[name])

    return ViewRegistry([
        ViewSpec("projects", tr("Projects"), "projects.svg", register_factory("projects")),
        ViewSpec("raid", tr("RAID log"), "raid.svg", register_factory("raid")),
        ViewSpec("milestones", tr("Milestones"), "milestones.svg", register_factory("milestones")),
        ViewSpec("status", tr("Status reports"), "status.svg", register_factory("status")),
        ViewSpec("returns", tr("Returned reports"), "report.svg",
                 lazy_view("pmo_desktop.gui.collect.returns_view", "ReturnedReportsView")),
        ViewSpec("roadmap", tr("Roadmap"), "roadmap.svg", lazy_view("pmo_desktop.gui.plans.roadmap_view", "RoadmapView")),
        ViewSpec("gantt", tr("Plans (Gantt)"), "gantt.svg", lazy_view("pmo_desktop.gui.plans.gantt_view", "GanttView")),
        *finance_views(),
        *governance_views(),
        *benefits_views(),
        ViewSpec("people", tr("People"), "people.svg", lazy_view("pmo_desktop.gui.capacity.people_view", "PeopleView")),
        ViewSpec("time_off", tr("Time off"), "time-off.svg", lazy_view("pmo_desktop.gui.capacity.people_view", "TimeOffView")),
        ViewSpec("capacity", tr("Capacity"), "capacity.svg", lazy_view("pmo_desktop.gui.capacity.capacity_view", "CapacityView")),
    ])


def lazy_view(module: str, cls: str) -> Callable[[ViewContext], PortfolioView]:
    """A factory that imports the view's module only when the view is first shown, so views with
    heavy imports (matplotlib: ~1 s) cost nothing at start."""

    def factory(ctx: ViewContext) -> PortfolioView:
        return getattr(importlib.import_module(module), cls)(ctx)

    return factory


def finance_views() -> list[ViewSpec]:
    """The finance views: budget grid, portfolio financial summary, dashboard."""
    return [ViewSpec("budget", tr("Budget"), "budget.svg", lazy_view("pmo_desktop.gui.finance.budget_view", "BudgetView")),
            ViewSpec("finance", tr("Financial summary"), "finance.svg",
                     lazy_view("pmo_desktop.gui.finance.finance_view", "FinanceView")),
            ViewSpec("dashboard", tr("Dashboard"), "dashboard.svg",
                     lazy_view("pmo_desktop.gui.finance.dashboard_view", "DashboardView"))]


def benefits_views() -> list[ViewSpec]:
    """The benefits register, and what-if scenarios over the book of work."""
    return [ViewSpec("benefits", tr("Benefits"), "benefits.svg",
                     lazy_view("pmo_desktop.gui.benefits.benefits_view", "BenefitsView")),
            ViewSpec("scenarios", tr("Scenarios"), "scenarios.svg",
                     lazy_view("pmo_desktop.gui.scenarios.scenarios_view", "ScenariosView"))]


def governance_views() -> list[ViewSpec]:
    """Stage gates, the book of work, health checks and lessons learned."""
    return [ViewSpec("gates", tr("Stage gates"), "gates.svg", lazy_view("pmo_desktop.gui.governance.gates_view", "GatesView")),
            ViewSpec("book", tr("Book of work"), "book.svg",
                     lazy_view("pmo_desktop.gui.governance.book_of_work_view", "BookOfWorkView")),
            ViewSpec("health", tr("Health checks"), "health.svg", lazy_view("pmo_desktop.gui.governance.health_view", "HealthView")),
            ViewSpec("lessons", tr("Lessons learned"), "lessons.svg",
                     lazy_view("pmo_desktop.gui.governance.lessons_view", "LessonsView"))]
