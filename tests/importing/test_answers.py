"""Registers written by other people import without editing them first: unknown values answered once,
missing projects created, mapped or skipped, stable keys so a second import changes nothing."""

from __future__ import annotations

from openpyxl.styles import PatternFill

from pmo_desktop.registers import columns as C
from pmo_desktop.registers.definitions import PROJECTS
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.value_lists import value_lists

TRACKER = [["Code", "Project name", "Status", "Manager"],
           ["T-01", "Website", "Active", "Ann"], ["T-02", "CRM", "Planning", "Bob"],
           ["T-03", "Payroll", "Completed", "Cy"], ["T-04", "Data hub", "Planning", "Dee"]]
RAID_LOG = [["Ref", "Type", "Title", "Response", "Status"],
            ["R-1", "Risk", "Supplier fails", "Prevent", "Open"], ["R-2", "Risk", "Key person leaves", "Contingency", "Open"],
            ["R-3", "Risk", "Scope creep", "Reduce", "Open"], ["R-4", "Risk", "Rates rise", "Ignore", "Open"],
            ["R-5", "Risk", "Data loss", "Prevent", "Open"], ["R-6", "Risk", "Late kit", "Accept", "Open"]]


def _rows(path, sql):
    with open_portfolio(path, read_only=True) as pf:
        return [tuple(r) for r in pf.conn.execute(sql)]


def test_an_unknown_status_is_listed_once_with_its_count_and_the_flags_that_fix_it(make_xlsx, pmo, pmo_json,
                                                                                     pf_path):
    book = make_xlsx(TRACKER)
    code, out, _ = pmo(["import", pf_path, book, "--dry-run"])
    assert code == 0
    assert out.count("'Planning'") == 1, out
    assert "status 'Planning' in 2 row(s): --value 'status:Planning=Proposed' or --add-values" in out
    assert "row 3" not in out and "row 5" not in out  # not one error per row
    _, data, _ = pmo_json(["import", pf_path, book, "--dry-run"])
    [unknown] = data["sheets"][0]["unknown_values"]
    assert (unknown["field"], unknown["value"], unknown["count"], unknown["can_add"]) == ("status", "Planning", 2, True)


def test_mapping_an_unknown_status_to_a_known_one(make_xlsx, pmo, pf_path):
    code, _, err = pmo(["import", pf_path, make_xlsx(TRACKER), "--value", "status:Planning=Active"])
    assert code == 0, err
    assert _rows(pf_path, "SELECT code, status FROM projects WHERE code LIKE 'T-%' ORDER BY code") == [
        ("T-01", "Active"), ("T-02", "Active"), ("T-03", "Completed"), ("T-04", "Active")]


def test_adding_an_unknown_status_to_the_portfolios_list_which_the_register_then_accepts(make_xlsx, pmo, pf_path):
    code, out, err = pmo(["import", pf_path, make_xlsx(TRACKER), "--add-values"])
    assert code == 0, err
    assert _rows(pf_path, "SELECT status FROM projects WHERE code = 'T-02'") == [("Planning",)]
    with open_portfolio(pf_path, read_only=True) as pf:
        lists = value_lists(pf.conn)
    assert lists == {"project_status": ["Planning"]}
    status = PROJECTS.column("status").with_(choices=tuple(lists["project_status"]))
    assert "Planning" in status.choice_list and C.parse(status, "planning", C.Formatting()) == "Planning"
    plain = PROJECTS.column("status")
    try:
        C.parse(plain, "Planning", C.Formatting())
    except ValueError as exc:
        assert "not a status" in str(exc)
    else:
        raise AssertionError("a portfolio without the addition refuses 'Planning'")


