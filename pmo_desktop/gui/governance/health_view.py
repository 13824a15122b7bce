"""The Health view: the PMO's audit findings (the same rules as `pmo check`), with click-through.

Findings are listed per project, worst first. Selecting one shows its project in the detail pane;
double-clicking it (or Enter, or "Go to record") opens the offending record in its register.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QSize, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.checks import run_checks
from pmo_desktop.domain.enums import Rag
from pmo_desktop.governance.health import RULES
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.navigate import go_to_record, project_of
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.chips import chip_icon
from pmo_desktop.gui.widgets.rows_model import KEY_ROLE, RefreshWhenShown, RowsModel
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_CHIP = {"error": Rag.RED, "warning": Rag.AMBER, "info": Rag.BLUE}
SEVERITY_ROW = {"error": "#FBE9E7", "warning": None, "info": None}
ALL = "(all)"
RECORD_NAMES = {"projects": QT_TRANSLATE_NOOP("", "Project"), "tasks": QT_TRANSLATE_NOOP("", "Plan task"),
                "status_reports": QT_TRANSLATE_NOOP("", "Status report"), "gate_reviews": QT_TRANSLATE_NOOP("", "Gate review"),
                "budget_lines": QT_TRANSLATE_NOOP("", "Budget line"), "raid_items": QT_TRANSLATE_NOOP("", "RAID item")}
SEVERITY_NAMES = {"error": QT_TRANSLATE_NOOP("", "Error"), "warning": QT_TRANSLATE_NOOP("", "Warning"),
                  "info": QT_TRANSLATE_NOOP("", "Info")}
SEVERITY_PLURALS = {"error": QT_TRANSLATE_NOOP("", "Errors"), "warning": QT_TRANSLATE_NOOP("", "Warnings"),
                    "info": QT_TRANSLATE_NOOP("", "Infos")}


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.severity = ALL
        self.rule = ALL
        self.text = ""

    def filterAcceptsRow(self, row, parent):
        finding = self.sourceModel().key(row)
        if self.severity != ALL and finding.severity != self.severity:
            return False
        if self.rule != ALL and finding.rule != self.rule:
            return False
        if self.text:
            title = RULES[finding.rule].title
            hay = (f"{finding.project or ''} {finding.message} {title} {said(finding.message)} {said(title)}").casefold()
            return self.text in hay
        return True


class HealthView(RefreshWhenShown, PortfolioView):
    def __init__(self, context: ViewContext, parent=None, *, today: date | None = None):
        super().__init__(context, parent)
        self.setObjectName("healthView")
        self.today = today
        self.findings = []
        self.headline = QLabel()
        self.headline.setObjectName("detailSubtitle")
        self.search_box = QLineEdit()
        self.search_box.setObjectName("quickSearch")
        self.search_box.setPlaceholderText(tr("Search findings…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        self.search_box.textChanged.connect(self._filter_changed)
        self.severity_box = QComboBox()
        self.severity_box.addItem(tr("All severities"), ALL)
        for sev in SEVERITY_ORDER:
            self.severity_box.addItem(chip_icon(SEVERITY_CHIP[sev]), shown(SEVERITY_PLURALS[sev]), sev)
        self.severity_box.currentIndexChanged.connect(self._filter_changed)
        self.rule_box = QComboBox()
        self.rule_box.addItem(tr("All rules"), ALL)
        for rid, rule in RULES.items():
            self.rule_box.addItem(said(rule.title), rid)
        self.rule_box.currentIndexChanged.connect(self._filter_changed)
        self.rerun_button = QPushButton(tr("Run checks again"))
        self.rerun_button.clicked.connect(self.refresh)
        self.go_button = QPushButton(tr("Go to record"))
        self.go_button.setObjectName("goToRecord")
        self.go_button.clicked.connect(self.open_current)

        self.model = RowsModel([tr("Severity"), tr("Project"), tr("Rule"), tr("Finding"), tr("Record")], self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("healthTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A finding is read whole on a laptop: its text (and the rule's) wraps onto more lines, the row as
        # tall as it needs, rather than ending in "…" with the rest only in a tooltip. Only the rows in sight
        # are measured (when shown, scrolled, filtered or resized): measuring thousands of findings on every
        # resize took seconds.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        self.table.setIconSize(QSize(29, 18))
        self.table.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 12)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self._fit_later = QTimer(self, singleShot=True, interval=0)
        self._fit_later.timeout.connect(self.fit_rows_in_sight)
        self.table.verticalScrollBar().valueChanged.connect(self._fit_later.start)
        self.table.horizontalHeader().sectionResized.connect(self._fit_later.start)
        self.proxy.layoutChanged.connect(self._fit_later.start)
        self.proxy.modelReset.connect(self._fit_later.start)
        self.table.viewport().installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((96, 90, 190, 500, 120)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.activated.connect(lambda _i: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search_box, 2)
        bar.addWidget(self.severity_box)
        bar.addWidget(self.rule_box, 1)
        bar.addStretch(1)
        bar.addWidget(self.go_button)
        bar.addWidget(self.rerun_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        findings = QWidget()
        inner = QVBoxLayout(findings)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.headline)
        inner.addWidget(self.table, 1)
        self.body = ProjectsOrEmpty(findings, self, needs=(self.search_box, self.severity_box, self.rule_box,
                                                           self.go_button, self.rerun_button), about=tr(
            "Health checks: the portfolio's data checked against its rules (missing owners and dates, plans that "
            "disagree with the register, stale status reports, overdue gates), each finding with the record to fix."))
        layout.addWidget(self.body, 1)
        self.watch_changes()
        self.refresh()

    # -- the PortfolioView face -----------------------------------------------------------------------

    def refresh(self) -> None:
        result = run_checks(self.portfolio, today=self.today or date.today(), integrity=False,
                            lang=self.context.fmt.language)
        self.findings = sorted(result.findings, key=lambda f: (
            f.project is None, f.project or "", SEVERITY_ORDER.get(f.severity, 3), f.rule))
        rows, backgrounds = [], []
        for f in self.findings:
            record = f.ref or shown(RECORD_NAMES.get(f.table, (f.table or "").replace("_", " ")))
            rows.append([shown(SEVERITY_NAMES.get(f.severity, f.severity.capitalize())), f.project or tr("Portfolio"),
                         said(RULES[f.rule].title), said(f.message), record])
            backgrounds.append(SEVERITY_ROW.get(f.severity))
        self.model.set_rows(rows, keys=list(self.findings), backgrounds=backgrounds)
        for r, f in enumerate(self.findings):
            self.model.decorations[(r, 0)] = chip_icon(SEVERITY_CHIP.get(f.severity, Rag.GREY))
            self.model.tooltips[(r, 2)] = said(RULES[f.rule].title)
            self.model.tooltips[(r, 3)] = said(f.message) + "\n" + tr("(double-click to open the record)")
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITY_ORDER}
        projects = len({f.project for f in self.findings if f.project})
        self.headline.setText(tr("{errors} errors, {warnings} warnings, {notes} notes across {projects} projects").format(
            errors=counts["error"], warnings=counts["warning"], notes=counts["info"], projects=projects))
        self.body.show_empty()
        self.summary_changed.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_later.start()
        return super().eventFilter(watched, event)

    def fit_rows_in_sight(self) -> None:
        """Make the rows in sight as tall as their wrapped text (a taller row shows fewer; so again)."""
        table = self.table
        for _ in range(4):
            top = table.rowAt(0)
            if top < 0:
                return
            bottom = table.rowAt(table.viewport().height() - 1)
            bottom = self.proxy.rowCount() - 1 if bottom < 0 else bottom
            changed = False
            for row in range(top, bottom + 1):
                height = max(table.verticalHeader().minimumSectionSize(), table.sizeHintForRow(row))
                if table.rowHeight(row) != height:
                    table.setRowHeight(row, height)
                    changed = True
            if not changed:
                return

    def summary(self) -> str:
        visible, total = self.proxy.rowCount(), len(self.findings)
        if visible == total:
            return tr("{n} findings").format(n=f"{total:,}")
        return tr("{shown} of {total} findings").format(shown=f"{visible:,}", total=f"{total:,}")

    # -- actions ------------------------------------------------------------------------------------------

    def _filter_changed(self, *_args) -> None:
        self.proxy.severity = self.severity_box.currentData()
        self.proxy.rule = self.rule_box.currentData()
        self.proxy.text = self.search_box.text().strip().casefold()
        self.proxy.invalidate()
        self.summary_changed.emit()

    def current_finding(self):
        index = self.table.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def selected_project_id(self) -> int | None:
        f = self.current_finding()
        return project_of(self.portfolio, f.table, f.row_id) if f and f.table else None

    def _current_changed(self, current, _previous) -> None:
        project = self.selected_project_id()
        if project is not None:
            self.project_selected.emit(project)

    def open_current(self) -> str | None:
        """Open the current finding's record in its register; returns the view shown."""
        f = self.current_finding()
        if f is None or not f.table:
            return None
        return go_to_record(self.window(), f.table, f.row_id)

    def select_finding(self, row: int) -> None:
        self.table.setCurrentIndex(self.proxy.index(row, 0))
