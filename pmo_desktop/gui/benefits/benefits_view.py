"""The Benefits register: every benefit with its owner's status and, beside it, what the numbers say
(at risk when a delivering project slips or goes red), realised against target, and the selected
benefit's planned, forecast and actual curve. Figures come from benefits.realisation, the same as
`pmo benefits` and the board pack; edits go through the benefits service, one undo step each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.benefits import register as reg
from pmo_desktop.benefits.model import STATUSES, TYPES
from pmo_desktop.benefits.realisation import as_of, portfolio_realisation
from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.money import format_money
from pmo_desktop.gui.benefits.benefit_dialogs import BenefitDialog, MeasurementDialog
from pmo_desktop.gui.registers.empty_state import BodyOrEmpty, EmptyState, open_import
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.rows_model import KEY_ROLE, RefreshWhenShown, RowsModel
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr
from pmo_desktop.registers import lookups
from pmo_desktop.store import PortfolioError

ANY = ""
AT_RISK = "At risk"
HEADERS = [QT_TRANSLATE_NOOP("", "Ref"), QT_TRANSLATE_NOOP("", "Benefit"), QT_TRANSLATE_NOOP("", "Type"),
           QT_TRANSLATE_NOOP("", "Owner"), QT_TRANSLATE_NOOP("", "Delivered by"), QT_TRANSLATE_NOOP("", "Owner says"),
           QT_TRANSLATE_NOOP("", "Numbers say"), QT_TRANSLATE_NOOP("", "Realised / now"), QT_TRANSLATE_NOOP("", "Target"),
           QT_TRANSLATE_NOOP("", "Progress"), QT_TRANSLATE_NOOP("", "Target date"), QT_TRANSLATE_NOOP("", "Expected")]
COL_DERIVED = 6
PLAN, ACTUAL, FORECAST = "#90A4AE", "#37474F", "#5C6BC0"


def _value(b: dict, key: str, currency: str) -> str:
    v = b[key]
    if v is None:
        return ""
    if b["type"] == "Cash-releasing":
        return format_money(v * 100, currency)
    text = f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.1f}"
    return f"{text} {b['unit']}" if b["unit"] else text


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


class BenefitsModel(RowsModel):
    """Rows of the register; 'At risk' (the owner's or the numbers') in the palette's red, in bold."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() in (COL_DERIVED - 1, COL_DERIVED) and \
                self.rows[index.row()][index.column()] == AT_RISK:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(Rag.RED.colour))
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


