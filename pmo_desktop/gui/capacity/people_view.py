"""The people and time-off views: registers like the others (capacity/registers.py says what they hold
and how typed values are stored), with import/export buttons for people.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton

from pmo_desktop.capacity.model import CapacityInputError
from pmo_desktop.capacity.people import SaveResult
from pmo_desktop.capacity.registers import TIME_OFF, people_register
from pmo_desktop.capacity.workbook import export_people, import_people
from pmo_desktop.domain.enums import Source
from pmo_desktop.gui.capacity.skills import SkillChipsDelegate
from pmo_desktop.gui.registers.register_view import RegisterView
from pmo_desktop.gui.shell.views import ViewContext
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import PortfolioError


class PeopleView(RegisterView):
    shows_detail = False  # people are not projects: the register gets the width
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, people_register(context.portfolio), parent)
        self.import_button = QPushButton(tr("Import…"))
        self.import_button.setToolTip(tr("Add or update people from a sheet: Name, Role, Team, FTE, Day rate, Skills"))
        self.import_button.clicked.connect(self._choose_import)
        self.import_button.setEnabled(not context.portfolio.read_only)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setToolTip(tr("Write people, non-working time and allocations to an Excel workbook"))
        self.export_button.clicked.connect(self._choose_export)
        self._filter_bar.addWidget(self.import_button)
        self._filter_bar.addWidget(self.export_button)
        self.skills_delegate = SkillChipsDelegate(self.table)
        self.table.setItemDelegateForColumn(self.model.column_index("skills"), self.skills_delegate)

    def selected_project_id(self) -> int | None:
        return None  # a person is not part of one project; the detail pane keeps what it shows

    def import_file(self, path: str | Path) -> SaveResult | None:
        """Import a people sheet as one undo step; problems are reported, nothing half-done."""
        try:
            result = import_people(self.portfolio, path, source=Source.IMPORT)
        except (CapacityInputError, PortfolioError) as exc:
            self.context.report_problem(str(exc))
            return None
        self.context.history.record(result.batch_id)
        self.refresh()
        return result

    def export_file(self, path: str | Path) -> dict | None:
        try:
            return export_people(self.portfolio, path)
        except (CapacityInputError, OSError) as exc:
            self.context.report_problem(str(exc))
            return None

    def refresh(self) -> None:
        fresh = people_register(self.portfolio)
        if [c.choices for c in fresh.columns] != [c.choices for c in self.register.columns]:
            self.register = self.model.register = fresh  # a role or team was added (or its adding undone)
            self.reload_columns()
        super().refresh()

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import people"), "", tr("Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods)"))
        if path:
            self.import_file(path)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export people"), "people.xlsx", tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_file(path)


# -- time off: leave and part-time spells -------------------------------------------------------------


class TimeOffView(RegisterView):
    shows_detail = False
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, TIME_OFF, parent)

    def selected_project_id(self) -> int | None:
        return None
