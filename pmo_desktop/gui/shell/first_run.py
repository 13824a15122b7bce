"""What `pmo-desktop` opens when it is started without a file.

The most recent portfolio that still exists opens again. With none (a first run), a small welcome
dialog offers the three ways in: create a portfolio, open one, or explore the demo portfolio. Closing
the dialog without choosing opens the demo, so a new user always lands on a working portfolio.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget

from pmo_desktop import __version__
from pmo_desktop.gui.shell import file_actions
from pmo_desktop.gui.shell.file_actions import Prompts, file_filter, said
from pmo_desktop.gui.shell.style import icon
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import Portfolio, PortfolioError


class WelcomeDialog(QDialog):
    """Three choices; `choice` is ("new", path), ("open", path), ("demo", None) or None if closed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(tr("Welcome to PMO Desktop"))
        self.setWindowIcon(icon("app.svg"))
        self.choice: tuple[str, Path | None] | None = None
        title = QLabel("<h2>{welcome}</h2><p>{about}</p>".format(
            welcome=tr("Welcome to PMO Desktop"),
            about=tr("Version {version}. Your portfolio is one file (.pmo) that you keep where you like; "
                     "nothing leaves this computer.").format(version=__version__)))
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        self.new_button = self._button("new.svg", tr("Create a new portfolio"),
                                       tr("Start an empty portfolio file and add your projects, or import them "
                                          "from a spreadsheet."))
        self.open_button = self._button("open.svg", tr("Open a portfolio…"),
                                        tr("Open a .pmo file you or a colleague already has."))
        self.demo_button = self._button("dashboard.svg", tr("Explore the demo portfolio"),
                                        tr("A realistic portfolio of 40 projects to try every view on. It is "
                                           "kept apart from your own files; change it as you like."))
        self.new_button.clicked.connect(self.choose_new)
        self.open_button.clicked.connect(self.choose_open)
        self.demo_button.clicked.connect(self.choose_demo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(title)
        for button in (self.new_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        self.setMinimumWidth(520)

    def _button(self, icon_name: str, text: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description, self)
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(24, 24))
        return button

    # The file dialogs are methods so tests (and other platforms' conventions) can replace them.
    def ask_new_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, tr("New portfolio"), str(Path.home() / "Portfolio.pmo"),
                                              file_filter())
        return Path(path) if path else None

    def ask_open_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open portfolio"), str(Path.home()), file_filter())
        return Path(path) if path else None

    def choose_new(self) -> None:
        path = self.ask_new_path()
        if path is None:
            return  # cancelled the file dialog: the three choices stay on screen
        if path.suffix.lower() != ".pmo":
            path = path.with_suffix(".pmo")
        self._done("new", path)

    def choose_open(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self._done("open", path)

    def choose_demo(self) -> None:
        self._done("demo", None)

    def _done(self, kind: str, path: Path | None) -> None:
        self.choice = (kind, path)
        self.accept()


def most_recent(settings: QSettings) -> Path | None:
    value = settings.value("recent", [])
    if isinstance(value, str):
        value = [value]
    for item in value or []:
        if item and Path(item).is_file():
            return Path(item)
    return None


def start_portfolio(settings: QSettings, prompts: Prompts, demo: Callable[[], Path],
                    ask: Callable[[], tuple[str, Path | None] | None] | None = None) -> Portfolio | None:
    """The portfolio to show when no file was given, or None (an empty window) if it cannot be opened.

    `demo` returns the demo portfolio's path (creating it on first use); `ask` runs the welcome dialog
    and returns its choice (the real dialog unless a test passes its own).
    """
    recent = most_recent(settings)
    if recent is not None:
        portfolio = file_actions.open_with_dialogs(recent, prompts)
        if portfolio is not None:
            return portfolio
    kind, path = (ask or _ask)() or ("demo", None)
    if kind == "new":
        return file_actions.new_with_dialogs(path, prompts)
    if kind == "open":
        return file_actions.open_with_dialogs(path, prompts)
    try:
        path = demo()
    except (PortfolioError, OSError) as exc:
        prompts.error(tr("Cannot create the demo portfolio"), said(str(exc)))
        return None
    return file_actions.open_with_dialogs(path, prompts)


def _ask() -> tuple[str, Path | None] | None:
    dialog = WelcomeDialog()
    dialog.exec()
    return dialog.choice
