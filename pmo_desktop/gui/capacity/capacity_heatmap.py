"""The capacity heatmap: people (grouped by team or role) x months, coloured by utilisation band.

It paints only the rows and months inside the viewport, straight from the CapacityGrid's lists, so
2,000 people x 24 months costs what one screenful costs. Names and month headers stay put while the
cells scroll. Clicking a cell (or moving with the arrow keys) emits `cell_selected(row, col)`: the row
is an index into `rows`, where each entry is a group header or a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QStaticText, QTransform
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip

from pmo_desktop.capacity import maths
from pmo_desktop.domain.dates import format_month
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr

# (fill, text) per band, from the one palette: over = Red, full = Green, under = plan grey-blue tint
BAND_COLOURS = {
    maths.OVER: ("#C62828", "#FFFFFF"),
    maths.FULL: ("#2E7D32", "#FFFFFF"),
    maths.UNDER: ("#CFD8DC", "#1F2A30"),
    maths.NONE: ("#F5F7F8", "#90A4AE"),
}
BAND_LABELS = {maths.UNDER: QT_TRANSLATE_NOOP("", "Under (< 80%)"), maths.FULL: QT_TRANSLATE_NOOP("", "Full (80-100%)"),
               maths.OVER: QT_TRANSLATE_NOOP("", "Over (> 100%)")}
BAND_WORDS = {maths.UNDER: QT_TRANSLATE_NOOP("", "under"), maths.FULL: QT_TRANSLATE_NOOP("", "full"),
              maths.OVER: QT_TRANSLATE_NOOP("", "over"), None: QT_TRANSLATE_NOOP("", "no capacity and no work")}


@dataclass(frozen=True)
class HeatRow:
    """A line of the heatmap: a group header (`group` set, person None) or one person (grid row)."""

    label: str
    person: int | None = None  # row in the grid
    group: str | None = None
    cells: tuple[maths.GroupMonth, ...] = ()


def heat_rows(grid: maths.CapacityGrid, group_by: str = "team") -> list[HeatRow]:
    groups = maths.group_utilisation(grid, group_by)
    members: dict[str, list[int]] = {}
    for row, person in enumerate(grid.people):
        members.setdefault(getattr(person, group_by) or "(none)", []).append(row)
    rows = []
    for name, cells in groups.items():
        people = sorted(members.get(name, []), key=lambda r: grid.people[r].name.casefold())
        rows.append(HeatRow(f"{name}  ({len(people)})", group=name, cells=tuple(cells)))
        rows.extend(HeatRow(grid.people[r].name, person=r) for r in people)
    return rows


def month_text(month: date, date_format: str | None = None, *, full: bool = False, year: bool = True) -> str:
    """A month in the portfolio's date format and the window's language: 'Nov 2026' ('November 2026' when
    full), '2026-11' (ISO), '11/2026', '2026年11月'."""
    return format_month(month, date_format, lang=current_language(), year=year, full=full)


def pct_text(utilisation: float | None) -> str:
    return "n/a" if utilisation is None else f"{100 * utilisation:.0f}%"


class CapacityHeatmap(QAbstractScrollArea):
    cell_selected = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("capacityHeatmap")
        self.grid: maths.CapacityGrid | None = None
        self.date_format: str | None = None  # the portfolio's, for month labels
        self.rows: list[HeatRow] = []
        self._cache: dict[int, tuple[list[str], list[str]]] = {}
        self._texts: dict[tuple[str, bool], tuple[QStaticText, int, int]] = {}
        self.current: tuple[int, int] | None = None
        self.name_width, self.header_height, self.row_height, self.col_width = 230, 40, 22, 62
        self.painted_cells = 0  # cells drawn by the last paint (what "paint only what is visible" means)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._colours = {k: (QColor(f), QColor(t)) for k, (f, t) in BAND_COLOURS.items()}
        self._line = QColor("#FFFFFF")
        self._header_bg = QColor("#ECEFF1")
        self._group_bg = QColor("#E3E8EB")

    # -- data -------------------------------------------------------------------------------------------

    def set_grid(self, grid: maths.CapacityGrid, group_by: str = "team") -> None:
        self.grid = grid
        self.rows = heat_rows(grid, group_by)
        self._cache = {}
        if self.current and (self.current[0] >= len(self.rows) or self.current[1] >= len(grid.months)):
            self.current = None
        self._update_scrollbars()
        self.viewport().update()

    def cell(self, row: int, col: int) -> tuple[float, float, float | None, str]:
        """(capacity days, allocated days, utilisation, band) of a heatmap row and month."""
        line = self.rows[row]
        if line.person is None:
            g = line.cells[col]
            return g.capacity_days, g.allocated_days, g.utilisation, g.band
        r = line.person
        return (self.grid.capacity[r][col], self.grid.allocated[r][col], self.grid.utilisation(r, col),
                self.grid.band(r, col))

    def _static(self, text: str, font: QFont) -> tuple[QStaticText, int, int]:
        """Cell texts repeat ("80%", "100%" ...): lay each out once and draw the laid-out text."""
        key = (text, font.bold())
        found = self._texts.get(key)
        if found is None:
            label = QStaticText(text)
            label.prepare(QTransform(), font)
            size = label.size()
            found = self._texts[key] = (label, int(size.width()), int(size.height()))
        return found

    def _row_cells(self, row: int) -> tuple[list[str], list[str]]:
        """Bands and cell texts of one heatmap row, worked out the first time the row is painted."""
        cached = self._cache.get(row)
        if cached is None:
            cells = [self.cell(row, c) for c in range(len(self.grid.months))]
            cached = ([b for *_x, b in cells], ["–" if b == maths.NONE else pct_text(u) for _c, _a, u, b in cells])
            self._cache[row] = cached
        return cached

    def select(self, row: int, col: int) -> None:
        if not self.rows or self.grid is None:
            return
        row = max(0, min(row, len(self.rows) - 1))
        col = max(0, min(col, len(self.grid.months) - 1))
        self.current = (row, col)
        self.ensure_visible(row, col)
        self.viewport().update()
        self.cell_selected.emit(row, col)

    def row_of_person(self, grid_row: int) -> int:
        return next(i for i, line in enumerate(self.rows) if line.person == grid_row)

    def ensure_visible(self, row: int, col: int) -> None:
        vh = self.viewport().height() - self.header_height
        vw = self.viewport().width() - self.name_width
        top, left = row * self.row_height, col * self.col_width
        v, h = self.verticalScrollBar(), self.horizontalScrollBar()
        if top < v.value():
            v.setValue(top)
        elif top + self.row_height > v.value() + vh:
            v.setValue(top + self.row_height - vh)
        if left < h.value():
            h.setValue(left)
        elif left + self.col_width > h.value() + vw:
            h.setValue(left + self.col_width - vw)

    # -- geometry ---------------------------------------------------------------------------------------

    def _update_scrollbars(self) -> None:
        months = len(self.grid.months) if self.grid else 0
        vh = max(0, self.viewport().height() - self.header_height)
        vw = max(0, self.viewport().width() - self.name_width)
        self.verticalScrollBar().setRange(0, max(0, len(self.rows) * self.row_height - vh))
        self.verticalScrollBar().setPageStep(max(1, vh))
        self.verticalScrollBar().setSingleStep(self.row_height)
        self.horizontalScrollBar().setRange(0, max(0, months * self.col_width - vw))
        self.horizontalScrollBar().setPageStep(max(1, vw))
        self.horizontalScrollBar().setSingleStep(self.col_width)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_scrollbars()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 500)

    def visible_range(self) -> tuple[range, range]:
        """The rows and months that a paint covers now."""
        if self.grid is None:
            return range(0), range(0)
        dy, dx = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        vh = self.viewport().height() - self.header_height
        vw = self.viewport().width() - self.name_width
        r0 = dy // self.row_height
        r1 = min(len(self.rows), (dy + max(0, vh)) // self.row_height + 1)
        c0 = dx // self.col_width
        c1 = min(len(self.grid.months), (dx + max(0, vw)) // self.col_width + 1)
        return range(r0, r1), range(c0, c1)

    def hit(self, pos: QPoint) -> tuple[int, int] | None:
        if self.grid is None or pos.x() < self.name_width or pos.y() < self.header_height:
            return None
        row = (pos.y() - self.header_height + self.verticalScrollBar().value()) // self.row_height
        col = (pos.x() - self.name_width + self.horizontalScrollBar().value()) // self.col_width
        if 0 <= row < len(self.rows) and 0 <= col < len(self.grid.months):
            return row, col
        return None

    # -- painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self.viewport())
        p.fillRect(self.viewport().rect(), QColor("#FFFFFF"))
        if self.grid is None:
            p.end()
            return
        rows, cols = self.visible_range()
        dy, dx = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        rh, cw, nw, hh = self.row_height, self.col_width, self.name_width, self.header_height
        base = self.font()
        bold = QFont(base)
        bold.setBold(True)
        painted = 0
        p.setClipRect(QRect(nw, hh, self.viewport().width() - nw, self.viewport().height() - hh))
        colours = self._colours
        for r in rows:
            y = hh + r * rh - dy
            bands, texts = self._row_cells(r)
            p.setFont(bold if self.rows[r].person is None else base)
            font = bold if self.rows[r].person is None else base
            for c in cols:
                x = nw + c * cw - dx
                fill, text = colours[bands[c]]
                p.fillRect(x, y, cw - 1, rh - 1, fill)
                p.setPen(text)
                label, width, height = self._static(texts[c], font)
                p.drawStaticText(x + cw - 4 - width, y + (rh - 1 - height) // 2, label)
                painted += 1
        if self.current and self.current[0] in rows and self.current[1] in cols:
            r, c = self.current
            p.setPen(QPen(QColor("#1A237E"), 2))
            p.drawRect(nw + c * cw - dx + 1, hh + r * rh - dy + 1, cw - 3, rh - 3)
        # names, frozen on the left
        p.setClipRect(QRect(0, hh, nw, self.viewport().height() - hh))
        for r in rows:
            y = hh + r * rh - dy
            line = self.rows[r]
            if line.person is None:
                p.fillRect(0, y, nw, rh, self._group_bg)
                p.setFont(bold)
            else:
                p.setFont(base)
            p.setPen(QColor("#1F2A30"))
            indent = 6 if line.person is None else 16
            p.drawText(QRect(indent, y, nw - indent - 4, rh), Qt.AlignmentFlag.AlignVCenter, line.label)
        # month headers, frozen on top
        p.setClipRect(QRect(nw, 0, self.viewport().width() - nw, hh))
        p.fillRect(QRect(nw, 0, self.viewport().width() - nw, hh), self._header_bg)
        p.setFont(bold)
        p.setPen(QColor("#263238"))
        for c in cols:
            x = nw + c * cw - dx
            month = self.grid.months[c]
            p.drawText(QRect(x, 2, cw - 4, hh // 2), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       month_text(month, self.date_format, year=False))
            p.drawText(QRect(x, hh // 2, cw - 4, hh // 2 - 2),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       str(month.year))
        p.setClipping(False)
        p.fillRect(QRect(0, 0, nw, hh), self._header_bg)
        p.drawText(QRect(6, 0, nw - 8, hh), Qt.AlignmentFlag.AlignVCenter,
                   tr("{n} people").format(n=f"{len(self.grid.people):,}"))
        p.setPen(QColor("#B0BEC5"))
        p.drawLine(nw - 1, 0, nw - 1, self.viewport().height())
        p.drawLine(0, hh - 1, self.viewport().width(), hh - 1)
        p.end()
        self.painted_cells = painted

    # -- interaction ------------------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
        spot = self.hit(event.position().toPoint())
        if spot is not None:
            self.select(*spot)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.current is None:
            return super().keyPressEvent(event)
        r, c = self.current
        moves = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1),
                 Qt.Key.Key_PageUp: (-20, 0), Qt.Key.Key_PageDown: (20, 0)}
        if event.key() in moves:
            dr, dc = moves[event.key()]
            self.select(r + dr, c + dc)
            return None
        return super().keyPressEvent(event)

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == event.Type.ToolTip and self.grid is not None:
            spot = self.hit(event.pos())
            if spot is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(*spot), self.viewport())
                return True
            QToolTip.hideText()
        return super().viewportEvent(event)

    def tooltip(self, row: int, col: int) -> str:
        cap, alloc, util, band = self.cell(row, col)
        month = month_text(self.grid.months[col], self.date_format, full=True)
        label = shown(BAND_LABELS[band]) if band in BAND_LABELS else tr("No capacity and no work")
        return tr("{who} — {month}\nAllocated {alloc} of {cap} available days ({pct}): {band}").format(
            who=self.rows[row].label, month=month, alloc=f"{alloc:.1f}", cap=f"{cap:.1f}", pct=pct_text(util), band=label)
