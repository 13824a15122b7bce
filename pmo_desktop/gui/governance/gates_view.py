"""The Gates view: gate reviews across the portfolio, overdue and due ones first, with the review form.

"New review…" and "Open review…" use the gate review form; "Advance stage…" moves the selected
project through its next gate, warning when no Go is recorded and asking for the reason that the
change log keeps.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from pmo_desktop.domain.enums import Rag, Source
from pmo_desktop.governance import gates
from pmo_desktop.gui.governance.gate_review_dialog import GateReviewDialog
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.chips import chip_icon
from pmo_desktop.gui.widgets.rows_model import KEY_ROLE, SORT_ROLE, RefreshWhenShown, RowsModel
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr
from pmo_desktop.registers import lookups
from pmo_desktop.store import PortfolioError

STATE_CHIP = {"Overdue": Rag.RED, "Due": Rag.AMBER, "Planned": Rag.GREY, "Held": Rag.GREEN}
DECISION_CHIP = {"Go": Rag.GREEN, "Go with conditions": Rag.GREEN, "Hold": Rag.AMBER, "Recycle": Rag.AMBER,
                 "Stop": Rag.RED}
SHOW = [(QT_TRANSLATE_NOOP("", "Overdue and due"), {"Overdue", "Due"}), (QT_TRANSLATE_NOOP("", "Not yet held"), {"Overdue", "Due", "Planned"}),
        (QT_TRANSLATE_NOOP("", "All reviews"), {"Overdue", "Due", "Planned", "Held"})]


class _Filter(QSortFilterProxyModel):
    states = SHOW[0][1]
    text = ""

    def filterAcceptsRow(self, row, parent):
        review = self.sourceModel().key(row)
        if review["state"] not in self.states:
            return False
        return not self.text or self.text in f"{review['code']} {review['project']} {review['gate']}".casefold()


class GatesView(RefreshWhenShown, PortfolioView):
    shows_detail = True
    def __init__(self, context: ViewContext, parent=None, *, today: date | None = None):
        super().__init__(context, parent)
        self.setObjectName("gatesView")
        self.today = today
        self.reviews: list[dict] = []
        self.search_box = QLineEdit()
        self.search_box.setObjectName("quickSearch")
        self.search_box.setPlaceholderText(tr("Search gate reviews…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        self.search_box.textChanged.connect(self._filter_changed)
        self.show_box = QComboBox()
        for label, _states in SHOW:
            self.show_box.addItem(shown(label))
        self.show_box.currentIndexChanged.connect(self._filter_changed)
        self.new_button = QPushButton(tr("New review…"))
        self.new_button.clicked.connect(self.new_review)
        self.open_button = QPushButton(tr("Open review…"))
        self.open_button.clicked.connect(self.open_review)
        self.advance_button = QPushButton(tr("Advance stage…"))
        self.advance_button.setObjectName("advanceStage")
        self.advance_button.clicked.connect(self.advance)

        self.model = RowsModel([tr("Code"), tr("Project"), tr("Stage"), tr("Gate"), tr("Planned"), tr("Held"), tr("State"), tr("Decision"),
                                tr("Checklist"), tr("Conditions"), tr("Approvers")], self,
                               display=lambda c, v: self.context.fmt.date(v) if c in (4, 5) and v else
                               shown(v) if c in (2, 6, 7) and v else ("" if v is None else str(v)))
        self.model.header_tips[9] = tr("Conditions still open")
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("gatesTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proxy.setSortRole(SORT_ROLE)  # ISO dates and numbers, not their display text
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # overdue first
        self.table.verticalHeader().hide()
        self.table.setIconSize(QSize(29, 18))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        # Every column in sight on a laptop (1280 wide): dates as wide as a date in the chosen format, the
        # approvers take what is left.
        date_w = self.fontMetrics().horizontalAdvance(self.context.fmt.date("2026-12-28")) + 16
        for col, width in enumerate((76, 200, 84, 46, date_w, date_w, 104, 96, 76, 84)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_review())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search_box, 2)
        bar.addWidget(self.show_box)
        bar.addStretch(1)
        for b in (self.new_button, self.open_button, self.advance_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        self.body = ProjectsOrEmpty(self.table, self, needs=(self.search_box, self.show_box, self.new_button,
                                                             self.open_button, self.advance_button), about=tr(
            "Stage gates: each project's gate reviews, when they are due, their checklists, conditions, approvers "
            "and decisions. Add a project to plan its first gate."))
        layout.addWidget(self.body, 1)
        self.watch_changes()
        self.refresh()

    # -- the PortfolioView face -----------------------------------------------------------------------

    def refresh(self) -> None:
        today = (self.today or date.today()).isoformat()
        window_end = gates.gate_schedule(self.portfolio, today=self.today or date.today())["window_end"]
        stages = lookups.project_stages(self.portfolio)
        self.reviews = gates.gate_reviews(self.portfolio)
        for r in self.reviews:
            held = r["actual_date"] or r["decision"]
            planned = r["planned_date"]
            r["state"] = ("Held" if held else "Overdue" if planned and planned < today
                          else "Due" if planned and planned <= window_end else "Planned")
        order = {"Overdue": 0, "Due": 1, "Planned": 2, "Held": 3}
        self.reviews.sort(key=lambda r: (order[r["state"]], r["planned_date"] or "9999", r["code"]))
        rows = []
        for r in self.reviews:
            met = sum(1 for c in r["checklist"] if c["met"])
            open_conditions = sum(1 for c in r["conditions"] if c["status"] == "Open")
            rows.append([r["code"], r["project"], stages.get(r["code"]), r["gate"], r["planned_date"],
                         r["actual_date"], r["state"], r["decision"], f"{met}/{len(r['checklist'])}",
                         open_conditions or None, r["approvers"]])
        self.model.set_rows(rows, keys=self.reviews)
        for i, r in enumerate(self.reviews):
            self.model.decorations[(i, 6)] = chip_icon(STATE_CHIP[r["state"]])
            if r["decision"]:
                self.model.decorations[(i, 7)] = chip_icon(DECISION_CHIP[r["decision"]])
        writable = not self.portfolio.read_only
        for b in (self.new_button, self.advance_button):
            b.setEnabled(writable)
        self.body.show_empty()
        self.summary_changed.emit()

    def summary(self) -> str:
        overdue = sum(1 for r in self.reviews if r["state"] == "Overdue")
        due = sum(1 for r in self.reviews if r["state"] == "Due")
        return tr("{overdue} gates overdue, {due} due by the end of next period").format(overdue=overdue, due=due)

    def _filter_changed(self, *_args) -> None:
        self.proxy.states = SHOW[self.show_box.currentIndex()][1]
        self.proxy.text = self.search_box.text().strip().casefold()
        self.proxy.invalidate()

    # -- selection ----------------------------------------------------------------------------------------

    def current_review(self) -> dict | None:
        index = self.table.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def selected_project_id(self) -> int | None:
        review = self.current_review()
        if review is None:  # no review picked: the project the detail pane shows
            detail = getattr(self.window(), "detail", None)
            return getattr(detail, "project_id", None)
        return lookups.project_id(self.portfolio, review["code"])

    def select_record(self, review_id: int) -> None:
        """Show one review (the Health view's click-through lands here)."""
        self.show_box.setCurrentIndex(len(SHOW) - 1)
        self.search_box.clear()
        if not any(r["id"] == review_id for r in self.reviews):
            self.refresh()  # added since this view last read the file
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(KEY_ROLE)["id"] == review_id:
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                self.table.scrollTo(self.proxy.index(row, 0))
                return

    def _current_changed(self, current, _previous) -> None:
        project = self.selected_project_id() if current.isValid() else None
        if project is not None:
            self.project_selected.emit(project)

    # -- actions ------------------------------------------------------------------------------------------

    def review_dialog(self, review_id: int | None = None) -> GateReviewDialog | None:
        project = self.selected_project_id()
        if project is None:
            self.context.report_problem(tr("select a project (or one of its gate reviews) first"))
            return None
        return GateReviewDialog(self.portfolio, project, review_id, day_first=self.context.fmt.day_first,
                                date_format=self.context.fmt.date_format, parent=self)

    def _run(self, dialog: GateReviewDialog | None) -> None:
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted and dialog.batch_id:
            self.context.history.record(dialog.batch_id)
            self.refresh()

    def new_review(self) -> None:
        self._run(self.review_dialog())

    def open_review(self) -> None:
        review = self.current_review()
        if review is not None:
            self._run(self.review_dialog(review["id"]))

    def advance(self, reason: str | None = None) -> bool:
        """Advance the selected project; without a Go, warn and ask for the reason (kept in the change log)."""
        project = self.selected_project_id()
        if project is None:
            return False
        code = lookups.project_code(self.portfolio, project)
        try:
            result = gates.advance_stage(self.portfolio, code, reason, source=Source.UI)
        except gates.NoGoRecorded as exc:
            text, ok = QInputDialog.getText(
                self, tr("No Go recorded"), said(str(exc)[:1].upper() + str(exc)[1:]) + tr(".\n\nReason for going ahead anyway:"))
            if not ok or not text.strip():
                return False
            return self.advance(text)
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return False
        self.context.history.record(result.batch_id)
        if hasattr(self.window(), "statusBar"):
            self.window().statusBar().showMessage(tr("{code} moved from {from_stage} to {to_stage}").format(
                code=code, from_stage=shown(result.from_stage), to_stage=shown(result.to_stage)), 8000)
        self.refresh()
        return True
