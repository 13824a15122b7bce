"""GUI fixtures: a main window on a private copy of the demo portfolio, with dialogs answered."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.gui.widgets.compat import protect_singletons

protect_singletons()  # PySide6 6.12 on Python 3.11 loses references to None/True/False (see compat.py)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As the application does: no garbage collection on a worker thread while a window test runs."""
    from pmo_desktop.gui.shell import collector

    guard = collector.install(qapp)
    yield
    guard.uninstall()


class Answers:
    """Stands in for modal dialogs: records what was shown, answers from a script."""

    def __init__(self):
        self.errors: list[tuple[str, str]] = []
        self.warnings: list[str] = []
        self.questions: list[str] = []
        self.infos: list[tuple[str, str]] = []
        self.confirm = True
        self.read_only = True


@pytest.fixture
def answers(monkeypatch):
    a = Answers()

    def warning(_parent, _title, text, *args, **kwargs):
        a.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def question(_parent, _title, text, *args, **kwargs):
        a.questions.append(text)
        return QMessageBox.StandardButton.Yes if a.confirm else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return a


@pytest.fixture
def prompts(answers):
    from pmo_desktop.gui.shell.file_actions import Prompts

    class ScriptedPrompts(Prompts):
        def error(self, title, text, detail=""):
            answers.errors.append((title, text))

        def ask_read_only(self, text):
            answers.questions.append(text)
            return answers.read_only

        def info(self, title, text):
            answers.infos.append((title, text))

    return ScriptedPrompts()


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, qsettings, prompts):
    from pmo_desktop.gui.shell.main_window import MainWindow

    windows = []

    def make(portfolio=None):
        win = MainWindow(portfolio, settings=qsettings, prompts=prompts)
        qtbot.addWidget(win)
        win.resize(1400, 900)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.shutdown()


@pytest.fixture
def window(make_window, demo_path):
    from pmo_desktop.store import open_portfolio

    return make_window(open_portfolio(demo_path))


# A view's read takes ~50 ms alone, on the window's job runner with nothing queued ahead of it; late in a
# full run on a machine shared by several suites it has waited over 5 s for the CPU. These tests check
# what is drawn, not how fast: speed is the benchmarks' business.
READ_TIMEOUT_MS = 60_000


def settled(view, qtbot):
    """Wait until a view that reads on the job runner (its `loader`) has drawn what it read: its loader
    says `settled` after each read's callback, and a read asked for meanwhile follows it."""
    loader = getattr(view, "loader", None)
    while loader is not None and loader.loading:
        with qtbot.waitSignal(loader.settled, timeout=READ_TIMEOUT_MS):
            pass
    return view


def shown_view(window, qtbot, name):
    """Show a view and wait until it has read its figures (views with a loader read on a worker)."""
    window.show_view(name)
    return settled(window.current_view(), qtbot)


def read(path, sql, params=()):
    """Read the file through a separate connection: what is on disk, not what the window holds."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def unplanned_row(view) -> int:
    """The first register row of a project without a plan (its dates are typed, not the plan's)."""
    model = view.model
    col = model.column_index("finish_date")
    for row in range(model.rowCount()):
        if not model.locked(row, col):
            return row
    raise AssertionError("every project has a plan")
