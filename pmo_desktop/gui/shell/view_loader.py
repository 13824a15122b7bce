"""A view's read of the store on the window's job runner (jobs.py), for reads that take seconds on a
large portfolio (portfolio_summary: ~3 CPU-seconds at 10,000 projects).

The runner disables the window while the read runs (the worker uses the portfolio's one connection)
and shows a progress dialog only if it outlasts 600 ms, so a small portfolio sees no change. A read
asked for while another job runs is started when that job ends (the newest request wins). Cancelling
keeps the figures shown before and makes the next show read again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from pmo_desktop.gui.shell.jobs import job_runner


class ReadCancelled(Exception):
    """The user cancelled a view's read: nothing is redrawn."""


class ViewLoader(QObject):
    """`load(work, on_result, on_problem)`: work() runs on the worker thread, the callbacks on the GUI
    thread. `loading` is True from the request until a callback ran; `settled` is emitted then."""

    settled = Signal()

    def __init__(self, view: QWidget, title: str, on_cancelled: Callable[[], None] | None = None):
        super().__init__(view)
        self.view = view
        self.title = title
        self.loading = False
        self._on_cancelled = on_cancelled
        self._waiting: tuple | None = None
        self._watched = None  # the runner whose end we listen for

    def load(self, work: Callable[[], Any], on_result: Callable[[Any], None],
             on_problem: Callable[[str], None]) -> None:
        runner = job_runner(self.view.window())
        self.loading = True
        if runner.busy():
            self._waiting = (work, on_result, on_problem)
            if self._watched is not runner:
                runner.busy_changed.connect(self._runner_busy)
                self._watched = runner
            return
        focus = QApplication.focusWidget()

        def read(_progress, cancelled):
            result = work()
            if cancelled():
                raise ReadCancelled(f"{self.title}: cancelled")
            return result

        def done(result):
            self._settle()
            try:
                on_result(result)
                _give_back_focus(focus)
            finally:
                self.settled.emit()  # whatever happened: who waits for the read is told it ended

        def failed(message: str):
            self._settle()
            try:
                on_problem(message)
            finally:
                self.settled.emit()

        def cancelled():
            self._settle()
            if self._on_cancelled is not None:
                self._on_cancelled()
            self.settled.emit()

        runner.run(self.title, read, on_success=done, on_failure=failed, on_cancelled=cancelled)

    def _settle(self) -> None:
        self.loading = self._waiting is not None

    def _runner_busy(self, busy: bool) -> None:
        if not busy and self._waiting is not None:
            # later: the runner emits this before it has finished with the job that just ended
            QTimer.singleShot(0, self._start_waiting)

    def _start_waiting(self) -> None:
        if self._waiting is None:
            return
        waiting, self._waiting = self._waiting, None
        self.load(*waiting)


def _give_back_focus(focus: QWidget | None) -> None:
    """Disabling the window for the read took the focus away: give it back to the widget that had it,
    unless that widget was deleted meanwhile (a cell editor that closed, a dialog, another window)."""
    if focus is None or not shiboken6.isValid(focus):
        return
    if focus.isVisible() and QApplication.focusWidget() is None:
        focus.setFocus()
