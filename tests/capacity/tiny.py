"""A tiny staffed portfolio for `pmo summary` and the board pack's capacity figures, worked by hand.

Calendar Monday-Friday, no holidays: November 2026 has 21 working days, December 2026 has 23.
The reporting period is 2026-10-31 (one status report), so the capacity block starts in November.

- Ann, Developer, Engineering, 1.0 FTE: PRJ-A 1.2 FTE in November = 25.2 of 21 days (+4.2, 120%).
- Ben, Tester, Engineering, 0.5 FTE: PRJ-A 0.25 FTE in November = 5.25 of 10.5 days.
- Cat, Analyst, Data, 1.0 FTE, leave 2-6 November (5 days): PRJ-B 0.8 FTE in November = 16.8 of 16 days
  (+0.8, 105%).
- Unstaffed: a Tester at 0.5 FTE on PRJ-B in December = 11.5 days.

Engineering November: 30.45 allocated of 31.5 available = 96.7%; December 0 of 34.5 = 0%.
Data November: 16.8 of 16 = 105%; December 0 of 23 = 0%.
"""

from __future__ import annotations

from pathlib import Path

from pmo_desktop.capacity.people import PersonRecord, add_non_working, save_people, set_allocation
from pmo_desktop.store import create_portfolio
from pmo_desktop.store.rows import insert_row

PERIOD = "2026-10-31"


def populate(pf) -> None:
    with pf.batch("cli", "Set up"):
        insert_row(pf, "calendars", {"name": "Standard", "working_days": "1111100"})
        a = insert_row(pf, "projects", {"code": "PRJ-A", "name": "Alpha"})
        insert_row(pf, "projects", {"code": "PRJ-B", "name": "Beta"})
        insert_row(pf, "status_reports", {"project_id": a, "period": PERIOD, "rag_overall": "G"})
        save_people(pf, [
            PersonRecord.parse("Ann", "Developer", "Engineering", 1, 600, ""),
            PersonRecord.parse("Ben", "Tester", "Engineering", 0.5, 400, ""),
            PersonRecord.parse("Cat", "Analyst", "Data", 1, 500, ""),
        ])
        add_non_working(pf, "Cat", "2026-11-02", "2026-11-06")
        set_allocation(pf, "PRJ-A", "2026-11", 1.2, person="Ann")
        set_allocation(pf, "PRJ-A", "2026-11", 0.25, person="Ben")
        set_allocation(pf, "PRJ-B", "2026-11", 0.8, person="Cat")
        set_allocation(pf, "PRJ-B", "2026-12", 0.5, role="Tester")
        pf.set_settings({"current_period": PERIOD})


def make(path: Path) -> Path:
    create_portfolio(path, populate=populate).close()
    return path
