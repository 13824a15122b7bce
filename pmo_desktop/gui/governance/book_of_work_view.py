"""The Book of work view: projects ranked by weighted score, with the funding line for a budget cap.

Changing a weight or the cap re-ranks at once (the pure `rank_book` over candidates already loaded);
"Save weights and cap" writes them to the portfolio's scoring model as one undo step. A project's
scores are edited in the table (1-5 per criterion); each edit is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.values import format_money
from pmo_desktop.governance import scoring
from pmo_desktop.governance.common import GovernanceError
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.flow import FlowLayout, pair
from pmo_desktop.gui.widgets.rows_model import KEY_ROLE, RefreshWhenShown, RowsModel
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr
from pmo_desktop.store import PortfolioError

IN_COLOUR, OUT_COLOUR = "#E8F5E9", "#ECEFF1"
HEADERS = [QT_TRANSLATE_NOOP("", "Rank"), QT_TRANSLATE_NOOP("", "Code"), QT_TRANSLATE_NOOP("", "Project"),
           QT_TRANSLATE_NOOP("", "Stage"), QT_TRANSLATE_NOOP("", "Score"), QT_TRANSLATE_NOOP("", "Cost"),
           QT_TRANSLATE_NOOP("", "Cumulative"), QT_TRANSLATE_NOOP("", "Funding")]
FIRST_CRITERION = len(HEADERS)  # criterion columns follow the fixed ones


class BookOfWorkView(RefreshWhenShown, PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("bookOfWorkView")
        self.criteria = [dict(c) for c in scoring.scoring_criteria(self.portfolio)]
        self.candidates: list[scoring.Candidate] = []
        self.forced: set[int] = set()
        self.book: scoring.BookOfWork | None = None
        self.cap: int | None = None

        self.weight_boxes: dict[str, QSpinBox] = {}
        self.weight_labels: dict[str, QLabel] = {}
        weights = FlowLayout(spacing=10)  # wraps in a narrow window instead of squeezing its neighbours
        weights_label = QLabel(tr("Weights:"))
        weights.addWidget(weights_label)
        for c in self.criteria:
            box = QSpinBox()
            box.setRange(0, 100)
            box.setValue(int(c["weight"]))
            box.setToolTip(self._scale_tip(c))
            box.setObjectName(f"weight_{c['id']}")
            box.valueChanged.connect(self.rerank)
            label = QLabel(shown(c["name"]))
            label.setObjectName("formKey")
            label.setToolTip(box.toolTip())
            weights.addWidget(pair(label, box))
            self.weight_boxes[c["id"]] = box
            self.weight_labels[c["id"]] = label
        weights_label.setMinimumHeight(QSpinBox().sizeHint().height())  # level with the boxes beside it
        self.save_button = QPushButton(tr("Save weights and cap"))
        self.save_button.setObjectName("saveWeights")
        self.save_button.clicked.connect(self.save_weights)

        self.cap_box = QLineEdit()
        self.cap_box.setObjectName("budgetCap")
        self.cap_box.setPlaceholderText(tr("e.g. 10m or 2,500,000"))
        self.cap_box.setClearButtonEnabled(True)
        self.cap_box.setMaximumWidth(200)
        self.cap_box.textChanged.connect(self._cap_changed)
        self.cap_problem = QLabel()
        self.cap_problem.setStyleSheet("color: #C62828;")
        self.totals = QLabel()
        self.totals.setObjectName("detailSubtitle")
        self.totals.setWordWrap(True)
        self.export_button = QPushButton(tr("Export to Excel…"))
        self.export_button.clicked.connect(self.ask_export)
        cap_bar = QHBoxLayout()
        cap_bar.setSpacing(8)
        cap_bar.addWidget(QLabel(tr("Budget cap:")))
        cap_bar.addWidget(self.cap_box)
        cap_bar.addWidget(self.cap_problem)
        cap_bar.addWidget(self.totals, 1)
        cap_bar.addWidget(self.save_button)
        cap_bar.addWidget(self.export_button)

        symbol = context.fmt.currency_symbol
        n = len(self.criteria)
        self.model = RowsModel([shown(h) for h in HEADERS] + [_short(c["name"]) for c in self.criteria], self,
                               right_aligned={0, 4, 5, 6, *range(FIRST_CRITERION, FIRST_CRITERION + n)},
                               display=lambda col, v: _display(col, v, symbol))
        self.model.header_tips[4] = tr("Weighted score: the weight-averaged 1-5 score (unscored criteria count 0)")
        self.table = QTableView()
        self.table.setObjectName("bookTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setWordWrap(False)
        # Figures and scores as wide as they need, the project names the rest: on a laptop the names are
        # readable and the last score column is not pushed off the edge.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # measured on the first rows, so a re-rank of 10,000 stays quick
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, c in enumerate(self.criteria, start=FIRST_CRITERION):
            self.model.header_tips[col] = self._scale_tip(c) + "\n" + tr("(double-click a score to change it)")
        self.table.doubleClicked.connect(self._edit_score)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(weights)
        top_layout.addLayout(cap_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(top)
        self.body = ProjectsOrEmpty(self.table, self, needs=(self.export_button,), about=tr(
            "The book of work: every proposal and open project ranked by its weighted score, funded in rank order "
            "up to the budget cap. Add projects (or proposals) to rank them here."))
        layout.addWidget(self.body, 1)
        self.save_button.setEnabled(not self.portfolio.read_only)
        cap = scoring.stored_cap(self.portfolio)
        if cap is not None:
            self.cap_box.setText(f"{cap / 100:,.0f}")
        self.watch_changes()
        self.refresh()

    @staticmethod
    def _scale_tip(criterion: dict) -> str:
        scale = criterion.get("scale") or {}
        return shown(criterion["name"]) + "\n" + "\n".join(f"{k}: {shown(v)}" for k, v in sorted(scale.items()))

    # -- the PortfolioView face -----------------------------------------------------------------------

    def refresh(self) -> None:
        self._follow_stored_model()
        self.candidates = scoring.candidates(self.portfolio)
        self.forced = scoring.forced_ids(self.portfolio)  # funded by decision (an applied scenario)
        self.body.show_empty()
        self.rerank()

    def _follow_stored_model(self) -> None:
        """When the stored scoring model changed (the Governance settings dialog, an undo), show its
        names and weights; weights only tried here (not saved) stay while the stored model is the same."""
        stored = [dict(c) for c in scoring.scoring_criteria(self.portfolio)]
        if stored == self.criteria or [c["id"] for c in stored] != [c["id"] for c in self.criteria]:
            return
        self.criteria = stored
        for col, c in enumerate(stored, start=FIRST_CRITERION):
            box = self.weight_boxes[c["id"]]
            box.blockSignals(True)
            box.setValue(round(c["weight"]))
            box.blockSignals(False)
            box.setToolTip(self._scale_tip(c))
            self.weight_labels[c["id"]].setText(shown(c["name"]))
            self.weight_labels[c["id"]].setToolTip(box.toolTip())
            self.model.headers[col] = _short(c["name"])
            self.model.header_tips[col] = self._scale_tip(c) + "\n" + tr("(double-click a score to change it)")
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, FIRST_CRITERION,
                                          FIRST_CRITERION + len(stored) - 1)

    def summary(self) -> str:
        return tr("{n} projects in the book of work").format(n=f"{len(self.candidates):,}")

    # -- ranking ------------------------------------------------------------------------------------------

    def weights(self) -> dict[str, int]:
        return {cid: box.value() for cid, box in self.weight_boxes.items()}

    def rerank(self, *_args) -> None:
        criteria = [{**c, "weight": self.weight_boxes[c["id"]].value()} for c in self.criteria]
        try:
            self.book = scoring.rank_book(self.candidates, criteria, self.cap, self.forced)
        except GovernanceError as exc:  # e.g. every weight at zero
            self.totals.setText(said(str(exc)[:1].upper() + str(exc)[1:]))
            self.model.set_rows([])
            return
        rows, keys, colours = [], [], []
        for r in self.book.rows:
            c = r.candidate
            funding = {True: tr("In"), False: tr("Out"), None: ""}[r.funded]
            rows.append([r.rank, c.code, c.name, shown(c.stage), r.weighted_score, c.cost, r.cumulative_cost, funding,
                         *(c.scores.get(k["id"]) for k in criteria)])
            keys.append(c)
            colours.append({True: IN_COLOUR, False: OUT_COLOUR, None: None}[r.funded])
        self.model.set_rows(rows, keys, colours)
        symbol = self.context.fmt.currency_symbol
        text = tr("{n} projects, total {total}").format(n=len(rows), total=format_money(self.book.total_cost, symbol))
        if self.cap is not None:
            funded = sum(1 for r in self.book.rows if r.funded)
            text += "  ·  " + tr("{funded} above the funding line for {cost} of {cap}").format(
                funded=funded, cost=format_money(self.book.funded_cost, symbol), cap=format_money(self.cap, symbol))
        self.totals.setText(text)

    def _cap_changed(self, text: str) -> None:
        text = text.strip()
        try:
            self.cap = scoring.parse_amount(text) if text else None
            self.cap_problem.setText("")
        except GovernanceError:
            self.cap_problem.setText(tr("not an amount"))
            return
        self.rerank()

    def set_cap_text(self, text: str) -> None:
        self.cap_box.setText(text)

    # -- writing ------------------------------------------------------------------------------------------

    def save_weights(self) -> None:
        """Keep the weights and the cap shown in the portfolio's scoring model (one undo step)."""
        try:
            scoring.save_model(self.portfolio, self.weights(), self.cap)
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return
        self.criteria = [dict(c) for c in scoring.scoring_criteria(self.portfolio)]
        self.context.history.record(self.portfolio.last_batch_id())

    def _edit_score(self, index) -> None:
        col = index.column()
        if not FIRST_CRITERION <= col < FIRST_CRITERION + len(self.criteria) or self.portfolio.read_only:
            return
        cand = index.data(KEY_ROLE)
        criterion = self.criteria[col - FIRST_CRITERION]
        current = cand.scores.get(criterion["id"], 3)
        value, ok = QInputDialog.getInt(self, tr("Score {code}").format(code=cand.code), self._scale_tip(criterion), current, 1, 5)
        if ok:
            self.set_score(cand.code, criterion["id"], value)

    def set_score(self, code: str, criterion: str, value: int | None) -> bool:
        try:
            scoring.set_scores(self.portfolio, code, {criterion: value})
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return False
        self.context.history.record(self.portfolio.last_batch_id())
        self.refresh()
        return True

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export book of work"), tr("Book of work.xlsx"),
                                              tr("Excel workbook (*.xlsx)"))
        if path:
            self.export(path)

    def export(self, path) -> bool:
        try:
            scoring.export_book(self.book, path, currency=self.portfolio.settings()["currency"])
        except (PortfolioError, OSError) as exc:
            self.context.report_problem(tr("could not export: {reason}").format(reason=said(str(exc))))
            return False
        return True

    def _current_changed(self, current, _previous) -> None:
        cand = current.data(KEY_ROLE) if current.isValid() else None
        if cand is not None:
            self.project_selected.emit(cand.project_id)

    def selected_project_id(self) -> int | None:
        cand = self.table.currentIndex().data(KEY_ROLE) if self.table.currentIndex().isValid() else None
        return cand.project_id if cand else None


def _short(name: str) -> str:
    """A column title for a criterion: its first words, the full name being in the tooltip."""
    short = {"Strategic alignment": tr("Strategy"), "Delivery risk": tr("Risk")}
    first = name.split(" (")[0]
    return short.get(first) or shown(first)


def _display(col: int, value, symbol: str) -> str:
    if value is None:
        return "–" if col == 4 else ""
    if col == 4:
        return f"{value:.2f}"
    if col in (5, 6):
        return format_money(value, symbol)
    return str(value)
