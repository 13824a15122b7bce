"""The people register and the capacity heatmap, driven through their public faces."""

from datetime import date

from openpyxl import Workbook

from pmo_desktop.capacity.queries import load_people
from tests.capacity.conftest import staffed  # noqa: F401 - the hand-worked portfolio
from tests.gui.conftest import read


def skills_of(pf, name):
    return {p.name: p.skills for p in load_people(pf)}[name]


def test_people_register_edits_skills_and_fte_with_undo(make_window, staffed):  # noqa: F811
    win = make_window(staffed)
    win.show_view("people")
    view = win.pages["people"]
    model = view.model
    assert model.rowCount() == 3 and view.summary() == "3 people"
    row = next(r for r in range(3) if model.raw(r, model.column_index("name")) == "Ada")
    skills = model.index(row, model.column_index("skills"))
    assert model.data(skills) == "Python:4; SQL:3"
    assert model.setData(skills, "Python:5; Rust:2")
    assert skills_of(staffed, "Ada") == {"Python": 5, "Rust": 2}
    assert read(staffed.path, "SELECT count(*) FROM person_skills WHERE skill = 'Rust'") == [(1,)]
    win.history.undo()
    assert skills_of(staffed, "Ada") == {"Python": 4, "SQL": 3}
    problems = []
    view.context.report_problem = problems.append
    model.problem.disconnect()
    model.problem.connect(problems.append)
    assert not model.setData(skills, "Python:9")
    assert not model.setData(model.index(row, model.column_index("fte")), "1.5")
    assert not model.setData(model.index(row, model.column_index("team")), "Nowhere")
    assert "level of skill 'Python' must be a whole number from 1 to 5" in problems[0]
    assert "at most 1" in problems[1] and "is not a team" in problems[2]
    assert skills_of(staffed, "Ada") == {"Python": 4, "SQL": 3}


def test_people_paste_from_excel_adds_people_in_one_step(make_window, staffed):  # noqa: F811
    win = make_window(staffed)
    win.show_view("people")
    view = win.pages["people"]
    view.table.setCurrentIndex(view.model.index(3, 0))  # below the last row: appends
    batch = view.paste_text("Gil\tTester\tEngineering\t0.5\t450\tSQL:3\nHal\tDesigner\tData\t1\t500\tFigma:4\n")
    assert batch
    people = {p.name: p for p in load_people(staffed)}
    assert people["Gil"].fte == 0.5 and people["Gil"].day_rate == 45_000 and people["Gil"].skills == {"SQL": 3}
    assert people["Hal"].skills == {"Figma": 4}
    win.history.undo()
    assert {p.name for p in load_people(staffed)} == {"Ada", "Bob", "Cleo"}


def test_people_import_and_export_buttons(make_window, staffed, tmp_path):  # noqa: F811
    win = make_window(staffed)
    win.show_view("people")
    view = win.pages["people"]
    wb = Workbook()
    wb.active.append(["Name", "Role", "Team", "FTE", "Day rate", "Skills"])
    wb.active.append(["Ida", "Developer", "Platform", 1, 600, "Go:4"])
    wb.save(tmp_path / "in.xlsx")
    result = view.import_file(tmp_path / "in.xlsx")
    assert result.added == ["Ida"] and view.model.rowCount() == 4
    assert "Platform" in view.model.columns[view.model.column_index("team")].choices
    win.history.undo()
    assert view.model.rowCount() == 3
    assert view.export_file(tmp_path / "out.xlsx")["people"] == 3
    problems = []
    view.context.report_problem = problems.append
    (tmp_path / "bad.xlsx").write_text("nope")
    assert view.import_file(tmp_path / "bad.xlsx") is None and "is not an Excel workbook" in problems[0]


