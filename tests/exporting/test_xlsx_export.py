"""`pmo export`: a real workbook (dates, money, RAG colours, safe text) that the importer reads back exactly."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from openpyxl import load_workbook

from pmo_desktop.store import create_portfolio, open_portfolio
from pmo_desktop.store.rows import insert_row

QUERIES = {
    "projects": """SELECT p.code, p.name, p.description, g.name, p.sponsor, p.manager, p.business_unit,
                   p.strategic_theme, p.stage, p.status, p.priority, p.start_date, p.finish_date, p.baseline_start,
                   p.baseline_finish, p.approved_budget, p.percent_complete, p.rag_overall, p.rag_schedule,
                   p.rag_cost, p.rag_scope, p.rag_resources
                   FROM projects p LEFT JOIN programmes g ON g.id = p.programme_id ORDER BY 1""",
    "status": """SELECT p.code, s.period, s.rag_overall, s.rag_schedule, s.rag_cost, s.rag_scope, s.rag_resources,
                 s.summary, s.achievements, s.next_steps, s.top_issues, s.decisions_needed, s.author
                 FROM status_reports s JOIN projects p ON p.id = s.project_id ORDER BY 1, 2""",
    "raid": """SELECT r.ref, r.type, r.title, r.description, r.owner, r.raised_date, r.due_date, r.closed_date,
               r.status, r.probability, r.impact, r.response, r.escalated, p.code, q.code
               FROM raid_items r LEFT JOIN projects p ON p.id = r.project_id
               LEFT JOIN projects q ON q.id = r.related_project_id ORDER BY 1""",
    "tasks": """SELECT p.code, t.wbs, t.name, t.kind, t.start_date, t.finish_date, t.duration_days, t.baseline_start,
                t.baseline_finish, t.actual_start, t.actual_finish, t.percent_complete, t.owner, t.notes,
                (SELECT x.wbs FROM tasks x WHERE x.id = t.parent_id)
                FROM tasks t JOIN projects p ON p.id = t.project_id ORDER BY 1, 2""",
    "dependencies": """SELECT p.code, s.wbs, t.wbs, d.type, d.lag_days FROM dependencies d
                       JOIN tasks s ON s.id = d.successor_id JOIN tasks t ON t.id = d.predecessor_id
                       JOIN projects p ON p.id = s.project_id ORDER BY 1, 2, 3""",
    "budget": """SELECT p.code, b.category, b.spend_type, b.month, b.planned, b.actual, b.forecast
                 FROM budget_lines b JOIN projects p ON p.id = b.project_id ORDER BY 1, 2, 3, 4""",
    "benefits": """SELECT ref, title, type, owner, description, measure, unit, baseline, target, target_date, status
                   FROM benefits ORDER BY 1""",
    "benefit_projects": """SELECT b.ref, p.code FROM benefit_projects l JOIN benefits b ON b.id = l.benefit_id
                           JOIN projects p ON p.id = l.project_id ORDER BY 1, 2""",
    "benefit_measurements": """SELECT b.ref, m.period, m.planned, m.forecast, m.actual, m.note
                               FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id ORDER BY 1, 2""",
}


def _snapshot(path):
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in QUERIES.items()}
    finally:
        conn.close()


def test_round_trip_of_the_demo(demo_path, tmp_path, pmo):
    out = tmp_path / "demo.xlsx"
    code, text, err = pmo(["export", demo_path, out])
    assert code == 0, err
    assert "40 Projects" in text
    fresh = tmp_path / "fresh.pmo"
    create_portfolio(fresh).close()
    code, text, err = pmo(["import", fresh, out])
    assert code == 0, err
    original, copy = _snapshot(demo_path), _snapshot(fresh)
    for name in QUERIES:
        assert len(copy[name]) == len(original[name]) > 0, name
        assert copy[name] == original[name], name
    code, text, _ = pmo(["import", fresh, out, "--dry-run"])  # a second import finds nothing to change
    assert " 0 new, 0 changed" in text.splitlines()[0]


def test_cells_are_typed_coloured_and_safe(tmp_path, pmo):
    path = tmp_path / "p.pmo"
    pf = create_portfolio(path)
    insert_row(pf, "projects", {"code": "=HYPERLINK(\"http://x\")", "name": "+SUM(A1)", "description": "@cmd",
                                "manager": "-1+2", "sponsor": "\tTab", "start_date": "2026-01-05",
                                "approved_budget": 123456, "percent_complete": 45.5, "rag_overall": "R",
                                "rag_cost": "G"})
    pf.close()
    out = tmp_path / "out.xlsx"
    assert pmo(["export", path, out])[0] == 0
    wb = load_workbook(out)
    ws = wb["Projects"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Code", "Name", "Description"] and ws["A1"].font.bold
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    row = {h: c for h, c in zip(header, ws[2], strict=False)}
    for field in ("Code", "Name", "Description", "Manager", "Sponsor"):
        assert row[field].data_type == "s" and row[field].value.startswith("'"), field
    assert isinstance(row["Start"].value, datetime) and row["Start"].number_format == "yyyy-mm-dd"
    assert row["Approved Budget"].value == 1234.56 and "£" in row["Approved Budget"].number_format
    assert row["% Complete"].value == 0.455 and "%" in row["% Complete"].number_format
    assert row["RAG"].value == "R" and row["RAG"].fill.fgColor.rgb.endswith("C62828")
    assert row["Cost RAG"].fill.fgColor.rgb.endswith("2E7D32")
    fresh = tmp_path / "fresh.pmo"
    create_portfolio(fresh).close()
    assert pmo(["import", fresh, out])[0] == 0
    with open_portfolio(fresh, read_only=True) as pf:
        assert pf.conn.execute("SELECT code, name, description, manager, sponsor FROM projects").fetchall() == \
            [("=HYPERLINK(\"http://x\")", "+SUM(A1)", "@cmd", "-1+2", "\tTab")]


def test_export_refuses_to_overwrite_and_odd_targets(demo_path, tmp_path, pmo):
    out = tmp_path / "x.xlsx"
    out.write_text("keep me")
    code, _, err = pmo(["export", demo_path, out])
    assert code == 1 and "already exists" in err and out.read_text() == "keep me"
    code, _, err = pmo(["export", demo_path, tmp_path / "x.pdf"])
    assert code == 1 and ".xlsx" in err


def test_benefit_sheets_refuse_bad_rows_whole(demo_path, tmp_path, pmo):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Benefits"
    ws.append(["Ref", "Title", "Type", "Projects", "Target"])
    ws.append(["B-900", "Good one", "Non-cash", "PRJ-101", 5])
    ws.append(["B-901", "Bad link", "Cash-releasing", "PRJ-999", 5])
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = _snapshot(demo_path)["benefits"]
    code, _, err = pmo(["import", demo_path, bad])
    assert code == 1 and "Benefits row 3: there is no project with code 'PRJ-999'" in err
    assert _snapshot(demo_path)["benefits"] == before
    ws.delete_rows(3)
    ws.append(["B-901", "Soft benefit", "Fluffy", "PRJ-101", "lots"])
    wb.save(bad)
    code, _, err = pmo(["import", demo_path, bad])
    assert code == 1 and "Benefits row 3" in err and "type" in err
    ws.delete_rows(3)
    wb.save(bad)
    code, text, err = pmo(["import", demo_path, bad])
    assert code == 0, err
    assert "benefits added 1" in text
    assert ("B-900", "Good one", "Non-cash") in [r[:3] for r in _snapshot(demo_path)["benefits"]]


def test_elapsed_durations_are_written_as_ms_project_shows_them(tmp_path, pmo):
    from tests.scheduling.test_elapsed import PLAN as SLAB

    path = tmp_path / "slab.pmo"
    create_portfolio(path).close()
    (tmp_path / "slab.xml").write_text(SLAB, encoding="utf-8")
    assert pmo(["import-plan", path, tmp_path / "slab.xml"])[0] == 0
    out = tmp_path / "slab.xlsx"
    assert pmo(["export", path, out])[0] == 0
    ws = load_workbook(out)["Tasks"]
    header = [c.value for c in ws[1]]
    duration = {r[header.index("Name")].value: r[header.index("Duration")].value for r in ws.iter_rows(min_row=2)}
    assert (duration["Cure"], duration["Dry"], duration["Settle"]) == ("2 edays", "10 ehrs", "1 eday")
    assert duration["Pour"] == 2 and duration["Strip"] == 0.5  # working days stay numbers
    fresh = tmp_path / "fresh.pmo"
    create_portfolio(fresh).close()
    code, _out, err = pmo(["import", fresh, out])  # the workbook reads back (elapsed as calendar days)
    assert code == 0, err
    with open_portfolio(fresh, read_only=True) as pf:
        assert pf.conn.execute("SELECT duration_days FROM tasks WHERE name = 'Cure'").fetchone()[0] == 2
