"""`pmo capacity`, `pmo who`, `pmo labour`, `pmo people` through the command's public face."""

import hashlib
import json

import pytest

from pmo_desktop.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def path(staffed):
    staffed.close()
    return staffed.path


def test_capacity_json(path, capsys):
    code, out, err = run(capsys, "capacity", path, "--from", "2026-11", "--to", "2026-12", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["people"] == 3 and list(data["teams"]) == ["Data", "Engineering"]
    eng = data["teams"]["Engineering"]
    assert [c["month"] for c in eng] == ["2026-11", "2026-12"]
    assert eng[0]["capacity_days"] == 28.6 and eng[0]["allocated_days"] == 29.4 and eng[0]["band"] == "over"
    assert [(o["person"], o["month"], o["excess_days"]) for o in data["over_allocations"]] == [
        ("Ada", "2026-11", 5.0), ("Ada", "2026-12", 2.1)]


def test_capacity_text_and_team(path, capsys):
    code, out, err = run(capsys, "capacity", path, "--from", "2026-11", "--to", "2026-12", "--team", "ENGINEERING")
    assert code == 0
    assert "Engineering" in out and "Data " not in out
    assert "103% O" in out  # 29.4 / 28.6
    assert "2 over-allocated person-months" in out and "Ada (Engineering): 21 days on 16 available" in out


def test_who_json(path, capsys):
    code, out, err = run(capsys, "who", path, "--skill", "python", "--from", "2026-11", "--to", "2026-11",
                         "--fte", "0.15", "--json")
    assert code == 0
    data = json.loads(out)
    assert [(p["person"], p["level"], p["min_free_fte"]) for p in data["people"]] == [("Bob", 2, 0.2), ("Cleo", 5, 0.19)]
    code, out, err = run(capsys, "who", path, "--skill", "Python", "--level", "3", "--from", "2026-11",
                         "--to", "2026-11", "--fte", "0.15")
    assert code == 0 and "1 people with Python at level 3+" in out and "Cleo" in out and "Bob" not in out


def test_labour_json(path, capsys):
    code, out, err = run(capsys, "labour", path, "--from", "2026-11", "--to", "2026-12", "--project", "prj-a", "--json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert [(r["month"], r["allocation_cost"], r["budget_planned"], r["difference"]) for r in rows] == [
        ("2026-11", 966_000, 1_000_000, -34_000), ("2026-12", 21 * 60_000 + 10.5 * 40_000, None, None)]
    code, out, err = run(capsys, "labour", path, "--from", "2026-12", "--to", "2026-12")
    assert code == 0 and "+£1,510" in out and "(+21 unstaffed days)" in out


def digest(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("argv, message", [
    (["capacity", "{f}", "--from", "2026-13"], "not a real month"),
    (["capacity", "{f}", "--from", "Nov 2026"], "must look like YYYY-MM"),
    (["capacity", "{f}", "--from", "2026-12", "--to", "2026-11"], "ends (2026-11) before it starts"),
    (["capacity", "{f}", "--from", "2020-01", "--to", "2035-01"], "too long"),
    (["capacity", "{f}", "--team", "Nobody"], "no one is in team 'Nobody'"),
    (["capacity", "{d}/missing.pmo"], "does not exist"),
    (["who", "{f}", "--skill", "Cobol"], "no one has the skill 'Cobol'"),
    (["who", "{f}", "--skill", "Python", "--level", "7"], "--level must be a whole number from 1 to 5"),
    (["who", "{f}", "--skill", "Python", "--fte", "2"], "--fte must be between 0 and 1"),
    (["who", "{f}", "--skill", "Python", "--fte", "lots"], "--fte must be a number"),
    (["labour", "{f}", "--project", "NOPE"], "no project with code 'NOPE'"),
    (["people", "{f}", "--export", "{d}/nofolder/out.xlsx"], "does not exist"),
    (["people", "{f}", "--export", "{d}/out.csv"], "must be an .xlsx file"),
    (["people", "{f}", "--import", "{d}/text.xlsx"], "is not an Excel workbook"),
    (["people", "{f}", "--import", "{d}/absent.xlsx"], "does not exist"),
])
def test_bad_input_is_one_line_exit_1_and_changes_nothing(path, tmp_path, capsys, argv, message):
    (tmp_path / "text.xlsx").write_text("this is not a workbook")
    before = digest(path)
    code, out, err = run(capsys, *[a.format(f=path, d=tmp_path) for a in argv])
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert digest(path) == before
    assert not (tmp_path / "out.csv").exists()


def test_people_list_and_export(path, tmp_path, capsys):
    code, out, err = run(capsys, "people", path, "--json")
    assert code == 0
    assert json.loads(out)["people"][0] == {"name": "Cleo", "role": "Data Engineer", "team": "Data", "fte": 1.0,
                                            "day_rate": 50_000, "skills": "Python:5; SQL:4"}
    code, out, err = run(capsys, "people", path, "--export", tmp_path / "people.xlsx")
    assert code == 0 and "3 people, 10 allocations" in out
