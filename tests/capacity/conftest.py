"""A small staffed portfolio whose capacity figures are worked out by hand in the tests.

Calendar Monday-Friday with holidays 2026-12-25 and 2026-12-28: November 2026 and December 2026 both
have 21 working days.

- Ada, Developer, Engineering, 1.0 FTE, £600/day, Python:4; SQL:3; leave 2-6 November (5 days).
  PRJ-A 0.5 + PRJ-B 0.5 in November; PRJ-A 1.0 + PRJ-B 0.1 in December.
- Bob, Tester, Engineering, 0.6 FTE, £400/day, Python:2; half a day's leave on 24 December.
  PRJ-A 0.4 in November, 0.5 in December.
- Cleo, Data Engineer, Data, 1.0 FTE, £500/day, Python:5; SQL:4; part-time spell (0.4 not worked)
  16 November to 31 December, and leave 29-31 December.  PRJ-B 0.6 in November, 0.5 in December.
- Unstaffed demand: a Developer at 1.0 FTE on PRJ-B in December.
- Labour budget: PRJ-A November planned £6,000 OPEX (actual £6,500) + £4,000 CAPEX (forecast £3,800);
  PRJ-B December planned £5,000 (and a Contractors line that must be ignored).
"""

import pytest

from pmo_desktop.capacity.people import PersonRecord, add_non_working, save_people, set_allocation
from pmo_desktop.store.rows import insert_row


@pytest.fixture
def staffed(portfolio):
    pf = portfolio
    with pf.batch("cli", "Set up"):
        cal = insert_row(pf, "calendars", {"name": "Standard", "working_days": "1111100"})
        for day in ("2026-12-25", "2026-12-28"):
            insert_row(pf, "calendar_exceptions", {"calendar_id": cal, "date": day, "working": 0})
        a = insert_row(pf, "projects", {"code": "PRJ-A", "name": "Alpha"})
        b = insert_row(pf, "projects", {"code": "PRJ-B", "name": "Beta"})
        for project, category, spend, month, planned, actual, forecast in [
            (a, "Labour", "OPEX", "2026-11-01", 600_000, 650_000, None),
            (a, "Labour", "CAPEX", "2026-11-01", 400_000, None, 380_000),
            (b, "Labour", "OPEX", "2026-12-01", 500_000, None, 500_000),
            (b, "Contractors", "OPEX", "2026-12-01", 900_000, None, 900_000),
        ]:
            insert_row(pf, "budget_lines", {"project_id": project, "category": category, "spend_type": spend,
                                            "month": month, "planned": planned, "actual": actual,
                                            "forecast": forecast})
        save_people(pf, [
            PersonRecord.parse("Ada", "Developer", "Engineering", 1, 600, "Python:4; SQL:3"),
            PersonRecord.parse("Bob", "Tester", "Engineering", 0.6, 400, "Python:2"),
            PersonRecord.parse("Cleo", "Data Engineer", "Data", "100%", "£500", "Python:5; SQL:4"),
        ])
        add_non_working(pf, "Ada", "2026-11-02", "2026-11-06")
        add_non_working(pf, "Bob", "2026-12-24", "2026-12-24", fraction=0.5)
        add_non_working(pf, "Cleo", "2026-11-16", "2026-12-31", kind="part-time", fraction=0.4)
        add_non_working(pf, "Cleo", "2026-12-29", "2026-12-31")
        for project, month, amount, person in [
            ("PRJ-A", "2026-11", 0.5, "Ada"), ("PRJ-B", "2026-11", 0.5, "Ada"),
            ("PRJ-A", "2026-12", 1.0, "Ada"), ("PRJ-B", "2026-12", 0.1, "Ada"),
            ("PRJ-A", "2026-11", 0.4, "Bob"), ("PRJ-A", "2026-12", 0.5, "Bob"),
            ("PRJ-B", "2026-11", 0.6, "Cleo"), ("PRJ-B", "2026-12", 0.5, "Cleo"),
        ]:
            set_allocation(pf, project, month, amount, person=person)
        set_allocation(pf, "PRJ-B", "2026-12", 1.0, role="Developer")
        # Outside the months the tests ask about: must not leak in.
        set_allocation(pf, "PRJ-A", "2027-01", 1.0, person="Bob")
    return pf
