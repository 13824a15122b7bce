"""Allocations derived from plan assignments when a plan is imported (hand-made MSPDI and .gan files,
into the staffed portfolio of tests/capacity/tiny.py, whose capacity calendar is Monday-Friday:
November 2026 has 21 working days, December 2026 has 23)."""

from __future__ import annotations

import json

import pytest

from pmo_desktop.capacity.people import set_allocation
from pmo_desktop.cli import main
from pmo_desktop.plans_io import read_gan, read_mspdi
from pmo_desktop.store import open_portfolio
from tests.capacity import tiny

# "Build" runs Monday 23 November to Friday 4 December 2026: 6 working days in November, 4 in December.
# Ann has 80 h of work on it (10 days of 8 h: 1 a day); Ben is at 50% units with no work given; Zed is not
# a person in the portfolio; Concrete is a material resource; the milestone's assignment carries no work.
MSPDI = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
 <Title>Rollout</Title><StartDate>2026-11-23T08:00:00</StartDate><CalendarUID>1</CalendarUID>
 <MinutesPerDay>480</MinutesPerDay>
 <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
  <WeekDays>
   <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
   <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
  </WeekDays></Calendar></Calendars>
 <Tasks>
  <Task><UID>1</UID><ID>1</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Start>2026-11-23T08:00:00</Start>
   <Finish>2026-12-04T17:00:00</Finish><Duration>PT80H0M0S</Duration></Task>
  <Task><UID>2</UID><ID>2</ID><Name>Go live</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone>
   <Start>2026-12-04T17:00:00</Start><Finish>2026-12-04T17:00:00</Finish><Duration>PT0H0M0S</Duration></Task>
 </Tasks>
 <Resources>
  <Resource><UID>1</UID><Name>ann</Name><Type>1</Type></Resource>
  <Resource><UID>2</UID><Name>Ben</Name><Type>1</Type></Resource>
  <Resource><UID>3</UID><Name>Zed</Name><Type>1</Type></Resource>
  <Resource><UID>4</UID><Name>Concrete</Name><Type>0</Type></Resource>
 </Resources>
 <Assignments>
  <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units><Work>PT80H0M0S</Work></Assignment>
  <Assignment><UID>2</UID><TaskUID>1</TaskUID><ResourceUID>2</ResourceUID><Units>0.5</Units></Assignment>
  <Assignment><UID>3</UID><TaskUID>1</TaskUID><ResourceUID>3</ResourceUID><Units>1</Units></Assignment>
  <Assignment><UID>4</UID><TaskUID>1</TaskUID><ResourceUID>4</ResourceUID><Units>3</Units></Assignment>
  <Assignment><UID>5</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment>
 </Assignments>
</Project>"""

# "Design": Monday 2 November 2026 for 10 working days (to 13 November), Cat at 50% load: 5 person-days.
GAN = """<?xml version="1.0" encoding="UTF-8"?>
<project name="Discovery" version="3.0">
 <calendars><day-types><day-type id="0"/><day-type id="1"/>
  <default-week id="1" name="default" sun="1" mon="0" tue="0" wed="0" thu="0" fri="0" sat="1"/></day-types></calendars>
 <tasks><task id="1" name="Design" start="2026-11-02" duration="10" complete="0"/></tasks>
 <resources><resource id="0" name="Cat" function="Default:0"/></resources>
 <allocations><allocation task-id="1" resource-id="0" function="Default:0" responsible="true" load="50.0"/></allocations>
