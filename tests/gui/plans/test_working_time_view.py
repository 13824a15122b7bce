"""A plan in working hours as the Gantt shows it: half-day bars, times in the table, hour lags."""

from __future__ import annotations

from pathlib import Path

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.plans.gantt_paint import bar_extent
from pmo_desktop.gui.plans.gantt_table import GanttTableModel
from pmo_desktop.plans_io import apply_plan, read_mspdi
from pmo_desktop.scheduling.timeline import gantt_plan

PLAN = Path(__file__).resolve().parents[2] / "data" / "mspdi" / "subday_office.xml"


def test_half_day_tasks_end_mid_day_and_show_their_times(portfolio, qtbot):
    result = apply_plan(portfolio, read_mspdi(PLAN))
    plan = gantt_plan(portfolio.conn, result.project_id)
    rows = {r.name: n for n, r in enumerate(plan.rows)}
    scale = tp.scale_for(plan.rows[0].start, plan.finish, "Days")
    day = scale.px_per_day
    # Kick-off is Mon 08:00-12:00: half of Monday's working time; Design the other half.
    left, right = bar_extent(plan, scale, rows["Kick-off"])
    monday = scale.x(plan.rows[rows["Kick-off"]].start)
    assert (left, right) == (monday, monday + day / 2)
    left, right = bar_extent(plan, scale, rows["Design"])
    assert (left, right) == (monday + day / 2, monday + day)
    model = GanttTableModel()
    model.set_plan(plan)
    design = rows["Design"]
    assert model.index(design, 2).data().endswith("13:00") and model.index(design, 4).data() == "0.5"
    assert model.index(rows["Kick-off"], 3).data().endswith("12:00")
    # Lags read as MS Project writes them: hours, elapsed days, percent.
    assert model.index(rows["Build"], 6).data().endswith("FS+2h")
    assert model.index(rows["Cure"], 6).data().endswith("FS+1ed")
    assert model.index(rows["Report"], 6).data().endswith("SS+50%")


def test_gantt_links_a_task_to_another_projects_milestone_and_the_roadmap_draws_it(window, qtbot):
    from pmo_desktop.gui.plans.cross_link_dialog import CrossLinkDialog
    from pmo_desktop.gui.plans.roadmap_view import link_points

    window.show()
    window.show_view("gantt")
    view = window.pages["gantt"]
    row = next(n for n, r in enumerate(view.plan.rows) if r.name == "Testing")
    view.table.selectRow(row)
    testing = view.plan.rows[row]
    dialog = CrossLinkDialog(window.portfolio, view.plan.project_id, testing.name)
    qtbot.addWidget(dialog)
    other = dialog.project_box.itemData(0)
    assert dialog.task_box.currentText().startswith("◆")  # a milestone is offered first
    dialog.show()
    view.link_to_other_project(dialog)
    assert any(f"waits for {dialog.project_box.currentText().split(' ')[0]}" in c for c in view.plan.cross)
    assert ":" in view.model.index(row, 6).data()  # listed with the other project's code
    # The other project lists it too, and the roadmap draws it between the two bars.
    assert any("waits for" in c for c in gantt_plan(window.portfolio.conn, other).cross)
    window.show_view("roadmap")
    roadmap = window.pages["roadmap"]
    roadmap.refresh()
    drawn = [lk for lk in roadmap.chart.links if lk.successor_id == testing.id]
    assert drawn and link_points(roadmap.chart.items, roadmap.chart.scale, drawn[0]) is not None


def test_elapsed_tasks_read_as_ms_project_writes_them_and_their_bars_cross_the_weekend(portfolio, tmp_path, qtbot):
    from tests.scheduling.test_elapsed import PLAN as SLAB

    (tmp_path / "slab.xml").write_text(SLAB, encoding="utf-8")
    result = apply_plan(portfolio, read_mspdi(tmp_path / "slab.xml"))
    plan = gantt_plan(portfolio.conn, result.project_id)
    rows = {r.name: n for n, r in enumerate(plan.rows)}
    model = GanttTableModel()
    model.set_plan(plan)
    assert [model.index(rows[n], 4).data() for n in ("Pour", "Cure", "Dry", "Strip")] == ["2", "2 edays", "10 ehrs", "0.5"]
    assert model.index(rows["Cure"], 2).data().endswith("17:00") and model.index(rows["Dry"], 3).data().endswith("20:00")
    # The cure runs from 17:00 on Friday to 17:00 on Sunday: two whole days of the chart, shifted by 17 hours.
    scale = tp.scale_for(plan.rows[0].start, plan.finish, "Days")
    left, right = bar_extent(plan, scale, rows["Cure"])
    friday = scale.x(plan.rows[rows["Cure"]].start)
    assert (round(left - friday, 3), round(right - left, 3)) == (round(scale.px_per_day * 17 / 24, 3),
                                                                  round(scale.px_per_day * 2, 3))


def test_durations_are_typed_and_pasted_in_the_days_column_as_in_ms_project(make_window, portfolio, tmp_path, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QLineEdit

    from tests.scheduling.test_elapsed import PLAN as SLAB

    (tmp_path / "slab.xml").write_text(SLAB, encoding="utf-8")
    pid = apply_plan(portfolio, read_mspdi(tmp_path / "slab.xml")).project_id
    window = make_window(portfolio)
    window.show()
    window.show_view("gantt")
    view = window.pages["gantt"]
    view.show_project(pid)
    row = {r.name: n for n, r in enumerate(view.plan.rows)}
    days = view.model.index(row["Cure"], 4)
    assert days.flags() & Qt.ItemFlag.ItemIsEditable
    # Typed in the cell's editor, as an analyst would: three elapsed days.
    view.table.setCurrentIndex(days)
    view.table.edit(days)
    editor = view.table.indexWidget(days)
    assert isinstance(editor, QLineEdit) and editor.text() == "2 edays"
    editor.setText("3ed")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.index(row["Cure"], 4).data() != "2 edays")  # Qt commits on its next turn
    row = {r.name: n for n, r in enumerate(view.plan.rows)}
    assert view.model.index(row["Cure"], 4).data() == "3 edays"
    cure = view.plan.rows[row["Cure"]]
    assert cure.finish.isoformat() == "2026-03-09"  # Friday 17:00 + 72 clock hours
    # Pasted from a spreadsheet: a column of durations from Strip down, one undo step.
    QGuiApplication.clipboard().setText("4eh\r\n1d\r\n")
    view.table.setCurrentIndex(view.model.index(row["Strip"], 4))
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    texts = {r.name: view.model.index(n, 4).data() for n, r in enumerate(view.plan.rows)}
    order = [r.name for r in view.plan.rows]
    below = order[order.index("Strip") + 1]
    assert texts["Strip"] == "4 ehrs" and texts[below] == "1"
    assert window.portfolio.conn.execute("SELECT label FROM batches ORDER BY id DESC LIMIT 1").fetchone()[0] == \
        "Change duration of 2 tasks"
    # A text that is no duration is refused with a line, and nothing changes.
    before = window.portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    assert view.model.setData(view.model.index(row["Pour"], 4), "three days")
    assert window.portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before
    # A summary's length comes from its tasks: its cell takes no typing.
    summary = next((n for n, r in enumerate(view.plan.rows) if r.kind == "summary"), None)
    if summary is not None:
        assert not view.model.index(summary, 4).flags() & Qt.ItemFlag.ItemIsEditable
