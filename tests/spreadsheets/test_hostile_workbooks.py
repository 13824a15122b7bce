"""The lessons register and the people sheet read workbooks through the importer's reader: a hostile or
broken file is refused in one line, exit code 1, and the portfolio is left as it was."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest
from openpyxl import Workbook

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
# what each command reads: the header row and one good row
_SHEETS = {"lessons": [["Ref", "What happened", "Lesson"], ["L-100", "Late supplier", "Book early"]],
           "people": [["Name", "Role", "Team", "FTE"], ["Ida", "Developer", "Platform", 1]]}


def _good(path, command):
    wb = Workbook()
    for row in _SHEETS[command]:
        wb.active.append(row)
    wb.save(path)
    return path


def _rewrite(good, bad, sheet_data):
    """A copy of `good` with its sheet part replaced by sheet_data(old bytes)."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_data(data)
            dst.writestr(info, data)
    return bad


def _not_a_zip(good, bad):
    bad.write_text("Name,Role\nIda,Developer\n")


def _corrupt(good, bad):
    data = bytearray(good.read_bytes())
    del data[len(data) // 3: len(data) // 3 + 200]
    bad.write_bytes(bytes(data))


def _bomb(good, bad):
    _rewrite(good, bad, lambda d: d.replace(b"</worksheet>", b"<!--" + b" " * (30 * 1024 * 1024) + b"--></worksheet>"))


def _entities(good, bad):
    def evil(d):
        body = d.split(b"?>", 1)[1] if d.startswith(b"<?xml") else d
        return _DTD + body
    _rewrite(good, bad, evil)


def _encrypted(good, bad):
    bad.write_bytes(_OLE + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100)


def _empty(good, bad):
    bad.write_bytes(b"")


def _other_zip(good, bad):
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("photo.txt", "hello")


@pytest.mark.parametrize("command", ["lessons", "people"])
@pytest.mark.parametrize("spoil, fragment", [
    (_not_a_zip, "is not an Excel workbook"),
    (_corrupt, "bad.xlsx"),
    (_bomb, "zip bomb"),
    (_entities, "document type (DTD)"),
    (_encrypted, "password-protected"),
    (_empty, "is empty"),
    (_other_zip, "not an Excel workbook"),
])
def test_bad_workbook_is_one_line_and_changes_nothing(tmp_path, capsys, command, spoil, fragment):
    pmo_file = tmp_path / "p.pmo"
    create_portfolio(pmo_file).close()
    before = hashlib.sha256(pmo_file.read_bytes()).hexdigest()
    bad = tmp_path / "bad.xlsx"
    spoil(_good(tmp_path / "good.xlsx", command), bad)
    code = main([command, str(pmo_file), "--import", str(bad)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err, err
    assert hashlib.sha256(pmo_file.read_bytes()).hexdigest() == before


def test_good_workbooks_import(tmp_path, capsys):
    pmo_file = tmp_path / "p.pmo"
    create_portfolio(pmo_file).close()
    assert main(["lessons", str(pmo_file), "--import", str(_good(tmp_path / "l.xlsx", "lessons")), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == {"added": 1, "updated": 0}
    assert [(r["ref"], r["what_happened"], r["lesson"]) for r in out["lessons"]] == [
        ("L-100", "Late supplier", "Book early")]
    assert main(["people", str(pmo_file), "--import", str(_good(tmp_path / "p.xlsx", "people")), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == ["Ida"]
    assert main(["people", str(pmo_file), "--json"]) == 0
    person = json.loads(capsys.readouterr().out)["people"][0]
    assert (person["name"], person["role"], person["team"], person["fte"]) == ("Ida", "Developer", "Platform", 1.0)
