"""The look: the style sheet and SVG icons from resources/."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from pmo_desktop.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path("icons", name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def add_cjk_fallback(app: QApplication) -> str | None:
    """Load the bundled CJK font (resources/fonts, as the board pack does) and put it after the window's
    own face in the application font's families, so Chinese, Japanese and Korean text draws on any
    machine, with or without a CJK system font. Returns the family used, or None without the file."""
    path = resource_path("fonts", "DroidSansFallbackFull.ttf")
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = app.font()
    primary = [f for f in font.families() or [font.family()] if f not in families]
    font.setFamilies([*primary, families[0]])
    app.setFont(font)
    return families[0]


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    add_cjk_fallback(app)
    app.setWindowIcon(icon("app.svg"))
    path = resource_path("style.qss")
    if path.is_file():
        # url(@ICONS@/x.svg) in the sheet: the icons folder wherever resources/ lives (checkout, wheel, bundle)
        icons = resource_path("icons", "").as_posix().rstrip("/")
        app.setStyleSheet(path.read_text(encoding="utf-8").replace("@ICONS@", icons))
