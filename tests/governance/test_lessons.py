"""The lessons-learned log: add, edit, search and filter, and its Excel round trip."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from pmo_desktop.governance import lessons
from pmo_desktop.governance.common import GovernanceError
from pmo_desktop.store.rows import insert_row


@pytest.fixture
def log(portfolio):
    for code, name in (("PRJ-1", "CRM"), ("PRJ-2", "Zentrales Lieferantenportal")):
        insert_row(portfolio, "projects", {"code": code, "name": name, "stage": "Execution"})
    lessons.add_lesson(portfolio, project="PRJ-1", date="2026-06-01", category="Vendors",
                       what_happened="Supplier missed the test window", lesson="Book environments early",
                       recommendation="Add environment booking to the G2 checklist", owner="Ana")
    lessons.add_lesson(portfolio, project="PRJ-2", date="2026-09-15", category="Data",
                       what_happened="Migration found Übergrößen duplicates", lesson="Profile data first")
    lessons.add_lesson(portfolio, date="2026-03-01", category="Governance",
                       what_happened="Board papers were late", status="Closed")
    return portfolio


def test_refs_are_given_in_order_and_search_spans_the_portfolio(log):
    rows = lessons.search_lessons(log)
    assert [(r["ref"], r["project"], r["date"]) for r in rows] == [
        ("L-002", "PRJ-2", "2026-09-15"), ("L-001", "PRJ-1", "2026-06-01"), ("L-003", None, "2026-03-01")]
    assert [r["ref"] for r in lessons.search_lessons(log, text="ENVIRONMENT")] == ["L-001"]
    assert [r["ref"] for r in lessons.search_lessons(log, text="übergrößen")] == ["L-002"]
    assert [r["ref"] for r in lessons.search_lessons(log, text="lieferanten")] == ["L-002"]  # project name
    assert [r["ref"] for r in lessons.search_lessons(log, category="data")] == ["L-002"]
    assert [r["ref"] for r in lessons.search_lessons(log, project="PRJ-1")] == ["L-001"]
    assert [r["ref"] for r in lessons.search_lessons(log, status="closed")] == ["L-003"]
    assert lessons.categories(log) == ["Data", "Governance", "Vendors"]


def test_edit_and_undo(log):
    (row,) = lessons.search_lessons(log, project="PRJ-1")
    assert lessons.edit_lesson(log, row["id"], status="actioned", project="PRJ-2") is True
    assert lessons.edit_lesson(log, row["id"], status="Actioned") is False
    (row,) = lessons.search_lessons(log, text="supplier")
    assert (row["status"], row["project"]) == ("Actioned", "PRJ-2")
    log.undo(log.last_batch_id())
    (row,) = lessons.search_lessons(log, text="supplier")
    assert (row["status"], row["project"]) == ("Open", "PRJ-1")


@pytest.mark.parametrize("fields, message", [
    ({"what_happened": ""}, "needs 'what happened'"),
    ({"what_happened": "x", "project": "PRJ-9"}, "no project with code 'PRJ-9'"),
    ({"what_happened": "x", "status": "Done"}, "one of Open, Actioned, Closed"),
    ({"what_happened": "x", "date": "yesterday"}, "must be a date"),
    ({"what_happened": "x", "ref": "L-001"}, "already a lesson L-001"),
    ({"what_happened": "x", "colour": "red"}, "no field colour"),
])
def test_bad_lessons_change_nothing(log, fields, message):
    before = log.conn.execute("SELECT * FROM lessons").fetchall()
    with pytest.raises(GovernanceError, match=message):
        lessons.add_lesson(log, **fields)
    assert log.conn.execute("SELECT * FROM lessons").fetchall() == before


def test_export_then_import_round_trips_and_updates_by_ref(log, tmp_path):
    lessons.edit_lesson(log, 1, what_happened="=cmd|' /C calc'!A0")
    out = tmp_path / "lessons.xlsx"
    assert lessons.export_lessons(log, out) == 3
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == list(lessons.HEADERS)
    cell = next(r[4] for r in ws.iter_rows(min_row=2) if r[0].value == "L-001")
    assert cell.value.startswith("'=") and cell.data_type == "s"
    before = lessons.search_lessons(log)
    assert lessons.import_lessons(log, out) == {"added": 0, "updated": 3}
    assert lessons.search_lessons(log) == before  # the formula guard is taken off again on the way in


def _sheet(path, header, *rows):
    wb = Workbook()
    wb.active.append(header)
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_import_adds_and_updates_with_loose_headers(log, tmp_path):
    from datetime import datetime

    path = _sheet(tmp_path / "in.xlsx", ["Lesson ID", "Project code", "Date raised", "Theme", "Description",
                                         "Lesson learned", "Owner", "Status"],
                  ["L-002", "PRJ-2", datetime(2026, 9, 16), "Data", "Duplicates again", None, "Kai", "Actioned"],
                  [None, "PRJ-1", "2026-10-01", "People", "Key tester left", "Cross-train", None, None],
                  [None, None, None, None, None, None, None, None])  # blank rows are skipped
    assert lessons.import_lessons(log, path) == {"added": 1, "updated": 1}
    (l2,) = lessons.search_lessons(log, text="duplicates again")
    assert (l2["ref"], l2["date"], l2["owner"], l2["status"], l2["lesson"]) == (
        "L-002", "2026-09-16", "Kai", "Actioned", "Profile data first")  # blank cells keep what was there
    (new,) = lessons.search_lessons(log, text="tester")
    assert (new["ref"], new["project"], new["status"]) == ("L-004", "PRJ-1", "Open")
    assert log.batch_info(log.last_batch_id())["source"] == "import"


def test_a_bad_import_is_refused_whole_with_row_numbers(log, tmp_path):
    path = _sheet(tmp_path / "bad.xlsx", ["Ref", "Project", "What happened", "Status"],
                  ["L-010", "PRJ-1", "Fine row", "Open"],
                  ["L-011", "PRJ-404", "Unknown project", "Open"],
                  ["L-012", "PRJ-1", None, "Open"],
                  ["L-010", "PRJ-1", "Twice", "Open"])
    before = log.conn.execute("SELECT * FROM lessons").fetchall()
    with pytest.raises(GovernanceError) as exc:
        lessons.import_lessons(log, path)
    message = str(exc.value)
    assert message.startswith("nothing imported; 3 row(s) have problems: row 3: there is no project")
    assert "row 4: a lesson needs 'what happened'" in message and "row 5: ref L-010 appears twice" in message
    assert "\n" not in message
    assert log.conn.execute("SELECT * FROM lessons").fetchall() == before


def test_import_refuses_what_is_not_a_workbook(log, tmp_path):
    (tmp_path / "x.xlsx").write_text("not a zip")
    with pytest.raises(GovernanceError, match="is not an Excel workbook"):
        lessons.import_lessons(log, tmp_path / "x.xlsx")
    with pytest.raises(GovernanceError, match="does not exist"):
        lessons.import_lessons(log, tmp_path / "missing.xlsx")
    with pytest.raises(GovernanceError, match="needs a 'What happened' column"):
        lessons.import_lessons(log, _sheet(tmp_path / "h.xlsx", ["Ref", "Owner"], ["L-1", "x"]))
