"""One set of row rules for typing, pasting, the detail form and importing: a start after its finish,
a baseline start after its baseline finish, a negative budget and money in another currency are refused
with one line, and nothing is written."""

from __future__ import annotations

import pytest

from pmo_desktop.domain.rules import money_in_other_currency, row_problem
from pmo_desktop.domain.values import ValueProblem
from pmo_desktop.registers import query, writes
from pmo_desktop.registers.columns import Formatting
from pmo_desktop.registers.definitions import PROJECTS
from pmo_desktop.store.rows import fetch_row

FMT = Formatting(currency_symbol="£", currency="GBP", date_format="medium")


def test_rules_in_words():
    assert money_in_other_currency("€2m", "GBP") == "€2m: this portfolio is in GBP"
    assert money_in_other_currency("USD 250k", "GBP") == "USD 250k: this portfolio is in GBP"
    assert money_in_other_currency("£2m", "GBP") is None and money_in_other_currency("2m", "GBP") is None
    assert money_in_other_currency("$5k", "USD") is None
    assert row_problem("projects", {"start_date": "2026-05-01", "finish_date": "2026-04-01"}, "medium") == \
        "Start 1 May 2026 is after finish 1 Apr 2026"
    assert row_problem("projects", {"baseline_start": "2026-05-01", "baseline_finish": "2026-04-30"}, "iso") == \
        "Baseline start 2026-05-01 is after baseline finish 2026-04-30"
    assert row_problem("projects", {"approved_budget": -1}) == "Approved budget cannot be negative"
    assert row_problem("projects", {"start_date": "2026-04-01", "finish_date": "2026-04-01", "approved_budget": 0}) is None


def _col(key):
    return [c.key for c in PROJECTS.columns].index(key)


def _ids(pf):
    """Project ids, those without a plan (typed dates) first."""
    ids = query.matching_ids(pf, query.RegisterQuery(PROJECTS, PROJECTS.columns))
    planned = {r[0] for r in pf.conn.execute("SELECT DISTINCT project_id FROM tasks")}
    return sorted(ids, key=lambda i: i in planned)


def _changes(pf):
    return pf.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]


@pytest.mark.parametrize(("key", "text", "message"), [
    ("finish_date", "2020-01-01", "is after finish 1 Jan 2020"),
    ("start_date", "2099-01-01", "Start 1 Jan 2099 is after finish"),
    ("baseline_finish", "2000-01-01", "Baseline start .* is after baseline finish 1 Jan 2000"),
    ("approved_budget", "-5k", "Approved budget cannot be negative"),
    ("approved_budget", "€2m", "€2m: this portfolio is in GBP"),
])
def test_typing_a_bad_value_is_refused_and_writes_nothing(demo, key, text, message):
    ids = _ids(demo)
    before, changes = fetch_row(demo, "projects", ids[0]), _changes(demo)
    with pytest.raises(ValueProblem, match=message):
        writes.write_cells(demo, PROJECTS, PROJECTS.columns, ids, [(0, _col(key), text)], FMT, label="Edit")
    assert fetch_row(demo, "projects", ids[0]) == before and _changes(demo) == changes


def test_a_paste_with_one_bad_row_writes_none_of_it(demo):
    ids = _ids(demo)
    demo.conn.execute("DELETE FROM tasks WHERE project_id = ?", (ids[1],))  # two projects without plans
    before = [fetch_row(demo, "projects", i) for i in ids[:2]]
    cells = [(0, _col("start_date"), "2026-01-05"), (0, _col("finish_date"), "2026-06-30"),
             (1, _col("start_date"), "2026-09-01"), (1, _col("finish_date"), "2026-08-01")]
    with pytest.raises(ValueProblem, match="is after finish 1 Aug 2026"):
        writes.write_cells(demo, PROJECTS, PROJECTS.columns, ids, cells, FMT, label="Paste")
    assert [fetch_row(demo, "projects", i) for i in ids[:2]] == before


def test_a_good_paste_of_both_dates_is_one_batch(demo):
    ids = _ids(demo)
    cells = [(0, _col("start_date"), "2030-01-05"), (0, _col("finish_date"), "2030-06-30")]
    batch, _ = writes.write_cells(demo, PROJECTS, PROJECTS.columns, ids, cells, FMT, label="Paste")
    row = fetch_row(demo, "projects", ids[0])
    assert batch and (row["start_date"], row["finish_date"]) == ("2030-01-05", "2030-06-30")


def test_the_detail_form_path_refuses_the_same(demo):
    pid = _ids(demo)[0]
    column = PROJECTS.column("approved_budget")
    with pytest.raises(ValueProblem, match="€2m: this portfolio is in GBP"):
        writes.write_field(demo, PROJECTS, pid, column, "€2m", FMT, label="Edit")
    batch, value = writes.write_field(demo, PROJECTS, pid, column, "£2m", FMT, label="Edit")
    assert batch and value == 200_000_000


def test_import_refuses_the_same_rows(tmp_path):
    from openpyxl import Workbook

    from pmo_desktop.cli import main
    from pmo_desktop.store import create_portfolio, open_portfolio

    path = tmp_path / "p.pmo"
    create_portfolio(path).close()
    wb = Workbook()
    ws = wb.active
    ws.title = "Projects"
    ws.append(["Code", "Name", "Start", "Finish", "Budget"])
    ws.append(["PRJ-1", "Fine", "2026-01-05", "2026-06-30", "£1m"])
    ws.append(["PRJ-2", "Backwards", "2026-09-01", "2026-08-01", "£1m"])
    ws.append(["PRJ-3", "Negative", "2026-01-05", "2026-06-30", "-£1m"])
    ws.append(["PRJ-4", "Euros", "2026-01-05", "2026-06-30", "€2m"])
    book = tmp_path / "in.xlsx"
    wb.save(book)
    assert main(["import", str(path), str(book)]) == 1  # rows with errors: nothing imported
    assert main(["import", str(path), str(book), "--dry-run", "--json"]) in (0, 1)
    with open_portfolio(path, read_only=True) as pf:
        assert pf.conn.execute("SELECT count(*) FROM projects").fetchone()[0] == 0


def test_import_report_names_each_rule(tmp_path):
    from openpyxl import Workbook

    from pmo_desktop.importing.service import plan_file
    from pmo_desktop.store import create_portfolio

    wb = Workbook()
    ws = wb.active
    ws.title = "Projects"
    ws.append(["Code", "Name", "Start", "Finish", "Budget"])
    ws.append(["PRJ-2", "Backwards", "2026-09-01", "2026-08-01", "£1m"])
    ws.append(["PRJ-3", "Negative", "2026-01-05", "2026-06-30", "-£1m"])
    ws.append(["PRJ-4", "Euros", "2026-01-05", "2026-06-30", "€2m"])
    book = tmp_path / "in.xlsx"
    wb.save(book)
    pf = create_portfolio(tmp_path / "p.pmo")
    try:
        plan, _pairs = plan_file(pf, book)
        reasons = [e.reason for s in plan.sheets for r in s.rows for e in r.errors]
    finally:
        pf.close()
    assert any("is after finish" in r for r in reasons)
    assert any("cannot be negative" in r for r in reasons)
    assert any("€2m: this portfolio is in GBP" in r for r in reasons)
