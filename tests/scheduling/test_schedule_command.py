"""`pmo schedule`: reschedules stored plans as one undo step and reports the critical path."""

from __future__ import annotations

import json

from pmo_desktop.cli import main
from pmo_desktop.store import open_portfolio


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def make_plan(pf, *, loop=False):
    with pf.batch("cli", "plan"):
        c = pf.conn
        pid = c.execute("INSERT INTO projects (code, name, start_date) VALUES ('PRJ-1', 'Office move', '2026-01-05')"
                        ).lastrowid
        rows = [(1, "Pack", "task", "2026-01-05", "2026-01-06", 2), (2, "Move", "task", "2026-01-20", "2026-01-20", 1),
                (3, "Unpack", "task", "2026-01-05", "2026-01-07", 3), (4, "Moved in", "milestone", None, None, 0)]
        for tid, name, kind, s, f, days in rows:
            c.execute("""INSERT INTO tasks (id, project_id, name, kind, start_date, finish_date, duration_days,
                         sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", (tid, pid, name, kind, s, f, days, tid))
        links = [(1, 2, "FS", 0), (2, 3, "FS", 1), (3, 4, "FS", 0)] + ([(4, 1, "FS", 0)] if loop else [])
        c.executemany("INSERT INTO dependencies (predecessor_id, successor_id, type, lag_days) VALUES (?,?,?,?)", links)


def task_dates(pf):
    return {r[0]: (r[1], r[2]) for r in pf.conn.execute("SELECT name, start_date, finish_date FROM tasks")}


def test_schedule_reports_and_is_one_undo_step(portfolio, capsys):
    make_plan(portfolio)
    before = task_dates(portfolio)
    path = portfolio.path
    portfolio.close()
    code, out, err = run(capsys, "schedule", path, "--project", "PRJ-1", "--json")
    assert code == 0 and err == ""
    report = json.loads(out)
    project = report["projects"][0]
    assert project["finish"] == "2026-01-13"
    assert [c["name"] for c in project["critical_path"]] == ["Pack", "Move", "Unpack", "Moved in"]
    assert {c["name"]: (c["start"], c["finish"]) for c in project["changed"]} == {
        "Move": ("2026-01-07", "2026-01-07"), "Unpack": ("2026-01-09", "2026-01-13"),
        "Moved in": ("2026-01-13", "2026-01-13")}
    with open_portfolio(path) as pf:
        assert task_dates(pf)["Move"] == ("2026-01-07", "2026-01-07")
        pf.undo(report["batch"])
        assert task_dates(pf) == before
    code, out, err = run(capsys, "schedule", path)
    assert code == 0 and "critical path: Pack → Move → Unpack → Moved in" in out


def test_schedule_again_changes_nothing(portfolio, capsys):
    make_plan(portfolio)
    path = portfolio.path
    portfolio.close()
    run(capsys, "schedule", path)
    code, out, _ = run(capsys, "schedule", path, "--json")
    assert code == 0 and json.loads(out)["changed"] == 0 and json.loads(out)["batch"] is None


def test_a_loop_is_one_line_and_changes_nothing(portfolio, capsys):
    make_plan(portfolio, loop=True)
    before = task_dates(portfolio)
    path = portfolio.path
    portfolio.close()
    code, out, err = run(capsys, "schedule", path)
    assert code == 1 and "0 task dates changed" in out
    assert err.count("\n") == 1 and "PRJ-1: dependency loop" in err and "'Moved in'" in err
    with open_portfolio(path) as pf:
        assert task_dates(pf) == before


def test_unknown_project_is_a_user_error(portfolio, capsys):
    path = portfolio.path
    portfolio.close()
    code, _, err = run(capsys, "schedule", path, "--project", "NOPE")
    assert code == 1 and "no project with code 'NOPE'" in err


def test_the_demo_portfolio_schedules(demo_path, capsys):
    code, out, err = run(capsys, "schedule", demo_path, "--json")
    report = json.loads(out)
    with open_portfolio(demo_path) as pf:  # every project but the ideas has a plan
        planned = pf.conn.execute("SELECT count(DISTINCT project_id) FROM tasks").fetchone()[0]
        ideas = pf.conn.execute("SELECT count(*) FROM projects WHERE stage = 'Idea'").fetchone()[0]
    assert code == 0 and len(report["projects"]) == planned == 40 - ideas
    assert all(p["finish"] and p["tasks"] == 15 for p in report["projects"])
    with open_portfolio(demo_path) as pf:  # a plan with work still to do has a critical path
        open_plans = {r[0] for r in pf.conn.execute(
            "SELECT DISTINCT p.code FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.actual_finish IS NULL")}
    assert open_plans and all(p["critical_path"] for p in report["projects"] if p["project"] in open_plans)
