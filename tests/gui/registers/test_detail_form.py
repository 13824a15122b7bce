"""The detail pane's overview form: an edit reaches the file and the register, undo takes it back,
refused values write nothing, and a read-only portfolio shows the form disabled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.gui.conftest import read


def _select(window, row=0):
    view = window.pages["projects"]
    window.show_view("projects")
    view.table.setCurrentIndex(view.model.index(row, 2))
    return view, view.model.row_id(row)


def _type(qtbot, form, key, text):
    editor = form.editors[key]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _shown(view, row, key):
    return view.model.index(row, view.model.column_index(key)).data()


def _batches(path):
    return read(path, "SELECT count(*) FROM change_log")[0][0]


def test_edit_manager_in_form_reaches_file_register_and_undo(window, demo_path, qtbot):
    view, project_id = _select(window, 2)
    form = window.detail.overview
    assert form.project_id == project_id and form.editable
    before = read(demo_path, "SELECT manager FROM projects WHERE id = ?", (project_id,))[0][0]
    assert form.text_of("manager") == before == _shown(view, 2, "manager")  # the register has read the row
    _type(qtbot, form, "manager", "Grace Hopper")
    assert read(demo_path, "SELECT manager FROM projects WHERE id = ?", (project_id,))[0][0] == "Grace Hopper"
    assert _shown(view, 2, "manager") == "Grace Hopper"
    assert not form.problem.isVisibleTo(form)
    undo = window.actions["undo"]
    assert QKeySequence("Ctrl+Z") in undo.shortcuts()
    assert undo.isEnabled() and "Manager" in undo.text()
    undo.trigger()
    assert read(demo_path, "SELECT manager FROM projects WHERE id = ?", (project_id,))[0][0] == before
    assert _shown(view, 2, "manager") == before
    assert form.text_of("manager") == before
    assert not window.history.can_undo()  # exactly one undo step for the one field


def test_invalid_date_is_refused_and_nothing_written(window, demo_path, qtbot):
    window.show_view("projects")
    new_row = window.pages["projects"].model.append_rows(1)[0]  # a project without a plan: typed dates
    view, project_id = _select(window, new_row)
    last_step = window.history.undo_text()  # adding the project
    form = window.detail.overview
    before = read(demo_path, "SELECT start_date FROM projects WHERE id = ?", (project_id,))[0][0]
    log = _batches(demo_path)
    _type(qtbot, form, "start_date", "31/02/2026")
    assert form.problem.isVisibleTo(form)
    message = form.problem.text()
    assert message.startswith("Start:") and "\n" not in message
    assert read(demo_path, "SELECT start_date FROM projects WHERE id = ?", (project_id,))[0][0] == before
    assert _batches(demo_path) == log
    assert window.history.undo_text() == last_step
    # the register refuses the same text for the same reason
    problems = []
    view.model.problem.connect(problems.append)
    assert not view.model.setData(view.model.index(0, view.model.column_index("start_date")), "31/02/2026")
    assert problems and problems[-1] == message
    # a good date is then accepted, in any format the register accepts, and the reason goes away
    _type(qtbot, form, "start_date", "1/3/2026")
    assert read(demo_path, "SELECT start_date FROM projects WHERE id = ?", (project_id,))[0][0] == "2026-03-01"
    assert not form.problem.isVisibleTo(form)


def test_money_percent_and_rag_use_register_rules(window, demo_path, qtbot):
    view, project_id = _select(window, 1)
    form = window.detail.overview
    assert _shown(view, 1, "approved_budget")
    _type(qtbot, form, "approved_budget", "£1.5m")
    assert read(demo_path, "SELECT approved_budget FROM projects WHERE id = ?", (project_id,))[0][0] == 150_000_000
    assert _shown(view, 1, "approved_budget") == "£1,500,000"
    _type(qtbot, form, "percent_complete", "150")
    assert form.problem.text().startswith("% done:")
    assert read(demo_path, "SELECT percent_complete FROM projects WHERE id = ?", (project_id,))[0][0] != 150
    combo = form.editors["rag_cost"]
    combo.setCurrentIndex(combo.findText("Red"))
    combo.activated.emit(combo.currentIndex())
    assert read(demo_path, "SELECT rag_cost FROM projects WHERE id = ?", (project_id,))[0][0] == "R"
    assert window.detail.chip_labels[2].toolTip() == "Red"
    steps = len(window.history._done)
    qtbot.keyClick(form.editors["sponsor"], Qt.Key.Key_Return)  # unchanged: no write, no undo step
    assert len(window.history._done) == steps


def test_read_only_portfolio_shows_form_disabled(make_window, demo_path):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    _, project_id = _select(win, 0)
    form = win.detail.overview
    assert form.project_id == project_id
    assert form.text_of("manager")  # the values are shown ...
    assert not form.editable  # ... but none can be edited
    assert all(not editor.isEnabled() for editor in form.editors.values())


def test_description_commits_as_one_undo_step(window, demo_path):
    _, project_id = _select(window, 3)
    form = window.detail.overview
    before = read(demo_path, "SELECT description FROM projects WHERE id = ?", (project_id,))[0][0]
    form.set_text("description", "Line one\nLine two")
    form.editors["description"].committed.emit()  # focus leaving the box commits it
    assert read(demo_path, "SELECT description FROM projects WHERE id = ?", (project_id,))[0][0] == "Line one\nLine two"
    window.actions["undo"].trigger()
    assert read(demo_path, "SELECT description FROM projects WHERE id = ?", (project_id,))[0][0] == before
    assert form.text_of("description") == before
    assert not window.history.can_undo()
