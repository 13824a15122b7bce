"""Workbooks read with python-calamine: .xls, .ods and .xlsb import instead of being refused, and the
hostile-file rules hold for them too (one line, nothing changed)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.spreadsheets.calamine_reader import read_workbook

RAID = [["Ref", "Type", "Title", "Owner", "Probability", "Impact", "Due"],
        ["R-001", "Risk", "Supplier insolvency", "Ann", "Likely", "Major", "2026-03-31"],
        ["I-001", "Issue", "Test rig broken", "Bob", None, "Severe", "2026-02-15"]]


def _counts(path):
    from pmo_desktop.store import open_portfolio

    with open_portfolio(path, read_only=True) as pf:
        return pf.counts(), pf.last_batch_id()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice converts the test workbook")
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_legacy_xls_and_ods_import_like_the_xlsx_they_came_from(fmt, make_xlsx, pmo_json, pf_path, tmp_path):
    source = make_xlsx(RAID, name="raid.xlsx", title="RAID log")
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           fmt, "--outdir", str(tmp_path / "out"), str(source)], capture_output=True, timeout=120)
    converted = tmp_path / "out" / f"raid.{fmt}"
    if not converted.exists():
        pytest.skip(f"LibreOffice could not convert: {done.stderr[:200]!r}")
    code, data, err = pmo_json(["import", pf_path, converted])
    assert code == 0, err
    assert data["counts"] == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    assert any("only values" in w for w in data["warnings"])
    code, data, _ = pmo_json(["import", pf_path, source])
    assert data["counts"] == {"new": 0, "changed": 0, "unchanged": 2, "error": 0}


def test_an_ods_with_entity_declarations_is_refused(tmp_path, pmo, pf_path):
    evil = tmp_path / "evil.ods"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                                   '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')
    before = _counts(pf_path)
    code, out, err = pmo(["import", pf_path, evil])
    assert code == 1 and err.count("\n") == 1 and "entity declarations" in err and "Traceback" not in err
    assert _counts(pf_path) == before


def test_truncated_and_fake_binary_workbooks_are_one_line(tmp_path, pmo, pf_path, make_xlsx):
    good = make_xlsx(RAID)
    before = _counts(pf_path)
    for name, data in (("cut.xlsx", good.read_bytes()[:-300]), ("cut.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 900),
                       ("cut.ods", b"PK\x03\x04" + b"\x00" * 40)):
        bad = tmp_path / name
        bad.write_bytes(data)
        code, out, err = pmo(["import", pf_path, bad])
        assert code == 1 and err.startswith("pmo: ") and err.count("\n") == 1, err
        assert name in err and "Traceback" not in err + out
    assert _counts(pf_path) == before


def test_hidden_rows_fills_and_merges_come_only_from_the_sheet_that_has_them(make_xlsx):
    from openpyxl.styles import PatternFill

    def build(ws):
        ws.row_dimensions[3].hidden = True
        ws["C2"].fill = PatternFill("solid", fgColor="C62828")
        ws.merge_cells("D2:E2")

    book = read_workbook(make_xlsx([["Code", "Name", "RAG", "Note", ""], ["P1", "One", None, "x"],
                                    ["P2", "Two", None, "y"]], build=build, sheets={"Plain": [["a", "b"]]}))
    first, plain = book.sheets
    assert first.hidden_rows == {2} and first.fills == {(1, 2): "#C62828"} and first.merged == [(1, 3, 1, 4)]
    assert (plain.hidden_rows, plain.fills, plain.merged) == (set(), {}, [])


def _raw_workbook(path, sheet_xml: bytes, prolog: bytes = b""):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Code", "Name"])
    plain = path.with_name("plain-" + path.name)
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = prolog + sheet_xml if sheet_xml else prolog + data
            out.writestr(name, data)
    return path


def test_a_dtd_behind_a_long_comment_is_still_refused(tmp_path):
    path = _raw_workbook(tmp_path / "hidden-dtd.xlsx", b"", b'<?xml version="1.0"?><!--' + b" " * 20_000
                         + b'--><!DOCTYPE x [<!ENTITY a "a">]>')
    with pytest.raises(ImportRefused, match=r"hidden-dtd.xlsx contains an XML document type \(DTD\)"):
        read_workbook(path)


@pytest.mark.parametrize("cells, words", [
    ('<row r="1"><c r="XFE1"><v>1</v></c></row>', "has cells past column 16,384"),
    ('<row r="1048577"><c r="A1048577"><v>1</v></c></row>', "has rows past row 1,048,576"),
    ('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "x" * 33_000 + "</t></is></c></row>", "33,000 characters"),
])
def test_sheets_past_excels_limits_are_refused_naming_the_file(tmp_path, cells, words):
    xml = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f"<sheetData>{cells}</sheetData></worksheet>").encode()
    path = _raw_workbook(tmp_path / "big.xlsx", xml)
    with pytest.raises(ImportRefused, match=f"big.xlsx: sheet 'Sheet'.*{words}"):
        read_workbook(path)


def test_a_sheet_with_too_many_cells_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from pmo_desktop.spreadsheets import calamine_reader, looks

    monkeypatch.setattr(calamine_reader, "MAX_CELLS", 1_000)
    monkeypatch.setattr(looks, "_BYTES_PER_CELL", 1)  # count even a small part
    cells = "".join(f'<row r="{r}">' + "<c><v>1</v></c>" * 10 + "</row>" for r in range(1, 120))
    xml = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f"<sheetData>{cells}</sheetData></worksheet>").encode()
    with pytest.raises(ImportRefused, match="many.xlsx: sheet 'Sheet' has more than 1,000 cells"):
        read_workbook(_raw_workbook(tmp_path / "many.xlsx", xml))
    monkeypatch.setattr(calamine_reader, "MAX_CELLS", 2_000)
    assert len(read_workbook(_raw_workbook(tmp_path / "fine.xlsx", xml)).sheets[0].rows) == 119
