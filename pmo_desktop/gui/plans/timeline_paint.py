"""Drawing shared by the Gantt and the roadmap (on screen, PNG and PDF): a time scale, its header and
the bar shapes. Everything takes a QPainter and plain values, so one drawing serves every output."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from pmo_desktop.domain.dates import format_day_month, format_month
from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.widgets.tr import tr

HEADER_H = 40
GRID = QColor("#E3E8EB")
WEEKEND = QColor("#F4F6F7")
HEADER_BG = QColor("#ECEFF1")
HEADER_TEXT = QColor("#263238")
TODAY = QColor("#C62828")
CRITICAL = QColor("#C62828")
TASK = QColor(FORECAST_COLOUR)
DONE = QColor(ACTUAL_COLOUR)
BASELINE = QColor(PLAN_COLOUR)
SUMMARY = QColor("#37474F")
LINK = QColor("#546E7A")

# Zoom levels: pixels per day, and the header tiers (upper, lower) each shows.
ZOOMS = {"Days": (24.0, "month", "day"), "Weeks": (8.0, "month", "week"),
         "Months": (1.6, "quarter", "month"), "Quarters": (0.55, "year", "quarter")}
QUARTERS_ZH = ("一季度", "二季度", "三季度", "四季度")


def zoom_label(zoom: str) -> str:
    """A zoom level (the key of ZOOMS, what the code uses) as the user reads it."""
    return {"Days": tr("Days", "zoom level"), "Weeks": tr("Weeks", "zoom level"), "Months": tr("Months", "zoom level"),
            "Quarters": tr("Quarters", "zoom level")}[zoom]


def fill_zoom_box(box, zooms=None, current: str = "Weeks") -> None:
    """Zoom choices in a combo box: the label in the window language, the ZOOMS key as item data."""
    for zoom in zooms or ZOOMS:
        box.addItem(zoom_label(zoom), zoom)
    box.setCurrentIndex(max(0, box.findData(current)))


@dataclass
class TimeScale:
    origin: date
    px_per_day: float
    zoom: str = "Weeks"

    def x(self, day: date) -> float:
        return (day - self.origin).days * self.px_per_day

    def day_at(self, x: float) -> date:
        return self.origin + timedelta(days=math.floor(x / self.px_per_day + 1e-6))

    def bar(self, start: date, finish: date, start_part: float = 0.0, finish_part: float = 1.0) -> tuple[float, float]:
        """Left and right edges of a bar covering start..finish inclusive; the parts say where in its
        first and last day's working time it starts and ends (a half-day task ends mid-day)."""
        return self.x(start) + start_part * self.px_per_day, self.x(finish) + finish_part * self.px_per_day


def scale_for(start: date | None, finish: date | None, zoom: str) -> TimeScale:
    first = start or date.today()
    origin = date(first.year, first.month, 1) - timedelta(days=14)
    return TimeScale(origin, ZOOMS[zoom][0], zoom)


def _periods(kind: str, first: date, last: date, short: bool = False, lang: str = "en",
             date_format: str | None = None):
    """(start, end, label, shorter) of each calendar period of `kind` overlapping first..last. Labels are in
    `lang` and the portfolio's `date_format` where they name a month or a day ('Nov 2026', '2026-11',
    '11/2026', '2026年11月'; weeks '24 Mar', '03-24', '24/03'); `shorter` is drawn where the label does
    not fit ('Nov' under a narrow month, the day alone under a narrow week)."""
    zh = lang.lower().startswith("zh")
    if kind == "day":
        d = first
        while d <= last:
            yield d, d + timedelta(days=1), str(d.day), str(d.day)
            d += timedelta(days=1)
        return
    if kind == "week":
        d = first - timedelta(days=first.weekday())
        while d <= last:
            yield d, d + timedelta(days=7), format_day_month(d, date_format, lang=lang), str(d.day)
            d += timedelta(days=7)
        return
    step = {"month": 1, "quarter": 3, "year": 12}[kind]
    m0 = (first.month - 1) // step * step
    d = date(first.year, m0 + 1, 1)
    while d <= last:
        idx = d.year * 12 + d.month - 1 + step
        nxt = date(idx // 12, idx % 12 + 1, 1)
        q = (d.month - 1) // 3 + 1
        if kind == "month":
            name = format_month(d, date_format, lang=lang, year=False)
            label = name if short else format_month(d, date_format, lang=lang)
        elif kind == "quarter" and zh:
            name = QUARTERS_ZH[q - 1]
            label = name if short else f"{d.year}年{name}"
        elif kind == "quarter":
            name = f"Q{q}"
            label = name if short else f"Q{q} {d.year}"
        else:
            label = name = f"{d.year}年" if zh else str(d.year)
        yield d, nxt, label, name
        d = nxt


def paint_header(p: QPainter, scale: TimeScale, x0: float, width: float, top: float = 0.0,
                 date_format: str | None = None) -> None:
    """Two header tiers for the visible span x0..x0+width (x in chart coordinates, painter translated);
    months and days in the portfolio's `date_format` (None: the medium style)."""
    upper, lower = ZOOMS[scale.zoom][1], ZOOMS[scale.zoom][2]
    first, last = scale.day_at(x0), scale.day_at(x0 + width) + timedelta(days=1)
    p.fillRect(QRectF(x0, top, width, HEADER_H), HEADER_BG)
    font = QFont(p.font())
    font.setPointSizeF(8.5)
    p.setFont(font)
    metrics = p.fontMetrics()
    half = HEADER_H / 2
    lang = current_language()
    for tier, y, short in ((upper, top, False), (lower, top + half, True)):
        for a, b, label, shorter in _periods(tier, first, last, short, lang, date_format):
            left, right = scale.x(a), scale.x(b)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(right, y), QPointF(right, y + half))
            # A period scrolled partly out of view keeps its label at the left edge, whole when it fits in
            # the part in view, else its shorter form, else nothing (never a label cut or running into the next).
            text_left = max(left, x0)
            room = min(right, x0 + width) - text_left - 6
            text = next((t for t in (label, shorter) if metrics.horizontalAdvance(t) < room), None)
            if text:
                p.setPen(HEADER_TEXT)
                p.drawText(QRectF(text_left + 3, y, room, half),
                           int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
    p.setPen(QPen(QColor("#CFD8DC"), 1))
    p.drawLine(QPointF(x0, top + half), QPointF(x0 + width, top + half))
    p.drawLine(QPointF(x0, top + HEADER_H - 0.5), QPointF(x0 + width, top + HEADER_H - 0.5))


def paint_grid(p: QPainter, scale: TimeScale, x0: float, width: float, top: float, height: float) -> None:
    """Weekend shading when days are wide enough to see, and lines at each lower-tier period."""
    first, last = scale.day_at(x0), scale.day_at(x0 + width) + timedelta(days=1)
    if scale.px_per_day >= 10:
        d = first
        while d <= last:
            if d.weekday() >= 5:
                p.fillRect(QRectF(scale.x(d), top, scale.px_per_day, height), WEEKEND)
            d += timedelta(days=1)
    p.setPen(QPen(GRID, 1))
    for a, _b, _label, _shorter in _periods(ZOOMS[scale.zoom][2], first, last):
        x = scale.x(a)
        p.drawLine(QPointF(x, top), QPointF(x, top + height))


def paint_today(p: QPainter, scale: TimeScale, today: date, top: float, height: float) -> None:
    x = scale.x(today) + scale.px_per_day / 2
    p.setPen(QPen(TODAY, 1.5, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x, top), QPointF(x, top + height))


def diamond(p: QPainter, cx: float, cy: float, r: float, fill: QColor, outline: QColor | None = None) -> None:
    p.setBrush(fill)
    p.setPen(QPen(outline or fill.darker(130), 1))
    p.drawPolygon(QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]))


