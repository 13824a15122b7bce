"""The register cell, a paste and the detail form refuse a bad row with the same one line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pmo_desktop.gui.registers.register_model import RAW_ROLE
from tests.gui.conftest import read, unplanned_row


def test_register_cell_refuses_money_in_another_currency(window, demo_path, qtbot):
    window.show_view("projects")
    view = window.pages["projects"]
    model = view.model
    problems = []
    model.problem.connect(problems.append)
    before = read(demo_path, "SELECT approved_budget FROM projects WHERE id = ?", (model.row_id(0),))
    assert not model.setData(model.index(0, model.column_index("approved_budget")), "€2m")
    assert problems == ["Budget: €2m: this portfolio is in GBP"]
    assert read(demo_path, "SELECT approved_budget FROM projects WHERE id = ?", (model.row_id(0),)) == before


def test_paste_of_a_finish_before_its_start_is_refused(window, demo_path):
    window.show_view("projects")
    view = window.pages["projects"]
    problems = []
    view.model.problem.connect(problems.append)
    view.table.setCurrentIndex(view.model.index(unplanned_row(view), view.model.column_index("start_date")))
    assert not view.paste_text("2026-09-01\t2026-08-01\n")
    assert problems and "is after finish" in problems[0]


def test_a_planned_projects_dates_are_its_plans_and_read_only(window, demo_path):
    window.show_view("projects")
    view = window.pages["projects"]
    model = view.model
    col = model.column_index("finish_date")
    planned = next(r for r in range(model.rowCount()) if model.locked(r, col))
    pid = model.row_id(planned)
    plan_finish = read(demo_path, "SELECT max(finish_date) FROM tasks WHERE project_id = ?", (pid,))[0][0]
    index = model.index(planned, col)
    assert index.data(RAW_ROLE) == plan_finish
    assert not (model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert "has a plan" in index.data(Qt.ItemDataRole.ToolTipRole)
    problems = []
    model.problem.connect(problems.append)
    assert not model.setData(index, "01/01/2030")  # a paste or a script gets the same answer
    assert problems and "come from the plan" in problems[0]
    view.table.setCurrentIndex(model.index(planned, 2))
    form = window.detail.overview
    assert not form.editors["finish_date"].isEnabled() and "has a plan" in form.editors["finish_date"].toolTip()
    assert form.editors["manager"].isEnabled()
    unplanned = unplanned_row(view)
    assert model.flags(model.index(unplanned, col)) & Qt.ItemFlag.ItemIsEditable


def test_detail_form_shows_the_refusal(window, qtbot):
    window.show_view("projects")
    view = window.pages["projects"]
    view.table.setCurrentIndex(view.model.index(0, 2))
    form = window.detail.overview
    editor = form.editors["approved_budget"]
    editor.selectAll()
    qtbot.keyClicks(editor, "-5k")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "cannot be negative" in form.problem.text()
