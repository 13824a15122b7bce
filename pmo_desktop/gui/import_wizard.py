"""File > Import…: a wizard that brings a workbook, CSV file or plan into the open portfolio.

Pages (import_pages.py): the file -> the column mapping -> the preview -> Import; a plan file (.xml,
.gan) goes the file -> the plan's target project -> Import. The work is done by the import service
(pmo_desktop.importing) and plans_io through an ImportSession; the import is one change-log batch,
recorded in the window's undo history so Ctrl+Z takes the whole import back.

Reading, previewing and applying run on the GUI thread under a wait cursor (the portfolio's SQLite
connection belongs to that thread).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QApplication, QWizard

from pmo_desktop.gui.import_pages import (
    FILE_PAGE,
    MAPPING_PAGE,
    PLAN_PAGE,
    PREVIEW_PAGE,
    FilePage,
    MappingPage,
    PlanPage,
    PreviewPage,
)
from pmo_desktop.gui.import_session import Applied, ImportSession, is_importable

if TYPE_CHECKING:
    from pmo_desktop.gui.main_window import MainWindow

T = TypeVar("T")


def run_with_wait_cursor(fn: Callable[[], T]) -> T:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn()
    finally:
        QApplication.restoreOverrideCursor()


class ImportWizard(QWizard):
    """Import one file into `portfolio`. Emits `imported(batch_id, message)` once the data is written."""

    imported = Signal(int, str)

    def __init__(self, portfolio, path: str | Path | None = None, parent=None,
                 run: Callable[[Callable[[], T]], T] = run_with_wait_cursor):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle("Import")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setMinimumSize(QSize(820, 560))
        self.session = ImportSession(portfolio)
        self.run = run
        self.applied: Applied | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.plan_page = PlanPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(PREVIEW_PAGE, self.preview_page)
        self.setPage(PLAN_PAGE, self.plan_page)
        self.setStartId(FILE_PAGE)
        if path is not None:
            self.file_page.load(path)

    def finished_import(self, applied: Applied) -> None:
        self.applied = applied
        self.imported.emit(applied.batch_id or 0, applied.message)


def open_import_wizard(win: MainWindow, path: str | Path | None = None) -> ImportWizard | None:
    """Show the wizard over the window (not blocking); on import, record the batch and refresh."""
    pf = win.portfolio
    if pf is None or pf.read_only:
        return None
    wizard = ImportWizard(pf, path, parent=win)

    def done(batch_id: int, message: str) -> None:
        if batch_id and win.history is not None:
            win.history.record(batch_id)
        win.refresh_views()
        win.statusBar().showMessage(message, 8000)

    wizard.imported.connect(done)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard


def dropped_import(urls) -> Path | None:
    """The first dropped file the wizard can import, if any."""
    for url in urls:
        local = url.toLocalFile()
        if local and is_importable(local):
            return Path(local)
    return None
