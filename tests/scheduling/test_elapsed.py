"""Elapsed durations ("2 edays", "10 ehrs"; typed "2ed", "10eh") run on calendar time, 24 hours a day, 7 days a week, as MS Project
schedules them: from the instant the task may start, nights and weekends included (Microsoft KB 87301: a
4eh task that begins at 2pm finishes at 6pm; a 2-elapsed-day cure after a pour that ends at 17:00 on
Friday ends at 17:00 on Sunday). Kept through import, rescheduling, edits, export and the Gantt."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from pmo_desktop.cli import main
from pmo_desktop.scheduling import LinkInput, TaskInput, WorkCalendar, schedule
from pmo_desktop.scheduling.edits import link_tasks
from pmo_desktop.scheduling.timeline import gantt_plan
from pmo_desktop.store import open_portfolio

NS = "{http://schemas.microsoft.com/project}"
DAY = ("<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
       "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>")


def _task(uid, name, start, finish, duration, fmt=7, preds=""):
    return (f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>1</OutlineLevel>"
            f"<Start>{start}</Start><Finish>{finish}</Finish><Duration>{duration}</Duration>"
            f"<DurationFormat>{fmt}</DurationFormat>{preds}</Task>")


def _link(uid, kind=1, lag=0, fmt=7):
    return (f"<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>{kind}</Type>"
            f"<LinkLag>{lag}</LinkLag><LagFormat>{fmt}</LagFormat></PredecessorLink>")


# Standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00). The dates below follow MS Project's rules by hand:
#  1 Pour     2d   Thu 05 Mar 08:00 - Fri 06 17:00
#  2 Cure     2ed  FS 1        Fri 06 17:00 - Sun 08 17:00 (starts when the pour ends, runs the weekend)
#  3 Strip    4h   FS 2        Mon 09 08:00 - Mon 09 12:00 (next working minute after Sunday 17:00)
#  4 Dry      10eh SS 3 +2h    Mon 09 10:00 - Mon 09 20:00 (08:00 + 2 working hours, then 10 clock hours)
#  5 Inspect  1d   FS 4        Tue 10 08:00 - Tue 10 17:00
#  6 Permit   3d   no links    Thu 05 08:00 - Mon 09 17:00
#  7 Settle   1ed  FF 6 +12eh  Mon 09 05:00 - Tue 10 05:00 (finishes 12 elapsed hours after Permit does)
PLAN = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Title>Slab</Title>
 <StartDate>2026-03-05T08:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay>
 <MinutesPerWeek>2400</MinutesPerWeek>
 <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>
  <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
  {"".join(f"<WeekDay><DayType>{d}</DayType><DayWorking>1</DayWorking>{DAY}</WeekDay>" for d in range(2, 7))}
  <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays></Calendar></Calendars>
 <Tasks>
  {_task(1, "Pour", "2026-03-05T08:00:00", "2026-03-06T17:00:00", "PT16H0M0S")}
  {_task(2, "Cure", "2026-03-06T17:00:00", "2026-03-08T17:00:00", "PT48H0M0S", 8, _link(1))}
  {_task(3, "Strip", "2026-03-09T08:00:00", "2026-03-09T12:00:00", "PT4H0M0S", 5, _link(2))}
  {_task(4, "Dry", "2026-03-09T10:00:00", "2026-03-09T20:00:00", "PT10H0M0S", 6, _link(3, 3, 1200, 5))}
  {_task(5, "Inspect", "2026-03-10T08:00:00", "2026-03-10T17:00:00", "PT8H0M0S", 7, _link(4))}
  {_task(6, "Permit", "2026-03-05T08:00:00", "2026-03-09T17:00:00", "PT24H0M0S")}
  {_task(7, "Settle", "2026-03-09T05:00:00", "2026-03-10T05:00:00", "PT24H0M0S", 8, _link(6, 0, 7200, 6))}
 </Tasks></Project>"""
