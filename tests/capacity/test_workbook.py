"""People to and from Excel: formula-neutral export, round trip, a messy import sheet, bad rows."""

import json

import pytest
from openpyxl import Workbook, load_workbook

from pmo_desktop.capacity.model import CapacityInputError
from pmo_desktop.capacity.people import PersonRecord, save_people
from pmo_desktop.capacity.queries import load_people
from pmo_desktop.capacity.workbook import export_people, import_people
from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio


def sheet(path, rows, title="People"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_export_neutralises_formulas_and_round_trips(staffed, tmp_path):
    save_people(staffed, [PersonRecord.parse("=HYPERLINK(\"http://x\")", "@SUM(A1)", "+Team", 0.5, 100,
                                             "-Hacking:2")])
    out = tmp_path / "people.xlsx"
    counts = export_people(staffed, out)
    assert counts == {"people": 4, "non_working": 4, "allocations": 10}
    wb = load_workbook(out)
    ws = wb["People"]
    assert [c.value for c in ws[1]] == ["Name", "Role", "Team", "FTE", "Day rate", "Skills"]
    bad = next(r for r in ws.iter_rows(min_row=2) if "HYPERLINK" in r[0].value)
    assert bad[0].value.startswith("'=") and bad[0].data_type == "s"
    assert bad[1].value == "'@SUM(A1)" and bad[2].value == "'+Team" and bad[5].value == "'-Hacking:2"
    assert {ws.title for ws in wb.worksheets} == {"People", "Non-working", "Allocations"}
    alloc = [tuple(c.value for c in r) for r in wb["Allocations"].iter_rows(min_row=2)]
    assert ("PRJ-B", None, "Developer", "2026-12", 1.0) in alloc

    fresh = create_portfolio(tmp_path / "fresh2.pmo")
    try:
        result = import_people(fresh, out)
        assert len(result.added) == 4
        before = {p.name: (p.role, p.team, p.fte, p.day_rate, p.skills) for p in load_people(staffed)}
        after = {p.name: (p.role, p.team, p.fte, p.day_rate, p.skills) for p in load_people(fresh)}
        assert after == before
        assert after['=HYPERLINK("http://x")'][4] == {"-Hacking": 2}
        assert "+Team" in fresh.settings()["teams"]
    finally:
        fresh.close()


def test_import_messy_sheet_updates_and_adds_in_one_undo_step(staffed, tmp_path):
    path = sheet(tmp_path / "in.xlsx", [
        ["Resource list, Q4"],
        [],
        ["Full name", "Job title", "Team", "Capacity (FTE)", "Day rate", "Skills", "Notes"],
        ["ada", "Developer", "Engineering", "80%", "£650", "Python:5; Rust", "now part-time"],
        [None, None, None, None, None, None, None],
        ["Eve Ng", "Tester", "Quality", 1, 420, "Selenium:3", None],
        ["Total", None, None, 1.8, None, None, None],
    ])
    batches_before = staffed.last_batch_id()
    result = import_people(staffed, path)
    assert result.added == ["Eve Ng"] and result.updated == ["ada"] and result.new_teams == ["Quality"]
    people = {p.name: p for p in load_people(staffed)}
    assert people["Ada"].fte == 0.8 and people["Ada"].day_rate == 65_000
    assert people["Ada"].skills == {"Python": 5, "Rust": 3}
    assert people["Eve Ng"].team == "Quality" and "Quality" in staffed.settings()["teams"]
    assert staffed.last_batch_id() == batches_before + 1
    staffed.undo(result.batch_id)
    people = {p.name: p for p in load_people(staffed)}
    assert "Eve Ng" not in people and people["Ada"].fte == 1.0 and people["Ada"].skills == {"Python": 4, "SQL": 3}
    assert "Quality" not in staffed.settings()["teams"]


def test_import_with_bad_rows_changes_nothing(staffed, tmp_path, capsys):
    path = sheet(tmp_path / "bad.xlsx", [
        ["Name", "Role", "Team", "FTE", "Rate", "Skills"],
        ["Zed", "Developer", "Engineering", "abc", 500, "Python:4"],
        ["Uma", "Developer", "Engineering", 1, 500, "Python:7"],
        ["Xia", "Developer", "Engineering", 1.5, 500, ""],
        ["Val", "Tester", "Engineering", 1, 400, "SQL:2"],
        ["Wes", "Tester", "Engineering", 1, "cheap", ""],
        ["val", "Tester", "Engineering", 1, 500, ""],
    ])
    staffed.close()
    before = staffed.path.read_bytes()
    code = main(["people", str(staffed.path), "--import", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "5 rows with problems, nothing imported" in err
    assert "row 2: FTE must be a number, not 'abc'" in err and "row 3: level of skill 'Python'" in err
    assert "and 2 more" in err  # row 6: day rate 'cheap'; row 7: 'val' is also on row 5
    assert staffed.path.read_bytes() == before


@pytest.mark.parametrize("rows, message", [
    ([["Who", "What"], ["Ada", "Dev"]], "no header row with a 'Name' column"),
    ([["Name", "Role"]], "no people under it"),
    ([["Name", "Skills"], ["Ada", "Python:4; python:2"]], "listed twice"),
])
def test_import_sheet_problems(staffed, tmp_path, rows, message):
    with pytest.raises(CapacityInputError, match=message):
        import_people(staffed, sheet(tmp_path / "x.xlsx", rows))


def test_import_through_the_command(staffed, tmp_path, capsys):
    path = sheet(tmp_path / "in.xlsx", [["Name", "Role", "Team"], ["Fay", "Designer", "Studio"]])
    staffed.close()
    code = main(["people", str(staffed.path), "--import", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["added"] == ["Fay"] and json.loads(out)["new_teams"] == ["Studio"]


def test_import_leaves_alone_what_the_sheet_does_not_give(staffed, tmp_path):
    path = sheet(tmp_path / "skills.xlsx", [["Name", "Skills", "FTE"], ["Bob", "SQL:4", None]])
    result = import_people(staffed, path)
    assert result.updated == ["Bob"]
    bob = {p.name: p for p in load_people(staffed)}["Bob"]
    # no Role/Team/Day rate columns and a blank FTE: those stay as they were
    assert (bob.role, bob.team, bob.fte, bob.day_rate, bob.skills) == ("Tester", "Engineering", 0.6, 40_000, {"SQL": 4})
    path = sheet(tmp_path / "clear.xlsx", [["Name", "Team", "Day rate"], ["Bob", None, None]])
    import_people(staffed, path)
    bob = {p.name: p for p in load_people(staffed)}["Bob"]
    assert (bob.role, bob.team, bob.day_rate) == ("Tester", None, None)  # blank cells in given columns clear
