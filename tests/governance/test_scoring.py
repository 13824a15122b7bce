"""Weighted scores, the ranked book of work and its funding line, with numbers worked by hand."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from pmo_desktop.governance import scoring
from pmo_desktop.governance.common import GovernanceError
from pmo_desktop.store.rows import insert_row

K = 100_000  # £1,000 in pence; exports show pounds


def _book(pf):
    """Default weights: strategic 30, benefit 25, risk 15, urgency 20, effort 10 (sum 100)."""
    projects = [("PRJ-A", "Execution", 400 * K, dict(strategic_alignment=5, benefit=5, risk=5, urgency=5, effort=5)),
                ("PRJ-B", "Planning", 250 * K, dict(strategic_alignment=4, benefit=4, risk=3, urgency=5, effort=2)),
                ("PRJ-C", "Idea", 300 * K, dict(strategic_alignment=5, benefit=3, risk=4, urgency=2, effort=5)),
                ("PRJ-D", "Initiation", 100 * K, dict(strategic_alignment=5)),
                ("PRJ-E", "Planning", 50 * K, {}),
                ("PRJ-F", "Closed", 10 * K, dict(strategic_alignment=5, benefit=5, risk=5, urgency=5, effort=5))]
    for code, stage, cost, scores in projects:
        insert_row(pf, "projects", {"code": code, "name": f"Project {code[-1]}", "stage": stage,
                                    "approved_budget": cost})
        if scores:
            scoring.set_scores(pf, code, scores)


def _ranked(book):
    return [(r.candidate.code, None if r.weighted_score is None else round(r.weighted_score, 4),
             r.cumulative_cost // K, r.funded) for r in book.rows]


def test_ranking_and_funding_line(portfolio):
    _book(portfolio)
    # A: 5.0; B: (120+100+45+100+20)/100 = 3.85; C: (150+75+60+40+50)/100 = 3.75; D: 150/100 = 1.5 (the
    # criteria it lacks count 0); E has no scores and comes last; F is closed and not in the book.
    book = scoring.book_of_work(portfolio, cap=700 * K)
    assert _ranked(book) == [("PRJ-A", 5.0, 400, True), ("PRJ-B", 3.85, 650, True), ("PRJ-C", 3.75, 950, False),
                             ("PRJ-D", 1.5, 1050, False),  # it would fit alone, but it is below the line
                             ("PRJ-E", None, 1100, False)]
    assert (book.funded_cost, book.total_cost) == (650 * K, 1100 * K)
    assert [r.rank for r in book.rows] == [1, 2, 3, 4, 5]
    assert all(r.funded for r in scoring.book_of_work(portfolio, cap=1100 * K).rows)
    assert {r.funded for r in scoring.book_of_work(portfolio).rows} == {None}


def test_changing_a_weight_or_the_cap_re_ranks_at_once(portfolio):
    _book(portfolio)
    base = scoring.candidates(portfolio)
    criteria = [dict(c) for c in scoring.scoring_criteria(portfolio)]
    for c in criteria:  # strategic 0, effort 50: weights now sum to 25 + 15 + 20 + 50 = 110
        c["weight"] = {"strategic_alignment": 0, "effort": 50}.get(c["id"], c["weight"])
    book = scoring.rank_book(base, criteria, cap=800 * K)
    # C: (75+60+40+250)/110 = 3.8636 now beats B: (100+45+100+100)/110 = 3.1364; D scores 0.
    assert _ranked(book) == [("PRJ-A", 5.0, 400, True), ("PRJ-C", 3.8636, 700, True), ("PRJ-B", 3.1364, 950, False),
                             ("PRJ-D", 0.0, 1050, False), ("PRJ-E", None, 1100, False)]
    assert _ranked(scoring.book_of_work(portfolio, cap=800 * K,
                                        weights={"strategic_alignment": 0, "effort": 50})) == _ranked(book)
    # The stored model is untouched by a what-if.
    assert scoring.scoring_criteria(portfolio)[0]["weight"] == 30


def test_ties_go_to_the_cheaper_project():
    crit = [{"id": "x", "name": "X", "weight": 1}]
    cands = [scoring.Candidate(1, "P1", "One", "Idea", 300, {"x": 3}),
             scoring.Candidate(2, "P2", "Two", "Idea", 200, {"x": 3}),
             scoring.Candidate(3, "P3", "Three", "Idea", None, {"x": 3})]
    book = scoring.rank_book(cands, crit, cap=200)
    assert [(r.candidate.code, r.cumulative_cost, r.funded) for r in book.rows] == [
        ("P3", 0, True), ("P2", 200, True), ("P1", 500, False)]


@pytest.mark.parametrize("weights, message", [
    ([-1, 1], "must be a number ≥ 0"), ([0, 0], "add up to zero"), (["a", 1], "must be a number")])
def test_bad_weights_are_refused(weights, message):
    crit = [{"id": f"c{i}", "name": f"C{i}", "weight": w} for i, w in enumerate(weights)]
    with pytest.raises(GovernanceError, match=message):
        scoring.rank_book([], crit)


@pytest.mark.parametrize("scores, message", [
    ({"benefit": 6}, "from 1 to 5"), ({"benefit": 2.5}, "from 1 to 5"), ({"beauty": 3}, "no scoring criterion")])
def test_bad_scores_change_nothing(portfolio, scores, message):
    _book(portfolio)
    before = portfolio.conn.execute("SELECT * FROM priority_scores ORDER BY id").fetchall()
    with pytest.raises(GovernanceError, match=message):
        scoring.set_scores(portfolio, "PRJ-B", {"urgency": 1, **scores})
    with pytest.raises(GovernanceError, match="no project with code 'PRJ-Z'"):
        scoring.set_scores(portfolio, "PRJ-Z", {"urgency": 1})
    assert portfolio.conn.execute("SELECT * FROM priority_scores ORDER BY id").fetchall() == before


def test_scores_update_and_clear(portfolio):
    _book(portfolio)
    scoring.set_scores(portfolio, "PRJ-D", {"strategic_alignment": None, "benefit": 4}, rationale={"benefit": "£2m"})
    rows = portfolio.conn.execute(
        "SELECT criterion, score, rationale FROM priority_scores s JOIN projects p ON p.id = s.project_id "
        "WHERE p.code = 'PRJ-D'").fetchall()
    assert rows == [("benefit", 4, "£2m")]


@pytest.mark.parametrize("text, pence", [
    ("2500000", 250_000_000), ("2,500,000", 250_000_000), ("£2.5m", 250_000_000), ("750k", 75_000_000),
    ("GBP 1.2M", 120_000_000), ("0", 0), ("12.34", 1234)])
def test_parse_amount(text, pence):
    assert scoring.parse_amount(text) == pence


@pytest.mark.parametrize("text", ["abc", "-5", "1.2.3", "", "5 quid", "1e6"])
def test_parse_amount_refuses_what_is_not_an_amount(text):
    with pytest.raises(GovernanceError, match="an amount looks like"):
        scoring.parse_amount(text)


def test_export_neutralises_formulas(portfolio, tmp_path):
    _book(portfolio)
    insert_row(portfolio, "projects", {"code": "PRJ-X", "name": '=HYPERLINK("http://x","click")',
                                       "stage": "Idea", "approved_budget": 5 * K})
    out = tmp_path / "book.xlsx"
    scoring.export_book(scoring.book_of_work(portfolio, cap=700 * K), out)
    ws = load_workbook(out)["Book of work"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Rank", "Code", "Project", "Stage"] and header[-4:] == [
        "Weighted score", "Cost (GBP)", "Cumulative cost (GBP)", "Funding"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert rows[0][:4] == [1, "PRJ-A", "Project A", "Execution"] and rows[0][-4:] == [5.0, 400_000, 400_000, "In"]
    assert rows[2][-4:] == [3.75, 300_000, 950_000, "Out"]
    (evil,) = [r for r in ws.iter_rows(min_row=2) if r[1].value == "PRJ-X"]
    assert evil[2].value == '\'=HYPERLINK("http://x","click")' and evil[2].data_type == "s"
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)


def test_export_to_a_bad_place_leaves_nothing(portfolio, tmp_path):
    _book(portfolio)
    book = scoring.book_of_work(portfolio)
    with pytest.raises(GovernanceError, match="must end in .xlsx"):
        scoring.export_book(book, tmp_path / "book.csv")
    with pytest.raises(GovernanceError, match="does not exist"):
        scoring.export_book(book, tmp_path / "nope" / "book.xlsx")
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*tmp"))


def test_saved_weights_and_cap_are_one_undo_step(portfolio):
    _book(portfolio)
    assert scoring.stored_cap(portfolio) is None
    scoring.save_model(portfolio, {"strategic_alignment": 0, "effort": 50}, 800 * K)
    assert scoring.stored_cap(portfolio) == 800 * K
    assert [c["weight"] for c in scoring.scoring_criteria(portfolio)] == [0, 25, 15, 20, 50]
    assert [r.candidate.code for r in scoring.book_of_work(portfolio).rows][:3] == ["PRJ-A", "PRJ-C", "PRJ-B"]
    with pytest.raises(GovernanceError, match="add up to zero"):
        scoring.save_model(portfolio, {c["id"]: 0 for c in scoring.scoring_criteria(portfolio)}, None)
    portfolio.undo(portfolio.last_batch_id())
    assert scoring.stored_cap(portfolio) is None and scoring.scoring_criteria(portfolio)[0]["weight"] == 30
