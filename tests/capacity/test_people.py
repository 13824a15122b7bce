"""Writing people, spells and allocations: checked values, one undo step each."""

import pytest

from pmo_desktop.capacity.model import CapacityInputError, parse_month, parse_rate, parse_skills
from pmo_desktop.capacity.people import PersonRecord, add_non_working, save_people, set_allocation
from pmo_desktop.capacity.queries import capacity_grid, load_people


def allocations(pf):
    return pf.conn.execute("SELECT person_id, role, project_id, month, amount FROM allocations "
                           "WHERE month = '2026-11-01' ORDER BY id").fetchall()


def test_set_allocation_upserts_removes_and_undoes(staffed):
    before = allocations(staffed)
    last = staffed.last_batch_id()
    set_allocation(staffed, "PRJ-A", "2026-11", 0.7, person="ada")
    assert (1, None, 1, "2026-11-01", 0.7) in allocations(staffed)
    assert len(allocations(staffed)) == len(before)  # changed in place, not added
    set_allocation(staffed, "PRJ-A", "2026-11", 0, person="Ada")
    assert all(not (r[0] == 1 and r[2] == 1) for r in allocations(staffed))
    staffed.undo(last + 2)
    staffed.undo(last + 1)
    assert allocations(staffed) == before


def test_spells_and_people_undo(staffed):
    batch_before = staffed.last_batch_id()
    add_non_working(staffed, "Bob", "2026-11-02", "2026-11-03")
    result = save_people(staffed, [PersonRecord.parse("Dan", "Developer", "Engineering", 1, None, "Go:3")])
    assert result.added == ["Dan"]
    staffed.undo(result.batch_id)
    staffed.undo(batch_before + 1)
    assert {p.name for p in load_people(staffed)} == {"Ada", "Bob", "Cleo"}
    assert staffed.conn.execute("SELECT count(*) FROM non_working").fetchone()[0] == 4


@pytest.mark.parametrize("call, message", [
    (lambda pf: set_allocation(pf, "PRJ-A", "2026-11", 0.5), "either a person or a role"),
    (lambda pf: set_allocation(pf, "PRJ-A", "2026-11", 0.5, person="Zed"), "no person called 'Zed'"),
    (lambda pf: set_allocation(pf, "PRJ-A", "2026-11", -1, person="Ada"), "zero or more"),
    (lambda pf: set_allocation(pf, "PRJ-A", "2026-11", 9, person="Ada"), "not believable"),
    (lambda pf: set_allocation(pf, "PRJ-A", "11/2026", 0.5, person="Ada"), "YYYY-MM"),
    (lambda pf: add_non_working(pf, "Ada", "2026-11-05", "2026-11-01"), r"ends \(2026-11-01\) before"),
    (lambda pf: add_non_working(pf, "Ada", "2026-11-01", "2026-11-05", kind="sabbatical"), "kind must be"),
    (lambda pf: add_non_working(pf, "Ada", "2026-11-01", "2026-11-05", fraction=0), "more than 0"),
    (lambda pf: save_people(pf, [PersonRecord.parse("Eve"), PersonRecord.parse("eve")]), "appears twice"),
])
def test_bad_values_are_refused_and_change_nothing(staffed, call, message):
    batch = staffed.last_batch_id()
    with pytest.raises(CapacityInputError, match=message):
        call(staffed)
    assert staffed.last_batch_id() == batch


def test_settings_the_maths_depends_on_are_checked(staffed):
    from datetime import date

    staffed.set_settings({"allocation_unit": "days"})
    with pytest.raises(CapacityInputError, match="allocation_unit setting must be 'fte' or 'hours'"):
        capacity_grid(staffed, date(2026, 11, 1), date(2026, 11, 1))


def test_parsers():
    assert parse_skills("Python:4; SQL:3;;  Data  modelling : 2") == {"Python": 4, "SQL": 3, "Data modelling": 2}
    assert parse_skills("Excel") == {"Excel": 3}
    assert parse_rate("£1,250.50") == 125_050 and parse_rate("") is None
    assert parse_month("2026-02-01").isoformat() == "2026-02-01"
    with pytest.raises(CapacityInputError, match="not a real date"):
        parse_month("2026-02-30")


def test_deleting_a_person_takes_their_skills_spells_and_allocations_and_undo_brings_them_back(staffed):
    from pmo_desktop.store.rows import delete_rows

    def count(table):
        return staffed.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    before = {t: count(t) for t in ("people", "person_skills", "non_working", "allocations")}
    with staffed.batch("ui", "Delete Cleo") as batch_id:
        delete_rows(staffed, "people", [3])
    assert {t: count(t) for t in before} == {"people": 2, "person_skills": 3, "non_working": 2, "allocations": 8}
    staffed.undo(batch_id)
    assert {t: count(t) for t in before} == before
