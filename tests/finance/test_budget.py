"""The budget grid service: reading a project's lines as a grid, editing cells as one undo step."""

from datetime import date

import pytest

from pmo_desktop.finance.budget import BudgetEdit, BudgetError, apply_budget_edits, budget_grid
from tests.finance import worked


@pytest.fixture
def ex(portfolio):
    return portfolio, worked.build(portfolio)


def test_grid_of_a_project(ex):
    pf, ids = ex
    grid = budget_grid(pf, ids["P1"], date(2026, 10, 1))
    assert grid.lines == [("Hardware", "CAPEX"), ("Labour", "OPEX")]
    assert grid.months[0] == date(2026, 4, 1) and grid.months[-1] == date(2027, 3, 1) and len(grid.months) == 12
    assert grid.value("Labour", "OPEX", date(2026, 8, 1), "actual") == 120_000
    assert grid.value("Labour", "OPEX", date(2026, 10, 1), "actual") is None
    assert grid.is_actual_month(date(2026, 10, 1)) and not grid.is_actual_month(date(2026, 11, 1))
    assert grid.total("planned") == 1_100_000
    assert grid.total("outturn") == 970_000  # = EAC from the roll-ups
    assert grid.total("outturn", month=date(2026, 11, 1)) == 250_000  # forecast, not the stray actual
    assert grid.total("actual", line=("Labour", "OPEX")) == 120_000 + 90_000 + 999_999
    with pytest.raises(BudgetError, match="no project"):
        budget_grid(pf, 999, date(2026, 10, 1))


def test_edits_are_one_undo_step(ex):
    pf, ids = ex
    p1 = ids["P1"]
    edits = [
        BudgetEdit("Labour", "OPEX", "2026-10", "actual", 95_000),  # fill a missing actual
        BudgetEdit("Labour", "OPEX", date(2026, 12, 1), "forecast", 180_000),
        BudgetEdit("Travel", "OPEX", "2026-11-01", "forecast", 5_000),  # a new line
        BudgetEdit("Travel", "OPEX", "2026-11-01", "planned", 4_000),  # then its plan, same call
    ]
    batch = apply_budget_edits(pf, p1, edits)
    assert batch is not None
    grid = budget_grid(pf, p1, date(2026, 10, 1))
    assert ("Travel", "OPEX") in grid.lines
    assert grid.value("Travel", "OPEX", date(2026, 11, 1), "planned") == 4_000
    assert grid.total("outturn") == 970_000 + 95_000 - 20_000 + 5_000
    pf.undo(batch)
    grid = budget_grid(pf, p1, date(2026, 10, 1))
    assert ("Travel", "OPEX") not in grid.lines and grid.total("outturn") == 970_000


def test_no_change_writes_nothing(ex):
    pf, ids = ex
    before = pf.last_batch_id()
    assert apply_budget_edits(pf, ids["P1"], [BudgetEdit("Labour", "OPEX", "2026-08", "actual", 120_000)]) is None
    assert apply_budget_edits(pf, ids["P1"], []) is None
    assert apply_budget_edits(pf, ids["P1"], [BudgetEdit("New", "OPEX", "2026-08", "actual", None)]) is None
    assert pf.last_batch_id() == before


@pytest.mark.parametrize("edit, message", [
    (BudgetEdit("", "OPEX", "2026-08", "actual", 1), "needs a category"),
    (BudgetEdit("Labour", "CAPX", "2026-08", "actual", 1), "CAPEX or OPEX"),
    (BudgetEdit("Labour", "OPEX", "Aug 2026", "actual", 1), "not a month"),
    (BudgetEdit("Labour", "OPEX", "2026-13", "actual", 1), "not a month"),
    (BudgetEdit("Labour", "OPEX", "2026-08", "budget", 1), "planned, actual or forecast"),
    (BudgetEdit("Labour", "OPEX", "2026-08", "actual", 1.5), "whole minor units"),
])
def test_bad_edits_change_nothing(ex, edit, message):
    pf, ids = ex
    before = pf.last_batch_id()
    good = BudgetEdit("Labour", "OPEX", "2026-08", "actual", 1)
    with pytest.raises(BudgetError, match=message):
        apply_budget_edits(pf, ids["P1"], [good, edit])
    assert pf.last_batch_id() == before
    assert budget_grid(pf, ids["P1"], date(2026, 10, 1)).value("Labour", "OPEX", date(2026, 8, 1), "actual") == 120_000


def test_clearing_planned_sets_zero(ex):
    pf, ids = ex
    apply_budget_edits(pf, ids["P1"], [BudgetEdit("Labour", "OPEX", "2026-08", "planned", None)])
    assert budget_grid(pf, ids["P1"], date(2026, 10, 1)).value("Labour", "OPEX", date(2026, 8, 1), "planned") == 0

