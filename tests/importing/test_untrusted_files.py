"""Files that must be refused with one line, exit code 1 and the portfolio untouched."""

from __future__ import annotations

import io
import zipfile

import pytest

from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.importing.readers import read_file


def _counts(path):
    from pmo_desktop.store import open_portfolio

    with open_portfolio(path, read_only=True) as pf:
        return pf.counts(), pf.last_batch_id()


def _refused(pmo, pf_path, bad, fragment):
    before = _counts(pf_path)
    code, out, err = pmo(["import", pf_path, bad])
    assert code == 1
    assert err.startswith("pmo: ") and err.count("\n") == 1, err
    assert fragment in err
    assert "Traceback" not in err + out
    assert _counts(pf_path) == before


def test_legacy_xls(tmp_path, pmo, pf_path):
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _refused(pmo, pf_path, bad, "legacy Excel 97-2003")


def test_ole_file_renamed_xlsx_is_still_legacy(tmp_path, pmo, pf_path):
    bad = tmp_path / "old.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _refused(pmo, pf_path, bad, "legacy Excel 97-2003")


def test_encrypted_workbook(tmp_path, pmo, pf_path):
    bad = tmp_path / "secret.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le")
                    + b"\x00" * 100)
    _refused(pmo, pf_path, bad, "password-protected")


def test_not_a_zip(tmp_path, pmo, pf_path):
    bad = tmp_path / "fake.xlsx"
    bad.write_text("Name,Code\nx,y\n")
    _refused(pmo, pf_path, bad, "not an Excel workbook")


