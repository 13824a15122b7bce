"""Every failure a user can cause is one line naming the file and the problem; 'unexpected error' is
only for our own bugs."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook

from pmo_desktop.cli import main
from pmo_desktop.store import open_portfolio


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected error" not in err, err
    return err


def _break(path, sql):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_utf16_csv_with_an_odd_trailing_byte_imports_with_a_warning(portfolio, tmp_path, capsys):
    path = tmp_path / "u16.csv"
    path.write_bytes("Code,Name\nP1,Alpha\n".encode("utf-16") + b"x")
    portfolio.close()
    assert main(["import", str(portfolio.path), str(path), "--kind", "projects"]) == 0
    assert "not valid UTF-16" in capsys.readouterr().out
    with open_portfolio(portfolio.path, read_only=True) as pf:
        assert pf.conn.execute("SELECT name FROM projects").fetchall() == [("Alpha",)]


def test_a_damaged_setting_falls_back_to_its_default_and_check_names_it(demo_path, tmp_path, capsys):
    _break(demo_path, "UPDATE settings SET value = '{bad' WHERE key = 'currency'")
    csv = tmp_path / "in.csv"
    csv.write_text("Code,Name\nNEW-1,New one\n")
    for args in (["info", demo_path], ["export", demo_path, tmp_path / "o.xlsx"],
                 ["import", demo_path, csv, "--kind", "projects"]):
        assert main([str(a) for a in args]) == 0
    capsys.readouterr()
    assert main(["check", str(demo_path)]) == 0
    assert "setting 'currency' is not valid JSON" in capsys.readouterr().out


@pytest.mark.parametrize("sql", [
    "UPDATE dependencies SET lag_days = 'abc'",
    "UPDATE raid_items SET probability = 99",
    "UPDATE projects SET approved_budget = 'lots'",
])
def test_values_that_break_the_schema_rules_are_one_line_naming_the_file(demo_path, tmp_path, capsys, sql):
    _break(demo_path, sql)
    failures = 0
    for args in (["schedule", demo_path], ["summary", demo_path], ["export", demo_path, tmp_path / "o.xlsx", "--force"]):
        if main([str(a) for a in args]) != 0:
            failures += 1
            err = _one_line(capsys)
            assert "demo.pmo holds values PMO Desktop does not write" in err and "pmo check" in err
        capsys.readouterr()
    assert main(["check", str(demo_path)]) == 0
    assert "Integrity: PROBLEMS" in capsys.readouterr().out


def test_an_export_writes_a_stored_value_the_schema_forbids_as_it_is(demo_path, tmp_path, capsys):
    _break(demo_path, "UPDATE projects SET start_date = 'garbage' WHERE id = 1")
    assert main(["export", str(demo_path), str(tmp_path / "o.xlsx")]) == 0


def _with_dtd(path, part):
    wb = Workbook()
    wb.active.append(["Code", "Name"])
    wb.active.append(["P1", "x"])
    plain = path.with_name("plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name == part:
                data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + data
            out.writestr(name, data)
    return path


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml"])
def test_a_workbook_with_a_dtd_is_refused_in_one_whole_line(portfolio, tmp_path, capsys, part):
    path = _with_dtd(tmp_path / "dtd.xlsx", part)
    portfolio.close()
    assert main(["import", str(portfolio.path), str(path)]) == 1
    err = _one_line(capsys)
    assert "dtd.xlsx contains an XML document type (DTD)" in err and err.rstrip().endswith("from Excel")


def test_a_broken_pipe_is_silent(demo_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written, as with `| head` at its end
    try:
        proc = subprocess.run([sys.executable, "-m", "pmo_desktop.cli", "check", str(demo_path), "--json"],
                              stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert proc.stderr == b""


@pytest.mark.parametrize(("argv", "said"), [
    (["sync"], "is not shared; use 'pmo share' to publish it"),  # a SyncError from the sync service
    (["conflicts"], "is not shared"),
    (["capacity", "--from", "2026-13"], "--from '2026-13' is not a real month"),  # a CapacityInputError
])
def test_a_services_own_error_ends_the_command_in_one_line(portfolio, capsys, argv, said):
    portfolio.close()
    assert main([argv[0], str(portfolio.path), *argv[1:]]) == 1
    assert said in _one_line(capsys)
