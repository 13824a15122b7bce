"""The demo's people: teams, roles, skills, leave, part-timers, twelve months of allocations."""

import sqlite3
from datetime import date

from pmo_desktop.capacity import capacity_summary, over_allocations
from pmo_desktop.capacity.demo import people_for
from pmo_desktop.capacity.queries import capacity_grid
from pmo_desktop.demo import build_demo
from pmo_desktop.store import create_portfolio


def test_demo_has_people_with_everything(demo):
    c = demo.conn
    assert c.execute("SELECT count(*) FROM people").fetchone()[0] == 60
    assert {r[0] for r in c.execute("SELECT DISTINCT team FROM people")} == {"Delivery", "Engineering", "Data", "Change"}
    assert len({r[0] for r in c.execute("SELECT DISTINCT role FROM people")}) == 8
    assert set(demo.settings()["roles"]) >= {r[0] for r in c.execute("SELECT DISTINCT role FROM people")}
    assert c.execute("SELECT count(*) FROM people WHERE fte < 1").fetchone()[0] > 0
    assert c.execute("SELECT count(DISTINCT person_id) FROM person_skills").fetchone()[0] == 60
    assert {r[0] for r in c.execute("SELECT DISTINCT kind FROM non_working")} == {"leave", "part-time"}
    months = [r[0] for r in c.execute("SELECT DISTINCT month FROM allocations ORDER BY month")]
    assert months[0] == "2026-10-01" and months[-1] == "2027-09-01" and len(months) == 12
    assert c.execute("SELECT count(*) FROM allocations WHERE person_id IS NULL").fetchone()[0] > 0
    grid = capacity_grid(demo, date(2026, 11, 1), date(2027, 4, 1))
    assert over_allocations(grid)  # some people are over-allocated
    summary = capacity_summary(demo)  # the month after the current period (2026-10-31)
    assert summary["from"] == "2026-11" and summary["people"] == 60 and len(summary["over_allocations"]) == 10


def test_demo_people_are_deterministic_and_optional(tmp_path):
    def build(name, seed, people=None):
        path = tmp_path / f"{name}.pmo"
        create_portfolio(path, populate=lambda pf: build_demo(pf, projects=12, seed=seed, today=date(2026, 11, 27),
                                                              people=people)).close()
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT name, role, team, fte, day_rate FROM people ORDER BY id").fetchall()
        rows += conn.execute("SELECT person_id, role, project_id, month, amount FROM allocations ORDER BY id").fetchall()
        rows += conn.execute("SELECT person_id, start_date, end_date, fraction FROM non_working ORDER BY id").fetchall()
        projects = conn.execute("SELECT code, name, start_date FROM projects ORDER BY id").fetchall()
        conn.close()
        return rows, projects

    a, b, c = build("a", 3), build("b", 3), build("c", 4)
    assert a == b and a[0] != c[0]
    none = build("none", 3, people=0)
    assert none[0] == [] and none[1] == a[1]  # the projects do not depend on the people


def test_people_scale_with_projects():
    assert people_for(40) == 60 and people_for(10) == 25 and people_for(1) == 11
    assert people_for(1000) == 200 and people_for(10_000) == 2000 and people_for(100_000) == 2000
