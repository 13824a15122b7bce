"""Benefits realisation worked by hand: levels held between measurements, progress both ways, slips."""

from datetime import date

import pytest

from pmo_desktop.benefits import register as reg
from pmo_desktop.benefits.model import BenefitsError
from pmo_desktop.benefits.realisation import portfolio_realisation
from pmo_desktop.store.rows import insert_row, update_row

PERIOD = "2026-10-31"


def _project(pf, code="PRJ-1", finish="2027-01-29", baseline="2027-01-29", rag="G", status="Active"):
    return insert_row(pf, "projects", {"code": code, "name": code, "stage": "Execution", "status": status,
                                       "finish_date": finish, "baseline_finish": baseline, "rag_overall": rag,
                                       "approved_budget": 1_000_000})


@pytest.fixture
def book(portfolio):
    pf = portfolio
    pf.set_settings({"current_period": PERIOD, "fy_start_month": 4})
    _project(pf)
    cash = reg.add_benefit(pf, {"title": "Licence savings", "type": "Cash-releasing", "baseline": 0, "target": 1000,
                                "target_date": "2026-12-31", "status": "Realising"}, projects=["PRJ-1"])
    for period, planned, actual, forecast in (("2026-06", 250, 200, None), ("2026-09", 500, 450, None),
                                              ("2026-12", 1000, None, 900)):
        reg.record_measurement(pf, cash, period, planned=planned, actual=actual, forecast=forecast)
    days = reg.add_benefit(pf, {"title": "Faster onboarding", "type": "non cash", "measure": "Onboarding time",
                                "unit": "days", "baseline": 12, "target": 5}, projects=["PRJ-1"])
    reg.record_measurement(pf, days, "2026-09-30", actual=8)
    return pf


def test_realisation_by_hand(book):
    data = portfolio_realisation(book)
    rows = {r["ref"]: r for r in data["benefits"]}
    cash = rows["B-001"]
    assert cash["planned_to_date"] == 500  # the September level holds to the end of October
    assert cash["realised_to_date"] == 450
    assert cash["progress_pct"] == 45.0
    assert cash["forecast_at_target"] == 900
    assert data["cash"] == {"planned_to_date": 500, "realised_to_date": 450, "target": 1000, "forecast": 900,
                            "realised_vs_plan_pct": 90.0}
    # FY2026/27 (April start): from nothing at 31 Mar 2026 to the 900 forecast at 31 Mar 2027.
    assert data["by_year"] == {"FY2026/27": 900}
    # The non-cash benefit has no target date: counted, never added to the pounds.
    none = {"due": 0, "realised": 0, "at_risk": 0, "lost": 0}
    assert data["non_cash_by_year"] == {"by_fy": {}, "undated": {**none, "due": 1}}
    # A measure that should fall: 12 → 5 days, now 8: (8 − 12) / (5 − 12) = 4/7.
    assert rows["B-002"]["progress_pct"] == 57.1
    assert rows["B-002"]["type"] == "Non-cash"
    curve = {p["period"]: p for p in data["curve"]}
    assert curve["2026-07-31"] == {"period": "2026-07-31", "planned": 250, "actual": 200, "forecast": None}
    assert curve["2026-10-31"]["forecast"] == 450  # forecast starts where the actual stands
    assert curve["2026-12-31"] == {"period": "2026-12-31", "planned": 1000, "actual": None, "forecast": 900}


def test_slip_moves_the_date_and_derives_at_risk_without_overwriting(book):
    pf = book
    assert portfolio_realisation(pf)["at_risk"] == []
    # 28 calendar days late = 20 working days: beyond the 10-day green tolerance.
    pf.conn.execute("UPDATE projects SET finish_date = '2027-02-26'")
    data = portfolio_realisation(pf)
    cash = {r["ref"]: r for r in data["benefits"]}["B-001"]
    assert cash["status"] == "Realising" and cash["derived_status"] == "At risk"
    assert cash["expected_date"] == "2027-01-28" and cash["slip_days"] == 28
    assert cash["risk_reasons"] == ["PRJ-1 has slipped 20 working days"]
    assert pf.conn.execute("SELECT status FROM benefits WHERE ref = 'B-001'").fetchone()[0] == "Realising"
    # A small slip (within tolerance) moves the date but is not a risk.
    pf.conn.execute("UPDATE projects SET finish_date = '2027-02-05'")
    cash = {r["ref"]: r for r in portfolio_realisation(pf)["benefits"]}["B-001"]
    assert cash["derived_status"] == "Realising" and cash["expected_date"] == "2027-01-07"


