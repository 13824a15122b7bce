"""A plan with a dependency loop imports with a warning naming the loop, and does not block the other
projects' schedules."""

from __future__ import annotations

import json

from pmo_desktop.cli import main
from pmo_desktop.store import open_portfolio

LOOPY = """<?xml version="1.0" encoding="UTF-8"?>
<project name="Loopy" version="3.2"><tasks>
<task id="1" name="Alpha" start="2026-01-05" duration="3"><depend id="2" type="2" difference="0"/></task>
<task id="2" name="Beta" start="2026-01-08" duration="2"><depend id="1" type="2" difference="0"/></task>
<task id="3" name="Gamma" start="2026-01-08" duration="2"/>
</tasks></project>"""


def test_a_looping_plan_imports_with_a_warning_and_the_rest_are_scheduled(demo_path, tmp_path, capsys):
    gan = tmp_path / "loopy.gan"
    gan.write_text(LOOPY)
    assert main(["import", str(demo_path), str(gan), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    loop_warnings = [w for w in result["warnings"] if "dependency loop" in w]
    assert len(loop_warnings) == 1 and "'Alpha'" in loop_warnings[0] and "'Beta'" in loop_warnings[0]
    looping = result["project"]
    with open_portfolio(demo_path, read_only=True) as pf:
        dates_before = pf.conn.execute("SELECT t.start_date, t.finish_date FROM tasks t JOIN projects p ON "
                                       "p.id = t.project_id WHERE p.code = ? ORDER BY t.id", (looping,)).fetchall()

    assert main(["schedule", str(demo_path), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and f"{looping}: dependency loop" in captured.err
    payload = json.loads(captured.out)
    scheduled = {p["project"] for p in payload["projects"]}
    assert looping not in scheduled and len(scheduled) == 40 and payload["skipped"]
    with open_portfolio(demo_path, read_only=True) as pf:
        dates_after = pf.conn.execute("SELECT t.start_date, t.finish_date FROM tasks t JOIN projects p ON "
                                      "p.id = t.project_id WHERE p.code = ? ORDER BY t.id", (looping,)).fetchall()
    assert dates_after == dates_before


def test_scheduling_only_the_looping_project_is_refused_in_one_line(demo_path, tmp_path, capsys):
    gan = tmp_path / "loopy.gan"
    gan.write_text(LOOPY)
    assert main(["import", str(demo_path), str(gan), "--json"]) == 0
    looping = json.loads(capsys.readouterr().out)["project"]
    assert main(["schedule", str(demo_path), "--project", looping]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "dependency loop" in err
