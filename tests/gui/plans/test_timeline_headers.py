"""The time scale heads of the Gantt and the Roadmap: months and days in the portfolio's one date format
(ISO 2026-11, numeric 11/2026, medium Nov 2026, Chinese 2026年11月), and at every zoom a label on every
period in view, whole (the shorter form where the long one does not fit), never cut or overlapping."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.shell.i18n import install_translators


def _labels(kind, style, lang="en", short=False, first=date(2026, 11, 1), last=date(2026, 11, 30)):
    return [label for _a, _b, label, _s in tp._periods(kind, first, last, short, lang, style)]


@pytest.mark.parametrize(("style", "lang", "month", "week"), [
    ("iso", "en", "2026-11", "11-02"), ("dmy", "en", "11/2026", "02/11"), ("mdy", "en", "11/2026", "11/02"),
    ("medium", "en", "Nov 2026", "2 Nov"), ("medium", "zh-CN", "2026年11月", "11月2日"),
    ("iso", "zh-CN", "2026-11", "11-02")])
def test_month_and_week_heads_follow_the_date_format(style, lang, month, week):
    assert _labels("month", style, lang) == [month]
    assert _labels("week", style, lang)[1] == week  # the week of Monday 2 November
    assert _labels("month", style, lang, short=True) == ["11月" if lang == "zh-CN" else "Nov"]  # under a quarter


class Recorder(QPainter):
    """A painter on an image that keeps each text drawn, with the box it was given."""

    def __init__(self, image):
        super().__init__(image)
        self.texts: list[tuple[float, float, float, str]] = []  # (left, top, width, text)

    def drawText(self, rect, flags, text):  # noqa: N802 - Qt's name
        self.texts.append((rect.left(), rect.top(), rect.width(), text))
        super().drawText(rect, flags, text)


@pytest.fixture(params=["en", "zh-CN"])
def language(request, qapp):
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


@pytest.mark.parametrize("zoom", list(tp.ZOOMS))
@pytest.mark.parametrize("style", ["iso", "dmy", "medium"])
def test_every_period_in_view_has_a_whole_label_at_every_zoom(zoom, style, language):
    scale = tp.scale_for(date(2026, 11, 1), None, zoom)
    width = 1000.0
    x0 = scale.x(date(2026, 11, 1))
    image = QImage(int(width), tp.HEADER_H, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    p = Recorder(image)
    p.translate(-x0, 0)
    tp.paint_header(p, scale, x0, width, date_format=style)
    metrics = p.fontMetrics()
    texts = list(p.texts)
    p.end()
    first, last = scale.day_at(x0), scale.day_at(x0 + width)
    for tier, top in ((tp.ZOOMS[zoom][1], 0), (tp.ZOOMS[zoom][2], tp.HEADER_H / 2)):
        drawn = {round(left): text for left, y, _w, text in texts if y == top}
        for a, b, label, shorter in tp._periods(tier, first, last + timedelta(days=1), top > 0, language, style):
            if a < first or b > last:  # partly out of view: its label may be left out
                continue
            text = drawn.get(round(scale.x(a) + 3))
            assert text in (label, shorter), (tier, a, label, drawn)
            assert metrics.horizontalAdvance(text) <= scale.x(b) - scale.x(a) - 6, (tier, text)
    for left, _top, box, text in texts:
        assert metrics.horizontalAdvance(text) <= box, text  # drawn whole in its box
        assert left + metrics.horizontalAdvance(text) <= x0 + width, text  # not cut at the chart's right edge


def test_the_gantt_and_roadmap_heads_follow_the_setting(window, qtbot, monkeypatch):
    drawn: list[str | None] = []  # the date format each head was painted in
    original = tp.paint_header

    def paint_header(p, scale, x0, width, top=0.0, date_format=None):
        drawn.append(date_format)
        original(p, scale, x0, width, top, date_format)

    monkeypatch.setattr(tp, "paint_header", paint_header)
    window.show()
    window.date_format_actions["iso"].trigger()
    for name in ("gantt", "roadmap"):
        window.show_view(name)
        view = window.current_view()
        view.chart.viewport().grab()
        assert drawn and drawn[-1] == "iso", name
    window.date_format_actions["dmy"].trigger()
    window.current_view().chart.viewport().grab()
    assert drawn[-1] == "dmy"
