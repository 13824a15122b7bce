"""GanttProject files: every sample imports; dependencies, nesting, milestones, baselines, custom columns."""

from __future__ import annotations

import json

import pytest

from pmo_desktop.cli import main
from pmo_desktop.plans_io import PlanFileError, read_gan, read_mspdi
from pmo_desktop.store import open_portfolio


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_gan_sample_imports(samples, portfolio, capsys):
    path = portfolio.path
    portfolio.close()
    files = sorted((samples / "gan").glob("*.gan"))
    assert len(files) >= 11
    for f in files:
        code, out, err = run(capsys, "import-plan", path, f, "--json")
        assert code == 0, f"{f.name}: {err}"
    code, out, err = run(capsys, "schedule", path, "--json")
    assert code == 0, err
    # Our engine agrees with GanttProject's own dates, milestones included (kept on the next morning).
    assert json.loads(out)["changed"] == 0


def test_dependency_types_and_lags(samples):
    plan = read_gan(samples / "gan" / "blyoa_task_with_dependencies.gan")
    names = {t.key: t.name for t in plan.tasks}
    assert [(names[lk.predecessor_key], names[lk.successor_key], lk.type, lk.lag_days) for lk in plan.links] == [
        ("task A", "task B", "SS", 0), ("task B", "task C", "FS", 0), ("task C", "task D", "FF", -1),
        ("task D", "task E", "SF", 0)]
    # task C starts Friday 2024-01-05 and lasts 2 working days: Monday 8th.
    c = next(t for t in plan.tasks if t.name == "task C")
    assert (str(c.start), str(c.finish), c.duration_days) == ("2024-01-05", "2024-01-08", 2)


def test_nesting_baseline_and_custom_properties(samples, portfolio):
    plan = read_gan(samples / "gan" / "blyoa_baseline_with_subtasks.gan")
    parent, child = plan.tasks
    assert parent.kind == "summary" and child.parent_key == parent.key
    assert (str(child.baseline_start), str(child.baseline_finish)) == ("2024-01-04", "2024-01-05")
    custom = read_gan(samples / "gan" / "blyoa_task_with_custom_properties.gan")
    assert custom.tasks[0].properties == {"Sample property": "value for test"}
    from pmo_desktop.plans_io import apply_plan

    result = apply_plan(portfolio, custom)
    assert portfolio.conn.execute(
        "SELECT name, value FROM task_properties WHERE task_id IN (SELECT id FROM tasks WHERE project_id = ?)",
        (result.project_id,)).fetchall() == [("Sample property", "value for test")]


def test_house_sample_milestones_owners_and_holidays(samples):
    plan = read_gan(samples / "gan" / "ganttproject_house_building_sample.gan")
    kinds = [t.kind for t in plan.tasks]
    assert (len(plan.tasks), len(plan.links), kinds.count("milestone"), kinds.count("summary")) == (20, 17, 4, 4)
    draft = next(t for t in plan.tasks if t.name == "Create draft of architecture")
    assert draft.owner == "Michelangelo, Jack House" and draft.properties == {"Is done": "true"}
    assert plan.calendar.exceptions  # the bundled holiday


def test_same_plan_in_both_formats_agrees(samples):
    gan = read_gan(samples / "gan" / "aiglondore_planning.gan")
    xml = read_mspdi(samples / "mspdi" / "aiglondore_planning.xml")
    assert sorted((t.name, str(t.start), str(t.finish)) for t in gan.tasks) == sorted(
        (t.name, str(t.start), str(t.finish)) for t in xml.tasks)
    assert len(gan.links) == len(xml.links) == 12


@pytest.mark.parametrize(("content", "message"), [
    ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><project name="&a;"/>', "refused for safety"),
    ("<project><tasks>", "not a readable XML file"),
    ('<Project xmlns="http://schemas.microsoft.com/project"/>', "not a GanttProject file"),
])
def test_bad_gan_files(tmp_path, portfolio, capsys, content, message):
    bad = tmp_path / "plan.gan"
    bad.write_text(content)
    with pytest.raises(PlanFileError, match=message):
        read_gan(bad)
    path = portfolio.path
    portfolio.close()
    code, out, err = run(capsys, "import-plan", path, bad, "--json")
    assert code == 1 and out == "" and message in err
    with open_portfolio(path) as pf:
        assert pf.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0


def test_unknown_extension(tmp_path, portfolio, capsys):
    other = tmp_path / "plan.mpp"
    other.write_bytes(b"\xd0\xcf\x11\xe0")
    path = portfolio.path
    portfolio.close()
    code, _, err = run(capsys, "import-plan", path, other)
    assert code == 1 and ".xml" in err and ".gan" in err
