"""The demo tells one story: baselines are the plans, the few late projects say so in their schedule RAG,
and the benefits at risk are a handful, each for a reason the user can see in the register."""

from datetime import date

from pmo_desktop.benefits import register as reg
from pmo_desktop.benefits.model import LinkedProject
from pmo_desktop.benefits.realisation import portfolio_realisation
from pmo_desktop.finance.calendars import load_calendars
from pmo_desktop.finance.periods import make_period
from pmo_desktop.finance.rag import derive_schedule_rag, worst_milestone_slippage
from pmo_desktop.store.rows import insert_row


def test_demo_schedule_rags_are_what_the_plans_say(demo):
    period = make_period(date.fromisoformat(demo.settings()["current_period"]))
    slips = worst_milestone_slippage(demo, period)
    reported = dict(demo.conn.execute("SELECT project_id, rag_schedule FROM status_reports WHERE period = ?",
                                      (period.end.isoformat(),)))
    late = 0
    for pid, code, schedule in demo.conn.execute(
            "SELECT id, code, rag_schedule FROM projects WHERE rag_schedule IN ('R', 'A', 'G')"):
        derived = derive_schedule_rag(slips.get(pid, 0))
        assert schedule == derived.value, code  # the register's schedule RAG is what the milestones say
        assert reported.get(pid, schedule) == schedule, code  # and so is this month's report
        late += schedule != "G"
    assert 2 <= late <= 10  # a few real slips, not the whole book
    # The project's finish moves past its baseline just as far as its milestones (what benefits look at),
    # and closed projects finished on their baseline.
    (calendar,) = load_calendars(demo.conn).values()
    for pid, code, schedule, finish, base in demo.conn.execute(
            "SELECT id, code, rag_schedule, finish_date, baseline_finish FROM projects WHERE stage <> 'Idea'"):
        project = LinkedProject(pid, code, None, None, date.fromisoformat(finish), date.fromisoformat(base), calendar)
        assert project.slip_working_days == (0 if schedule == "B" else slips.get(pid, 0)), code


def test_demo_has_a_handful_of_benefits_at_risk_for_visible_reasons(demo):
    data = portfolio_realisation(demo)
    rags = {code: (overall, schedule) for code, overall, schedule in
            demo.conn.execute("SELECT code, rag_overall, rag_schedule FROM projects")}
    assert 1 <= data["at_risk_count"] <= data["count"] // 3
    for row in data["at_risk"]:
        assert row["risk_reasons"] or row["status"] == "At risk"
        for reason in row["risk_reasons"]:
            code = reason.split()[0]
            overall, schedule = rags[code]
            assert (overall == "R") if reason.endswith("is red") else schedule in ("A", "R"), reason


def test_slip_counts_the_project_calendar_holidays(portfolio):
    pf = portfolio
    cal = insert_row(pf, "calendars", {"name": "UK", "working_days": "1111100"})
    with pf.batch("test", "Holidays"):
        pf.conn.executemany("INSERT INTO calendar_exceptions (calendar_id, date, working) VALUES (?, ?, 0)",
                            [(cal, "2026-12-25"), (cal, "2026-12-28"), (cal, "2027-01-01")])
    # 18 Dec 2026 -> 6 Jan 2027: 13 weekdays, 10 working days once Christmas and New Year are off.
    insert_row(pf, "projects", {"code": "PRJ-1", "name": "PRJ-1", "stage": "Execution", "status": "Active",
                                "finish_date": "2027-01-06", "baseline_finish": "2026-12-18", "rag_overall": "G",
                                "calendar_id": cal})
    reg.add_benefit(pf, {"title": "Savings", "type": "Cash-releasing", "target": 100}, projects=["PRJ-1"])
    (benefit,) = reg.load_benefits(pf)
    assert benefit.projects[0].slip_working_days == 10
    assert benefit.derived_status == "Planned"  # within the green tolerance, as the schedule RAG has it
