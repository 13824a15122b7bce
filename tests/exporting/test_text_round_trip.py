"""Export escaping is reversible: any text comes back byte for byte through `pmo export` and `pmo import`,
and no cell of the workbook is ever a formula."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio

ISSUE_CASES = ["'=already quoted", "\rleading CR", "   leading spaces", "trailing spaces   ", "\ttab first",
               "\nnewline first", "=SUM(A1:A9)", "@cmd", "-1", "+44 20 7946 0000", "_x000D_ literal", "a\r\nb",
               "\x01control", "'", " "]


def _round_trip(folder, texts: list[str]) -> dict[str, str]:
    source = folder / "source.pmo"
    with create_portfolio(source) as pf, pf.batch("cli", "texts"):
        for i, text in enumerate(texts):
            pf.conn.execute("INSERT INTO projects (code, name, description, manager) VALUES (?, ?, ?, ?)",
                            (f"P{i:03d}", text, text, text))
    out = folder / "out.xlsx"
    assert main(["export", str(source), str(out)]) == 0
    wb = load_workbook(out)  # formulas as formulas: none may be there
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    wb.close()
    target = folder / "target.pmo"
    create_portfolio(target).close()
    assert main(["import", str(target), str(out), "--sheet", "Projects", "--kind", "projects"]) == 0
    with open_portfolio(target, read_only=True) as pf:
        rows = pf.conn.execute("SELECT code, name, description, manager FROM projects").fetchall()
    for _code, name, description, manager in rows:
        assert name == description == manager
    return {code: name for code, name, _d, _m in rows}


def test_the_texts_the_issue_names_come_back_byte_for_byte(tmp_path):
    back = _round_trip(tmp_path, ISSUE_CASES)
    assert [back[f"P{i:03d}"] for i in range(len(ISSUE_CASES))] == ISSUE_CASES


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXT, min_size=1, max_size=6))
@example(texts=["'\r"])
def test_any_text_comes_back_byte_for_byte(tmp_path_factory, texts):
    back = _round_trip(tmp_path_factory.mktemp("rt"), texts)
    assert [back[f"P{i:03d}"] for i in range(len(texts))] == texts
