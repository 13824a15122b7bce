"""The capacity view: the people x months heatmap with the allocations behind a cell, the list of
over-allocations, demand against capacity by role, and "who has skill X free in this range".

All figures come from pmo_desktop.capacity (the same functions as `pmo capacity` and `pmo who`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.capacity import maths, queries
from pmo_desktop.capacity.model import CapacityInputError
from pmo_desktop.capacity.people import set_allocation
from pmo_desktop.domain import workdays
from pmo_desktop.domain.dates import format_month
from pmo_desktop.domain.enums import Source
from pmo_desktop.domain.values import format_money
from pmo_desktop.gui.capacity.capacity_heatmap import (
    BAND_COLOURS,
    BAND_LABELS,
    BAND_WORDS,
    CapacityHeatmap,
    month_text,
    pct_text,
)
from pmo_desktop.gui.registers.empty_state import BodyOrEmpty, EmptyState
from pmo_desktop.gui.shell.views import PortfolioView, RereadOnShow, ViewContext
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups
from pmo_desktop.store import PortfolioError
from pmo_desktop.store.changelog import batch_changed

ALL_TEAMS = "All teams"


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list], numeric: set[int] = frozenset(), editable: int | None = None) -> None:
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c != editable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.blockSignals(False)


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


class CapacityView(RereadOnShow, PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("capacityView")
        self.grid: maths.CapacityGrid | None = None
        self.over: list[maths.OverAllocation] = []
        self.labels: dict[int, tuple[str, str]] = {}
        self.first = workdays.add_months(queries.default_first_month(self.portfolio), -1)  # the period's month on
        self.months = 12
        self.team: str | None = None
        self.group_by = "team"
        self._seen_batch = -1

        self.from_box = QComboBox()
        self.from_box.setObjectName("capacityFrom")
        for i in range(-12, 25):
            m = workdays.add_months(self.first, i)
            self.from_box.addItem(self._month(m), m)
        self.from_box.setCurrentIndex(12)
        self.months_box = QSpinBox()
        self.months_box.setRange(1, 36)
        self.months_box.setValue(self.months)
        self.months_box.setSuffix(tr(" months"))
        self.team_box = QComboBox()
        self.team_box.setObjectName("capacityTeam")
        self.group_box = QComboBox()
        self.group_box.addItem(tr("Group by team"), "team")
        self.group_box.addItem(tr("Group by role"), "role")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        for w in (QLabel(tr("From")), self.from_box, self.months_box, self.team_box, self.group_box):
            bar.addWidget(w)
        bar.addStretch(1)
        for band in (maths.UNDER, maths.FULL, maths.OVER):
            fill, text = BAND_COLOURS[band]
            chip = QLabel(shown(BAND_LABELS[band]))
            chip.setStyleSheet(f"background: {fill}; color: {text}; padding: 2px 8px; border-radius: 3px;")
            bar.addWidget(chip)

        self.heatmap = CapacityHeatmap()
        self.heatmap.date_format = context.fmt.date_format
        self.heatmap.cell_selected.connect(self._show_cell)
        self.cell_title = QLabel(tr("Select a cell to see the allocations behind it."))
        self.cell_title.setObjectName("cellTitle")
        self.cell_title.setWordWrap(True)
        self.cell_table = _table([tr("Project"), tr("Project name"), tr("Allocation"), tr("Days"), tr("Cost")], "cellAllocations")
        self.cell_table.itemChanged.connect(self._amount_edited)
        if not self.portfolio.read_only:
            self.cell_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                            | QAbstractItemView.EditTrigger.EditKeyPressed
                                            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.project_box = QLineEdit()
        self.project_box.setPlaceholderText(tr("Project code, e.g. PRJ-104"))
        self.project_box.setMinimumWidth(220)
        self.amount_box = QLineEdit()
        self.amount_box.setPlaceholderText(tr("Amount"))
        self.amount_box.setMaximumWidth(90)
        allocate = QPushButton(tr("Allocate"))
        allocate.setToolTip(tr("Add or change this person's allocation to the project in this month (0 removes it)"))
        allocate.clicked.connect(lambda: self.allocate(self.project_box.text(), self.amount_box.text()))
        self.allocate_row = QWidget()
        row = QHBoxLayout(self.allocate_row)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.project_box, self.amount_box, allocate):
            row.addWidget(w)
        row.addStretch(1)
        self.allocate_row.setVisible(False)
        cell_page = QWidget()
        box = QVBoxLayout(cell_page)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.cell_title)
        box.addWidget(self.cell_table, 1)
        box.addWidget(self.allocate_row)
        self.over_table = _table([tr("Person"), tr("Team"), tr("Month"), tr("Allocated days"), tr("Available days"), tr("Utilisation"),
                                  tr("Excess days"), tr("Projects")], "overAllocations")
        self.over_table.cellDoubleClicked.connect(lambda r, _c: self.go_to_over_allocation(r))
        self.demand_table = _table([tr("Role")], "demandByRole")
        self.tabs = QTabWidget()
        self.tabs.addTab(cell_page, tr("Behind the cell"))
        self.tabs.addTab(self.over_table, tr("Over-allocations"))
        self.tabs.addTab(self.demand_table, tr("Demand vs capacity by role"))
        self.tabs.addTab(self._who_page(), tr("Who is free?"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.heatmap)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addLayout(bar)
        empty = EmptyState("", tr("Capacity: each person's allocated days against the days they are available, month "
                                  "by month, by team or by role, with the over-allocations and who is free. Add people "
                                  "(with their FTE) and allocate them to projects to see it."), "",
                           add=lambda: self._to_people(False), import_=lambda: self._to_people(True),
                           texts=(tr("No people yet"), tr("Add person"), tr("Import people…")))
        self.body = BodyOrEmpty(split, empty, needs=(self.from_box, self.months_box, self.team_box, self.group_box))
        layout.addWidget(self.body, 1)

        self.refresh()
        self.from_box.currentIndexChanged.connect(lambda _i: self.set_range(self.from_box.currentData(),
                                                                            self.months_box.value()))
        self.months_box.valueChanged.connect(lambda n: self.set_range(self.from_box.currentData(), n))
        self.team_box.currentIndexChanged.connect(lambda _i: self.set_team(self.team_box.currentData()))
        self.group_box.currentIndexChanged.connect(lambda _i: self.set_group_by(self.group_box.currentData()))

    def _who_page(self) -> QWidget:
        page = QWidget()
        self.skill_box = QLineEdit()
        self.skill_box.setPlaceholderText(tr("Skill, e.g. Python"))
        self.level_box = QSpinBox()
        self.level_box.setRange(1, 5)
        self.level_box.setPrefix(tr("level ≥ "))
        self.fte_box = QDoubleSpinBox()
        self.fte_box.setRange(0, 1)
        self.fte_box.setSingleStep(0.1)
        self.fte_box.setValue(0.2)
        self.fte_box.setPrefix(tr("free ≥ "))
        self.fte_box.setSuffix(tr(" FTE"))
        find = QPushButton(tr("Find"))
        find.clicked.connect(lambda: self.find_free(self.skill_box.text(), self.level_box.value(),
                                                    self.fte_box.value()))
        self.skill_box.returnPressed.connect(find.click)
        self.who_table = _table([tr("Person"), tr("Role"), tr("Team"), tr("Skill"), tr("Level"), tr("Least free FTE")], "whoIsFree")
        row = QHBoxLayout()
        for w in (self.skill_box, self.level_box, self.fte_box, find):
            row.addWidget(w)
        row.addStretch(1)
        box = QVBoxLayout(page)
        box.setContentsMargins(6, 6, 6, 6)
        box.addLayout(row)
        box.addWidget(self.who_table, 1)
        return page

    # -- state ------------------------------------------------------------------------------------------

    def set_range(self, first: date, months: int) -> None:
        self.first, self.months = first.replace(day=1), months
        for box, setter, value in ((self.from_box, self.from_box.setCurrentIndex, self.from_box.findData(self.first)),
                                   (self.months_box, self.months_box.setValue, months)):
            box.blockSignals(True)
            if value != -1:
                setter(value)
            box.blockSignals(False)
        self._reopen()

    def set_team(self, team: str | None) -> None:
        self.team = team
        self._reopen()

    def set_group_by(self, key: str) -> None:
        self.group_by = key
        self.group_box.blockSignals(True)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(key)))
        self.group_box.blockSignals(False)
        self._reopen()

    def _reopen(self) -> None:
        """A new range, team or grouping: the old cell means something else, so start afresh."""
        self.heatmap.current = None
        self.refresh()

    def refresh(self) -> None:
        pf = self.portfolio
        self.team_box.blockSignals(True)
        self.team_box.clear()
        self.team_box.addItem(tr("All teams"), None)
        used = lookups.teams_in_use(pf)
        for team in used:
            self.team_box.addItem(team, team)
        if self.team not in used:
            self.team = None
        self.team_box.setCurrentIndex(max(0, self.team_box.findData(self.team)))
        self.team_box.blockSignals(False)
        last = workdays.add_months(self.first, self.months - 1)
        try:
            self.grid = queries.capacity_grid(pf, self.first, last, team=self.team)
        except CapacityInputError as exc:
            self.context.report_problem(str(exc))
            return
        self.labels = queries.project_labels(pf)
        self.unit = pf.settings().get("allocation_unit", "fte")
        current = self.heatmap.current
        self.heatmap.date_format = self.context.fmt.date_format  # the setting may have changed since
        for i in range(self.from_box.count()):
            self.from_box.setItemText(i, self._month(self.from_box.itemData(i)))
        self.heatmap.set_grid(self.grid, self.group_by)
        self.over = maths.over_allocations(self.grid)
        self._fill_over()
        self._fill_demand()
        self.who_table.setRowCount(0)
        if current is None and self.over:
            self.go_to_over_allocation(0)  # the worst over-allocation is explained below the grid ...
            self.heatmap.verticalScrollBar().setValue(0)  # ... while the grid opens at the top, A to Z
        elif self.heatmap.current is not None:
            self._show_cell(*self.heatmap.current)
        else:
            self.cell_table.setRowCount(0)
        self._seen_batch = self.portfolio.last_batch_id()
        self.body.empty.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))
        nobody = not self.grid.people and self.team is None
        self.body.show_page(self.body.empty if nobody else self.body.body, tr("There are no people yet"))
        self.summary_changed.emit()

    def _month(self, month: date, *, full: bool = False) -> str:
        return month_text(month, self.context.fmt.date_format, full=full)

    def _to_people(self, import_: bool) -> None:
        """The next step from an empty capacity view: the People register, adding or importing people."""
        window = self.window()
        if hasattr(window, "show_view"):
            window.show_view("people")
            people = window.current_view()
            people._choose_import() if import_ else people.add_row()

    def summary(self) -> str:
        if self.grid is None:
            return ""
        months = self.grid.months
        people = {o.person.id for o in self.over}
        return tr("{people} people · {first} to {last} · {over} over-allocated person-months ({over_people} people)").format(
            people=f"{len(self.grid.people):,}", first=self._month(months[0]), last=self._month(months[-1]),
            over=f"{len(self.over):,}", over_people=f"{len(people):,}")

    # -- panes ------------------------------------------------------------------------------------------

    def _show_cell(self, row: int, col: int) -> None:
        grid, line = self.grid, self.heatmap.rows[row]
        month = grid.months[col]
        cap, alloc, util, band = self.heatmap.cell(row, col)
        band_word = shown(BAND_WORDS.get(band, "no capacity and no work"))
        heading = tr("{who} · {month}: {alloc} days allocated of {cap} available ({pct}, {band}) · {days} working days").format(
            who=line.group or line.label, month=self._month(month, full=True), alloc=f"{alloc:.1f}", cap=f"{cap:.1f}",
            pct=pct_text(util), band=band_word, days=grid.working_days[col])
        if line.person is None:
            self.cell_table.setColumnCount(5)
            self.cell_table.setHorizontalHeaderLabels([tr("Person"), tr("Role"), tr("Available days"), tr("Allocated days"),
                                                       tr("Utilisation")])
            rows = []
            for r in range(row + 1, len(self.heatmap.rows)):
                member = self.heatmap.rows[r]
                if member.person is None:
                    break
                c, a, u, _b = self.heatmap.cell(r, col)
                rows.append([member.label, grid.people[member.person].role, f"{c:.1f}", f"{a:.1f}", pct_text(u)])
            _fill(self.cell_table, rows, {2, 3, 4})
            self.allocate_row.setVisible(False)
        else:
            person = grid.people[line.person]
            heading += f" · {person.fte:g} FTE"
            if cap < person.fte * grid.working_days[col] - 1e-9:
                heading += tr(", {days} days' leave or part-time").format(days=f"{person.fte * grid.working_days[col] - cap:.1f}")
            self.cell_table.setColumnCount(5)
            unit = tr("Hours") if self.unit == "hours" else "FTE"
            self.cell_table.setHorizontalHeaderLabels([tr("Project"), tr("Project name"), unit, tr("Days"), tr("Cost")])
            rows = []
            for a in grid.cells.get((line.person, col), []):
                code, name = self.labels.get(a.project_id, (str(a.project_id), ""))
                days = grid.days_of(a)
                cost = "" if person.day_rate is None else format_money(round(days * person.day_rate / 100) * 100,
                                                                         self.context.fmt.currency_symbol)
                rows.append([code, name, f"{a.amount:g}", f"{days:.1f}", cost])
            _fill(self.cell_table, rows, {2, 3, 4}, editable=None if self.portfolio.read_only else 2)
            self.allocate_row.setVisible(not self.portfolio.read_only)
            self.amount_box.setPlaceholderText(unit)
        self.cell_title.setText(heading)
        self.tabs.setCurrentIndex(0)

    def _amount_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            code = self.cell_table.item(item.row(), 0).text()
            if self.allocate(code, item.text()) is None:
                self._show_cell(*self.heatmap.current)  # put the shown value back

    def allocate(self, project: str, amount: str | float) -> int | None:
        """Set the selected person's allocation to `project` in the selected month (0 removes it), as
        one undo step. Returns the batch id (0 when nothing changed), or None when refused."""
        if self.heatmap.current is None or self.heatmap.rows[self.heatmap.current[0]].person is None:
            self.context.report_problem(tr("select a person's month first"))
            return None
        row, col = self.heatmap.current
        person = self.grid.people[self.heatmap.rows[row].person]
        month = self.grid.months[col]
        pf = self.portfolio
        try:
            with pf.batch(Source.UI, f"Allocate {person.name} to {project.strip()} in {format_month(month)}") as batch_id:
                set_allocation(pf, project, month, amount, person=person.name)
        except (CapacityInputError, PortfolioError) as exc:
            self.context.report_problem(str(exc))
            return None
        if not batch_changed(pf.conn, batch_id):
            return 0
        self.context.history.record(batch_id)
        self.refresh()
        return batch_id

    def cell_rows(self) -> list[list[str]]:
        return table_rows(self.cell_table)

    def _fill_over(self) -> None:
        rows = []
        for o in self.over:
            projects = ", ".join(f"{self.labels.get(a.project_id, ('?',))[0]} {self.grid.days_of(a):.1f}d"
                                 for a in o.allocations)
            rows.append([o.person.name, o.person.team or "", self._month(o.month), f"{o.allocated_days:.1f}",
                         f"{o.capacity_days:.1f}", pct_text(o.utilisation), f"{o.excess_days:+.1f}", projects])
        _fill(self.over_table, rows, {3, 4, 5, 6})
        self.tabs.setTabText(1, tr("Over-allocations ({n})").format(n=f"{len(rows):,}"))

    def go_to_over_allocation(self, index: int) -> None:
        o = self.over[index]
        row = self.heatmap.row_of_person(self.grid.row_of(o.person.id))
        self.heatmap.select(row, self.grid.months.index(o.month))

    def _fill_demand(self) -> None:
        roles = maths.demand_by_role(self.grid)
        months = self.grid.months
        self.demand_table.setColumnCount(len(months) + 1)
        self.demand_table.setHorizontalHeaderLabels([tr("Role (demand / capacity, FTE)")] +
                                                    [self._month(m) for m in months])
        self.demand_table.setRowCount(len(roles))
        for r, (role, cells) in enumerate(roles.items()):
            self.demand_table.setItem(r, 0, QTableWidgetItem(role))
            for c, g in enumerate(cells, start=1):
                item = QTableWidgetItem(f"{g.allocated_fte:.1f} / {g.capacity_fte:.1f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                fill, text = BAND_COLOURS[g.band]
                item.setBackground(QColor(fill))
                item.setForeground(QColor(text))
                item.setToolTip(tr("{role}, {month}: demand {demand} days (including unstaffed) against {cap} days ({pct})").format(
                    role=role, month=self._month(months[c - 1], full=True), demand=f"{g.allocated_days:.1f}",
                    cap=f"{g.capacity_days:.1f}", pct=pct_text(g.utilisation)))
                self.demand_table.setItem(r, c, item)
        self.demand_table.resizeColumnsToContents()

    def demand_rows(self) -> list[list[str]]:
        return table_rows(self.demand_table)

    def find_free(self, skill: str, level: int = 1, fte: float = 0.0) -> list[maths.FreePerson]:
        if not skill.strip():
            self.context.report_problem(tr("type a skill to search for"))
            return []
        for box, setter, value in ((self.skill_box, self.skill_box.setText, skill),
                                   (self.level_box, self.level_box.setValue, level),
                                   (self.fte_box, self.fte_box.setValue, fte)):
            box.blockSignals(True)
            setter(value)
            box.blockSignals(False)
        found = maths.who_is_free(self.grid, skill, min_level=level, min_free_fte=fte)
        _fill(self.who_table, [[f.person.name, f.person.role or "", f.person.team or "", f.skill, f.level,
                                f"{f.min_free_fte:.2f}"] for f in found], {4, 5})
        self.tabs.setCurrentIndex(3)
        return found
