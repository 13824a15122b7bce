"""Services given more ids than SQLite takes parameters in one statement still answer: the ids go in as
one JSON parameter (store.id_lists), not one `?` each. The variable limit is lowered on the test's
connection (the builds Python ships on Windows stop at 32,766; this one at 250,000) to keep them fast."""

from __future__ import annotations

import sqlite3
from datetime import date

from openpyxl import Workbook

from pmo_desktop.demo_commentary import add_commentary_demo
from pmo_desktop.importing import service
from pmo_desktop.registers.definitions import REGISTERS
from pmo_desktop.registers.query import read_rows
from pmo_desktop.reports.trends_data import load_trends

LIMIT = 30  # parameters a statement may have in these tests
PERIOD = date(2026, 10, 31)


def _limit(pf, n: int = LIMIT) -> None:
    pf.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, n)


def _padded(ids: list[int]) -> list[int]:
    """The real ids among many that name nothing."""
    return ids + list(range(10_000_000, 10_000_000 + 5 * LIMIT))


def test_register_rows_for_more_ids_than_the_limit(demo):
    register = REGISTERS["projects"]
    ids = [r[0] for r in demo.conn.execute("SELECT id FROM projects ORDER BY id")]
    expected = read_rows(demo, register, register.columns, ids)
    _limit(demo)
    rows = read_rows(demo, register, register.columns, _padded(ids))
    assert rows == expected and len(rows) == len(ids) == 40


def test_trends_for_more_projects_than_the_limit(demo):
    ids = [r[0] for r in demo.conn.execute("SELECT id FROM projects")]
    everything = load_trends(demo, PERIOD, None)
    _limit(demo)
    assert load_trends(demo, PERIOD, _padded(ids)) == everything
    nothing = load_trends(demo, PERIOD, [])
    assert all(p.rags == {} and p.open_high_risks == 0 for p in nothing)


def test_commentary_for_a_programme_with_more_projects_than_the_limit(demo):
    with demo.batch("cli", "one programme"):
        demo.conn.execute("DELETE FROM pack_commentary")
        demo.conn.execute("UPDATE projects SET programme_id = (SELECT min(id) FROM programmes)")
    _limit(demo, 20)  # 40 projects in the one programme
    with demo.batch("cli", "commentary"):
        add_commentary_demo(demo, PERIOD)
    text = demo.conn.execute("SELECT text FROM pack_commentary WHERE programme_id IS NOT NULL").fetchone()[0]
    top = demo.conn.execute(
        """SELECT title FROM raid_items WHERE type = 'Risk' AND status <> 'Closed' AND probability IS NOT NULL
           AND impact IS NOT NULL ORDER BY probability * impact DESC, ref LIMIT 1""").fetchone()[0]
    assert top in text


def _book(tmp_path, name, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / name)
    return tmp_path / name


def test_plan_import_across_more_projects_than_the_limit(portfolio, tmp_path):
    n = 3 * LIMIT
    projects = [["Code", "Name"]] + [[f"P-{i:03}", f"Project {i}"] for i in range(n)]
    plan, _ = service.plan_file(portfolio, _book(tmp_path, "projects.xlsx", projects))
    service.apply(portfolio, plan)

    def tasks(suffix):
        return [["Project", "WBS", "Name", "Start", "Finish", "Predecessors"]] + [
            row for i in range(n) for row in (
                [f"P-{i:03}", "1", f"Design {i}{suffix}", "2026-01-05", "2026-01-09", None],
                [f"P-{i:03}", "2", f"Build {i}", "2026-01-12", "2026-01-16", "1"])]

    plan, _ = service.plan_file(portfolio, _book(tmp_path, "plan.xlsx", tasks("")), kind="tasks")
    service.apply(portfolio, plan)
    _limit(portfolio)
    plan, _ = service.plan_file(portfolio, _book(tmp_path, "plan2.xlsx", tasks(" (revised)")), kind="tasks")
    # each project's existing tasks and links were found: only the renamed task changed
    assert plan.counts() == {"new": 0, "changed": n, "unchanged": n, "error": 0}


def test_projects_funded_by_decision_more_codes_than_the_limit(demo):
    from pmo_desktop.governance.scoring import forced_ids

    codes = {code: pid for pid, code in demo.conn.execute("SELECT id, code FROM projects")}
    model = dict(demo.settings()["scoring_model"])
    model["funded"] = sorted(codes) + [f"GONE-{i}" for i in range(5 * LIMIT)]
    demo.set_settings({"scoring_model": model}, source="cli")
    _limit(demo)
    assert forced_ids(demo) == set(codes.values())


def test_benefits_named_by_more_refs_than_the_limit(demo):
    from pmo_desktop.benefits.register import load_benefits

    refs = [r[0] for r in demo.conn.execute("SELECT ref FROM benefits ORDER BY ref")]
    expected = load_benefits(demo)
    _limit(demo)
    named = load_benefits(demo, refs=iter(refs + [f"B-{i}" for i in range(900, 900 + 5 * LIMIT)]))
    assert [(b.ref, len(b.projects)) for b in named] == [(b.ref, len(b.projects)) for b in expected] != []
