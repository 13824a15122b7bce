"""The governance views: health findings click through, the book of work re-ranks, gate reviews save."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QInputDialog

from pmo_desktop.checks import run_checks
from pmo_desktop.governance import gates, scoring
from pmo_desktop.gui.widgets.rows_model import KEY_ROLE
from tests.gui.conftest import read


def _health(window):
    window.show_view("health")
    return window.pages["health"]


def _row_of(view, predicate):
    for row in range(view.proxy.rowCount()):
        finding = view.proxy.index(row, 0).data(KEY_ROLE)
        if predicate(finding):
            return row
    raise AssertionError("no such finding")


def test_health_lists_the_same_findings_as_pmo_check_and_filters(window):
    view = _health(window)
    expected = run_checks(window.portfolio).findings
    assert view.proxy.rowCount() == len(expected) > 0
    assert view.summary() == f"{len(expected):,} findings"
    view.severity_box.setCurrentIndex(view.severity_box.findData("warning"))
    assert view.proxy.rowCount() == sum(1 for f in expected if f.severity == "warning")
    view.rule_box.setCurrentIndex(view.rule_box.findData("issue_past_due"))
    assert view.proxy.rowCount() == sum(1 for f in expected if f.rule == "issue_past_due")
    view.search_box.setText("zzz-nothing")
    assert view.proxy.rowCount() == 0


@pytest.mark.parametrize("table, view_name", [("raid_items", "raid"), ("projects", "projects"),
                                              ("gate_reviews", "gates")])
def test_a_finding_clicks_through_to_its_record(window, table, view_name):
    pf = window.portfolio
    if table == "gate_reviews":  # make sure one gate is overdue, whatever today is
        gates.record_gate_review(pf, "PRJ-101", "G4", planned_date=date.today() - timedelta(days=2))
    view = _health(window)
    view.refresh()
    row = _row_of(view, lambda f: f.table == table)
    view.select_finding(row)
    finding = view.current_finding()
    assert view.open_current() == view_name
    assert window.current_view_name() == view_name
    page = window.current_view()
    if view_name == "gates":
        assert page.current_review()["id"] == finding.row_id
    else:
        assert page.model.row_id(page.table.currentIndex().row()) == finding.row_id


def test_book_of_work_reranks_on_weights_and_cap(window):
    window.show_view("book")
    view = window.pages["book"]
    pf = window.portfolio
    stored = scoring.stored_cap(pf)
    assert view.cap == stored and view.book.cap == stored  # the demo saves a cap
    view.set_cap_text("")
    assert {r.funded for r in view.book.rows} == {None}
    view.set_cap_text("5m")
    assert view.book.cap == 500_000_000
    funded = [r.funded for r in view.book.rows]
    assert funded[0] is True and funded[-1] is False and funded == sorted(funded, reverse=True)
    view.set_cap_text("lots")
    assert view.cap_problem.text() == "not an amount" and view.book.cap == 500_000_000
    view.weight_boxes["urgency"].setValue(100)
    criteria = [{**c, "weight": 100 if c["id"] == "urgency" else c["weight"]} for c in scoring.scoring_criteria(pf)]
    expected = scoring.rank_book(scoring.candidates(pf), criteria, 500_000_000)
    assert [view.model.rows[i][1] for i in range(view.model.rowCount())] == [r.candidate.code for r in expected.rows]
    assert scoring.scoring_criteria(pf)[3]["weight"] == 20  # not saved until asked


def test_book_of_work_saves_weights_and_scores_as_undo_steps(window, demo_path):
    window.show_view("book")
    view = window.pages["book"]
    view.weight_boxes["effort"].setValue(40)
    view.set_cap_text("7.5m")
    view.save_weights()
    assert scoring.stored_cap(window.portfolio) == 750_000_000
    assert scoring.scoring_criteria(window.portfolio)[4]["weight"] == 40
    code = view.book.rows[0].candidate.code
    assert view.set_score(code, "benefit", 1)
    assert read(demo_path, "SELECT s.score FROM priority_scores s JOIN projects p ON p.id = s.project_id "
                           "WHERE p.code = ? AND s.criterion = 'benefit'", (code,)) == [(1,)]
    window.undo()
    window.undo()
    assert scoring.scoring_criteria(window.portfolio)[4]["weight"] == 10


def test_gate_review_form_saves_one_batch_and_refuses_bad_dates(window, demo_path, qtbot):
    from pmo_desktop.gui.governance.gate_review_dialog import GateReviewDialog

    pf = window.portfolio
    pid = read(demo_path, "SELECT id FROM projects WHERE stage = 'Planning' ORDER BY code LIMIT 1")[0][0]
    dialog = GateReviewDialog(pf, pid)
    qtbot.addWidget(dialog)
    assert dialog.gate_box.currentData() == "G2" and dialog.checklist.rowCount() == 5
    before = read(demo_path, "SELECT count(*), max(id) FROM gate_reviews")[0]
    dialog.planned.setText("31/02/2026")
    assert dialog.save() is False and "planned date" in dialog.problem.text()
    dialog.planned.setText("3 Dec 2026")
    dialog.actual.setText("4/12/2026")
    dialog.decision_box.setCurrentIndex(dialog.decision_box.findData("Go with conditions"))
    assert dialog.save() is False and "at least one condition" in dialog.problem.text()
    assert read(demo_path, "SELECT count(*), max(id) FROM gate_reviews")[0] == before
    row = dialog.add_condition_row({})
    for col, text in enumerate(["Sign vendor contract", "Ana", "15/12/2026"]):
        dialog.conditions.item(row, col).setText(text)
    dialog.checklist.item(0, 2).setText("Budget letter 2 Dec")
    assert dialog.save() is True
    review = gates.gate_reviews(pf)
    review = next(r for r in review if r["id"] == dialog.review_id)
    assert (review["planned_date"], review["actual_date"], review["decision"]) == (
        "2026-12-03", "2026-12-04", "Go with conditions")
    assert review["checklist"][0]["evidence"] == "Budget letter 2 Dec"
    assert [(c["description"], c["due_date"]) for c in review["conditions"]] == [("Sign vendor contract", "2026-12-15")]
    pf.undo(dialog.batch_id)
    assert read(demo_path, "SELECT count(*) FROM gate_reviews WHERE id = ?", (dialog.review_id,)) == [(0,)]


def test_advance_stage_asks_for_a_reason_without_a_go(window, demo_path, monkeypatch):
    window.show_view("gates")
    view = window.pages["gates"]
    view.show_box.setCurrentIndex(2)
    code = next(r["code"] for r in view.reviews if r["state"] != "Held"
                and read(demo_path, "SELECT stage FROM projects WHERE code = ?", (r["code"],))[0][0] == "Planning")
    view.search_box.setText(code)
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    answers = iter([("", False), ("Sponsor approved by email", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    assert view.advance() is False  # cancelled: nothing changes
    assert read(demo_path, "SELECT stage FROM projects WHERE code = ?", (code,)) == [("Planning",)]
    assert view.advance() is True
    assert read(demo_path, "SELECT stage FROM projects WHERE code = ?", (code,)) == [("Execution",)]
    label = read(demo_path, "SELECT label FROM batches ORDER BY id DESC LIMIT 1")[0][0]
    assert label == f"Advance {code} Planning → Execution without Go at G2: Sponsor approved by email"
    window.undo()
    assert read(demo_path, "SELECT stage FROM projects WHERE code = ?", (code,)) == [("Planning",)]


def test_lessons_view_searches_filters_adds_and_round_trips(window, demo_path, qtbot, tmp_path):
    from pmo_desktop.gui.governance.lessons_view import LessonDialog

    window.show_view("lessons")
    view = window.pages["lessons"]
    total = read(demo_path, "SELECT count(*) FROM lessons")[0][0]
    assert view.model.rowCount() == total > 0
    view.category_box.setCurrentIndex(view.category_box.findData("People"))
    assert view.model.rowCount() == read(demo_path, "SELECT count(*) FROM lessons WHERE category = 'People'")[0][0]
    view.category_box.setCurrentIndex(0)
    word = read(demo_path, "SELECT what_happened FROM lessons ORDER BY id LIMIT 1")[0][0].split()[0]
    view.search_box.setText(word.upper())  # one of the demo's lessons, whatever the seed drew
    assert 0 < view.model.rowCount() < total
    view.search_box.clear()

    dialog = LessonDialog(window.portfolio, parent=view)
    qtbot.addWidget(dialog)
    dialog.date.setText("31/02/2026")
    dialog.texts["what_happened"].setPlainText("Cut-over weekend overran")
    assert dialog.save() is False and "date" in dialog.problem.text()
    assert read(demo_path, "SELECT count(*) FROM lessons")[0][0] == total
    dialog.date.setText("20/11/2026")
    dialog.category.setCurrentText("Cut-over")
    assert dialog.save() is True
    view._after_write()
    assert view.model.rowCount() == total + 1
    assert read(demo_path, "SELECT date, category FROM lessons WHERE what_happened = 'Cut-over weekend overran'") == [
        ("2026-11-20", "Cut-over")]
    window.undo()
    assert read(demo_path, "SELECT count(*) FROM lessons")[0][0] == total

    out = tmp_path / "lessons.xlsx"
    assert view.export_file(out) and out.exists()
    assert view.import_file(out) == {"added": 0, "updated": total}


def test_governance_views_are_registered(window):
    names = list(window.pages)
    assert {"gates", "book", "health", "lessons"} <= set(names)
    for name in ("gates", "book", "health", "lessons"):
        window.show_view(name)
        assert window.current_view_name() == name and window.current_view().model.rowCount() > 0
