"""`pmo collect FILE --import ...`: returned workbooks, as PMs send them back, previewed and applied."""

from __future__ import annotations

import json
import zipfile

from openpyxl.styles import Font, PatternFill

from pmo_desktop.domain.dates import format_date
from pmo_desktop.store import open_portfolio
from tests.collect.conftest import PERIOD, fill, header_columns, label_row, run, run_json, workbook_for
from tests.gui.conftest import read


def _pm_edits(wb) -> None:
    """What a PM does on the tables: close a risk, add an issue, delete a row, move a milestone,
    change a forecast."""
    raid = wb["RAID"]
    head, cols = header_columns(raid)
    raid.cell(head + 1, cols["Status"]).value = "closed"
    refs = [raid.cell(r, cols["Ref"]).value for r in range(head + 1, raid.max_row + 1)]
    last = head + len([r for r in refs if r])
    deleted = raid.cell(last, cols["Ref"]).value
    raid.delete_rows(last)
    raid.cell(last, cols["Type"]).value = "Issue"
    raid.cell(last, cols["Title"]).value = "Data centre move slipped a week"
    raid.cell(last, cols["Owner"]).value = "Sam Patel"
    raid.cell(last, cols["Impact (1-5)"]).value = "Major"
    wb.deleted_ref = deleted
    ms = wb["Milestones"]
    head, cols = header_columns(ms)
    ms.cell(head + 1, cols["Forecast finish"]).value = "15/02/2027"
    ms.cell(head + 3, cols["Milestone"]).value = "Pilot sign-off"
    ms.cell(head + 3, cols["Forecast finish"]).value = "2027-03-01"
    fc = wb["Forecast"]
    head, cols = header_columns(fc)
    fc.cell(head + 1, cols["Forecast"]).value = 30000


def test_a_filled_and_renamed_workbook_is_applied_as_one_undoable_batch(demo_path, sent, tmp_path, capsys):
    original = workbook_for(sent, "PRJ-101")
    deleted = {}

    def edit(wb):
        _pm_edits(wb)
        deleted["ref"] = wb.deleted_ref

    returned = fill(original, {"Overall RAG": "amber", "Schedule RAG": "R", "Reported by": "Isabelle F.",
                               "Summary": "Supplier late; recovery plan agreed.",
                               "Top issues": "'=supplier rates +12%", "Decisions needed": "=1+1"},
                    save_as=tmp_path / "RE Status report Nov (Isabelle).xlsx", edit=edit)
    before = read(demo_path, "SELECT max(id) FROM batches")[0][0]
    result = run_json(capsys, "collect", demo_path, "--import", returned)
    plan = result["workbooks"][0]
    assert plan["status"] == "applied" and plan["project"] == "PRJ-101", plan
    assert any("Overall RAG: " in c and "-> 'A'" in c for c in plan["changes"])
    assert any(deleted["ref"] in n and "deleted from the workbook" in n for n in plan["notes"])
    assert read(demo_path, "SELECT count(*) FROM batches WHERE id > ?", (before,)) == [(1,)]
    pid = read(demo_path, "SELECT id FROM projects WHERE code = 'PRJ-101'")[0][0]
    assert any("formulas without a saved result" in n for n in plan["notes"])  # read as empty, never run
    row = read(demo_path, """SELECT rag_overall, rag_schedule, summary, top_issues, author, returned_file,
                                    returned_by, returned_at, imported_at FROM status_reports
                             WHERE project_id = ? AND period = ?""", (pid, PERIOD))[0]
    assert row[:7] == ("A", "R", "Supplier late; recovery plan agreed.", "=supplier rates +12%", "Isabelle F.",
                       "RE Status report Nov (Isabelle).xlsx", "Isabelle F.")
    assert row[7] and row[8]
    new_issue = read(demo_path, "SELECT ref, impact, status, owner FROM raid_items WHERE title = ?",
                     ("Data centre move slipped a week",))
    assert new_issue[0][0].startswith("I-") and new_issue[0][1:] == (4, "Open", "Sam Patel")
    assert read(demo_path, "SELECT count(*) FROM raid_items WHERE ref = ? AND status <> 'Closed'",
                (deleted["ref"],)) == [(1,)]  # a deleted row deletes nothing
    assert read(demo_path, "SELECT count(*) FROM tasks WHERE project_id = ? AND name = 'Pilot sign-off' "
                "AND kind = 'milestone' AND finish_date = '2027-03-01'", (pid,)) == [(1,)]
    assert read(demo_path, "SELECT count(*) FROM tasks WHERE project_id = ? AND finish_date = '2027-02-15'",
                (pid,)) == [(1,)]
    assert read(demo_path, "SELECT count(*) FROM budget_lines WHERE project_id = ? AND forecast = 3000000",
                (pid,)) == [(1,)]
    summary = result["summary"]
    assert [r["code"] for r in summary["returned"]] == ["PRJ-101"]
    assert len(summary["returned"]) + len(summary["entered"]) + len(summary["missing"]) == summary["sent"]

    pf = open_portfolio(demo_path)  # the whole return undoes as one step
    pf.undo(pf.last_batch_id())
    pf.close()
    assert read(demo_path, "SELECT count(*) FROM raid_items WHERE title = ?", ("Data centre move slipped a week",)) == [(0,)]
    assert read(demo_path, "SELECT returned_file FROM status_reports WHERE project_id = ? AND period = ?",
                (pid, PERIOD)) in ([], [(None,)])


