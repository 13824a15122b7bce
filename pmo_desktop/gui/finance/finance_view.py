"""The portfolio financial summary: a sortable table per project or per programme with budget,
actual, forecast, EAC and variance, CPI/SPI, and the manager's and derived cost and schedule RAGs.

Rows come from finance.portfolio_summary (the same figures as `pmo summary` and the board pack).
The variance % cell is coloured by the derived cost RAG (with its letter); "n/a" marks a figure
that cannot be computed (no budget, nothing to divide by), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.money import NOT_AVAILABLE, format_money, format_pct, format_ratio
from pmo_desktop.finance import derive_cost_rag, portfolio_summary, resolve_period
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.view_loader import ViewLoader
from pmo_desktop.gui.shell.views import PortfolioView, RereadOnShow, ViewContext
from pmo_desktop.gui.widgets.frozen_table import FrozenTableView
from pmo_desktop.gui.widgets.period_box import PeriodBox
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr
from pmo_desktop.store import PortfolioError

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: str = "text"  # text, money, pct, ratio, months, rag, int


PROJECT_COLUMNS = [
    Col("code", QT_TRANSLATE_NOOP("", "Code")), Col("name", QT_TRANSLATE_NOOP("", "Project")), Col("programme", QT_TRANSLATE_NOOP("", "Programme")), Col("stage", QT_TRANSLATE_NOOP("", "Stage")),
    Col("approved_budget", QT_TRANSLATE_NOOP("", "Budget"), "money"), Col("eac", "EAC", "money"), Col("variance", QT_TRANSLATE_NOOP("", "Variance"), "money"),
    Col("variance_pct", QT_TRANSLATE_NOOP("", "Var %"), "pct"), Col("cost_rag", QT_TRANSLATE_NOOP("", "Cost RAG (mgr / derived)"), "rag"),
    Col("schedule_rag", QT_TRANSLATE_NOOP("", "Schedule RAG (mgr / derived)"), "rag"), Col("cpi", "CPI", "ratio"), Col("spi", "SPI", "ratio"),
    Col("actual_to_date", QT_TRANSLATE_NOOP("", "Actual to date"), "money"), Col("forecast_remaining", QT_TRANSLATE_NOOP("", "Forecast remaining"), "money"),
    Col("planned_to_date", QT_TRANSLATE_NOOP("", "Planned to date"), "money"), Col("burn_rate", QT_TRANSLATE_NOOP("", "Burn / month"), "money"),
    Col("runway_months", QT_TRANSLATE_NOOP("", "Runway (months)"), "months"),
]
PROGRAMME_COLUMNS = [
    Col("label", QT_TRANSLATE_NOOP("", "Programme")), Col("projects", QT_TRANSLATE_NOOP("", "Projects"), "int"), Col("approved_budget", QT_TRANSLATE_NOOP("", "Budget"), "money"),
    Col("eac", "EAC", "money"), Col("variance", QT_TRANSLATE_NOOP("", "Variance"), "money"), Col("variance_pct", QT_TRANSLATE_NOOP("", "Var %"), "pct"),
    Col("actual_to_date", QT_TRANSLATE_NOOP("", "Actual to date"), "money"), Col("forecast_remaining", QT_TRANSLATE_NOOP("", "Forecast remaining"), "money"),
    Col("planned_to_date", QT_TRANSLATE_NOOP("", "Planned to date"), "money"), Col("burn_rate", QT_TRANSLATE_NOOP("", "Burn / month"), "money"),
    Col("runway_months", QT_TRANSLATE_NOOP("", "Runway (months)"), "months"),
]


def _rag_text(pair: dict) -> str:
    manager = Rag(pair["manager"]).letter if pair["manager"] in {r.value for r in Rag} else "–"
    derived = pair["derived"] or NOT_AVAILABLE
    return f"{manager} / {derived}" + ("  ≠" if pair["differs"] else "")


class FinanceTableModel(QAbstractTableModel):
    def __init__(self, currency: str, thresholds: dict | None, parent=None):
        super().__init__(parent)
        self.currency = currency
        self.thresholds = thresholds
        self.columns: list[Col] = PROJECT_COLUMNS
        self.rows: list[dict] = []

    def set_rows(self, columns: list[Col], rows: list[dict]) -> None:
        self.beginResetModel()
        self.columns, self.rows = columns, rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return shown(self.columns[section].header)
        return None

    def text(self, row: int, column: int) -> str:
        col, value = self.columns[column], self.rows[row].get(self.columns[column].key)
        if col.kind == "money":
            return format_money(value, self.currency)
        if col.key == "variance_pct":
            return self.variance_text(row)
        if col.kind == "pct":
            return format_pct(value, signed=True)
        if col.kind == "ratio":
            return format_ratio(value)
        if col.kind == "months":
            return NOT_AVAILABLE if value is None else f"{value:.1f}"
        if col.kind == "rag":
            return _rag_text(value)
        if col.key == "stage":
            return shown(value) or ""
        return "" if value is None else str(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        col = self.columns[column]
        value = self.rows[row].get(col.key)
        if role == Qt.ItemDataRole.DisplayRole:  # "n/a" (a figure that cannot be worked out) in the user's language
            return self.text(row, column).replace(NOT_AVAILABLE, tr("n/a"))
        if role == SORT_ROLE:
            if col.kind == "rag":
                return Rag(value["derived"]).severity if value["derived"] else -1
            if value is None:
                return float("-inf") if col.kind != "text" else ""
            return value if col.kind != "text" else str(value).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind not in ("text", "rag"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col.key == "variance_pct" and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            rag = derive_cost_rag(value, self.thresholds)
            if rag is None:
                return None
            colour = rag.colour if role == Qt.ItemDataRole.BackgroundRole else rag.text_colour
            return QBrush(QColor(colour))
        if col.kind == "rag" and role == Qt.ItemDataRole.ForegroundRole and value["differs"]:
            return QBrush(QColor(Rag.RED.colour))
        if col.key == "variance_pct" and role == Qt.ItemDataRole.ToolTipRole:
            rag = derive_cost_rag(value, self.thresholds)
            return tr("Derived cost RAG: {rag}").format(rag=shown(rag.label) if rag else NOT_AVAILABLE)
        return None

    def variance_text(self, row: int) -> str:
        """The Var % cell as shown, with the derived RAG letter (for tests and copying)."""
        value = self.rows[row].get("variance_pct")
        rag = derive_cost_rag(value, self.thresholds)
        return f"{rag.letter if rag else ''} {format_pct(value, signed=True)}".strip()


class FinanceView(RereadOnShow, PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self._seen_batch = -1
        self.setObjectName("financeView")
        settings = self.portfolio.settings()
        self.model = FinanceTableModel(settings.get("currency") or "GBP", settings.get("cost_rag"), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.level = QComboBox()
        self.level.setObjectName("financeLevel")
        self.level.addItem(tr("By project"), "projects")
        self.level.addItem(tr("By programme"), "programmes")
        self.level.currentIndexChanged.connect(lambda _i: self._fill())
        self.period_box = PeriodBox()
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.table = FrozenTableView(2)  # code and name stay put while the figures scroll
        self.table.setObjectName("financeTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # widths from 200 rows, not 10,000
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        bar = QHBoxLayout()
        bar.addWidget(self.level)
        bar.addWidget(self.period_box)
        bar.addWidget(self.header, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(bar)
        figures = QWidget()
        inner = QVBoxLayout(figures)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.totals)
        self.body = ProjectsOrEmpty(figures, self, about=tr(
            "The financial summary: each project's budget, actuals, forecast, EAC and variance for the period, "
            "with its cost and schedule RAG, by project or by programme."))
        layout.addWidget(self.body, 1)
        self.summary_data: dict | None = None
        self.loader = ViewLoader(self, tr("Reading the financial summary"), on_cancelled=self._forget)

    def refresh(self) -> None:
        """Re-read the store; while hidden, only note that the next show must re-read."""
        if not self.isVisible():
            self._seen_batch = -1
            return
        self._seen_batch = self.portfolio.last_batch_id()
        self.body.show_empty()
        self.period_box.fill(self.portfolio)
        try:
            period = resolve_period(self.portfolio, self.period_box.period(), require_data=False)
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return
        pf = self.portfolio
        self.loader.load(lambda: (period, portfolio_summary(pf, period.end, require_data=False)), self._show,
                         self.context.report_problem)

    def _forget(self) -> None:
        self._seen_batch = -1

    def _show(self, figures) -> None:
        period, self.summary_data = figures
        s = self.summary_data
        self.header.setText(tr("{fy} Q{quarter}: actuals to {month}, forecast after. Var % coloured by the derived "
                               "cost RAG; ≠ where the manager's RAG differs.").format(
            fy=period.fy_label, quarter=period.quarter, month=self.context.fmt.month(period.cutoff_month)))
        t, cur = s["totals"], s["currency"]
        self.totals.setText(
            tr("Portfolio: budget {budget} · actual {actual} · forecast {forecast} · EAC {eac} · variance {variance} "
               "({pct})").format(budget=format_money(t["approved_budget"], cur), actual=format_money(t["actual_to_date"], cur),
                                 forecast=format_money(t["forecast_remaining"], cur), eac=format_money(t["eac"], cur),
                                 variance=format_money(t["variance"], cur), pct=format_pct(t["variance_pct"], signed=True)))
        self._fill()

    def _fill(self) -> None:
        if not self.summary_data:
            return
        if self.level.currentData() == "programmes":
            self.model.set_rows(PROGRAMME_COLUMNS, self.summary_data["programmes"])
        else:
            self.model.set_rows(PROJECT_COLUMNS, self.summary_data["projects"])
        self.table.resizeColumnsToContents()
        self.table._refresh_frozen()
        self.summary_changed.emit()

    def sort_by(self, key: str, descending: bool = True) -> None:
        column = [c.key for c in self.model.columns].index(key)
        self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def row_values(self, key: str) -> list:
        """The column `key` in the order shown (after sorting)."""
        column = [c.key for c in self.model.columns].index(key)
        return [self.proxy.index(r, column).data(SORT_ROLE) for r in range(self.proxy.rowCount())]

    def selected_project_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.level.currentData() != "projects":
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]["id"]

    def _row_changed(self, *_args) -> None:
        pid = self.selected_project_id()
        if pid is not None:
            self.project_selected.emit(pid)

    def summary(self) -> str:
        if not self.summary_data:
            return ""
        if self.level.currentData() == "programmes":
            return tr("{n} programmes").format(n=self.model.rowCount())
        return tr("{n} projects").format(n=self.model.rowCount())
