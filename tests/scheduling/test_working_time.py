"""Plans in working minutes: hand-built MS Project plans with sub-day work (their expected dates are
derived by hand in the comments at the top of each file in tests/data/mspdi), and the engine alone."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from pmo_desktop.cli import main
from pmo_desktop.plans_io import read_mspdi
from pmo_desktop.scheduling import LinkInput, TaskInput, WorkCalendar, schedule
from pmo_desktop.scheduling.calendar import load_calendar
from pmo_desktop.store import open_portfolio

PLANS = Path(__file__).resolve().parents[1] / "data" / "mspdi"
HAND_MADE = ["subday_office.xml", "shifts_and_constraints.xml"]


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def instants(pf, code: str) -> dict[str, tuple[str, str]]:
    """Each task's start and finish to the minute, as the portfolio keeps them (day + time)."""
    out = {}
    for name, s, f, s_at, f_at, kind, cal in pf.conn.execute(
            """SELECT t.name, t.start_date, t.finish_date, t.start_at, t.finish_at, t.kind, t.calendar_id
               FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code = ?""", (code,)):
        work = load_calendar(pf.conn, cal)
        s_hours = work.hours_of(date.fromisoformat(s).toordinal())
        f_hours = work.hours_of(date.fromisoformat(f).toordinal())
        start = s_at or f"{s}T{s_hours[0][0] // 60:02d}:{s_hours[0][0] % 60:02d}"
        finish = start if kind == "milestone" else f_at or f"{f}T{f_hours[-1][1] // 60:02d}:{f_hours[-1][1] % 60:02d}"
        out[name] = (start, finish)
    return out


@pytest.mark.parametrize("name", HAND_MADE)
def test_hand_built_plans_get_ms_projects_dates_to_the_minute(name, portfolio, capsys):
    path = portfolio.path
    portfolio.close()
    source = PLANS / name
    expected = {t.name: (t.source_start_at.isoformat(timespec="minutes"), t.source_finish_at.isoformat(timespec="minutes"))
                for t in read_mspdi(source).tasks}
    code, out, err = run(capsys, "import-plan", path, source, "--json")
    assert code == 0, err
    project = json.loads(out)["project"]
    # Forget every computed date (tasks driven by links, and summaries), so the engine must find them.
    with open_portfolio(path) as pf, pf.batch("cli", "forget"):
        pf.conn.execute("""UPDATE tasks SET start_date = '2026-01-05', finish_date = '2026-01-05', start_at = NULL,
                           finish_at = NULL WHERE manual = 0 AND (kind = 'summary' OR id IN
                           (SELECT successor_id FROM dependencies) OR constraint_type = 'ALAP')""")
    code, out, err = run(capsys, "schedule", path, "--project", project, "--json")
    assert code == 0, err
    assert set(json.loads(out)) >= {"projects", "tasks", "changed"}
    with open_portfolio(path) as pf:
        assert instants(pf, project) == expected
    # Scheduling again changes nothing: the stored times are what the engine finds.
    _, out, _ = run(capsys, "schedule", path, "--project", project, "--json")
    assert json.loads(out)["changed"] == 0


@pytest.mark.parametrize("name", HAND_MADE)
def test_round_trip_keeps_every_start_and_finish_to_the_minute(name, portfolio, tmp_path, capsys):
    path = portfolio.path
    portfolio.close()
    source = PLANS / name
    _, out, _ = run(capsys, "import-plan", path, source, "--json")
    project = json.loads(out)["project"]
    exported = tmp_path / "out.xml"
    assert run(capsys, "export-plan", path, exported, "--project", project)[0] == 0
    before = {t.name: (t.source_start_at, t.source_finish_at, t.duration_minutes, t.manual, t.constraint_type)
              for t in read_mspdi(source).tasks}
    again = read_mspdi(exported)
    after = {t.name: (t.source_start_at, t.source_finish_at, t.duration_minutes, t.manual, t.constraint_type)
             for t in again.tasks}
    assert after == before
    assert _links(again) == _links(read_mspdi(source))
    assert again.calendar.hours == read_mspdi(source).calendar.hours
    assert again.calendar.exception_hours == read_mspdi(source).calendar.exception_hours
    # ... and the exported plan, imported and rescheduled, keeps them as well.
    _, out, _ = run(capsys, "import-plan", path, exported, "--json")
    second = json.loads(out)["project"]
    _, out, _ = run(capsys, "schedule", path, "--project", second, "--json")
    assert json.loads(out)["changed"] == 0


def _links(plan):
    names = {t.key: t.name for t in plan.tasks}
    return sorted((names[lk.predecessor_key], names[lk.successor_key], lk.type, lk.lag_minutes, lk.lag_format,
                   lk.lag_percent) for lk in plan.links)


MON = date(2026, 1, 5)


def test_half_days_chain_without_rounding():
    # Eight 4-hour tasks in a chain fill four days exactly: morning, afternoon, morning ... (the
    # whole-day engine made each one a day and ended on the 14th).
    cal = WorkCalendar("1111100", origin=MON)
    tasks = [TaskInput(i, f"T{i}", start=MON if i == 1 else None, duration_minutes=240) for i in range(1, 9)]
    links = [LinkInput(i, i + 1) for i in range(1, 8)]
    result = schedule(tasks, links, cal, MON)
    assert result.tasks[2].start_at == datetime(2026, 1, 5, 13, 0)
    assert result.tasks[3].start_at == datetime(2026, 1, 6, 8, 0)
    assert result.tasks[8].finish_at == datetime(2026, 1, 8, 17, 0)
    assert result.tasks[8].duration == 0.5 and result.finish == date(2026, 1, 8)


def test_lag_units_and_exception_hours():
    # Saturday 10th works 09:00-11:00 only; Monday 12th is a holiday.
    cal = WorkCalendar("1111100", {date(2026, 1, 12): False}, origin=MON,
                       exception_hours={date(2026, 1, 10): ((540, 660),)})
    tasks = [TaskInput(1, "A", start=datetime(2026, 1, 9, 8, 0), duration_minutes=480),  # Fri 08:00-17:00
             TaskInput(2, "Hour lag", duration_minutes=60),      # FS +90 min: Sat 10:30-11:00, Tue 08:00-08:30
             TaskInput(3, "Elapsed day", duration_minutes=120),  # FS +1 elapsed day: Sat 17:00 -> Tue 08:00-10:00
             TaskInput(4, "Lead", duration_minutes=120)]         # FS -2 h: Fri 15:00-17:00
    links = [LinkInput(1, 2, lag_minutes=90), LinkInput(1, 3, lag_minutes=1440, elapsed=True),
             LinkInput(1, 4, lag_minutes=-120)]
    result = schedule(tasks, links, cal, MON)
    r = result.tasks
    assert (r[2].start_at, r[2].finish_at) == (datetime(2026, 1, 10, 10, 30), datetime(2026, 1, 13, 8, 30))
    assert (r[3].start_at, r[3].finish_at) == (datetime(2026, 1, 13, 8, 0), datetime(2026, 1, 13, 10, 0))
    assert (r[4].start_at, r[4].finish_at) == (datetime(2026, 1, 9, 15, 0), datetime(2026, 1, 9, 17, 0))