def task_bar(p: QPainter, left: float, right: float, y: float, h: float, *, percent: float = 0.0,
             critical: bool = False, colour: QColor = TASK) -> None:
    width = max(2.0, right - left)
    rect = QRectF(left, y, width, h)
    p.setPen(QPen(CRITICAL if critical else colour.darker(125), 1.6 if critical else 1))
    p.setBrush(colour.lighter(135))
    p.drawRoundedRect(rect, 2, 2)
    if percent > 0:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(DONE)
        p.drawRect(QRectF(left + 1, y + h * 0.3, (width - 2) * min(100.0, percent) / 100, h * 0.4))


def summary_bar(p: QPainter, left: float, right: float, y: float, h: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(SUMMARY)
    p.drawRect(QRectF(left, y + h * 0.25, max(2.0, right - left), h * 0.3))
    for x, d in ((left, 1), (right, -1)):
        p.drawPolygon(QPolygonF([QPointF(x, y + h * 0.25), QPointF(x + 6 * d, y + h * 0.25),
                                 QPointF(x, y + h * 0.9)]))


def baseline_bar(p: QPainter, left: float, right: float, y: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BASELINE)
    p.drawRect(QRectF(left, y, max(2.0, right - left), 3))


def rag_bar(p: QPainter, left: float, right: float, y: float, h: float, rag: str | None, label: str = "",
            visible_left: float | None = None) -> None:
    """A roadmap bar in its RAG colour, with the RAG letter (at the bar's visible start) so print and
    colour-blind readers see the status too."""
    try:
        r = Rag(rag) if rag else Rag.GREY
    except ValueError:
        r = Rag.GREY
    fill, text = QColor(r.colour), QColor(r.text_colour)
    rect = QRectF(left, y, max(3.0, right - left), h)
    p.setPen(QPen(fill.darker(120), 1))
    p.setBrush(fill)
    p.drawRoundedRect(rect, 3, 3)
    p.setPen(text)
    font = QFont(p.font())
    font.setBold(True)
    font.setPointSizeF(8)
    p.setFont(font)
    shown = QRectF(max(left, visible_left if visible_left is not None else left), y,
                   right - max(left, visible_left if visible_left is not None else left), h)
    if shown.width() > 16:
        p.drawText(shown.adjusted(5, 0, -4, 0), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                   f"{r.letter}  {label}" if label and shown.width() > 80 else r.letter)
    font.setBold(False)
    p.setFont(font)


def rag_letter(p: QPainter, left: float, right: float, y: float, h: float, rag: str | None,
               visible_left: float | None = None) -> None:
    """The RAG letter again, on a patch of the bar's colour, above milestones and link arrows drawn over
    the bar's start (the letter is what colour-blind readers and black-and-white prints go by)."""
    try:
        r = Rag(rag) if rag else Rag.GREY
    except ValueError:
        r = Rag.GREY
    start = max(left, visible_left if visible_left is not None else left)
    if right - start <= 16:
        return
    font = QFont(p.font())
    font.setBold(True)
    font.setPointSizeF(8)
    p.setFont(font)
    box = QRectF(start + 2, y + 2, QFontMetricsF(font).horizontalAdvance(r.letter) + 6, h - 4)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(r.colour))
    p.drawRect(box)
    p.setPen(QColor(r.text_colour))
    p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), r.letter)
    font.setBold(False)
    p.setFont(font)
