"""File ▸ Export Board Pack…: choose sections, period, programme, page size, format (PDF or editable
PowerPoint), the pack's language (English or 简体中文, the window's own by default) and file, then build it with `reports.build_board_pack` on a worker thread
(gui/shell/jobs.py). "Commentary…" opens the commentary editor for the chosen period and programme.

The dialog stays open while the pack is built and if it fails (the one-line reason is shown and the
analyst can correct the file name); on success it closes and offers to open the PDF. The sections,
programme and page size are remembered in the portfolio (`remember_options`), the folder in QSettings.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop import i18n
from pmo_desktop.gui.reports.commentary_dialog import edit_commentary
from pmo_desktop.gui.shell.jobs import JobRunner, job_runner
from pmo_desktop.gui.widgets.period_box import PeriodBox
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups
from pmo_desktop.reports import (
    PAGE_SIZE_NAMES,
    SECTIONS,
    BoardPackOptions,
    BoardPackResult,
    build_board_pack,
    remember_options,
    remembered_options,
)
from pmo_desktop.reports.data import NO_PROGRAMME
from pmo_desktop.reports.sections import SECTION_MODULES
from pmo_desktop.store import Portfolio, PortfolioError


def section_titles() -> dict[str, str]:
    """The sections' names as the window shows them (the pack prints its own, in the pack's language)."""
    return {"cover": tr("Cover"), "contents": tr("Contents"), "summary": tr("Executive summary"),
            "status": tr("Portfolio status"), "trends": tr("Trends"), "roadmap": tr("Roadmap"),
            "financials": tr("Financials"), "capacity": tr("Capacity"), "benefits": tr("Benefits"),
            "risks": tr("Risks and issues"), "milestones": tr("Milestones"),
            "changes": tr("Changes since the previous period"), "programmes": tr("Programme pages"),
            "projects": tr("Project pages"), "appendix": tr("Appendix")}


def window_language() -> str:
    """The language the window speaks (gui/shell/i18n.py sets it on the application)."""
    app = QCoreApplication.instance()
    code = app.property("pmo_language") if app is not None else None
    return i18n.normalise(code) or i18n.DEFAULT


def _open_pdf(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class BoardPackDialog(QDialog):
    exported = Signal(object)  # the BoardPackResult, after the file is in place

    def __init__(self, pf: Portfolio, runner: JobRunner, *, settings: QSettings | None = None,
                 today: date | None = None, open_pdf: Callable[[Path], None] = _open_pdf,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("boardPackDialog")
        self.setWindowTitle(tr("Export board pack"))
        self.pf = pf
        self.runner = runner
        self.settings = settings
        self.today = today
        self.open_pdf = open_pdf
        self.job = None
        self.result: BoardPackResult | None = None
        saved = remembered_options(pf)

        sections = QGroupBox(tr("Sections"))
        titles = section_titles()
        grid = QGridLayout(sections)
        self.section_boxes: dict[str, QCheckBox] = {}
        chosen = saved.sections or SECTIONS
        half = (len(SECTIONS) + 1) // 2
        for i, name in enumerate(SECTIONS):
            box = QCheckBox(titles.get(name, SECTION_MODULES[name].TITLE))
            box.setObjectName(f"section_{name}")
            box.setChecked(name in chosen)
            box.toggled.connect(self._update_export)
            self.section_boxes[name] = box
            grid.addWidget(box, i % half, i // half)
        every = QPushButton(tr("All"))
        none = QPushButton(tr("None"))
        for button in (every, none):
            button.setAutoDefault(False)  # Enter exports; it does not tick every box
        every.clicked.connect(lambda: self.choose_sections(SECTIONS))
        none.clicked.connect(lambda: self.choose_sections(()))
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        grid.addLayout(row, half, 0, 1, 2)

        self.period_box = PeriodBox()
        self._fill_periods()
        self.programme_box = QComboBox()
        self.programme_box.setObjectName("programmeBox")
        self.programme_box.addItem(tr("All programmes"), None)
        for name in lookups.programme_names(pf):
            self.programme_box.addItem(name, name)
        self.programme_box.addItem(tr("Projects in no programme"), NO_PROGRAMME)
        self.programme_box.setCurrentIndex(max(0, self.programme_box.findData(saved.programme)))
        self.page_box = QComboBox()
        self.page_box.setObjectName("pageSizeBox")
        for size in PAGE_SIZE_NAMES:
            self.page_box.addItem(size, size)
        self.page_box.setCurrentIndex(max(0, self.page_box.findData(saved.page_size)))
        self.format_box = QComboBox()
        self.format_box.setObjectName("formatBox")
        self.format_box.addItem("PDF", ".pdf")
        self.format_box.addItem(tr("PowerPoint (editable slides)"), ".pptx")
        if settings is not None and settings.value("board_pack/format", "") == ".pptx":
            self.format_box.setCurrentIndex(1)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.language_box = QComboBox()  # the pack's language, chosen per pack: the window's by default
        self.language_box.setObjectName("languageBox")
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(window_language())))
        self.language_box.setToolTip(tr("Headings, labels, dates and the footer of the pack; names and "
                                        "commentary print as they were written"))
        self.closed_pages = QCheckBox(tr("A full page for closed and idea-stage projects"))
        self.closed_pages.setObjectName("closedPages")
        self.closed_pages.setToolTip(tr("By default they are one summary table"))
        self.commentary_button = QPushButton(tr("Commentary…"))
        self.commentary_button.setObjectName("commentaryButton")
        self.commentary_button.setAutoDefault(False)
        self.commentary_button.clicked.connect(self.edit_commentary)
        self.output_edit = QLineEdit(str(self._suggested_path()))
        self.output_edit.setObjectName("outputPath")
        self.output_edit.textChanged.connect(self._update_export)
        browse = QPushButton(tr("Browse…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output_edit, 1)
        out_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(tr("Period"), self.period_box)
        form.addRow(tr("Programme"), self.programme_box)
        form.addRow(tr("Page size"), self.page_box)
        form.addRow(tr("Format"), self.format_box)
        form.addRow(tr("Language"), self.language_box)
        form.addRow("", self.closed_pages)
        form.addRow(tr("Commentary"), self.commentary_button)
        form.addRow(tr("Save as"), out_row)
        self.problem = QLabel()
        self.problem.setObjectName("problemLabel")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B71C1C")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sections)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._form = [sections, self.period_box, self.programme_box, self.page_box, self.format_box,
                      self.language_box, self.closed_pages, self.commentary_button, self.output_edit, browse]
        self.resize(560, 0)
        self._update_export()

    # -- the choices -----------------------------------------------------------------------------------

    def _fill_periods(self) -> None:
        """The finance picker's periods, less those the pack refuses (no status reports that period)."""
        self.period_box.fill(self.pf)
        reported = lookups.reported_periods(self.pf)
        reported.add(self.pf.settings().get("current_period"))
        if len(reported) > 1:  # with no reports at all the pack accepts any period
            for i in reversed(range(self.period_box.count())):
                if self.period_box.itemData(i) not in reported:
                    self.period_box.removeItem(i)

    def _suggested_path(self) -> Path:
        folder = self.settings.value("board_pack/folder", "") if self.settings is not None else ""
        folder = Path(folder) if folder and Path(folder).is_dir() else self.pf.path.parent
        period = self.period_box.period()
        stem = tr("{name} board pack").format(name=self.pf.path.stem) + (f" {period.isoformat()}" if period else "")
        return folder / f"{stem}{self.extension()}"

    def extension(self) -> str:
        return self.format_box.currentData() if hasattr(self, "format_box") else ".pdf"

    def _format_changed(self) -> None:
        """The file name follows the format; the page size means nothing to slides."""
        path = Path(self.output_edit.text().strip())
        if path.suffix.lower() in (".pdf", ".pptx"):
            self.output_edit.setText(str(path.with_suffix(self.extension())))
        self.page_box.setEnabled(self.extension() == ".pdf")

    def edit_commentary(self):
        return edit_commentary(self.pf, self, period=self.period_box.period(),
                               programme=self.programme_box.currentData())

    def choose_sections(self, names) -> None:
        for name, box in self.section_boxes.items():
            box.setChecked(name in names)

    def chosen_sections(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.section_boxes.items() if box.isChecked())

    def options(self) -> BoardPackOptions:
        return BoardPackOptions(period=self.period_box.period(), sections=self.chosen_sections(),
                                programme=self.programme_box.currentData(),
                                page_size=self.page_box.currentData(), today=self.today,
                                closed_pages=self.closed_pages.isChecked(), lang=self.language_box.currentData())

    def output_path(self) -> Path:
        path = Path(self.output_edit.text().strip()).expanduser()
        ext = self.extension()
        return path if path.suffix.lower() == ext else path.with_name(path.name + ext)

    def browse(self) -> None:
        kind = tr("PDF files (*.pdf)") if self.extension() == ".pdf" else tr("PowerPoint files (*.pptx)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save board pack as"), self.output_edit.text(), kind)
        if path:
            self.output_edit.setText(path)

    def _update_export(self) -> None:
        self.export_button.setEnabled(self.job is None and bool(self.chosen_sections())
                                      and bool(self.output_edit.text().strip()))

    # -- building ----------------------------------------------------------------------------------------

    def export(self) -> None:
        """Build the pack on a worker thread; the dialog waits (its form disabled) for the outcome."""
        if self.job is not None or not self.export_button.isEnabled():
            return
        pf, output, options = self.pf, self.output_path(), self.options()
        self.problem.setText("")

        def work(progress, cancelled):
            return build_board_pack(pf, output, options, progress=progress, cancel=cancelled)

        self._set_busy(True)
        self.job = self.runner.run(tr("Building the board pack"), work, on_success=self._built, on_failure=self._failed,
                                   on_cancelled=self._cancelled, parent=self)
        if self.job is None:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for widget in self._form:
            widget.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        if not busy:
            self.job = None
        self._update_export()

    def _built(self, result: BoardPackResult) -> None:
        self._set_busy(False)
        self.result = result
        if not self.pf.read_only:
            # the pack is written; failing to remember the choices is no reason to say it failed
            with contextlib.suppress(PortfolioError):
                remember_options(self.pf, self.options())
        if self.settings is not None:
            self.settings.setValue("board_pack/folder", str(result.path.resolve().parent))
            self.settings.setValue("board_pack/format", self.extension())
        self.exported.emit(result)
        self.accept()
        saved = (tr("Saved {name} ({n} slides). Open it now?") if self.extension() == ".pptx"
                 else tr("Saved {name} ({n} pages). Open it now?"))
        answer = QMessageBox.question(
            self.parentWidget(), tr("Board pack saved"), saved.format(name=result.path.name, n=result.pages),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.open_pdf(result.path)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        message = i18n.message(message, window_language())
        self.problem.setText(message)
        self.runner.message(tr("Board pack not saved"), message, self)

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.problem.setText(tr("Cancelled; no file was written."))

    def reject(self) -> None:
        """Close asks a running build to stop first rather than leaving it behind."""
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()


def export_board_pack(win) -> BoardPackDialog | None:
    """The File ▸ Export Board Pack… action: the dialog over the window's open portfolio."""
    if win.portfolio is None:
        return None
    dialog = BoardPackDialog(win.portfolio, job_runner(win), settings=win.settings, parent=win)
    dialog.open()
    return dialog
