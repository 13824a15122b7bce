"""File handling in the window: bad files get a clear dialog, locked files open read-only."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.store import open_portfolio
from tests.gui.conftest import read


def test_corrupt_file_shows_a_dialog(make_window, demo_path, answers, tmp_path):
    win = make_window(None)
    bad = tmp_path / "broken.pmo"
    data = bytearray(demo_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    bad.write_bytes(bytes(data))
    assert not win.open_file(bad)
    title, text = answers.errors[-1]
    assert title == "Damaged portfolio" and "broken.pmo" in text
    assert win.portfolio is None


def test_the_real_message_box_is_shown(make_window, tmp_path, monkeypatch):
    """Without scripted prompts the window uses a QMessageBox (its exec stubbed here)."""
    from pmo_desktop.gui.shell.file_actions import Prompts, open_with_dialogs

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.windowTitle(), self.text())) or 0)
    bad = tmp_path / "notes.pmo"
    bad.write_text("just text")
    assert open_with_dialogs(bad, Prompts(None)) is None
    assert shown == [("Not a portfolio", "notes.pmo is not a PMO Desktop portfolio (it is not an SQLite database)")]


def test_newer_schema_shows_a_dialog(make_window, demo_path, answers):
    conn = sqlite3.connect(demo_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('pmo_desktop', '9999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    win = make_window(None)
    assert not win.open_file(demo_path)
    assert answers.errors[-1][0] == "Newer portfolio format"


def test_locked_file_can_be_opened_read_only(make_window, demo_path, answers):
    holder = open_portfolio(demo_path)  # someone else has it open for writing
    try:
        win = make_window(None)
        answers.read_only = False
        assert not win.open_file(demo_path)
        assert win.portfolio is None
        answers.read_only = True
        assert win.open_file(demo_path)
        assert win.portfolio.read_only
        assert "read-only" in win.windowTitle()
        assert not win.actions["add_row"].isEnabled()
        assert not win.actions["paste"].isEnabled()
        assert win.actions["copy"].isEnabled()
    finally:
        holder.close()


def test_close_and_reopen_and_recent(window, demo_path):
    window.close_portfolio()
    assert window.portfolio is None
    assert not window.actions["add_row"].isEnabled()
    assert window.windowTitle() == "PMO Desktop"
    assert str(demo_path.resolve()) in window.recent_files()
    assert window.open_file(demo_path)
    assert window.pages["projects"].model.rowCount() == 40


def test_save_a_copy_uses_a_consistent_snapshot(window, tmp_path, demo_path):
    view = window.pages["projects"]
    view.model.setData(view.model.index(0, 1), "Copied name")
    target = tmp_path / "copy.pmo"
    assert window.save_copy(target)
    assert read(target, "SELECT name FROM projects ORDER BY id LIMIT 1") == [("Copied name",)]
    with open_portfolio(target) as copy:
        assert copy.counts()["projects"] == 40
    assert not window.save_copy(demo_path)  # not over the open file


def test_new_portfolio(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions["new"].trigger()
    assert window.portfolio.path.name == "fresh.pmo"
    assert window.pages["projects"].model.rowCount() == 0
    window.actions["add_row"].trigger()
    assert read(tmp_path / "fresh.pmo", "SELECT code FROM projects") == [("PRJ-001",)]


def test_drop_a_pmo_file_opens_it(make_window, demo_path):
    win = make_window(None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    assert win.portfolio is not None and win.portfolio.path == demo_path


def test_layout_persists_in_settings(make_window, demo_path, qsettings):
    win = make_window(open_portfolio(demo_path))
    view = win.pages["projects"]
    col = view.model.column_index("sponsor")
    view.set_column_visible(col, False)
    view.table.setColumnWidth(1, 333)
    win.show_view("raid")
    win.shutdown()
    win2 = make_window(open_portfolio(demo_path))
    view2 = win2.pages["projects"]
    assert view2.table.isColumnHidden(col)
    assert view2.table.columnWidth(1) == 333
    assert win2.current_view_name() == "raid"


def test_opening_the_open_file_again_just_shows_it(window, demo_path, answers):
    assert window.open_file(demo_path)
    assert answers.questions == [] and answers.errors == []
    assert not window.portfolio.read_only
