"""Adding, duplicating and deleting rows; copying as TSV and pasting blocks from Excel."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtGui import QGuiApplication

from pmo_desktop.gui.widgets.clipboard import parse_tsv, to_tsv
from tests.gui.conftest import read


def _select(view, top, left, bottom, right):
    model = view.model
    view.table.setCurrentIndex(model.index(top, left))
    selection = QItemSelection(model.index(top, left), model.index(bottom, right))
    view.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_tsv_round_trip_with_excel_quoting():
    grid = [["a", "two\nlines", 'say "hi"'], ["", "x\ty", "3"]]
    assert parse_tsv(to_tsv(grid)) == grid
    assert parse_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_tsv("1\t2\n3") == [["1", "2"], ["3", ""]]


def test_copy_gives_tab_separated_text(window):
    view = window.pages["projects"]
    m = view.model
    _select(view, 0, 0, 1, 1)
    text = view.copy_text()
    assert text == to_tsv([[m.index(0, 0).data(), m.index(0, 1).data()], [m.index(1, 0).data(), m.index(1, 1).data()]])
    window.actions["copy"].trigger()
    assert QGuiApplication.clipboard().text() == text


def test_paste_3x4_block_is_twelve_values_and_one_undo_step(window, demo_path):
    view = window.pages["raid"]
    window.show_view("raid")
    m = view.model
    left = m.column_index("owner")  # owner, probability, impact, score(no) -> use owner..impact + response
    cols = [m.column_index(k) for k in ("owner", "probability", "impact")]
    assert cols == [left, left + 1, left + 2]
    block = [["Ann", "1", "2"], ["Bob", "Possible", "Severe"], ["Cy", "5", "Minor"], ["Di", "4", "4"]]
    # 4 rows x 3 columns = 12 cells
    _select(view, 2, left, 2, left)
    ids = [m.row_id(r) for r in range(2, 6)]
    before_batches = read(demo_path, "SELECT count(*) FROM batches")[0][0]
    assert view.paste_text(to_tsv(block))
    rows = [read(demo_path, "SELECT owner, probability, impact FROM raid_items WHERE id = ?", (i,))[0] for i in ids]
    assert rows == [("Ann", 1, 2), ("Bob", 3, 5), ("Cy", 5, 2), ("Di", 4, 4)]
    assert read(demo_path, "SELECT count(*) FROM batches")[0][0] == before_batches + 1
    window.undo()
    assert not window.history.can_undo()
    rows = [read(demo_path, "SELECT owner FROM raid_items WHERE id = ?", (i,))[0][0] for i in ids]
    assert "Ann" not in rows and "Di" not in rows


def test_paste_with_one_bad_cell_writes_nothing(window, demo_path, answers):
    view = window.pages["projects"]
    m = view.model
    col = m.column_index("start_date")
    _select(view, 0, col, 0, col)
    before = read(demo_path, "SELECT start_date FROM projects ORDER BY id LIMIT 3")
    assert view.paste_text("2026-01-01\nnot a date\n2026-01-03\n") is None
    assert "Row 2" in answers.warnings[-1] and "not a date" in answers.warnings[-1]
    assert read(demo_path, "SELECT start_date FROM projects ORDER BY id LIMIT 3") == before


def test_paste_past_the_end_appends_rows_in_the_same_step(window, demo_path):
    view = window.pages["projects"]
    m = view.model
    _select(view, 39, 1, 39, 1)  # the last project's name
    assert view.paste_text("Renamed\nBrand new A\nBrand new B\n")
    assert m.rowCount() == 42
    names = [r[0] for r in read(demo_path, "SELECT name FROM projects ORDER BY id DESC LIMIT 3")]
    assert names == ["Brand new B", "Brand new A", "Renamed"]
    codes = [r[0] for r in read(demo_path, "SELECT code FROM projects ORDER BY id DESC LIMIT 2")]
    assert len(set(codes)) == 2
    window.undo()
    assert read(demo_path, "SELECT count(*) FROM projects")[0][0] == 40


def test_single_value_fills_the_selection(window, demo_path):
    view = window.pages["projects"]
    col = view.model.column_index("priority")
    _select(view, 0, col, 4, col)
    assert view.paste_text("high")
    assert read(demo_path, "SELECT priority FROM projects ORDER BY id LIMIT 5") == [("High",)] * 5


def test_add_duplicate_delete_and_undo(window, demo_path, answers):
    view = window.pages["projects"]
    window.actions["add_row"].trigger()
    assert read(demo_path, "SELECT count(*) FROM projects")[0][0] == 41
    assert read(demo_path, "SELECT code, name FROM projects ORDER BY id DESC LIMIT 1") == [("PRJ-141", "New project")]
    assert view.model.rowCount() == 41
    _select(view, 0, 0, 1, 0)
    window.actions["duplicate"].trigger()
    assert read(demo_path, "SELECT count(*) FROM projects")[0][0] == 43
    copies = read(demo_path, "SELECT code, name FROM projects ORDER BY id DESC LIMIT 2")
    assert copies[0][1].endswith("(copy)") and copies[0][0] != copies[1][0]

    # delete asks; saying no changes nothing
    _select(view, 0, 0, 0, 0)
    answers.confirm = False
    window.actions["delete"].trigger()
    assert "Delete 1 project" in answers.questions[-1]
    assert read(demo_path, "SELECT count(*) FROM projects")[0][0] == 43
    answers.confirm = True
    code = view.model.index(0, 0).data()
    tasks = read(demo_path, "SELECT count(*) FROM tasks")[0][0]
    window.actions["delete"].trigger()
    assert read(demo_path, "SELECT count(*) FROM projects WHERE code = ?", (code,)) == [(0,)]
    assert read(demo_path, "SELECT count(*) FROM tasks")[0][0] < tasks
    window.undo()
    assert read(demo_path, "SELECT count(*) FROM projects WHERE code = ?", (code,)) == [(1,)]
    assert read(demo_path, "SELECT count(*) FROM tasks")[0][0] == tasks
    assert view.model.rowCount() == 43
    window.undo()
    window.undo()
    assert read(demo_path, "SELECT count(*) FROM projects")[0][0] == 40


def test_add_raid_item_under_selected_project(window, demo_path):
    window.show_view("raid")
    view = window.pages["raid"]
    view.table.setCurrentIndex(view.model.index(0, 0))
    project = view.selected_project_id()
    window.actions["add_row"].trigger()
    assert read(demo_path, "SELECT type, status, project_id FROM raid_items ORDER BY id DESC LIMIT 1") == [
        ("Risk", "Open", project)]


def test_rows_copied_from_the_table_paste_back_whole(window, demo_path):
    window.show_view("raid")
    view = window.pages["raid"]
    m = view.model
    last = m.columnCount() - 1
    _select(view, 3, 0, 4, last)
    text = view.copy_text()
    assert "\t" in text
    view.table.setCurrentIndex(m.index(m.rowCount() - 1, 0))
    # paste two rows over the last row and one past the end: the refs clash, so it is refused ...
    rows_before = m.rowCount()
    assert view.paste_text(text) is None
    assert m.rowCount() == rows_before
    # ... but with fresh refs the rows go in, score (worked out) skipped, one undo step
    grid = parse_tsv(text)
    grid[0][0], grid[1][0] = "R-900", "R-901"
    assert view.paste_text(to_tsv(grid))
    assert m.rowCount() == rows_before + 1
    got = read(demo_path, "SELECT ref, title FROM raid_items WHERE ref IN ('R-900', 'R-901') ORDER BY ref")
    assert [g[1] for g in got] == [grid[0][2], grid[1][2]]
