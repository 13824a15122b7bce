"""The pane beside a register: the selected project's RAG chips, and tabs for its editable overview
(detail_form.py), status history (RAG trend per period), RAID items, milestones and budget summary."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.scores import risk_score, score_band
from pmo_desktop.domain.values import format_money
from pmo_desktop.gui.registers.detail_form import ProjectForm
from pmo_desktop.gui.widgets.chips import chip_icon, chip_pixmap
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups
from pmo_desktop.store import status_reports
from pmo_desktop.sync.history import record_changes

_OVERVIEW = [("programme", "Programme"), ("baseline", "Baseline finish"), ("business_unit", "Business unit"),
             ("theme", "Strategic theme")]  # shown, not edited here (the register edits them)
_RAG_HEADERS = ["Overall", "Schedule", "Cost", "Scope", "Resources"]


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels([shown(h) for h in headers])
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().hide()
    t.setIconSize(QSize(29, 18))
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _when(iso: str, style) -> str:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    return f"{format_date(moment.date(), style)} {moment:%H:%M}"


def _fill(table: QTableWidget, rows: list[list[Any]], align_right: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem()
            if isinstance(value, Rag):
                item.setIcon(chip_icon(value))
                item.setToolTip(value.label)
            else:
                item.setText("" if value is None else str(value))
            if c in align_right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    metrics = table.horizontalHeader().fontMetrics()
    for c in range(table.columnCount()):
        text = table.horizontalHeaderItem(c).text()
        table.setColumnWidth(c, max(table.columnWidth(c), metrics.horizontalAdvance(text) * 12 // 10 + 18))


def _rag(value: Any) -> Rag | str:
    try:
        return Rag(value)
    except ValueError:
        return ""


class _ItemCard(QFrame):
    """The selected RAID item: what it is, whose, how bad, what is being done."""

    FIELDS = [("project", "Project"), ("owner", "Owner"), ("score", "Score"), ("due", "Due"),
              ("response", "Response"), ("description", "Description")]

    def __init__(self):
        super().__init__()
        self.setObjectName("detailItem")
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)
        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 4)
        self.values: dict[str, QLabel] = {}
        for key, label in self.FIELDS:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            key_label = QLabel(shown(label))
            key_label.setObjectName("formKey")
            form.addRow(key_label, value)
            self.values[key] = value
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(form)

    def show_raid(self, item: dict[str, Any], fmt) -> None:
        self.title.setText(f"{item['ref']} — {item['title']}")
        self.subtitle.setText(" · ".join(str(x) for x in (item["type"], item["status"],
                                                          "escalated" if item.get("escalated") else None) if x))
        score = risk_score(item.get("probability"), item.get("impact"))
        band = score_band(score)
        project = f"{item['project_code']} — {item['project_name']}" if item.get("project_code") else tr("Portfolio-wide")
        shown = {"project": project, "owner": item.get("owner"),
                 "score": f"{score} {band.value} (probability {item['probability']} × impact {item['impact']})"
                 if band else "", "due": fmt.date(item.get("due_date")), "response": item.get("response"),
                 "description": item.get("description")}
        for key, value in shown.items():
            self.values[key].setText(str(value) if value else "—")


class DetailPane(QFrame):
    project_changed = Signal()
    edited = Signal()  # the overview form stored a change: the views re-read

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setMinimumWidth(280)
        self.context = None
        self.project_id: int | None = None
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(10)
        self.chip_labels: list[QLabel] = []
        for name in _RAG_HEADERS:
            box = QVBoxLayout()
            icon_label = QLabel()
            icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(shown(name))
            text.setObjectName("formKey")
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(icon_label)
            box.addWidget(text)
            self.chips.addLayout(box)
            self.chip_labels.append(icon_label)
        self.chips.addStretch(1)
        self.item = _ItemCard()
        self.item.hide()
        self.overview = ProjectForm()
        self.overview.edited.connect(self.edited)
        self.form = self.overview.form  # the shown-only rows line up under the editable ones
        self.values: dict[str, QLabel] = {}
        for key, label in _OVERVIEW:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            key_label = QLabel(shown(label))
            key_label.setObjectName("formKey")
            self.form.addRow(key_label, value)
            self.values[key] = value
        self.report_button = QPushButton(tr("Write status report…"))
        self.report_button.setObjectName("writeReport")
        self.report_button.clicked.connect(self._write_report)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.history = _table(["Period", "RAG", "Sched.", "Cost", "Scope", "Res.", "Summary"])
        for c, name in enumerate(_RAG_HEADERS, start=1):
            self.history.horizontalHeaderItem(c).setToolTip(name)
        self.raid = _table(["Ref", "Type", "Title", "Status", "Score"])
        self.milestones = _table(["Milestone", "Baseline", "Forecast", "Actual"])
        self.budget = _table(["Category", "Planned", "Actual", "Forecast", "EAC"])
        self.changes = _table(["When", "Who", "Change"])  # who changed the project, teammates included
        self.changes.setObjectName("projectChanges")
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        overview_layout.setSpacing(0)
        overview_layout.addWidget(self.overview)
        scroll = QScrollArea()
        scroll.setObjectName("overviewScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(overview)
        self.tabs.addTab(scroll, tr("Overview"))
        history = QWidget()  # status reports by period above, every change and who made it below
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history, 1)
        changes_label = QLabel(tr("Changes (who made each)"))
        changes_label.setObjectName("formKey")
        history_layout.addWidget(changes_label)
        history_layout.addWidget(self.changes, 1)
        self.tabs.addTab(history, tr("History"))
        self.tabs.addTab(self.raid, tr("RAID"))
        self.tabs.addTab(self.milestones, tr("Milestones"))
        self.tabs.addTab(self.budget, tr("Budget"))

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(8)
        layout.addWidget(self.item)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.chips)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)  # takes the room while no project is shown (the tabs are hidden then)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(body)
        self._empty()

    # -- state ------------------------------------------------------------------------------------------

    def set_context(self, context) -> None:
        self.context = context
        self.project_id = None
        self._empty()

    def save_state(self) -> None:
        if self.context:
            self.context.settings.setValue("detail/tab", self.tabs.currentIndex())

    def restore_state(self) -> None:
        if self.context:
            self.tabs.setCurrentIndex(int(self.context.settings.value("detail/tab", 0) or 0))

    def _empty(self) -> None:
        self.title.setText(tr("No project selected"))
        self.subtitle.setText(tr("Select a row to see the project here."))
        for label in self.chip_labels:
            label.clear()
        for value in self.values.values():
            value.clear()
        self.overview.load(self.context, None)
        for table in (self.history, self.changes, self.raid, self.milestones, self.budget):
            table.setRowCount(0)
        self.report_button.setEnabled(False)
        self.report_button.hide()  # no empty form under "No project selected"
        self.tabs.hide()

    def show_item(self, table: str, row_id: int) -> None:
        """Show a selected item that is not a project (a RAID item) above its project's details."""
        item = lookups.raid_item(self.context.portfolio, row_id) if self.context and table == "raid_items" else None
        if item is None:
            self.item.hide()
            return
        self.item.show_raid(item, self.context.fmt)
        self.item.show()
        if item["project_id"] is None:
            self.project_id = None
            self._empty()
            self.subtitle.setText("A portfolio-level item: it belongs to no project.")

    def show_project(self, project_id: int) -> None:
        self.item.hide()
        self.project_id = project_id
        self.refresh()
        self.project_changed.emit()

    def refresh(self) -> None:
        if self.context is None or self.project_id is None:
            self._empty()
            return
        pf = self.context.portfolio
        summary = lookups.project_summary(pf, self.project_id)
        if summary is None:
            self.project_id = None
            self._empty()
            return
        self.report_button.show()
        self.tabs.show()
        row = list(summary.values())
        (code, name, programme, stage, status, priority, baseline, unit, theme, *rags) = row
        self.title.setText(f"{code} — {name}")
        self.subtitle.setText(" · ".join(x for x in (stage, status, f"{priority} priority" if priority else None)
                                          if x))
        for label, rag in zip(self.chip_labels, rags, strict=True):
            r = _rag(rag) or Rag.GREY
            label.setPixmap(chip_pixmap(r, 22))
            label.setToolTip(r.label)
        symbol = self.context.fmt.currency_symbol
        shown = {"programme": programme, "baseline": self.context.fmt.date(baseline), "business_unit": unit, "theme": theme}
        self.overview.load(self.context, self.project_id)
        for key, value in shown.items():
            self.values[key].setText(value or "—")
        self.report_button.setEnabled(not pf.read_only)
        self._fill_tabs(pf, symbol)

    def _fill_tabs(self, pf, symbol: str) -> None:
        pid = self.project_id
        _fill(self.history, [[self.context.fmt.date(h["period"]), *[_rag(h[f]) for f in status_reports.RAG_FIELDS], h["summary"]]
                             for h in status_reports.history(pf, pid)])
        style = pf.settings().get("date_format")
        _fill(self.changes, [[_when(c["at"], style), c["who"], c["change"] if c["how"] == "edit" else
                              f"{c['change']} ({c['how']})"] for c in record_changes(pf, "projects", pid)])
        for row in range(self.changes.rowCount()):
            item = self.changes.item(row, 2)
            item.setToolTip(item.text())
        raid = lookups.project_raid(pf, pid)
        rows = []
        for ref, kind, title, status, p, i in raid:
            score = risk_score(p, i)
            band = score_band(score)
            rows.append([ref, kind, title, status, f"{score} {band.value}" if band else ""])
        _fill(self.raid, rows, {4})
        ms = lookups.project_milestones(pf, pid)
        date = self.context.fmt.date
        _fill(self.milestones, [[name, date(b), date(f), date(a)] for name, b, f, a in ms])
        budget = lookups.project_budget(pf, pid)
        money = [[cat, *[format_money(v, symbol) if v is not None else "" for v in vals]] for cat, *vals in budget]
        if budget:
            totals = [sum(r[i] or 0 for r in budget) for i in range(1, 5)]
            money.append(["Total", *[format_money(v, symbol) for v in totals]])
        _fill(self.budget, money, {1, 2, 3, 4})
        if budget:
            last = self.budget.rowCount() - 1
            for c in range(self.budget.columnCount()):
                font = self.budget.item(last, c).font()
                font.setBold(True)
                self.budget.item(last, c).setFont(font)
        for table in (self.history, self.changes, self.raid, self.milestones, self.budget):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)

    def _write_report(self) -> None:
        from pmo_desktop.gui.registers.dialogs import write_status_report

        window = self.window()
        write_status_report(window)