</project>"""


@pytest.fixture
def tiny_path(tmp_path):
    return tiny.make(tmp_path / "tiny.pmo")


@pytest.fixture
def mspdi(tmp_path):
    path = tmp_path / "rollout.xml"
    path.write_text(MSPDI, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def allocations(path, code):
    with open_portfolio(path, read_only=True) as pf:
        return {(r[0], r[1]): (round(r[2], 6), r[3]) for r in pf.conn.execute(
            """SELECT pe.name, a.month, a.amount, a.note FROM allocations a JOIN people pe ON pe.id = a.person_id
               JOIN projects p ON p.id = a.project_id WHERE p.code = ?""", (code,))}


def test_readers_keep_work_resource_assignments(mspdi, tmp_path):
    plan = read_mspdi(mspdi)
    got = [(a.task_key, a.resource, a.units, a.work_days) for a in plan.assignments]
    assert got == [("1", "ann", 1.0, 10.0), ("1", "Ben", 0.5, None), ("1", "Zed", 1.0, None), ("2", "ann", 1.0, None)]
    gan = tmp_path / "d.gan"
    gan.write_text(GAN, encoding="utf-8")
    assert [(a.task_key, a.resource, a.units) for a in read_gan(gan).assignments] == [("1", "Cat", 0.5)]


def test_mspdi_import_creates_allocations_in_the_same_batch(tiny_path, mspdi, capsys):
    code, out, err = run(capsys, "import-plan", tiny_path, mspdi, "--json")
    assert code == 0 and err == ""
    payload = json.loads(out)
    derived = payload["allocations"]
    assert derived["allocations"] == 4 and derived["people"] == ["Ann", "Ben"] and derived["person_days"] == 15
    assert derived["warnings"] == ["not in People, so not allocated: Zed"]
    assert payload["plan"]["assignments"] == 4
    # Ann: 1 day a day -> 6/21 FTE in November, 4/23 in December; Ben: half a day a day -> 3/21, 2/23.
    assert allocations(tiny_path, payload["project"]) == {
        ("Ann", "2026-11-01"): (round(6 / 21, 6), "From plan"), ("Ann", "2026-12-01"): (round(4 / 23, 6), "From plan"),
        ("Ben", "2026-11-01"): (round(3 / 21, 6), "From plan"), ("Ben", "2026-12-01"): (round(2 / 23, 6), "From plan"),
    }
    with open_portfolio(tiny_path) as pf:
        batches = {r[0] for r in pf.conn.execute(
            "SELECT DISTINCT batch_id FROM change_log WHERE tbl IN ('allocations', 'tasks', 'projects') "
            "AND batch_id >= ?", (payload["batch"],))}
        assert batches == {payload["batch"]}  # one undo step
        pf.undo(payload["batch"])
    assert allocations(tiny_path, payload["project"]) == {}


def test_capacity_counts_the_plan_days_back(tiny_path, mspdi, capsys):
    from datetime import date

    from pmo_desktop.capacity import capacity_grid

    assert run(capsys, "import-plan", tiny_path, mspdi)[0] == 0
    with open_portfolio(tiny_path, read_only=True) as pf:
        grid = capacity_grid(pf, date(2026, 11, 1), date(2026, 12, 1))
    row = grid.row_of(next(p.id for p in grid.people if p.name == "Ann"))
    # Ann already had 1.2 FTE of PRJ-A in November (25.2 days); the plan adds 6 and 4 days.
    assert grid.allocated[row] == pytest.approx([25.2 + 6, 4])


def test_reimport_replaces_plan_allocations_and_keeps_hand_ones(tiny_path, mspdi, capsys):
    code, out, _ = run(capsys, "import-plan", tiny_path, mspdi, "--json")
    project = json.loads(out)["project"]
    with open_portfolio(tiny_path) as pf:
        set_allocation(pf, project, "2026-12", 0.5, person="Ben")  # typed over by hand in the grid
    code, out, err = run(capsys, "import-plan", tiny_path, mspdi, "--project", project)
    assert code == 0 and err == ""
    assert "Allocations from assignments: 3 person-months for Ann, Ben (13.0 person-days); replaced 3" in out
    assert "kept the allocations entered by hand for Ben 2026-12" in out
    got = allocations(tiny_path, project)
    assert got[("Ben", "2026-12-01")] == (0.5, None) and len(got) == 4


def test_hours_unit(tiny_path, mspdi, capsys):
    with open_portfolio(tiny_path) as pf:
        pf.set_settings({"allocation_unit": "hours", "hours_per_day": 7.5})
    code, out, _ = run(capsys, "import-plan", tiny_path, mspdi, "--json")
    project = json.loads(out)["project"]
    got = allocations(tiny_path, project)
    assert got[("Ann", "2026-11-01")][0] == 45.0 and got[("Ben", "2026-12-01")][0] == 15.0


def test_gan_import_through_pmo_import(tiny_path, tmp_path, capsys):
    gan = tmp_path / "discovery.gan"
    gan.write_text(GAN, encoding="utf-8")
    code, out, err = run(capsys, "import", tiny_path, gan)
    assert code == 0 and err == ""
    assert "Allocations from assignments: 1 person-months for Cat (5.0 person-days)" in out
    with open_portfolio(tiny_path, read_only=True) as pf:
        project = pf.conn.execute("SELECT code FROM projects WHERE name = 'Discovery'").fetchone()[0]
    assert allocations(tiny_path, project) == {("Cat", "2026-11-01"): (round(5 / 21, 6), "From plan")}


def test_bad_plan_writes_nothing(tiny_path, tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text(MSPDI.replace("</Project>", ""), encoding="utf-8")
    before = tiny_path.read_bytes()
    code, out, err = run(capsys, "import-plan", tiny_path, bad)
    assert code == 1 and err.startswith("pmo: ") and err.count("\n") == 1
    assert tiny_path.read_bytes() == before
