"""The Benefits register: a register like Projects and RAID (gui/registers/: column chooser, saved layout,
editing in the table with one set of checks, copy/paste, sort, filter, search, undo), over the Qt-free
benefits/registers.py. What the numbers say (at risk when a delivering project slips or goes red) sits
beside the owner's status, in red with the reason as its tooltip; cash figures show as money, others in
their unit. Below: the selected benefit's measurements, a register of their own (edit a cell, add or
delete a month, each one undo step), and its planned, forecast and actual curve."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.benefits import register as reg
from pmo_desktop.benefits.realisation import as_of, portfolio_realisation
from pmo_desktop.benefits.registers import (
    AT_RISK,
    FIGURES,
    benefits_register,
    measurements_register,
    risk_reasons,
)
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.money import format_money
from pmo_desktop.gui.registers.delegates import RegisterDelegate
from pmo_desktop.gui.registers.register_model import RegisterModel
from pmo_desktop.gui.registers.register_view import RegisterView
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.views import ViewContext
from pmo_desktop.gui.widgets.clipboard import parse_tsv, to_tsv
from pmo_desktop.gui.widgets.tr import tr

PLAN, ACTUAL, FORECAST = "#90A4AE", "#37474F", "#5C6BC0"
_DISPLAY, _FOREGROUND, _FONT, _TOOLTIP = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole))


def draw_curve(ax, benefit, when: date, currency: str = "GBP"):
    """The benefit's planned, actual and forecast levels (held between measurements) against its target."""
    from matplotlib.ticker import FuncFormatter

    from pmo_desktop.finance.charts import month_formatter

    ax.set_title(f"{benefit.ref}: {benefit.title}" if benefit else tr("Select a benefit"), fontsize=9, loc="left")
    if benefit is None or not (benefit.planned or benefit.actual or benefit.forecast):
        ax.text(0.5, 0.5, tr("No measurements yet"), ha="center", va="center", transform=ax.transAxes, color="#546E7A")
        ax.set_axis_off()
        return []
    for series, colour, style, label in (("planned", PLAN, "-", tr("Planned")), ("actual", ACTUAL, "-", tr("Actual")),
                                         ("forecast", FORECAST, "--", tr("Forecast"))):
        points = sorted(getattr(benefit, series).items())
        if points:
            ax.step([p[0] for p in points], [p[1] for p in points], where="post", color=colour, linestyle=style,
                    linewidth=1.8, label=label, marker="o", markersize=3)
    if benefit.target is not None:
        ax.axhline(benefit.target, color="#2E7D32", linewidth=0.8, linestyle=":", label=tr("Target"))
    ax.axvline(when, color="#B0BEC5", linewidth=0.8, linestyle=":")
    ax.xaxis.set_major_formatter(month_formatter(current_language()))
    if benefit.is_cash:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_money(v * 100, currency)))
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.4g} {benefit.unit or ''}".strip()))
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=7, frameon=False, loc="best")
    ax.grid(True, axis="y", color="#ECEFF1")
    return []


def figure_text(value, cash: bool, unit: str | None, currency: str | None) -> str:
    """A level or gain as the analyst reads it: money for cash-releasing benefits, else in its unit."""
    if value is None:
        return ""
    if cash:
        return format_money(value * 100, currency or "GBP")
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"
    return f"{text} {unit}" if unit else text


