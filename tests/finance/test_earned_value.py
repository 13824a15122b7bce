"""Earned value against worked examples, including zero and missing inputs."""

from datetime import date

import pytest

from pmo_desktop.domain import workdays
from pmo_desktop.finance import earned_value, planned_percent, project_earned_values, resolve_period
from pmo_desktop.finance.calendars import WorkCalendar
from tests.finance import worked


def test_worked_example():
    # BAC 100,000; baseline says 50% due; 40% done; 50,000 spent
    ev = earned_value(100_000, 50.0, 40.0, 50_000)
    assert (ev.pv, ev.ev, ev.ac) == (50_000, 40_000, 50_000)
    assert (ev.sv, ev.cv) == (-10_000, -10_000)
    assert ev.spi == pytest.approx(0.8) and ev.cpi == pytest.approx(0.8)
    assert ev.eac == 125_000  # BAC / CPI
    assert ev.eac_atypical == 110_000  # AC + (BAC - EV) = 50,000 + 60,000
    assert ev.eac_composite == 143_750  # AC + (BAC - EV) / (CPI x SPI) = 50,000 + 60,000 / 0.64
    assert ev.etc == 75_000 and ev.vac == -25_000
    assert ev.tcpi == pytest.approx(1.2)  # 60,000 / 50,000


def test_nothing_spent_nothing_done():
    ev = earned_value(100_000, 0.0, 0.0, 0)
    assert ev.pv == 0 and ev.ev == 0 and ev.ac == 0
    assert ev.spi is None and ev.cpi is None  # 0 / 0: n/a, not 0 and not infinity
    assert ev.eac is None and ev.etc is None and ev.vac is None and ev.eac_composite is None
    assert ev.eac_atypical == 100_000
    assert ev.tcpi == pytest.approx(1.0)


def test_spent_but_nothing_earned():
    ev = earned_value(100_000, 20.0, 0.0, 30_000)
    assert ev.cpi == 0.0 and ev.spi == 0.0  # a real zero index
    assert ev.eac is None  # BAC / 0
    assert ev.eac_composite is None  # CPI x SPI = 0
    assert ev.eac_atypical == 130_000 and ev.cv == -30_000


def test_budget_fully_spent_tcpi_is_na():
    ev = earned_value(100_000, 100.0, 90.0, 100_000)
    assert ev.tcpi is None  # BAC - AC = 0
    assert ev.cpi == pytest.approx(0.9) and ev.eac == 111_111


def test_missing_inputs():
    ev = earned_value(None, 50.0, 40.0, 50_000)
    assert ev.ac == 50_000
    assert all(v is None for k, v in ev.as_dict().items() if k not in ("ac", "planned_pct", "percent_complete"))
    ev = earned_value(100_000, 50.0, None, 50_000)
    assert ev.ev is None and ev.cpi is None and ev.eac is None and ev.pv == 50_000 and ev.sv is None
    ev = earned_value(100_000, None, 40.0, None)
    assert ev.pv is None and ev.spi is None and ev.cv is None and ev.ev == 40_000 and ev.tcpi is None


def test_money_rounds_half_up():
    assert earned_value(1_001, 50.0, 50.0, 1).pv == 501
    assert earned_value(-1_001, 50.0, 50.0, 1).pv == -501


def test_work_calendar_matches_day_by_day_count():
    hols = (date(2026, 12, 25), date(2026, 12, 28), date(2026, 12, 27))  # the 27th is a Sunday
    cal = WorkCalendar("1111100", hols)
    start = date(2026, 11, 20)
    for span in range(0, 60, 3):
        end = date.fromordinal(start.toordinal() + span)
        expected = workdays.working_days_between(start, end, "1111100", frozenset(hols)) + (
            1 if workdays.is_working(start, "1111100", frozenset(hols)) else 0)
        assert cal.count(start, end) == expected
    assert cal.count(date(2026, 12, 2), date(2026, 12, 1)) == 0
    # far outside the look-up window the arithmetic path gives the same answers
    for first, last in ((date(1900, 1, 1), date(1900, 3, 31)), (date(2100, 12, 20), date(2101, 1, 9))):
        expected = workdays.working_days_between(first, last, "1111100", frozenset(hols)) + 1
        assert cal.count(first, last) == expected
    six_day = WorkCalendar("1111110")
    assert six_day.count(date(2026, 11, 2), date(2026, 11, 15)) == 12


