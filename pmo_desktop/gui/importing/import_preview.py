"""The import wizard's last pages: the preview of what an import would do (then Import), and for a plan
file (.xml/.gan) the choice of project it goes into. Applying runs on the wizard's job runner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from pmo_desktop.gui.importing.import_pages import field_label, message_label, show_message
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.plan import CHANGED, ERROR, NEW, UNCHANGED, ImportPlan

if TYPE_CHECKING:
    from pmo_desktop.gui.importing.import_wizard import ImportWizard

_ROOT = QModelIndex()
STATUS_TINT = {NEW: "#e3f2e1", CHANGED: "#fff4d6", UNCHANGED: "#f2f2f2", ERROR: "#fbe0de"}


class PreviewModel(QAbstractTableModel):
    """The plan's rows: file row, status, key, what changes or what is wrong; filterable by status."""

    HEADERS = ("Row", "Status", "Key", "Details")

    def __init__(self):
        super().__init__()
        self._all: list[tuple[int, str, str, str]] = []
        self._rows: list[tuple[int, str, str, str]] = []
        self.status: str | None = None

    def set_plan(self, plan: ImportPlan | None, minor_units: int = 100) -> None:
        rows = []
        for sheet in (plan.sheets if plan else []):
            kind = k.KINDS.get(sheet.kind)  # None for the benefit sheets: their numbers are plain numbers
            money = {f.name for f in kind.fields if f.type == k.MONEY} if kind else set()
            for r in sheet.rows:
                if r.errors:
                    details = "; ".join(_error_text(e) for e in r.errors)
                elif r.changes:
                    details = "; ".join(
                        f"{field_label(f)}: {_value(o, f in money, minor_units)} → "
                        f"{_value(n, f in money, minor_units)}" for f, (o, n) in r.changes.items())
                else:
                    details = ""
                rows.append((r.row, r.action, r.key, details))
        self.beginResetModel()
        self._all = rows
        self._filter()
        self.endResetModel()

    def set_status(self, status: str | None) -> None:
        self.beginResetModel()
        self.status = status
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self._rows = [r for r in self._all if self.status is None or r[1] == self.status]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row[index.column()]) if index.column() == 0 else row[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 1:
            return QBrush(QColor(STATUS_TINT[row[1]]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row[3] or None
        return None

    def row_values(self, row: int) -> tuple[int, str, str, str]:
        return self._rows[row]


def _error_text(e) -> str:
    value = f" '{e.value}'" if e.value and e.value not in e.reason else ""
    return f"column '{e.column}'{value}: {e.reason}" if e.column else e.reason


def _value(value, is_money: bool, minor_units: int) -> str:
    """Amounts are stored in minor units (pence); the preview shows them as the workbook did."""
    if not is_money or not isinstance(value, int | float):
        return _text(value)
    return f"{value / minor_units:,.2f}" if minor_units != 1 else f"{value:,}"


def _text(value) -> str:
    return "(blank)" if value is None or value == "" else str(value)


class PreviewPage(QWizardPage):
    """Step 3: what the import would do, before anything is written; Import applies it (step 4)."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Check before importing")
        self.setSubTitle("Nothing has been written yet. Import writes every row at once (one undo step).")
        self.counts = QLabel()
        self.counts.setObjectName("previewCounts")
        self.filter = QComboBox()
        for text, status in (("All rows", None), ("New", NEW), ("Changed", CHANGED), ("Unchanged", UNCHANGED),
                             ("Errors", ERROR)):
            self.filter.addItem(text, status)
        self.filter.currentIndexChanged.connect(lambda _i: self.model.set_status(self.filter.currentData()))
        self.model = PreviewModel()
        self.view = QTableView()
        self.view.setObjectName("previewTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notes = QListWidget()
        self.notes.setMaximumHeight(90)
        self.skip_errors = QCheckBox("Skip rows with errors and import the others")
        self.message = message_label()
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.skip_errors)
        layout.addWidget(self.message)
        self.setButtonText(wizard.WizardButton.FinishButton, "Import")

    def initializePage(self) -> None:
        show_message(self.message, "")
        self.show_plan(None)
        self.counts.setText("Working out what the import would change…")
        self.wiz.start("Previewing the import", lambda _progress, _cancelled: self.wiz.session.preview(),
                       self.show_plan, lambda message: show_message(self.message, message))

    def show_plan(self, plan: ImportPlan | None) -> None:
        self.model.set_plan(plan, self.wiz.session.minor_units())
        counts = plan.counts() if plan else {NEW: 0, CHANGED: 0, UNCHANGED: 0, ERROR: 0}
        self.counts.setText(f"<b>{counts[NEW]}</b> new · <b>{counts[CHANGED]}</b> changed · "
                            f"<b>{counts[UNCHANGED]}</b> unchanged · "
                            f"<b style='color:#b3261e'>{counts[ERROR]}</b> with errors")
        self.notes.clear()
        if plan:
            self.notes.addItems([*plan.warnings, *(n for s in plan.sheets for n in s.notes)])
        self.notes.setVisible(self.notes.count() > 0)
        self.skip_errors.setVisible(bool(counts[ERROR]))
        self.skip_errors.setChecked(False)
        for column in range(3):  # the details column takes the rest and wraps (its tooltip has it all)
            self.view.resizeColumnToContents(column)

    def validatePage(self) -> bool:
        """Import clicked: apply on the worker, and finish once it succeeded; refused (rows in error, a
        broken rule, cancelled) means nothing was written and the page stays with the reason shown."""
        return _apply(self.wiz, self.message, skip_errors=self.skip_errors.isChecked())

    def nextId(self) -> int:
        return -1


def _apply(wizard: ImportWizard, message: QLabel, **options) -> bool:
    if wizard.applied is not None:
        return True  # the apply job finished and called accept(): let the wizard close

    def failed(text: str) -> None:
        show_message(message, text.replace("with --skip-errors", "by ticking 'Skip rows with errors'"))

    def done(applied) -> None:
        wizard.finished_import(applied)
        wizard.accept()

    show_message(message, "")
    name = wizard.session.path.name if wizard.session.path else "the file"
    wizard.start(f"Importing {name}", lambda progress, cancelled: wizard.session.apply(
        progress=progress, cancelled=cancelled, **options), done, failed)
    return False


class PlanPage(QWizardPage):
    """For a plan file: import it as a new project, or as the plan of a chosen project (replacing it)."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Import the plan")
        self.setSubTitle("A plan becomes a new project, or replaces the tasks of a project you choose. "
                         "Either way it is one step to undo.")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.target = QComboBox()
        self.target.currentIndexChanged.connect(self._target_changed)
        self.replace_note = QLabel()
        self.replace_note.setWordWrap(True)
        self.message = message_label()
        form = QFormLayout()
        form.addRow("Into:", self.target)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.replace_note)
        layout.addStretch(1)
        layout.addWidget(self.message)
        self.setButtonText(wizard.WizardButton.FinishButton, "Import")

    def initializePage(self) -> None:
        session = self.wiz.session
        p = session.plan_file
        self.summary.setText(f"<b>{p.name or '(no name)'}</b>: {len(p.tasks)} task(s), {len(p.links)} link(s)")
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem("A new project", None)
        for code, name in session.projects():
            self.target.addItem(f"{code} — {name}", code)
        self.target.blockSignals(False)
        self.target.setCurrentIndex(0)
        self._target_changed(0)
        show_message(self.message, "")

    def _target_changed(self, _index: int) -> None:
        code = self.target.currentData()
        self.wiz.session.project = code
        self.replace_note.setText(f"The tasks of {code} are replaced by the plan's." if code else
                                  "A project is created for the plan.")

    def validatePage(self) -> bool:
        return _apply(self.wiz, self.message)

    def nextId(self) -> int:
        return -1