class BenefitsModel(RegisterModel):
    """The register's rows; figures in money or their unit, 'At risk' in the palette's red, in bold."""

    reasons: dict[int, list[str]] = {}
    currency: str | None = None

    def load_columns(self) -> None:
        super().load_columns()
        keys = [c.key for c in self.columns]
        self._figures = {keys.index(k) for k in FIGURES if k in keys}
        self._risk_cols = {keys.index(k) for k in ("status", "derived_status") if k in keys}
        self._type, self._unit = keys.index("type"), keys.index("unit")

    def data(self, index, role=_DISPLAY):
        role = int(role)
        col = index.column() if index.isValid() else -1
        if role == _DISPLAY and col in self._figures:
            row = index.row()
            return figure_text(self.raw(row, col), self.raw(row, self._type) == "Cash-releasing",
                               self.raw(row, self._unit), self.currency)
        if col in self._risk_cols and role in (_FOREGROUND, _FONT, _TOOLTIP) and \
                self.raw(index.row(), col) == AT_RISK:
            if role == _FOREGROUND:
                return QBrush(QColor(Rag.RED.colour))
            if role == _FONT:
                font = QFont()
                font.setBold(True)
                return font
            reasons = self.reasons.get(self.row_id(index.row())) or []
            return "; ".join(said(r) for r in reasons) or tr("the owner says so")
        return super().data(index, role)


class MeasurementsModel(RegisterModel):
    """One benefit's levels per month end, shown as money for a cash-releasing benefit, else in its unit."""

    cash, unit, currency = False, None, None

    def data(self, index, role=_DISPLAY):
        if int(role) == _DISPLAY and index.isValid() and index.column() == 0:
            return self.fmt.date(self.raw(index.row(), 0))  # stored as the month end's ISO date
        if int(role) == _DISPLAY and index.isValid() and 1 <= index.column() <= 3:
            return figure_text(self.raw(index.row(), index.column()), self.cash, self.unit, self.currency)
        return super().data(index, role)


