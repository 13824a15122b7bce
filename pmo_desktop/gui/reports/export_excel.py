"""File > Export to Excel: every register as a sheet, written on a worker thread.

The workbook is the one `pmo export FILE OUT.xlsx` writes (pmo_desktop/exporting), so it re-imports
exactly; the file appears only when complete.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from pmo_desktop.exporting.xlsx_export import export_workbook
from pmo_desktop.gui.shell.jobs import Job, job_runner

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow


def ask_path(win: MainWindow) -> Path | None:
    suggestion = win.portfolio.path.with_name(f"{win.portfolio.path.stem} registers.xlsx")
    path, _ = QFileDialog.getSaveFileName(win, "Export to Excel", str(suggestion), "Excel workbook (*.xlsx)")
    return Path(path) if path else None


def export_to_excel(win: MainWindow, path: Path | None = None,
                    on_done: Callable[[dict[str, int]], None] | None = None) -> Job | None:
    """Ask for a file (unless given) and write the workbook; problems are one-line messages."""
    if win.portfolio is None:
        return None
    path = path or ask_path(win)
    if path is None:
        return None
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        win.prompts.error("Could not export", f"folder {folder} does not exist")
        return None
    portfolio = win.portfolio

    def done(counts: dict[str, int]) -> None:
        win.statusBar().showMessage(f"Exported {sum(counts.values()):,} rows in {len(counts)} sheets to {path}",
                                    8000)
        if on_done is not None:
            on_done(counts)

    return job_runner(win).run("Export to Excel", lambda progress, cancelled: export_workbook(portfolio, path),
                               on_success=done)
