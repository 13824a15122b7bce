"""File > Import… reads the benefits register's sheets (Benefits, Benefit measurements) as `pmo import` does:
the same row-by-row preview first, the same one-line refusal for a bad row, and one undo step."""

from __future__ import annotations

from openpyxl import Workbook

from pmo_desktop.gui.importing.import_pages import PREVIEW_PAGE
from pmo_desktop.gui.importing.import_wizard import open_import_wizard
from tests.gui.conftest import read
from tests.gui.importing.test_import_wizard import REGISTER, click_import, preview_rows, settle, start, step

BENEFITS = [["Ref", "Title", "Type", "Projects", "Baseline", "Target", "Target Date", "Status"],
            ["B-001", "Reduced licence costs", "Cash-releasing", "PRJ-101", 0, 150000, "2028-03-31", "Realising"],
            ["B-900", "Faster onboarding", "Non-cash", "PRJ-101, PRJ-103", 12, 5, "2027-12-31", "Planned"]]
MEASUREMENTS = [["Ref", "Period", "Planned", "Forecast", "Actual", "Note"],
                ["B-900", "2027-03", 10, None, None, "first quarter"],
                ["B-900", "2027-06-30", 8, 9, None, None]]


def benefits_book(path, benefits=BENEFITS, measurements=MEASUREMENTS, register=None):
    wb = Workbook()
    ws = wb.active
    if register:
        ws.title = "Register"
        for row in register:
            ws.append(row)
        ws = wb.create_sheet("Benefits")
    ws.title = "Benefits"
    for row in benefits:
        ws.append(row)
    sheet = wb.create_sheet("Benefit measurements")
    for row in measurements:
        sheet.append(row)
    wb.save(path)
    return path


def found(wizard) -> list[str]:
    return [wizard.file_page.found.item(i).text() for i in range(wizard.file_page.found.count())]


def test_benefit_sheets_preview_then_import_as_one_undo_step(qtbot, make_window, demo, tmp_path):
    before = read(demo.path, "SELECT ref, title, status FROM benefits WHERE ref = 'B-001'")
    win = make_window(demo)
    wizard = open_import_wizard(win, benefits_book(tmp_path / "benefits.xlsx"))
    settle(qtbot, wizard)
    assert wizard.file_page.isComplete() and wizard.file_page.sheet_combo.isHidden()
    assert "Sheets: Benefits, Benefit measurements" in found(wizard)

    step(qtbot, wizard)  # no column mapping: the sheets are the ones Export writes
    assert wizard.currentId() == PREVIEW_PAGE
    rows = preview_rows(wizard)
    assert (3, "new", "B-900") in [r[:3] for r in rows]
    b001 = next(r for r in rows if r[2] == "B-001")
    assert b001[1] == "changed" and "Title: " in b001[3] and "→ Reduced licence costs" in b001[3]
    assert [r[:3] for r in rows if r[2].startswith("B-900 ")] == [(2, "new", "B-900 2027-03"),
                                                                  (3, "new", "B-900 2027-06")]
    assert "<b>3</b> new" in wizard.preview_page.counts.text()
    # the workbook is the truth for the benefits it names: B-001's measurements, not in it, go (said first)
    b001_months = read(demo.path, """SELECT m.period FROM benefit_measurements m JOIN benefits b
                                     ON b.id = m.benefit_id WHERE b.ref = 'B-001' ORDER BY 1""")
    notes = [wizard.preview_page.notes.item(i).text() for i in range(wizard.preview_page.notes.count())]
    assert b001_months and f"{len(b001_months)} measurement(s) the workbook no longer has will be removed: " \
        f"B-001 {b001_months[0][0][:7]}" in " ".join(notes)
    assert read(demo.path, "SELECT ref, title, status FROM benefits WHERE ref = 'B-001'") == before  # a preview

    click_import(qtbot, wizard)
    assert read(demo.path, "SELECT title, type, baseline, target FROM benefits WHERE ref = 'B-900'") == [
        ("Faster onboarding", "Non-cash", 12.0, 5.0)]
    assert read(demo.path, """SELECT p.code FROM benefit_projects l JOIN benefits b ON b.id = l.benefit_id
                              JOIN projects p ON p.id = l.project_id WHERE b.ref = 'B-900' ORDER BY 1""") == [
        ("PRJ-101",), ("PRJ-103",)]
    assert read(demo.path, """SELECT m.period, m.planned, m.forecast, m.note FROM benefit_measurements m
                              JOIN benefits b ON b.id = m.benefit_id WHERE b.ref = 'B-900' ORDER BY 1""") == [
        ("2027-03-31", 10.0, None, "first quarter"), ("2027-06-30", 8.0, 9.0, None)]
    assert f"1 benefit(s) new, 1 changed, 2 measurement(s) new or changed, {len(b001_months)} removed" in \
        win.statusBar().currentMessage()
    assert read(demo.path, """SELECT count(*) FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                              WHERE b.ref = 'B-001'""") == [(0,)]
    assert win.history.can_undo()

    win.actions["undo"].trigger()  # one step: the benefits, the links, the measurements added and removed
    assert read(demo.path, "SELECT count(*) FROM benefits WHERE ref = 'B-900'") == [(0,)]
    assert read(demo.path, """SELECT m.period FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                              WHERE b.ref = 'B-001' ORDER BY 1""") == b001_months
    assert read(demo.path, "SELECT ref, title, status FROM benefits WHERE ref = 'B-001'") == before


def test_a_bad_benefit_row_is_named_in_one_line_and_nothing_is_written(qtbot, demo, tmp_path):
    bad = [*BENEFITS, ["B-901", "Bad link", "Cash-releasing", "PRJ-999", 0, 5, None, None]]
    count = read(demo.path, "SELECT count(*) FROM benefits")
    wizard = start(qtbot, demo, benefits_book(tmp_path / "bad.xlsx", benefits=bad))
    step(qtbot, wizard)
    message = wizard.preview_page.message
    assert message.isVisibleTo(wizard)
    assert message.text() == "Benefits row 4: there is no project with code 'PRJ-999'"  # as `pmo import` says it
    click_import(qtbot, wizard)
    assert wizard.isVisible() and wizard.applied is None
    assert message.text() == "Benefits row 4: there is no project with code 'PRJ-999'"
    assert read(demo.path, "SELECT count(*) FROM benefits") == count


def test_a_workbook_with_a_register_offers_the_benefits_as_one_more_choice(qtbot, demo, tmp_path):
    wizard = start(qtbot, demo, benefits_book(tmp_path / "both.xlsx", register=REGISTER))
    combo = wizard.file_page.sheet_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Register", "Benefits register (Benefits, Benefit measurements)"]
    assert wizard.session.table is not None and not wizard.session.benefits  # the register comes first
    combo.setCurrentIndex(1)
    assert wizard.session.benefits and "Sheets: Benefits, Benefit measurements" in found(wizard)
    step(qtbot, wizard)
    assert wizard.currentId() == PREVIEW_PAGE
    assert {r[2] for r in preview_rows(wizard)} == {"B-001", "B-900", "B-900 2027-03", "B-900 2027-06"}
    wizard.back()
    combo.setCurrentIndex(0)
    assert wizard.session.mapping.kind == "projects" and not wizard.session.benefits