def test_dry_run_shows_what_would_change_in_an_existing_report_and_writes_nothing(demo_path, sent, capsys):
    pf = open_portfolio(demo_path)
    pid = pf.conn.execute("SELECT id FROM projects WHERE code = 'PRJ-101'").fetchone()[0]
    from pmo_desktop.store import status_reports

    status_reports.save_report(pf, pid, PERIOD, {"rag_overall": "G", "summary": "Typed in by the PMO"})
    pf.close()
    path = fill(workbook_for(sent, "PRJ-101"), {"Summary": "From the PM"})
    before = read(demo_path, "SELECT max(id) FROM batches")
    code, out, err = run(capsys, "collect", demo_path, "--import", path, "--dry-run")
    assert code == 0, err
    assert f"replaces the report already entered for {format_date('2026-11-30')}" in out
    assert "Summary: 'Typed in by the PMO' -> 'From the PM'" in out
    assert "nothing was written" in out
    assert read(demo_path, "SELECT max(id) FROM batches") == before


def test_wrong_period_tampered_marker_removed_project_and_junk_are_refused_in_one_line(
        demo_path, sent, tmp_path, capsys):
    october = tmp_path / "october"
    assert run(capsys, "collect", demo_path, "--period", "2026-10-31", "-o", october)[0] == 0
    wrong_period = workbook_for(october, "PRJ-102")

    def tamper(wb):
        ws = wb["_pmo_marker"]
        ws["A3"] = ws["A3"].value.replace("PRJ-106", "PRJ-105")

    tampered = fill(workbook_for(sent, "PRJ-106"), edit=tamper)
    removed = workbook_for(sent, "PRJ-108")
    junk = tmp_path / "notes.xlsx"
    junk.write_text("not a workbook")
    good = fill(workbook_for(sent, "PRJ-101"), {"Summary": "All good"})
    pf = open_portfolio(demo_path)
    with pf.batch("test", "remove a project"):
        pf.conn.execute("DELETE FROM projects WHERE code = 'PRJ-108'")
    pf.close()
    result = run_json(capsys, "collect", demo_path, "--period", PERIOD, "--import",
                      wrong_period, tampered, removed, junk, good)
    by_file = {w["file"]: w for w in result["workbooks"]}
    assert "for the period ending 2026-10-31, not 2026-11-30" in by_file[wrong_period.name]["reason"]
    assert "altered" in by_file[tampered.name]["reason"]
    assert "PRJ-108 is no longer in the portfolio" in by_file[removed.name]["reason"]
    assert "not an Excel workbook" in by_file["notes.xlsx"]["reason"]
    for name in (wrong_period.name, tampered.name, removed.name, "notes.xlsx"):
        assert by_file[name]["status"] == "refused" and "\n" not in by_file[name]["reason"]
    assert by_file[good.name]["status"] == "applied"
    assert result["counts"]["applied"] == 1 and result["counts"]["refused"] == 4
    missing = {m["code"] for m in result["summary"]["missing"]}
    assert "PRJ-106" in missing or "PRJ-106" in {m["code"] for m in result["summary"]["entered"]}


def test_resaved_with_other_styles_a_copied_sheet_extra_rows_and_fill_only_rags(demo_path, sent, capsys):
    def restyle(wb):
        ws = wb["Status report"]
        for row in ws.iter_rows():
            for cell in row:
                cell.font = Font(name="Comic Sans MS", size=9, italic=True)
        ws.insert_rows(3, 2)  # the PM adds a note above the fields
        ws["A3"] = "Note from the PM: see below"
        overall = ws.cell(label_row(ws, "Overall RAG"), 2)
        overall.value = None
        overall.fill = PatternFill("solid", fgColor="FF0000")  # red, painted instead of typed
        ws.cell(label_row(ws, "Cost RAG"), 2).value = "On track"
        copy = wb.copy_worksheet(ws)
        copy.cell(label_row(copy, "Summary"), 2).value = "draft I did not mean to send"
        ws.cell(label_row(ws, "Summary"), 2).value = "Final words"

    path = fill(workbook_for(sent, "PRJ-104"), edit=restyle)
    result = run_json(capsys, "collect", demo_path, "--import", sent / path.name)
    plan = result["workbooks"][0]
    assert plan["status"] == "applied", plan
    assert any("a copy of 'Status report'" in n for n in plan["notes"])
    pid = read(demo_path, "SELECT id FROM projects WHERE code = 'PRJ-104'")[0][0]
    assert read(demo_path, "SELECT rag_overall, rag_cost, summary FROM status_reports WHERE project_id = ? "
                "AND period = ?", (pid, PERIOD)) == [("R", "G", "Final words")]