MS_PROJECT = {
    "Pour": ("2026-03-05T08:00", "2026-03-06T17:00"), "Cure": ("2026-03-06T17:00", "2026-03-08T17:00"),
    "Strip": ("2026-03-09T08:00", "2026-03-09T12:00"), "Dry": ("2026-03-09T10:00", "2026-03-09T20:00"),
    "Inspect": ("2026-03-10T08:00", "2026-03-10T17:00"), "Permit": ("2026-03-05T08:00", "2026-03-09T17:00"),
    "Settle": ("2026-03-09T05:00", "2026-03-10T05:00"),
}


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def instants(path, code) -> dict[str, tuple[str, str]]:
    """Each task's start and finish to the minute, as the schedule reports them."""
    from pmo_desktop.scheduling import schedule_project

    with open_portfolio(path) as pf:
        pid = pf.conn.execute("SELECT id FROM projects WHERE code = ?", (code,)).fetchone()[0]
        names = dict(pf.conn.execute("SELECT id, name FROM tasks WHERE project_id = ?", (pid,)))
        result = schedule_project(pf.conn, pid).schedule
    return {names[i]: (r.start_at.isoformat(timespec="minutes"), r.finish_at.isoformat(timespec="minutes"))
            for i, r in result.tasks.items()}


def imported(portfolio, tmp_path, capsys):
    path = portfolio.path
    portfolio.close()
    (tmp_path / "slab.xml").write_text(PLAN, encoding="utf-8")
    code, out, err = run(capsys, "import-plan", path, tmp_path / "slab.xml", "--json")
    assert code == 0, err
    return path, json.loads(out)["project"]


def test_elapsed_tasks_keep_ms_projects_dates_through_weekends(portfolio, tmp_path, capsys):
    path, code = imported(portfolio, tmp_path, capsys)
    _, out, _ = run(capsys, "schedule", path, "--json")
    assert json.loads(out)["changed"] == 0  # every date as MS Project wrote it, to the minute
    assert instants(path, code) == MS_PROJECT
    with open_portfolio(path) as pf:
        pid = pf.conn.execute("SELECT id FROM projects WHERE code = ?", (code,)).fetchone()[0]
        rows = {r.name: r for r in gantt_plan(pf.conn, pid).rows}
    assert (rows["Cure"].elapsed, rows["Dry"].elapsed, rows["Settle"].elapsed, rows["Pour"].elapsed) == (
        "2 edays", "10 ehrs", "1 eday", "")  # as MS Project shows them
    # The Cure bar starts at 17:00 on Friday and ends at 17:00 on Sunday: shares of 24 hours.
    assert rows["Cure"].start_part == rows["Cure"].finish_part == 17 / 24
    assert (rows["Cure"].start.isoformat(), rows["Cure"].finish.isoformat()) == ("2026-03-06", "2026-03-08")


def test_a_slipping_predecessor_moves_an_elapsed_task_on_calendar_time(portfolio, tmp_path, capsys):
    path, code = imported(portfolio, tmp_path, capsys)
    with open_portfolio(path) as pf, pf.batch("cli", "slip"):  # the pour takes half a day longer
        pf.conn.execute("UPDATE tasks SET duration_minutes = 1200, duration_days = 2.5 WHERE name = 'Pour'")
    code_, out, _ = run(capsys, "schedule", path, "--json")
    assert code_ == 0
    got = instants(path, code)
    assert got["Pour"] == ("2026-03-05T08:00", "2026-03-09T12:00")
    assert got["Cure"] == ("2026-03-09T12:00", "2026-03-11T12:00")  # 48 clock hours, not 6 working days
    assert got["Strip"] == ("2026-03-11T13:00", "2026-03-11T17:00")  # after lunch
    assert got["Dry"] == ("2026-03-11T15:00", "2026-03-12T01:00")  # through the night
    assert got["Inspect"] == ("2026-03-12T08:00", "2026-03-12T17:00")