class BenefitsView(RegisterView):
    model_class = BenefitsModel

    def __init__(self, context: ViewContext, parent=None):
        pf = context.portfolio
        self.when = as_of(pf)
        self.reasons = risk_reasons(pf)
        super().__init__(context, benefits_register(pf, self.when, self.reasons), parent)
        self.setObjectName("benefitsView")
        self.model.reasons, self.model.currency = self.reasons, pf.settings().get("currency")
        self.headline = QLabel()
        self.headline.setObjectName("benefitsHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)

        # -- the selected benefit's measurements (a register of their own) and its curve ---------------
        self.measures = MeasurementsModel(pf, measurements_register(pf, None, self.when), context.fmt, self)
        self.measures.currency = self.model.currency
        self.measures.problem.connect(context.report_problem)
        self.measures.batch_done.connect(self._measured)
        self.measures_table = QTableView()
        self.measures_table.setObjectName("benefitMeasurements")
        self.measures_table.setModel(self.measures)
        self.measures_table.setItemDelegate(RegisterDelegate(self.measures_table))
        self.measures_table.verticalHeader().hide()
        self.measures_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.measures_table.setAlternatingRowColors(True)
        if not pf.read_only:
            self.measures_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                                | QAbstractItemView.EditTrigger.EditKeyPressed
                                                | QAbstractItemView.EditTrigger.AnyKeyPressed)
        date_width = max(96, self.fontMetrics().horizontalAdvance(context.fmt.date("2027-12-31")) + 18)
        for col, width in enumerate((date_width, 92, 92, 92, 150)):
            self.measures_table.setColumnWidth(col, width)
        self.measures_table.setToolTip(tr("The measure's level at each month end: type in a cell to change it"))
        self.measures_table.selectionModel().currentChanged.connect(lambda *_a: self._measure_buttons())
        QShortcut(QKeySequence.StandardKey.Delete, self.measures_table, self.delete_measurement,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.add_measure = QPushButton(tr("Add month"))
        self.add_measure.setObjectName("addMeasurement")
        self.add_measure.setToolTip(tr("Add the month after the last one measured"))
        self.add_measure.clicked.connect(self.add_measurement)
        self.delete_measure = QPushButton(tr("Delete measurement"))
        self.delete_measure.setObjectName("deleteMeasurement")
        self.delete_measure.setToolTip(tr("Remove the selected month's planned, forecast and actual values"))
        self.delete_measure.clicked.connect(lambda: self.delete_measurement())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_measure)
        buttons.addWidget(self.delete_measure)
        buttons.addStretch(1)
        measures_box = QVBoxLayout()
        measures_box.setContentsMargins(0, 0, 0, 0)
        measures_box.addWidget(self.measures_table, 1)
        measures_box.addLayout(buttons)
        self.chart = None  # matplotlib canvas, made on first show
        self.chart_box = QHBoxLayout()
        self.chart_box.setContentsMargins(0, 4, 0, 4)
        self.chart_box.addLayout(measures_box, 5)
        self.lower = QWidget()
        self.lower.setObjectName("benefitLower")
        self.lower.setLayout(self.chart_box)
        layout = self.layout()
        layout.removeWidget(self._stack)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self._stack)
        self.split.addWidget(self.lower)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout.insertWidget(1, self.headline)
        layout.addWidget(self.split, 1)
        self._show_headline()
        self._select_benefit()

    # -- reading ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        pf = self.portfolio
        self.when, self.reasons = as_of(pf), risk_reasons(pf)
        fresh = benefits_register(pf, self.when, self.reasons)
        self.model.reasons = self.reasons
        if [c.expr for c in fresh.columns] != [c.expr for c in self.register.columns]:
            self.register = self.model.register = fresh  # at risk now, or the reporting period moved
            self.reload_columns()
        super().refresh()
        self._show_headline()
        self._select_benefit()

    def _show_headline(self) -> None:
        data = portfolio_realisation(self.portfolio, when=self.when)
        cur = data["currency"] or "GBP"
        cash = data["cash"]
        vs = "" if cash["realised_vs_plan_pct"] is None else tr(" ({pct}% of plan)").format(
            pct=f"{cash['realised_vs_plan_pct']:.0f}")
        self.headline.setText(
            tr("<b>{count}</b> benefits · cash released to date <b>{realised}</b> against {planned} planned{vs} · "
               "forecast {forecast} of {target} · ").format(
                count=data["count"], realised=format_money(cash["realised_to_date"] * 100, cur),
                planned=format_money(cash["planned_to_date"] * 100, cur), vs=vs,
                forecast=format_money(cash["forecast"] * 100, cur), target=format_money(cash["target"] * 100, cur))
            + f"<span style='color:{Rag.RED.colour}; font-weight:600'>"
            + tr("{n} at risk").format(n=data["at_risk_count"]) + "</span>")
        self.headline.setVisible(data["count"] > 0)

    def current_benefit_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def current_ref(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.raw(index.row(), self.model.column_index("ref"))

    def select_ref(self, ref: str) -> bool:
        col = self.model.column_index("ref")
        for r in range(self.model.rowCount()):
            if self.model.raw(r, col) == ref:
                self.table.setCurrentIndex(self.model.index(r, 1))
                return True
        return False

    def selected_project_id(self) -> int | None:
        """The first project that delivers the selected benefit (the details pane shows it)."""
        bid = self.current_benefit_id()
        return None if bid is None else reg.first_project(self.portfolio, bid)

    def _current_row_changed(self, current, previous) -> None:
        super()._current_row_changed(current, previous)
        self._select_benefit()

    def _select_benefit(self) -> None:
        """Show the selected benefit's measurements and curve below the register."""
        if not hasattr(self, "measures"):
            return  # the register is still being built
        bid = self.current_benefit_id()
        row = self.table.currentIndex().row()
        self.measures.cash = bid is not None and self.model.raw(row, self.model.column_index("type")) == "Cash-releasing"
        self.measures.unit = None if bid is None else self.model.raw(row, self.model.column_index("unit"))
        self.measures.register = measurements_register(self.portfolio, bid, self.when)
        self.measures.refresh()
        self.lower.setVisible(self.model.total > 0)
        self._measure_buttons()
        self._draw()

    def current_measurement(self) -> str | None:
        """The period (ISO month end) of the selected measurement, or None."""
        index = self.measures_table.currentIndex()
        if not index.isValid() or index.row() >= self.measures.rowCount():
            return None
        return self.measures.raw(index.row(), 0)

    def _measure_buttons(self) -> None:
        writable = not self.portfolio.read_only and self.current_benefit_id() is not None
        self.add_measure.setEnabled(writable)
        self.delete_measure.setEnabled(writable and self.current_measurement() is not None)

    def _draw(self) -> None:
        if self.chart is None:
            if not self.isVisible():
                return  # drawn on first show: matplotlib costs a second to load
            from pmo_desktop.gui.finance.dashboard_view import make_canvas

            self.chart = make_canvas("benefit", lambda _t: None)
            self.chart.setMinimumSize(300, 180)
            self.chart_box.addWidget(self.chart, 7)
        ref = self.current_ref()
        benefit = next(iter(reg.load_benefits(self.portfolio, refs=[ref])), None) if ref else None
        self.chart.draw_with(draw_curve, benefit, self.when, self.portfolio.settings().get("currency") or "GBP")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.chart is None:
            self._draw()

    # -- writing the measurements -----------------------------------------------------------------

    def _measured(self, batch_id: int) -> None:
        """A measurement was written: record the undo step, re-read the figures and the curve."""
        self.context.history.record(batch_id)
        index = self.table.currentIndex()
        bid = self.current_benefit_id()
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the same benefit stays selected: its measurements are not re-read
        try:
            self.model.refresh()
            row = self.model.row_of(bid) if bid is not None else -1
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, index.column()))
        finally:
            selection.blockSignals(False)
        self._show_headline()
        self._draw()

    def add_measurement(self) -> list[int] | None:
        """Add the month after the last one measured (the reporting period's for the first) as one undo step."""
        if self.current_benefit_id() is None or self.portfolio.read_only:
            return None
        rows = self.measures.append_rows(1)
        if rows:
            self.measures.refresh()
            self.measures_table.setCurrentIndex(self.measures.index(self.measures.rowCount() - 1, 1))
        return rows

    def copy(self) -> None:
        if not self.measures_table.hasFocus():
            return super().copy()
        indexes = sorted(self.measures_table.selectionModel().selectedIndexes() or [self.measures_table.currentIndex()],
                         key=lambda i: (i.row(), i.column()))
        rows = sorted({i.row() for i in indexes if i.isValid()})
        cols = sorted({i.column() for i in indexes if i.isValid()})
        grid = [[self.measures.index(r, c).data(Qt.ItemDataRole.EditRole) for c in cols] for r in rows]
        QGuiApplication.clipboard().setText(to_tsv(grid))

    def paste(self) -> None:
        if not self.measures_table.hasFocus():
            return super().paste()
        self.paste_measurements(QGuiApplication.clipboard().text())

    def paste_measurements(self, text: str) -> int | None:
        """Paste months copied from Excel (period, planned, forecast, actual, note) into the measurements
        from the current cell: every value checked first, one undo step, rows past the end added."""
        grid = parse_tsv(text)
        if not grid or self.current_benefit_id() is None or self.portfolio.read_only:
            return None
        current = self.measures_table.currentIndex()
        top = current.row() if current.isValid() else self.measures.rowCount()
        start = current.column() if current.isValid() else 0
        if start + len(grid[0]) > self.measures.columnCount():
            self.context.report_problem(tr("the pasted block is {wide} columns wide; only {fit} fit from here").format(
                wide=len(grid[0]), fit=self.measures.columnCount() - start))
            return None
        cells = [(top + r, start + c, value) for r, row in enumerate(grid) for c, value in enumerate(row)]
        return self.measures.write_cells(cells)

    def delete_measurement(self) -> None:
        """Delete the selected measurement of the selected benefit (asks first; one undo step)."""
        ref, period = self.current_ref(), self.current_measurement()
        if ref is None or period is None or self.portfolio.read_only:
            return
        month = self.context.fmt.date(period)
        if not self.context.confirm(tr("Delete measurement"),
                                    tr("Delete the measurement of {ref} for {month}?").format(ref=ref, month=month)):
            return
        self.measures.delete_rows([self.measures_table.currentIndex().row()])
