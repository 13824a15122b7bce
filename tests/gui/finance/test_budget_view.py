"""The budget view: actual and forecast months, edits and Excel pastes as one undo step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from pmo_desktop.gui.finance.budget_view import FIXED
from pmo_desktop.gui.widgets.clipboard import to_tsv
from tests.gui.conftest import read


@pytest.fixture
def window(window, qtbot):
    """Shown: the finance views read the store when they are first shown, not when built."""
    window.show()
    qtbot.waitExposed(window)
    return window


def _view(window):
    window.show_view("budget")
    return window.pages["budget"]


def _row(model, category, spend, figure):
    return model.rows.index(("line", category, spend, figure))


def _col(model, month):
    return FIXED + model.months.index(month)


def test_months_say_actual_or_forecast(window):
    view = _view(window)
    m = view.model
    assert view.selected_project_id() is not None
    assert m.grid.cutoff_month == date(2026, 10, 1)  # demo period ends 31 Oct 2026
    oct_col, nov_col = _col(m, date(2026, 10, 1)), _col(m, date(2026, 11, 1))
    assert m.headerData(oct_col, Qt.Orientation.Horizontal).endswith("actual")
    assert m.headerData(nov_col, Qt.Orientation.Horizontal).endswith("forecast")
    row = _row(m, *m.grid.lines[0], "planned")
    assert (m.index(row, oct_col).data(Qt.ItemDataRole.BackgroundRole).color().name()
            != m.index(row, nov_col).data(Qt.ItemDataRole.BackgroundRole).color().name())
    assert window.detail.project_id == view.selected_project_id() or window.detail.project_id is None


def test_edit_updates_totals_and_undoes(window, demo_path):
    view = _view(window)
    m = view.model
    category, spend = m.grid.lines[0]
    row, col = _row(m, category, spend, "forecast"), _col(m, date(2026, 12, 1))
    total_row = m.rows.index(("total", "Total", None, "outturn"))
    total_col = m.columnCount() - 1
    before = m.amount(total_row, total_col)
    old = m.amount(row, col)
    assert m.setData(m.index(row, col), "£1,000")
    assert m.amount(row, col) == 100_000
    assert m.amount(total_row, total_col) == before - old + 100_000  # totals follow the edit
    pid = view.selected_project_id()
    assert read(demo_path, "SELECT forecast FROM budget_lines WHERE project_id = ? AND category = ? AND "
                "spend_type = ? AND month = '2026-12-01'", (pid, category, spend))[0][0] == 100_000
    window.undo()
    assert m.amount(row, col) == old and m.amount(total_row, total_col) == before


def test_paste_block_from_excel_is_one_undo_step(window, demo_path):
    view = _view(window)
    m = view.model
    category, spend = m.grid.lines[0]
    top = _row(m, category, spend, "planned")
    left = _col(m, date(2027, 1, 1))
    view.table.setCurrentIndex(m.index(top, left))
    batches = read(demo_path, "SELECT count(*) FROM batches")[0][0]
    block = [["1,000", "2000", "£3,000.50"], ["10", "20", "30"], ["(5)", "", "7k"]]  # planned/actual/forecast
    assert view.paste_text(to_tsv(block))
    assert read(demo_path, "SELECT count(*) FROM batches")[0][0] == batches + 1
    assert m.amount(top, left + 2) == 300_050
    assert m.amount(top + 1, left + 1) == 2_000
    assert m.amount(top + 2, left) == -500 and m.amount(top + 2, left + 1) is None
    assert m.amount(top + 2, left + 2) == 700_000
    window.undo()
    assert m.amount(top + 2, left + 2) != 700_000
    assert read(demo_path, "SELECT count(*) FROM batches WHERE undone = 0 AND reverts IS NULL")[0][0] >= 1


def test_bad_paste_changes_nothing(window, demo_path, answers):
    view = _view(window)
    m = view.model
    top = _row(m, *m.grid.lines[0], "planned")
    left = _col(m, date(2027, 1, 1))
    view.table.setCurrentIndex(m.index(top, left))
    before = read(demo_path, "SELECT count(*) FROM batches")[0][0]
    assert view.paste_text(to_tsv([["1", "lots"]])) is None
    assert view.paste_text(to_tsv([["1"] * 40])) is None  # wider than the months left
    assert read(demo_path, "SELECT count(*) FROM batches")[0][0] == before
    assert len(answers.warnings) == 2 and "not an amount of money" in answers.warnings[0]


def test_add_line_then_undo(window):
    view = _view(window)
    m = view.model
    lines = list(m.grid.lines)
    window.actions["add_row"].trigger()
    assert len(m.grid.lines) == len(lines) + 1
    window.undo()
    assert m.grid.lines == lines
