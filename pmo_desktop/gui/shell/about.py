"""Help ▸ About: the version, where settings, backups and logs are kept, and the bundled licences."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop import __version__
from pmo_desktop.gui.shell.crash import log_folder
from pmo_desktop.gui.shell.style import icon
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.paths import resource_path
from pmo_desktop.store.backups import data_dir


def licences_text() -> str:
    """resources/licences.txt: every component the application bundles and its licence."""
    return resource_path("licences.txt").read_text(encoding="utf-8")


def locations(settings: QSettings) -> dict[str, Path | str]:
    """Where the application keeps things on this computer, by what a user would call them."""
    return {
        tr("Settings"): settings.fileName(),
        tr("Data folder"): data_dir(),
        tr("Backups"): data_dir() / "backups",
        tr("Error logs"): log_folder(),
    }


class AboutDialog(QDialog):
    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About PMO Desktop"))
        self.setWindowIcon(icon("app.svg"))
        self.places = locations(settings or QSettings())
        rows = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(str(v))}</td></tr>"
                       for k, v in self.places.items())
        note = tr("Backups: the last 10 copies of each portfolio, one folder per file.")
        self.header = QLabel(
            f"<h2>PMO Desktop {escape(__version__)}</h2>"
            f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}</p>"
            f"<table>{rows}</table>"
            f"<p>{escape(note)}</p>")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setWordWrap(True)
        heading = QLabel("<b>{}</b>".format(escape(tr("Bundled components and their licences"))))
        self.licences = QPlainTextEdit(licences_text())
        self.licences.setReadOnly(True)
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licences.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton(tr("Open Data Folder"))
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.clicked.connect(self.show_data_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(heading)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and for copying)."""
        return f"{self.header.text()}\n{self.licences.toPlainText()}"

    def show_data_folder(self) -> None:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def add_help_menu(window: QMainWindow) -> QAction:
    """Add Help ▸ About PMO Desktop to the window's menu bar; returns the action."""
    action = QAction(tr("&About PMO Desktop"), window)
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda _checked=False: show_about(window))
    window.menuBar().addMenu(tr("&Help")).addAction(action)
    window.about_action = action
    return action


def show_about(window: QMainWindow) -> None:
    AboutDialog(getattr(window, "settings", None), window).exec()
