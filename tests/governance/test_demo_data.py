"""The demo portfolio carries believable governance data."""

from __future__ import annotations

from pmo_desktop.governance import gates, lessons, scoring
from tests.conftest import DEMO_TODAY


def test_every_passed_gate_has_a_go_and_the_next_one_is_planned(demo):
    model = gates.gate_model(demo)
    stages = model["stages"]
    for pid, code, stage in demo.conn.execute("SELECT id, code, stage FROM projects").fetchall():
        for gate in model["gates"][: stages.index(stage)]:
            assert gates.latest_decision(demo, pid, gate["id"]) in gates.PASSING, (code, gate["id"])
    schedule = gates.gate_schedule(demo, today=DEMO_TODAY)
    assert schedule["overdue"] and schedule["due"]
    reviews = gates.gate_reviews(demo)
    assert any(r["conditions"] for r in reviews if r["decision"] == "Go with conditions")
    assert all(r["conditions"] for r in reviews if r["decision"] == "Go with conditions")


def test_demo_book_of_work_and_lessons(demo):
    book = scoring.book_of_work(demo, cap=10_000_000_00)
    assert sum(1 for r in book.rows if r.weighted_score is not None) > len(book.rows) // 2
    assert {r.funded for r in book.rows} == {True, False}
    assert lessons.search_lessons(demo) and lessons.categories(demo)