def test_raid_responses_answered_map_add_and_blank(make_xlsx, pmo, pf_path):
    book = make_xlsx(RAID_LOG)
    code, out, _ = pmo(["import", pf_path, book, "--dry-run"])
    assert "response 'Prevent' in 2 row(s): --value 'response:Prevent=Avoid'" in out
    assert "response 'Contingency' in 1 row(s)" in out and "response 'Ignore' in 1 row(s)" in out
    code, _, err = pmo(["import", pf_path, book, "--value", "response:Prevent=Avoid",
                        "--value", "response:Ignore=", "--add-values"])
    assert code == 0, err
    assert _rows(pf_path, "SELECT ref, response FROM raid_items ORDER BY ref") == [
        ("R-1", "Avoid"), ("R-2", "Contingency"), ("R-3", "Reduce"), ("R-4", None), ("R-5", "Avoid"), ("R-6", "Accept")]


def test_a_bad_value_answer_is_one_line_and_changes_nothing(make_xlsx, pmo, pf_path):
    before = _rows(pf_path, "SELECT count(*) FROM projects")
    for argv, words in ((["--value", "status:Planning=Galloping"], "'Galloping' is not a known status"),
                        (["--value", "Planning"], "write it as FIELD:VALUE_IN_FILE=VALUE"),
                        (["--value", "colour:Planning=Active"], "has no field 'colour'")):
        code, _, err = pmo(["import", pf_path, make_xlsx(TRACKER), *argv])
        assert code == 1 and words in err and len(err.strip().splitlines()) == 1, err
    assert _rows(pf_path, "SELECT count(*) FROM projects") == before


def test_a_saved_mapping_keeps_its_value_answers(make_xlsx, pmo, pf_path):
    code, _, err = pmo(["import", pf_path, make_xlsx(TRACKER), "--value", "status:Planning=Active",
                        "--save-mapping", "Tracker"])
    assert code == 0, err
    nxt = [row[:] for row in TRACKER] + [["T-05", "Archive", "Planning", "Eve"]]
    code, out, err = pmo(["import", pf_path, make_xlsx(nxt), "--mapping", "Tracker"])
    assert code == 0, err
    assert _rows(pf_path, "SELECT status FROM projects WHERE code = 'T-05'") == [("Active",)]


JIRA = [["Summary", "Issue key", "Issue Type", "Status", "Project key", "Project name", "Assignee"],
        ["Login fails", "CS4483-1", "Bug", "Open", "CS4483", "Customer portal", "Ann"],
        ["Slow search", "CS4483-2", "Bug", "Open", "CS4483", "Customer portal", "Bob"],
        ["Old API", "OPS-7", "Bug", "Open", "OPS", "Operations", "Cy"],
        ["Known one", "PRJ-1-9", "Bug", "Open", "PRJ-1", "Alpha", "Dee"]]


def test_rows_naming_missing_projects_list_each_once_then_create_them(make_xlsx, pmo, pmo_json, pf_path):
    book = make_xlsx(JIRA, title="Issues")
    _, data, _ = pmo_json(["import", pf_path, book, "--kind", "raid", "--dry-run"])
    missing = {m["code"]: (m["name"], m["count"]) for m in data["sheets"][0]["missing_projects"]}
    assert missing == {"CS4483": ("Customer portal", 2), "OPS": ("Operations", 1)}
    code, _, err = pmo(["import", pf_path, book, "--kind", "raid", "--create-missing"])
    assert code == 0, err
    assert _rows(pf_path, "SELECT code, name FROM projects ORDER BY code") == [
        ("CS4483", "Customer portal"), ("OPS", "Operations"), ("PRJ-1", "Alpha"), ("PRJ-2", "Beta")]
    assert _rows(pf_path, "SELECT r.ref, p.code FROM raid_items r JOIN projects p ON p.id = r.project_id "
                          "ORDER BY r.ref") == [("CS4483-1", "CS4483"), ("CS4483-2", "CS4483"), ("OPS-7", "OPS"),
                                                ("PRJ-1-9", "PRJ-1")]
    code, data, _ = pmo_json(["import", pf_path, book, "--kind", "raid", "--create-missing"])
    assert data["counts"] == {"new": 0, "changed": 0, "unchanged": 4, "error": 0}