def test_corrupt_zip(tmp_path, pmo, pf_path, make_xlsx):
    good = make_xlsx([["Code", "Name"], ["P1", "One"]])
    data = bytearray(good.read_bytes())
    del data[len(data) // 3: len(data) // 3 + 200]
    bad = tmp_path / "corrupt.xlsx"
    bad.write_bytes(bytes(data))
    _refused(pmo, pf_path, bad, "corrupt.xlsx")


def test_zip_of_something_else(tmp_path, pmo, pf_path):
    bad = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("photo.txt", "hello")
    _refused(pmo, pf_path, bad, "not an Excel workbook")


def test_xlsb(tmp_path, pmo, pf_path):
    bad = tmp_path / "binary.xlsb"
    bad.write_bytes(b"PK\x03\x04")
    _refused(pmo, pf_path, bad, ".xlsb")
    renamed = tmp_path / "binary.xlsx"
    with zipfile.ZipFile(renamed, "w") as zf:
        zf.writestr("xl/workbook.bin", b"\x00" * 10)
        zf.writestr("[Content_Types].xml", "<Types/>")
    _refused(pmo, pf_path, renamed, ".xlsb")


def test_zip_bomb_is_refused_before_inflating(tmp_path, pmo, pf_path, make_xlsx):
    good = make_xlsx([["Code", "Name"], ["P1", "One"]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", b"<!--" + b" " * (300 * 1024 * 1024 // 10) + b"--></worksheet>")
            dst.writestr(info, data)
    _refused(pmo, pf_path, bomb, "zip bomb")


def test_xml_entity_expansion(tmp_path, pmo, pf_path, make_xlsx):
    good = make_xlsx([["Code", "Name"], ["P1", "One"]])
    evil = tmp_path / "entities.xlsx"
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = lol + body.replace(b"<v>", b"<v>&lol2;", 1)
            dst.writestr(info, data)
    _refused(pmo, pf_path, evil, "entities.xlsx")


def test_missing_empty_and_unknown_files(tmp_path, pmo, pf_path):
    _refused(pmo, pf_path, tmp_path / "nope.xlsx", "does not exist")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _refused(pmo, pf_path, empty, "is empty")
    odd = tmp_path / "plan.mpp"
    odd.write_bytes(b"x")
    _refused(pmo, pf_path, odd, "cannot be imported")


def test_binary_csv(tmp_path):
    bad = tmp_path / "data.csv"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(ImportRefused, match="not a text file"):
        read_file(bad)


def _csv(tmp_path, data: bytes, name="data.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_file(path).sheets[0].rows


def test_csv_encodings_and_bom(tmp_path):
    text = "Code,Name\nP1,Café Ü\n"
    assert _csv(tmp_path, text.encode("utf-8"))[1] == ["P1", "Café Ü"]
    assert _csv(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == ["Code", "Name"]
    assert _csv(tmp_path, text.encode("cp1252"))[1] == ["P1", "Café Ü"]
    assert _csv(tmp_path, text.encode("utf-16"))[1] == ["P1", "Café Ü"]


def test_csv_delimiters_quotes_and_embedded_newlines(tmp_path):
    rows = _csv(tmp_path, b'Code;Name;Note\r\nP1;"Alpha; the first";"line one\r\nline two"\r\nP2;Beta;"say ""hi"""\r\n')
    assert rows[1] == ["P1", "Alpha; the first", "line one\r\nline two"]
    assert rows[2] == ["P2", "Beta", 'say "hi"']
    assert _csv(tmp_path, b"Code\tName\nP1\tAlpha\n")[1] == ["P1", "Alpha"]
    assert _csv(tmp_path, b"Code|Name\nP1|Alpha\n")[1] == ["P1", "Alpha"]


def test_fuzzed_workbooks_never_crash(tmp_path, make_xlsx, portfolio):
    """Hypothesis-mutated workbooks: every outcome is a Workbook or an ImportRefused, nothing else."""
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    from pmo_desktop.importing import service

    seed = make_xlsx([["Ref", "Title", "Probability", "Impact", "Owner", "Due"],
                      ["R-1", "Supplier late", "High", "Major", "Ann", "2026-03-01"],
                      ["R-2", "Budget cut", 3, 4, "Bob", 46000]])
    with zipfile.ZipFile(seed) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}

    @hypothesis.settings(max_examples=60, deadline=None, database=None)
    @hypothesis.given(st.sampled_from(sorted(parts)), st.integers(0, 10_000), st.binary(min_size=1, max_size=8),
                      st.booleans())
    def mutate(part, offset, junk, truncate):
        data = parts[part]
        pos = offset % max(len(data), 1)
        data = data[:pos] if truncate else data[:pos] + junk + data[pos + len(junk):]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as out:
            for name, content in parts.items():
                out.writestr(name, data if name == part else content)
        path = tmp_path / "fuzz.xlsx"
        path.write_bytes(buf.getvalue())
        try:
            book = read_file(path)
        except ImportRefused as exc:
            assert "\n" not in str(exc)
            return
        for table in service.detect(book):
            mapping, _kind, _scores = service.suggest(table)
            if mapping is not None:
                plan = service.preview(portfolio, [(table, mapping)])
                assert all(e.row >= 1 and e.reason for e in plan.errors)

    mutate()


def test_fuzzed_csv_text_never_crashes(tmp_path, portfolio):
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    from pmo_desktop.importing import service

    cell = st.one_of(st.sampled_from(["Ref", "Title", "Type", "Risk", "Due", "31/02/2026", "2026-01-01", "£1.2m",
                                      "(5)", "R-1", "Amber", '"', "\n", ";", "=1+1", ""]), st.text(max_size=12))
    table = st.lists(st.lists(cell, min_size=1, max_size=6), min_size=1, max_size=8)

    @hypothesis.settings(max_examples=80, deadline=None, database=None)
    @hypothesis.given(table, st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
    def run(rows, delimiter, encoding):
        text = "\n".join(delimiter.join(r) for r in [["Ref", "Type", "Title", "Due"], *rows])
        path = tmp_path / "fuzz.csv"
        path.write_bytes(text.encode(encoding, errors="replace"))
        try:
            book = read_file(path)
        except ImportRefused as exc:
            assert "\n" not in str(exc)
            return
        for t in service.detect(book):
            mapping, _kind, _scores = service.suggest(t, "raid")
            plan = service.preview(portfolio, [(t, mapping)])
            assert all(e.row >= 1 and e.reason for e in plan.errors)

    run()
