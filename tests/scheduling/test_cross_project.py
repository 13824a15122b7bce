"""Links between projects: link order, knock-on reported by `pmo schedule`, loops refused in one line."""

from __future__ import annotations

import json

import pytest

from pmo_desktop.cli import main
from pmo_desktop.scheduling import edits
from pmo_desktop.store import PortfolioError, open_portfolio


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _two_projects(pf) -> dict[str, int]:
    """B-UP: Design (2 days from Mon 5 Jan 2026) -> milestone 'Design approved'; Rollout, unlinked.
    A-DOWN (sorts first, yet must go second): Build, 3 days, put on Mon 5 Jan; Test after it."""
    ids = {}
    with pf.batch("cli", "setup"):
        for code in ("A-DOWN", "B-UP"):
            ids[code] = pf.conn.execute("INSERT INTO projects (code, name, start_date) VALUES (?, ?, '2026-01-05')",
                                        (code, code.title())).lastrowid
        for project, name, kind, days, start in (
                ("B-UP", "Design", "task", 2, "2026-01-05"), ("B-UP", "Design approved", "milestone", 0, None),
                ("B-UP", "Rollout", "task", 1, "2026-01-05"),
                ("A-DOWN", "Build", "task", 3, "2026-01-05"), ("A-DOWN", "Test", "task", 1, None)):
            ids[name] = pf.conn.execute(
                """INSERT INTO tasks (project_id, name, kind, duration_days, start_date, sort_order)
                   VALUES (?, ?, ?, ?, ?, ?)""", (ids[project], name, kind, days, start, len(ids))).lastrowid
        pf.conn.executemany("INSERT INTO dependencies (predecessor_id, successor_id, type) VALUES (?, ?, 'FS')",
                            [(ids["Design"], ids["Design approved"]), (ids["Build"], ids["Test"]),
                             (ids["Design approved"], ids["Build"])])
    return ids


def _dates(pf, task_id):
    return pf.conn.execute("SELECT start_date, finish_date FROM tasks WHERE id = ?", (task_id,)).fetchone()


def test_a_milestone_gates_a_task_of_another_project_and_its_slip_knocks_on(portfolio, capsys):
    ids = _two_projects(portfolio)
    path = portfolio.path
    portfolio.close()
    code, out, err = run(capsys, "schedule", path, "--json")
    assert code == 0, err
    result = json.loads(out)
    # Upstream first, although its code sorts last; the approval (Tue 17:00) gates Build (Wed 08:00).
    assert [p["project"] for p in result["projects"]] == ["B-UP", "A-DOWN"]
    down = result["projects"][1]
    assert down["external_links"] == 1 and result["moved_by_other_projects"] == ["A-DOWN"]
    assert down["moved_by"][0]["project"] == "B-UP" and down["moved_by"][0]["slip_days"] == 2
    with open_portfolio(path) as pf:
        assert _dates(pf, ids["Build"]) == ("2026-01-07", "2026-01-09")
        assert _dates(pf, ids["Test"]) == ("2026-01-12", "2026-01-12")
        # Design slips by two days: rescheduling the upstream project carries the slip downstream.
        edits.set_duration(pf, ids["Design"], 4)
        assert _dates(pf, ids["Build"]) == ("2026-01-09", "2026-01-13")
    code, out, _ = run(capsys, "schedule", path)
    assert code == 0 and "0 task dates changed" in out
    with open_portfolio(path) as pf:  # ... and it shows in the text report when the plan moved
        pf.conn.execute("UPDATE tasks SET start_date = '2026-01-05' WHERE id = ?", (ids["Build"],))
    code, out, _ = run(capsys, "schedule", path)
    assert "moved because of B-UP: 'Design approved' drives 'Build' (+4 working days)" in out


def test_a_loop_across_projects_is_one_line_naming_the_tasks(portfolio, capsys):
    ids = _two_projects(portfolio)
    path = portfolio.path
    # Projects linked both ways without a loop of tasks schedule fine: Rollout follows Test (Mon 12).
    edits.link_tasks(portfolio, ids["Test"], ids["Rollout"])
    assert _dates(portfolio, ids["Rollout"]) == ("2026-01-13", "2026-01-13")
    portfolio.close()
    assert run(capsys, "schedule", path)[0] == 0
    # ... a loop of tasks is refused, and nothing changes.
    with open_portfolio(path) as pf:
        with pytest.raises(PortfolioError, match="loop across projects"):
            edits.link_tasks(pf, ids["Test"], ids["Design"])
        before = pf.conn.execute("SELECT count(*) FROM dependencies").fetchone()[0]
        with pf.batch("cli", "sneak a loop in"):
            pf.conn.execute("INSERT INTO dependencies (predecessor_id, successor_id) VALUES (?, ?)",
                            (ids["Test"], ids["Design"]))
    code, out, err = run(capsys, "schedule", path, "--json")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "A-DOWN 'Test'" in err and "B-UP 'Design'" in err and before == 3 + 1
    with open_portfolio(path) as pf:
        assert _dates(pf, ids["Build"]) == ("2026-01-07", "2026-01-09")


def test_health_check_flags_a_successor_that_starts_before_its_predecessor_allows(portfolio, capsys):
    ids = _two_projects(portfolio)
    path = portfolio.path
    portfolio.close()
    run(capsys, "schedule", path)
    with open_portfolio(path) as pf, pf.batch("cli", "edited elsewhere"):  # Build pulled back to Mon 5 Jan
        pf.conn.execute("UPDATE tasks SET start_date = '2026-01-05' WHERE id = ?", (ids["Build"],))
    _, out, _ = run(capsys, "check", path, "--json")
    broken = [f for f in json.loads(out)["findings"] if f["rule"] == "cross_project_link_broken"]
    assert len(broken) == 1 and broken[0]["project"] == "A-DOWN" and broken[0]["table"] == "tasks"
    assert "'Build' starts 2 working days before B-UP 'Design approved' allows" in broken[0]["message"]
    run(capsys, "schedule", path)
    _, out, _ = run(capsys, "check", path, "--json")
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "cross_project_link_broken"]


def test_knock_on_names_the_project_held_back_and_by_how_much(portfolio, capsys):
    from pmo_desktop.scheduling.crossproject import cross_links, knock_on

    ids = _two_projects(portfolio)
    path = portfolio.path
    portfolio.close()
    run(capsys, "schedule", path)
    with open_portfolio(path) as pf:
        with pf.batch("cli", "baseline"):  # the plan as agreed: Design approved Tue 6, Build from Wed 7
            pf.conn.execute("UPDATE tasks SET baseline_start = start_date, baseline_finish = finish_date")
        edits.set_duration(pf, ids["Design"], 5)  # Design slips three days
        rows = knock_on(cross_links(pf.conn))
    assert rows == [{"project": "A-DOWN", "task": "Build", "by_project": "B-UP", "by_task": "Design approved",
                     "predecessor_slip_days": 3, "delay_days": 3}]