def test_red_project_puts_open_benefits_at_risk_but_not_realised_ones(book):
    pf = book
    update_row(pf, "projects", pf.conn.execute("SELECT id FROM projects WHERE code = 'PRJ-1'").fetchone()[0],
               {"rag_overall": "R"})
    reg.update_benefit(pf, "B-002", {"status": "Realised"})
    rows = {r["ref"]: r for r in portfolio_realisation(pf)["benefits"]}
    assert rows["B-001"]["derived_status"] == "At risk" and rows["B-001"]["risk_reasons"] == ["PRJ-1 is red"]
    assert rows["B-002"]["derived_status"] == "Realised"


def test_bad_values_change_nothing(book):
    pf = book
    before = pf.last_batch_id()
    with pytest.raises(BenefitsError, match="type"):
        reg.add_benefit(pf, {"title": "x", "type": "Soft"})
    with pytest.raises(BenefitsError, match="no project with code 'NOPE'"):
        reg.add_benefit(pf, {"title": "x"}, projects=["NOPE"])
    with pytest.raises(BenefitsError, match="number"):
        reg.update_benefit(pf, "B-001", {"target": "lots"})
    with pytest.raises(BenefitsError, match="no benefit"):
        reg.record_measurement(pf, "B-404", "2026-10", actual=1)
    with pytest.raises(BenefitsError, match="period"):
        reg.record_measurement(pf, "B-001", "Q3", actual=1)
    assert pf.last_batch_id() == before


def test_link_edit_and_undo(book):
    pf = book
    _project(pf, "PRJ-2")
    reg.set_projects(pf, "B-001", ["PRJ-1", "PRJ-2"])
    batch = pf.last_batch_id()
    assert [p.code for p in reg.load_benefits(pf, refs=["B-001"])[0].projects] == ["PRJ-1", "PRJ-2"]
    pf.undo(batch)
    assert [p.code for p in reg.load_benefits(pf, refs=["B-001"])[0].projects] == ["PRJ-1"]
    reg.delete_benefit(pf, "B-002")
    assert [b.ref for b in reg.load_benefits(pf)] == ["B-001"]


def test_demo_has_believable_benefits(demo):
    data = portfolio_realisation(demo, when=date(2026, 10, 31))
    assert data["count"] >= 10
    assert data["by_type"]["Cash-releasing"] > 0 and data["by_type"]["Non-cash"] > 0
    assert data["cash"]["realised_to_date"] > 0 and data["cash"]["target"] > data["cash"]["realised_to_date"]
    assert all(r["projects"] for r in data["benefits"])
    assert data["curve"]


def test_a_measurement_can_be_deleted_and_the_delete_undone(book):
    pf = book
    reg.delete_measurement(pf, "B-001", "2026-09")
    batch = pf.last_batch_id()
    assert pf.batch_info(batch)["label"] == "Delete measurement B-001 2026-09"
    cash = {r["ref"]: r for r in portfolio_realisation(pf)["benefits"]}["B-001"]
    assert cash["planned_to_date"] == 250 and cash["realised_to_date"] == 200  # June's levels hold again
    before = pf.last_batch_id()
    with pytest.raises(BenefitsError, match="B-001 has no measurement for 2026-09"):
        reg.delete_measurement(pf, "B-001", "2026-09-30")
    with pytest.raises(BenefitsError, match="no benefit"):
        reg.delete_measurement(pf, "B-404", "2026-06")
    with pytest.raises(BenefitsError, match="period"):
        reg.delete_measurement(pf, "B-001", "Q3")
    assert pf.last_batch_id() == before
    pf.undo(batch)
    cash = {r["ref"]: r for r in portfolio_realisation(pf)["benefits"]}["B-001"]
    assert cash["planned_to_date"] == 500 and cash["realised_to_date"] == 450


def test_non_cash_benefits_by_the_year_they_fall_due(book):
    """Counted in the FY of their expected date: realised, at risk (a red project), lost."""
    pf = book
    none = {"due": 0, "realised": 0, "at_risk": 0, "lost": 0}
    reg.update_benefit(pf, "B-002", {"target_date": "2027-05-31"})
    reg.add_benefit(pf, {"title": "Better morale", "type": "Qualitative", "target_date": "2026-08-31",
                         "status": "Realised"})
    reg.add_benefit(pf, {"title": "Cleaner data", "type": "Non-cash", "target_date": "2027-02-28", "status": "Lost"})
    assert portfolio_realisation(pf)["non_cash_by_year"]["by_fy"] == {
        "FY2026/27": {**none, "due": 2, "realised": 1, "lost": 1}, "FY2027/28": {**none, "due": 1}}
    update_row(pf, "projects", pf.conn.execute("SELECT id FROM projects WHERE code = 'PRJ-1'").fetchone()[0],
               {"rag_overall": "R"})
    assert portfolio_realisation(pf)["non_cash_by_year"]["by_fy"]["FY2027/28"] == {**none, "due": 1, "at_risk": 1}
