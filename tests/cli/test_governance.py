"""`pmo gates`, `pmo book-of-work`, `pmo lessons`, `pmo advance`: output, files and one-line errors."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from pmo_desktop.cli import main
from pmo_desktop.governance import gates, lessons, scoring
from pmo_desktop.store import create_portfolio
from pmo_desktop.store.rows import insert_row

K = 100_000  # £1,000 in pence


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def path(tmp_path):
    target = tmp_path / "gov.pmo"
    with create_portfolio(target) as pf:
        for code, stage, cost, scores in (
                ("PRJ-A", "Planning", 400 * K, dict(strategic_alignment=5, benefit=5, risk=5, urgency=5, effort=5)),
                ("PRJ-B", "Execution", 250 * K, dict(strategic_alignment=4, benefit=4, risk=3, urgency=5, effort=2)),
                ("PRJ-C", "Idea", 300 * K, dict(strategic_alignment=5, benefit=3, risk=4, urgency=2, effort=5))):
            insert_row(pf, "projects", {"code": code, "name": f"Project {code[-1]}", "stage": stage,
                                        "approved_budget": cost})
            scoring.set_scores(pf, code, scores)
        today = date.today()
        gates.record_gate_review(pf, "PRJ-A", "G2", planned_date=today - timedelta(days=3))
        gates.record_gate_review(pf, "PRJ-B", "G3", planned_date=today + timedelta(days=2))
        lessons.add_lesson(pf, project="PRJ-B", category="Vendors", what_happened="Supplier late",
                           lesson="Book test environments early")
        lessons.add_lesson(pf, what_happened="Board papers late")
    return target


def _dump(path):
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("projects", "gate_reviews", "priority_scores", "lessons", "batches")]
    finally:
        conn.close()


def test_gates(path, capsys):
    code, out, err = run(capsys, "gates", path, "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert [(g["code"], g["gate"], g["days_overdue"]) for g in data["overdue"]] == [("PRJ-A", "G2", 3)]
    assert [(g["code"], g["gate"]) for g in data["due"]] == [("PRJ-B", "G3")]
    code, out, err = run(capsys, "gates", path)
    assert code == 0 and "Overdue: 1" in out and "(3 days late)" in out and "Due: 1" in out


def test_book_of_work_with_cap_and_export(path, tmp_path, capsys):
    out_file = tmp_path / "book.xlsx"
    code, out, err = run(capsys, "book-of-work", path, "--cap", "£700k", "--json", "-o", out_file)
    data = json.loads(out)
    assert code == 0 and err == ""
    # A 5.0 (£400k), B 3.85 (cum. £650k), C 3.75 (cum. £950k): a £700k cap funds A and B.
    assert [(r["code"], r["weighted_score"], r["cumulative_cost"], r["funded"]) for r in data["rows"]] == [
        ("PRJ-A", 5.0, 400 * K, True), ("PRJ-B", 3.85, 650 * K, True), ("PRJ-C", 3.75, 950 * K, False)]
    assert (data["cap"], data["funded_cost"], data["funded_count"]) == (700 * K, 650 * K, 2)
    assert [c.value for c in load_workbook(out_file).active["B"]][1:] == ["PRJ-A", "PRJ-B", "PRJ-C"]
    code, out, err = run(capsys, "book-of-work", path, "--cap", "700000")
    lines = out.splitlines()
    assert code == 0 and "funding line at £700,000" in lines[3] and "PRJ-C" in lines[4]
    assert "3 projects, total £950,000; 2 funded for £650,000" in out


def test_lessons(path, tmp_path, capsys):
    code, out, err = run(capsys, "lessons", path, "--search", "ENVIRONMENTS", "--json")
    data = json.loads(out)
    assert code == 0 and [r["ref"] for r in data["lessons"]] == ["L-001"]
    code, out, err = run(capsys, "lessons", path, "-o", tmp_path / "l.xlsx")
    assert code == 0 and "2 lessons" in out and (tmp_path / "l.xlsx").exists()
    ws = load_workbook(tmp_path / "l.xlsx").active
    ws["C2"] = "2026-07-01"
    ws.parent.save(tmp_path / "l2.xlsx")
    code, out, err = run(capsys, "lessons", path, "--import", tmp_path / "l2.xlsx", "--json")
    data = json.loads(out)
    assert code == 0 and data["imported"] == {"added": 0, "updated": 2}
    assert {r["date"] for r in data["lessons"]} == {"2026-07-01", None}


def test_advance_warns_then_keeps_the_reason(path, capsys):
    before = _dump(path)
    code, out, err = run(capsys, "advance", path, "PRJ-A")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "no Go at G2 (Planning → Execution)" in err and "give a reason" in err
    assert _dump(path) == before
    code, out, err = run(capsys, "advance", path, "PRJ-A", "--reason", "Sponsor signed off by email", "--json")
    data = json.loads(out)
    assert code == 0 and (data["from"], data["to"], data["without_go"]) == ("Planning", "Execution", True)
    conn = sqlite3.connect(path)
    label = conn.execute("SELECT label, source FROM batches WHERE id = ?", (data["batch"],)).fetchone()
    stage = conn.execute("SELECT stage FROM projects WHERE code = 'PRJ-A'").fetchone()[0]
    conn.close()
    assert label == ("Advance PRJ-A Planning → Execution without Go at G2: Sponsor signed off by email", "cli")
    assert stage == "Execution"


@pytest.mark.parametrize("argv, message", [
    (["advance", "{pf}", "PRJ-404", "--reason", "x"], "there is no project with code 'PRJ-404'"),
    (["book-of-work", "{pf}", "--cap", "lots"], "an amount looks like"),
    (["book-of-work", "{pf}", "--cap", "-5"], "an amount looks like"),
    (["book-of-work", "{pf}", "-o", "{tmp}/book.csv"], "must end in .xlsx"),
    (["book-of-work", "{pf}", "-o", "{tmp}/no/book.xlsx"], "does not exist"),
    (["lessons", "{pf}", "--project", "PRJ-404"], "no project with code 'PRJ-404'"),
    (["lessons", "{pf}", "--import", "{tmp}/missing.xlsx"], "does not exist"),
    (["gates", "{tmp}/missing.pmo"], "does not exist"),
])
def test_bad_input_is_one_line_exit_1_and_changes_nothing(path, tmp_path, capsys, argv, message):
    before = _dump(path)
    code, out, err = run(capsys, *[a.format(pf=path, tmp=tmp_path) for a in argv])
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert _dump(path) == before
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.csv"))
