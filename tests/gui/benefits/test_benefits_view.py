"""The Benefits register on the register machinery: the same rows and figures as `pmo benefits`, what the
numbers say beside the owner's status, typing, pasting and undoing through the item model and the
view's actions, the column chooser and saved layout; the selected benefit's measurements as a table of
their own with its curve; and the dashboard's benefits tile."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pmo_desktop.benefits.realisation import portfolio_realisation
from pmo_desktop.domain.enums import Rag
from pmo_desktop.gui.registers.register_model import RAW_ROLE
from tests.gui.conftest import read, shown_view


def _view(window):
    window.show_view("benefits")
    return window.pages["benefits"]


def _cell(view, row, key):
    return view.model.index(row, view.model.column_index(key))


def _row(view, ref):
    assert view.select_ref(ref)
    return view.table.currentIndex().row()


def test_rows_and_figures_match_the_service_and_at_risk_is_red(window):
    view = _view(window)
    data = portfolio_realisation(window.portfolio)
    rows = {r["ref"]: r for r in data["benefits"]}
    assert view.model.rowCount() == data["count"] > 0
    assert view.summary() == f"{data['count']} benefits"
    for r in range(view.model.rowCount()):
        ref = _cell(view, r, "ref").data()
        want = rows[ref]
        assert _cell(view, r, "derived_status").data(RAW_ROLE) == want["derived_status"]
        assert _cell(view, r, "realised_to_date").data(RAW_ROLE) == (
            None if want["realised_to_date"] is None else round(want["realised_to_date"], 2))
        assert _cell(view, r, "forecast").data(RAW_ROLE) == (
            None if want["forecast_at_target"] is None else round(want["forecast_at_target"], 2))
        assert _cell(view, r, "expected_date").data(RAW_ROLE) == want["expected_date"]
        assert _cell(view, r, "projects").data() == ", ".join(want["projects"])
    cash = next(r for r in range(view.model.rowCount()) if _cell(view, r, "type").data(RAW_ROLE) == "Cash-releasing")
    assert _cell(view, cash, "target").data().startswith("£")  # money, not a bare number
    assert _cell(view, cash, "target").data(Qt.ItemDataRole.EditRole)[0].isdigit()  # typed back as a number
    view.set_filter("derived_status", "At risk")
    assert view.model.rowCount() == data["at_risk_count"] > 0
    index = _cell(view, 0, "derived_status")
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name().upper() == Rag.RED.colour
    assert index.data(Qt.ItemDataRole.ToolTipRole)  # why: the project that slipped or went red
    view.set_filter("derived_status", None)
    view.set_filter("type", "Non-cash")
    assert {_cell(view, r, "type").data(RAW_ROLE) for r in range(view.model.rowCount())} == {"Non-cash"}
    view.set_filter("type", None)
    view.search_box.setText("PRJ-101")  # the linked projects are searched too
    view.apply_search_now()
    assert 0 < view.model.rowCount() < data["count"]


def test_typing_in_cells_is_checked_stored_and_undone(window, demo_path):
    view = _view(window)
    problems = []
    view.model.problem.connect(problems.append)
    row = _row(view, "B-001")
    assert view.model.setData(_cell(view, row, "owner"), "Dana Kovac")
    assert view.model.setData(_cell(view, row, "projects"), "PRJ-101, prj-102")
    assert read(demo_path, "SELECT owner FROM benefits WHERE ref = 'B-001'") == [("Dana Kovac",)]
    assert read(demo_path, """SELECT p.code FROM benefit_projects l JOIN projects p ON p.id = l.project_id
                              JOIN benefits b ON b.id = l.benefit_id WHERE b.ref = 'B-001' ORDER BY 1""") == [
        ("PRJ-101",), ("PRJ-102",)]
    assert _cell(view, row, "projects").data() == "PRJ-101, PRJ-102"
    assert not view.model.setData(_cell(view, row, "projects"), "PRJ-101, PRJ-999")
    assert problems == ["Linked projects: there is no project with code 'PRJ-999'"]
    assert not view.model.setData(_cell(view, row, "realised_to_date"), "5")  # worked out, not typed
    assert view.model.setData(_cell(view, row, "target_date"), "31/03/2029")
    assert read(demo_path, "SELECT target_date FROM benefits WHERE ref = 'B-001'") == [("2029-03-31",)]
    window.undo()  # the target date
    window.undo()  # the links
    assert read(demo_path, """SELECT count(*) FROM benefit_projects l JOIN benefits b ON b.id = l.benefit_id
                              WHERE b.ref = 'B-001'""") == [(1,)]
    window.undo()  # the owner
    assert read(demo_path, "SELECT owner FROM benefits WHERE ref = 'B-001'") == [("Amelia Hart",)]


def test_a_bad_paste_gets_one_line_and_writes_nothing(window, demo_path):
    view = _view(window)
    problems = []
    view.model.problem.connect(problems.append)
    before = read(demo_path, "SELECT ref, type, owner, status FROM benefits ORDER BY ref")
    row = _row(view, "B-002")
    view.table.setCurrentIndex(_cell(view, row, "type"))
    assert view.paste_text("Non-cash\tNew owner\nsomething\tOther owner\n") is None
    assert problems == ["row 3, Type: 'something' is not a type (choose one of: Cash-releasing, Non-cash, Qualitative)"]
    assert read(demo_path, "SELECT ref, type, owner, status FROM benefits ORDER BY ref") == before
    assert view.paste_text("qualitative\tNew owner\n")  # words match whatever their case
    assert read(demo_path, "SELECT type, owner FROM benefits WHERE ref = 'B-002'") == [("Qualitative", "New owner")]


def test_add_duplicate_delete_rows_each_one_undo_step(window, demo_path, answers):
    view = _view(window)
    count = view.model.rowCount()
    window.actions["add_row"].trigger()
    assert view.model.rowCount() == count + 1
    new = read(demo_path, "SELECT ref, title, type, status FROM benefits ORDER BY id DESC LIMIT 1")[0]
    assert new[1:] == ("New benefit", "Cash-releasing", "Planned") and new[0] == f"B-{count + 1:03d}"
    view.select_ref(new[0])
    window.actions["delete"].trigger()
    assert read(demo_path, "SELECT count(*) FROM benefits WHERE ref = ?", (new[0],)) == [(0,)]
    window.undo()
    window.undo()
    assert read(demo_path, "SELECT count(*) FROM benefits") == [(count,)]


def test_column_chooser_and_saved_layout_by_key(window, make_window):
    view = _view(window)
    actions = {a.text(): a for a in view.column_menu().actions() if a.text()}
    assert not actions["Ref"].isEnabled() and actions["Measure"].isEnabled()
    actions["Measure"].setChecked(False)
    assert view.table.isColumnHidden(view.model.column_index("measure"))
    assert "measure" in window.settings.value("layout/benefits")
    from pmo_desktop.store import open_portfolio

    other = make_window(open_portfolio(window.portfolio.path, read_only=True))
    other.show_view("benefits")
    again = other.pages["benefits"]
    assert again.table.isColumnHidden(again.model.column_index("measure"))


def test_measurements_are_edited_in_their_own_table_and_move_the_figures(window, demo_path, answers):
    view = _view(window)
    window.show()
    row = _row(view, "B-005")
    ms = view.measures
    count = read(demo_path, """SELECT count(*) FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                               WHERE b.ref = 'B-005'""")[0][0]
    assert ms.rowCount() == count > 0
    assert view.chart is not None and view.chart.figure.axes
    problems = []
    ms.problem.connect(problems.append)
    last = ms.rowCount() - 1
    assert not ms.setData(ms.index(last, ms.column_index("actual")), "lots")
    assert problems == ["Actual: 'lots' is not a number"]
    before = _cell(view, row, "realised_to_date").data(RAW_ROLE)
    period = ms.index(0, 0).data(RAW_ROLE)
    assert ms.setData(ms.index(0, ms.column_index("actual")), "999999")
    assert read(demo_path, """SELECT m.actual FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                              WHERE b.ref = 'B-005' AND m.period = ?""", (period,)) == [(999999,)]
    assert ms.setData(ms.index(0, 0), "2020-02-10")  # any day of the month means its end
    assert read(demo_path, """SELECT count(*) FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                              WHERE b.ref = 'B-005' AND m.period = '2020-02-29'""") == [(1,)]
    window.undo()
    window.undo()
    view.refresh()
    assert _cell(view, _row(view, "B-005"), "realised_to_date").data(RAW_ROLE) == before
    added = view.add_measurement()
    assert added and ms.rowCount() == count + 1
    assert read(demo_path, """SELECT count(*) FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                              WHERE b.ref = 'B-005'""") == [(count + 1,)]
    view.measures_table.setCurrentIndex(ms.index(ms.rowCount() - 1, 1))
    assert view.delete_measure.isEnabled()
    view.delete_measure.click()
    assert ms.rowCount() == count
    assert "1" in window.history.undo_text()
    window.undo()
    view.refresh()
    assert view.measures.rowCount() == count + 1


def test_months_pasted_from_excel_are_checked_then_added_as_one_step(window, demo_path):
    view = _view(window)
    _row(view, "B-002")
    ms = view.measures
    count = ms.rowCount()
    problems = []
    ms.problem.connect(problems.append)

    def stored():
        return read(demo_path, """SELECT m.period, m.planned, m.actual FROM benefit_measurements m
                                  JOIN benefits b ON b.id = m.benefit_id WHERE b.ref = 'B-002' ORDER BY 1""")

    before = stored()
    view.measures_table.setCurrentIndex(ms.index(count, 0))  # past the end: new rows
    assert view.paste_measurements("2031-01\t9\t\t8.5\n2031-02\t8\t\tlots\n") is None
    assert problems == [f"row {count + 2}, Actual: 'lots' is not a number"]
    assert stored() == before
    assert view.paste_measurements("2031-01\t9\t\t8.5\n2031-02-14\t8\t\t7\n")
    assert stored()[-2:] == [("2031-01-31", 9, 8.5), ("2031-02-28", 8, 7)]
    assert ms.rowCount() == count + 2
    window.undo()
    assert stored() == before


def test_dashboard_has_a_benefits_tile(window, qtbot):
    window.show()
    dash = shown_view(window, qtbot, "dashboard")
    value, note = dash.tiles["benefits"]
    assert value.text().startswith("£") and "benefits at risk" in note.text()


def test_the_registers_words_are_listed_for_translation(window):
    """Headers, tips and what the register is for are English in benefits/registers.py; the window
    shows them through shown(), so each is listed for pyside6-lupdate."""
    import re
    from pathlib import Path

    from pmo_desktop.benefits.registers import benefits_register, measurements_register

    root = Path(__file__).resolve().parents[3] / "pmo_desktop/gui/widgets"
    listed = {w for f in ("texts.py", "service_words.py") for w in re.findall(r'tr\("([^"]*)"\)', (root / f).read_text())}
    words = set()
    for register in (benefits_register(window.portfolio), measurements_register(window.portfolio, None)):
        words |= {register.about, register.noun, register.plural}
        words |= {c.header for c in register.columns} | {c.tip for c in register.columns if c.tip}
    assert words <= listed, f"add to gui/widgets/service_words.py: {sorted(words - listed)}"