def test_capacity_heatmap_figures_and_drill_down(make_window, staffed):  # noqa: F811
    win = make_window(staffed)
    win.show_view("capacity")
    view = win.pages["capacity"]
    view.set_range(date(2026, 11, 1), 2)
    labels = [line.label for line in view.heatmap.rows]
    assert labels == ["Data  (1)", "Cleo", "Engineering  (2)", "Ada", "Bob"]
    # opens on the worst over-allocation: Ada, November (21 days on 16)
    assert view.heatmap.current == (3, 0)
    assert "Ada · November 2026: 21.0 days allocated of 16.0 available (131%, over)" in view.cell_title.text()
    assert view.cell_rows() == [["PRJ-A", "Alpha", "0.5", "10.5", "£6,300"], ["PRJ-B", "Beta", "0.5", "10.5", "£6,300"]]
    view.heatmap.select(2, 1)  # the Engineering team in December: 33.6 / 33.3 days
    assert "Engineering · December 2026: 33.6 days allocated of 33.3 available (101%, over)" in view.cell_title.text()
    assert [r[0] for r in view.cell_rows()] == ["Ada", "Bob"]
    assert view.heatmap.tooltip(4, 1).endswith("Allocated 10.5 of 12.3 available days (85%): Full (80-100%)")
    assert "2 over-allocated person-months (1 people)" in view.summary()
    # demand by role includes the unstaffed Developer in December: 44.1 days / 21 = 2.1 / 1.0 FTE
    developer = next(r for r in view.demand_rows() if r[0] == "Developer")
    assert developer[1:] == ["1.0 / 0.8", "2.1 / 1.0"]
    found = view.find_free("python", 1, 0.05)
    assert [f.person.name for f in found] == ["Bob"]
    view.set_team("Data")
    assert [line.label for line in view.heatmap.rows] == ["Data  (1)", "Cleo"]
    view.set_team(None)
    view.set_group_by("role")
    assert [line.label for line in view.heatmap.rows] == [
        "Data Engineer  (1)", "Cleo", "Developer  (1)", "Ada", "Tester  (1)", "Bob"]
    assert view.heatmap.current == (3, 0)  # reopened on the worst over-allocation, Ada in November


def test_heatmap_paints_only_the_visible_cells(window):
    window.resize(900, 600)  # narrower than the months: the view has the window's width (no details pane)
    window.show_view("capacity")
    view = window.pages["capacity"]
    heatmap = view.heatmap
    heatmap.resize(500, 300)
    heatmap.verticalScrollBar().setValue(10 * heatmap.row_height)
    heatmap.viewport().grab()
    rows, cols = heatmap.visible_range()
    assert rows.start == 10 and len(rows) < len(heatmap.rows) and len(cols) < len(view.grid.months)
    assert heatmap.painted_cells == len(rows) * len(cols)


def test_allocations_are_entered_behind_the_cell_with_undo(make_window, staffed):  # noqa: F811
    win = make_window(staffed)
    win.show_view("capacity")
    view = win.pages["capacity"]
    view.set_range(date(2026, 11, 1), 2)
    view.heatmap.select(4, 0)  # Bob, November: 8.4 of 12.6 days
    assert view.allocate("prj-b", "0.2")  # 0.2 x 21 = 4.2 more days
    assert view.heatmap.current == (4, 0)
    assert "Bob · November 2026: 12.6 days allocated of 12.6 available (100%, full)" in view.cell_title.text()
    assert [r[:3] for r in view.cell_rows()] == [["PRJ-A", "Alpha", "0.4"], ["PRJ-B", "Beta", "0.2"]]
    # editing the amount in the table is the same operation
    view.cell_table.item(0, 2).setText("0.6")
    assert view.cell_rows()[0][2:4] == ["0.6", "12.6"]
    assert read(staffed.path, "SELECT amount FROM allocations a JOIN people p ON p.id = a.person_id "
                              "WHERE p.name = 'Bob' AND month = '2026-11-01' ORDER BY project_id") == [(0.6,), (0.2,)]
    win.history.undo()
    win.history.undo()
    assert [r[:3] for r in view.cell_rows()] == [["PRJ-A", "Alpha", "0.4"]]
    problems = []
    view.context.report_problem = problems.append
    assert view.allocate("PRJ-Z", "0.5") is None and "no project with code 'PRJ-Z'" in problems[-1]
    assert view.allocate("PRJ-A", "lots") is None and "FTE must be a number" in problems[-1]
    view.heatmap.select(2, 0)  # a team row: there is no one person to allocate
    assert view.allocate("PRJ-A", "0.5") is None and "select a person's month" in problems[-1]


