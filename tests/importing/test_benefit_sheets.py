"""`pmo import` of the benefit sheets: a dry run says row by row what would change, and columns a sheet
does not have are left as they are (a sheet without Owner does not blank every owner)."""

from __future__ import annotations

import json
from datetime import date

from openpyxl import Workbook

from pmo_desktop.benefits import register as reg
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.rows import insert_row


def _book(path, benefits, measurements=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "Benefits"
    for row in benefits:
        ws.append(row)
    if measurements:
        sheet = wb.create_sheet("Benefit measurements")
        for row in measurements:
            sheet.append(row)
    wb.save(path)
    return path


def test_a_sheet_changes_only_the_columns_it_has(portfolio, tmp_path, pmo):
    pf = portfolio
    for code in ("PRJ-1", "PRJ-2"):
        insert_row(pf, "projects", {"code": code, "name": code})
    reg.add_benefit(pf, {"title": "Savings", "type": "Non-cash", "owner": "Ann Lee", "target": 5,
                         "status": "Realising"}, projects=["PRJ-1", "PRJ-2"], ref="B-001")
    reg.record_measurement(pf, "B-001", "2027-03", planned=3, forecast=2, note="kept")
    pf.close()
    book = _book(tmp_path / "b.xlsx", [["Ref", "Title", "Target"], ["B-001", "Savings", 8],
                                       ["B-002", "New one", 1]],
                 [["Ref", "Period", "Actual"], ["B-001", "2027-03", 2.5], ["B-002", "2027-06", 0.5]])

    code, out, err = pmo(["import", portfolio.path, book, "--dry-run", "--json"])
    assert code == 0, err
    assert json.loads(out)["benefits"] == {"benefit_rows": 2, "measurement_rows": 2, "benefits_added": 1,
                                           "benefits_updated": 1, "measurements": 2, "measurements_removed": 0,
                                           "removed": []}
    code, out, err = pmo(["import", portfolio.path, book, "--dry-run"])
    assert "Benefits: would add 1 and change 1 of 2 row(s); would write 2 of 2 measurement row(s)" in out

    code, out, err = pmo(["import", portfolio.path, book])
    assert code == 0, err
    assert "benefits added 1, benefits updated 1, measurements 2, measurements removed 0" in out
    with open_portfolio(portfolio.path) as pf:
        b1, b2 = reg.load_benefits(pf)
        assert (b1.owner, b1.type, b1.status, b1.target) == ("Ann Lee", "Non-cash", "Realising", 8.0)
        assert [p.code for p in b1.projects] == ["PRJ-1", "PRJ-2"]  # no Projects column: links kept
        march = date(2027, 3, 31)
        assert (b1.planned, b1.forecast, b1.actual) == ({march: 3.0}, {march: 2.0}, {march: 2.5})  # Actual only
        assert pf.conn.execute("SELECT note FROM benefit_measurements WHERE benefit_id = ?",
                               (b1.id,)).fetchone() == ("kept",)
        assert (b2.type, b2.status, b2.projects) == ("Cash-releasing", "Planned", [])  # a new one's defaults
    code, out, _ = pmo(["import", portfolio.path, book, "--dry-run"])  # a second import changes nothing
    assert "would add 0 and change 0 of 2 row(s); would write 0 of 2" in out


def test_a_measurement_row_deleted_in_the_workbook_is_deleted_on_import_as_one_undo_step(portfolio, tmp_path, pmo):
    """The workbook is the truth for the benefits it names: re-importing it without a measurement row
    removes that measurement (the dry run says which first); benefits it does not name keep theirs."""
    pf = portfolio
    for ref in ("B-001", "B-002"):
        reg.add_benefit(pf, {"title": ref}, ref=ref)
    for period in ("2027-03", "2027-06", "2027-09"):
        reg.record_measurement(pf, "B-001", period, planned=1)
        reg.record_measurement(pf, "B-002", period, planned=2)
    pf.close()
    book = _book(tmp_path / "b.xlsx", [["Ref", "Title"], ["B-001", "B-001"]],
                 [["Ref", "Period", "Planned"], ["B-001", "2027-03-31", 1], ["B-001", "2027-09-30", 1]])

    code, out, err = pmo(["import", portfolio.path, book, "--dry-run", "--json"])
    assert code == 0, err
    dry = json.loads(out)["benefits"]
    assert (dry["measurements_removed"], dry["removed"]) == (1, ["B-001 2027-06"])
    code, out, _ = pmo(["import", portfolio.path, book, "--dry-run"])
    assert "would remove 1 measurement(s) the workbook no longer has: B-001 2027-06" in out

    def periods(ref):
        with open_portfolio(portfolio.path) as pf:
            return [p for (p,) in pf.conn.execute(
                """SELECT m.period FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
                   WHERE b.ref = ? ORDER BY 1""", (ref,))]

    assert len(periods("B-001")) == 3  # a dry run writes nothing
    code, out, err = pmo(["import", portfolio.path, book])
    assert code == 0, err
    assert "measurements removed 1" in out
    assert periods("B-001") == ["2027-03-31", "2027-09-30"]
    assert len(periods("B-002")) == 3  # not named by the workbook: left alone
    with open_portfolio(portfolio.path) as pf:
        pf.undo(pf.last_batch_id())
    assert periods("B-001") == ["2027-03-31", "2027-06-30", "2027-09-30"]
    no_sheet = _book(tmp_path / "c.xlsx", [["Ref", "Title"], ["B-001", "B-001"]])
    code, out, err = pmo(["import", portfolio.path, no_sheet])  # no measurements sheet: none removed
    assert code == 0, err
    assert len(periods("B-001")) == 3


def test_a_typed_escape_lookalike_is_imported_as_typed(portfolio, tmp_path, pmo):
    """The text _x0041_ typed in a cell (saved as _x005F_x0041_, decoded once by the reader) is imported
    as _x0041_, not decoded a second time into 'A'."""
    from pmo_desktop.domain.cells import to_xml_text

    portfolio.close()
    book = _book(tmp_path / "b.xlsx", [["Ref", "Title", "Owner"], ["B-001", to_xml_text("Savings _x0041_"),
                                                                   "'=Ann _x0042_"]])
    code, _out, err = pmo(["import", portfolio.path, book])
    assert code == 0, err
    with open_portfolio(portfolio.path) as pf:
        (benefit,) = reg.load_benefits(pf)
        assert (benefit.title, benefit.owner) == ("Savings _x0041_", "=Ann B")
