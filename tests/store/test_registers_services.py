"""Custom fields and status reports as plain store functions (no Qt)."""

import pytest

from pmo_desktop.store import PortfolioError, custom_fields, status_reports


def test_custom_fields_add_set_and_undo(demo):
    fid = custom_fields.add_field(demo, "project", "Benefit owner", "choice", ["Finance", "Ops", ""])
    assert custom_fields.list_fields(demo, "project") == [
        {"id": fid, "entity": "project", "name": "Benefit owner", "field_type": "choice",
         "choices": ["Finance", "Ops"]}]
    with demo.batch("ui", "set") as batch_id:
        custom_fields.set_value(demo, fid, 1, "Ops")
    assert demo.conn.execute("SELECT value FROM custom_values").fetchall() == [("Ops",)]
    custom_fields.set_value(demo, fid, 1, None)
    assert demo.conn.execute("SELECT count(*) FROM custom_values").fetchone() == (0,)
    demo.undo(batch_id + 1)  # undo the clearing
    assert demo.conn.execute("SELECT value FROM custom_values").fetchall() == [("Ops",)]


@pytest.mark.parametrize("entity, name, kind, choices, why", [
    ("task", "X", "text", None, "custom fields exist for"),
    ("project", " ", "text", None, "needs a name"),
    ("project", "X", "colour", None, "is one of"),
    ("project", "X", "choice", [], "at least one choice"),
    ("project", "X", "choice", ["a", "A"], "must differ"),
])
def test_custom_field_refusals(portfolio, entity, name, kind, choices, why):
    before = portfolio.last_batch_id()
    with pytest.raises(PortfolioError, match=why):
        custom_fields.add_field(portfolio, entity, name, kind, choices)
    assert portfolio.last_batch_id() == before


def test_custom_field_names_are_unique(portfolio):
    custom_fields.add_field(portfolio, "raid_item", "Cost", "number")
    with pytest.raises(PortfolioError, match="already a field"):
        custom_fields.add_field(portfolio, "raid_item", "cost", "text")
    custom_fields.add_field(portfolio, "project", "Cost", "number")  # another entity is fine


def test_status_report_prefill_and_save(demo):
    latest = demo.conn.execute(
        "SELECT project_id, max(period) FROM status_reports GROUP BY project_id ORDER BY project_id LIMIT 1").fetchone()
    project_id, last_period = latest
    period = status_reports.next_free_period(demo, project_id)
    assert period > last_period
    values = status_reports.prefill(demo, project_id, period)
    previous = status_reports.report(demo, project_id, last_period)
    assert values["previous_period"] == last_period
    assert values["rag_overall"] == previous["rag_overall"]
    assert values["achievements"] == previous["next_steps"] and values["next_steps"] is None
    batch_id = status_reports.save_report(demo, project_id, period, {"rag_overall": "A", "summary": "Tight"})
    assert status_reports.report(demo, project_id, period)["summary"] == "Tight"
    status_reports.save_report(demo, project_id, period, {"summary": "Better"})
    assert status_reports.report(demo, project_id, period)["rag_overall"] == "A"
    assert status_reports.history(demo, project_id)[0]["period"] == period
    demo.undo(batch_id + 1)
    demo.undo(batch_id)
    assert status_reports.report(demo, project_id, period) is None
    with pytest.raises(ValueError):
        status_reports.save_report(demo, project_id, period, {"colour": "red"})


def test_prefill_without_history_uses_project_rags(portfolio):
    with portfolio.batch("ui", "add") as _:
        pid = portfolio.conn.execute(
            "INSERT INTO projects (code, name, rag_overall, manager) VALUES ('P-1', 'One', 'G', 'Ann')").lastrowid
    values = status_reports.prefill(portfolio, pid, "2026-10-31")
    assert values["rag_overall"] == "G" and values["author"] == "Ann" and values["summary"] is None
