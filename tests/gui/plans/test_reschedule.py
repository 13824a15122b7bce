"""Project ▸ Reschedule Plan and the Gantt view's Reschedule button: the plan's dates are recomputed on a
worker thread, written as one undo step, and a plan with a loop is a one-line message that changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from pmo_desktop.domain.enums import Source
from pmo_desktop.gui.shell.jobs import job_runner
from pmo_desktop.scheduling.service import reschedule
from tests.gui.conftest import read


def _gantt_with_link(window):
    """The Gantt view on a plan that has an FS link, its dates settled; returns (view, successor id)."""
    window.show()
    window.show_view("gantt")
    view = window.pages["gantt"]
    pf = window.portfolio
    pid, succ = pf.conn.execute(
        """SELECT t.project_id, d.successor_id FROM dependencies d JOIN tasks t ON t.id = d.successor_id
           WHERE d.type = 'FS' ORDER BY t.project_id LIMIT 1""").fetchone()
    code = pf.conn.execute("SELECT code FROM projects WHERE id = ?", (pid,)).fetchone()[0]
    reschedule(pf, code, source=Source.CLI)  # start from a plan whose dates follow its links
    view.show_project(pid)
    return view, succ


def _dates(window, task_id):
    return read(window.portfolio.path, "SELECT start_date, finish_date FROM tasks WHERE id = ?", (task_id,))[0]


def _run(qtbot, window, trigger):
    runner = job_runner(window)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=30000):
        trigger()


def test_reschedule_action_moves_dates_as_one_undo_step(qtbot, window, answers):
    view, succ = _gantt_with_link(window)
    settled = _dates(window, succ)
    with window.portfolio.batch(Source.UI, "drag a task too early"):
        window.portfolio.conn.execute(
            "UPDATE tasks SET start_date = date(start_date, '-60 days'), finish_date = date(finish_date, '-60 days') "
            "WHERE id = ?", (succ,))
    moved = _dates(window, succ)
    assert moved != settled
    assert window.actions["reschedule"].isEnabled()
    _run(qtbot, window, window.actions["reschedule"].trigger)
    assert _dates(window, succ) == settled
    assert answers.warnings == []
    assert "Rescheduled" in window.statusBar().currentMessage()
    assert window.actions["undo"].text().startswith("Undo Reschedule")
    window.actions["undo"].trigger()
    assert _dates(window, succ) == moved  # the whole reschedule undone in one step


def test_gantt_button_on_a_plan_already_in_order_changes_nothing(qtbot, window):
    view, succ = _gantt_with_link(window)
    before = window.portfolio.last_batch_id()
    undo_text = window.actions["undo"].text()
    _run(qtbot, window, view.findChild(QPushButton, "ganttReschedule").click)
    assert window.portfolio.last_batch_id() == before
    assert window.actions["undo"].text() == undo_text
    assert "already follows" in window.statusBar().currentMessage()


def test_a_loop_in_the_plan_is_a_one_line_message_and_nothing_changes(qtbot, window, answers):
    view, succ = _gantt_with_link(window)
    pf = window.portfolio
    pred = pf.conn.execute("SELECT predecessor_id FROM dependencies WHERE successor_id = ? AND type = 'FS'",
                           (succ,)).fetchone()[0]
    with pf.batch(Source.UI, "link back"):
        pf.conn.execute("INSERT INTO dependencies (predecessor_id, successor_id, type) VALUES (?, ?, 'FS')",
                        (succ, pred))
    before_batch = pf.last_batch_id()
    dates = read(pf.path, "SELECT id, start_date, finish_date FROM tasks ORDER BY id")
    _run(qtbot, window, window.actions["reschedule"].trigger)
    assert len(answers.warnings) == 1 and "\n" not in answers.warnings[0]
    assert "loop" in answers.warnings[0].lower()
    assert pf.last_batch_id() == before_batch
    assert read(pf.path, "SELECT id, start_date, finish_date FROM tasks ORDER BY id") == dates


def test_read_only_file_cannot_reschedule(make_window, demo_path):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    win.show()
    win.show_view("gantt")
    assert not win.actions["reschedule"].isEnabled()
