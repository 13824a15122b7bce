"""The Returned reports page: drop the workbooks PMs sent back (or a folder of them), see what each
would change, apply them (one undoable batch per workbook), and see who is still missing, with the
reminder e-mail text one click away. Reading and applying run on the window's job runner; the
service (pmo_desktop.collect) is what `pmo collect --import` runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop import collect
from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Rag, Source
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.jobs import Job, job_runner
from pmo_desktop.gui.shell.views import PortfolioView, RereadOnShow, ViewContext
from pmo_desktop.gui.widgets.tr import tr

OUTCOME_RAG = {"ready": Rag.GREEN, "applied": Rag.BLUE, "unchanged": Rag.GREY, "refused": Rag.RED,
               "superseded": Rag.AMBER}


def columns() -> list[str]:
    return [tr("Outcome"), tr("Project"), tr("From", "who sent the workbook back"), tr("Saved"), tr("Changes"), tr("File")]


def outcome(status: str) -> str:
    return {"ready": tr("Ready to apply"), "applied": tr("Applied"), "unchanged": tr("No changes"),
            "refused": tr("Refused"), "superseded": tr("Superseded")}[status]


class ReturnedReportsView(RereadOnShow, PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("returnedReportsView")
        self.setAcceptDrops(True)
        self.preview: collect.ReturnsPreview | None = None
        self.summary_data: dict | None = None
        self.job: Job | None = None

        self.period_box = QComboBox()
        self.period_box.setObjectName("returnsPeriod")
        self.period_box.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.add_button = QPushButton(tr("Add Workbooks…"))
        self.add_button.clicked.connect(self.ask_files)
        self.folder_button = QPushButton(tr("Add Folder…"))
        self.folder_button.clicked.connect(self.ask_folder)
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setObjectName("applyReturns")
        self.apply_button.clicked.connect(self.apply)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Period ending")))
        top.addWidget(self.period_box)
        top.addStretch(1)
        for b in (self.add_button, self.folder_button, self.clear_button, self.apply_button):
            top.addWidget(b)

        self.hint = QLabel(tr("Drop the workbooks project managers sent back here (or a folder of them), or use "
                              "Add Workbooks…. Nothing is changed until you press Apply."))
        self.hint.setObjectName("dropHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("QLabel#dropHint { border: 2px dashed #90A4AE; border-radius: 6px; padding: 10px;"
                                " color: #37474F; background: #F7F9FA; }")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("returnsTable")
        self.table.setHorizontalHeaderLabels(columns())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((150, 220, 130, 100, 70)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("returnDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(tr("Choose a workbook to see what it would change (field: old -> new)."))
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(self.detail)
        left.setSizes([380, 200])

        self.returned_label = QLabel()
        self.returned_label.setObjectName("returnedCount")
        self.returned_label.setWordWrap(True)
        self.returned_label.setStyleSheet("font-weight: 600; color: #263238;")
        self.missing = QListWidget()
        self.missing.setObjectName("missingList")
        self.missing.setWordWrap(True)
        self.copy_button = QPushButton(tr("Copy Reminder E-mail Text"))
        self.copy_button.setObjectName("copyReminder")
        self.copy_button.setToolTip(tr("Copy a reminder naming every project still missing, to paste into Outlook"))
        self.copy_button.clicked.connect(self.copy_reminder)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.returned_label)
        side_layout.addWidget(QLabel(tr("Still missing:")))
        side_layout.addWidget(self.missing, 1)
        side_layout.addWidget(self.copy_button)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(side)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([760, 380])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(body, 1)
        self.refresh()

    # -- reading the store ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._seen_batch = self.portfolio.last_batch_id()
        pf = self.portfolio
        chosen = self.period_box.currentData()
        periods = collect.collection_periods(pf)
        default = collect.default_period(pf)
        if default not in periods:
            periods.insert(0, default)
        style = pf.settings().get("date_format")
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for p in periods:
            self.period_box.addItem(format_date(p, style, lang=current_language()), p)
        index = self.period_box.findData(chosen) if chosen else -1
        self.period_box.setCurrentIndex(index if index >= 0 else max(0, self.period_box.findData(default)))
        self.period_box.blockSignals(False)
        self._read_summary()

    def period(self) -> str:
        return self.period_box.currentData() or collect.default_period(self.portfolio)

    def _period_changed(self) -> None:
        self.clear()
        self._read_summary()

    def _read_summary(self) -> None:
        s = collect.return_summary(self.portfolio, self.period())
        self.summary_data = s
        if not s["sent"]:
            self.returned_label.setText(tr("No workbooks were sent for this period (Project ▸ Collect Status Reports…)."))
        else:
            self.returned_label.setText(tr("{returned} of {sent} returned by project managers; {entered} typed in; "
                                           "{missing} missing").format(returned=len(s["returned"]), sent=s["sent"],
                                                                      entered=len(s["entered"]), missing=len(s["missing"])))
        self.missing.clear()
        for m in s["missing"]:
            self.missing.addItem(f"{m['code']} {m['name']}" + (f"\n    {m['manager']}" if m["manager"] else ""))
        self._update_buttons()
        self.summary_changed.emit()

    def summary(self) -> str:
        if not self.summary_data:
            return ""
        s = self.summary_data
        return tr("Returned reports: {returned} of {sent} back, {missing} missing").format(
            returned=len(s["returned"]), sent=s["sent"], missing=len(s["missing"]))

    # -- adding workbooks ------------------------------------------------------------------------------

    def ask_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Returned status reports"), "", tr("Excel workbooks") + " (*.xlsx *.xlsm)")
        if paths:
            self.add_paths([Path(p) for p in paths])

    def ask_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Folder of returned status reports"))
        if path:
            self.add_paths([Path(path)])

    def add_paths(self, paths: list[Path]) -> Job | None:
        """Read the workbooks (and those in folders), together with any added before, and preview them."""
        try:
            found = collect.workbook_paths(paths)
        except collect.CollectError as exc:
            self.context.report_problem(str(exc))
            return None
        if not found:
            self.context.report_problem(tr("no .xlsx workbooks there"))
            return None
        known = [p.path for p in self.preview.plans] if self.preview else []
        known_set = {p.resolve() for p in known}
        every = known + [p for p in found if p.resolve() not in known_set]
        pf, period = self.portfolio, self.period()
        self.job = job_runner(self.window()).run(
            tr("Reading returned workbooks"),
            lambda progress, cancelled: collect.preview_returns(pf, every, period, progress=progress,
                                                                cancelled=cancelled),
            on_success=self._show_preview)
        return self.job

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def clear(self) -> None:
        self.preview = None
        self.table.setRowCount(0)
        self.detail.clear()
        self._update_buttons()

    # -- preview and apply ---------------------------------------------------------------------------

    def _show_preview(self, preview: collect.ReturnsPreview) -> None:
        self.preview = preview
        style = self.portfolio.settings().get("date_format")
        self.table.setRowCount(len(preview.plans))
        for r, plan in enumerate(preview.plans):
            text, rag = outcome(plan.status), OUTCOME_RAG[plan.status]
            changes = len(plan.changes) if plan.status in ("ready", "applied") else 0
            project = f"{plan.code or ''} {plan.name or ''}".strip()
            if plan.status in ("refused", "superseded"):  # the one line why, where the eye is
                project = f"{project}: " if project else ""
                project += said((plan.reason or "").split(": ", 1)[-1])
            values = (text, project or "–", plan.returned_by or "–",
                      format_date(plan.saved_at, style, lang=current_language()) if plan.saved_at else "–",
                      str(changes) if changes else "–", plan.file)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(plan.reason or value)
                if c == 0:
                    item.setBackground(QColor(rag.colour))
                    item.setForeground(QColor(rag.text_colour))
                    item.setText(f"{rag.letter}  {text}")
                self.table.setItem(r, c, item)
        if preview.plans:
            self.table.selectRow(0)
        self._update_buttons()

    def _show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.preview is None:
            self.detail.clear()
            return
        plan = self.preview.plans[rows[0].row()]
        lines = [said(plan.reason)] if plan.reason else []
        if plan.report_exists and plan.status == "ready":
            lines.append(tr("A report is already entered for {period}; applying replaces these fields:").format(
                period=plan.period))
        lines += [said(c.text()) for c in plan.changes] if plan.status in ("ready", "applied", "unchanged") else []
        lines += [tr("problem: {text}").format(text=said(p)) for p in plan.problems[1:]]
        lines += [tr("note: {text}").format(text=said(n)) for n in plan.notes]
        if plan.status == "unchanged":
            lines.append(tr("The portfolio already holds everything in this workbook."))
        self.detail.setPlainText("\n".join(lines))

    def apply(self) -> Job | None:
        if self.preview is None or not self.preview.counts()["ready"] or self.portfolio.read_only:
            return None
        preview, pf = self.preview, self.portfolio

        def applied(batches: list[int]) -> None:
            for batch_id in batches:
                self.context.history.record(batch_id)
            self._show_preview(preview)
            window = self.window()
            if hasattr(window, "refresh_views"):
                window.refresh_views()
            self._read_summary()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(tr("Applied {count} returned reports (one undo step each)").format(
                    count=len(batches)), 8000)

        self.job = job_runner(self.window()).run(
            tr("Applying returned reports"), lambda _p, _c: collect.apply_returns(pf, preview, source=Source.UI),
            on_success=applied)
        return self.job

    def reminder_text(self) -> str:
        return collect.reminder_text(self.portfolio, self.period(), self.summary_data)

    def copy_reminder(self) -> str:
        text = self.reminder_text()
        QGuiApplication.clipboard().setText(text)
        window = self.window()
        if hasattr(window, "statusBar"):
            missing = len(self.summary_data["missing"]) if self.summary_data else 0
            window.statusBar().showMessage(tr("Reminder text for {count} late reports copied: paste it into an "
                                              "e-mail").format(count=missing), 8000)
        return text

    def _update_buttons(self) -> None:
        ready = bool(self.preview and self.preview.counts()["ready"])
        self.apply_button.setEnabled(ready and not self.portfolio.read_only)
        self.apply_button.setText(tr("Apply {count} Workbooks").format(count=self.preview.counts()["ready"])
                                  if ready else tr("Apply"))
        self.clear_button.setEnabled(self.preview is not None)
        self.copy_button.setEnabled(bool(self.summary_data and self.summary_data["missing"]))
        for b in (self.add_button, self.folder_button):
            b.setEnabled(not self.portfolio.read_only)


def show_returned(window, urls) -> bool:
    """Dropped on the window: when the files are returned status-report workbooks, show the Returned
    reports page and preview them there (True); anything else is for the import wizard (False)."""
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    if not paths or not all(collect.is_status_workbook(p) for p in paths) or "returns" not in window.pages:
        return False
    window.show_view("returns")
    window.pages["returns"].add_paths(paths)
    return True
