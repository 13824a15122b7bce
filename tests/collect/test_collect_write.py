"""`pmo collect FILE --period D -o FOLDER`: one pre-filled, locked, signed workbook per active project."""

from __future__ import annotations

from openpyxl import load_workbook

from pmo_desktop.store import open_portfolio, status_reports
from tests.collect.conftest import PERIOD, header_columns, label_row, run, run_json, workbook_for
from tests.gui.conftest import read


def test_one_workbook_per_active_project_named_by_code_and_project(demo_path, tmp_path, capsys):
    result = run_json(capsys, "collect", demo_path, "--period", "2026-11-14", "-o", tmp_path / "out")
    active = read(demo_path, "SELECT code, name FROM projects WHERE status = 'Active' ORDER BY code")
    assert result["period"] == PERIOD  # any day names its month's end
    assert [w["code"] for w in result["workbooks"]] == [c for c, _n in active]
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(files) == len(active)
    code, name = active[0]
    assert f"{code} {name} - status 2026-11.xlsx" in files
    sent = read(demo_path, "SELECT count(*) FROM collect_requests WHERE period = ?", (PERIOD,))
    assert sent == [(len(active),)]
    assert not list((tmp_path / "out").glob(".*"))  # no temporary files left behind


def test_workbook_is_prefilled_locked_with_rag_dropdowns_and_a_hidden_marker(demo_path, sent):
    pf = open_portfolio(demo_path, read_only=True)
    pid, code = pf.conn.execute("SELECT id, code FROM projects WHERE code = 'PRJ-101'").fetchone()
    expected = status_reports.prefill(pf, pid, PERIOD)  # this period's report, else the last one's
    open_raid = [r[0] for r in pf.conn.execute(
        "SELECT ref FROM raid_items WHERE project_id = ? AND status <> 'Closed'", (pid,))]
    pf.close()
    wb = load_workbook(workbook_for(sent, code))
    ws = wb["Status report"]
    overall = ws.cell(label_row(ws, "Overall RAG"), 2)
    assert overall.value == {"G": "Green", "A": "Amber", "R": "Red"}[expected["rag_overall"]]
    assert ws.cell(label_row(ws, "Summary"), 2).value == expected["summary"]
    assert ws.cell(label_row(ws, "Key achievements"), 2).value == expected["achievements"]
    assert ws.protection.sheet and ws.protection.password is None  # a guide, not security
    assert ws.cell(label_row(ws, "Project code"), 2).protection.locked
    assert not overall.protection.locked and not ws.cell(label_row(ws, "Summary"), 2).protection.locked
    lists = [dv for dv in ws.data_validations.dataValidation if overall.coordinate in dv.sqref]
    assert lists and "Amber" in lists[0].formula1
    assert overall.coordinate in {str(r.sqref) for r in ws.conditional_formatting}
    head, cols = header_columns(wb["RAID"])
    refs = [wb["RAID"].cell(r, cols["Ref"]).value for r in range(head + 1, head + 1 + len(open_raid))]
    assert sorted(refs) == sorted(open_raid)
    assert wb["RAID"].cell(head + 1, cols["Ref"]).protection.locked
    assert not wb["RAID"].cell(head + 1, cols["Status"]).protection.locked
    assert not wb["RAID"].cell(head + 1 + len(open_raid), cols["Type"]).protection.locked  # a new row
    assert wb["_pmo_marker"].sheet_state == "veryHidden"
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == [
        "Status report", "RAID", "Milestones", "Forecast"]


def test_programme_filter_and_formula_like_text_is_written_as_text(demo_path, tmp_path, capsys):
    pf = open_portfolio(demo_path)
    with pf.batch("test", "formula-like summary"):
        pf.conn.execute("UPDATE status_reports SET summary = '=HYPERLINK(\"http://x\")' WHERE period = ?", (PERIOD,))
    pf.close()
    result = run_json(capsys, "collect", demo_path, "--period", PERIOD, "-o", tmp_path / "out",
                      "--programme", "data & analytics")
    expected = read(demo_path, """SELECT count(*) FROM projects p JOIN programmes g ON g.id = p.programme_id
                                  WHERE g.name = 'Data & Analytics' AND p.status = 'Active'""")[0][0]
    assert len(result["workbooks"]) == expected
    path = tmp_path / "out" / result["workbooks"][0]["file"]
    ws = load_workbook(path)["Status report"]
    cell = ws.cell(label_row(ws, "Summary"), 2)
    if cell.value is not None:
        assert cell.data_type == "s" and not str(cell.value).startswith("=")


def test_bad_inputs_are_one_line_and_write_nothing(demo_path, tmp_path, capsys):
    before = read(demo_path, "SELECT max(id) FROM batches")
    cases = [
        (["collect", demo_path], "give either -o FOLDER"),
        (["collect", demo_path, "-o", tmp_path / "a", "--programme", "Nope"], "unknown programme 'Nope'"),
        (["collect", demo_path, "-o", tmp_path / "a", "--period", "30/11/2026x"], "is not a period end date"),
        (["collect", demo_path, "-o", tmp_path / "missing" / "deeper"], "does not exist"),
        (["collect", demo_path, "-o", tmp_path / "a", "--dry-run"], "--dry-run applies to --import"),
        (["collect", tmp_path / "nope.pmo", "-o", tmp_path / "a"], "does not exist"),
    ]
    for args, message in cases:
        code, out, err = run(capsys, *args)
        assert code == 1, args
        assert message in err and err.count("\n") == 1 and not out
    assert read(demo_path, "SELECT max(id) FROM batches") == before
    assert not list((tmp_path / "a").glob("*.xlsx")) if (tmp_path / "a").exists() else True
