"""Trends read each past period's money and risks as the portfolio said them at that period's cut-off:
later edits to budgets, forecasts and risk scores are undone through the change log."""

from __future__ import annotations

from datetime import date

from pmo_desktop.reports.trends_data import load_trends

PERIOD = date(2026, 10, 31)
AUG, SEP = date(2026, 8, 31), date(2026, 9, 30)


def _points(pf):
    return {t.period: t for t in load_trends(pf, PERIOD, None)}


def _backdate(pf, table: str, row_id: int, when: str) -> None:
    pf.conn.execute("UPDATE change_log SET at = ? WHERE tbl = ? AND row_id = ?", (when, table, row_id))


def test_budget_and_risk_edits_after_a_cut_off_leave_that_period_as_it_was(demo):
    before = _points(demo)
    pid, budget = demo.conn.execute(
        "SELECT id, approved_budget FROM projects WHERE approved_budget > 0 ORDER BY code").fetchone()
    line, forecast = demo.conn.execute(
        """SELECT id, coalesce(forecast, planned) FROM budget_lines WHERE project_id = ? AND month > '2026-12-01'
           ORDER BY month LIMIT 1""", (pid,)).fetchone()
    risk = demo.conn.execute(
        """SELECT id FROM raid_items WHERE type = 'Risk' AND status <> 'Closed' AND probability * impact < 10
           AND raised_date <= '2026-05-31' AND closed_date IS NULL ORDER BY ref""").fetchone()[0]
    with demo.batch("cli", "re-baseline and re-score"):
        demo.conn.execute("UPDATE projects SET approved_budget = ? WHERE id = ?", (budget + 100_000_00, pid))
        demo.conn.execute("UPDATE budget_lines SET forecast = ? WHERE id = ?", (forecast + 50_000_00, line))
        demo.conn.execute("UPDATE raid_items SET probability = 5, impact = 5 WHERE id = ?", (risk,))
    for table, row in (("projects", pid), ("budget_lines", line), ("raid_items", risk)):
        _backdate(demo, table, row, "2026-09-15T10:00:00.000Z")  # edited after August's cut-off, before September's
    after = _points(demo)
    # August: what the portfolio said at its cut-off, the edits not yet made
    assert after[AUG].budget == before[AUG].budget
    assert after[AUG].eac == before[AUG].eac
    assert after[AUG].open_high_risks == before[AUG].open_high_risks
    # September and October: the edits were in force
    for when in (SEP, PERIOD):
        assert after[when].budget == before[when].budget + 100_000_00
        assert after[when].eac == before[when].eac + 50_000_00
        assert after[when].open_high_risks == before[when].open_high_risks + 1


def test_edits_made_today_show_only_in_the_packs_own_period(demo):
    before = _points(demo)
    pid, budget = demo.conn.execute(
        "SELECT id, approved_budget FROM projects WHERE approved_budget > 0 ORDER BY code").fetchone()
    with demo.batch("cli", "new budget"):
        demo.conn.execute("UPDATE projects SET approved_budget = ? WHERE id = ?", (budget * 2, pid))
    with demo.batch("cli", "line removed"):
        gone = demo.conn.execute("SELECT id FROM budget_lines WHERE project_id = ? AND actual > 0 ORDER BY month",
                                 (pid,)).fetchone()[0]
        demo.conn.execute("DELETE FROM budget_lines WHERE id = ?", (gone,))
    after = _points(demo)
    assert after[PERIOD].budget == before[PERIOD].budget + budget
    assert after[PERIOD].actual_to_date < before[PERIOD].actual_to_date
    for when in list(after)[:-1]:  # every earlier period: the budget and the deleted actual as they were
        assert after[when].budget == before[when].budget
        assert after[when].actual_to_date == before[when].actual_to_date