class BenefitsView(RefreshWhenShown, PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("benefitsView")
        self.data: dict | None = None
        self.rows: list[dict] = []
        self.search_box = QLineEdit()
        self.search_box.setObjectName("quickSearch")
        self.search_box.setPlaceholderText(tr("Search benefits…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._fill)
        self.type_box = QComboBox()
        self.type_box.addItem(tr("All types"), ANY)
        for t in TYPES:
            self.type_box.addItem(shown(t), t)
        self.type_box.currentIndexChanged.connect(self._fill)
        self.status_box = QComboBox()
        self.status_box.addItem(tr("All statuses"), ANY)
        for s in STATUSES:
            self.status_box.addItem(shown(s), s)
        self.status_box.currentIndexChanged.connect(self._fill)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("add", tr("Add…"), self.add), ("edit", tr("Edit…"), self.edit),
                                ("measure", tr("Record measurement…"), lambda: self.measure()),
                                ("delete", tr("Delete"), self.delete)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(slot)
        self.headline = QLabel()
        self.headline.setObjectName("benefitsHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.model = BenefitsModel([shown(h) for h in HEADERS], self, right_aligned={7, 8, 9})
        self.table = QTableView()
        self.table.setObjectName("benefitsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for col, width in enumerate((58, 210, 100, 120, 116, 96, 104, 110, 84, 70, 92, 92)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.chart = None  # matplotlib canvas, made on first show
        self.chart_box = QHBoxLayout()
        self.measures = RowsModel([tr("Period"), tr("Planned"), tr("Forecast"), tr("Actual")], self, right_aligned={1, 2, 3})
        self.measures_table = QTableView()
        self.measures_table.setObjectName("benefitMeasurements")
        self.measures_table.setModel(self.measures)
        self.measures_table.verticalHeader().hide()
        self.measures_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.measures_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        date_width = max(96, self.fontMetrics().horizontalAdvance(context.fmt.date("2027-12-31")) + 18)  # 2027年12月31日
        self.measures_table.setMaximumWidth(284 + date_width)
        for col, width in enumerate((date_width, 84, 84, 84)):
            self.measures_table.setColumnWidth(col, width)
        self.measures_table.setToolTip(tr("The measure's level at each month end; double-click to change one"))
        self.measures_table.doubleClicked.connect(lambda i: self.measure(self.measures.key(i.row())))
        self.measures_table.selectionModel().currentRowChanged.connect(lambda *_a: self._measure_buttons())
        self.delete_measure = QPushButton(tr("Delete measurement"))
        self.delete_measure.setObjectName("deleteMeasurement")
        self.delete_measure.setToolTip(tr("Remove the selected month's planned, forecast and actual values"))
        self.delete_measure.clicked.connect(lambda: self.delete_measurement())
        self.delete_measure.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Delete, self.measures_table, self.delete_measurement,
                  context=Qt.ShortcutContext.WidgetShortcut)
        measures_box = QVBoxLayout()
        measures_box.addWidget(self.measures_table, 1)
        measures_box.addWidget(self.delete_measure, 0, Qt.AlignmentFlag.AlignLeft)
        self.chart_box.addLayout(measures_box)
        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 2)
        bar.addWidget(self.type_box)
        bar.addWidget(self.status_box)
        bar.addStretch(1)
        for b in self.buttons.values():
            bar.addWidget(b)
        chart_holder = QWidget()
        chart_holder.setLayout(self.chart_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(chart_holder)
        split.setSizes([520, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        register = QWidget()
        inner = QVBoxLayout(register)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.headline)
        inner.addWidget(split, 1)
        empty = EmptyState("", tr("Benefits: what the projects are meant to deliver (cash released, costs avoided, "
                                  "better service), each with an owner, a target and a date, measured period by "
                                  "period against its plan."), "", add=self.add, import_=lambda: open_import(self),
                           texts=(tr("No benefits yet"), tr("Add benefit…"), tr("Import from Excel…")))
        self.body = BodyOrEmpty(register, empty, needs=(
            self.search_box, self.type_box, self.status_box, self.buttons["edit"], self.buttons["measure"],
            self.buttons["delete"]))
        layout.addWidget(self.body, 1)
        self.watch_changes()
        self.refresh()

    # -- reading ------------------------------------------------------------------------------------

    def refresh(self, *_args) -> None:
        pf = self.portfolio
        self.when = as_of(pf)
        self.data = portfolio_realisation(pf, when=self.when)
        self.benefits = {b.ref: b for b in reg.load_benefits(pf)}
        self.description = reg.benefit_descriptions(pf)
        cur = self.data["currency"] or "GBP"
        cash = self.data["cash"]
        vs = "" if cash["realised_vs_plan_pct"] is None else tr(" ({pct}% of plan)").format(pct=f"{cash['realised_vs_plan_pct']:.0f}")
        self.headline.setText(
            tr("<b>{count}</b> benefits · cash released to date <b>{realised}</b> against {planned} planned{vs} · "
               "forecast {forecast} of {target} · ").format(
                count=self.data["count"], realised=format_money(cash["realised_to_date"] * 100, cur),
                planned=format_money(cash["planned_to_date"] * 100, cur), vs=vs,
                forecast=format_money(cash["forecast"] * 100, cur), target=format_money(cash["target"] * 100, cur))
            + f"<span style='color:{Rag.RED.colour}; font-weight:600'>"
            + tr("{n} at risk").format(n=self.data["at_risk_count"]) + "</span>")
        for key in ("add", "edit", "measure", "delete"):
            self.buttons[key].setEnabled(not pf.read_only)
        self.body.empty.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))
        self.body.show_page(self.body.body if self.data["count"] else self.body.empty, tr("There are no benefits yet"))
        self._fill()
    def _fill(self, *_args) -> None:
        if self.data is None:
            return
        text = self.search_box.text().strip().casefold()
        kind, status = self.type_box.currentData(), self.status_box.currentData()
        style = self.portfolio.settings().get("date_format")
        lang = current_language()
        cur = self.data["currency"] or "GBP"
        self.rows = [b for b in self.data["benefits"]
                     if (not kind or b["type"] == kind)
                     and (not status or b["status"] == status or b["derived_status"] == status)
                     and (not text or text in " ".join(str(b[k] or "") for k in ("ref", "title", "owner", "measure"))
                          .casefold() or any(text in c.casefold() for c in b["projects"]))]
        table = [[b["ref"], b["title"], shown(b["type"]), b["owner"], ", ".join(b["projects"]), shown(b["status"]),
                  shown(b["derived_status"]), _value(b, "realised_to_date" if b["type"] == "Cash-releasing" else "actual_level", cur),
                  _value(b, "target", cur),
                  "" if b["progress_pct"] is None else f"{b['progress_pct']:.0f}%",
                  format_date(b["target_date"], style, lang=lang), format_date(b["expected_date"], style, lang=lang)]
                 for b in self.rows]
        self.model.set_rows(table, keys=self.rows)
        for r, b in enumerate(self.rows):
            if b["derived_status"] == AT_RISK:
                self.model.tooltips[(r, COL_DERIVED)] = "; ".join(said(x) for x in b["risk_reasons"]) or tr("the owner says so")
        self.summary_changed.emit()

    def summary(self) -> str:
        return tr("{n} of {count} benefits").format(n=f"{len(self.rows):,}", count=f"{self.data['count'] if self.data else 0:,}")

    def current_benefit(self) -> dict | None:
        index = self.table.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def select_ref(self, ref: str) -> bool:
        for r in range(self.model.rowCount()):
            if self.model.key(r)["ref"] == ref:
                self.table.selectRow(r)
                return True
        return False

    def _current_changed(self, current, _previous) -> None:
        b = current.data(KEY_ROLE) if current.isValid() else None
        self._draw(b)
        if b and b["projects"]:
            project_id = lookups.project_id(self.portfolio, b["projects"][0])
            if project_id is not None:
                self.project_selected.emit(project_id)

    def _fill_measures(self, b: dict | None) -> None:
        benefit = self.benefits.get(b["ref"]) if b else None
        if benefit is None:
            self.measures.set_rows([])
            self._measure_buttons()
            return
        style = self.portfolio.settings().get("date_format")
        cur = (self.data or {}).get("currency") or "GBP"
        periods = sorted(set(benefit.planned) | set(benefit.forecast) | set(benefit.actual), reverse=True)

        def amount(value):
            if value is None:
                return ""
            return format_money(value * 100, cur) if benefit.is_cash else f"{value:,.4g}"

        lang = current_language()
        self.measures.set_rows(
            [[format_date(p, style, lang=lang), amount(benefit.planned.get(p)), amount(benefit.forecast.get(p)),
              amount(benefit.actual.get(p))] for p in periods],
            keys=[{"period": p.isoformat(), "planned": benefit.planned.get(p), "forecast": benefit.forecast.get(p),
                   "actual": benefit.actual.get(p)} for p in periods])
        self._measure_buttons()

    def current_measurement(self) -> dict | None:
        index = self.measures_table.currentIndex()
        return self.measures.key(index.row()) if index.isValid() else None

    def _measure_buttons(self) -> None:
        self.delete_measure.setEnabled(not self.portfolio.read_only and self.current_measurement() is not None)

    def _draw(self, b: dict | None) -> None:
        self._fill_measures(b)
        if self.chart is None:
            from pmo_desktop.gui.finance.dashboard_view import make_canvas

            self.chart = make_canvas("benefit", lambda _t: None)
            self.chart.setMinimumSize(300, 200)
            self.chart_box.addWidget(self.chart)
        self.chart.draw_with(draw_curve, self.benefits.get(b["ref"]) if b else None, self.when,
                             (self.data or {}).get("currency") or "GBP")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.chart is None:
            self._draw(self.current_benefit())

    # -- writing ------------------------------------------------------------------------------------

    def _after_write(self, ref: str | None = None) -> None:
        self.context.history.record(self.portfolio.last_batch_id())
        self.refresh()
        if ref:
            self.select_ref(ref)

    def benefit_dialog(self, benefit: dict | None = None) -> BenefitDialog:
        if benefit is not None:
            benefit = {**benefit, "description": self.description.get(benefit["ref"])}
        return BenefitDialog(self.portfolio, benefit, date_style=self.portfolio.settings().get("date_format"),
                             parent=self)

    def add(self) -> None:
        dialog = self.benefit_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_write(dialog.ref)

    def edit(self) -> None:
        b = self.current_benefit()
        if b is None or self.portfolio.read_only:
            return
        dialog = self.benefit_dialog(b)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_write(b["ref"])

    def measurement_dialog(self, ref: str, existing: dict | None = None) -> MeasurementDialog:
        period = existing["period"][:7] if existing else self.when.isoformat()[:7]
        return MeasurementDialog(self.portfolio, ref, period, values=existing, parent=self)

    def measure(self, existing: dict | None = None) -> None:
        """Record a measurement for the selected benefit (this period's, or the one double-clicked)."""
        b = self.current_benefit()
        if b is None or self.portfolio.read_only:
            return
        if self.measurement_dialog(b["ref"], existing or None).exec() == QDialog.DialogCode.Accepted:
            self._after_write(b["ref"])

    def delete_measurement(self) -> None:
        """Delete the selected measurement of the selected benefit (one undo step)."""
        b, m = self.current_benefit(), self.current_measurement()
        if b is None or m is None or self.portfolio.read_only:
            return
        month = format_date(m["period"], self.portfolio.settings().get("date_format"))
        if not self.context.confirm(tr("Delete measurement"),
                                    tr("Delete the measurement of {ref} for {month}?").format(ref=b["ref"],
                                                                                              month=month)):
            return
        try:
            reg.delete_measurement(self.portfolio, b["ref"], m["period"])
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return
        self._after_write(b["ref"])

    def delete(self) -> None:
        b = self.current_benefit()
        if b is None or self.portfolio.read_only:
            return
        if not self.context.confirm(tr("Delete benefit"), tr("Delete {ref} ({title}) and its measurements?").format(
                ref=b["ref"], title=b["title"])):
            return
        try:
            reg.delete_benefit(self.portfolio, b["ref"])
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return
        self._after_write()

