"""Utilisation, over-allocations, skill search and labour cost, checked against hand-worked figures
(see conftest.py for the people, spells and allocations behind them)."""

from datetime import date

import pytest

from pmo_desktop.capacity import (
    FULL,
    NONE,
    OVER,
    UNDER,
    capacity_grid,
    demand_by_role,
    group_utilisation,
    labour_cost,
    over_allocations,
    who_is_free,
)
from pmo_desktop.capacity.maths import allocation_days, band, build_grid, month_working_days
from pmo_desktop.capacity.model import Allocation, Person, Spell, WorkCalendar
from pmo_desktop.capacity.queries import capacity_summary, labour_budget

NOV, DEC = date(2026, 11, 1), date(2026, 12, 1)


def cell(grid, name, col):
    row = next(i for i, p in enumerate(grid.people) if p.name == name)
    return grid.capacity[row][col], grid.allocated[row][col], grid.utilisation(row, col), grid.band(row, col)


def test_working_days_follow_the_portfolio_calendar(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    assert grid.working_days == [21, 21]  # November: 30 days - 9 weekend days; December: 23 weekdays - 2 holidays


def test_full_timer_with_leave(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    # November: 1.0 x (21 - 5 days' leave) = 16 days; 0.5 + 0.5 FTE = 21 days; 21 / 16 = 131.25%
    cap, alloc, util, b = cell(grid, "Ada", 0)
    assert (cap, alloc, b) == (16.0, 21.0, OVER)
    assert util == pytest.approx(1.3125)
    # December: 21 days; 1.0 + 0.1 FTE = 23.1 days; 110%
    cap, alloc, util, b = cell(grid, "Ada", 1)
    assert cap == 21.0 and alloc == pytest.approx(23.1) and util == pytest.approx(1.10) and b == OVER


def test_part_time_person_with_half_day_leave(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    # November: 0.6 x 21 = 12.6 days; 0.4 FTE = 8.4 days; 66.7%
    cap, alloc, util, b = cell(grid, "Bob", 0)
    assert cap == pytest.approx(12.6) and alloc == pytest.approx(8.4) and b == UNDER
    assert util == pytest.approx(2 / 3)
    # December: 0.6 x (21 - 0.5) = 12.3 days; 0.5 FTE = 10.5 days; 85.4%
    cap, alloc, util, b = cell(grid, "Bob", 1)
    assert cap == pytest.approx(12.3) and alloc == pytest.approx(10.5) and b == FULL
    assert util == pytest.approx(10.5 / 12.3)


def test_part_time_spell_and_leave_inside_it(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    # November: 11 working days from the 16th at 0.4 off: 21 - 4.4 = 16.6 days; 0.6 FTE = 12.6 days
    cap, alloc, util, b = cell(grid, "Cleo", 0)
    assert cap == pytest.approx(16.6) and alloc == pytest.approx(12.6) and b == UNDER
    # December: 18 days at 0.4 off, 3 days' leave wholly off: 21 - 7.2 - 3 = 10.8; 0.5 FTE = 10.5; 97.2%
    cap, alloc, util, b = cell(grid, "Cleo", 1)
    assert cap == pytest.approx(10.8) and alloc == pytest.approx(10.5) and b == FULL
    assert util == pytest.approx(10.5 / 10.8)


def test_team_utilisation(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    teams = group_utilisation(grid, "team")
    assert list(teams) == ["Data", "Engineering"]
    eng_nov, eng_dec = teams["Engineering"]
    # November: (21 + 8.4) / (16 + 12.6) = 29.4 / 28.6
    assert eng_nov.capacity_days == pytest.approx(28.6) and eng_nov.allocated_days == pytest.approx(29.4)
    assert eng_nov.band == OVER and eng_nov.capacity_fte == pytest.approx(28.6 / 21)
    # December: (23.1 + 10.5) / (21 + 12.3) = 33.6 / 33.3
    assert eng_dec.utilisation == pytest.approx(33.6 / 33.3) and eng_dec.band == OVER
    assert teams["Data"][0].utilisation == pytest.approx(12.6 / 16.6)
    only = capacity_grid(staffed, NOV, DEC, team="engineering")
    assert [p.name for p in only.people] == ["Ada", "Bob"]


def test_demand_by_role_counts_unstaffed_demand(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    roles = demand_by_role(grid)
    dev_nov, dev_dec = roles["Developer"]
    assert dev_nov.allocated_days == pytest.approx(21) and dev_nov.capacity_days == pytest.approx(16)
    # December: Ada's 23.1 days plus 21 days of unstaffed Developer demand against Ada's 21
    assert dev_dec.allocated_days == pytest.approx(44.1) and dev_dec.capacity_days == pytest.approx(21)
    assert roles["Tester"][1].allocated_days == pytest.approx(10.5)


def test_over_allocations_worst_first(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    found = over_allocations(grid)
    assert [(o.person.name, o.month) for o in found] == [("Ada", NOV), ("Ada", DEC)]
    assert found[0].excess_days == pytest.approx(5.0) and found[1].excess_days == pytest.approx(2.1)
    assert sorted(a.amount for a in found[0].allocations) == [0.5, 0.5]  # the drill-down behind the cell


def test_who_has_a_skill_with_free_capacity(staffed):
    nov = capacity_grid(staffed, NOV, NOV)
    # Free in November: Bob (12.6 - 8.4) / 21 = 0.2 FTE; Cleo (16.6 - 12.6) / 21 = 0.19; Ada none
    found = who_is_free(nov, "PYTHON", min_free_fte=0.15)
    assert [(f.person.name, f.level) for f in found] == [("Bob", 2), ("Cleo", 5)]
    assert found[0].min_free_fte == pytest.approx(0.2) and found[1].min_free_fte == pytest.approx(4 / 21)
    assert [f.person.name for f in who_is_free(nov, "python", min_level=3, min_free_fte=0.15)] == ["Cleo"]
    assert who_is_free(nov, "python", min_free_fte=0.21) == []
    # Over both months: Bob has (12.3 - 10.5) / 21 = 0.086 free in December, Cleo (10.8 - 10.5) / 21 = 0.014
    both = capacity_grid(staffed, NOV, DEC)
    assert [f.person.name for f in who_is_free(both, "Python", min_free_fte=0.05)] == ["Bob"]
    assert who_is_free(both, "Python", min_free_fte=0.09) == []
    assert who_is_free(both, "Cobol") == []


def test_labour_cost_against_labour_budget(staffed):
    grid = capacity_grid(staffed, NOV, DEC)
    rows = {(r.project_id, r.month): r for r in labour_cost(grid, labour_budget(staffed, NOV, DEC))}
    a_nov = rows[(1, NOV)]
    # Ada 10.5 days x £600 + Bob 8.4 days x £400 = £6,300 + £3,360
    assert a_nov.allocated_days == pytest.approx(18.9) and a_nov.allocation_cost == 966_000
    assert a_nov.budget_planned == 1_000_000 and a_nov.budget_forecast == 1_030_000
    assert a_nov.difference == -34_000
    b_dec = rows[(2, DEC)]
    # Ada 2.1 days x £600 + Cleo 10.5 days x £500; Contractors lines are not Labour
    assert b_dec.allocation_cost == 126_000 + 525_000 and b_dec.budget_planned == 500_000
    assert b_dec.difference == 151_000 and b_dec.unstaffed_days == pytest.approx(21)
    b_nov = rows[(2, NOV)]
    assert b_nov.allocation_cost == 1_260_000 and b_nov.budget_planned is None and b_nov.difference is None
    assert [r.project_id for r in labour_cost(grid, projects=[2])] == [2, 2]


def test_hours_unit(staffed):
    staffed.set_settings({"allocation_unit": "hours", "hours_per_day": 7.5})
    grid = capacity_grid(staffed, NOV, NOV)
    # 0.5 + 0.5 is now one hour in total: 1 / 7.5 days
    assert cell(grid, "Ada", 0)[1] == pytest.approx(1 / 7.5)
    assert allocation_days(75, "hours", 21, 7.5) == 10


def test_band_edges():
    assert band(8, 10) == FULL and band(7.99, 10) == UNDER
    assert band(10, 10) == FULL and band(10.01, 10) == OVER
    assert band(1, 0) == OVER and band(0, 0) == NONE


def test_pure_grid_without_a_portfolio():
    cal = WorkCalendar(holidays=frozenset({date(2027, 1, 1)}))
    assert len(month_working_days(cal, date(2027, 1, 1))) == 20  # 21 weekdays less New Year's Day
    people = [Person(1, "Dee", "Tester", "QA", 0.5, 30_000, {"SQL": 3})]
    spells = [Spell(1, date(2027, 1, 4), date(2027, 1, 8), "leave", 1.0)]
    allocations = [Allocation(1, 1, None, 9, date(2027, 1, 1), 0.5), Allocation(2, 1, None, 9, date(2027, 2, 1), 0.25)]
    grid = build_grid(people, spells, allocations, cal, [date(2027, 1, 1), date(2027, 2, 1)])
    # January: 0.5 x (20 - 5) = 7.5 days, 0.5 x 20 = 10 days allocated; February: 0.5 x 20 = 10, 5 allocated
    assert grid.capacity[0] == [7.5, 10.0] and grid.allocated[0] == [10.0, 5.0]
    assert [grid.band(0, 0), grid.band(0, 1)] == [OVER, UNDER]


def test_capacity_summary_for_pmo_summary(staffed):
    summary = capacity_summary(staffed, "2026-10-31", months=2)
    assert summary["from"] == "2026-11" and summary["to"] == "2026-12"
    assert summary["people"] == 3 and summary["over_allocation_count"] == 2
    assert summary["people_over_allocated"] == 1
    eng = summary["teams"]["Engineering"]
    assert [c["utilisation_pct"] for c in eng] == [round(100 * 29.4 / 28.6, 1), round(100 * 33.6 / 33.3, 1)]
    assert summary["over_allocations"][0]["projects"] == [{"project": "PRJ-A", "days": 10.5},
                                                          {"project": "PRJ-B", "days": 10.5}]
    assert summary["unstaffed_days"] == 21
