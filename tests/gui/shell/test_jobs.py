"""The job runner: progress reaches the GUI thread, cancel stops the job, failures are one-line
messages, quick jobs show no dialog, and the window is locked while a job runs."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from pmo_desktop.gui.shell.jobs import JobRunner, job_runner, one_line
from pmo_desktop.store import PortfolioError


@pytest.fixture
def win(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def messages():
    return []


@pytest.fixture
def runner(win, messages):
    return JobRunner(win, show_message=lambda title, text: messages.append((title, text)))


def test_progress_is_delivered_on_the_gui_thread_and_result_to_on_success(qtbot, runner):
    seen, threads, results = [], [], []

    def work(progress, cancelled):
        for i in range(1, 6):
            progress(i, 5)
        return "built"

    def on_progress(done, total):
        seen.append((done, total))
        threads.append(threading.current_thread() is threading.main_thread())

    job = None

    def start():
        nonlocal job
        job = runner.run("Counting", work, on_success=results.append)
        job.progressed.connect(on_progress)

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        start()
    assert results == ["built"]
    assert seen[-1] == (5, 5) and all(threads)
    assert job.succeeded and not runner.busy()


def test_quick_job_shows_no_dialog(qtbot, runner):
    job = runner.run("Quick", lambda progress, cancelled: 42)
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert job.dialog is None and job.result == 42


def test_slow_job_shows_dialog_and_its_cancel_stops_the_job(qtbot, runner, win, messages):
    started = threading.Event()
    cancelled_calls = []

    def work(progress, cancelled):
        started.set()
        i = 0
        while not cancelled():
            progress(i, 0)
            threading.Event().wait(0.01)
            i += 1
        raise PortfolioError("stopped; nothing was changed")

    runner.show_after_ms = 0  # the dialog's delay is the runner's business; here we want it at once
    job = runner.run("Slow", work, on_cancelled=lambda: cancelled_calls.append(True))
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=5000)
    assert not win.isEnabled()  # the window is locked while the job holds the portfolio
    assert job.dialog.isEnabled()
    with qtbot.waitSignal(job.done, timeout=5000):
        job.dialog.findChild(QPushButton).click()  # the Cancel button
    assert job.cancelled and cancelled_calls == [True]
    assert messages == []  # a cancel is not an error
    assert win.isEnabled()


def test_failure_becomes_a_one_line_message_not_a_crash(qtbot, runner, messages):
    def work(progress, cancelled):
        raise PortfolioError("the plan has a loop: A -> B -> A\nsecond line")

    job = runner.run("Rescheduling", work, on_success=lambda r: pytest.fail("not a success"))
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert messages == [("Rescheduling", "The plan has a loop: A -> B -> A")]
    assert not job.succeeded and not job.cancelled


def test_unexpected_exception_is_named_and_default_message_box_is_used(qtbot, win, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    runner = job_runner(win)
    assert job_runner(win) is runner
    job = runner.run("Export", lambda progress, cancelled: {}["missing"])
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert shown == ["Unexpected problem (KeyError): 'missing'"]


def test_one_job_at_a_time_and_window_will_not_close_mid_job(qtbot, runner, win, messages):
    release = threading.Event()
    job = runner.run("Long", lambda progress, cancelled: release.wait(5))
    assert runner.run("Second", lambda progress, cancelled: None) is None
    assert messages == [("Second", "Wait for “Long” to finish first")]
    assert not win.close()  # refused while the worker uses the portfolio
    assert win.isVisible() and job.cancel_requested
    with qtbot.waitSignal(job.done, timeout=5000):
        release.set()
    assert win.close()


def test_one_line_messages():
    assert one_line(FileNotFoundError(2, "No such file or directory", "/x/y.pdf")) == \
        "No such file or directory: /x/y.pdf"
    assert one_line(RuntimeError("")) == "Unexpected problem (RuntimeError)"
