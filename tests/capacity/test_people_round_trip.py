"""The people workbook re-imports the same people, whatever their names look like."""

from __future__ import annotations

from pmo_desktop.capacity.people import PersonRecord, save_people
from pmo_desktop.capacity.workbook import export_people, import_people

NAMES = ["'=Already Quoted", "'+44 Desk", "=Bob", "+Plus", "-Ann", "@Kim", "O'Brien", "'Quoted", "'-x",
         "Zoë _x0041_ Smith", "Lee 李"]


def test_people_with_any_name_come_back_as_the_same_people(portfolio, tmp_path):
    save_people(portfolio, [PersonRecord.parse(name, "Developer", "Delivery", 1, 500) for name in NAMES])
    before = sorted(r[0] for r in portfolio.conn.execute("SELECT name FROM people"))
    assert before == sorted(NAMES)
    out = tmp_path / "people.xlsx"
    export_people(portfolio, out)
    result = import_people(portfolio, out)
    assert result.added == [] and result.updated == [] and sorted(result.unchanged) == before
