"""File > Import…: a wizard that brings a workbook, CSV file or plan into the open portfolio.

Pages (import_pages.py, answer_pages.py, import_preview.py): the file -> the column mapping -> (values the
portfolio does not know) -> (projects it lacks) -> the preview -> Import, the two answer pages only when
the file needs them; a plan file (.xml, .gan) goes the file -> the plan's target project -> Import. The work is done by the import service
(pmo_desktop.importing) and plans_io through an ImportSession; the import is one change-log batch,
recorded in the window's undo history so Ctrl+Z takes the whole import back.

Reading, previewing and applying run on a worker thread through the window's job runner (jobs.py):
a progress dialog with Cancel appears when a step takes a while, and the window (with the wizard over
it) is locked meanwhile, because the worker uses the portfolio's one connection. Each step reports back
on the GUI thread; a failure is a one-line message on the page and nothing was written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QWizard

from pmo_desktop.gui.importing.answer_pages import ProjectsPage, ValuesPage
from pmo_desktop.gui.importing.import_pages import (
    FILE_PAGE,
    MAPPING_PAGE,
    PLAN_PAGE,
    PREVIEW_PAGE,
    PROJECTS_PAGE,
    VALUES_PAGE,
    FilePage,
    MappingPage,
)
from pmo_desktop.gui.importing.import_preview import PlanPage, PreviewPage
from pmo_desktop.gui.importing.import_session import Applied, ImportSession, is_importable
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.jobs import JobRunner, job_runner
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import PortfolioError

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow


class ImportWizard(QWizard):
    """Import one file into `portfolio`. Emits `imported(batch_id, message)` once the data is written."""

    imported = Signal(int, str)

    def __init__(self, portfolio, path: str | Path | None = None, parent=None, runner: JobRunner | None = None):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setMinimumSize(QSize(820, 560))
        self.session = ImportSession(portfolio)
        self.runner = runner or JobRunner(self)
        self.applied: Applied | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.plan_page = PlanPage(self)
        self.values_page = ValuesPage(self)
        self.projects_page = ProjectsPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(PREVIEW_PAGE, self.preview_page)
        self.setPage(PLAN_PAGE, self.plan_page)
        self.setPage(VALUES_PAGE, self.values_page)
        self.setPage(PROJECTS_PAGE, self.projects_page)
        self.setStartId(FILE_PAGE)
        if path is not None:
            self.file_page.load(path)

    def start(self, title: str, work: Callable, on_success: Callable, on_failure: Callable[[str], None]) -> bool:
        """Run one step `work(progress, cancelled)` through the job runner; False if it could not start
        (another job of the window is still running)."""
        job = None

        def failed(message: str) -> None:
            # Our errors are already one line; jobs.one_line would capitalise a leading file name.
            error = job.error if job is not None else None
            on_failure(str(error) if isinstance(error, PortfolioError) and str(error) else message)

        job = self.runner.run(title, work, on_success=on_success, on_failure=failed,
                              on_cancelled=lambda: on_failure(tr("{what} was cancelled; nothing was changed").format(what=title)))
        return job is not None

    def busy(self) -> bool:
        """A step is running (tests wait for this to turn False)."""
        return self.runner.busy()

    def finished_import(self, applied: Applied) -> None:
        self.applied = applied
        self.imported.emit(applied.batch_id or 0, applied.message)


def open_import_wizard(win: MainWindow, path: str | Path | None = None) -> ImportWizard | None:
    """Show the wizard over the window (not blocking); on import, record the batch and refresh."""
    pf = win.portfolio
    if pf is None or pf.read_only:
        return None
    runner = job_runner(win)
    if runner.busy():
        runner.message(tr("Import"), tr("Wait for “{title}” to finish first").format(title=runner.job.title))
        return None
    wizard = ImportWizard(pf, path, parent=win, runner=runner)

    def done(batch_id: int, message: str) -> None:
        if batch_id and win.history is not None:
            win.history.record(batch_id)
        win.refresh_views()
        win.statusBar().showMessage(said(message), 8000)  # the benefits import says it in English

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