def _task(pf, project, name, kind, start, finish, calendar=None):
    pf.conn.execute(
        "INSERT INTO tasks (project_id, name, kind, baseline_start, baseline_finish, calendar_id)"
        " VALUES (?, ?, ?, ?, ?, ?)", (project, name, kind, start, finish, calendar))


def test_planned_percent_from_baseline_tasks(portfolio):
    ids = worked.build(portfolio)
    with portfolio.batch("cli", "plan"):
        p1 = ids["P1"]
        _task(portfolio, p1, "Phase", "summary", "2026-10-05", "2026-11-13")  # ignored: no work of its own
        _task(portfolio, p1, "A", "task", "2026-10-05", "2026-10-16")  # 10 working days
        _task(portfolio, p1, "B", "task", "2026-10-19", "2026-10-30")  # 10
        _task(portfolio, p1, "C", "task", "2026-11-02", "2026-11-13")  # 10
        _task(portfolio, p1, "Gate", "milestone", "2026-10-16", "2026-10-16")  # ignored
        # P2 has no tasks: its project baseline Thu 1 Oct - Wed 14 Oct (10 working days) is spread
        portfolio.conn.execute("UPDATE projects SET baseline_start = '2026-10-01', baseline_finish = '2026-10-14'"
                               " WHERE id = ?", (ids["P2"],))
    at = date(2026, 10, 21)  # Wednesday: A done, B 3 of 10 days
    planned = planned_percent(portfolio, at)
    assert planned[p1] == pytest.approx(100 * 13 / 30)
    assert planned[ids["P2"]] == 100.0
    assert ids["P3"] not in planned  # no baseline at all
    assert planned_percent(portfolio, date(2026, 10, 7))[ids["P2"]] == pytest.approx(50.0)  # 5 of 10
    assert planned_percent(portfolio, date(2026, 10, 1))[p1] == 0.0
    assert planned_percent(portfolio, date(2027, 1, 1))[p1] == 100.0


def test_planned_percent_follows_the_task_calendar(portfolio):
    ids = worked.build(portfolio)
    with portfolio.batch("cli", "plan"):
        cal = portfolio.conn.execute("INSERT INTO calendars (name) VALUES ('UK')").lastrowid
        portfolio.conn.execute("INSERT INTO calendar_exceptions (calendar_id, date) VALUES (?, '2026-10-20')", (cal,))
        _task(portfolio, ids["P1"], "A", "task", "2026-10-05", "2026-10-16", cal)  # 10 working days
        _task(portfolio, ids["P1"], "B", "task", "2026-10-19", "2026-10-30", cal)  # 9: the 20th is a holiday
    planned = planned_percent(portfolio, date(2026, 10, 21))
    assert planned[ids["P1"]] == pytest.approx(100 * (10 + 2) / 19)  # Mon and Wed of B's 9 days


def test_project_earned_values_use_actuals_to_date(portfolio):
    ids = worked.build(portfolio)
    with portfolio.batch("cli", "plan"):
        _task(portfolio, ids["P1"], "A", "task", "2026-10-05", "2026-10-16")
        _task(portfolio, ids["P1"], "B", "task", "2026-11-02", "2026-11-13")
    evs = project_earned_values(portfolio, resolve_period(portfolio))
    ev = evs[ids["P1"]]  # BAC 1,000,000; 50% due by 31 Oct; 40% complete; AC 520,000
    assert (ev.bac, ev.pv, ev.ev, ev.ac) == (1_000_000, 500_000, 400_000, 520_000)
    assert ev.spi == pytest.approx(0.8) and ev.cpi == pytest.approx(400_000 / 520_000)
    assert ev.eac == 1_300_000 and ev.vac == -300_000 and ev.etc == 780_000
    assert evs[ids["P5"]].ac is None  # no budget lines: actual cost unknown
    assert evs[ids["P4"]].bac is None and evs[ids["P4"]].cpi is None
