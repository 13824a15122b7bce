"""Workbooks as analysts really keep them: each quirk in its own openpyxl-made file, imported via `pmo import`."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl.styles import Alignment, PatternFill

from pmo_desktop.store import open_portfolio


def _rows(path, sql):
    with open_portfolio(path, read_only=True) as pf:
        return [tuple(r) for r in pf.conn.execute(sql)]


def _sheet(payload, index=0):
    return payload["sheets"][index]


def test_title_rows_blank_rows_and_totals_row(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([
        ["ACME Corp — Project Register"], ["Prepared by the PMO", None, None, "As at 30/11/2026"], [],
        ["Proj #", "Project Name", "PM", "Budget", "RAG"],
        ["PRJ-10", "Data platform", "Ann Lee", "£1.2m", "Amber"],
        [],
        ["PRJ-11", "CRM refresh", "Bob Roy", "250k", "On track"],
        ["Total", None, None, "£1.45m", None],
    ], title="Register")
    code, out, _ = pmo_json(["import", pf_path, book])
    assert code == 0
    sheet = _sheet(out)
    assert sheet["kind"] == "projects" and sheet["header_row"] == 4
    assert sheet["counts"] == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    notes = " | ".join(sheet["notes"])
    assert "header found at row 4" in notes and "totals row(s) 8" in notes and "blank row" in notes
    assert "guessed kind: projects" in notes
    assert _rows(pf_path, "SELECT code, name, manager, approved_budget, rag_overall FROM projects WHERE code LIKE 'PRJ-1_'") \
        == [("PRJ-10", "Data platform", "Ann Lee", 120_000_000, "A"), ("PRJ-11", "CRM refresh", "Bob Roy", 25_000_000, "G")]


def test_two_row_merged_header(make_xlsx, pmo_json, pf_path):
    def build(ws):
        ws.merge_cells("C1:D1")
        ws.merge_cells("E1:F1")

    book = make_xlsx([
        ["Code", "Name", "Baseline", None, "Forecast", None],
        [None, None, "Start", "Finish", "Start", "Finish"],
        ["PRJ-20", "Warehouse move", date(2026, 1, 5), date(2026, 6, 30), date(2026, 2, 2), date(2026, 8, 14)],
    ], build=build)
    code, out, _ = pmo_json(["import", pf_path, book, "--kind", "projects"])
    assert code == 0, out
    assert _sheet(out)["header_row"] == 2
    assert _rows(pf_path, "SELECT baseline_start, baseline_finish, start_date, finish_date FROM projects "
                          "WHERE code = 'PRJ-20'") == [("2026-01-05", "2026-06-30", "2026-02-02", "2026-08-14")]


def test_hidden_rows_and_columns_are_imported_with_a_warning(make_xlsx, pmo_json, pf_path):
    def build(ws):
        ws.row_dimensions[3].hidden = True
        ws.column_dimensions["C"].hidden = True

    book = make_xlsx([["Ref", "Title", "Owner", "Type"], ["R-1", "Vendor late", "Ann", "Risk"],
                      ["R-2", "Scope creep", "Bob", "Risk"]], build=build)
    code, out, _ = pmo_json(["import", pf_path, book])
    assert code == 0
    notes = " | ".join(_sheet(out)["notes"])
    assert "1 hidden row(s) imported (rows 3)" in notes
    assert "hidden column(s) imported: Owner" in notes
    assert _rows(pf_path, "SELECT ref, owner FROM raid_items ORDER BY ref") == [("R-1", "Ann"), ("R-2", "Bob")]


def test_notes_columns_are_ignored_and_reported(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Ref", "Type", "Title", "Notes", "Internal Notes"], ["I-1", "Issue", "Login fails", "ask Ann", "x"]])
    code, out, _ = pmo_json(["import", pf_path, book, "--dry-run"])
    sheet = _sheet(out)
    assert code == 0 and sheet["kind"] == "raid"
    assert {"Notes", "Internal Notes"} <= set(sheet["ignored_columns"])
    assert "notes column 'Notes' ignored" in sheet["notes"]
    assert _rows(pf_path, "SELECT count(*) FROM raid_items") == [(0,)]  # dry run wrote nothing


def test_formula_without_cached_value_is_reported(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Code", "Name", "Budget"], ["PRJ-30", "Alpha", 100], ["PRJ-31", "Beta", "=C2*2"]])
    code, out, _ = pmo_json(["import", pf_path, book, "--kind", "projects"])
    assert code == 0
    assert any("1 formula cell(s) were saved without a calculated value" in n and "C3" in n
               for n in _sheet(out)["notes"])


def test_rag_from_fill_colour_when_the_column_has_no_text(make_xlsx, pmo_json, pf_path):
    def build(ws):
        for row, colour in ((2, "FFFF0000"), (3, "FF00B050"), (4, "FFFFC000")):
            ws.cell(row, 3).fill = PatternFill("solid", fgColor=colour)

    book = make_xlsx([["Code", "Name", "RAG"], ["PRJ-40", "A", None], ["PRJ-41", "B", None], ["PRJ-42", "C", None]],
                     build=build)
    code, _, _ = pmo_json(["import", pf_path, book, "--kind", "projects"])
    assert code == 0
    assert _rows(pf_path, "SELECT rag_overall FROM projects WHERE code LIKE 'PRJ-4_' ORDER BY code") == \
        [("R",), ("G",), ("A",)]


def test_continuation_rows_are_joined(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Ref", "Type", "Title", "Description"], ["I-7", "Issue", "Report broken", "The totals"],
                      [None, None, None, "do not add up"], ["I-8", "Issue", "Slow login", "Takes 20 s"]])
    code, out, _ = pmo_json(["import", pf_path, book])
    assert code == 0
    assert any("continuation row" in n for n in _sheet(out)["notes"])
    assert _rows(pf_path, "SELECT description FROM raid_items WHERE ref = 'I-7'") == [("The totals\ndo not add up",)]


def test_text_dates_month_first_decided_by_the_file(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Ref", "Type", "Title", "Due"], ["R-1", "Risk", "A", "03/04/2026"], ["R-2", "Risk", "B", "12/25/2026"]])
    code, out, _ = pmo_json(["import", pf_path, book])
    assert code == 0
    assert any("month-first (from the file's own dates)" in n for n in _sheet(out)["notes"])
    assert _rows(pf_path, "SELECT due_date FROM raid_items ORDER BY ref") == [("2026-03-04",), ("2026-12-25",)]


def test_ambiguous_text_dates_follow_the_setting(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Ref", "Type", "Title", "Due"], ["R-1", "Risk", "A", "03/04/2026"]])
    assert pmo_json(["import", pf_path, book])[0] == 0
    assert _rows(pf_path, "SELECT due_date FROM raid_items") == [("2026-04-03",)]  # default setting: day-first


def test_1904_date_system_serials(tmp_path, pmo_json, pf_path):
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["Ref", "Type", "Title", "Due"])
    ws.append(["R-1", "Risk", "Serial", 44538])  # a bare number: a serial in the 1904 system
    ws.append(["R-2", "Risk", "Date cell", date(2026, 5, 1)])
    path = tmp_path / "mac.xlsx"
    wb.save(path)
    assert pmo_json(["import", pf_path, path])[0] == 0
    assert _rows(pf_path, "SELECT due_date FROM raid_items ORDER BY ref") == [("2025-12-09",), ("2026-05-01",)]


def test_wide_budget_with_month_and_quarter_columns(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Project", "Category", "CAPEX/OPEX", "Jan-26", "2026-02", "Mar 2026", "Q1 FY27"],
                      ["PRJ-1", "Labour", "OPEX", "£1,000", 2000, "3k", 900.10],
                      ["PRJ-2", "Hardware", "Capital", None, 500, None, None]], title="Budget")
    code, out, _ = pmo_json(["import", pf_path, book])
    assert code == 0, out
    sheet = _sheet(out)
    assert sheet["kind"] == "budget"
    assert any("6 month/quarter columns" in n or "4 month/quarter columns" in n for n in sheet["notes"])
    rows = _rows(pf_path, "SELECT p.code, b.category, b.spend_type, b.month, b.planned FROM budget_lines b "
                          "JOIN projects p ON p.id = b.project_id ORDER BY 1, 4")
    assert rows == [
        ("PRJ-1", "Labour", "OPEX", "2026-01-01", 100000), ("PRJ-1", "Labour", "OPEX", "2026-02-01", 200000),
        ("PRJ-1", "Labour", "OPEX", "2026-03-01", 300000), ("PRJ-1", "Labour", "OPEX", "2026-04-01", 30003),
        ("PRJ-1", "Labour", "OPEX", "2026-05-01", 30003), ("PRJ-1", "Labour", "OPEX", "2026-06-01", 30004),
        ("PRJ-2", "Hardware", "CAPEX", "2026-02-01", 50000)]


def test_long_budget_with_plan_and_actual_rows_merged(make_xlsx, pmo_json, pf_path):
    long_book = make_xlsx([["Project", "Category", "Spend type", "Month", "Planned", "Actual"],
                           ["PRJ-1", "Software", "OPEX", "Apr 2026", "10k", None],
                           ["PRJ-1", "Software", "OPEX", "Apr 2026", None, "9.5k"]], title="Budget")
    code, out, _ = pmo_json(["import", pf_path, long_book])
    assert code == 0, out
    assert _rows(pf_path, "SELECT month, planned, actual FROM budget_lines") == [("2026-04-01", 1_000_000, 950_000)]


def test_tasks_with_indentation_and_predecessors(make_xlsx, pmo_json, pf_path):
    def build(ws):
        ws["B3"].alignment = Alignment(indent=1)
        ws["B4"].alignment = Alignment(indent=1)
        ws["B5"].alignment = Alignment(indent=2)

    book = make_xlsx([["ID", "Task Name", "Start", "Finish", "Duration", "Predecessors"],
                      [1, "Design", date(2026, 1, 5), date(2026, 1, 16), "10 days", None],
                      [2, "Draft", date(2026, 1, 5), date(2026, 1, 9), "5d", None],
                      [3, "Review", date(2026, 1, 12), date(2026, 1, 16), "5d", "2FS+2d"],
                      [4, "Sign-off", date(2026, 1, 19), date(2026, 1, 19), 0, "3FS;2SS"]], build=build)
    code, out, _ = pmo_json(["import", pf_path, book, "--project", "PRJ-2"])
    assert code == 0, out
    assert any("indentation" in n for n in _sheet(out)["notes"])
    tasks = _rows(pf_path, "SELECT t.wbs, t.name, t.kind, (SELECT wbs FROM tasks p WHERE p.id = t.parent_id) "
                           "FROM tasks t ORDER BY t.sort_order")
    assert tasks == [("1", "Design", "summary", None), ("1.1", "Draft", "task", "1"),
                     ("1.2", "Review", "summary", "1"), ("1.2.1", "Sign-off", "milestone", "1.2")]
    deps = _rows(pf_path, "SELECT p.wbs, s.wbs, d.type, d.lag_days FROM dependencies d JOIN tasks p ON p.id = "
                          "d.predecessor_id JOIN tasks s ON s.id = d.successor_id ORDER BY 2, 1")
    assert deps == [("1.1", "1.2", "FS", 2), ("1.1", "1.2.1", "SS", 0), ("1.2", "1.2.1", "FS", 0)]


def test_predecessor_naming_no_task_is_a_row_error(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["WBS", "Task", "Predecessors"], ["1", "A", None], ["2", "B", "9FS"]])
    code, out, err = pmo_json(["import", pf_path, book, "--project", "PRJ-1"])
    assert code == 1 and "nothing was imported" in err
    error = _sheet(out)["rows"][1]["errors"][0]
    assert error == {"row": 3, "column": "Predecessors", "value": "9", "reason": "predecessor '9' names no task in the file"}


def test_csv_tasks_indented_with_spaces(tmp_path, pmo_json, pf_path):
    path = tmp_path / "plan.csv"
    path.write_text('Task,Start,End\nBuild,2026-01-05,2026-02-27\n"  Foundations",2026-01-05,2026-01-30\n'
                    '"    Pour slab",2026-01-26,2026-01-30\n"  Walls",2026-02-02,2026-02-27\nHandover,2026-03-02,2026-03-02\n')
    code, out, _ = pmo_json(["import", pf_path, path, "--project", "PRJ-1"])
    assert code == 0, out
    assert _rows(pf_path, "SELECT wbs, name FROM tasks ORDER BY sort_order") == [
        ("1", "Build"), ("1.1", "Foundations"), ("1.1.1", "Pour slab"), ("1.2", "Walls"), ("2", "Handover")]


def test_status_column_holding_rag_words_is_the_rag(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Project Code", "Project Name", "Status"], ["PRJ-50", "Alpha", "Green"],
                      ["PRJ-51", "Beta", "At risk"], ["PRJ-52", "Gamma", "Red"]], title="Projects")
    code, out, err = pmo_json(["import", pf_path, book])
    assert code == 0, err
    assert any("holds RAG values" in n for n in out["sheets"][0]["notes"])
    assert _rows(pf_path, "SELECT rag_overall, status FROM projects WHERE code LIKE 'PRJ-5_' ORDER BY code") == \
        [("G", None), ("A", None), ("R", None)]


def test_task_without_a_name_is_a_row_error_not_a_failed_write(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["WBS", "Task", "Start"], ["1", "Design", "2026-01-05"], ["2", None, "2026-01-12"]])
    code, out, err = pmo_json(["import", pf_path, book, "--project", "PRJ-1", "--skip-errors"])
    assert code == 0, err
    assert out["sheets"][0]["rows"][1]["errors"][0]["reason"] == "a new task needs a name"
    assert _rows(pf_path, "SELECT wbs, name FROM tasks") == [("1", "Design")]


def test_wide_budget_whose_month_headers_are_date_cells(make_xlsx, pmo_json, pf_path):
    from datetime import datetime

    book = make_xlsx([["Project", "Cost type", "Capex/Opex", datetime(2026, 7, 1), datetime(2026, 8, 1)],
                      ["PRJ-2", "Contractors", "OPEX", 1500, "£2,500.00"]], title="Forecast")
    code, out, err = pmo_json(["import", pf_path, book, "--kind", "budget"])
    assert code == 0, err
    assert _rows(pf_path, "SELECT category, month, planned, forecast FROM budget_lines ORDER BY month") == [
        ("Contractors", "2026-07-01", 0, 150000), ("Contractors", "2026-08-01", 0, 250000)]


def test_unknown_project_option_is_reported_on_each_row(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["WBS", "Task"], ["1", "Design"]])
    code, out, err = pmo_json(["import", pf_path, book, "--project", "NOPE"])
    assert code == 1 and "nothing was imported" in err
    assert out["sheets"][0]["rows"][0]["errors"][0]["reason"] == "project 'NOPE' (from --project) is not in the portfolio"


@pytest.mark.parametrize("first", ["(*)", "Notes:", "Source", "#", "* figures are estimates"])
def test_footnotes_and_references_under_the_table_are_not_rows(make_xlsx, pmo_json, pf_path, first):
    book = make_xlsx([
        ["Risk ID", "Risk", "Likelihood", "Impact"],
        [1, "Supplier insolvency", "High", "High"],
        [2, "Key engineer leaves", "Medium", "High"],
        [],
        [first, "For risk 2 the impact was estimated from the last project", None, None],
        [1, "Smith, J. (2020). Managing supplier risk. A very long reference title that is not a risk at all"],
    ], title="Risks")
    code, out, err = pmo_json(["import", pf_path, book, "--project", "PRJ-1"])
    assert code == 0, err
    sheet = _sheet(out)
    assert sheet["counts"] == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    assert any("notes below the table (from row 5" in n for n in sheet["notes"])
    assert _rows(pf_path, "SELECT ref, title FROM raid_items ORDER BY ref") == [
        ("R-001", "Supplier insolvency"), ("R-002", "Key engineer leaves")]


def test_a_data_row_after_a_blank_row_is_still_read(make_xlsx, pmo_json, pf_path):
    book = make_xlsx([["Risk ID", "Risk", "Likelihood", "Impact"], [1, "Supplier insolvency", "High", "High"], [],
                      [2, "Notes app outage", "Low", "Medium"]], title="Risks")
    code, out, err = pmo_json(["import", pf_path, book, "--project", "PRJ-1"])
    assert code == 0 and _sheet(out)["counts"]["new"] == 2, err


def test_a_long_register_ends_at_its_notes_and_at_the_next_table(make_xlsx, pmo_json, pf_path):
    """Long tables take the quick path for plain data rows: what follows a blank row is still checked."""
    rows = [["Risk ID", "Risk", "Likelihood", "Impact"]]
    rows += [[i, f"Risk number {i}", "Low", "High"] for i in range(1, 1201)]
    rows += [[], [], ["Ref", "Action", "Owner", "Due date"], ["A-1", "Call the supplier", "Ann", "2026-12-01"]]
    code, out, err = pmo_json(["import", pf_path, make_xlsx(rows, title="Risks"), "--project", "PRJ-1", "--dry-run"])
    assert code == 0, err
    sheet = _sheet(out)
    assert sheet["counts"]["new"] == 1200 and sheet["counts"]["error"] == 0
    assert any("another table starts at row 1204" in n for n in sheet["notes"])
    rows = rows[:1201] + [[], ["Notes:", "likelihoods as at the last review"], [1, "a reference, not a risk"]]
    code, out, err = pmo_json(["import", pf_path, make_xlsx(rows, title="Risks"), "--project", "PRJ-1", "--dry-run"])
    assert code == 0 and _sheet(out)["counts"]["new"] == 1200, err
