"""The Benefits register view: the same rows as `pmo benefits`, the derived 'at risk' beside the owner's
status, filters, add/edit/measure/delete as undo steps, the curve; and the dashboard's benefits tile."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pmo_desktop.benefits.realisation import portfolio_realisation
from pmo_desktop.domain.enums import Rag
from tests.gui.conftest import read


def _view(window):
    window.show_view("benefits")
    return window.pages["benefits"]


def test_rows_match_the_service_and_at_risk_is_red(window):
    view = _view(window)
    data = portfolio_realisation(window.portfolio)
    assert view.model.rowCount() == data["count"] > 0
    assert view.summary() == f"{data['count']} of {data['count']} benefits"
    risky = [r for r in range(view.model.rowCount()) if view.model.rows[r][6] == "At risk"]
    assert len(risky) == data["at_risk_count"] > 0
    index = view.model.index(risky[0], 6)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name().upper() == Rag.RED.colour
    assert index.data(Qt.ItemDataRole.ToolTipRole)  # why: the project that slipped or went red
    view.status_box.setCurrentIndex(view.status_box.findData("At risk"))
    assert view.model.rowCount() == len(risky)
    view.status_box.setCurrentIndex(0)
    view.type_box.setCurrentIndex(view.type_box.findData("Non-cash"))
    assert {r[2] for r in view.model.rows} == {"Non-cash"}
    view.type_box.setCurrentIndex(0)
    view.search_box.setText("zzz-nothing")
    assert view.model.rowCount() == 0


def test_add_edit_measure_delete_and_undo(window, demo_path):
    view = _view(window)
    dialog = view.benefit_dialog()
    dialog.title.setText("Fewer data centre racks")
    dialog.type.setCurrentText("Non-cash")
    dialog.projects.setText("PRJ-101, PRJ-999")
    dialog.baseline.setText("40")
    dialog.target.setText("10")
    assert not dialog.save() and "PRJ-999" in dialog.problem.text()
    dialog.projects.setText("PRJ-101")
    dialog.target_date.setText("31/03/2028")
    assert dialog.save()
    view._after_write(dialog.ref)
    ref = dialog.ref
    assert read(demo_path, "SELECT title, type, baseline, target, target_date FROM benefits WHERE ref = ?", (ref,)) == \
        [("Fewer data centre racks", "Non-cash", 40.0, 10.0, "2028-03-31")]
    assert view.current_benefit()["ref"] == ref
    edit = view.benefit_dialog(view.current_benefit())
    assert edit.target_date.text() and edit.projects.text() == "PRJ-101"
    edit.projects.setText("PRJ-101, PRJ-102")
    edit.owner.setText("Dana Kovac")
    assert edit.save()
    view._after_write(ref)
    assert read(demo_path, "SELECT count(*) FROM benefit_projects l JOIN benefits b ON b.id = l.benefit_id "
                           "WHERE b.ref = ?", (ref,)) == [(2,)]
    measure = view.measurement_dialog(ref)
    measure.actual.setText("lots")
    assert not measure.save() and "number" in measure.problem.text()
    measure.actual.setText("25")
    assert measure.save()
    view._after_write(ref)
    row = next(b for b in view.rows if b["ref"] == ref)
    assert row["progress_pct"] == 50.0  # (25 − 40) / (10 − 40)
    assert view.measures.rowCount() == 1 and view.measures.rows[0][3] == "25"
    again = view.measurement_dialog(ref, view.measures.key(0))
    assert again.actual.text() == "25" and again.period.text() == view.when.isoformat()[:7]
    assert view.chart is not None and view.chart.figure.axes
    window.undo()  # the measurement
    window.undo()  # the edit: owner and links together
    assert read(demo_path, "SELECT owner FROM benefits WHERE ref = ?", (ref,)) == [(None,)]
    assert read(demo_path, "SELECT count(*) FROM benefit_projects l JOIN benefits b ON b.id = l.benefit_id "
                           "WHERE b.ref = ?", (ref,)) == [(1,)]
    view.refresh()
    assert view.select_ref(ref)
    view.delete()
    assert read(demo_path, "SELECT count(*) FROM benefits WHERE ref = ?", (ref,)) == [(0,)]


def test_dashboard_has_a_benefits_tile(window, qtbot):
    window.show()
    window.show_view("dashboard")
    dash = window.pages["dashboard"]
    qtbot.waitUntil(lambda: not dash.loader.loading)
    value, note = dash.tiles["benefits"]
    assert value.text().startswith("£") and "benefits at risk" in note.text()


def test_a_measurement_is_deleted_from_the_view_as_one_undo_step(window, demo_path, qtbot):
    view = _view(window)
    ref, count = read(demo_path, """SELECT b.ref, count(*) FROM benefit_measurements m JOIN benefits b
                                    ON b.id = m.benefit_id GROUP BY b.ref ORDER BY b.ref LIMIT 1""")[0]
    assert view.select_ref(ref) and view.measures.rowCount() == count
    assert not view.delete_measure.isEnabled()  # nothing selected yet
    view.measures_table.selectRow(0)
    period = view.current_measurement()["period"]
    assert view.delete_measure.isEnabled()
    view.delete_measure.click()
    assert view.measures.rowCount() == count - 1
    assert read(demo_path, """SELECT count(*) FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                              WHERE b.ref = ? AND m.period = ?""", (ref, period)) == [(0,)]
    assert "Delete measurement" in window.history.undo_text()
    window.undo()
    view.refresh()
    assert view.select_ref(ref) and view.measures.rowCount() == count
