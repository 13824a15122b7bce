"""The Gantt chart widget: paints only the visible rows; drag a bar to move it, drag its right end to
change its length, drag from one bar onto another (or Shift-drag) to link them."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.plans.gantt_paint import ROW_H, LinkIndex, bar_extent, paint_rows
from pmo_desktop.scheduling.timeline import GanttPlan


class GanttChart(QAbstractScrollArea):
    task_moved = Signal(int, object)  # task id, new start date
    task_resized = Signal(int, object)  # task id, new finish date
    tasks_linked = Signal(int, int)  # predecessor id, successor id
    row_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ganttChart")
        self.plan: GanttPlan | None = None
        self.scale = tp.scale_for(None, None, "Weeks")
        self.links = LinkIndex([])
        self.today = date.today()
        self.selected: int | None = None
        self.fmt = None  # the view's registers.columns.Formatting: months and days in its date format
        self._drag: dict | None = None
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setStyleSheet("background: #FFFFFF;")
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)

    # -- data -----------------------------------------------------------------------------------------

    def set_plan(self, plan: GanttPlan | None, zoom: str | None = None, *, keep_origin: bool = False) -> None:
        self.plan = plan
        self.links = LinkIndex(plan.links if plan else [])
        starts = [r.start for r in plan.rows if r.start] if plan else []
        finishes = [r.finish for r in plan.rows if r.finish] if plan else []
        if not keep_origin or zoom:
            self.scale = tp.scale_for(min(starts, default=None), max(finishes, default=None), zoom or self.scale.zoom)
        self._last = max(finishes, default=self.scale.origin) + timedelta(days=60)
        self._update_ranges()
        self.viewport().update()

    def set_zoom(self, zoom: str) -> None:
        centre = self.scale.day_at(self.horizontalScrollBar().value() + self.viewport().width() / 2)
        self.set_plan(self.plan, zoom)
        self.scroll_to_date(centre)

    def scroll_to_date(self, day: date) -> None:
        self.horizontalScrollBar().setValue(int(self.scale.x(day) - self.viewport().width() / 2))

    def _update_ranges(self) -> None:
        rows = len(self.plan.rows) if self.plan else 0
        body = self.viewport().height() - tp.HEADER_H
        self.verticalScrollBar().setRange(0, max(0, rows * ROW_H - body + ROW_H))
        self.verticalScrollBar().setPageStep(max(ROW_H, body))
        self.verticalScrollBar().setSingleStep(ROW_H)
        total = int(self.scale.x(self._last if self.plan else self.scale.origin))
        self.horizontalScrollBar().setRange(0, max(0, total - self.viewport().width()))
        self.horizontalScrollBar().setPageStep(max(1, self.viewport().width()))
        self.horizontalScrollBar().setSingleStep(int(max(8, self.scale.px_per_day * 7)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_ranges()

    # -- painting -----------------------------------------------------------------------------------------

    def visible_rows(self) -> tuple[int, int]:
        sy = self.verticalScrollBar().value()
        body = self.viewport().height() - tp.HEADER_H
        return sy // ROW_H, (sy + body) // ROW_H

    def paintEvent(self, event) -> None:
        p = QPainter(self.viewport())
        sx, sy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        w, h = self.viewport().width(), self.viewport().height()
        if self.plan is not None and self.plan.rows:
            first, last = self.visible_rows()
            p.save()
            p.setClipRect(QRectF(0, tp.HEADER_H, w, h - tp.HEADER_H))
            p.translate(-sx, tp.HEADER_H - sy)
            paint_rows(p, self.plan, self.scale, first, last, sx, w, self.links, today=self.today,
                       selected=self.selected)
            self._paint_drag(p)
            p.restore()
        p.save()
        p.translate(-sx, 0)
        tp.paint_header(p, self.scale, sx, w, date_format=self.fmt.date_format if self.fmt else None)
        p.restore()
        p.end()

    def _paint_drag(self, p: QPainter) -> None:
        d = self._drag
        if not d or not d.get("active"):
            return
        row, (left, right) = d["row"], d["extent"]
        y = row * ROW_H
        dx = d["dx"]
        p.setPen(QPen(QColor("#3949AB"), 1.5, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if d["mode"] == "move":
            p.drawRect(QRectF(left + dx, y + 4, right - left, ROW_H - 8))
        elif d["mode"] == "resize":
            p.drawRect(QRectF(left, y + 4, max(2.0, right - left + dx), ROW_H - 8))
        else:
            p.drawLine(QPointF(right, y + ROW_H / 2), d["to"])

    # -- mouse -----------------------------------------------------------------------------------------------

    def _hit(self, pos) -> tuple[int | None, QPointF]:
        sx, sy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        point = QPointF(pos.x() + sx, pos.y() - tp.HEADER_H + sy)
        if pos.y() < tp.HEADER_H or self.plan is None:
            return None, point
        row = int(point.y() // ROW_H)
        return (row if 0 <= row < len(self.plan.rows) else None), point

    def mousePressEvent(self, event) -> None:
        row, point = self._hit(event.position())
        if row is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.selected = row
        self.row_clicked.emit(row)
        ext = bar_extent(self.plan, self.scale, row)
        r = self.plan.rows[row]
        if ext and ext[0] - 3 <= point.x() <= ext[1] + 3:
            mode = "move"
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                mode = "link"
            elif r.kind == "task" and point.x() >= ext[1] - 5:
                mode = "resize"
            if r.kind == "summary" and mode != "link":
                mode = "link"  # a summary's dates come from its tasks; it can still be linked
            self._drag = {"row": row, "extent": ext, "mode": mode, "x": point.x(), "dx": 0.0, "to": point,
                          "active": False}
        self.viewport().update()

    def mouseMoveEvent(self, event) -> None:
        d = self._drag
        if not d:
            row, point = self._hit(event.position())
            ext = bar_extent(self.plan, self.scale, row) if row is not None else None
            near_end = ext and self.plan.rows[row].kind == "task" and ext[1] - 5 <= point.x() <= ext[1] + 3
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if near_end else Qt.CursorShape.ArrowCursor)
            return
        row, point = self._hit(event.position())
        d["dx"], d["to"] = point.x() - d["x"], point
        if abs(d["dx"]) > 3 or (row is not None and row != d["row"]):
            d["active"] = True
        if d["mode"] == "move" and row is not None and abs(row - d["row"]) >= 1:
            d["mode"] = "link"  # dragged onto another row: link instead of moving
        self.viewport().update()

    def mouseReleaseEvent(self, event) -> None:
        d, self._drag = self._drag, None
        self.viewport().update()
        if not d or not d["active"] or self.plan is None:
            return
        r = self.plan.rows[d["row"]]
        days = round(d["dx"] / self.scale.px_per_day)
        if d["mode"] == "move" and days and r.start:
            self.task_moved.emit(r.id, r.start + timedelta(days=days))
        elif d["mode"] == "resize" and days and r.finish:
            self.task_resized.emit(r.id, r.finish + timedelta(days=days))
        elif d["mode"] == "link":
            target, _ = self._hit(event.position())
            if target is not None and target != d["row"]:
                self.tasks_linked.emit(r.id, self.plan.rows[target].id)
