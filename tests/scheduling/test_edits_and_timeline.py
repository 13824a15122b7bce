"""Timeline edits are one undo step each and reschedule the plan; the timeline data services."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_desktop.scheduling.edits import indent_task, link_tasks, move_task, outdent_task, set_duration
from pmo_desktop.scheduling.timeline import gantt_plan, roadmap_rows
from pmo_desktop.store import PortfolioError


def plan(pf):
    with pf.batch("cli", "plan"):
        c = pf.conn
        pid = c.execute("INSERT INTO projects (code, name, start_date) VALUES ('P1', 'Plan', '2026-01-05')").lastrowid
        for tid, name, kind, days, start in ((1, "Design", "task", 3, "2026-01-05"), (2, "Build", "task", 5, None),
                                             (3, "Review", "milestone", 0, None), (4, "Docs", "task", 2, "2026-01-05")):
            c.execute("""INSERT INTO tasks (id, project_id, name, kind, duration_days, start_date, sort_order)
                         VALUES (?, ?, ?, ?, ?, ?, ?)""", (tid, pid, name, kind, days, start, tid))
        c.executemany("INSERT INTO dependencies (predecessor_id, successor_id) VALUES (?, ?)", [(1, 2), (2, 3)])
    return pid


def dates(pf, tid):
    return pf.conn.execute("SELECT start_date, finish_date FROM tasks WHERE id = ?", (tid,)).fetchone()


def test_each_edit_reschedules_and_undoes_in_one_step(portfolio):
    plan(portfolio)
    from pmo_desktop.scheduling import reschedule

    reschedule(portfolio)
    assert dates(portfolio, 2) == ("2026-01-08", "2026-01-14")
    batch = set_duration(portfolio, 1, 5)
    assert dates(portfolio, 2) == ("2026-01-12", "2026-01-16")  # Build follows the longer Design
    portfolio.undo(batch)
    assert dates(portfolio, 2) == ("2026-01-08", "2026-01-14")

    batch = move_task(portfolio, 2, date(2026, 1, 17))  # a Saturday: the next working day, Monday 19th  # linked: gets 'start no earlier than'
    assert dates(portfolio, 2) == ("2026-01-19", "2026-01-23") and dates(portfolio, 3) == ("2026-01-23",) * 2
    portfolio.undo(batch)
    assert portfolio.conn.execute("SELECT constraint_type FROM tasks WHERE id = 2").fetchone()[0] is None

    link_tasks(portfolio, 3, 4)
    assert dates(portfolio, 4)[0] > "2026-01-05"
    with pytest.raises(PortfolioError, match="loop"):
        link_tasks(portfolio, 4, 1)
    assert portfolio.conn.execute("SELECT count(*) FROM dependencies").fetchone()[0] == 3


def test_indent_and_outdent(portfolio):
    plan(portfolio)
    indent_task(portfolio, 4)
    assert portfolio.conn.execute("SELECT parent_id FROM tasks WHERE id = 4").fetchone()[0] == 3
    assert portfolio.conn.execute("SELECT kind FROM tasks WHERE id = 3").fetchone()[0] == "summary"
    outdent_task(portfolio, 4)
    assert portfolio.conn.execute("SELECT parent_id FROM tasks WHERE id = 4").fetchone()[0] is None
    with pytest.raises(PortfolioError, match="no task above"):
        indent_task(portfolio, 1)


def test_gantt_plan_and_roadmap(portfolio):
    pid = plan(portfolio)
    from pmo_desktop.scheduling import reschedule

    reschedule(portfolio)
    gp = gantt_plan(portfolio.conn, pid)
    assert [r.name for r in gp.rows] == ["Design", "Build", "Review", "Docs"]
    assert [r.critical for r in gp.rows] == [True, True, True, False]
    assert gp.rows[2].predecessors == "2" and gp.links == [(0, 1, "FS"), (1, 2, "FS")]
    road = roadmap_rows(portfolio.conn)
    assert road[0].code == "P1" and road[0].milestones[0][1] == "Review"
