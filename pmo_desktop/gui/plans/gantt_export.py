"""A plan exported whole at the chart's zoom: a PNG image, or A3 landscape PDF pages scaled to the page
width. Drawn by gantt_paint.paint_plan, as the chart on screen is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.plans.gantt_paint import ROW_H, LinkIndex, paint_plan
from pmo_desktop.scheduling.timeline import GanttPlan


def export_width(plan: GanttPlan, scale: tp.TimeScale) -> float:
    """The chart's width from the scale's origin to a little past the plan's last finish."""
    last = max((r.finish for r in plan.rows if r.finish), default=scale.origin)
    return scale.x(last) + 60 - scale.x(scale.origin)


def export_png(plan: GanttPlan, scale: tp.TimeScale, path: Path, name_column: float = 320,
               date_format: str | None = None) -> bool:
    """The whole plan at the scale's zoom as a PNG (rows beyond 2,000 are left out)."""
    rows = min(len(plan.rows), 2000)
    width = export_width(plan, scale)
    image = QImage(QSize(int(width + name_column), tp.HEADER_H + rows * ROW_H), QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    paint_plan(p, plan, scale, width, today=date.today(), last=rows - 1, links=LinkIndex(plan.links),
               name_column=name_column, date_format=date_format)
    p.end()
    return image.save(str(path))


def export_pdf(plan: GanttPlan, scale: tp.TimeScale, path: Path, name_column: float = 320,
               date_format: str | None = None) -> bool:
    """The whole plan on A3 landscape pages, scaled to the page width, as many pages as it needs."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setResolution(96)
    writer.setTitle(f"{plan.code} {plan.name}")
    width = export_width(plan, scale)
    links = LinkIndex(plan.links)
    p = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    factor = min(2.0, page.width() / (width + name_column))  # fill the page width, within reason
    rows_per_page = max(1, int((page.height() / factor - tp.HEADER_H) // ROW_H))
    first = 0
    while first < len(plan.rows):
        if first:
            writer.newPage()
        p.save()
        p.scale(factor, factor)
        last = min(len(plan.rows), first + rows_per_page) - 1
        paint_plan(p, plan, scale, width, today=date.today(), first=first, last=last, links=links,
                   name_column=name_column, date_format=date_format)
        p.restore()
        first = last + 1
    p.end()
    return True
