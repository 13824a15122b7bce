"""Project > Collect Status Reports…: choose the period and programmes, write one workbook per active
project into a folder (on the job runner), then open the folder so the analyst can e-mail them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop import collect
from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Source
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.jobs import Job, job_runner
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import Portfolio

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow

def job_title() -> str:
    return tr("Writing status-report workbooks")


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CollectDialog(QDialog):
    """Period, programmes and folder; `choices()` gives them checked, or a one-line problem."""

    def __init__(self, pf: Portfolio, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("collectDialog")
        self.setWindowTitle(tr("Collect status reports"))
        self.pf = pf
        period = date.fromisoformat(collect.parse_period(pf, None))
        self.period = QDateEdit(QDate(period.year, period.month, period.day))
        self.period.setCalendarPopup(True)
        self.period.setDisplayFormat("yyyy-MM-dd")
        self.period.dateChanged.connect(self._update_note)
        self.programmes = QListWidget()
        self.programmes.setObjectName("programmeList")
        for name in collect.programme_names_all(pf):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.programmes.addItem(item)
        self.programmes.itemChanged.connect(self._update_note)
        self.programmes.setMaximumHeight(150)
        self.folder = QLineEdit(str(pf.path.parent / tr("Status reports {month}").format(month=f"{period:%Y-%m}")))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.open_after = QCheckBox(tr("Open the folder when the workbooks are written"))
        self.open_after.setChecked(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546E7A;")
        form = QFormLayout()
        form.addRow(tr("Period ending"), self.period)
        form.addRow(tr("Programmes"), self.programmes)
        form.addRow(tr("Folder"), folder_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Write workbooks"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("One workbook per active project, pre-filled from its last report, with its open RAID "
                          "items, next milestones and forecast months. E-mail each to its project manager; "
                          "drop the returned files on the Returned reports page."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.open_after)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self._update_note()

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Folder for the workbooks"), self.folder.text())
        if path:
            self.folder.setText(path)

    def chosen_period(self) -> str:
        return collect.parse_period(self.pf, self.period.date().toString("yyyy-MM-dd"))

    def chosen_programmes(self) -> list[str] | None:
        items = [self.programmes.item(i) for i in range(self.programmes.count())]
        checked = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
        return None if len(checked) == len(items) else checked

    def _update_note(self, *_args) -> None:
        programmes = self.chosen_programmes()
        if programmes == []:
            self.note.setText(tr("Choose at least one programme."))
            return
        count = len(collect.active_projects(self.pf, programmes))
        when = format_date(self.chosen_period(), self.pf.settings().get("date_format"), lang=current_language())
        self.note.setText(tr("Workbooks to write: {count}, for the period ending {date}.").format(count=count, date=when))


def collect_status_reports(win: MainWindow, *, period: str | None = None, programmes: list[str] | None = None,
                           folder: Path | None = None, open_after: bool | None = None,
                           opener: Callable[[Path], None] | None = None,
                           on_done: Callable[[collect.CollectResult], None] | None = None) -> Job | None:
    """Ask (unless every choice is given), then write the workbooks on the job runner. Returns the Job."""
    pf = win.portfolio
    if pf is None or pf.read_only:
        return None
    if period is None or folder is None:
        dialog = CollectDialog(pf, win)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        period, programmes = dialog.chosen_period(), dialog.chosen_programmes()
        folder, open_after = Path(dialog.folder.text().strip()), dialog.open_after.isChecked()
        if programmes == []:
            win.prompts.error(tr("Nothing to collect"), tr("Choose at least one programme."))
            return None

    def done(result: collect.CollectResult) -> None:
        if result.batch_id:
            win.history.record(result.batch_id)
        win.refresh_views()
        win.statusBar().showMessage(tr("Wrote {count} status-report workbooks to {folder}").format(
            count=len(result.written), folder=result.folder), 8000)
        if open_after:
            (opener or open_folder)(result.folder)
        if on_done is not None:
            on_done(result)

    lang = current_language()  # the workbooks speak the window's language; either comes back
    return job_runner(win).run(
        job_title(), lambda progress, cancelled: collect.collect(
            pf, period, Path(folder), programmes, source=Source.UI, progress=progress, cancelled=cancelled,
            lang=lang),
        on_success=done, on_failure=lambda message: win.prompts.error(tr("Could not write the workbooks"), said(message)))
