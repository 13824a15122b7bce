"""The roadmap and the Gantt: what they show, their edits (one undo step each), exports."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from pmo_desktop.gui.plans.gantt_paint import ROW_H, bar_extent
from pmo_desktop.gui.plans.timeline_paint import HEADER_H
from tests.gui.conftest import read


def _gantt(window):
    window.show()
    window.show_view("gantt")
    view = window.pages["gantt"]
    assert view.plan is not None and view.plan.rows
    return view


def test_roadmap_groups_projects_by_programme_and_opens_a_plan(window):
    window.show()
    window.show_view("roadmap")
    view = window.pages["roadmap"]
    kinds = [k for k, _ in view.chart.items]
    assert kinds.count("project") == 40 and kinds[0] == "group"
    groups = [item for k, item in view.chart.items if k == "group"]
    assert len(groups) == len(set(groups))  # each programme once
    row = next(n for n, (k, _) in enumerate(view.chart.items) if k == "project")
    pid = view.chart.items[row][1].project_id
    view.open_plan(pid)
    assert window.current_view_name() == "gantt"
    assert window.pages["gantt"].selected_project_id() == pid
    view.programme_box.setCurrentIndex(1)
    assert kinds.count("project") > sum(1 for k, _ in view.chart.items if k == "project")


def test_roadmap_follows_the_projects_register_filters(window):
    window.show()
    window.show_view("roadmap")
    roadmap = window.pages["roadmap"]
    assert sum(1 for k, _ in roadmap.chart.items if k == "project") == 40
    register = window.pages["projects"]
    register.set_filter("status", "Active")
    shown = {item.project_id for k, item in roadmap.chart.items if k == "project"}
    wanted = {register.model.row_id(i) for i in range(register.model.rowCount())}
    assert shown == wanted and 0 < len(shown) < 40
    roadmap.shared_filters.setChecked(False)
    assert sum(1 for k, _ in roadmap.chart.items if k == "project") == 40


def test_gantt_table_and_chart_show_the_plan(window):
    view = _gantt(window)
    model = view.model
    assert model.rowCount() == len(view.plan.rows) == 15
    assert model.index(0, 0).data() == "1" and model.index(1, 1).data().strip() == "Business case"
    assert any(r.critical for r in view.plan.rows) and view.plan.links
    assert "tasks" in view.summary()


def _drag(qtbot, chart, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mousePress(chart.viewport(), Qt.MouseButton.LeftButton, modifier, start)
    qtbot.mouseMove(chart.viewport(), QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(chart.viewport(), end)
    qtbot.mouseRelease(chart.viewport(), Qt.MouseButton.LeftButton, modifier, end)


def _point(chart, row, x):
    return QPoint(int(x - chart.horizontalScrollBar().value()),
                  int(HEADER_H + row * ROW_H + ROW_H / 2 - chart.verticalScrollBar().value()))


def test_drag_a_bar_to_move_it_is_one_undo_step_and_reschedules(window, demo_path, qtbot, answers):
    view = _gantt(window)
    chart = view.chart
    view.zoom_box.setCurrentText("Days")
    row = next(n for n, r in enumerate(view.plan.rows) if r.name == "Hypercare")  # not started yet
    task = view.plan.rows[row]
    left, right = bar_extent(view.plan, chart.scale, row)
    chart.horizontalScrollBar().setValue(int(left) - 100)
    before = read(demo_path, "SELECT start_date FROM tasks WHERE id = ?", (task.id,))[0][0]
    start = _point(chart, row, (left + right) / 2)
    _drag(qtbot, chart, start, start + QPoint(int(chart.scale.px_per_day * 14), 0))
    after = read(demo_path, "SELECT start_date, constraint_type FROM tasks WHERE id = ?", (task.id,))[0]
    assert not answers.warnings, answers.warnings
    assert after[0] > before and after[1] == "SNET"
    review = next(r for r in view.plan.rows if r.name == "Benefits review")
    assert review.start > next(r for r in view.plan.rows if r.name == "Hypercare").finish  # its successor follows
    window.undo()
    assert read(demo_path, "SELECT start_date, constraint_type FROM tasks WHERE id = ?", (task.id,))[0] == (
        before, None)


def test_drag_the_end_changes_the_duration(window, demo_path, qtbot):
    view = _gantt(window)
    chart = view.chart
    view.zoom_box.setCurrentText("Days")
    row = next(n for n, r in enumerate(view.plan.rows) if r.name == "Benefits review")
    task = view.plan.rows[row]
    left, right = bar_extent(view.plan, chart.scale, row)
    chart.horizontalScrollBar().setValue(int(right) - 300)
    _drag(qtbot, chart, _point(chart, row, right - 2), _point(chart, row, right - 2 + chart.scale.px_per_day * 7))
    days = read(demo_path, "SELECT duration_days FROM tasks WHERE id = ?", (task.id,))[0][0]
    assert days == task.duration + 5  # a week more is five working days
    assert view.plan.rows[row].finish > task.finish


def test_drag_from_one_bar_to_another_links_them_and_a_loop_is_refused(window, demo_path, qtbot, answers):
    view = _gantt(window)
    chart = view.chart
    rows = {r.name: n for n, r in enumerate(view.plan.rows)}
    a, b = rows["Hypercare"], rows["Legacy support"]
    links_before = read(demo_path, "SELECT count(*) FROM dependencies")[0][0]
    ea, eb = bar_extent(view.plan, chart.scale, a), bar_extent(view.plan, chart.scale, b)
    chart.horizontalScrollBar().setValue(int(min(ea[0], eb[0])) - 50)
    _drag(qtbot, chart, _point(chart, a, (ea[0] + ea[1]) / 2), _point(chart, b, (eb[0] + eb[1]) / 2))
    assert read(demo_path, "SELECT count(*) FROM dependencies")[0][0] == links_before + 1
    # Business case -> ... -> Hypercare: linking Hypercare back to Business case closes a loop.
    c = rows["Business case"]
    ec = bar_extent(view.plan, chart.scale, c)
    chart.horizontalScrollBar().setValue(0)
    _drag(qtbot, chart, _point(chart, a, (ea[0] + ea[1]) / 2), _point(chart, c, (ec[0] + ec[1]) / 2),
          Qt.KeyboardModifier.ShiftModifier)
    assert read(demo_path, "SELECT count(*) FROM dependencies")[0][0] == links_before + 1
    assert answers.warnings and "loop" in answers.warnings[-1]


def test_indent_and_outdent_keys(window, demo_path, qtbot, answers):
    view = _gantt(window)
    row = next(n for n, r in enumerate(view.plan.rows) if r.name == "Legacy support")
    task_id = view.plan.rows[row].id
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    parent = read(demo_path, "SELECT t.name FROM tasks t JOIN tasks c ON c.parent_id = t.id WHERE c.id = ?",
                  (task_id,))
    assert parent == [("Hypercare",)] and not answers.warnings
    qtbot.keyClick(view.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    parent = read(demo_path, "SELECT t.name FROM tasks t JOIN tasks c ON c.parent_id = t.id WHERE c.id = ?",
                  (task_id,))
    assert parent == [("Deployment",)]
    # Under 'Business case', 'Gate 1 approval' would follow its own summary: refused as a loop.
    row = next(n for n, r in enumerate(view.plan.rows) if r.name == "Gate 1 approval")
    view.table.setCurrentIndex(view.model.index(row, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert answers.warnings and "loop" in answers.warnings[-1]


def test_zoom_and_exports(window, tmp_path):
    view = _gantt(window)
    widths = {}
    for zoom in ("Days", "Weeks", "Months", "Quarters"):
        view.zoom_box.setCurrentText(zoom)
        widths[zoom] = view.chart.scale.px_per_day
    assert widths["Days"] > widths["Weeks"] > widths["Months"] > widths["Quarters"]
    assert view.export_png(tmp_path / "plan.png")
    image = QImage(str(tmp_path / "plan.png"))
    assert image.height() == HEADER_H + 15 * ROW_H and image.width() > 400
    assert view.export_pdf(tmp_path / "plan.pdf")
    assert (tmp_path / "plan.pdf").read_bytes()[:5] == b"%PDF-"
    assert view.chart.scale.day_at(view.chart.scale.x(view.plan.rows[0].start)) == view.plan.rows[0].start
