"""`pmo summary` carries the capacity block: utilisation per team per month and over-allocations,
checked against the hand-worked figures of tests/capacity/tiny.py."""

import json

import pytest

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio
from tests.capacity import tiny


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tiny_path(tmp_path):
    return tiny.make(tmp_path / "tiny.pmo")


def test_summary_json_has_the_capacity_block(tiny_path, capsys):
    code, out, err = run(capsys, "summary", tiny_path, "--json")
    assert code == 0 and err == ""
    c = json.loads(out)["capacity"]
    assert (c["from"], c["to"], c["people"]) == ("2026-11", "2027-04", 3)
    eng, data = c["teams"]["Engineering"], c["teams"]["Data"]
    assert [m["month"] for m in eng] == ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"]
    assert (eng[0]["capacity_days"], eng[0]["allocated_days"], eng[0]["utilisation_pct"]) == (31.5, 30.45, 96.7)
    assert eng[0]["band"] == "full" and eng[0]["capacity_fte"] == 1.5
    assert (eng[1]["capacity_days"], eng[1]["allocated_days"], eng[1]["utilisation_pct"]) == (34.5, 0, 0)
    assert (data[0]["capacity_days"], data[0]["allocated_days"], data[0]["utilisation_pct"]) == (16, 16.8, 105.0)
    assert data[0]["band"] == "over"
    assert c["over_allocation_count"] == 2 and c["people_over_allocated"] == 2
    ann, cat = c["over_allocations"]
    assert (ann["person"], ann["month"], ann["excess_days"], ann["utilisation_pct"]) == ("Ann", "2026-11", 4.2, 120.0)
    assert ann["projects"] == [{"project": "PRJ-A", "days": 25.2}]
    assert (cat["person"], cat["excess_days"], cat["capacity_days"]) == ("Cat", 0.8, 16)
    assert c["unstaffed_days"] == 11.5
    assert c["demand_by_role"]["Tester"][1]["allocated_days"] == 11.5


def test_summary_text_has_the_capacity_block(tiny_path, capsys):
    code, out, err = run(capsys, "summary", tiny_path)
    assert code == 0 and err == ""
    assert ("Capacity 2026-11 to 2027-04: 3 people; 2 over-allocations (2 people); "
            "unstaffed demand 11.5 days") in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith(("Data ", "Engineering "))}
    assert rows["Engineering"] == ["97%", "0%", "0%", "0%", "0%", "0%"]
    assert rows["Data"] == ["105%", "0%", "0%", "0%", "0%", "0%"]
    assert "2026-11  Ann (Engineering)" in out and "25.2 / 21.0 (+4.2)  PRJ-A 25.2" in out
    assert "2026-11  Cat (Data)" in out and "16.8 / 16.0 (+0.8)  PRJ-B 16.8" in out


def test_summary_of_a_portfolio_without_people(tmp_path, capsys):
    path = tmp_path / "nobody.pmo"

    def populate(pf):
        with pf.batch("cli", "Set up"):
            a = pf.db["projects"].insert({"code": "PRJ-A", "name": "Alpha"}).last_pk
            pf.db["status_reports"].insert({"project_id": a, "period": tiny.PERIOD, "rag_overall": "A"})

    create_portfolio(path, populate=populate).close()
    code, out, err = run(capsys, "summary", path, "--period", tiny.PERIOD)
    assert code == 0 and err == ""
    assert "Capacity 2026-11 to 2027-04: 0 people; 0 over-allocations" in out
    assert "No people are recorded" in out
    _, out, _ = run(capsys, "summary", path, "--period", tiny.PERIOD, "--json")
    c = json.loads(out)["capacity"]
    assert c["people"] == 0 and c["teams"] == {} and c["over_allocations"] == []


def test_bad_capacity_setting_is_one_line_and_changes_nothing(tiny_path, capsys):
    with open_portfolio(tiny_path) as pf:
        pf.set_settings({"allocation_unit": "weeks"})
    before = tiny_path.read_bytes()
    code, out, err = run(capsys, "summary", tiny_path)
    assert code == 1 and out == ""
    assert err.startswith("pmo: capacity figures:") and "'weeks'" in err and err.count("\n") == 1
    assert tiny_path.read_bytes() == before
