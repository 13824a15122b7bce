"""A view's read on the job runner: the figures are drawn and waiters are told the read ended, even
when the widget that had the focus when the read began was deleted before it ended."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from pmo_desktop.gui.shell.jobs import JobRunner
from pmo_desktop.gui.shell.view_loader import ViewLoader


def test_a_read_ends_cleanly_when_the_focused_widget_was_deleted_meanwhile(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    page = QWidget()
    box = QVBoxLayout(page)
    editor = QLineEdit()  # as a cell editor or a dialog's field: gone by the time the figures arrive
    box.addWidget(editor)
    box.addWidget(QLineEdit())
    win.setCentralWidget(page)
    messages = []
    win._job_runner = JobRunner(win, show_message=lambda title, text: messages.append(text))
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)

    loader = ViewLoader(page, "Reading the figures")
    release, drawn = threading.Event(), []
    loader.load(lambda: release.wait(10) and 42, drawn.append, messages.append)
    assert loader.loading
    shiboken6.delete(editor)
    with qtbot.waitSignal(loader.settled, timeout=30_000):
        release.set()
    assert drawn == [42] and messages == [] and not loader.loading
