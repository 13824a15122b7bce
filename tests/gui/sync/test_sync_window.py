"""Team sync in the window, through its actions: share, clone, Sync Now, the indicator, automatic
sync, and the Conflicts view's Keep mine / Keep theirs / Edit."""

from __future__ import annotations

import re
import shutil

from PySide6.QtWidgets import QInputDialog

from pmo_desktop.gui.shell.i18n import install_translators
from pmo_desktop.gui.shell.jobs import job_runner
from pmo_desktop.store import open_portfolio
from tests.sync.test_merge import edit, sync, value


def finish(qtbot, win):
    qtbot.waitUntil(lambda: not job_runner(win).busy(), timeout=30000)


def test_share_then_sync_now_and_the_indicator(qtbot, make_window, small_demo, pg_db, tmp_path, answers):
    path = tmp_path / "mine.pmo"
    shutil.copy(small_demo, path)
    win = make_window(open_portfolio(path))
    assert win.sync.label.isHidden() and win.sync.actions["share"].isEnabled()
    assert not win.sync.actions["sync_now"].isEnabled()
    win.sync.share(pg_db, "team")
    finish(qtbot, win)
    assert re.fullmatch(r"Synced \d\d:\d\d", win.sync.label.text())
    assert not win.sync.actions["share"].isEnabled()
    with win.portfolio.batch("ui", "rename") as batch_id:
        win.portfolio.conn.execute("UPDATE projects SET name = 'From the window' WHERE code = 'PRJ-101'")
    win.history.record(batch_id)
    assert win.sync.label.text() == "1 change to send"
    assert win.sync.actions["sync_now"].shortcut().toString() == "Ctrl+Shift+S"
    win.sync.actions["sync_now"].trigger()
    finish(qtbot, win)
    assert win.sync.last_result["sent"] == 1
    assert re.fullmatch(r"Synced \d\d:\d\d", win.sync.label.text())
    assert answers.warnings == []


def test_offline_sync_now_says_so_and_the_window_keeps_working(qtbot, make_window, team, answers):
    a = team.clone("alice")
    with open_portfolio(a) as pf, pf.bookkeeping() as conn:
        conn.execute("UPDATE _sync_state SET server = 'postgresql://alice@127.0.0.1:1/nowhere'")
    win = make_window(open_portfolio(a))
    win.sync.actions["sync_now"].trigger()
    finish(qtbot, win)
    assert len(answers.warnings) == 1 and "cannot reach" in answers.warnings[0].lower()
    assert win.sync.label.text().startswith("Offline")
    assert win.isEnabled()
    # Automatic sync finds the server unreachable off the GUI thread and shows no message.
    win.sync.auto_sync()
    qtbot.wait(300)
    assert len(answers.warnings) == 1


def test_automatic_sync_waits_while_the_analyst_types(qtbot, make_window, team):
    win = make_window(open_portfolio(team.clone("alice")))
    edit(team.admin_path, "UPDATE projects SET name = 'Changed by the admin' WHERE code = 'PRJ-102'")
    sync(team.admin_path)
    qtbot.keyClick(win.nav, "a")  # input just now: the automatic sync waits for a quiet moment
    win.sync.auto_sync()
    qtbot.wait(1500)
    assert win.sync.last_result is None and not win.sync.offline


def test_automatic_sync_receives_changes(qtbot, make_window, team, monkeypatch):
    from pmo_desktop.gui.sync import controller

    monkeypatch.setattr(controller, "IDLE_SECONDS", 0)
    a = team.clone("alice")
    win = make_window(open_portfolio(a))
    edit(team.admin_path, "UPDATE projects SET name = 'Changed by the admin' WHERE code = 'PRJ-102'")
    sync(team.admin_path)
    win.sync.auto_sync()
    qtbot.waitUntil(lambda: win.sync.last_result is not None, timeout=20000)
    finish(qtbot, win)
    assert win.sync.last_result["received"] == 1
    pid, name = win.portfolio.conn.execute("SELECT id, name FROM projects WHERE code = 'PRJ-102'").fetchone()
    assert name == "Changed by the admin"
    # The History tab names who made each change: the admin's login for the received one.
    win.detail.show_project(pid)
    changes = win.detail.changes
    rows = [[changes.item(r, c).text() for c in range(3)] for r in range(changes.rowCount())]
    assert rows[0][1] == "postgres" and "Changed by the admin (received)" in rows[0][2]


def test_clone_from_server_opens_the_copy(qtbot, make_window, team, tmp_path):
    win = make_window()
    out = tmp_path / "cloned.pmo"
    win.sync.clone(team.dsn_as("bob"), out, "team")
    finish(qtbot, win)
    assert win.portfolio is not None and win.portfolio.path == out
    assert not win.sync.label.isHidden()


def _conflict(team, code="PRJ-103"):
    a, b = team.clone("alice"), team.clone("bob")
    edit(a, "UPDATE projects SET sponsor = 'Alice S' WHERE code = ?", (code,))
    edit(b, "UPDATE projects SET sponsor = 'Bob S' WHERE code = ?", (code,))
    sync(a), sync(b)
    return a, b


def test_conflicts_view_keep_mine_is_undoable(qtbot, make_window, team, qapp):
    _a, b = _conflict(team)
    win = make_window(open_portfolio(b))
    assert win.sync.label.text().endswith("1 conflict")
    win.show_view("conflicts")
    view = win.current_view()
    table = view.table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[:5] == ["Project PRJ-103", "Sponsor", cells[2], "Bob S", "Alice S"]  # as the register says
    assert cells[5] == "bob / alice"
    install_translators(qapp, "zh-CN")
    try:
        view.refresh()
        assert [table.item(0, c).text() for c in (0, 1)] == ["项目 PRJ-103", "发起人"]
    finally:
        install_translators(qapp, "en")
        view.refresh()
    view.select(0)
    view.keep_mine.click()
    assert table.rowCount() == 0
    assert value(b, "SELECT sponsor FROM projects WHERE code = 'PRJ-103'") == ("Bob S",)
    assert win.actions["undo"].isEnabled()
    assert win.sync.label.text() == "1 change to send"
    win.actions["undo"].trigger()
    assert value(b, "SELECT sponsor FROM projects WHERE code = 'PRJ-103'") == ("Alice S",)


def test_conflicts_view_keep_theirs_and_edit(qtbot, make_window, team, monkeypatch):
    _a, b = _conflict(team)
    edit(b, "UPDATE projects SET manager = 'x' WHERE code = 'PRJ-104'")
    _conflict_more = team.clone("carol")
    edit(_conflict_more, "UPDATE projects SET manager = 'Carol M' WHERE code = 'PRJ-104'")
    sync(_conflict_more)
    edit(b, "UPDATE projects SET manager = 'Bob M' WHERE code = 'PRJ-104'")
    sync(b)
    win = make_window(open_portfolio(b))
    win.show_view("conflicts")
    view = win.current_view()
    assert view.table.rowCount() == 2
    rows = {view.table.item(r, 1).text(): r for r in range(2)}
    view.select(rows["Sponsor"])
    view.keep_theirs.click()
    assert value(b, "SELECT sponsor FROM projects WHERE code = 'PRJ-103'") == ("Alice S",)
    view.select(0)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Agreed M", True)))
    view.edit.click()
    assert view.table.rowCount() == 0
    assert value(b, "SELECT manager FROM projects WHERE code = 'PRJ-104'") == ("Agreed M",)
    win.sync.actions["sync_now"].trigger()
    finish(qtbot, win)
    assert team.query("SELECT count(*) FROM pmo_sync.conflicts WHERE resolved_at IS NULL") == [(0,)]
