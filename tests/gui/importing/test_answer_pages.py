"""The wizard's answer pages: values the portfolio does not know (map, add to its list, blank) and
projects the rows name that it lacks (create, put under an existing one, leave out)."""

from __future__ import annotations

from pmo_desktop.gui.importing.import_pages import PREVIEW_PAGE, PROJECTS_PAGE, VALUES_PAGE
from pmo_desktop.store.value_lists import value_lists
from tests.gui.conftest import read
from tests.gui.importing.test_import_wizard import click_import, preview_rows, start, step, workbook

TRACKER = [["Code", "Project name", "Status", "Priority"],
           ["T-01", "Website", "Active", "High"], ["T-02", "CRM", "Planning", "Hgh"],
           ["T-03", "Payroll", "Planning", "Low"]]


def _rows(table):
    return [[table.item(r, c).text() for c in range(3)] + [table.cellWidget(r, 3).currentText()]
            for r in range(table.rowCount())]


def _choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_values_page_lists_each_unknown_value_once_with_a_best_guess(qtbot, portfolio, tmp_path):
    wizard = start(qtbot, portfolio, workbook(tmp_path / "tracker.xlsx", TRACKER))
    step(qtbot, wizard)
    step(qtbot, wizard)
    assert wizard.currentId() == VALUES_PAGE
    assert _rows(wizard.values_page.table) == [["Priority", "Hgh", "1", "High (best guess)"],
                                               ["Status", "Planning", "2", "Proposed (best guess)"]]
    status = wizard.values_page.table.cellWidget(1, 3)
    _choose(status, "Add “Planning” to the status list")
    step(qtbot, wizard)
    assert wizard.currentId() == PREVIEW_PAGE
    assert len(preview_rows(wizard, "new")) == 3 and not preview_rows(wizard, "error")
    click_import(qtbot, wizard)
    assert read(portfolio.path, "SELECT code, status, priority FROM projects ORDER BY code") == [
        ("T-01", "Active", "High"), ("T-02", "Planning", "High"), ("T-03", "Planning", "Low")]
    assert value_lists(portfolio.conn) == {"project_status": ["Planning"]}


def test_a_value_left_blank_and_the_answers_kept_in_a_saved_mapping(qtbot, portfolio, tmp_path):
    wizard = start(qtbot, portfolio, workbook(tmp_path / "tracker.xlsx", TRACKER))
    step(qtbot, wizard)
    step(qtbot, wizard)
    _choose(wizard.values_page.table.cellWidget(1, 3), "(leave blank)")
    wizard.values_page.save_row.name.setText("Tracker")
    wizard.values_page.save_row.button.click()
    assert wizard.values_page.save_row.note.text() == "Saved as 'Tracker'"
    step(qtbot, wizard)
    click_import(qtbot, wizard)
    assert read(portfolio.path, "SELECT code, status FROM projects ORDER BY code") == [
        ("T-01", "Active"), ("T-02", None), ("T-03", None)]

    again = start(qtbot, portfolio, workbook(tmp_path / "next.xlsx", [*TRACKER, ["T-04", "Archive", "Planning", "Hgh"]]))
    step(qtbot, again)
    saved = again.mapping_page.saved_combo
    saved.setCurrentIndex(saved.findData("Tracker"))
    saved.activated.emit(saved.currentIndex())
    step(qtbot, again)
    assert again.currentId() == PREVIEW_PAGE  # every value answered by the saved mapping
    click_import(qtbot, again)
    assert read(portfolio.path, "SELECT code, status, priority FROM projects WHERE code = 'T-04'") == [
        ("T-04", None, "High")]


JIRA = [["Summary", "Issue key", "Issue Type", "Project key", "Project name", "Assignee"],
        ["Login fails", "CS4483-1", "Bug", "CS4483", "Customer portal", "Ann"],
        ["Slow search", "CS4483-2", "Bug", "CS4483", "Customer portal", "Bob"],
        ["Old API", "OPS-7", "Bug", "OPS", "Operations", "Cy"],
        ["Spare", "TMP-1", "Bug", "TMP", "Scratch", "Dee"]]


def test_projects_page_creates_maps_or_leaves_out_missing_projects(qtbot, demo, tmp_path):
    wizard = start(qtbot, demo, workbook(tmp_path / "jira.xlsx", JIRA))
    step(qtbot, wizard)
    kind = wizard.mapping_page.kind_combo
    kind.setCurrentIndex(kind.findData("raid"))
    step(qtbot, wizard)
    assert wizard.currentId() == PROJECTS_PAGE
    page = wizard.projects_page
    assert _rows(page.table) == [["CS4483", "Customer portal", "2", "Create project CS4483 — Customer portal"],
                                 ["OPS", "Operations", "1", "Create project OPS — Operations"],
                                 ["TMP", "Scratch", "1", "Create project TMP — Scratch"]]
    first = read(demo.path, "SELECT code, name FROM projects ORDER BY code LIMIT 1")[0]
    _choose(page.table.cellWidget(1, 3), f"Put its rows under {first[0]} — {first[1]}")
    _choose(page.table.cellWidget(2, 3), "Leave its rows out")
    step(qtbot, wizard)
    assert [r[2] for r in preview_rows(wizard, "new")] == ["CS4483-1", "CS4483-2", "OPS-7"]
    click_import(qtbot, wizard)
    assert read(demo.path, "SELECT name FROM projects WHERE code = 'CS4483'") == [("Customer portal",)]
    assert read(demo.path, "SELECT count(*) FROM projects WHERE code IN ('OPS', 'TMP')") == [(0,)]
    assert read(demo.path, "SELECT p.code FROM raid_items r JOIN projects p ON p.id = r.project_id "
                           "WHERE r.ref = 'OPS-7'") == [(first[0],)]
    assert read(demo.path, "SELECT count(*) FROM raid_items WHERE ref = 'TMP-1'") == [(0,)]


def test_plain_number_refs_kept_as_they_are_when_chosen_in_the_mapping(qtbot, portfolio, tmp_path):
    rows = [["Risk Number", "Risk", "Owner"], [1, "Vendor late", "Ann"], [2, "Rates rise", "Bob"]]
    wizard = start(qtbot, portfolio, workbook(tmp_path / "risks.xlsx", rows))
    step(qtbot, wizard)
    keep = wizard.mapping_page.keep_numbers
    assert keep.isVisibleTo(wizard) and not keep.isChecked()
    keep.setChecked(True)
    step(qtbot, wizard)
    assert [r[2] for r in preview_rows(wizard, "new")] == ["1", "2"]
    click_import(qtbot, wizard)
    assert read(portfolio.path, "SELECT ref FROM raid_items ORDER BY ref") == [("1",), ("2",)]
