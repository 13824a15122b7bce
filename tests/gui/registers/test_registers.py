"""Editing the registers: a cell edit reaches the file, undo takes it back, bad values are refused."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from pmo_desktop.gui.registers.register_model import RAW_ROLE
from tests.gui.conftest import read, unplanned_row


def _projects(window):
    window.show_view("projects")
    return window.pages["projects"]


def _cell(view, row, key):
    return view.model.index(row, view.model.column_index(key))


def test_views_are_registered_and_shown(window):
    assert list(window.pages)[:4] == ["projects", "raid", "milestones", "status"]
    assert {"people", "capacity"} <= set(window.pages)
    for name in window.pages:
        window.show_view(name)
        assert window.current_view_name() == name
    for name in ("projects", "raid", "milestones", "status", "people"):  # the registers
        window.show_view(name)
        assert window.current_view().model.rowCount() > 0
    assert "raid_items" not in window.rows_label.text()


def test_edit_cell_reaches_file_and_undo_takes_it_back(window, demo_path):
    view = _projects(window)
    index = _cell(view, 0, "manager")
    row_id = view.model.row_id(0)
    before = read(demo_path, "SELECT manager FROM projects WHERE id = ?", (row_id,))[0][0]
    assert view.model.setData(index, "Grace Hopper")
    assert read(demo_path, "SELECT manager FROM projects WHERE id = ?", (row_id,))[0][0] == "Grace Hopper"
    assert index.data() == "Grace Hopper"
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    assert read(demo_path, "SELECT manager FROM projects WHERE id = ?", (row_id,))[0][0] == before
    assert view.model.index(0, index.column()).data() == before
    window.actions["redo"].trigger()
    assert read(demo_path, "SELECT manager FROM projects WHERE id = ?", (row_id,))[0][0] == "Grace Hopper"


def test_undo_stops_at_the_state_the_file_was_opened_in(window, demo_path):
    view = _projects(window)
    assert not window.actions["undo"].isEnabled()
    view.model.setData(_cell(view, 0, "sponsor"), "A")
    view.model.setData(_cell(view, 0, "sponsor"), "B")
    window.undo()
    window.undo()
    assert not window.history.can_undo()
    window.undo()  # nothing more to undo: the demo data stays
    assert read(demo_path, "SELECT count(*) FROM projects")[0][0] == 40


def test_undo_redo_shortcuts(window):
    keys = {a.toString() for a in window.actions["redo"].shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys
    assert window.actions["undo"].shortcut().toString() == "Ctrl+Z"


def test_money_is_stored_in_pence_and_shown_with_separators(window, demo_path):
    view = _projects(window)
    index = _cell(view, 2, "approved_budget")
    assert view.model.setData(index, "£1,250,000.50")
    row_id = view.model.row_id(2)
    assert read(demo_path, "SELECT approved_budget FROM projects WHERE id = ?", (row_id,))[0][0] == 125000050
    assert index.data() == "£1,250,000.50"
    assert view.model.setData(index, "2.5m")
    assert read(demo_path, "SELECT approved_budget FROM projects WHERE id = ?", (row_id,))[0][0] == 250000000
    assert index.data() == "£2,500,000"


def test_invalid_values_are_refused_with_a_reason(window, demo_path, answers):
    view = _projects(window)
    before = read(demo_path, "SELECT max(id) FROM batches")[0][0]
    for key, bad, why in [("start_date", "31/02/2026", "not a real date"),
                          ("approved_budget", "lots", "not an amount of money"),
                          ("rag_overall", "Purple", "not a RAG status"),
                          ("stage", "Dreaming", "not a stage"),
                          ("percent_complete", "140", "from 0 to 100"),
                          ("code", "", "cannot be empty"),
                          ("programme_id", "Nowhere", "no programme called")]:
        assert not view.model.setData(_cell(view, 0, key), bad)
        assert why in answers.warnings[-1], (key, answers.warnings[-1])
    assert read(demo_path, "SELECT max(id) FROM batches")[0][0] == before
    assert not window.history.can_undo()


def test_duplicate_code_is_refused(window, answers):
    view = _projects(window)
    assert not view.model.setData(_cell(view, 1, "code"), view.model.index(0, 0).data())
    assert "unique" in answers.warnings[-1]


def test_enum_and_rag_and_dates_parse(window, demo_path):
    view = _projects(window)
    row = unplanned_row(view)
    row_id = view.model.row_id(row)
    assert view.model.setData(_cell(view, row, "stage"), "closure")
    assert view.model.setData(_cell(view, row, "rag_overall"), "Amber")
    assert view.model.setData(_cell(view, row, "finish_date"), "27/11/2027")
    assert read(demo_path, "SELECT stage, rag_overall, finish_date FROM projects WHERE id = ?", (row_id,)) == [
        ("Closure", "A", "2027-11-27")]


def test_raid_probability_impact_give_the_score(window, demo_path):
    window.show_view("raid")
    view = window.pages["raid"]
    assert view.model.setData(_cell(view, 0, "probability"), "Likely")
    assert view.model.setData(_cell(view, 0, "impact"), "5")
    assert _cell(view, 0, "score").data() == "20 Critical"
    assert not view.model.setData(_cell(view, 0, "impact"), "6")
    assert not view.model.setData(_cell(view, 0, "score"), "3")


def test_editing_through_the_delegate(window, demo_path, qtbot):
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyleOptionViewItem

    view = _projects(window)
    delegate = view.table.itemDelegate()
    option = QStyleOptionViewItem()
    row = unplanned_row(view)
    row_id = view.model.row_id(row)
    finish = date.fromisoformat(read(demo_path, "SELECT finish_date FROM projects WHERE id = ?", (row_id,))[0][0])

    index = _cell(view, row, "rag_overall")
    editor = delegate.createEditor(view.table.viewport(), option, index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    editor.setCurrentIndex(editor.findText("Red"))
    delegate.setModelData(editor, view.model, index)

    index = _cell(view, row, "finish_date")
    editor = delegate.createEditor(view.table.viewport(), option, index)
    assert isinstance(editor, QDateEdit)
    delegate.setEditorData(editor, index)
    editor.setDate(editor.date().addDays(7))
    delegate.setModelData(editor, view.model, index)

    index = _cell(view, row, "approved_budget")
    editor = delegate.createEditor(view.table.viewport(), option, index)
    assert isinstance(editor, QLineEdit)
    delegate.setEditorData(editor, index)
    assert editor.text().startswith("£") and "," in editor.text()
    editor.setText("1,000")
    delegate.setModelData(editor, view.model, index)

    assert read(demo_path, "SELECT rag_overall, finish_date, approved_budget FROM projects WHERE id = ?",
                (row_id,)) == [("R", (finish + timedelta(days=7)).isoformat(), 100000)]


def test_filter_and_search_give_row_counts(window, demo_path):
    view = _projects(window)
    active = read(demo_path, "SELECT count(*) FROM projects WHERE status = 'Active'")[0][0]
    view.set_filter("status", "Active")
    assert view.model.rowCount() == active
    assert f"{active} of 40 projects" in window.rows_label.text()
    red_active = read(demo_path, "SELECT count(*) FROM projects WHERE status = 'Active' AND rag_overall = 'R'")[0][0]
    view.set_filter("rag_overall", "R")
    assert view.model.rowCount() == red_active
    view.set_filter("status", None)
    view.set_filter("rag_overall", None)
    view.search_box.setText("crm")
    view.apply_search_now()
    expected = read(demo_path, "SELECT count(*) FROM projects p LEFT JOIN programmes g ON g.id = p.programme_id "
                               "WHERE p.name LIKE '%crm%' OR p.code LIKE '%crm%' OR p.manager LIKE '%crm%' "
                               "OR p.sponsor LIKE '%crm%' OR g.name LIKE '%crm%' OR p.description LIKE '%crm%' "
                               "OR p.business_unit LIKE '%crm%' OR p.strategic_theme LIKE '%crm%'")[0][0]
    assert 0 < view.model.rowCount() == expected


def test_sorting_is_done_by_the_store(window, demo_path):
    view = _projects(window)
    col = view.model.column_index("approved_budget")
    view.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    top = read(demo_path, "SELECT code FROM projects ORDER BY approved_budget DESC NULLS LAST, id LIMIT 3")
    assert [view.model.index(r, 0).data() for r in range(3)] == [t[0] for t in top]
    view.table.sortByColumn(view.model.column_index("rag_overall"), Qt.SortOrder.DescendingOrder)
    top_rag = view.model.index(0, view.model.column_index("rag_overall"))
    assert top_rag.data(RAW_ROLE) == "R"
    assert top_rag.data(Qt.ItemDataRole.AccessibleTextRole) == "Red"  # screen readers get the word


def test_read_only_disables_every_edit(make_window, demo_path, answers):
    from pmo_desktop.gui.shell.window_actions import EDIT_ACTIONS
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    view = win.pages["projects"]
    for key in EDIT_ACTIONS:
        assert not win.actions[key].isEnabled(), key
    assert not win.actions["undo"].isEnabled()
    assert not view.model.flags(_cell(view, 0, "name")) & Qt.ItemFlag.ItemIsEditable
    assert not view.model.setData(_cell(view, 0, "name"), "x")
    assert "read-only" in win.windowTitle()
    win.show_view("projects")
    view.table.setCurrentIndex(view.model.index(0, 2))
    assert win.detail.project_id is not None and not win.detail.report_button.isEnabled()
    assert not win.actions["status_report"].isEnabled()


def test_column_chooser_hides_columns_but_not_key_columns(window):
    view = _projects(window)
    menu = view.column_menu()
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert not actions["Code"].isEnabled() and not actions["Project"].isEnabled()  # frozen key columns
    actions["Sponsor"].setChecked(False)
    assert view.table.isColumnHidden(view.model.column_index("sponsor"))
    assert view.table.frozen_count == 2
    assert not view.table.frozen.isColumnHidden(0) and view.table.frozen.isColumnHidden(2)
    actions["Reset columns"].trigger()
    assert not view.table.isColumnHidden(view.model.column_index("sponsor"))


def test_clear_cells_is_one_step_and_refuses_required(window, demo_path, answers):
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    view = _projects(window)
    m = view.model
    col = m.column_index("sponsor")
    view.table.selectionModel().select(QItemSelection(m.index(0, col), m.index(2, col)),
                                       QItemSelectionModel.SelectionFlag.ClearAndSelect)
    window.actions["clear"].trigger()
    assert read(demo_path, "SELECT sponsor FROM projects ORDER BY id LIMIT 3") == [(None,)] * 3
    window.undo()
    assert None not in [r[0] for r in read(demo_path, "SELECT sponsor FROM projects ORDER BY id LIMIT 3")]
    view.table.selectionModel().select(m.index(0, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    window.actions["clear"].trigger()
    assert "cannot be empty" in answers.warnings[-1]


def test_delete_key_clears_selected_cells(window, demo_path, qtbot):
    from PySide6.QtCore import QItemSelectionModel

    view = _projects(window)
    index = _cell(view, 0, "sponsor")
    view.table.setCurrentIndex(index)
    view.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert read(demo_path, "SELECT sponsor FROM projects WHERE id = ?", (view.model.row_id(0),)) == [(None,)]


def test_status_bar_shows_file_rows_and_saved(window, demo_path):
    view = _projects(window)
    assert str(demo_path) in window.file_label.text()
    assert window.rows_label.text() == "40 projects"
    assert window.saved_label.text() == "All changes saved"
    view.model.setData(_cell(view, 0, "sponsor"), "Someone")
    assert window.saved_label.text().startswith("Saved ")


def test_other_views_show_an_edit_when_next_shown(window, demo_path):
    view = _projects(window)
    raid = window.pages["raid"]
    first_code = view.model.index(0, 0).data()
    rows = [r for r in range(raid.model.rowCount())
            if raid.model.index(r, raid.model.column_index("project_id")).data() == first_code]
    assert rows
    window.show_view("projects")
    assert view.model.setData(view.model.index(0, 0), "PRJ-900")
    window.show_view("raid")
    assert raid.model.index(rows[0], raid.model.column_index("project_id")).data() == "PRJ-900"
    window.undo()
    window.show_view("projects")
    assert view.model.index(0, 0).data() == first_code


def test_moving_down_a_frozen_column_keeps_the_row_in_view(window, qtbot):
    view = _projects(window)
    window.show()
    table = view.table
    table.setCurrentIndex(view.model.index(0, 0))
    table.scrollTo(view.model.index(39, 0))
    y = table.rowViewportPosition(39)
    assert y >= 0 and y + table.rowHeight(39) <= table.viewport().height()
    assert table.horizontalScrollBar().value() == 0


def test_a_new_edit_after_undo_drops_the_redo(window, demo_path):
    view = _projects(window)
    view.model.setData(_cell(view, 0, "sponsor"), "First")
    window.undo()
    assert window.actions["redo"].isEnabled()
    assert window.actions["redo"].text().startswith("Redo Edit Sponsor")
    view.model.setData(_cell(view, 0, "sponsor"), "Second")
    assert not window.actions["redo"].isEnabled()
    window.redo()  # nothing to redo
    assert read(demo_path, "SELECT sponsor FROM projects WHERE id = ?", (view.model.row_id(0),)) == [("Second",)]


def test_an_unchanged_value_is_not_an_undo_step(window):
    view = _projects(window)
    index = _cell(view, 0, "manager")
    assert view.model.setData(index, index.data())
    assert not window.history.can_undo()


def test_sql_condition_narrows_with_the_column_filters_and_clears(demo):
    from pmo_desktop.gui.registers.register_model import RegisterModel
    from pmo_desktop.registers.definitions import PROJECTS

    m = RegisterModel(demo, PROJECTS)
    everyone = m.rowCount()
    m.set_filter("status", "Active")
    active = m.rowCount()
    m.set_condition("Budget over £1m", "p.approved_budget > ?", [100_000_000])
    expected = demo.conn.execute(
        "SELECT count(*) FROM projects WHERE status = 'Active' AND approved_budget > 100000000").fetchone()[0]
    assert 0 < m.rowCount() == expected < active and m.condition() == "Budget over £1m"
    m.set_condition("Budget over £1m", "p.approved_budget > ?", [100_000_000], clear_others=True)
    assert m.filters() == {} and m.rowCount() == demo.conn.execute(
        "SELECT count(*) FROM projects WHERE approved_budget > 100000000").fetchone()[0]
    m.set_condition(None)
    assert m.condition() is None and m.rowCount() == everyone == m.total
