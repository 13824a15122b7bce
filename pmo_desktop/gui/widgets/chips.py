"""RAG chips: a rounded pill in the RAG colour with its letter, as icons the views can show.

Drawn once per RAG and size and handed to Qt as a decoration (DecorationRole), so painting a
register with thousands of chips runs no Python per cell. (A Python `paint()` override per cell is
also what trips a reference-count bug in PySide6 6.12; see delegates.py.)
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap

from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.scores import ScoreBand


def paint_chip(painter: QPainter, rect: QRectF, rag: Rag) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(rag.colour))
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)
    font = QFont(QGuiApplication.font())
    font.setBold(True)
    font.setPixelSize(max(8, int(rect.height() * 0.62)))
    painter.setFont(font)
    painter.setPen(QColor(rag.text_colour))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, rag.letter)
    painter.restore()


def _pixmap(width: int, height: int) -> tuple[QPixmap, float]:
    ratio = max(2.0, QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 2.0)
    pix = QPixmap(int(width * ratio), int(height * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    return pix, ratio


@cache
def chip_pixmap(rag: Rag, height: int = 18) -> QPixmap:
    width = int(height * 1.6)
    pix, _ = _pixmap(width, height)
    p = QPainter(pix)
    paint_chip(p, QRectF(0.5, 0.5, width - 1, height - 1), rag)
    p.end()
    return pix


@cache
def chip_icon(rag: Rag, height: int = 18) -> QIcon:
    return QIcon(chip_pixmap(rag, height))


@cache
def band_icon(band: ScoreBand, size: int = 12) -> QIcon:
    pix, _ = _pixmap(size, size)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(band.colour))
    p.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 2, 2)
    p.end()
    return QIcon(pix)
