"""Chinese, Japanese and Korean names draw with real glyphs on any machine: the window falls back to
the CJK font bundled in resources/fonts (the board pack's), not to the system's, and never to boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout

from pmo_desktop.gui.shell.style import add_cjk_fallback

NAMES = ["上海数据中心迁移", "東京オフィス移転", "서울 데이터 센터"]


def _runs(text: str, font: QFont):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.glyphRuns()


def test_cjk_names_draw_with_the_bundled_font(qapp):
    family = add_cjk_fallback(qapp)
    assert family, "the bundled CJK font was not loaded"
    assert qapp.font().families()[-1] == family
    for name in NAMES:
        runs = _runs(name, qapp.font())
        glyphs = [g for run in runs for g in run.glyphIndexes()]
        assert len(glyphs) >= len(name.replace(" ", "")) and 0 not in glyphs, name  # 0 is the missing-glyph box
        cjk_runs = [run for run in runs if run.rawFont().familyName() == family]
        assert cjk_runs, f"{name} was not drawn with {family}"


def test_without_the_fallback_a_font_lacking_cjk_draws_boxes(qapp):
    """The check above can fail: a Latin-only face with no fallback gives glyph 0 (a box) for Chinese."""
    font = QFont("PMO-no-such-family")
    font.setFamilies(["DejaVu Sans"])
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    glyphs = [g for run in _runs("上海", font) for g in run.glyphIndexes()]
    assert 0 in glyphs
