"""MS Project XML in and out: every sample imports, known samples give known plans, bad files are refused."""

from __future__ import annotations

import json

import pytest

from pmo_desktop.cli import main
from pmo_desktop.plans_io import PlanFileError, apply_plan, read_mspdi
from pmo_desktop.store import open_portfolio


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_mspdi_sample_imports(samples, portfolio, capsys):
    path = portfolio.path
    portfolio.close()
    files = sorted((samples / "mspdi").glob("*.xml"))
    assert len(files) >= 12
    for f in files:
        code, out, err = run(capsys, "import-plan", path, f, "--json")
        assert code == 0, f"{f.name}: {err}"
        result = json.loads(out)
        assert result["created"] and result["tasks"] == result["plan"]["tasks"]
    with open_portfolio(path) as pf:
        assert pf.conn.execute("SELECT count(*) FROM projects").fetchone()[0] == len(files)


def test_legacy_sample_outline_links_constraints_and_owners(samples):
    plan = read_mspdi(samples / "mspdi" / "mpxj_legacy_sample.xml")
    kinds = [t.kind for t in plan.tasks]
    assert len(plan.tasks) == 19 and kinds.count("summary") == 3 and kinds.count("milestone") == 1
    by_name = {t.name: t for t in plan.tasks}
    assert by_name["Second Task"].parent_key == by_name["First Task"].key
    assert by_name["Second Task"].owner == "First Resource, Second Resource"
    assert by_name["Related Task 3.2" if "Related Task 3.2" in by_name else "Related Task 1b"].wbs == "3.2"
    assert (by_name["Related Task 6a"].constraint_type, str(by_name["Related Task 6a"].constraint_date)) == (
        "SNET", "2003-01-08")
    # LinkLag is in tenths of minutes: 4800 = one 8-hour day; Type 0 FF, 1 FS, 2 SF, 3 SS.
    names = {t.key: t.name for t in plan.tasks}
    links = {(names[lk.predecessor_key], names[lk.successor_key]): (lk.type, lk.lag_days) for lk in plan.links}
    assert links == {
        ("Related Task 1a", "Related Task 1b"): ("FS", 0), ("Related Task 2a", "Related Task 2b"): ("FS", 1),
        ("Related Task 3a", "Related Task 3b"): ("FS", -1), ("Related Task 4a", "Related Task 4b"): ("SS", 0),
        ("Related Task 5a", "Related Task 5b"): ("FF", 0), ("Related Task 6a", "Related Task 6b"): ("SF", 0)}
    # Finish 2003-01-08T08:00 is the end of the 7th in whole days.
    assert (str(by_name["Related Task 6b"].start), str(by_name["Related Task 6b"].finish)) == (
        "2003-01-07", "2003-01-07")


def test_known_sample_sizes(samples):
    sizes = {"aiglondore_planning.xml": (15, 12), "ganttproject_issue1520.xml": (0, 0),
             "ganttproject_issue2659.xml": (1, 0), "jeissonromero_cronograma.xml": (39, 0),
             "mpxj_timephased.xml": (40, 0), "mpxj_resources.xml": (3, 1)}
    for name, (tasks, links) in sizes.items():
        plan = read_mspdi(samples / "mspdi" / name)
        assert (len(plan.tasks), len(plan.links)) == (tasks, links), name


def test_baselines_percent_complete_and_project_2003_holidays(samples):
    plan = read_mspdi(samples / "mspdi" / "mpxj_baselines.xml")  # numbered baselines 1-10, no baseline 0
    assert str(plan.tasks[0].baseline_start) == "2001-01-01"  # the lowest numbered one is used
    timephased = read_mspdi(samples / "mspdi" / "mpxj_timephased.xml")
    assert {t.percent_complete for t in timephased.tasks} >= {0.0, 50.0, 100.0}
    holidays = read_mspdi(samples / "mspdi" / "ganttproject_test_holidays.xml").calendar
    assert holidays.working_days == "1111100"
    assert [str(d) for d, (working, _) in sorted(holidays.exceptions.items()) if not working][:2] == [
        "2010-09-16", "2010-09-23"]