def test_a_bad_value_refuses_that_workbook_with_the_row_named(demo_path, sent, capsys):
    def bad(wb):
        raid = wb["RAID"]
        head, cols = header_columns(raid)
        raid.cell(head + 1, cols["Probability (1-5)"]).value = "eleven"
        raid.cell(head + 1, cols["Ref"]).value = "R-999"

    path = fill(workbook_for(sent, "PRJ-101"), {"Overall RAG": "Purple"}, edit=bad)
    before = read(demo_path, "SELECT max(id) FROM batches")
    result = run_json(capsys, "collect", demo_path, "--import", path)
    plan = result["workbooks"][0]
    assert plan["status"] == "refused"
    assert "'Purple' is not a RAG status" in plan["reason"], plan
    assert any("'eleven' is not" in p for p in plan["problems"]), plan["problems"]
    assert read(demo_path, "SELECT max(id) FROM batches") == before


def test_importing_the_same_return_twice_changes_nothing_the_second_time(demo_path, sent, capsys):
    path = fill(workbook_for(sent, "PRJ-101"), {"Summary": "Once"})
    assert run_json(capsys, "collect", demo_path, "--import", path)["counts"]["applied"] == 1
    again = run_json(capsys, "collect", demo_path, "--import", path)
    assert again["workbooks"][0]["status"] == "unchanged"


def test_two_returns_for_one_project_the_later_saved_wins(demo_path, sent, tmp_path, capsys):
    first = fill(workbook_for(sent, "PRJ-101"), {"Summary": "First go"})
    second = tmp_path / "PRJ-101 again.xlsx"
    second.write_bytes(first.read_bytes())
    fill(second, {"Summary": "Second go"})
    _set_modified(first, "2026-12-01T09:00:00Z")
    _set_modified(second, "2026-12-02T09:00:00Z")
    result = run_json(capsys, "collect", demo_path, "--import", first, second)
    status = {w["file"]: w["status"] for w in result["workbooks"]}
    assert status == {first.name: "superseded", second.name: "applied"}


def _set_modified(path, stamp: str) -> None:
    """Set when the workbook says it was last saved (docProps/core.xml), as Excel writes it."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    core = parts["docProps/core.xml"].decode()
    start = core.index("<dcterms:modified")
    end = core.index("</dcterms:modified>") + len("</dcterms:modified>")
    parts["docProps/core.xml"] = (core[:start] + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}'
                                  "</dcterms:modified>" + core[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_import_bad_inputs_are_one_line(demo_path, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    for args, message in [
        (["--import", tmp_path / "nope"], "does not exist"),
        (["--import", empty], "no .xlsx workbooks"),
        (["--import", empty, "--programme", "X"], "--programme applies to writing"),
        (["--import", empty, "-o", tmp_path / "x"], "give either"),
    ]:
        code, out, err = run(capsys, "collect", demo_path, *args)
        assert code == 1 and message in err and err.count("\n") == 1, (args, err)


def test_json_is_one_object(demo_path, sent, capsys):
    code, out, _err = run(capsys, "collect", demo_path, "--import", sent, "--dry-run", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["dry_run"] and payload["counts"]["ready"] + payload["counts"]["unchanged"] == len(payload["workbooks"])


def test_a_typed_escape_lookalike_comes_back_as_typed(demo_path, sent, capsys):
    """A PM who types the text _x0041_ (Excel saves it as _x005F_x0041_, and the reader decodes that
    once) gets _x0041_ in the report, not the 'A' a second decoding made of it; the guard's apostrophe
    still goes."""
    from pmo_desktop.domain.cells import to_xml_text

    path = fill(workbook_for(sent, "PRJ-101"), {"Summary": to_xml_text("Code _x0041_ kept"),
                                                 "Top issues": "'=not a formula _x0042_"})
    assert run_json(capsys, "collect", demo_path, "--import", path)["counts"]["applied"] == 1
    assert read(demo_path, """SELECT summary, top_issues FROM status_reports s JOIN projects p ON p.id = s.project_id
                              WHERE p.code = 'PRJ-101' AND s.period = ?""", (PERIOD,)) == [
        ("Code _x0041_ kept", "=not a formula B")]
