"""Settings ▸ Date Format: one choice, stored in the portfolio, shown by every register and editor, read
back in its order, and undone like any change."""

from __future__ import annotations

from tests.gui.conftest import read, unplanned_row


def _finish(window):
    view = window.pages["projects"]
    window.show_view("projects")
    model = view.model
    row = unplanned_row(view)
    return model, model.index(row, model.column_index("finish_date"))


def test_choosing_a_format_changes_every_date_and_is_undoable(window, demo_path):
    model, cell = _finish(window)
    iso = read(demo_path, "SELECT finish_date FROM projects WHERE id = ?", (model.row_id(cell.row()),))[0][0]
    y, m, d = iso.split("-")
    window.date_format_actions["dmy"].trigger()
    assert read(demo_path, "SELECT value FROM settings WHERE key = 'date_format'")[0][0] in ('"dmy"', "dmy")
    assert window.date_format_actions["dmy"].isChecked()
    assert cell.data() == f"{d}/{m}/{y}"
    window.date_format_actions["mdy"].trigger()
    assert cell.data() == f"{m}/{d}/{y}"
    window.date_format_actions["iso"].trigger()
    assert cell.data() == iso
    window.undo()
    assert cell.data() == f"{m}/{d}/{y}" and window.date_format_actions["mdy"].isChecked()


def test_typed_dates_are_read_in_the_chosen_order(window, demo_path):
    model, cell = _finish(window)
    window.date_format_actions["mdy"].trigger()
    assert model.setData(cell, "03/04/2030")
    assert read(demo_path, "SELECT finish_date FROM projects WHERE id = ?", (model.row_id(cell.row()),))[0][0] == "2030-03-04"
    window.date_format_actions["dmy"].trigger()
    assert model.setData(cell, "03/04/2031")
    assert read(demo_path, "SELECT finish_date FROM projects WHERE id = ?", (model.row_id(cell.row()),))[0][0] == "2031-04-03"
    assert cell.data() == "03/04/2031"
