"""Long jobs (an import, a board pack, rescheduling a plan) run off the GUI thread.

A job is a plain function `work(progress, cancelled)` from a service: it calls `progress(done, total)`
as it advances and polls `cancelled()`, returning True once the user asked to stop (the service then
raises its own "cancelled" error having written nothing). The runner:

- runs it on a QThread; progress reaches the GUI thread as a queued signal;
- shows a window-modal QProgressDialog with a Cancel button only if the job is still running after
  600 ms (Anki's rule), so quick jobs do not flash a dialog;
- disables the window it guards while the job runs (menus, shortcuts, views, detail pane), because
  the portfolio's one SQLite connection is shared with the worker thread: nothing in the GUI may
  read or write the store mid-job (one writer at a time, DESIGN.md), and the window refuses to close;
- calls `on_success(result)` on the GUI thread once the thread has ended, or shows the failure as a
  one-line message (never a traceback); a job the user cancelled calls `on_cancelled()` instead.

Usage::

    runner = job_runner(window)            # one per window
    runner.run("Building the board pack", lambda progress, cancelled:
               build_board_pack(pf, out, options, progress=progress, cancel=cancelled),
               on_success=lambda result: ...)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import PortfolioError

SHOW_AFTER_MS = 600

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
Work = Callable[[Progress, CancelCheck], Any]


def one_line(exc: BaseException) -> str:
    """What the user reads about a failure. Our own errors (PortfolioError, BoardPackError, a
    service's "cancelled") carry a one-line message for the user by house rule; a file-system error
    says what and where; anything else is named as unexpected, with its first line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    ours = isinstance(exc, PortfolioError) or type(exc).__module__.startswith("pmo_desktop.")
    if (ours or isinstance(exc, OSError)) and text:
        return said(text[:1].upper() + text[1:])
    if text:
        return tr("Unexpected problem ({kind}): {text}").format(kind=type(exc).__name__, text=text)
    return tr("Unexpected problem ({kind})").format(kind=type(exc).__name__)


class _Worker(QThread):
    """Runs the function; keeps its result or exception for the GUI thread to pick up after `finished`."""

    progressed = Signal(int, int)

    def __init__(self, work: Work, cancel_flag: threading.Event, parent=None):
        super().__init__(parent)
        self._work = work
        self._cancel_flag = cancel_flag
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(self._progress, self._cancel_flag.is_set)
        except BaseException as exc:  # noqa: BLE001 - every failure becomes a message, never a crash
            self.error = exc

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(int(done), int(total))


class Job(QObject):
    """One running job. `done` is emitted on the GUI thread after the callbacks ran."""

    progressed = Signal(int, int)
    done = Signal()

    def __init__(self, title: str, work: Work, parent: QObject | None = None):
        super().__init__(parent)
        self.title = title
        self._cancel_flag = threading.Event()
        self._worker = _Worker(work, self._cancel_flag, self)
        self._worker.progressed.connect(self.progressed)
        self.dialog: QProgressDialog | None = None
        self.last_progress: tuple[int, int] | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.message: str = ""  # the one-line failure shown, if any
        self.finished = False
        self.progressed.connect(self._remember_progress)

    def cancel(self) -> None:
        """Ask the function to stop at its next check (the dialog's Cancel button does this)."""
        self._cancel_flag.set()
        if self.dialog is not None:
            self.dialog.setLabelText(tr("{title}: stopping…").format(title=self.title))

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_flag.is_set()

    @property
    def cancelled(self) -> bool:
        """The job stopped because the user cancelled it (it raised after a cancel request)."""
        return self.finished and self.error is not None and self._cancel_flag.is_set()

    @property
    def succeeded(self) -> bool:
        return self.finished and self.error is None

    def _remember_progress(self, done: int, total: int) -> None:
        self.last_progress = (done, total)
        if self.dialog is not None:
            self._show_progress()

    def _show_progress(self) -> None:
        if self.dialog is None or self.last_progress is None:
            return
        done, total = self.last_progress
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        else:
            self.dialog.setRange(0, 0)  # a busy indicator until the job knows its size


class JobRunner(QObject):
    """Runs one job at a time for a window (see the module docstring)."""

    busy_changed = Signal(bool)

    def __init__(self, window: QWidget, *, show_after_ms: int = SHOW_AFTER_MS,
                 show_message: Callable[[str, str], None] | None = None):
        super().__init__(window)
        self.window = window
        self.show_after_ms = show_after_ms
        self._show_message = show_message
        self.job: Job | None = None
        self._on: tuple = (None, None, None)
        self._parent: QWidget = window
        self._was_enabled = True
        self._timer = QTimer(self)  # shows the progress dialog if the job outlives it
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        window.installEventFilter(self)

    def busy(self) -> bool:
        return self.job is not None

    def run(self, title: str, work: Work, *, on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[str], None] | None = None,
            on_cancelled: Callable[[], None] | None = None, parent: QWidget | None = None) -> Job | None:
        """Start `work(progress, cancelled)` on a worker thread. Returns the Job, or None (with a
        message) when another job is still running. `parent` (default: the window) owns the progress
        dialog and messages, e.g. the export dialog that started the job."""
        if self.job is not None:
            self.message(title, tr("Wait for “{title}” to finish first").format(title=self.job.title))
            return None
        job = Job(title, work)  # the caller may keep it; nothing else does once it is done
        self.job = job
        self._on = (on_success, on_failure, on_cancelled)
        self._parent = parent or self.window
        self._was_enabled = self.window.isEnabled()
        self.window.setEnabled(False)
        self.busy_changed.emit(True)
        job._worker.finished.connect(self._finish)
        self._timer.start(self.show_after_ms)
        job._worker.start()
        return job

    def message(self, title: str, text: str, parent: QWidget | None = None) -> None:
        """A one-line message about a job (the default is a warning box)."""
        if self._show_message is not None:
            self._show_message(title, text)
        else:
            QMessageBox.warning(parent or self.window, title, text)

    def _show_dialog(self) -> None:
        job = self.job
        if job is None or job.finished:
            return
        dialog = QProgressDialog(job.title + "…", tr("Cancel"), 0, 0, self._parent)
        dialog.setObjectName("jobProgress")
        dialog.setWindowTitle("PMO Desktop")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(380)
        dialog.canceled.connect(job.cancel)
        job.dialog = dialog
        job._show_progress()
        if job.cancel_requested:
            dialog.setLabelText(tr("{title}: stopping…").format(title=job.title))
        dialog.show()

    def _finish(self) -> None:
        job = self.job
        if job is None:
            return
        self._timer.stop()
        job.finished = True
        job.result, job.error = job._worker.result, job._worker.error
        if job.dialog is not None:
            job.dialog.canceled.disconnect(job.cancel)
            job.dialog.close()
            job.dialog.deleteLater()
        self.job = None
        parent, self._parent = self._parent, self.window
        self.window.setEnabled(self._was_enabled)
        self.busy_changed.emit(False)
        on_success, on_failure, on_cancelled = self._on
        self._on = (None, None, None)
        try:
            if job.error is None:
                if on_success is not None:
                    on_success(job.result)
            elif job.cancelled:
                if on_cancelled is not None:
                    on_cancelled()
            else:
                job.message = one_line(job.error)
                if on_failure is not None:
                    on_failure(job.message)
                else:
                    self.message(job.title, job.message, parent)
        except Exception as exc:  # noqa: BLE001 - a failing callback is reported, not a crash
            job.message = one_line(exc)
            self.message(job.title, job.message, parent)
        finally:
            job.done.emit()
            job._worker.deleteLater()

    def eventFilter(self, watched, event) -> bool:
        """While a job runs the window will not close (the worker is using the portfolio)."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.job is not None:
            event.ignore()
            self.job.cancel()
            return True
        return False


def job_runner(window: QWidget) -> JobRunner:
    """The window's runner, made the first time it is asked for (one job at a time per window)."""
    runner = getattr(window, "_job_runner", None)
    if runner is None:
        runner = JobRunner(window)
        window._job_runner = runner
    return runner
