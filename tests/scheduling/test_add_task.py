"""A project without a plan gets its first task (and the next ones) from the Gantt view's empty state:
one batch each, on the project's working days, numbered after the tasks there are, undone as one step."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_desktop.scheduling.edits import add_task
from pmo_desktop.scheduling.timeline import gantt_plan
from pmo_desktop.store import PortfolioError, create_portfolio
from pmo_desktop.store.rows import insert_row


@pytest.fixture
def pf(tmp_path):
    pf = create_portfolio(tmp_path / "p.pmo")
    yield pf
    pf.close()


def test_first_tasks_start_a_plan_on_working_days(pf):
    pid = insert_row(pf, "projects", {"code": "PRJ-1", "name": "Move", "start_date": "2027-01-02"})  # a Saturday
    first = add_task(pf, pid, "Kick-off")
    add_task(pf, pid, "Build", days=10)
    plan = gantt_plan(pf.conn, pid)
    assert [(r.wbs, r.name, r.start) for r in plan.rows] == [("1", "Kick-off", date(2027, 1, 4)),
                                                              ("2", "Build", date(2027, 1, 4))]
    assert plan.finish == date(2027, 1, 15)  # ten working days
    assert pf.conn.execute("SELECT label FROM batches WHERE id = ?", (first,)).fetchone()[0] == "Add task 'Kick-off'"
    pf.undo(pf.last_batch_id())
    assert [r.name for r in gantt_plan(pf.conn, pid).rows] == ["Kick-off"]


def test_a_project_without_a_start_begins_today_and_a_milestone_has_no_length(pf):
    pid = insert_row(pf, "projects", {"code": "PRJ-1", "name": "Move"})
    add_task(pf, pid, "Go-live", days=0)
    (row,) = gantt_plan(pf.conn, pid).rows
    assert row.start >= date.today() and row.finish == row.start


@pytest.mark.parametrize(("name", "days", "project", "message"), [
    ("  ", 5, None, "a task needs a name"), ("Build", -1, None, "cannot be negative"),
    ("Build", 5, 999, "there is no project 999")])
def test_bad_tasks_change_nothing(pf, name, days, project, message):
    pid = insert_row(pf, "projects", {"code": "PRJ-1", "name": "Move"})
    batches = pf.last_batch_id()
    with pytest.raises(PortfolioError, match=message):
        add_task(pf, project or pid, name, days=days)
    assert pf.last_batch_id() == batches and pf.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0
