"""The budget view: one project's budget as a grid of lines (category x CAPEX/OPEX) and months,
with planned, actual and forecast rows, totals, and a CAPEX/OPEX split.

Months up to the period's cut-off are actual months and later ones forecast months: their headers
say so and their cells are tinted (actual: grey-blue, forecast: indigo); the figure that does not
count in a month (a forecast in an actual month, an actual in a forecast month) is shown greyed.
Every edit, and every block pasted from Excel, is one call to finance.apply_budget_edits: one
transaction and one undo step. Totals are recomputed from the store after each edit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from pmo_desktop.domain.dates import format_month
from pmo_desktop.domain.enums import CostCategory
from pmo_desktop.domain.money import format_money
from pmo_desktop.domain.values import ValueProblem, parse_money
from pmo_desktop.finance import (
    BudgetEdit,
    BudgetError,
    BudgetGrid,
    apply_budget_edits,
    budget_grid,
    resolve_period,
)
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.views import PortfolioView, RereadOnShow, ViewContext
from pmo_desktop.gui.widgets.clipboard import parse_tsv, to_tsv
from pmo_desktop.gui.widgets.frozen_table import FrozenTableView
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups
from pmo_desktop.store import PortfolioError

FIGURES = ("planned", "actual", "forecast")
FIXED = 3  # Category, Type, Figure
ACTUAL_TINT = QColor("#ECEFF1")
FORECAST_TINT = QColor("#E8EAF6")
TOTAL_TINT = QColor("#CFD8DC")
MUTED = QColor("#90A4AE")


class BudgetModel(QAbstractTableModel):
    """Rows: three per budget line (planned, actual, forecast), then total rows. Columns: category,
    type, figure, one per month, and the row total."""

    edit_failed = Signal(str)
    batch_done = Signal(int)

    def __init__(self, portfolio, currency: str, parent=None):
        super().__init__(parent)
        self.pf = portfolio
        self.currency = currency
        self.grid: BudgetGrid | None = None
        self.month_text = lambda month: format_month(month, lang=current_language())  # the view's date format
        self.rows: list[tuple] = []  # ("line", category, spend, figure) or ("total", label, spend|None, figure)

    # -- loading ----------------------------------------------------------------------------------------

    def load(self, project_id: int | None, cutoff: date, fy_start_month: int) -> None:
        grid = budget_grid(self.pf, project_id, cutoff, fy_start_month=fy_start_month) if project_id else None
        self._reset(grid)

    def _reset(self, grid: BudgetGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.rows = []
        if grid:
            self.rows = [("line", c, s, f) for c, s in grid.lines for f in FIGURES]
            self.rows += [("total", tr("Total"), None, f) for f in (*FIGURES, "outturn")]
            self.rows += [("total", tr("{spend} total").format(spend=s), s, "outturn") for s in ("CAPEX", "OPEX")]
        self.endResetModel()

    @property
    def months(self) -> list[date]:
        return self.grid.months if self.grid else []

    def month_of(self, column: int) -> date | None:
        i = column - FIXED
        return self.months[i] if 0 <= i < len(self.months) else None

    # -- figures ------------------------------------------------------------------------------------------

    def amount(self, row: int, column: int) -> int | None:
        kind, label, spend, figure = self.rows[row]
        g = self.grid
        month = self.month_of(column)
        if kind == "line":
            if month is not None:
                return g.value(label, spend, month, figure)
            return g.total(figure, line=(label, spend))
        lines = [ln for ln in g.lines if spend is None or ln[1] == spend]
        months = [month] if month is not None else g.months
        if figure == "outturn":
            return sum(g.outturn(c, s, m) for c, s in lines for m in months)
        return sum(g.value(c, s, m, figure) or 0 for c, s in lines for m in months)

    # -- Qt model face ----------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.grid else FIXED + len(self.months) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        month = self.month_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section < FIXED:
                return (tr("Category"), tr("Type"), tr("Figure"))[section]
            if month is None:
                return tr("Total")
            kind = tr("actual") if self.grid.is_actual_month(month) else tr("forecast")
            return f"{self.month_text(month)}\n{kind}"
        if role == Qt.ItemDataRole.ToolTipRole and month is not None:
            return (tr("Actual month: actuals count towards EAC") if self.grid.is_actual_month(month)
                    else tr("Forecast month: forecasts (else the plan) count towards EAC"))
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        kind, label, spend, figure = self.rows[row]
        month = self.month_of(col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                if kind == "total":
                    return label
                return shown(label) if figure == "planned" else ""
            if col == 1:
                return spend if kind == "line" and figure == "planned" else ""
            if col == 2:
                return {"outturn": tr("Outturn (EAC)"), "planned": tr("Planned"), "actual": tr("Actual"),
                        "forecast": tr("Forecast")}[figure]
            value = self.amount(row, col)
            if role == Qt.ItemDataRole.EditRole:
                return "" if value is None else f"{value / 100:.2f}".rstrip("0").rstrip(".")
            return "" if value is None else format_money(value, self.currency, "full")
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= FIXED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if kind == "total":
                return QBrush(TOTAL_TINT)
            if month is not None:
                return QBrush(ACTUAL_TINT if self.grid.is_actual_month(month) else FORECAST_TINT)
        if role == Qt.ItemDataRole.ForegroundRole and figure in ("actual", "forecast") and month is not None:
            actual_month = self.grid.is_actual_month(month)
            if (figure == "forecast" and actual_month) or (figure == "actual" and not actual_month):
                return QBrush(MUTED)
        if role == Qt.ItemDataRole.FontRole and kind == "total":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (index.isValid() and not self.pf.read_only and self.rows[index.row()][0] == "line"
                and self.month_of(index.column()) is not None):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        return self.write([(index.row(), index.column(), value)]) is not None

    # -- writing ----------------------------------------------------------------------------------------

    def write(self, cells: list[tuple[int, int, object]], label: str | None = None) -> int | None:
        """Write (row, column, typed text) cells as one batch; reports problems, returns the batch id."""
        edits = []
        try:
            for row, col, text in cells:
                if row >= len(self.rows) or self.rows[row][0] != "line" or self.month_of(col) is None:
                    raise BudgetError(tr("only the monthly planned, actual and forecast cells can be edited"))
                _, category, spend, figure = self.rows[row]
                edits.append(BudgetEdit(category, spend, self.month_of(col), figure, parse_money(text)))
            batch = apply_budget_edits(self.pf, self.grid.project_id, edits, label=label)
        except (ValueProblem, PortfolioError) as exc:
            self.edit_failed.emit(str(exc))
            return None
        if batch is not None:
            self.batch_done.emit(batch)
        self.reload()
        return batch

    def reload(self) -> None:
        """Re-read the grid after a write; a new line resets the rows, otherwise cells just repaint."""
        if self.grid is None:
            return
        grid = budget_grid(self.pf, self.grid.project_id, self.grid.cutoff_month, self.grid.months)
        if grid.lines != self.grid.lines:
            self._reset(grid)
        else:
            self.grid = grid
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def add_line(self) -> int | None:
        """Add a budget line for the first cost category this project does not use yet (OPEX, else
        CAPEX), with a zero plan in the cut-off month; one undo step."""
        if self.grid is None:
            return None
        used = set(self.grid.lines)
        for spend in ("OPEX", "CAPEX"):
            for category in CostCategory:
                if (category.value, spend) not in used:
                    edit = BudgetEdit(category.value, spend, self.grid.cutoff_month, "planned", 0)
                    try:
                        batch = apply_budget_edits(self.pf, self.grid.project_id, [edit],
                                                   label=f"Add budget line {category.value} {spend}")
                    except PortfolioError as exc:
                        self.edit_failed.emit(str(exc))
                        return None
                    self.batch_done.emit(batch)
                    self.reload()
                    return batch
        self.edit_failed.emit(tr("this project already has a line for every cost category"))
        return None


class BudgetView(RereadOnShow, PortfolioView):
    editable = True

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self._seen_batch = -1
        self.setObjectName("budgetView")
        settings = self.portfolio.settings()
        self.currency = settings.get("currency") or "GBP"
        self.project_box = QComboBox()
        self.project_box.setObjectName("budgetProject")
        self.project_box.setMinimumContentsLength(40)
        self.project_box.currentIndexChanged.connect(self._project_changed)
        self.period_label = QLabel()
        self.totals_label = QLabel()
        self.totals_label.setObjectName("budgetTotals")
        self.model = BudgetModel(self.portfolio, self.currency, self)
        self.model.month_text = self.context.fmt.month
        self.model.edit_failed.connect(context.report_problem)
        self.model.batch_done.connect(context.history.record)
        self.model.modelReset.connect(self._update_totals)
        self.model.dataChanged.connect(lambda *_: self._update_totals())
        self.table = FrozenTableView(FIXED)  # category, type and figure stay put while months scroll
        self.table.setObjectName("budgetTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setMinimumHeight(40)
        self.table.setWordWrap(False)
        if not self.portfolio.read_only:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.AnyKeyPressed)
        else:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Project")))
        bar.addWidget(self.project_box, 2)
        bar.addWidget(self.period_label)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(bar)
        self.body = ProjectsOrEmpty(self.table, self, about=tr(
            "The budget: each project's CAPEX and OPEX lines month by month, planned, actual and forecast, with "
            "the outturn against the approved budget."))
        layout.addWidget(self.body, 1)
        layout.addWidget(self.totals_label)
        self.refresh()

    # -- PortfolioView face ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the store; while hidden, only note that the next show must re-read."""
        if not self.isVisible():
            self._seen_batch = -1
            return
        self._seen_batch = self.portfolio.last_batch_id()
        settings = self.portfolio.settings()
        self.fy_start_month = int(settings.get("fy_start_month") or 4)
        try:
            self.period = resolve_period(self.portfolio)
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return
        self.period_label.setText(tr("Period ending {date} ({fy} Q{quarter}): actuals to {month}, forecast after").format(
            date=self.context.fmt.date(self.period.end), fy=self.period.fy_label, quarter=self.period.quarter,
            month=self.context.fmt.month(self.period.cutoff_month)))
        current = self.selected_project_id()
        self.project_box.blockSignals(True)
        self.project_box.clear()
        for pid, code, name, _tasks in lookups.project_list(self.portfolio, budgeted_first=True):
            self.project_box.addItem(f"{code}  {name}", pid)
        if current is not None and self.project_box.findData(current) >= 0:
            self.project_box.setCurrentIndex(self.project_box.findData(current))
        self.project_box.blockSignals(False)
        self.body.show_empty(self.project_box.count() == 0)
        self._load()

    def summary(self) -> str:
        g = self.model.grid
        return tr("{lines} budget lines × {months} months").format(lines=len(g.lines), months=len(g.months)) if g else tr("No project")

    # -- projects ---------------------------------------------------------------------------------------

    def selected_project_id(self) -> int | None:
        """The project shown (the window's detail pane follows it)."""
        return self.project_box.currentData()

    def show_project(self, project_id: int) -> None:
        i = self.project_box.findData(project_id)
        if i >= 0:
            self.project_box.setCurrentIndex(i)

    def _project_changed(self, _index: int) -> None:
        self._load()

    def _load(self) -> None:
        self.model.load(self.selected_project_id(), self.period.cutoff_month, self.fy_start_month)
        self.table.resizeColumnsToContents()
        for c in range(FIXED, self.model.columnCount()):
            self.table.setColumnWidth(c, max(96, self.table.columnWidth(c)))
        self.table._refresh_frozen()
        self.summary_changed.emit()
        if self.selected_project_id() is not None:
            self.project_selected.emit(self.selected_project_id())  # the detail pane follows

    def _update_totals(self) -> None:
        g = self.model.grid
        if g is None:
            self.totals_label.setText("")
            return
        m = lambda v: format_money(v, self.currency)  # noqa: E731
        capex = sum(g.total("outturn", line=ln) for ln in g.lines if ln[1] == "CAPEX")
        opex = sum(g.total("outturn", line=ln) for ln in g.lines if ln[1] == "OPEX")
        self.totals_label.setText(
            tr("Planned {planned}   ·   Outturn (actual to date + forecast) {outturn}   ·   CAPEX {capex}   ·   OPEX {opex}")
            .format(planned=m(g.total("planned")), outturn=m(capex + opex), capex=m(capex), opex=m(opex)))

    # -- editing -----------------------------------------------------------------------------------------

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())

    def copy_text(self) -> str:
        indexes = self.table.selectionModel().selectedIndexes() or [self.table.currentIndex()]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        return to_tsv([[self.model.index(r, c).data(Qt.ItemDataRole.EditRole) for c in cols] for r in rows])

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> int | None:
        """Fill cells from the current cell rightwards and down (a block copied from Excel): one undo step."""
        grid = parse_tsv(text)
        current = self.table.currentIndex()
        if not grid or not current.isValid():
            return None
        if current.column() + len(grid[0]) > self.model.columnCount() - 1:
            self.context.report_problem(tr("the pasted block is {wide} months wide; only {fit} fit from here").format(
                wide=len(grid[0]), fit=self.model.columnCount() - 1 - current.column()))
            return None
        cells = [(current.row() + r, current.column() + c, value)
                 for r, row in enumerate(grid) for c, value in enumerate(row)]
        return self.model.write(cells, label=f"Paste {len(cells)} budget cells")

    def clear_cells(self) -> None:
        cells = [(i.row(), i.column(), None) for i in self.table.selectionModel().selectedIndexes()]
        if cells:
            self.model.write(cells, label="Clear budget cells")

    def add_row(self) -> None:
        self.model.add_line()

    def duplicate_rows(self) -> None:
        self.context.report_problem(tr("budget lines cannot be duplicated; copy the figures and paste them instead"))

    def delete_rows(self) -> None:
        """Clear the selected figures (planned becomes 0; actual and forecast become empty)."""
        self.clear_cells()