def test_missing_projects_mapped_to_an_existing_one_or_skipped(make_xlsx, pmo, pf_path):
    book = make_xlsx(JIRA, title="Issues")
    code, _, err = pmo(["import", pf_path, book, "--kind", "raid", "--value", "project:CS4483=PRJ-2",
                        "--value", "project:OPS="])
    assert code == 0, err
    assert _rows(pf_path, "SELECT r.ref, p.code FROM raid_items r JOIN projects p ON p.id = r.project_id "
                          "ORDER BY r.ref") == [("CS4483-1", "PRJ-2"), ("CS4483-2", "PRJ-2"), ("PRJ-1-9", "PRJ-1")]
    assert _rows(pf_path, "SELECT count(*) FROM projects") == [(2,)]


RISK_SHEET = [["Risk Number", "Risk", "Owner", "Likelihood", "Impact"]] + [
    [n, f"Risk number {n}", "Ann", 2, 3] for n in range(1, 20)]


def test_a_risk_number_column_is_the_key_so_importing_twice_changes_nothing(make_xlsx, pmo_json, pf_path):
    book = make_xlsx(RISK_SHEET, title="Risks")
    code, data, err = pmo_json(["import", pf_path, book])
    assert code == 0, err
    assert data["sheets"][0]["mapping"]["ref"] == "Risk Number"
    assert data["counts"]["new"] == 19
    assert _rows(pf_path, "SELECT ref FROM raid_items ORDER BY id")[:2] == [("R-001",), ("R-002",)]
    code, data, _ = pmo_json(["import", pf_path, book])
    assert data["counts"] == {"new": 0, "changed": 0, "unchanged": 19, "error": 0}
    assert _rows(pf_path, "SELECT count(*) FROM raid_items") == [(19,)]


def test_plain_number_keys_can_be_kept_as_they_are(make_xlsx, pmo_json, pf_path):
    book = make_xlsx(RISK_SHEET[:4], title="Risks")
    code, data, err = pmo_json(["import", pf_path, book, "--keep-numbers"])
    assert code == 0, err
    assert _rows(pf_path, "SELECT ref FROM raid_items ORDER BY id") == [("1",), ("2",), ("3",)]


def test_rows_without_a_key_match_by_project_and_title_on_a_second_import(make_xlsx, pmo_json, pf_path):
    rows = [["Title", "Type", "Owner", "Project"], ["Vendor late", "Risk", "Ann", "PRJ-1"],
            ["Budget cut", "Risk", "Bob", "PRJ-1"], ["Vendor late", "Risk", "Cy", "PRJ-2"]]
    book = make_xlsx(rows, title="RAID")
    code, data, err = pmo_json(["import", pf_path, book, "--kind", "raid"])
    assert code == 0 and data["counts"]["new"] == 3, err
    changed = [r[:] for r in rows]
    changed[2][2] = "Dee"
    code, data, _ = pmo_json(["import", pf_path, make_xlsx(changed, title="RAID"), "--kind", "raid"])
    assert data["counts"] == {"new": 0, "changed": 1, "unchanged": 2, "error": 0}
    assert _rows(pf_path, "SELECT count(*) FROM raid_items") == [(3,)]


def _fill(hex_colour):
    return PatternFill("solid", fgColor=hex_colour)


def test_rag_only_as_fills_under_a_two_row_status_overall_rag_header(make_xlsx, pmo_json, pf_path):
    def build(ws):
        ws.append(["Project register"])
        ws.append(["Code", "Project", "Status", None])
        ws.append([None, None, "Overall RAG", "Stage"])
        ws.merge_cells("C2:D2")
        for i, colour in enumerate(["C62828", "EF8F00", "2E7D32", "00B050"], start=4):
            ws.append([f"F-{i}", f"Project {i}", None, "Execution"])
            ws.cell(row=i, column=3).fill = _fill(colour)

    book = make_xlsx(build=build, title="Register")
    code, data, err = pmo_json(["import", pf_path, book, "--kind", "projects"])
    assert code == 0, err
    assert data["sheets"][0]["mapping"].get("rag_overall", "").endswith("Overall RAG")
    assert "status" not in data["sheets"][0]["mapping"]
    assert _rows(pf_path, "SELECT code, rag_overall FROM projects WHERE code LIKE 'F-%' ORDER BY code") == [
        ("F-4", "R"), ("F-5", "A"), ("F-6", "G"), ("F-7", "G")]


