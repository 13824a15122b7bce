"""Worked-out values (scheduled dates) are recomputed after receiving, never conflicted."""

from __future__ import annotations

from pmo_desktop.scheduling.service import reschedule
from pmo_desktop.store import open_portfolio
from tests.sync.test_merge import assert_equal_to_server, edit, open_list, sync, value


def _first_linked_task(path):
    return value(path, """SELECT t.id, p.code, t.name FROM dependencies d JOIN tasks t ON t.id = d.predecessor_id
                          JOIN projects p ON p.id = t.project_id WHERE t.kind = 'task' AND t.actual_start IS NULL
                          ORDER BY t.id LIMIT 1""")


def test_received_plan_changes_are_rescheduled_and_never_conflict(team):
    a, b = team.clone("alice"), team.clone("bob")
    for path in (a, b):  # both start from a scheduled plan
        with open_portfolio(path) as pf:
            reschedule(pf)
        sync(path)
    sync(a)
    _tid, code, name = _first_linked_task(a)
    before = value(b, "SELECT t.finish_date FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = ? AND t.name = ?",
                   (code, name))
    # Alice makes a linked task 15 days longer and reschedules; Bob only edits a note of the same task.
    edit(a, "UPDATE tasks SET duration_days = duration_days + 15 WHERE name = ? AND project_id = "
            "(SELECT id FROM projects WHERE code = ?)", (name, code))
    edit(b, "UPDATE tasks SET notes = 'Bob was here' WHERE name = ? AND project_id = "
            "(SELECT id FROM projects WHERE code = ?)", (name, code))
    with open_portfolio(a) as pf:
        reschedule(pf, code)
    sync(a)
    result = sync(b)
    assert result["new_conflicts"] == 0
    after = value(b, "SELECT t.finish_date FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = ? AND t.name = ?",
                   (code, name))
    assert after > before
    sync(a)
    assert open_list(a) == [] and open_list(b) == []
    assert_equal_to_server(team, a, b)


def test_a_plan_change_received_without_its_dates_is_rescheduled_here(team):
    a, b = team.clone("alice"), team.clone("bob")
    for path in (a, b):
        with open_portfolio(path) as pf:
            reschedule(pf)
        sync(path)
    sync(a)
    _tid, code, name = _first_linked_task(a)
    edit(a, "UPDATE tasks SET duration_days = duration_days + 20 WHERE name = ? AND project_id = "
            "(SELECT id FROM projects WHERE code = ?)", (name, code))
    sync(a)
    sync(b)  # Bob's copy reschedules the received plan and sends the dates as worked-out values
    sync(a)
    with open_portfolio(a) as pf:
        assert reschedule(pf, code).changed == 0  # Alice received the dates already worked out
    assert open_list(a) == [] and open_list(b) == []
    assert_equal_to_server(team, a, b)
