"""Painting a plan's rows: bars, baselines, progress, milestones, dependency arrows, critical path.

Only the rows asked for are painted, and only the links that cross them (found through a row-block
index), so a 10,000-task plan repaints a viewport as fast as a 50-task one. The same function paints
the screen, PNG and PDF exports.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.scheduling.timeline import GanttPlan

ROW_H = 24
BLOCK = 64  # rows per block of the link index


class LinkIndex:
    """Which links cross which rows, in blocks of BLOCK rows."""

    def __init__(self, links: list[tuple[int, int, str]]):
        self.blocks: dict[int, list[int]] = {}
        self.links = links
        for n, (a, b, _t) in enumerate(links):
            lo, hi = min(a, b), max(a, b)
            for block in range(lo // BLOCK, hi // BLOCK + 1):
                self.blocks.setdefault(block, []).append(n)

    def crossing(self, first: int, last: int) -> list[tuple[int, int, str]]:
        seen: set[int] = set()
        out = []
        for block in range(first // BLOCK, last // BLOCK + 1):
            for n in self.blocks.get(block, ()):
                if n in seen:
                    continue
                seen.add(n)
                a, b, t = self.links[n]
                if max(a, b) >= first and min(a, b) <= last:
                    out.append((a, b, t))
        return out


def bar_extent(plan: GanttPlan, scale: tp.TimeScale, row: int) -> tuple[float, float] | None:
    r = plan.rows[row]
    if r.start is None or r.finish is None:
        return None
    if r.kind == "milestone":
        part = r.finish_part if r.finish_time else 0.5
        cx = scale.x(r.finish) + scale.px_per_day * part
        return cx - 6, cx + 6
    left, right = scale.bar(r.start, r.finish, r.start_part, r.finish_part)
    return left, max(right, left + 2)


def paint_rows(p: QPainter, plan: GanttPlan, scale: tp.TimeScale, first: int, last: int, x0: float,
               width: float, links: LinkIndex, *, today: date | None = None, selected: int | None = None,
               labels: bool = True) -> None:
    """Paint rows first..last (inclusive) in chart coordinates: row r occupies y = r*ROW_H."""
    last = min(last, len(plan.rows) - 1)
    top, height = first * ROW_H, (last - first + 1) * ROW_H
    tp.paint_grid(p, scale, x0, width, top, height)
    if selected is not None and first <= selected <= last:
        p.fillRect(QRectF(x0, selected * ROW_H, width, ROW_H), QColor("#E8EAF6"))
    font = QFont(p.font())
    font.setPointSizeF(8)
    p.setFont(font)
    metrics_w = p.fontMetrics()
    for row in range(first, last + 1):
        r = plan.rows[row]
        ext = bar_extent(plan, scale, row)
        if ext is None:
            continue
        left, right = ext
        if right < x0 - 200 or left > x0 + width + 200:
            continue
        y = row * ROW_H
        if r.baseline_start and r.baseline_finish:
            bl, br = scale.bar(r.baseline_start, r.baseline_finish)
            tp.baseline_bar(p, bl, br, y + ROW_H - 6)
        if r.kind == "milestone":
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            tp.diamond(p, (left + right) / 2, y + ROW_H / 2 - 1, 6,
                       tp.CRITICAL if r.critical else QColor("#37474F"))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        elif r.kind == "summary":
            tp.summary_bar(p, left, right, y + 4, ROW_H - 10)
        else:
            tp.task_bar(p, left, right, y + 5, ROW_H - 12, percent=r.percent, critical=r.critical)
        if labels and scale.px_per_day * 2 < metrics_w.horizontalAdvance("M") * 40:
            p.setPen(QColor("#37474F"))
            text = r.owner if r.kind == "task" and r.owner else ""
            if text:
                p.drawText(QPointF(right + 5, y + ROW_H / 2 + 4), text)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    paint_links(p, plan, scale, links.crossing(first, last), x0, x0 + width)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if today is not None:
        tp.paint_today(p, scale, today, top, height)


def paint_links(p: QPainter, plan: GanttPlan, scale: tp.TimeScale, links, x_min: float = -1e12,
                x_max: float = 1e12) -> None:
    for a, b, kind in links:
        ea, eb = bar_extent(plan, scale, a), bar_extent(plan, scale, b)
        if ea is None or eb is None:
            continue
        if max(ea[1], eb[1]) + 12 < x_min or min(ea[0], eb[0]) - 12 > x_max:
            continue  # wholly left or right of what is shown
        critical = plan.rows[a].critical and plan.rows[b].critical
        colour = tp.CRITICAL if critical else tp.LINK
        ya, yb = a * ROW_H + ROW_H / 2, b * ROW_H + ROW_H / 2
        from_end = kind in ("FS", "FF")
        to_start = kind in ("FS", "SS")
        x1 = ea[1] if from_end else ea[0]
        x2 = eb[0] if to_start else eb[1]
        out = 6 if from_end else -6
        into = -6 if to_start else 6
        path = QPainterPath(QPointF(x1, ya))
        path.lineTo(x1 + out, ya)
        if (to_start and x2 + into >= x1 + out) or (not to_start and x2 + into <= x1 + out):
            path.lineTo(x1 + out, yb)
        else:  # turn back between the rows
            mid = (ya + yb) / 2 if abs(b - a) > 1 else ya + (ROW_H / 2 if yb > ya else -ROW_H / 2)
            path.lineTo(x1 + out, mid)
            path.lineTo(x2 + into, mid)
            path.lineTo(x2 + into, yb)
        path.lineTo(x2, yb)
        p.setPen(QPen(colour, 1.4 if critical else 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        d = 1 if to_start else -1
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([QPointF(x2, yb), QPointF(x2 - 5 * d, yb - 3.5), QPointF(x2 - 5 * d, yb + 3.5)]))


def paint_plan(p: QPainter, plan: GanttPlan, scale: tp.TimeScale, width: float, *, today: date | None = None,
               first: int = 0, last: int | None = None, links: LinkIndex | None = None,
               name_column: float = 0.0, date_format: str | None = None) -> None:
    """A whole (or a slice of a) plan with its header, for exports: rows first..last below the header,
    and, when name_column > 0, the WBS and task names in a column on the left."""
    last = len(plan.rows) - 1 if last is None else last
    links = links or LinkIndex(plan.links)
    p.save()
    if name_column:
        p.fillRect(QRectF(0, 0, name_column, tp.HEADER_H), tp.HEADER_BG)
        p.setPen(tp.HEADER_TEXT)
        p.drawText(QRectF(6, 0, name_column - 12, tp.HEADER_H), int(Qt.AlignmentFlag.AlignVCenter),
                   f"{plan.code}  {plan.name}")
        for row in range(first, last + 1):
            r = plan.rows[row]
            y = tp.HEADER_H + (row - first) * ROW_H
            font = QFont(p.font())
            font.setBold(r.kind == "summary")
            p.setFont(font)
            p.setPen(tp.CRITICAL if r.critical else QColor("#263238"))
            p.drawText(QRectF(6 + 12 * r.level, y, name_column - 12 - 12 * r.level, ROW_H),
                       int(Qt.AlignmentFlag.AlignVCenter), f"{r.wbs}  {r.name}")
        p.translate(name_column, 0)
    x0 = scale.x(scale.origin)
    tp.paint_header(p, scale, x0, width, date_format=date_format)
    p.translate(0, tp.HEADER_H - first * ROW_H)
    p.setClipRect(QRectF(x0, first * ROW_H, width, (last - first + 1) * ROW_H))
    paint_rows(p, plan, scale, first, last, x0, width, links, today=today)
    p.restore()
