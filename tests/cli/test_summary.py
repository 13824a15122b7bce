"""`pmo summary`: JSON and text forms, and one-line errors for bad input."""

import json

import pytest

from pmo_desktop.cli import main
from pmo_desktop.domain.dates import format_date
from pmo_desktop.store import open_portfolio


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_json(demo_path, capsys):
    code, out, err = run(capsys, "summary", demo_path, "--json")
    assert code == 0 and err == ""
    s = json.loads(out)
    assert s["period"]["end"] == "2026-10-31" and s["currency"] == "GBP"
    assert len(s["projects"]) == 40
    assert sum(g["eac"] for g in s["programmes"]) == s["totals"]["eac"]


def test_summary_text(demo_path, capsys):
    code, out, err = run(capsys, "summary", demo_path)
    assert code == 0 and err == ""
    # the date in the portfolio's date format (unset: the system's)
    assert f"period ending {format_date('2026-10-31')} (FY2026/27 Q3)" in out
    assert "Projects by RAG:" in out and "PRJ-101" in out and "Open risks:" in out
    assert "£" in out and "m " in out  # money in £k / £m
    assert "n/a" in out  # indices with nothing to divide by


def test_summary_other_period_changes_the_cutoff(demo_path, capsys):
    code, out, _ = run(capsys, "summary", demo_path, "--period", "2026-07-31", "--json")
    earlier = json.loads(out)
    _, out, _ = run(capsys, "summary", demo_path, "--json")
    now = json.loads(out)
    assert code == 0 and earlier["period"]["fy_quarter"] == "Q2"
    assert earlier["totals"]["actual_to_date"] < now["totals"]["actual_to_date"]


@pytest.mark.parametrize("period, message", [
    ("2026/10/31", "period must be a date written YYYY-MM-DD"),
    ("2026-10-32", "is not a real date"),
    ("", "period must be a date written YYYY-MM-DD"),
    ("1999-01-31", "no budget lines or status reports for the period ending 1999-01-31"),
])
def test_summary_bad_period(demo_path, capsys, period, message):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "summary", demo_path, "--period", period)
    assert code == 1 and out == ""
    assert err.startswith("pmo: ") and message in err and err.count("\n") == 1
    assert demo_path.read_bytes() == before


def test_summary_missing_and_bad_files(tmp_path, capsys):
    code, _, err = run(capsys, "summary", tmp_path / "nope.pmo")
    assert code == 1 and err.count("\n") == 1 and "does not exist" in err
    junk = tmp_path / "junk.pmo"
    junk.write_text("not a database")
    code, _, err = run(capsys, "summary", junk)
    assert code == 1 and err.count("\n") == 1


def test_summary_empty_portfolio(tmp_path, capsys):
    path = tmp_path / "empty.pmo"
    assert run(capsys, "new", path)[0] == 0
    code, out, err = run(capsys, "summary", path, "--json")
    assert code == 0 and json.loads(out)["totals"]["eac"] == 0
    code, out, err = run(capsys, "summary", path)
    assert code == 0 and "Budget £0" in out


def test_summary_does_not_write(demo_path, capsys):
    with open_portfolio(demo_path) as pf:
        before = pf.last_batch_id()
    run(capsys, "summary", demo_path)
    with open_portfolio(demo_path) as pf:
        assert pf.last_batch_id() == before