def test_round_trip_keeps_tasks_links_and_dates(samples, portfolio, tmp_path, capsys):
    path = portfolio.path
    portfolio.close()
    for sample in ("mpxj_legacy_sample.xml", "aiglondore_planning.xml", "mpxj_timephased.xml"):
        code, out, _ = run(capsys, "import-plan", path, samples / "mspdi" / sample, "--json")
        first = json.loads(out)["project"]
        out_file = tmp_path / f"{first}.xml"
        assert run(capsys, "export-plan", path, out_file, "--project", first)[0] == 0
        code, out, _ = run(capsys, "import-plan", path, out_file, "--json")
        second = json.loads(out)["project"]
        with open_portfolio(path) as pf:
            assert _plan_of(pf, first) == _plan_of(pf, second)
        for code in (first, second):  # and our engine agrees with the dates on both sides
            _, out, _ = run(capsys, "schedule", path, "--project", code, "--json")
            assert json.loads(out)["changed"] == 0


def test_tasks_on_resource_calendars_keep_their_own_days(samples):
    plan = read_mspdi(samples / "mspdi" / "mpxj_timephased.xml")
    night = next(t for t in plan.tasks if t.name == "Task 1 - Night Shift")
    day = next(t for t in plan.tasks if t.name == "Task 1 - 24 Hour")
    assert plan.calendars[night.calendar_key].working_days == "1111110"  # Night Shift works Saturdays
    assert plan.calendars[day.calendar_key].working_days == "1111111"
    assert (str(day.start), str(day.finish)) == ("2008-11-20", "2008-11-23")  # ends on a Sunday
    assert next(t for t in plan.tasks if t.name == "Task 1").calendar_key is None


def _plan_of(pf, code):
    tasks = pf.conn.execute(
        """SELECT t.name, t.kind, t.start_date, t.finish_date, t.duration_days, p2.name, t.owner,
                  t.baseline_start, t.baseline_finish, t.percent_complete
           FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN tasks p2 ON p2.id = t.parent_id
           WHERE p.code = ? ORDER BY t.sort_order""", (code,)).fetchall()
    links = pf.conn.execute(
        """SELECT a.name, b.name, d.type, d.lag_days FROM dependencies d JOIN tasks a ON a.id = d.predecessor_id
           JOIN tasks b ON b.id = d.successor_id JOIN projects p ON p.id = a.project_id WHERE p.code = ?
           ORDER BY a.name, b.name""", (code,)).fetchall()
    return tasks, links


def test_import_into_an_existing_project_replaces_its_plan_in_one_undo_step(samples, demo):
    before = demo.conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    plan = read_mspdi(samples / "mspdi" / "mpxj_legacy_sample.xml")
    result = apply_plan(demo, plan, "PRJ-101" if _has(demo, "PRJ-101") else _first_code(demo))
    assert not result.created and result.replaced_tasks == 15 and result.tasks == 19
    assert demo.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == before - 15 + 19
    demo.undo(result.batch_id)
    assert demo.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == before


def _has(pf, code):
    return pf.conn.execute("SELECT 1 FROM projects WHERE code = ?", (code,)).fetchone() is not None


def _first_code(pf):
    return pf.conn.execute("SELECT code FROM projects ORDER BY code LIMIT 1").fetchone()[0]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol3;</Name></Project>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>"""


@pytest.mark.parametrize(("content", "message"), [
    (BILLION_LAUGHS, "refused for safety"),
    (EXTERNAL, "refused for safety"),
    ("this is not xml at all", "not a readable XML file"),
    ("<Project><Tasks><Task><UID>1</UID>", "not a readable XML file"),
    ('<?xml version="1.0"?><workbook><sheet/></workbook>', "not a Microsoft Project XML file"),
    ("", "is empty"),
    (b"PK\x03\x04\x00\x00binary", "not a readable XML file"),
])
def test_bad_files_are_one_line_errors_and_change_nothing(portfolio, tmp_path, capsys, content, message):
    bad = tmp_path / "plan.xml"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(PlanFileError, match=message):
        read_mspdi(bad)
    path = portfolio.path
    counts = portfolio.counts()
    portfolio.close()
    code, out, err = run(capsys, "import-plan", path, bad)
    assert code == 1 and out == "" and err.count("\n") == 1 and message in err
    with open_portfolio(path) as pf:
        assert pf.counts() == counts


def test_missing_plan_file_and_bad_export_name(portfolio, tmp_path, capsys):
    path = portfolio.path
    portfolio.close()
    code, _, err = run(capsys, "import-plan", path, tmp_path / "nope.xml")
    assert code == 1 and "does not exist" in err
    code, _, err = run(capsys, "export-plan", path, tmp_path / "out.xlsx", "--project", "X")
    assert code == 1 and ".xml" in err
    code, _, err = run(capsys, "export-plan", path, tmp_path / "out.xml", "--project", "X")
    assert code == 1 and "no project with code 'X'" in err and not (tmp_path / "out.xml").exists()
