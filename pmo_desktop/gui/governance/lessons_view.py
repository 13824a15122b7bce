"""The Lessons learned view: the log across the portfolio, searchable and filterable, with a form,
and Excel import/export through the same services as `pmo lessons`."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.values import ValueProblem, parse_date
from pmo_desktop.governance import lessons
from pmo_desktop.governance.common import GovernanceError
from pmo_desktop.gui.registers.empty_state import BodyOrEmpty, EmptyState
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.rows_model import KEY_ROLE, RefreshWhenShown, RowsModel
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr
from pmo_desktop.registers import lookups
from pmo_desktop.store import PortfolioError

ANY = ""
TEXT_FIELDS = [("what_happened", QT_TRANSLATE_NOOP("", "What happened")), ("lesson", QT_TRANSLATE_NOOP("", "What we learned")),
               ("recommendation", QT_TRANSLATE_NOOP("", "Recommendation"))]


class LessonDialog(QDialog):
    """Add or edit one lesson; `save()` writes it as one undo step or shows why not."""

    def __init__(self, pf, lesson: dict | None = None, *, date_format: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("lessonDialog")
        self.pf = pf
        self.lesson = lesson
        self.date_format = date_format
        self.setWindowTitle(tr("Lesson {ref}").format(ref=lesson["ref"]) if lesson else tr("New lesson"))
        self.resize(640, 520)
        self.project = QComboBox()
        self.project.addItem(tr("(portfolio-wide)"), None)
        for code, name in lookups.project_choices(pf):
            self.project.addItem(f"{code}  {name}", code)
        self.date = QLineEdit()
        self.date.setPlaceholderText(tr("e.g. 27 Nov 2026"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *lessons.categories(pf)])
        self.owner = QLineEdit()
        self.status = QComboBox()
        for s in lessons.STATUSES:
            self.status.addItem(shown(s), s)
        self.texts = {key: QPlainTextEdit() for key, _ in TEXT_FIELDS}
        form = QFormLayout()
        form.addRow(tr("Project"), self.project)
        form.addRow(tr("Date"), self.date)
        form.addRow(tr("Category"), self.category)
        for key, label in TEXT_FIELDS:
            form.addRow(shown(label), self.texts[key])
        form.addRow(tr("Owner"), self.owner)
        form.addRow(tr("Status"), self.status)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #C62828; font-weight: 600;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if lesson:
            self.project.setCurrentIndex(max(0, self.project.findData(lesson["project"])))
            self.date.setText(format_date(lesson["date"], date_format))
            self.category.setCurrentText(lesson["category"] or "")
            for key, _ in TEXT_FIELDS:
                self.texts[key].setPlainText(lesson[key] or "")
            self.owner.setText(lesson["owner"] or "")
            self.status.setCurrentIndex(max(0, self.status.findData(lesson["status"])))

    def values(self) -> dict:
        try:
            when = parse_date(self.date.text(), day_first=self.date_format != "mdy")
        except ValueProblem as exc:
            raise GovernanceError(tr("the date: {reason}").format(reason=said(str(exc)))) from None
        return {"project": self.project.currentData(), "date": when,
                "category": self.category.currentText().strip() or None,
                **{key: self.texts[key].toPlainText().strip() for key, _ in TEXT_FIELDS},
                "owner": self.owner.text().strip() or None, "status": self.status.currentData()}

    def save(self) -> bool:
        try:
            values = self.values()
            if self.lesson is None:
                lessons.add_lesson(self.pf, **values)
            else:
                lessons.edit_lesson(self.pf, self.lesson["id"], **values)
        except PortfolioError as exc:
            self.problem.setText(said(str(exc)[:1].upper() + str(exc)[1:]))
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()


class LessonsView(RefreshWhenShown, PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("lessonsView")
        self.rows: list[dict] = []
        self.search_box = QLineEdit()
        self.search_box.setObjectName("quickSearch")
        self.search_box.setPlaceholderText(tr("Search lessons…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        self.search_box.textChanged.connect(self.refresh)
        self.category_box = QComboBox()
        self.category_box.currentIndexChanged.connect(self.refresh)
        self.status_box = QComboBox()
        self.status_box.addItem(tr("All statuses"), ANY)
        for s in lessons.STATUSES:
            self.status_box.addItem(shown(s), s)
        self.status_box.currentIndexChanged.connect(self.refresh)
        self.buttons = {}
        for key, text, slot in (("add", tr("Add…"), self.add), ("edit", tr("Edit…"), self.edit),
                                ("import", tr("Import…"), self.ask_import), ("export", tr("Export…"), self.ask_export)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(slot)
        self.model = RowsModel([tr("Ref"), tr("Project"), tr("Date"), tr("Category"), tr("What happened"), tr("What we learned"),
                                tr("Recommendation"), tr("Owner"), tr("Status")], self,
                               display=lambda c, v: self.context.fmt.date(v) if c == 2 and v else
                               shown(v) if c == 8 and v else ("" if v is None else str(v).splitlines()[0] if str(v) else ""))
        self.table = QTableView()
        self.table.setObjectName("lessonsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setIconSize(QSize(29, 18))
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        date_w = self.fontMetrics().horizontalAdvance(self.context.fmt.date("2026-12-28")) + 16
        for col, width in enumerate((60, 76, date_w, 100, 260, 240, 260, 110, 80)):
            self.table.setColumnWidth(col, width)
        # The three texts share the width the others leave, so Owner and Status stay in sight on a laptop.
        header = self.table.horizontalHeader()
        for col in (4, 5, 6):
            header.setSectionResizeMode(col, header.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search_box, 2)
        bar.addWidget(self.category_box)
        bar.addWidget(self.status_box)
        bar.addStretch(1)
        for b in self.buttons.values():
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        empty = EmptyState("", tr("Lessons learned: what happened on a project, what the team learned and what to do "
                                  "next time, with an owner and a status, so the next project does not repeat it."),
                           "", add=self.add, import_=self.ask_import,
                           texts=(tr("No lessons learned yet"), tr("Add lesson…"), tr("Import from Excel…")))
        self.body = BodyOrEmpty(self.table, empty, needs=(self.search_box, self.category_box, self.status_box,
                                                          self.buttons["edit"], self.buttons["export"]))
        layout.addWidget(self.body, 1)
        self._fill_categories()
        self.watch_changes()
        self.refresh()

    def _fill_categories(self) -> None:
        current = self.category_box.currentData()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(tr("All categories"), ANY)
        for c in lessons.categories(self.portfolio):
            self.category_box.addItem(c, c)
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(current)))
        self.category_box.blockSignals(False)

    # -- the PortfolioView face -----------------------------------------------------------------------

    def refresh(self, *_args) -> None:
        self.rows = lessons.search_lessons(self.portfolio, text=self.search_box.text(),
                                           category=self.category_box.currentData() or None,
                                           status=self.status_box.currentData() or None)
        keys = ("ref", "project", "date", "category", "what_happened", "lesson", "recommendation", "owner", "status")
        self.model.set_rows([[r[k] for k in keys] for r in self.rows], keys=self.rows)
        for key in ("add", "edit", "import"):
            self.buttons[key].setEnabled(not self.portfolio.read_only)
        pf = self.portfolio
        self.body.empty.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))
        filtered = self.search_box.text() or self.category_box.currentData() or self.status_box.currentData()
        none = not self.rows and not filtered
        self.body.show_page(self.body.empty if none else self.body.body, tr("There are no lessons yet"))
        self.summary_changed.emit()

    def summary(self) -> str:
        return tr("{n} lessons").format(n=f"{len(self.rows):,}")

    def current_lesson(self) -> dict | None:
        index = self.table.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def selected_project_id(self) -> int | None:
        lesson = self.current_lesson()
        if not lesson or not lesson["project"]:
            return None
        return lookups.project_id(self.portfolio, lesson["project"])

    def _current_changed(self, current, _previous) -> None:
        project = self.selected_project_id() if current.isValid() else None
        if project is not None:
            self.project_selected.emit(project)

    # -- actions ------------------------------------------------------------------------------------------

    def _after_write(self) -> None:
        self.context.history.record(self.portfolio.last_batch_id())
        self._fill_categories()
        self.refresh()

    def dialog(self, lesson: dict | None = None) -> LessonDialog:
        return LessonDialog(self.portfolio, lesson, date_format=self.context.fmt.date_format, parent=self)

    def add(self) -> None:
        if self.dialog().exec() == QDialog.DialogCode.Accepted:
            self._after_write()

    def edit(self) -> None:
        lesson = self.current_lesson()
        if lesson is not None and not self.portfolio.read_only and \
                self.dialog(lesson).exec() == QDialog.DialogCode.Accepted:
            self._after_write()

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import lessons"), "", tr("Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods)"))
        if path:
            self.import_file(path)

    def import_file(self, path) -> dict | None:
        try:
            counts = lessons.import_lessons(self.portfolio, path)
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return None
        self._after_write()
        return counts

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export lessons"), tr("Lessons learned.xlsx"),
                                              tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_file(path)

    def export_file(self, path) -> bool:
        try:
            lessons.export_lessons(self.portfolio, path, self.rows)
        except (PortfolioError, OSError) as exc:
            self.context.report_problem(tr("could not export: {reason}").format(reason=said(str(exc))))
            return False
        return True
