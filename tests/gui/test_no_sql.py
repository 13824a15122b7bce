"""The GUI runs no SQL of its own: queries and writes live in Qt-free services (pmo_desktop.registers,
finance, capacity ...) that the CLI and tests call too.

Two checks: a scan of every module under pmo_desktop/gui for statement calls on a connection, and a
run of every view (shown, first row selected, one register cell edited) with a profiler that fails
when a function defined under pmo_desktop.gui calls sqlite3's execute itself.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from pathlib import Path

import pmo_desktop.gui

GUI = Path(pmo_desktop.gui.__file__).parent
_STATEMENT = re.compile(r"\.(execute|executemany|executescript|backup|cursor)\(|\bconn\.\w+\(")
_SQLITE_CALLS = {sqlite3.Connection.execute, sqlite3.Connection.executemany, sqlite3.Connection.executescript,
                 sqlite3.Cursor.execute, sqlite3.Cursor.executemany, sqlite3.Connection.backup}
_NAMES = {f.__name__ for f in _SQLITE_CALLS}


def test_no_gui_module_calls_the_database():
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _STATEMENT.search(line.split("#", 1)[0]):
                offenders.append(f"{path.relative_to(GUI.parent)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_scan_would_see_a_query():
    assert _STATEMENT.search('rows = self.pf.conn.execute("SELECT 1")')
    assert _STATEMENT.search("pf.conn.backup(dest)")
    assert not _STATEMENT.search("self.rows = roadmap_rows(self.portfolio)")


class SqlFromGui:
    """A profiler noting every sqlite3 statement call whose caller is a function of pmo_desktop.gui."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, frame, event, arg):
        if event == "c_call" and getattr(arg, "__name__", "") in _NAMES and \
                getattr(arg, "__self__", None).__class__ in (sqlite3.Connection, sqlite3.Cursor):
            module = frame.f_globals.get("__name__", "")
            if module.startswith("pmo_desktop.gui"):
                self.calls.append(f"{module}:{frame.f_lineno} ({frame.f_code.co_name})")

    def __enter__(self):
        sys.setprofile(self)
        threading.setprofile(self)
        return self

    def __exit__(self, *exc):
        sys.setprofile(None)
        threading.setprofile(None)


def test_the_profiler_sees_sql_run_from_a_gui_module(demo_path):
    from pmo_desktop.store import open_portfolio

    pf = open_portfolio(demo_path, read_only=True)
    try:
        code = compile("pf.conn.execute('SELECT 1').fetchone()", "<gui>", "exec")
        with SqlFromGui() as seen:
            exec(code, {"__name__": "pmo_desktop.gui.fake", "pf": pf})
            pf.conn.execute("SELECT 1").fetchone()  # this test module is not the GUI
        assert seen.calls == ["pmo_desktop.gui.fake:1 (<module>)"]
    finally:
        pf.close()


def test_walking_every_view_runs_no_sql_from_the_gui(window, qtbot):
    with SqlFromGui() as seen:
        for name in list(window.pages):
            window.show_view(name)
            window.select_first_row()
            runner = getattr(window, "_job_runner", None)
            qtbot.waitUntil(lambda r=runner: r is None or not r.busy(), timeout=10_000)
        window.show_view("projects")
        view = window.current_view()
        model = view.model
        index = model.index(0, model.column_index("name"))
        assert model.setData(index, "Renamed through the service")
        window.undo()
    assert seen.calls == []