def test_capacity_view_follows_edits_made_elsewhere(make_window, staffed, qtbot):  # noqa: F811
    win = make_window(staffed)
    win.show()
    qtbot.waitExposed(win)
    win.show_view("capacity")
    view = win.pages["capacity"]
    view.set_range(date(2026, 11, 1), 2)
    win.show_view("people")
    people = win.pages["people"]
    row = next(r for r in range(3) if people.model.raw(r, 0) == "Bob")
    assert people.model.setData(people.model.index(row, people.model.column_index("fte")), "1")
    win.show_view("capacity")
    cap, alloc, util, band = view.heatmap.cell(4, 0)  # Bob, November: now 21 days' capacity
    assert cap == 21.0 and alloc == 8.4


def test_time_off_register_feeds_capacity(make_window, staffed, qtbot):  # noqa: F811
    win = make_window(staffed)
    win.show()
    qtbot.waitExposed(win)
    win.show_view("time_off")
    view = win.pages["time_off"]
    assert view.model.rowCount() == 4 and view.summary() == "4 spells"
    view.table.setCurrentIndex(view.model.index(4, 0))  # below the last row: appends
    # Bob takes 9-13 November off: 0.6 x (21 - 5) = 9.6 days' capacity in November
    assert view.paste_text("bob\tleave\t2026-11-09\t2026-11-13\t1\tHoliday\n")
    assert read(staffed.path, "SELECT start_date, end_date, kind, fraction FROM non_working WHERE note = 'Holiday'") \
        == [("2026-11-09", "2026-11-13", "leave", 1.0)]
    win.show_view("capacity")
    capacity = win.pages["capacity"]
    capacity.set_range(date(2026, 11, 1), 1)
    assert capacity.heatmap.cell(4, 0)[0] == 9.6
    problems = []
    view.model.problem.disconnect()
    view.model.problem.connect(problems.append)
    assert not view.model.setData(view.model.index(0, 0), "Zed")
    assert not view.model.setData(view.model.index(0, view.model.column_index("fraction")), "0")
    assert not view.model.setData(view.model.index(0, view.model.column_index("kind")), "sabbatical")
    assert "no person called 'Zed'" in problems[0] and "more than 0" in problems[1] and "not a kind" in problems[2]
    win.history.undo()
    win.show_view("capacity")
    assert capacity.heatmap.cell(4, 0)[0] == 12.6


def test_capacity_opens_at_the_top(window):
    window.resize(1100, 600)
    window.show()
    window.show_view("capacity")
    view = window.pages["capacity"]
    assert view.heatmap.verticalScrollBar().maximum() > 0  # more people than fit
    assert view.heatmap.verticalScrollBar().value() == 0
    assert view.heatmap.current is not None  # the worst over-allocation is still the one explained


def test_skills_show_as_chips_and_the_editor_stores_them(window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from pmo_desktop.gui.capacity import skills as S

    window.show_view("people")
    view = window.pages["people"]
    col = view.model.column_index("skills")
    assert isinstance(view.table.itemDelegateForColumn(col), S.SkillChipsDelegate)
    index = view.model.index(0, col)
    before = S.skills_of(index.data(S.RAW_ROLE))
    assert before and all(1 <= level <= 5 for _name, level in before)

    def accept(dialog):
        dialog.remove_selected()
        dialog.table.selectRow(0)
        dialog.remove_selected()
        dialog.add_skill("Rust", 4)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(S.SkillsDialog, "exec", accept)
    assert S.edit_skills(view.table, view.model, index)
    after = S.skills_of(view.model.index(0, col).data(S.RAW_ROLE))
    assert ("Rust", 4) in after and before[0] not in after and len(after) == len(before)
    window.undo()
    assert S.skills_of(view.model.index(0, col).data(S.RAW_ROLE)) == before
