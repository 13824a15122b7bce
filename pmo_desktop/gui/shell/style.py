"""The look: the style sheet and SVG icons from resources/."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pmo_desktop.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path("icons", name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setWindowIcon(icon("app.svg"))
    path = resource_path("style.qss")
    if path.is_file():
        # url(@ICONS@/x.svg) in the sheet: the icons folder wherever resources/ lives (checkout, wheel, bundle)
        icons = resource_path("icons", "").as_posix().rstrip("/")
        app.setStyleSheet(path.read_text(encoding="utf-8").replace("@ICONS@", icons))
