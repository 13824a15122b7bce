"""File > Import…: the wizard walks file -> mapping -> preview -> import through the import service,
runs each step on the job runner, imports as one undo step, and says in one line why a file is refused."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from pmo_desktop.gui.importing.import_pages import (
    FILE_PAGE,
    MAPPING_PAGE,
    PLAN_PAGE,
    PREVIEW_PAGE,
    VALUES_PAGE,
)
from pmo_desktop.gui.importing.import_wizard import ImportWizard, open_import_wizard
from tests.gui.conftest import read

REGISTER = [
    ["Portfolio register FY26"],
    [],
    ["Proj #", "Project Name", "PM", "Start", "Finish", "RAG", "Notes"],
    ["P-001", "Alpha", "Ann Lee", "2026-01-05", "2026-06-30", "Green", "keep an eye"],
    ["P-002", "Beta", "Bob Ray", "2026-02-01", "2026-09-30", "Amber", ""],
    ["P-003", "Gamma", "Cy Tan", "2026-03-01", "2026-12-31", "Red", "late"],
]


def workbook(path, rows, **sheets):
    wb = Workbook()
    ws = wb.active
    ws.title = "Register"
    for row in rows:
        ws.append(row)
    for title, extra in sheets.items():
        sheet = wb.create_sheet(title)
        for row in extra:
            sheet.append(row)
    wb.save(path)
    return path


def settle(qtbot, wizard):
    """Wait for the step running on the job runner to report back."""
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=15000)


def start(qtbot, portfolio, path) -> ImportWizard:
    wizard = ImportWizard(portfolio, path)
    qtbot.addWidget(wizard)
    wizard.resize(900, 620)
    wizard.show()
    settle(qtbot, wizard)
    return wizard


def step(qtbot, wizard):
    wizard.next()
    settle(qtbot, wizard)


def click_import(qtbot, wizard):
    wizard.button(wizard.WizardButton.FinishButton).click()
    settle(qtbot, wizard)


def preview_rows(wizard, status=None):
    model = wizard.preview_page.model
    model.set_status(status)
    return [model.row_values(i) for i in range(model.rowCount())]


def combo_for(wizard, header):
    session = wizard.session
    column = next(c.index for c in session.table.columns if c.header == header)
    return wizard.mapping_page.combos[column]


def test_register_imports_through_the_window_and_one_undo_takes_it_all_back(qtbot, make_window, portfolio,
                                                                            tmp_path):
    path = workbook(tmp_path / "register.xlsx", REGISTER)
    win = make_window(portfolio)
    assert win.actions["import"].isEnabled()
    assert "Import" in win.actions["import"].text()
    wizard = open_import_wizard(win, path)
    settle(qtbot, wizard)
    found = [wizard.file_page.found.item(i).text() for i in range(wizard.file_page.found.count())]
    assert "Kind: Project register (guessed from the headers)" in found
    assert "Header row: 3" in found
    assert any("Ignored columns: Notes" in line for line in found)
    assert wizard.file_page.isComplete() and wizard.file_page.sheet_combo.isHidden()

    step(qtbot, wizard)
    assert wizard.currentId() == MAPPING_PAGE
    assert combo_for(wizard, "Proj #").currentData() == "code"
    assert combo_for(wizard, "PM").currentData() == "manager"
    assert combo_for(wizard, "Notes").currentData() is None
    pm_row = [c.header for c in wizard.session.table.columns].index("PM")
    assert wizard.mapping_page.table.item(pm_row, 1).text() == "Ann Lee; Bob Ray; Cy Tan"

    step(qtbot, wizard)
    assert wizard.currentId() == PREVIEW_PAGE
    assert [(r[0], r[1], r[2]) for r in preview_rows(wizard)] == [(4, "new", "P-001"), (5, "new", "P-002"),
                                                                 (6, "new", "P-003")]
    assert "<b>3</b> new" in wizard.preview_page.counts.text()
    assert read(portfolio.path, "SELECT count(*) FROM projects") == [(0,)]  # nothing written by a preview

    click_import(qtbot, wizard)
    assert read(portfolio.path, "SELECT code, name, manager, rag_overall FROM projects ORDER BY code") == [
        ("P-001", "Alpha", "Ann Lee", "G"), ("P-002", "Beta", "Bob Ray", "A"), ("P-003", "Gamma", "Cy Tan", "R")]
    assert win.current_view_name() == "projects"
    assert win.current_view().summary() == "3 projects"  # the view on screen was refreshed
    assert win.history.can_undo() and "Import register.xlsx" in win.history.undo_text()

    win.actions["undo"].trigger()
    assert read(portfolio.path, "SELECT count(*) FROM projects") == [(0,)]
    assert win.current_view().summary() == "0 projects"
    assert not win.history.can_undo()


def test_changing_a_column_in_the_mapping_changes_the_preview(qtbot, demo, tmp_path):
    code, name, manager = demo.conn.execute("SELECT code, name, manager FROM projects ORDER BY code").fetchone()
    path = workbook(tmp_path / "owners.xlsx", [["Project Code", "Project Name", "Owner"], [code, name, "Zed Person"]])
    wizard = start(qtbot, demo, path)
    step(qtbot, wizard)
    assert combo_for(wizard, "Owner").currentData() == "manager"
    step(qtbot, wizard)
    (row,) = preview_rows(wizard)
    assert row[1] == "changed" and row[3].startswith(f"Manager: {manager} → Zed Person")

    wizard.back()
    owner = combo_for(wizard, "Owner")
    owner.setCurrentIndex(owner.findData("sponsor"))
    assert wizard.session.field_of(2) == "sponsor"
    step(qtbot, wizard)
    (row,) = preview_rows(wizard)
    assert row[1] == "changed" and row[3].startswith("Sponsor:") and "Manager" not in row[3]

    wizard.back()
    # Giving the key's field to another column takes it from the first: the code is then missing.
    combo_for(wizard, "Owner").setCurrentIndex(combo_for(wizard, "Owner").findData("code"))
    assert combo_for(wizard, "Project Code").currentData() is None
    assert wizard.mapping_page.isComplete()
    combo_for(wizard, "Owner").setCurrentIndex(0)
    assert not wizard.mapping_page.isComplete()
    assert wizard.mapping_page.missing.text() == "Choose a column for: Code"


def test_rows_in_error_are_listed_and_import_is_refused_unless_they_are_skipped(qtbot, portfolio, tmp_path):
    rows = [*REGISTER, ["P-004", "Delta", "Di Fox", "2026-02-01", "2026/13/45", "Purple", ""],
            ["P-001", "Alpha again", "Ann Lee", "", "", "", ""]]
    wizard = start(qtbot, portfolio, workbook(tmp_path / "bad.xlsx", rows))
    step(qtbot, wizard)
    step(qtbot, wizard)
    assert wizard.currentId() == VALUES_PAGE  # 'Purple' is answered once, on its own page (blank: RAG is fixed)
    values = wizard.values_page.table
    assert [values.item(0, c).text() for c in range(3)] == ["RAG overall", "Purple", "1"]
    assert values.cellWidget(0, 3).currentText() == "(leave blank)"
    step(qtbot, wizard)
    errors = preview_rows(wizard, "error")
    assert [(r[0], r[2]) for r in errors] == [(7, "P-004"), (8, "P-001")]
    assert "column 'Finish': '2026/13/45' is not a real date" in errors[0][3]
    assert "Purple" not in errors[0][3]
    assert "duplicate key 'P-001' (also on row 4)" in errors[1][3]
    assert len(preview_rows(wizard, "new")) == 3
    assert len(preview_rows(wizard)) == 5
    assert wizard.preview_page.skip_errors.isVisibleTo(wizard)

    click_import(qtbot, wizard)
    message = wizard.preview_page.message
    assert message.isVisibleTo(wizard) and "nothing was imported" in message.text()
    assert "Skip rows with errors" in message.text() and "--skip" not in message.text()
    assert wizard.currentId() == PREVIEW_PAGE and wizard.applied is None
    assert read(portfolio.path, "SELECT count(*) FROM projects") == [(0,)]

    wizard.preview_page.skip_errors.setChecked(True)
    click_import(qtbot, wizard)
    assert wizard.applied is not None and "2 row(s) with errors skipped" in wizard.applied.message
    assert read(portfolio.path, "SELECT code FROM projects ORDER BY code") == [("P-001",), ("P-002",), ("P-003",)]


@pytest.mark.parametrize("name, content, words", [
    ("broken.xlsx", b"PK\x03\x04 this is not really a zip", "broken.xlsx is damaged"),
    ("locked.xlsx", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
     + b"\0" * 600, "locked.xlsx is password-protected"),
    ("plan.xml", b"<?xml version='1.0'?><notes><note>hello</note></notes>", "plan.xml"),
    ("plan.gan", b"not xml at all", "plan.gan is not a readable XML file"),
])
def test_a_corrupt_or_encrypted_file_gives_one_line_and_no_next(qtbot, portfolio, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    wizard = start(qtbot, portfolio, path)
    message = wizard.file_page.message
    assert message.isVisibleTo(wizard)
    assert words in message.text() and "\n" not in message.text() and "Traceback" not in message.text()
    assert not wizard.file_page.isComplete()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    assert read(portfolio.path, "SELECT count(*) FROM projects") == [(0,)]


def test_several_sheets_offer_a_choice_and_the_kind_follows_the_sheet(qtbot, portfolio, tmp_path):
    raid = [["Ref", "Type", "Title", "Owner", "Probability", "Impact", "Status"],
            ["R-001", "Risk", "Supplier late", "Ann", "High", "Medium", "Open"]]
    wizard = start(qtbot, portfolio, workbook(tmp_path / "two.xlsx", REGISTER, **{"RAID log": raid}))
    combo = wizard.file_page.sheet_combo
    assert combo.isVisibleTo(wizard) and [combo.itemText(i) for i in range(combo.count())] == ["Register",
                                                                                             "RAID log"]
    combo.setCurrentIndex(1)
    assert wizard.session.mapping.kind == "raid"
    step(qtbot, wizard)
    assert wizard.mapping_page.kind_combo.currentData() == "raid"
    assert wizard.mapping_page.project_combo.isEnabled()  # RAID items may belong to a project


def test_a_mapping_saved_by_name_is_offered_next_time(qtbot, portfolio, tmp_path):
    path = workbook(tmp_path / "register.xlsx", REGISTER)
    wizard = start(qtbot, portfolio, path)
    step(qtbot, wizard)
    owner = combo_for(wizard, "PM")
    owner.setCurrentIndex(owner.findData("sponsor"))
    wizard.mapping_page.save_name.setText("Monthly register")
    wizard.mapping_page.save_button.click()
    assert wizard.mapping_page.saved_note.text() == "Saved as 'Monthly register'"

    again = start(qtbot, portfolio, path)
    step(qtbot, again)
    saved = again.mapping_page.saved_combo
    assert saved.findData("Monthly register") > 0
    assert combo_for(again, "PM").currentData() == "manager"  # a fresh suggestion until the saved one is used
    saved.setCurrentIndex(saved.findData("Monthly register"))
    saved.activated.emit(saved.currentIndex())
    assert combo_for(again, "PM").currentData() == "sponsor"


def test_a_plan_file_becomes_a_new_project_in_one_undo_step(qtbot, make_window, demo, portfolio, tmp_path):
    from pmo_desktop.plans_io import write_mspdi

    code, tasks = demo.conn.execute("SELECT p.code, count(*) FROM projects p JOIN tasks t ON t.project_id = p.id "
                                    "GROUP BY p.id ORDER BY count(*) DESC").fetchone()
    path = tmp_path / "plan.xml"
    write_mspdi(demo, code, path)
    win = make_window(portfolio)
    wizard = open_import_wizard(win, path)
    settle(qtbot, wizard)
    assert any(f"Tasks: {tasks}" == wizard.file_page.found.item(i).text()
               for i in range(wizard.file_page.found.count()))
    step(qtbot, wizard)
    assert wizard.currentId() == PLAN_PAGE
    assert wizard.plan_page.target.currentData() is None  # a new project
    click_import(qtbot, wizard)
    assert read(portfolio.path, "SELECT count(*) FROM tasks") == [(tasks,)]
    assert read(portfolio.path, "SELECT count(*) FROM projects") == [(1,)]
    win.actions["undo"].trigger()
    assert read(portfolio.path, "SELECT count(*) FROM tasks") == [(0,)]
    assert read(portfolio.path, "SELECT count(*) FROM projects") == [(0,)]


def test_dropping_a_workbook_on_the_window_opens_the_wizard_on_it(qtbot, make_window, portfolio, tmp_path):
    path = workbook(tmp_path / "register.xlsx", REGISTER)
    win = make_window(portfolio)
    win.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Offscreen Qt has no drag in progress to deliver through, so the window's handlers get the events.
    enter = QDragEnterEvent(*args)
    enter.ignore()
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    win.dropEvent(QDropEvent(*args))
    wizards = win.findChildren(ImportWizard)
    assert len(wizards) == 1
    settle(qtbot, wizards[0])
    assert wizards[0].currentId() == FILE_PAGE and wizards[0].session.path == path
    assert wizards[0].file_page.isComplete()


def test_mapping_an_ignored_column_changes_the_keys_and_amounts_show_as_money(qtbot, demo, tmp_path):
    code, category, month, planned = demo.conn.execute(
        "SELECT p.code, b.category, b.month, b.planned FROM budget_lines b JOIN projects p ON p.id = b.project_id "
        "WHERE b.spend_type = 'CAPEX' AND b.planned != 1200000 ORDER BY b.id").fetchone()
    rows = [["Project", "Category", "Type", "Month", "Planned"], [code, category, "CAPEX", month, "£12,000"]]
    wizard = start(qtbot, demo, workbook(tmp_path / "budget.xlsx", rows))
    step(qtbot, wizard)
    assert wizard.mapping_page.kind_combo.currentData() == "budget"
    assert combo_for(wizard, "Type").currentData() is None  # 'type' went to the category column
    step(qtbot, wizard)
    (before,) = preview_rows(wizard)
    assert "OPEX" in before[2]  # spend type defaulted

    wizard.back()
    combo_for(wizard, "Type").setCurrentIndex(combo_for(wizard, "Type").findData("spend_type"))
    step(qtbot, wizard)
    (after,) = preview_rows(wizard)
    assert after[1] == "changed" and after[2] == f"{code} {category} CAPEX {month}"
    assert after[3] == f"Planned: {planned / 100:,.2f} → 12,000.00"


def test_a_plan_file_can_replace_the_plan_of_a_chosen_project(qtbot, demo, tmp_path):
    from pmo_desktop.plans_io import write_mspdi

    source, target = [c for (c,) in demo.conn.execute(
        "SELECT p.code FROM projects p WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.project_id = p.id) "
        "ORDER BY p.code LIMIT 2")]

    def count(code):
        return demo.conn.execute("SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id "
                                 "WHERE p.code = ?", (code,)).fetchone()[0]

    tasks = count(source)
    projects = demo.conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    path = tmp_path / "plan.xml"
    write_mspdi(demo, source, path)
    wizard = start(qtbot, demo, path)
    step(qtbot, wizard)
    combo = wizard.plan_page.target
    combo.setCurrentIndex(combo.findData(target))
    assert "replaced" in wizard.plan_page.replace_note.text()
    click_import(qtbot, wizard)
    assert wizard.applied is not None and target in wizard.applied.message
    assert count(target) == tasks
    assert demo.conn.execute("SELECT count(*) FROM projects").fetchone()[0] == projects


def test_a_csv_register_imports_too(qtbot, portfolio, tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("Project Code;Project Name;Owner\nC-1;Café refit;Zoë\nC-2;\"Two\nlines\";Ann\n",
                    encoding="utf-8-sig")
    wizard = start(qtbot, portfolio, path)
    step(qtbot, wizard)
    step(qtbot, wizard)
    assert [r[1] for r in preview_rows(wizard)] == ["new", "new"]
    click_import(qtbot, wizard)
    assert read(portfolio.path, "SELECT code, name, manager FROM projects ORDER BY code") == [
        ("C-1", "Café refit", "Zoë"), ("C-2", "Two\nlines", "Ann")]


def test_the_file_page_warns_of_hidden_rows_formulas_without_values_and_ignored_columns(qtbot, portfolio,
                                                                                         tmp_path):
    wb = Workbook()
    ws = wb.active
    for row in REGISTER:
        ws.append(row)
    ws["G5"] = "=LEN(B5)"  # openpyxl saves formulas with no calculated value, as some tools do
    ws.row_dimensions[5].hidden = True
    wb.save(tmp_path / "quirks.xlsx")
    wizard = start(qtbot, portfolio, tmp_path / "quirks.xlsx")
    found = "\n".join(wizard.file_page.found.item(i).text() for i in range(wizard.file_page.found.count()))
    assert "1 hidden row(s) imported (rows 5)" in found
    assert "1 formula cell(s) have no saved value and read as blank (G5)" in found
    assert "Ignored columns: Notes" in found


def test_a_read_only_portfolio_offers_no_import(make_window, demo_path, tmp_path):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    assert not win.actions["import"].isEnabled()
    assert open_import_wizard(win, workbook(tmp_path / "r.xlsx", REGISTER)) is None


def test_a_month_column_of_a_wide_budget_can_be_left_out(qtbot, demo, tmp_path):
    code = demo.conn.execute("SELECT code FROM projects ORDER BY code").fetchone()[0]
    rows = [["Project", "Category", "Apr-26", "May-26", "Jun-26"], [code, "Labour", 1000, 2000, 3000]]
    wizard = start(qtbot, demo, workbook(tmp_path / "wide.xlsx", rows))
    step(qtbot, wizard)
    may = combo_for(wizard, "May-26")
    assert may.currentText() == "Planned for 2026-05-01"
    step(qtbot, wizard)
    assert sorted(r[2][-10:] for r in preview_rows(wizard)) == ["2026-04-01", "2026-05-01", "2026-06-01"]
    wizard.back()
    combo_for(wizard, "May-26").setCurrentIndex(1)  # (ignore)
    step(qtbot, wizard)
    assert sorted(r[2][-10:] for r in preview_rows(wizard)) == ["2026-04-01", "2026-06-01"]
    wizard.back()
    combo_for(wizard, "May-26").setCurrentIndex(0)  # back in
    step(qtbot, wizard)
    assert len(preview_rows(wizard)) == 3
