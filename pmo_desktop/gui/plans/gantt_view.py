"""The project Gantt: the task table beside the chart. Edits are one undo step each and reschedule.

Keys in the table: Alt+Shift+Right indents the current task under the one above, Alt+Shift+Left
outdents it (as in MS Project).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
)

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.plans.cross_link_dialog import CrossLinkDialog
from pmo_desktop.gui.plans.gantt_chart import GanttChart
from pmo_desktop.gui.plans.gantt_paint import ROW_H, LinkIndex, paint_plan
from pmo_desktop.gui.plans.gantt_table import GanttTable, GanttTableModel, column_titles
from pmo_desktop.gui.plans.no_plan import NoPlanPage
from pmo_desktop.gui.plans.reschedule import reschedule_project
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.i18n import message
from pmo_desktop.registers import lookups
from pmo_desktop.scheduling import edits
from pmo_desktop.scheduling.service import project_calendar
from pmo_desktop.scheduling.timeline import GanttPlan, gantt_plan
from pmo_desktop.store import PortfolioError


class GanttView(PortfolioView):
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("ganttView")
        self.plan: GanttPlan | None = None
        self.project_box = QComboBox()
        self.project_box.setObjectName("ganttProject")
        # The plan box takes the room the buttons leave (its long names elide), so the bar fits a laptop.
        self.project_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.project_box.setMinimumContentsLength(18)
        self.project_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.project_box.currentIndexChanged.connect(lambda _i: self._load_plan(reset_view=True))
        self.zoom_box = QComboBox()
        tp.fill_zoom_box(self.zoom_box, current="Weeks")
        self.zoom_box.currentIndexChanged.connect(lambda _i: self.chart.set_zoom(self.zoom()))
        today = QPushButton(tr("Today"))
        today.clicked.connect(lambda: self.chart.scroll_to_date(date.today()))
        self.png_button = png = QPushButton(tr("Export PNG…"))
        png.clicked.connect(lambda: self._ask_export(tr("PNG image (*.png)"), self.export_png))
        self.pdf_button = pdf = QPushButton(tr("Export PDF…"))
        pdf.clicked.connect(lambda: self._ask_export(tr("PDF document (*.pdf)"), self.export_pdf))
        self.reschedule_button = resched = QPushButton(tr("Reschedule"))
        resched.setObjectName("ganttReschedule")
        resched.setToolTip(tr("Recompute this plan's dates from its links (one undoable step)"))
        resched.clicked.connect(lambda: reschedule_project(self.window(), self.selected_project_id()))
        self.cross_button = cross = QPushButton(tr("Link to another project…"))
        cross.setObjectName("ganttCrossLink")
        cross.setToolTip(tr("Make the selected task wait for a task (or milestone) of another project"))
        cross.clicked.connect(lambda: self.link_to_other_project())
        self.note = QLabel()  # links with other projects: a line of its own under the bar, wrapped
        self.note.setObjectName("ganttNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.project_box.setMaximumWidth(460)
        bar.addWidget(QLabel(tr("Plan")))
        bar.addWidget(self.project_box, 1)  # the room left, up to its maximum; then the gap before Export
        for w in (resched, cross, QLabel(tr("Zoom")), self.zoom_box, today):
            bar.addWidget(w)
        bar.addStretch(0)
        bar.addWidget(png)
        bar.addWidget(pdf)

        self.model = GanttTableModel(self, context.fmt)
        self.model.durations_typed.connect(self._durations_typed)
        self.table = GanttTable()
        self.table.setObjectName("ganttTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_H)
        self.table.horizontalHeader().setFixedHeight(tp.HEADER_H)
        self.table.setWordWrap(False)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._table_row)

        self.chart = GanttChart()
        self.chart.task_moved.connect(lambda tid, d: self._edit(edits.move_task, tid, d))
        self.chart.task_resized.connect(self._resize)
        self.chart.tasks_linked.connect(lambda a, b: self._edit(edits.link_tasks, a, b))
        self.chart.row_clicked.connect(self._chart_row)
        # One vertical scroll position for both sides.
        self.chart.verticalScrollBar().valueChanged.connect(self.table.verticalScrollBar().setValue)
        self.table.verticalScrollBar().valueChanged.connect(self.chart.verticalScrollBar().setValue)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setSizes([600, 900])
        self.splitter.setStretchFactor(0, 0)  # a wider window widens the chart; the table keeps its columns
        self.splitter.setStretchFactor(1, 1)
        self._split_by_hand = False  # once the divider is dragged, the user's split is kept
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        self.body = ProjectsOrEmpty(self.splitter, self, about=tr(
            "Plans: each project's tasks and milestones on a Gantt chart, with their links, critical path and "
            "baseline, rescheduled as you edit."))
        self.no_plan = NoPlanPage(self)  # a project without a plan: say so and offer the next steps
        self.body.addWidget(self.no_plan)
        layout.addWidget(self.body, 1)
        self.table.indent.connect(lambda: self._edit_current(edits.indent_task))
        self.table.outdent.connect(lambda: self._edit_current(edits.outdent_task))
        self._loaded = False  # the plan is read when the view is first shown, not at start-up

    def zoom(self) -> str:
        """The zoom chosen (a key of timeline_paint.ZOOMS, whatever the window language)."""
        return self.zoom_box.currentData() or "Weeks"

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self._fill_projects()
            self._load_plan(reset_view=True)

    # -- the portfolio view face ---------------------------------------------------------------------------

    def _fill_projects(self) -> None:
        current = self.selected_project_id()
        self.project_box.blockSignals(True)
        self.project_box.clear()
        first_plan = None
        for pid, code, name, tasks in lookups.project_list(self.portfolio):
            self.project_box.addItem(tr("{code} — {name} ({tasks} tasks)").format(code=code, name=name, tasks=tasks), pid)
            if first_plan is None and tasks:
                first_plan = self.project_box.count() - 1
        index = self.project_box.findData(current) if current is not None else -1
        self.project_box.setCurrentIndex(index if index >= 0 else (first_plan or 0))
        self.project_box.blockSignals(False)

    def selected_project_id(self) -> int | None:
        data = self.project_box.currentData() if self.project_box.count() else None
        return int(data) if data is not None else None

    def show_project(self, project_id: int) -> None:
        self.ensure_loaded()
        index = self.project_box.findData(project_id)
        if index >= 0:
            self.project_box.setCurrentIndex(index)

    def refresh(self) -> None:
        """Re-read the project list and the plan shown (after undo, an import, another file)."""
        if not self._loaded:
            return
        before = self.selected_project_id()
        self._fill_projects()
        self._load_plan(reset_view=self.selected_project_id() != before)

    def _load_plan(self, reset_view: bool = False) -> None:
        pid = self.selected_project_id()
        try:
            self.plan = gantt_plan(self.portfolio.conn, pid) if pid is not None else None
        except PortfolioError as exc:
            self.plan = None
            self.context.report_problem(str(exc))
        scroll = self.chart.verticalScrollBar().value()
        if reset_view and self.plan and self.plan.rows:  # a zoom that shows most of the plan at once
            starts = [r.start for r in self.plan.rows if r.start]
            span = (self.plan.finish - min(starts)).days if starts and self.plan.finish else 0
            self.zoom_box.blockSignals(True)
            self.zoom_box.setCurrentIndex(self.zoom_box.findData("Days" if span < 45 else "Weeks" if span < 160
                                                                 else "Months"))
            self.zoom_box.blockSignals(False)
        self.model.set_plan(self.plan)
        self._size_columns()
        self.chart.set_plan(self.plan, self.zoom() if reset_view else None, keep_origin=not reset_view)
        if reset_view and self.plan and self.plan.rows:
            first = min((r.start for r in self.plan.rows if r.start), default=date.today())
            self.chart.horizontalScrollBar().setValue(int(self.chart.scale.x(first)) - 40)
        elif not reset_view:
            self.chart.verticalScrollBar().setValue(scroll)
        self.note.setText(self.plan.problem if self.plan and self.plan.problem else
                          "; ".join(message(c, current_language()) for c in self.plan.cross) if self.plan else "")
        self.note.setVisible(bool(self.note.text()))
        self._enable_plan_actions()
        if pid is not None:
            self.project_selected.emit(pid)
        self.summary_changed.emit()

    def _enable_plan_actions(self) -> None:
        """Reschedule and Export need a plan with tasks: without one they are off and say why."""
        has_tasks = bool(self.plan and self.plan.rows)
        read_only = self.portfolio.read_only
        why = tr("This project has no plan yet: import one (File ▸ Import…) from MS Project, GanttProject "
                 "or Excel") if not has_tasks else ""
        self.reschedule_button.setEnabled(has_tasks and not read_only)
        self.reschedule_button.setToolTip(why or (tr("The file is open read-only") if read_only else
                                                  tr("Recompute this plan's dates from its links (one undoable step)")))
        for button, tip in ((self.png_button, tr("Save the plan as a PNG image")),
                            (self.pdf_button, tr("Save the plan as a PDF"))):
            button.setEnabled(has_tasks)
            button.setToolTip(why or tip)
        self.cross_button.setEnabled(has_tasks and not read_only)
        self.cross_button.setToolTip(why or (tr("The file is open read-only") if read_only else tr(
            "Make the selected task wait for a task (or milestone) of another project")))
        pid = self.selected_project_id()
        if pid is not None and not has_tasks:
            self.no_plan.show_project(pid)
            self.body.show_page(self.no_plan)
        else:
            self.body.show_empty(pid is None)

    def _size_columns(self) -> None:
        """Whole WBS numbers, dates in the chosen format, days, % and predecessors, in the bold of summary
        rows; the task names get what is left (up to a limit) so no column is cut off at the table's edge."""
        bold = QFontMetrics(self.model._bold)
        pad = 18
        date_w = bold.horizontalAdvance(self.context.fmt.date("2026-12-28")) + pad
        texts = self.model._texts
        titles = column_titles()

        def widest(col: int, header: str, floor: int = 0) -> int:
            return max([bold.horizontalAdvance(t[col]) for t in texts] + [bold.horizontalAdvance(header), floor]) + pad

        self._widths = [widest(0, titles[0]), min(widest(1, titles[1], 160), 360),
                        max(date_w, widest(2, titles[2])), max(date_w, widest(3, titles[3])), widest(4, titles[4]),
                        widest(5, "100%"), min(widest(6, titles[6]), 200)]
        self._fit_table()

    def _fit_table(self) -> None:
        """Give the table its columns' width (at most ~60% of the view), narrowing the task names rather than
        pushing Predecessors off the edge; the chart takes the rest. Done for each plan shown, once the view
        has its real width, and again when the window is resized (until the divider is dragged by hand)."""
        widths = list(getattr(self, "_widths", []))
        if not widths:
            return
        splitter = getattr(self, "splitter", None)
        total = sum(splitter.sizes()) if splitter is not None else 0
        if total < 200 or not self.isVisible() or self._split_by_hand:  # columns only
            for col, width in enumerate(widths):
                self.table.setColumnWidth(col, width)
            return
        room = total * 60 // 100 - 4
        overflow = sum(widths) - room
        if overflow > 0:  # shorten task names (they elide, with the full name in the chart's labels)
            widths[1] = max(120, widths[1] - overflow)
        for col, width in enumerate(widths):
            self.table.setColumnWidth(col, width)
        table = min(sum(widths) + 4, max(room, 0) + 4)
        self.splitter.setSizes([table, max(total - table, 200)])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_table()

    def summary(self) -> str:
        if not self.plan:
            return tr("No plan")
        crit = sum(1 for r in self.plan.rows if r.critical)
        finish = self.context.fmt.date(self.plan.finish) or tr("n/a")
        return tr("{code}: {tasks} tasks, finish {finish}, {critical} on the critical path").format(
            code=self.plan.code, tasks=len(self.plan.rows), finish=finish, critical=crit)

    # -- edits ------------------------------------------------------------------------------------------------

    def _edit(self, action, *args) -> None:
        if self.portfolio.read_only:
            self.context.report_problem(tr("the portfolio is open read-only"))
            return
        try:
            batch = action(self.portfolio, *args)
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return
        self.context.history.record(batch)
        self._load_plan()

    def link_to_other_project(self, dialog: CrossLinkDialog | None = None) -> None:
        """Make the selected task wait for a task of another project (one undoable step)."""
        row = self.table.currentIndex().row()
        if not self.plan or not 0 <= row < len(self.plan.rows):
            self.context.report_problem("select the task that waits, then link it to another project's task")
            return
        task = self.plan.rows[row]
        dialog = dialog or CrossLinkDialog(self.portfolio, self.plan.project_id, task.name, self)
        if dialog.isVisible() or dialog.exec():
            picked = dialog.choice()
            if picked is not None:
                pred, kind, lag = picked
                self._edit(edits.link_tasks, pred, task.id, kind, lag)
                self._select_task(task.id)

    def _edit_current(self, action) -> None:
        row = self.table.currentIndex().row()
        if self.plan and 0 <= row < len(self.plan.rows):
            task_id = self.plan.rows[row].id
            self._edit(action, task_id)
            self._select_task(task_id)

    def _durations_typed(self, typed: list) -> None:
        """Durations typed or pasted in the Days column ('4h', '3ed'): one undoable step."""
        row = self.table.currentIndex()
        self._edit(edits.set_duration_texts, typed)
        if row.isValid() and row.row() < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row.row(), row.column()))

    def _resize(self, task_id: int, finish: date) -> None:
        row = next((r for r in self.plan.rows if r.id == task_id), None) if self.plan else None
        if row is None or row.start is None:
            return
        if row.elapsed:  # stays on calendar time: whole elapsed days, ending at its start's time of day
            self._edit(edits.set_elapsed_duration, task_id, 1440 * max(1, (finish - row.start).days))
            return
        calendar = project_calendar(self.portfolio.conn, self.plan.project_id, origin=row.start)
        self._edit(edits.set_duration, task_id, max(1, calendar.span_days(row.start, finish)))

    def _select_task(self, task_id: int) -> None:
        for n, r in enumerate(self.plan.rows if self.plan else []):
            if r.id == task_id:
                self.table.setCurrentIndex(self.model.index(n, 1))

    def _table_row(self, current, _previous) -> None:
        self.chart.selected = current.row() if current.isValid() else None
        self.chart.viewport().update()

    def _chart_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 1))

    # -- export ----------------------------------------------------------------------------------------------

    def _ask_export(self, file_filter: str, export) -> None:
        if not self.plan:
            return
        suffix = ".png" if "png" in file_filter else ".pdf"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export timeline"),
                                              tr("{code} plan").format(code=self.plan.code) + suffix, file_filter)
        if path:
            export(Path(path))

    def _export_width(self) -> float:
        last = max((r.finish for r in self.plan.rows if r.finish), default=self.chart.scale.origin)
        return self.chart.scale.x(last) + 60 - self.chart.scale.x(self.chart.scale.origin)

    def export_png(self, path: Path, name_column: float = 320) -> bool:
        """The whole plan at the current zoom as a PNG (rows beyond 2,000 are left out)."""
        if not self.plan:
            return False
        rows = min(len(self.plan.rows), 2000)
        width = self._export_width()
        image = QImage(QSize(int(width + name_column), tp.HEADER_H + rows * ROW_H), QImage.Format.Format_ARGB32)
        image.fill(QColor("#FFFFFF"))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_plan(p, self.plan, self.chart.scale, width, today=date.today(), last=rows - 1,
                   links=LinkIndex(self.plan.links), name_column=name_column)
        p.end()
        return image.save(str(path))

    def export_pdf(self, path: Path, name_column: float = 320) -> bool:
        """The whole plan on A3 landscape pages, scaled to the page width, as many pages as it needs."""
        if not self.plan:
            return False
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setResolution(96)
        writer.setTitle(f"{self.plan.code} {self.plan.name}")
        width = self._export_width()
        links = LinkIndex(self.plan.links)
        p = QPainter(writer)
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        factor = min(2.0, page.width() / (width + name_column))  # fill the page width, within reason
        rows_per_page = max(1, int((page.height() / factor - tp.HEADER_H) // ROW_H))
        first = 0
        while first < len(self.plan.rows):
            if first:
                writer.newPage()
            p.save()
            p.scale(factor, factor)
            last = min(len(self.plan.rows), first + rows_per_page) - 1
            paint_plan(p, self.plan, self.chart.scale, width, today=date.today(), first=first, last=last,
                       links=links, name_column=name_column)
            p.restore()
            first = last + 1
        p.end()
        return True
