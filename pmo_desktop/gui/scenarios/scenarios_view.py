"""The Scenarios view: build what-if scenarios over the book of work, compare up to four with live
(figures and charts), and apply one to live data as a single undo step.

Everything goes through pmo_desktop.scenarios, the same services as `pmo scenario`: building writes
only the scenario's own rows; the comparison reads (on the job runner: about a second at 10,000
projects); only Apply touches live data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.money import format_money
from pmo_desktop.governance.scoring import OPEN_STAGES, scoring_criteria
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.scenarios import compare_charts
from pmo_desktop.gui.scenarios.compare_charts import column_name
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.view_loader import ViewLoader
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.rows_model import RefreshWhenShown, RowsModel
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups
from pmo_desktop.scenarios import model
from pmo_desktop.scenarios.compare import MAX_COMPARED, compare
from pmo_desktop.store import PortfolioError


def comparison_rows(data: dict) -> list[list[str]]:
    """The side-by-side table: one row per figure, one column per scenario compared."""
    cols, cur = data["columns"], data["currency"]
    rows: list[list[str]] = []
    for fy in sorted({fy for c in cols for fy in c["spend_by_fy"]}):
        rows.append([tr("Spend {fy}").format(fy=fy), *(format_money(c["spend_by_fy"].get(fy, 0), cur) for c in cols)])
    rows.append([tr("Funded projects"), *(str(c["funding"]["funded_count"]) for c in cols)])
    rows.append([tr("Funded cost"), *(format_money(c["funding"]["funded_cost"], cur) for c in cols)])
    rows.append([tr("In / out against live"), *(f"+{len(c['funding']['newly_in'])} / -{len(c['funding']['newly_out'])}"
                                           for c in cols)])
    rows.append([tr("Over-allocated person-days"), *(f"{c['capacity']['over_days']:,.0f}" for c in cols)])
    rows.append([tr("Spare person-days"), *(f"{c['capacity']['under_days']:,.0f}" for c in cols)])
    for fy in sorted({fy for c in cols for fy in c["benefits_by_fy"]}):
        rows.append([tr("Cash benefits {fy}").format(fy=fy), *(format_money(c["benefits_by_fy"].get(fy, 0) * 100, cur) for c in cols)])
    rows.append([tr("Strategic alignment (1-5)"), *("n/a" if c["alignment"]["strategic_alignment"] is None
                                                else f"{c['alignment']['strategic_alignment']:.2f}" for c in cols)])
    rows.append([tr("Mean weighted score"), *("n/a" if c["alignment"]["mean_weighted_score"] is None
                                          else f"{c['alignment']['mean_weighted_score']:.2f}" for c in cols)])
    return rows


class ScenariosView(RefreshWhenShown, PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("scenariosView")
        self.comparison: dict | None = None
        self.loader = ViewLoader(self, tr("Comparing scenarios"))
        # -- left: the scenarios --
        self.scenario_list = QListWidget()
        self.scenario_list.setObjectName("scenarioList")
        self.scenario_list.currentItemChanged.connect(lambda *_: self._show_changes())
        self.scenario_list.itemChanged.connect(lambda _i: self._compare_marks_changed())
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("new", tr("New…"), self.ask_new), ("delete", tr("Delete"), self.delete_current),
                                ("compare", tr("Compare"), self.compare_marked), ("apply", tr("Apply to live…"), self.apply_current)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(slot)
        left = QVBoxLayout()
        heading = QLabel(tr("<b>Scenarios</b>: tick up to four to compare with live"))
        heading.setWordWrap(True)
        left.addWidget(heading)
        left.addWidget(self.scenario_list, 1)
        row = QHBoxLayout()
        for key in ("new", "delete"):
            row.addWidget(self.buttons[key])
        left.addLayout(row)
        row = QHBoxLayout()
        for key in ("compare", "apply"):
            row.addWidget(self.buttons[key])
        left.addLayout(row)
        # -- middle: the selected scenario's changes, and the form that adds one --
        self.changes = RowsModel([tr("Code"), tr("Project"), tr("Changes")], self)
        self.changes_table = QTableView()
        self.changes_table.setObjectName("scenarioChanges")
        self.changes_table.setModel(self.changes)
        self.changes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes_table.verticalHeader().hide()
        header = self.changes_table.horizontalHeader()  # codes and changes whole; names take the rest
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.changes_table.selectionModel().currentRowChanged.connect(self._change_picked)
        self.project_box = QComboBox()
        self.project_box.setObjectName("scenarioProject")
        self.project_box.setEditable(True)
        # thousands of long project names must not size the form
        self.project_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.project_box.setMinimumContentsLength(18)
        self.project_box.lineEdit().setPlaceholderText(tr("pick or type a project code"))
        self.defer_box = QSpinBox()
        self.defer_box.setRange(0, model.MAX_DEFER_MONTHS)
        self.defer_box.setSuffix(tr(" months"))
        self.cancel_box = QCheckBox(tr("Cancel"))
        self.fund_box = QCheckBox(tr("Fund whatever its rank"))
        self.budget_edit = QLineEdit()
        self.budget_edit.setPlaceholderText(tr("-10% or 250k or -1.5m"))
        self.criterion_box = QComboBox()
        self.criterion_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criterion_box.setMinimumContentsLength(12)
        self.score_box = QSpinBox()
        self.score_box.setRange(0, 5)
        self.score_box.setSpecialValueText(tr("unchanged"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #C62828; font-weight: 600;")
        self.set_button = QPushButton(tr("Set change"))
        self.set_button.clicked.connect(self.set_change_from_form)
        self.clear_button = QPushButton(tr("Remove project's changes"))
        self.clear_button.clicked.connect(self.clear_change)
        form = QFormLayout()
        form.addRow(tr("Project"), self.project_box)
        form.addRow(tr("Defer by"), self.defer_box)
        form.addRow("", self.cancel_box)
        form.addRow("", self.fund_box)
        form.addRow(tr("Budget change"), self.budget_edit)
        score_row = QHBoxLayout()
        score_row.addWidget(self.criterion_box, 1)
        score_row.addWidget(self.score_box)
        form.addRow(tr("Score"), score_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.clear_button)
        form.addRow(buttons)
        form.addRow(self.problem)
        change_group = QGroupBox(tr("Change a project in this scenario"))
        change_group.setLayout(form)
        middle = QVBoxLayout()
        self.changes_title = QLabel()
        self.changes_title.setWordWrap(True)
        middle.addWidget(self.changes_title)
        middle.addWidget(self.changes_table, 1)
        # -- below: the comparison, table beside charts --
        self.compare_title = QLabel(tr("Tick scenarios and press Compare."))
        self.compare_title.setWordWrap(True)
        self.compare_model = RowsModel([tr("Figure"), tr("live")], self)
        self.compare_table = QTableView()
        self.compare_table.setObjectName("scenarioComparison")
        self.compare_table.setModel(self.compare_model)
        self.compare_table.verticalHeader().hide()
        self.compare_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.charts: dict = {}
        self.chart_grid = QGridLayout()
        self.team_box = QComboBox()  # capacity for every team, or one team month by month
        self.team_box.setObjectName("scenarioTeam")
        self.team_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team_box.setToolTip(tr("Capacity for every team, or one team month by month"))
        self.team_box.currentIndexChanged.connect(lambda _i: self._draw_capacity())
        top = QSplitter(Qt.Orientation.Horizontal)
        for lay in (left, middle):
            holder = QWidget()
            holder.setLayout(lay)
            top.addWidget(holder)
        top.addWidget(change_group)
        top.setSizes([180, 380, 310])
        top.setStretchFactor(1, 2)
        charts_holder = QWidget()
        charts_holder.setLayout(self.chart_grid)
        self.charts_scroll = QScrollArea()  # a short window scrolls the charts rather than clipping them
        self.charts_scroll.setObjectName("scenarioCharts")
        self.charts_scroll.setWidgetResizable(True)
        self.charts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.charts_scroll.setWidget(charts_holder)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.compare_table)
        bottom.addWidget(self.charts_scroll)
        bottom.setSizes([450, 550])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.compare_title, 1)
        title_row.addWidget(QLabel(tr("Capacity by month for:")))
        title_row.addWidget(self.team_box)
        lower_layout.addLayout(title_row)
        lower_layout.addWidget(bottom, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(lower)
        split.setSizes([330, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.body = ProjectsOrEmpty(split, self, about=tr(
            "Scenarios: what-if changes to the book of work (cancel, defer or fund a project, change its budget or "
            "score) compared with the live portfolio on spend, benefits and capacity, before any is applied."))
        layout.addWidget(self.body)
        self.watch_changes()
        self.refresh()

    # -- reading --------------------------------------------------------------------------------------

    def refresh(self, *_args) -> None:
        pf = self.portfolio
        self.body.show_empty()
        current = self.current_name()
        marked = set(self.marked_names())
        self.scenario_list.blockSignals(True)
        self.scenario_list.clear()
        for name in model.scenario_names(pf):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in marked else Qt.CheckState.Unchecked)
            self.scenario_list.addItem(item)
            if name == current:
                self.scenario_list.setCurrentItem(item)
        if self.scenario_list.currentItem() is None and self.scenario_list.count():
            self.scenario_list.setCurrentRow(0)
        widest = max((self.scenario_list.fontMetrics().horizontalAdvance(n) for n in model.scenario_names(pf)), default=0)
        self.scenario_list.setMinimumWidth(min(280, max(160, widest + 48)))  # names whole (up to a limit), any language
        self.scenario_list.blockSignals(False)
        text = self.project_box.currentText()
        self.project_box.clear()
        for code, name in lookups.open_project_choices(pf, OPEN_STAGES):
            self.project_box.addItem(f"{code}  {name}", code)
        self.project_box.setCurrentText(text)
        self.criterion_box.clear()
        for c in scoring_criteria(pf):
            self.criterion_box.addItem(shown(c["name"]), c["id"])
        writable = not pf.read_only
        for widget in (self.buttons["new"], self.buttons["delete"], self.buttons["apply"], self.set_button,
                       self.clear_button):
            widget.setEnabled(writable)
        self._show_changes()
        self.summary_changed.emit()

    def current_name(self) -> str | None:
        item = self.scenario_list.currentItem()
        return item.text() if item is not None else None

    def marked_names(self) -> list[str]:
        return [self.scenario_list.item(i).text() for i in range(self.scenario_list.count())
                if self.scenario_list.item(i).checkState() == Qt.CheckState.Checked]

    def select(self, name: str) -> None:
        for i in range(self.scenario_list.count()):
            if self.scenario_list.item(i).text() == name:
                self.scenario_list.setCurrentRow(i)

    def mark(self, name: str, on: bool = True) -> None:
        for i in range(self.scenario_list.count()):
            item = self.scenario_list.item(i)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _show_changes(self) -> None:
        name = self.current_name()
        if name is None:
            self.changes.set_rows([])
            self.changes_title.setText(tr("No scenarios yet: press New… to start one."))
            return
        scenario = model.load_scenario(self.portfolio, name)
        names = lookups.project_names(self.portfolio)
        items = sorted(scenario.changes.values(), key=lambda c: c.code)
        self.changes.set_rows([[c.code, names.get(c.project_id, ""), ", ".join(self._change_text(d) for d in c.describe())] for c in items],
                              keys=[c.code for c in items])
        self.changes_title.setText(tr("<b>{name}</b>: {n} project(s) changed; live data is untouched until you apply it.")
                                   .format(name=name, n=len(items)))

    def _change_text(self, part: str) -> str:
        """One part of a project's change as the user reads it: 'defer 3m', or a score 'Benefit=4'."""
        key, eq, value = part.partition("=")
        if eq:
            names = {c["id"]: c["name"] for c in scoring_criteria(self.portfolio)}
            return f"{shown(names.get(key, key))}={value}"
        return said(part)

    def _change_picked(self, current, _previous) -> None:
        code = self.changes.key(current.row()) if current.isValid() else None
        if code:
            index = self.project_box.findData(code)
            if index >= 0:
                self.project_box.setCurrentIndex(index)

    def _compare_marks_changed(self) -> None:
        if len(self.marked_names()) > MAX_COMPARED:
            self.problem.setText(tr("Compare at most {n} scenarios at once.").format(n=MAX_COMPARED))

    def summary(self) -> str:
        return tr("{n} scenarios").format(n=self.scenario_list.count())

    # -- building -------------------------------------------------------------------------------------

    def _done(self, select: str | None = None) -> None:
        self.context.history.record(self.portfolio.last_batch_id())
        self.problem.setText("")
        self.refresh()
        if select:
            self.select(select)
        if self.comparison is not None:
            self.compare_marked()  # keep the figures shown in step with what was built

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.comparison is None and self.scenario_list.count() and not self.loader.loading:
            self.compare_marked()

    def _fail(self, exc: Exception) -> bool:
        text = said(str(exc))
        self.problem.setText(text[:1].upper() + text[1:])
        return False

    def ask_new(self) -> None:
        name, ok = QInputDialog.getText(self, tr("New scenario"), tr("Name of the scenario:"))
        if ok and name.strip():
            self.new_scenario(name.strip())

    def new_scenario(self, name: str) -> bool:
        try:
            model.new_scenario(self.portfolio, name)
        except PortfolioError as exc:
            return self._fail(exc)
        self._done(name)
        return True

    def delete_current(self) -> bool:
        name = self.current_name()
        if name is None or not self.context.confirm(tr("Delete scenario"), tr("Delete scenario '{name}'? Live data is not touched.").format(name=name)):
            return False
        try:
            model.delete_scenario(self.portfolio, name)
        except PortfolioError as exc:
            return self._fail(exc)
        self._done()
        return True

    def project_code(self) -> str:
        code = self.project_box.currentData()
        text = self.project_box.currentText().strip()
        if code and text.startswith(code):
            return code
        return text.split()[0] if text else ""

    def set_change_from_form(self) -> bool:
        name = self.current_name()
        if name is None:
            return self._fail(model.ScenarioError(tr("make a scenario first (New…)")))
        score = self.score_box.value()
        scores = {self.criterion_box.currentData(): score} if score else {}
        try:
            model.set_change(self.portfolio, name, self.project_code(),
                             defer=self.defer_box.value() if self.defer_box.value() else None,
                             cancel=self.cancel_box.isChecked(), fund=self.fund_box.isChecked(),
                             budget=self.budget_edit.text().strip() or None, scores=scores)
        except PortfolioError as exc:
            return self._fail(exc)
        for box in (self.cancel_box, self.fund_box):
            box.setChecked(False)
        self.defer_box.setValue(0)
        self.budget_edit.clear()
        self.score_box.setValue(0)
        self._done(name)
        return True

    def clear_change(self) -> bool:
        name = self.current_name()
        if name is None:
            return False
        try:
            model.set_change(self.portfolio, name, self.project_code(), clear=True)
        except PortfolioError as exc:
            return self._fail(exc)
        self._done(name)
        return True

    # -- comparing and applying -------------------------------------------------------------------------

    def compare_marked(self) -> None:
        names = self.marked_names() or ([self.current_name()] if self.current_name() else [])
        if len(names) > MAX_COMPARED:
            self._fail(model.ScenarioError(tr("compare at most {n} scenarios at once (and live)").format(n=MAX_COMPARED)))
            return
        if not names:
            self._fail(model.ScenarioError(tr("make a scenario first (New…)")))
            return
        pf = self.portfolio
        self.loader.load(lambda: compare(pf, ["live", *names]), self.show_comparison, self._fail_text)

    def _fail_text(self, message: str) -> None:
        message = said(message)
        self.problem.setText(message[:1].upper() + message[1:])

    def show_comparison(self, data: dict) -> None:
        self.comparison = data
        self.problem.setText("")
        names = [c["name"] for c in data["columns"]]
        self.compare_model.headers = [tr("Figure"), *(column_name(c) for c in data["columns"])]
        self.compare_model.set_rows(comparison_rows(data))
        self.compare_model.right_aligned = set(range(1, len(names) + 1))
        self.compare_table.setColumnWidth(0, max(170, self.compare_table.sizeHintForColumn(0)))  # every figure whole
        metrics = self.compare_table.horizontalHeader().fontMetrics()
        for col, name in enumerate(names, start=1):
            self.compare_table.setColumnWidth(col, max(88, metrics.horizontalAdvance(name) * 11 // 10 + 28))  # bold
        self.compare_title.setText(tr("As at {date} (actuals to {month}): live against {names}").format(
            date=self.context.fmt.date(data["as_of"]), month=self.context.fmt.month(f"{data['cutoff_month']}-01"),  # cutoff_month is YYYY-MM
            names=", ".join(names[1:])))
        if not self.charts:
            from pmo_desktop.gui.finance.dashboard_view import make_canvas

            for i, key in enumerate(("spend", "benefits", "capacity")):
                self.charts[key] = make_canvas(f"scenario_{key}", lambda _t: None)
                self.chart_grid.addWidget(self.charts[key], i // 2, i % 2, 1, 2 if key == "capacity" else 1)
            self.chart_grid.setRowStretch(0, 1)
            self.chart_grid.setRowStretch(1, 1)
            self.chart_grid.activate()  # size the scrolled charts now, not on a later pass (no clipped first paint)
            self.charts_scroll.widget().resize(self.charts_scroll.widget().sizeHint().expandedTo(
                self.charts_scroll.viewport().size()))
        self.charts["spend"].draw_with(compare_charts.spend_by_fy, data)
        self.charts["benefits"].draw_with(compare_charts.benefits_by_fy, data)
        team = self.team_box.currentData()
        teams = list(data["columns"][0]["capacity"]["teams"]) if data["columns"] else []
        self.team_box.blockSignals(True)
        self.team_box.clear()
        self.team_box.addItem(tr("every team (totals)"), None)
        for name in teams:
            self.team_box.addItem(name, name)
        self.team_box.setCurrentIndex(max(0, self.team_box.findData(team)) if team in teams else 0)
        self.team_box.blockSignals(False)
        self._draw_capacity()

    def _draw_capacity(self) -> None:
        if self.comparison is None or "capacity" not in self.charts:
            return
        team = self.team_box.currentData()
        if team is None:
            self.charts["capacity"].draw_with(compare_charts.capacity, self.comparison)
            return
        title = tr("{team}: spare person-days by month (over-allocated in red, below 0)").format(team=team)
        self.charts["capacity"].draw_with(compare_charts.capacity_by_month, self.comparison, team, title,
                                          current_language(), self.context.fmt.date_format)

    def apply_current(self) -> bool:
        from pmo_desktop.scenarios.apply import apply_scenario

        name = self.current_name()
        if name is None:
            return False
        if not self.context.confirm(tr("Apply scenario"), tr("Write scenario '{name}' into the live portfolio? "
                                                             "It is one step: Undo puts everything back.").format(name=name)):
            return False
        try:
            apply_scenario(self.portfolio, name)
        except PortfolioError as exc:
            return self._fail(exc)
        self._done(name)
        return True