def test_a_fill_only_column_is_the_rag_whatever_its_header(make_xlsx, pmo_json, pf_path):
    rows = [["Code", "Project", "Health check"]] + [[f"H-{i}", f"P{i}", None] for i in range(3)]

    def build(ws):
        for r, colour in zip((2, 3, 4), ("C62828", "2E7D32", "FFC000"), strict=True):
            ws.cell(row=r, column=3).fill = _fill(colour)

    code, data, err = pmo_json(["import", pf_path, make_xlsx(rows, build=build), "--kind", "projects"])
    assert code == 0, err
    assert data["sheets"][0]["mapping"]["rag_overall"] == "Health check"
    assert _rows(pf_path, "SELECT rag_overall FROM projects WHERE code LIKE 'H-%' ORDER BY code") == [
        ("R",), ("G",), ("A",)]


def test_a_key_column_is_found_by_its_values_when_its_header_says_nothing(make_xlsx, pmo_json, pf_path):
    rows = [["Item", "Risk", "Owner", "Likelihood"], ["RSK-7", "Vendor late", "Ann", 2], ["RSK-9", "Rates", "Bob", 3],
            ["RSK-12", "Skills", "Cy", 4]]
    book = make_xlsx(rows, title="Risks")
    code, data, err = pmo_json(["import", pf_path, book])
    assert code == 0, err
    assert data["sheets"][0]["mapping"]["ref"] == "Item"
    code, data, _ = pmo_json(["import", pf_path, book])
    assert data["counts"] == {"new": 0, "changed": 0, "unchanged": 3, "error": 0}


def test_a_programme_the_portfolio_lacks_is_created_mapped_or_left_out(make_xlsx, pmo, pmo_json, pf_path):
    from pmo_desktop.store.rows import insert_row

    with open_portfolio(pf_path) as pf:
        insert_row(pf, "programmes", {"name": "Digital"})
    rows = [["Code", "Project name", "Programme"], ["G-1", "One", "Digital"], ["G-2", "Two", "Digitisation"],
            ["G-3", "Three", "Skunkworks"]]
    book = make_xlsx(rows)
    _, data, _ = pmo_json(["import", pf_path, book, "--dry-run"])
    notes = " ".join(data["sheets"][0]["notes"])
    assert "programme 'Digitisation' (1 project(s)) is created" in notes and "'Digital'" not in notes
    code, _, err = pmo(["import", pf_path, book, "--value", "programme:Digitisation=Digital",
                        "--value", "programme:Skunkworks="])
    assert code == 0, err
    assert _rows(pf_path, "SELECT p.code, g.name FROM projects p LEFT JOIN programmes g ON g.id = p.programme_id "
                          "WHERE p.code LIKE 'G-%' ORDER BY p.code") == [("G-1", "Digital"), ("G-2", "Digital"),
                                                                         ("G-3", None)]
    assert _rows(pf_path, "SELECT name FROM programmes") == [("Digital",)]


def test_a_free_text_column_mapped_to_a_list_shows_a_bounded_summary(make_xlsx, pmo, pf_path):
    rows = [["Code", "Project name", "Status"]] + [[f"W-{i}", f"P{i}", f"free text number {i}"] for i in range(60)]
    code, out, _ = pmo(["import", pf_path, make_xlsx(rows), "--dry-run"])
    assert code == 0
    assert out.count("status 'free text number") == 30
    assert "... and 30 more unknown values (use --json for all; is the column mapped to the right field?)" in out
