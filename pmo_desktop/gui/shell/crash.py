"""Unexpected errors in the GUI: a log file in the user's data folder and a dialog, not a vanished window.

`install()` sets sys.excepthook (exceptions escaping Qt slots and event handlers end up there) and
threading.excepthook (worker threads). Each unexpected error is written to
`data_dir()/logs/pmo-desktop-<time>.log` (the same folder the `pmo` command logs to) and shown in a
dialog whose details can be copied to the clipboard for a bug report. The application keeps running:
the action that failed is abandoned, the portfolio (one transaction per change) is left consistent.
"""

from __future__ import annotations

import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from pmo_desktop import __version__
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store.backups import data_dir


def log_folder() -> Path:
    return data_dir() / "logs"


def describe(exc_type, exc, tb) -> str:
    """The full report: what ran where, then the traceback."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    head = (f"PMO Desktop {__version__} · Python {platform.python_version()} · PySide6 {pyside_version} · "
            f"Qt {qVersion()} · {platform.platform()}\n{datetime.now().isoformat(timespec='seconds')}\n\n")
    return head + "".join(traceback.format_exception(exc_type, exc, tb))


def write_log(details: str) -> Path | None:
    """Write the report to a new log file; None if even that is impossible (read-only disk...)."""
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"pmo-desktop-{stamp}.log"
        path.write_text(details, encoding="utf-8")
        return path
    except OSError:
        return None


class CrashDialog(QMessageBox):
    """'Something went wrong': the one-line cause, where the log is, and Copy Details."""

    def __init__(self, summary: str, details: str, log: Path | None, parent: QWidget | None = None):
        super().__init__(QMessageBox.Icon.Critical, tr("PMO Desktop: unexpected error"),
                         tr("Something went wrong and the last action was not finished."), parent=parent)
        self.setObjectName("crashDialog")
        self.details = details
        where = (tr("The details were saved to\n{log}").format(log=log) if log
                 else tr("The details could not be saved to a log file."))
        safe = tr("Your portfolio file is safe: every change is saved as one complete step. If this keeps "
                  "happening, send the details to your PMO Desktop support contact.")
        self.setInformativeText(f"{summary}\n\n{where}\n\n{safe}")
        self.setDetailedText(details)
        self.copy_button: QPushButton = self.addButton(tr("Copy Details"), QMessageBox.ButtonRole.ActionRole)
        # An ActionRole button would close the box; keep it open and just copy.
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(QMessageBox.StandardButton.Close)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("Copied"))


class CrashHandler(QObject):
    """Logs every unexpected exception and shows it; exceptions from threads are shown on the GUI thread."""

    _from_thread = Signal(str, str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.shown: list[CrashDialog] = []
        self.logs: list[Path] = []
        self._showing = False
        self._seen: set[str] = set()
        self._from_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = None, None

    def install(self) -> None:
        self._previous = sys.excepthook, threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous[0] is not None:
            sys.excepthook, threading.excepthook = self._previous

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = describe(exc_type, exc, tb)
        log = write_log(details)
        if log is not None:
            self.logs.append(log)
        summary = f"{exc_type.__name__}: {exc}"
        print(f"pmo-desktop: unexpected error: {summary} (details in {log or 'no log file'})", file=sys.stderr)
        if QApplication.instance() is None:
            return
        if threading.current_thread() is threading.main_thread():
            self._show(summary, details, log)
        else:
            self._from_thread.emit(summary, details, str(log or ""))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str, str)
    def _show(self, summary: str, details: str, log: Path | str | None) -> None:
        # An error while the dialog is up, or one already shown (a paint event failing on every
        # repaint), is logged but not shown again: the user must be able to get back to work.
        if self._showing or summary in self._seen:
            return
        self._seen.add(summary)
        log = Path(log) if log else None
        self._showing = True
        try:
            dialog = CrashDialog(summary, details, log, QApplication.activeWindow())
            self.shown.append(dialog)
            self.exec_dialog(dialog)
        finally:
            self._showing = False

    def exec_dialog(self, dialog: CrashDialog) -> None:
        """Run the dialog modally (tests replace this to answer it without a modal loop)."""
        dialog.exec()


_handler: CrashHandler | None = None


def install() -> CrashHandler:
    """Install the process-wide handler once (needs a QApplication); returns it."""
    global _handler
    if _handler is None:
        _handler = CrashHandler(QApplication.instance())
        _handler.install()
    return _handler


__all__ = ["CrashDialog", "CrashHandler", "describe", "install", "log_folder", "write_log"]
