"""Hand-computed schedules: Mon 2026-01-05 is working day 0 of a Monday-Friday calendar."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_desktop.scheduling import DependencyLoop, LinkInput, TaskInput, WorkCalendar, schedule

MON = date(2026, 1, 5)
CAL = WorkCalendar("1111100", origin=MON)


def d(text: str) -> date:
    return date.fromisoformat(text)


def dates(result, tid):
    t = result.tasks[tid]
    return t.start.isoformat(), t.finish.isoformat()


def pair(link_type: str, lag: int, a_days: int = 3, b_days: int = 2):
    tasks = [TaskInput(1, "A", start=MON, duration=a_days), TaskInput(2, "B", duration=b_days)]
    return schedule(tasks, [LinkInput(1, 2, link_type, lag)], CAL, MON)


@pytest.mark.parametrize(("link_type", "lag", "expected"), [
    # A runs Mon 5 - Wed 7 (3 days); B lasts 2 days.
    ("FS", 0, ("2026-01-08", "2026-01-09")),   # starts the day after A finishes
    ("FS", 2, ("2026-01-12", "2026-01-13")),   # two working days later: skips the weekend
    ("FS", -1, ("2026-01-07", "2026-01-08")),  # overlaps A's last day
    ("SS", 0, ("2026-01-05", "2026-01-06")),
    ("SS", 1, ("2026-01-06", "2026-01-07")),
    ("FF", 0, ("2026-01-06", "2026-01-07")),   # finishes with A
    ("FF", 3, ("2026-01-09", "2026-01-12")),   # finishes 3 working days after A: Mon 12
    ("SF", 0, ("2026-01-05", "2026-01-06")),   # finish >= A's start; project start holds B at Mon 5
    ("SF", 4, ("2026-01-07", "2026-01-08")),   # finishes by the end of day 3 (Thu 8)
])
def test_link_types_and_lags(link_type, lag, expected):
    assert dates(pair(link_type, lag), 2) == expected


def test_holidays_and_non_working_days_are_skipped():
    cal = WorkCalendar("1111100", {d("2026-01-07"): False, d("2026-01-10"): True}, origin=MON)
    tasks = [TaskInput(1, "A", start=MON, duration=3), TaskInput(2, "B", duration=3)]
    result = schedule(tasks, [LinkInput(1, 2)], cal, MON)
    assert dates(result, 1) == ("2026-01-05", "2026-01-08")  # Wed 7 is a holiday
    assert dates(result, 2) == ("2026-01-09", "2026-01-12")  # Sat 10 is a working exception


def test_six_day_calendar():
    cal = WorkCalendar("1111110", origin=MON)
    result = schedule([TaskInput(1, "A", start=MON, duration=7)], [], cal, MON)
    assert dates(result, 1) == ("2026-01-05", "2026-01-12")


def test_floats_and_critical_path():
    tasks = [TaskInput(1, "A", start=MON, duration=3), TaskInput(2, "B", start=MON, duration=1),
             TaskInput(3, "C", duration=2), TaskInput(4, "D", duration=1)]
    links = [LinkInput(1, 3), LinkInput(2, 3), LinkInput(2, 4)]
    result = schedule(tasks, links, CAL, MON)
    assert dates(result, 3) == ("2026-01-08", "2026-01-09")
    assert result.finish == d("2026-01-09")
    b, dd = result.tasks[2], result.tasks[4]
    assert (b.total_float, b.free_float) == (2, 0)  # B can slip 2 days overall, but D follows it at once
    assert (dd.total_float, dd.free_float) == (3, 3)
    assert result.critical_path == [1, 3]
    assert not b.critical and result.tasks[1].critical


def test_milestone_sits_on_the_finish_of_its_predecessor():
    tasks = [TaskInput(1, "Build", start=MON, duration=5), TaskInput(2, "Go-live", kind="milestone"),
             TaskInput(3, "Hypercare", duration=2)]
    result = schedule(tasks, [LinkInput(1, 2), LinkInput(2, 3)], CAL, MON)
    assert dates(result, 2) == ("2026-01-09", "2026-01-09")  # Friday, with Build
    assert dates(result, 3) == ("2026-01-12", "2026-01-13")  # the Monday after
    assert result.tasks[2].duration == 0 and result.critical_path == [1, 2, 3]


def test_constraints():
    tasks = [TaskInput(1, "A", start=MON, duration=2),
             TaskInput(2, "Not before", duration=1, constraint_type="SNET", constraint_date=d("2026-01-14")),
             TaskInput(3, "Fixed", duration=1, constraint_type="MSO", constraint_date=d("2026-01-06")),
             TaskInput(4, "Deadline", duration=3, constraint_type="FNLT", constraint_date=d("2026-01-08"))]
    links = [LinkInput(1, 2), LinkInput(1, 3), LinkInput(1, 4)]
    # MS Project's default "tasks always honor their constraint dates": the FNLT task finishes on its
    # date although A would push it a day later; A, which drives it, shows the conflict as -1 day.
    result = schedule(tasks, links, CAL, MON)
    assert dates(result, 2) == ("2026-01-14", "2026-01-14")
    assert dates(result, 3) == ("2026-01-06", "2026-01-06")  # must start on wins over the link
    assert dates(result, 4) == ("2026-01-06", "2026-01-08")
    assert result.tasks[1].total_float == -1 and result.late_tasks == [1]
    # Links win when the plan says so (HonorConstraints 0): logic kept, the date is missed ...
    result = schedule(tasks, links, CAL, MON, honor_constraints=False)
    assert dates(result, 4) == ("2026-01-07", "2026-01-09")
    assert result.tasks[4].total_float == -1  # ... by one day, and A, which drives it, is late too
    assert result.late_tasks == [1, 4]
    assert 4 in result.critical_path
    # A deadline never moves the task: the same plan with a deadline instead of FNLT misses it by a day.
    tasks[3] = TaskInput(4, "Deadline", duration=3, deadline=d("2026-01-08"))
    result = schedule(tasks, links, CAL, MON)
    assert dates(result, 4) == ("2026-01-07", "2026-01-09") and result.tasks[4].total_float == -1


def test_unlinked_tasks_keep_their_start_and_actuals_are_kept():
    tasks = [TaskInput(1, "Later", start=d("2026-02-02"), duration=2),
             TaskInput(2, "Done", start=MON, duration=5, actual_start=d("2026-01-03"), actual_finish=d("2026-01-06"))]
    result = schedule(tasks, [], CAL, MON)
    assert dates(result, 1) == ("2026-02-02", "2026-02-03")
    assert dates(result, 2) == ("2026-01-03", "2026-01-06")
    assert not result.tasks[2].critical


def test_summary_rolls_up_and_links_into_a_summary_drive_its_children():
    tasks = [TaskInput(1, "Design", start=MON, duration=2),
             TaskInput(10, "Build phase", kind="summary"),
             TaskInput(11, "Code", parent_id=10, duration=3, start=MON),
             TaskInput(12, "Test", parent_id=10, duration=2),
             TaskInput(20, "Launch", kind="milestone")]
    links = [LinkInput(1, 10), LinkInput(11, 12), LinkInput(10, 20)]
    result = schedule(tasks, links, CAL, MON)
    assert dates(result, 11) == ("2026-01-07", "2026-01-09")  # pushed by the link into its summary
    assert dates(result, 12) == ("2026-01-12", "2026-01-13")
    assert dates(result, 10) == ("2026-01-07", "2026-01-13")  # rolls up its children
    assert dates(result, 20) == ("2026-01-13", "2026-01-13")  # follows the summary's finish
    assert result.critical_path == [1, 11, 12, 20]


def test_a_loop_is_refused_naming_its_tasks():
    tasks = [TaskInput(i, n, start=MON, duration=1) for i, n in ((1, "Plan"), (2, "Build"), (3, "Test"), (4, "Ship"))]
    links = [LinkInput(1, 2), LinkInput(2, 3), LinkInput(3, 4), LinkInput(4, 2)]
    with pytest.raises(DependencyLoop) as err:
        schedule(tasks, links, CAL, MON)
    message = str(err.value)
    assert "\n" not in message and "loop" in message
    assert all(f"'{n}'" in message for n in ("Build", "Test", "Ship")) and "'Plan'" not in message
    assert sorted(err.value.task_ids) == [2, 3, 4]


def test_a_link_from_a_child_into_its_own_summary_is_a_loop():
    tasks = [TaskInput(1, "Phase", kind="summary"), TaskInput(2, "Step", parent_id=1, start=MON, duration=1)]
    with pytest.raises(DependencyLoop, match="'Phase'"):
        schedule(tasks, [LinkInput(2, 1)], CAL, MON)


def test_a_calendar_without_working_days_is_refused():
    from pmo_desktop.scheduling import CalendarError

    with pytest.raises(CalendarError, match="no working weekday"):
        WorkCalendar("0000000")


def test_a_task_on_its_own_calendar():
    seven = WorkCalendar("1111111", origin=MON)
    tasks = [TaskInput(1, "Pour", start=d("2026-01-08"), duration=4, calendar=seven),
             TaskInput(2, "Cure check", duration=1)]
    result = schedule(tasks, [LinkInput(1, 2)], CAL, MON)
    assert dates(result, 1) == ("2026-01-08", "2026-01-11")  # Thu to Sun: works the weekend
    assert dates(result, 2) == ("2026-01-12", "2026-01-12")  # the plan calendar resumes on Monday


def test_milestones_on_the_next_morning_for_plans_kept_that_way():
    tasks = [TaskInput(10, "Phase", kind="summary"), TaskInput(1, "Build", parent_id=10, start=MON, duration=5),
             TaskInput(2, "Go-live", parent_id=10, kind="milestone"), TaskInput(3, "Hypercare", duration=2)]
    links = [LinkInput(1, 2), LinkInput(2, 3)]
    result = schedule(tasks, links, CAL, MON, milestones_next_day=True)
    assert dates(result, 2) == ("2026-01-12", "2026-01-12")  # GanttProject shows it on Monday morning
    assert dates(result, 3) == ("2026-01-12", "2026-01-13")  # the same instant drives the successor
    assert dates(result, 10) == ("2026-01-05", "2026-01-09")  # and the phase still ends on Friday