def test_a_new_link_moves_an_elapsed_task_from_its_predecessors_finish(portfolio, tmp_path, capsys):
    path, code = imported(portfolio, tmp_path, capsys)
    with open_portfolio(path) as pf:
        ids = dict(pf.conn.execute("SELECT name, id FROM tasks"))
        link_tasks(pf, ids["Permit"], ids["Cure"])  # the cure also waits for the permit (Mon 17:00)
    got = instants(path, code)
    assert got["Cure"] == ("2026-03-09T17:00", "2026-03-11T17:00")
    assert got["Strip"] == ("2026-03-12T08:00", "2026-03-12T12:00")
    assert got["Dry"] == ("2026-03-12T10:00", "2026-03-12T20:00")
    # Typing a plain duration makes it a working-time task again (MS Project's default unit is days).
    from pmo_desktop.scheduling.edits import set_duration

    with open_portfolio(path) as pf:
        set_duration(pf, ids["Cure"], 2)
    assert instants(path, code)["Cure"] == ("2026-03-10T08:00", "2026-03-11T17:00")


def test_export_writes_elapsed_durations_and_a_round_trip_keeps_them(portfolio, tmp_path, capsys):
    path, code = imported(portfolio, tmp_path, capsys)
    out_file = tmp_path / "out.xml"
    rc, _, err = run(capsys, "export-plan", path, out_file, "--project", code)
    assert rc == 0, err
    tasks = {t.findtext(f"{NS}Name"): t for t in ET.parse(out_file).getroot().iter(f"{NS}Task")}
    cure = tasks["Cure"]
    assert (cure.findtext(f"{NS}Duration"), cure.findtext(f"{NS}DurationFormat")) == ("PT48H0M0S", "8")
    assert (cure.findtext(f"{NS}Start"), cure.findtext(f"{NS}Finish")) == ("2026-03-06T17:00:00", "2026-03-08T17:00:00")
    assert (tasks["Dry"].findtext(f"{NS}Duration"), tasks["Dry"].findtext(f"{NS}DurationFormat")) == ("PT10H0M0S", "6")
    rc, out, err = run(capsys, "import-plan", path, out_file, "--json")
    assert rc == 0, err
    again = json.loads(out)["project"]
    _, out, _ = run(capsys, "schedule", path, "--project", again, "--json")
    assert json.loads(out)["changed"] == 0
    assert instants(path, again) == MS_PROJECT


def test_engine_lays_elapsed_time_from_the_exact_instant():
    cal = WorkCalendar()
    tasks = [TaskInput(1, "A", duration_minutes=240, start=datetime(2026, 3, 6, 13, 0)),
             TaskInput(2, "B", duration_minutes=240, elapsed=True),  # 4 eh from Fri 17:00: ends 21:00
             TaskInput(3, "C", duration_minutes=1440, elapsed=True),  # 1 ed, 1 eh after B: Fri 22:00 - Sat 22:00
             TaskInput(4, "D", duration_minutes=60)]  # FS C: next working minute, Mon 08:00
    links = [LinkInput(1, 2), LinkInput(2, 3, lag_minutes=60, elapsed=True), LinkInput(3, 4)]
    got = {t.id: (t.start_at.isoformat(timespec="minutes"), t.finish_at.isoformat(timespec="minutes"))
           for t in schedule(tasks, links, cal).tasks.values()}
    assert got == {1: ("2026-03-06T13:00", "2026-03-06T17:00"), 2: ("2026-03-06T17:00", "2026-03-06T21:00"),
                   3: ("2026-03-06T22:00", "2026-03-07T22:00"), 4: ("2026-03-09T08:00", "2026-03-09T09:00")}


def test_an_elapsed_percent_lag_counts_calendar_time():
    # A: Thu 5 - Fri 6 Mar, 16 working hours. 50% of it is 8 hours: in working time that runs to Monday
    # 17:00; in elapsed time (MS Project's e%, LagFormat 20) to Saturday 01:00, so B starts Monday morning.
    cal = WorkCalendar()
    start = datetime(2026, 3, 5, 8, 0)
    tasks = [TaskInput(1, "A", duration_minutes=960, start=start), TaskInput(2, "B", duration_minutes=60)]
    working = schedule(tasks, [LinkInput(1, 2, lag_percent=50)], cal).tasks[2].start_at
    elapsed = schedule(tasks, [LinkInput(1, 2, lag_percent=50, elapsed=True)], cal).tasks[2].start_at
    assert (working, elapsed) == (datetime(2026, 3, 10, 8, 0), datetime(2026, 3, 9, 8, 0))


