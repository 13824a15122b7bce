"""The import wizard's first pages: the file and the column mapping (the preview and plan pages are in
import_preview.py).

Each page shows and edits the wizard's ImportSession; the session makes the service calls. Long
steps (reading, previewing, applying) go through the wizard's `start`, which runs them on a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.importing import kinds as k
from pmo_desktop.store import PortfolioError

if TYPE_CHECKING:
    from pmo_desktop.gui.importing.import_wizard import ImportWizard

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, PLAN_PAGE, VALUES_PAGE, PROJECTS_PAGE = range(6)
FILE_FILTER = ("Importable files (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt *.xml *.gan);;"
               "Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods);;"
               "CSV files (*.csv *.tsv *.txt);;Plans (*.xml *.gan)")
IGNORE = "(ignore)"


def field_label(name: str) -> str:
    """'rag_overall' -> 'RAG overall', 'start_date' -> 'Start date': a field as the analyst reads it."""
    words = name.split("_")
    words = ["RAG" if w == "rag" else "WBS" if w == "wbs" else w for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("importMessage")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e; font-weight: bold;")
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    first = text.split(" ", 1)[0]
    if "." not in first and "/" not in first:  # a file name keeps its own spelling
        text = text[:1].upper() + text[1:]
    label.setText(text)
    label.setVisible(bool(text))


class FilePage(QWizardPage):
    """Step 1: pick the file (and the sheet when several hold a table); say what was found."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle("Choose a file to import")
        self.setSubTitle("An Excel workbook or CSV file (project register, RAID log, tasks, budget, status "
                         "reports), or a plan from MS Project (.xml) or GanttProject (.gan).")
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText("No file chosen")
        browse = QPushButton("Choose File…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.sheet_label = QLabel("Sheet:")
        self.found = QListWidget()
        self.found.setObjectName("detected")
        self.found.setWordWrap(True)
        self.message = message_label()
        form = QFormLayout()
        form.addRow("File:", row)
        form.addRow(self.sheet_label, self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("What was found:"))
        layout.addWidget(self.found, 1)
        layout.addWidget(self.message)
        self._show_sheets()

    def browse(self) -> None:
        start = str(self.wiz.session.path.parent) if self.wiz.session.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Import from", start, FILE_FILTER)
        if path:
            self.load(path)

    def load(self, path) -> None:
        """Read `path` (on the worker); on failure show the one-line reason and keep Next disabled."""
        self.path_edit.setText(str(path))
        session = self.wiz.session

        def failed(message: str) -> None:
            session.path = None
            session.tables, session.plan_file, session.table = [], None, None
            show_message(self.message, message)
            self._show_sheets()
            self.completeChanged.emit()

        def loaded(_result) -> None:
            show_message(self.message, "")
            self.wiz.mapping_page.dirty = True
            self._show_sheets()
            self.completeChanged.emit()

        self.wiz.start(f"Reading {Path(path).name}",
                       lambda progress, cancelled: session.load(path, progress, cancelled), loaded, failed)

    def _show_sheets(self) -> None:
        session = self.wiz.session
        names = session.sheet_names()
        if session.benefit_sheets:
            names.append(tr("Benefits register ({sheets})").format(sheets=", ".join(session.benefit_sheets)))
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if session.benefits:
            self.sheet_combo.setCurrentIndex(len(session.tables))
        elif session.table is not None and session.table in session.tables:
            self.sheet_combo.setCurrentIndex(session.tables.index(session.table))
        self.sheet_combo.blockSignals(False)
        several = len(names) > 1
        self.sheet_combo.setVisible(several)
        self.sheet_label.setVisible(several)
        self._show_found()

    def _sheet_changed(self, index: int) -> None:
        if index >= len(self.wiz.session.tables):
            self.wiz.session.choose_benefits()
            self._show_found()
        elif index >= 0:
            self.wiz.session.choose_table(index)
            self._show_found()
            self.wiz.mapping_page.dirty = True

    def _show_found(self) -> None:
        session = self.wiz.session
        self.found.clear()
        if session.is_plan:
            p = session.plan_file
            lines = [f"Plan: {p.name or '(no name)'} from {p.source}", f"Tasks: {len(p.tasks)}",
                     f"Links: {len(p.links)}", *session.warnings]
        elif session.benefits:
            lines = [tr("Kind: benefits register (benefits, their projects and measurements)"),
                     tr("Sheets: {sheets}").format(sheets=", ".join(session.benefit_sheets)),
                     tr("The columns are the ones Export writes; the preview shows each row before anything "
                        "is written."), *session.warnings]
        else:
            lines = session.detected()
        self.found.addItems(lines)

    def isComplete(self) -> bool:
        s = self.wiz.session
        return s.path is not None and (s.is_plan or s.benefits or s.table is not None)

    def nextId(self) -> int:
        session = self.wiz.session
        return PLAN_PAGE if session.is_plan else PREVIEW_PAGE if session.benefits else MAPPING_PAGE


class MappingPage(QWizardPage):
    """Step 2: which source column goes to which field; the kind; the project; saved mappings."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.dirty = True
        self.setTitle("Match the columns")
        self.setSubTitle("Each column of the file and what it becomes. Change any that are wrong; columns "
                         "set to (ignore) are not imported.")
        self.kind_combo = QComboBox()
        for kind in k.KINDS.values():
            self.kind_combo.addItem(kind.label, kind.name)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.project_combo = QComboBox()
        self.project_combo.currentIndexChanged.connect(self._project_changed)
        self.saved_combo = QComboBox()
        self.saved_combo.activated.connect(self._use_saved)
        self.keep_numbers = QCheckBox("Keep plain-number refs as they are (7 stays 7, not R-007)")
        self.keep_numbers.toggled.connect(self._keep_numbers)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels(["Column in the file", "Sample values", "Import as"])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: dict[int, QComboBox] = {}
        self.missing = message_label()
        self.save_name = QLineEdit()
        self.save_name.setPlaceholderText("name, e.g. Monthly register")
        self.save_button = QPushButton("Save Mapping As")
        self.save_button.clicked.connect(self.save_mapping)
        self.saved_note = QLabel()
        form = QFormLayout()
        form.addRow("Import as:", self.kind_combo)
        form.addRow("Project for rows without one:", self.project_combo)
        form.addRow("Use a saved mapping:", self.saved_combo)
        form.addRow("", self.keep_numbers)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_name, 1)
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        layout.addLayout(save_row)

    def initializePage(self) -> None:
        if self.dirty:
            self.dirty = False
            self._fill_projects()
            self._fill_saved()
            self.show_mapping()

    def cleanupPage(self) -> None:
        pass  # keep the user's edits when they step back

    def _fill_projects(self) -> None:
        session = self.wiz.session
        self.project_combo.blockSignals(True)
        self.project_combo.clear()
        self.project_combo.addItem("(from the file)", None)
        for code, name in session.projects():
            self.project_combo.addItem(f"{code} — {name}", code)
        index = self.project_combo.findData(session.project) if session.project else 0
        self.project_combo.setCurrentIndex(max(index, 0))
        self.project_combo.blockSignals(False)

    def _fill_saved(self) -> None:
        self.saved_combo.clear()
        names = self.wiz.session.saved_mappings()
        self.saved_combo.addItem("(none)" if names else "(none saved yet)", None)
        for name in names:
            self.saved_combo.addItem(name, name)

    def show_mapping(self) -> None:
        """Redraw the whole table from the session's mapping."""
        session = self.wiz.session
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(session.mapping.kind))
        self.kind_combo.blockSignals(False)
        self.project_combo.setEnabled(session.mapping.kind != "projects")
        self.keep_numbers.blockSignals(True)
        self.keep_numbers.setChecked(session.mapping.number_keys == "keep")
        self.keep_numbers.blockSignals(False)
        self.keep_numbers.setVisible(session.mapping.kind == "raid")
        columns = session.table.columns
        self.table.setRowCount(len(columns))
        self.combos = {}
        kind = session.kind()
        for row, col in enumerate(columns):
            self.table.setItem(row, 0, QTableWidgetItem(f"{col.letter}: {col.header}"))
            self.table.setItem(row, 1, QTableWidgetItem("; ".join(session.samples(col.index))))
            months = session.month_column_months(col.index)
            combo = QComboBox()
            if months is not None:  # a wide-form month column: in (as the measure for its months) or out
                combo.addItem(f"{field_label(session.mapping.measure)} for {', '.join(months)}", True)
                combo.addItem(IGNORE, False)
                combo.setCurrentIndex(0 if session.is_month_column(col.index) else 1)
                combo.currentIndexChanged.connect(
                    lambda _i, c=col.index, box=combo: self.wiz.session.set_month_column(c, box.currentData()))
                self.table.setItem(row, 2, QTableWidgetItem())
                self.table.setCellWidget(row, 2, combo)
                self.combos[col.index] = combo
                continue
            combo.addItem(IGNORE, None)
            for f in kind.fields:
                combo.addItem(field_label(f.name) + (" *" if f.required else ""), f.name)
            combo.setCurrentIndex(max(combo.findData(session.field_of(col.index)), 0))
            combo.currentIndexChanged.connect(lambda _i, c=col.index, box=combo: self.set_field(c, box.currentData()))
            self.table.setItem(row, 2, QTableWidgetItem())
            self.table.setCellWidget(row, 2, combo)
            self.combos[col.index] = combo
        self._show_missing()

    def set_field(self, column: int, name: str | None) -> None:
        """The user chose `name` for `column`; a column that had that field before becomes ignored."""
        touched = self.wiz.session.set_field(column, name)
        for c in touched:
            combo = self.combos.get(c)
            if combo is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(self.wiz.session.field_of(c)), 0))
                combo.blockSignals(False)
        self._show_missing()

    def _show_missing(self) -> None:
        missing = self.wiz.session.missing_required()
        show_message(self.missing, f"Choose a column for: {', '.join(field_label(m) for m in missing)}"
                      if missing else "")
        self.completeChanged.emit()

    def _kind_changed(self, _index: int) -> None:
        self.wiz.session.set_kind(self.kind_combo.currentData())
        self.show_mapping()

    def _keep_numbers(self, keep: bool) -> None:
        self.wiz.session.mapping.number_keys = "keep" if keep else "prefix"
        self.wiz.session.plan = None

    def _project_changed(self, _index: int) -> None:
        self.wiz.session.project = self.project_combo.currentData()
        self.wiz.session.plan = None

    def _use_saved(self, _index: int) -> None:
        name = self.saved_combo.currentData()
        if not name:
            return
        try:
            self.wiz.session.use_saved(name)
        except PortfolioError as exc:
            show_message(self.missing, str(exc))
            return
        self.show_mapping()
        self.saved_note.setText(f"Using '{name}'")

    def save_mapping(self) -> None:
        name = self.save_name.text().strip()
        try:
            self.wiz.session.save_mapping(name)
        except PortfolioError as exc:
            self.saved_note.setText(str(exc))
            return
        self.saved_note.setText(f"Saved as '{name}'")
        self._fill_saved()

    def isComplete(self) -> bool:
        return self.wiz.session.mapping is not None and not self.wiz.session.missing_required()

    def validatePage(self) -> bool:
        """Next: preview first (on the worker), to know whether values or projects need answers."""
        session = self.wiz.session
        if session.plan is not None:
            return True
        show_message(self.missing, "")
        self.wiz.start("Checking the values", lambda _progress, _cancelled: session.preview(),
                       lambda _plan: self.wiz.next(), lambda message: show_message(self.missing, message))
        return False

    def nextId(self) -> int:
        session = self.wiz.session
        if session.plan is not None and session.unknown_values():
            return VALUES_PAGE
        if session.plan is not None and session.missing_projects():
            return PROJECTS_PAGE
        return PREVIEW_PAGE
