"""What the Gantt view shows for a project without a plan: that it has none yet, and the next steps (add
its first task here, or import its plan from MS Project, GanttProject or Excel), not an empty table."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from pmo_desktop.gui.registers.empty_state import EmptyState, open_import
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups
from pmo_desktop.scheduling import edits
from pmo_desktop.store import PortfolioError


class NoPlanPage(EmptyState):
    def __init__(self, view, parent=None):
        super().__init__("", "", "", add=self.add_task, import_=lambda: open_import(view), parent=parent,
                         texts=(tr("No plan yet"), tr("Add task…"), tr("Import MS Project plan…")))
        self.setObjectName("noPlan")
        self._view = view
        self.add_button.setProperty("tip", tr("Start this project's plan with a task of five working days"))
        self.import_button.setProperty("tip", tr("Import a plan from MS Project (.xml), GanttProject (.gan) or Excel"))

    def show_project(self, project_id: int) -> None:
        """Say which project has no plan; the buttons are off (and say why) in a read-only file."""
        heading = lookups.project_heading(self._view.portfolio, project_id)
        code, name = (heading[0], heading[1]) if heading else ("", "")
        self.about.setText(tr("{code} — {name} has no plan yet. Add its first task here, or import its plan from "
                              "MS Project (.xml), GanttProject (.gan) or Excel.").format(code=code, name=name))
        pf = self._view.portfolio
        self.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))

    def add_task(self, name: str | None = None) -> None:
        """Add the plan's first task (asking its name unless given), as one undoable step."""
        view = self._view
        project_id = view.selected_project_id()
        if project_id is None or view.portfolio.read_only:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, tr("Add task"), tr("Name of the task:"), text=tr("New task"))
            if not ok:
                return
        try:
            batch = edits.add_task(view.portfolio, project_id, name)
        except PortfolioError as exc:
            view.context.report_problem(str(exc))
            return
        view.context.history.record(batch)
        view.refresh()