def test_float_of_an_elapsed_task_is_calendar_time_as_microsoft_documents_it():
    # KB 87301: from Friday 8am, task 1 lasts 8h and task 2 9eh; both finish at 5pm and lead to task 3 (1d)
    # on Monday. Task 1 has no slack; task 2 has 2.63 elapsed days (63 hours) and is not critical.
    cal = WorkCalendar()
    friday = datetime(2026, 3, 6, 8, 0)
    tasks = [TaskInput(1, "T1", duration_minutes=480, start=friday),
             TaskInput(2, "T2", duration_minutes=540, elapsed=True, start=friday),
             TaskInput(3, "T3", duration_minutes=480)]
    got = schedule(tasks, [LinkInput(1, 3), LinkInput(2, 3)], cal).tasks
    assert got[2].finish_at == got[1].finish_at == datetime(2026, 3, 6, 17, 0)
    assert (got[1].total_float, got[1].critical) == (0, True)
    assert (got[2].total_float, got[2].free_float, got[2].critical) == (2.63, 2.63, False)


def test_an_elapsed_task_of_another_project_drives_from_its_own_instant(portfolio, tmp_path, capsys):
    path, code = imported(portfolio, tmp_path, capsys)
    with open_portfolio(path) as pf:
        with pf.batch("cli", "a second project"):
            pid = pf.conn.execute("INSERT INTO projects (code, name, start_date) VALUES ('FIT', 'Fit-out', "
                                  "'2026-03-05')").lastrowid
            air = pf.conn.execute(
                """INSERT INTO tasks (project_id, name, kind, start_date, finish_date, duration_days,
                   duration_minutes, duration_format, sort_order) VALUES (?, 'Air out', 'task', '2026-03-05',
                   '2026-03-05', 0.5, 720, 6, 1)""", (pid,)).lastrowid
        cure = pf.conn.execute("SELECT id FROM tasks WHERE name = 'Cure'").fetchone()[0]
        link_tasks(pf, cure, air)  # the slab's cure (ends Sunday 17:00) gates the fit-out's airing
    assert instants(path, "FIT") == {"Air out": ("2026-03-08T17:00", "2026-03-09T05:00")}


def test_an_elapsed_task_as_late_as_possible_ends_when_its_successor_starts():
    # B (ALAP, 10 eh) feeds C, which follows A (Mon 9 Mar, 2 days): B ends at C's start, Wed 08:00.
    cal = WorkCalendar()
    monday = datetime(2026, 3, 9, 8, 0)
    tasks = [TaskInput(1, "A", duration_minutes=960, start=monday),
             TaskInput(2, "B", duration_minutes=600, elapsed=True, start=monday, constraint_type="ALAP"),
             TaskInput(3, "C", duration_minutes=480)]
    got = schedule(tasks, [LinkInput(1, 3), LinkInput(2, 3)], cal).tasks
    assert (got[2].start_at, got[2].finish_at) == (datetime(2026, 3, 10, 22, 0), datetime(2026, 3, 11, 8, 0))


def test_stretching_an_elapsed_task_keeps_it_on_calendar_time(portfolio, tmp_path, capsys):
    from pmo_desktop.scheduling.edits import set_elapsed_duration
    from pmo_desktop.store import PortfolioError

    path, code = imported(portfolio, tmp_path, capsys)
    with open_portfolio(path) as pf:
        ids = dict(pf.conn.execute("SELECT name, id FROM tasks"))
        set_elapsed_duration(pf, ids["Cure"], 3 * 1440)  # the bar dragged to end on Monday
        assert pf.conn.execute("SELECT duration_format, duration_days FROM tasks WHERE id = ?",
                               (ids["Cure"],)).fetchone() == (8, 3)
        for bad in (0, -60):
            with pytest.raises(PortfolioError, match="longer than zero"):
                set_elapsed_duration(pf, ids["Cure"], bad)
    got = instants(path, code)
    assert got["Cure"] == ("2026-03-06T17:00", "2026-03-09T17:00")
    assert got["Strip"] == ("2026-03-10T08:00", "2026-03-10T12:00")
