"""The status report form and custom fields, driven as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pmo_desktop.gui.registers.dialogs import CustomFieldDialog, StatusReportDialog
from pmo_desktop.store import custom_fields
from tests.gui.conftest import read


def _select_project(window, row=0):
    view = window.pages["projects"]
    window.show_view("projects")
    view.table.setCurrentIndex(view.model.index(row, 2))
    return view.model.row_id(row)


def test_detail_pane_follows_the_selection(window, demo_path):
    project_id = _select_project(window, 1)
    code, name = read(demo_path, "SELECT code, name FROM projects WHERE id = ?", (project_id,))[0]
    assert window.detail.title.text() == f"{code} — {name}"
    periods = read(demo_path, "SELECT count(*) FROM status_reports WHERE project_id = ?", (project_id,))[0][0]
    assert window.detail.history.rowCount() == periods
    raid = read(demo_path, "SELECT count(*) FROM raid_items WHERE project_id = ?", (project_id,))[0][0]
    assert window.detail.raid.rowCount() == raid
    assert window.detail.budget.item(window.detail.budget.rowCount() - 1, 0).text() == "Total"
    assert window.actions["status_report"].isEnabled()


def test_status_report_prefilled_from_previous_period(window, demo_path):
    project_id = _select_project(window, 0)
    latest = read(demo_path, "SELECT period, rag_overall, next_steps FROM status_reports WHERE project_id = ? "
                             "ORDER BY period DESC LIMIT 1", (project_id,))[0]
    dialog = StatusReportDialog(window.portfolio, project_id, parent=window)
    dialog.show()
    assert not dialog.form.isWindow() and dialog.form.isVisible() and dialog.form.summary.isVisible()
    period = dialog.form.period.date().toString("yyyy-MM-dd")
    assert period > latest[0]
    assert dialog.combo("overall").currentData() == latest[1]
    assert dialog.form.achievements.toPlainText() == (latest[2] or "")
    assert dialog.form.next_steps.toPlainText() == ""
    dialog.combo("overall").setCurrentIndex(dialog.combo("overall").findData("A"))
    dialog.form.next_steps.setPlainText("Run the cut-over rehearsal")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert read(demo_path, "SELECT rag_overall, next_steps FROM status_reports WHERE project_id = ? AND period = ?",
                (project_id, period)) == [("A", "Run the cut-over rehearsal")]
    window.history.record(dialog.batch_id)
    window.undo()
    assert read(demo_path, "SELECT count(*) FROM status_reports WHERE project_id = ? AND period = ?",
                (project_id, period)) == [(0,)]


def test_status_report_period_is_a_month_end(window):
    from PySide6.QtCore import QDate

    project_id = _select_project(window, 0)
    dialog = StatusReportDialog(window.portfolio, project_id, parent=window)
    dialog.form.period.setDate(QDate(2026, 2, 10))
    assert dialog.form.period.date().toString("yyyy-MM-dd") == "2026-02-28"


def test_status_report_needs_an_overall_rag(window, demo_path, answers):
    project_id = _select_project(window, 0)
    dialog = StatusReportDialog(window.portfolio, project_id, parent=window)
    dialog.combo("overall").setCurrentIndex(0)
    before = read(demo_path, "SELECT count(*) FROM status_reports")[0][0]
    dialog.accept()
    assert "overall RAG" in answers.warnings[-1]
    assert read(demo_path, "SELECT count(*) FROM status_reports")[0][0] == before


def test_custom_field_appears_as_a_column_and_takes_values(window, demo_path, answers):
    dialog = CustomFieldDialog(window.portfolio, "project", parent=window)
    dialog.show()
    assert not dialog.form.isWindow() and dialog.form.name.isVisible()
    dialog.form.name.setText("Benefit owner")
    dialog.form.fieldType.setCurrentIndex(dialog.form.fieldType.findData("choice"))
    dialog.form.choices.setPlainText("Finance\nOperations\n")
    dialog.accept()
    assert dialog.field_id
    window.history.record(window.portfolio.last_batch_id())
    view = window.pages["projects"]
    view.reload_columns()
    col = view.model.column_index(f"custom_{dialog.field_id}")
    assert view.model.headerData(col, Qt.Orientation.Horizontal) == "Benefit owner"
    assert view.model.setData(view.model.index(0, col), "operations")
    assert read(demo_path, "SELECT value FROM custom_values") == [("Operations",)]
    assert not view.model.setData(view.model.index(1, col), "Marketing")
    assert "choose one of: Finance, Operations" in answers.warnings[-1]
    view.set_filter(f"custom_{dialog.field_id}", "Operations")
    assert view.model.rowCount() == 1
    # undo the value, then the field: the column goes away
    window.undo()
    window.undo()
    assert custom_fields.list_fields(window.portfolio, "project") == []
    assert all(not c.custom_field_id for c in window.pages["projects"].model.columns)


def test_custom_field_bad_input_is_refused(window, answers):
    dialog = CustomFieldDialog(window.portfolio, "raid_item", parent=window)
    dialog.form.name.setText("")
    dialog.accept()
    assert "needs a name" in answers.warnings[-1]
    dialog.form.name.setText("Cost")
    dialog.form.fieldType.setCurrentIndex(dialog.form.fieldType.findData("choice"))
    dialog.accept()
    assert "at least one choice" in answers.warnings[-1]
    assert dialog.field_id is None


def test_number_and_date_custom_fields(window, demo_path):
    pf = window.portfolio
    num = custom_fields.add_field(pf, "raid_item", "Cost exposure", "number")
    day = custom_fields.add_field(pf, "raid_item", "Review date", "date")
    view = window.pages["raid"]
    view.refresh()
    assert view.model.setData(view.model.index(0, view.model.column_index(f"custom_{num}")), "12,500")
    assert view.model.setData(view.model.index(0, view.model.column_index(f"custom_{day}")), "1/2/2027")
    assert read(demo_path, "SELECT value FROM custom_values ORDER BY field_id") == [(12500,), ("2027-02-01",)]
