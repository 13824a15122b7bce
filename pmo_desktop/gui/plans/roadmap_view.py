"""The portfolio roadmap: one bar per project grouped by programme, coloured by RAG (with its letter),
milestones as diamonds, the baseline as a ghost bar so slippage shows, a today line and quarter/month
headers. Click a project to select it; double-click to open its plan in the Gantt view.

By default the roadmap shows the projects the Projects register shows: its quick search and column
filters apply here too (untick "Same filters as the Projects register" to see every project)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.scheduling.crossproject import cross_links
from pmo_desktop.scheduling.timeline import RoadmapRow, roadmap_rows

ROW_H = 26
NAME_W = 300


def layout_rows(rows: list[RoadmapRow], programme: str | None = None) -> list[tuple[str, object]]:
    """Group headings and project rows in display order."""
    out: list[tuple[str, object]] = []
    current = None
    for r in rows:
        if programme and r.programme != programme:
            continue
        if r.programme != current:
            current = r.programme
            out.append(("group", current))
        out.append(("project", r))
    return out


def paint_roadmap(p: QPainter, items, scale: tp.TimeScale, first: int, last: int, x0: float, width: float,
                  *, today: date | None, selected: int | None = None, links=()) -> None:
    """Rows first..last in chart coordinates (row n at y = n*ROW_H; x in time coordinates)."""
    top, height = first * ROW_H, (last - first + 1) * ROW_H
    tp.paint_grid(p, scale, x0, width, top, height)
    for n in range(first, min(last, len(items) - 1) + 1):
        kind, item = items[n]
        y = n * ROW_H
        if kind == "group":
            p.fillRect(QRectF(x0, y, width, ROW_H), QColor("#F1F3F4"))
            continue
        r: RoadmapRow = item
        if selected == r.project_id:
            p.fillRect(QRectF(x0, y, width, ROW_H), QColor("#E8EAF6"))
        if r.baseline_start and r.baseline_finish:
            bl, br = scale.bar(r.baseline_start, r.baseline_finish)
            ghost = QColor(tp.BASELINE)
            ghost.setAlpha(90)
            p.setPen(QPen(tp.BASELINE, 1, Qt.PenStyle.DashLine))
            p.setBrush(ghost)
            p.drawRoundedRect(QRectF(bl, y + 3, max(3.0, br - bl), ROW_H - 6), 3, 3)
        if r.start and r.finish:
            left, right = scale.bar(r.start, r.finish)
            tp.rag_bar(p, left, right, y + 6, ROW_H - 12, r.rag, visible_left=x0)
        for day, _name, done in r.milestones:
            cx = scale.x(day) + scale.px_per_day / 2
            tp.diamond(p, cx, y + ROW_H / 2, 5, QColor("#263238") if done else QColor("#FFFFFF"),
                       QColor("#263238"))
    paint_cross_links(p, items, scale, links, first, last)
    for n in range(first, min(last, len(items) - 1) + 1):  # letters last: above diamonds and arrows
        kind, item = items[n]
        if kind == "project" and item.start and item.finish:
            left, right = scale.bar(item.start, item.finish)
            tp.rag_letter(p, left, right, n * ROW_H + 6, ROW_H - 12, item.rag, visible_left=x0)
    if today is not None:
        tp.paint_today(p, scale, today, top, height)


def link_points(items, scale: tp.TimeScale, link) -> tuple[QPointF, QPointF] | None:
    """Where a link between two projects leaves its predecessor's row and reaches its successor's."""
    rows = {item.project_id: n for n, (kind, item) in enumerate(items) if kind == "project"}
    a, b = rows.get(link.predecessor_project_id), rows.get(link.successor_project_id)
    if a is None or b is None or link.from_day is None or link.to_day is None:
        return None
    return (QPointF(scale.x(link.from_day) + scale.px_per_day, a * ROW_H + ROW_H / 2),
            QPointF(scale.x(link.to_day), b * ROW_H + ROW_H / 2))


def paint_cross_links(p: QPainter, items, scale: tp.TimeScale, links, first: int, last: int) -> None:
    """An elbow arrow per link between projects: down (or up) from the predecessor's date, then along
    to the successor's; red where the successor starts before the predecessor allows."""
    for link in links:
        ends = link_points(items, scale, link)
        if ends is None:
            continue
        start, end = ends
        if max(start.y(), end.y()) < first * ROW_H or min(start.y(), end.y()) > (last + 1) * ROW_H:
            continue
        colour = QColor(tp.CRITICAL) if link.violated else QColor("#546E7A")
        path = QPainterPath(start)
        path.lineTo(start.x(), end.y())
        path.lineTo(end)
        p.setPen(QPen(colour, 1.3, Qt.PenStyle.SolidLine if not link.violated else Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        d = 1 if end.x() >= start.x() else -1
        p.setPen(QPen(colour, 1))
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([end, QPointF(end.x() - 6 * d, end.y() - 4), QPointF(end.x() - 6 * d, end.y() + 4)]))
        tp.diamond(p, start.x(), start.y(), 3, colour)


def paint_names(p: QPainter, items, first: int, last: int, top: float, selected: int | None = None) -> None:
    """The fixed name column: programme headings and 'CODE  name' per project (y from `top`)."""
    p.fillRect(QRectF(0, top, NAME_W, (last - first + 1) * ROW_H), QColor("#FFFFFF"))
    font = QFont(p.font())
    for n in range(first, min(last, len(items) - 1) + 1):
        kind, item = items[n]
        y = top + (n - first) * ROW_H
        font.setBold(kind == "group")
        p.setFont(font)
        if kind == "group":
            p.fillRect(QRectF(0, y, NAME_W, ROW_H), QColor("#F1F3F4"))
            p.setPen(QColor("#263238"))
            p.drawText(QRectF(8, y, NAME_W - 16, ROW_H), int(Qt.AlignmentFlag.AlignVCenter), str(item))
        else:
            if selected == item.project_id:
                p.fillRect(QRectF(0, y, NAME_W, ROW_H), QColor("#E8EAF6"))
            p.setPen(QColor("#37474F"))
            text = p.fontMetrics().elidedText(f"{item.code}  {item.name}", Qt.TextElideMode.ElideRight, NAME_W - 30)
            p.drawText(QRectF(20, y, NAME_W - 26, ROW_H), int(Qt.AlignmentFlag.AlignVCenter), text)
    p.setPen(QPen(QColor("#B0BEC5"), 2))
    p.drawLine(QPointF(NAME_W, top), QPointF(NAME_W, top + (last - first + 1) * ROW_H))


class RoadmapChart(QAbstractScrollArea):
    project_clicked = Signal(int)
    project_opened = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("roadmapChart")
        self.items: list[tuple[str, object]] = []
        self.links: list = []  # scheduling.crossproject.CrossLink, drawn where both projects are shown
        self.scale = tp.scale_for(None, None, "Months")
        self.selected: int | None = None
        self.today = date.today()
        self.viewport().setAutoFillBackground(True)
        self.viewport().setStyleSheet("background: #FFFFFF;")
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)

    def set_rows(self, rows: list[RoadmapRow], programme: str | None = None, zoom: str = "Months") -> None:
        self.items = layout_rows(rows, programme)
        starts = [d for r in rows for d in (r.start, r.baseline_start) if d]
        finishes = [d for r in rows for d in (r.finish, r.baseline_finish) if d]
        self.scale = tp.scale_for(min(starts, default=None), None, zoom)
        self._last = max(finishes, default=self.today)
        self._ranges()
        self.viewport().update()

    def _ranges(self) -> None:
        body = self.viewport().height() - tp.HEADER_H
        self.verticalScrollBar().setRange(0, max(0, len(self.items) * ROW_H - body + ROW_H))
        self.verticalScrollBar().setPageStep(max(ROW_H, body))
        self.verticalScrollBar().setSingleStep(ROW_H)
        total = int(self.scale.x(getattr(self, "_last", self.today))) + 80
        self.horizontalScrollBar().setRange(0, max(0, total - (self.viewport().width() - NAME_W)))
        self.horizontalScrollBar().setPageStep(max(1, self.viewport().width() - NAME_W))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._ranges()

    def paintEvent(self, event) -> None:
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        sx, sy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        w, h = self.viewport().width() - NAME_W, self.viewport().height()
        first, last = sy // ROW_H, (sy + h - tp.HEADER_H) // ROW_H
        p.save()
        p.setClipRect(QRectF(NAME_W, tp.HEADER_H, w, h - tp.HEADER_H))
        p.translate(NAME_W - sx, tp.HEADER_H - sy)
        paint_roadmap(p, self.items, self.scale, first, last, sx, w, today=self.today, selected=self.selected,
                      links=self.links)
        p.restore()
        p.save()
        p.setClipRect(QRectF(0, tp.HEADER_H, NAME_W + 1, h - tp.HEADER_H))
        paint_names(p, self.items, first, last, tp.HEADER_H - (sy - first * ROW_H), self.selected)
        p.restore()
        p.save()
        p.setClipRect(QRectF(NAME_W, 0, w, tp.HEADER_H))
        p.translate(NAME_W - sx, 0)
        tp.paint_header(p, self.scale, sx, w)
        p.restore()
        p.fillRect(QRectF(0, 0, NAME_W, tp.HEADER_H), tp.HEADER_BG)
        p.setPen(tp.HEADER_TEXT)
        p.drawText(QRectF(8, 0, NAME_W - 16, tp.HEADER_H), int(Qt.AlignmentFlag.AlignVCenter),
                   tr("Programme / project"))
        p.end()

    def _project_at(self, pos) -> int | None:
        if pos.y() < tp.HEADER_H:
            return None
        n = int((pos.y() - tp.HEADER_H + self.verticalScrollBar().value()) // ROW_H)
        if 0 <= n < len(self.items) and self.items[n][0] == "project":
            return self.items[n][1].project_id
        return None

    def mousePressEvent(self, event) -> None:
        pid = self._project_at(event.position())
        if pid is not None:
            self.selected = pid
            self.viewport().update()
            self.project_clicked.emit(pid)

    def mouseDoubleClickEvent(self, event) -> None:
        pid = self._project_at(event.position())
        if pid is not None:
            self.project_opened.emit(pid)


class RoadmapView(PortfolioView):
    shows_detail = True
    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self.setObjectName("roadmapView")
        self.rows: list[RoadmapRow] = []
        self.programme_box = QComboBox()
        self.programme_box.currentIndexChanged.connect(lambda _i: self._apply())
        self.zoom_box = QComboBox()
        tp.fill_zoom_box(self.zoom_box, ("Weeks", "Months", "Quarters"), current="Months")
        self.zoom_box.currentIndexChanged.connect(lambda _i: self._apply())
        today = QPushButton(tr("Today"))
        today.clicked.connect(self.scroll_to_today)
        self.shared_filters = QCheckBox(tr("Register filters"))
        self.shared_filters.setChecked(True)
        self.shared_filters.setToolTip(tr("Show only the projects the Projects register shows (its search and filters)"))
        self.shared_filters.toggled.connect(lambda _on: self._apply())
        self._register_model = None
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (QLabel(tr("Programme")), self.programme_box, QLabel(tr("Zoom")), self.zoom_box, today,
                  self.shared_filters):
            bar.addWidget(w)
        bar.addStretch(1)
        self.chart = RoadmapChart()
        self.chart.setToolTip(tr("Bar: plan, in its RAG colour with the letter · dashed ghost: baseline · "
                                 "◆ milestone (filled when done) · red dashes: today · arrows: links between projects "
                                 "(red, dashed: a task starts before the other project allows). "
                                 "Double-click to open the plan."))
        self.chart.project_clicked.connect(self.project_selected)
        self.chart.project_opened.connect(self.open_plan)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        self.body = ProjectsOrEmpty(self.chart, self, about=tr(
            "The roadmap: every project on one timeline, grouped by programme, with its RAG, milestones and the "
            "links between projects."))
        layout.addWidget(self.body, 1)
        self._loaded = False  # read when first shown, so a large portfolio opens as fast as before

    def refresh(self) -> None:
        if not self._loaded:
            return
        self.rows = roadmap_rows(self.portfolio.conn)
        self.body.show_empty(not self.rows)
        self.chart.links = cross_links(self.portfolio.conn)
        current = self.programme_box.currentData()  # a programme name; None for all
        self.programme_box.blockSignals(True)
        self.programme_box.clear()
        self.programme_box.addItem(tr("All programmes"), None)
        for name in dict.fromkeys(r.programme for r in self.rows):
            self.programme_box.addItem(name, name)
        index = self.programme_box.findData(current) if current is not None else 0
        self.programme_box.setCurrentIndex(max(0, index))
        self.programme_box.blockSignals(False)
        self._apply()

    def _register_ids(self) -> set[int] | None:
        """The projects the Projects register shows now (its search and filters), or None for all."""
        page = getattr(self.window(), "pages", {}).get("projects")
        model = getattr(page, "model", None)
        if model is None:
            return None
        if model is not self._register_model:  # follow the register as its filters change
            self._register_model = model
            model.rows_reloaded.connect(self._apply)
        if not self.shared_filters.isChecked():
            return None
        return {model.row_id(i) for i in range(model.rowCount())}

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()
        else:
            self._apply()

    def _apply(self) -> None:
        programme = self.programme_box.currentData() if self.programme_box.currentIndex() > 0 else None
        ids = self._register_ids()
        rows = self.rows if ids is None else [r for r in self.rows if r.project_id in ids]
        self.chart.set_rows(rows, programme, self.zoom_box.currentData() or "Months")
        self.scroll_to_today()
        self.summary_changed.emit()

    def scroll_to_today(self) -> None:
        width = self.chart.viewport().width() - NAME_W
        self.chart.horizontalScrollBar().setValue(int(self.chart.scale.x(date.today()) - width / 3))

    def selected_project_id(self) -> int | None:
        return self.chart.selected

    def summary(self) -> str:
        shown = sum(1 for kind, _ in self.chart.items if kind == "project")
        return tr("{count} projects on the roadmap").format(count=shown)

    def open_plan(self, project_id: int) -> None:
        window = self.window()
        gantt = getattr(window, "pages", {}).get("gantt")
        if gantt is not None:
            gantt.show_project(project_id)
            window.show_view("gantt")
