"""The board pack's benefits section: realised against plan, the curve, the at-risk list; its own
bookmark; empty when there are no benefits; only the programme's benefits in a programme's pack."""

from __future__ import annotations

import pypdf

from pmo_desktop.benefits import register as reg
from pmo_desktop.reports import BoardPackOptions, build_board_pack
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.rows import insert_row
from tests.reports.conftest import DEMO_TODAY, outline_titles, pdf_text


def _flat(path) -> tuple[str, list]:
    reader = pypdf.PdfReader(path)
    return " ".join(pdf_text(reader).split()), outline_titles(reader)


def test_benefits_section_by_hand(portfolio, tmp_path):
    pf = portfolio
    pf.set_settings({"current_period": "2026-10-31"})
    insert_row(pf, "projects", {"code": "PRJ-1", "name": "Licences", "stage": "Execution", "status": "Active",
                                "finish_date": "2027-02-26", "baseline_finish": "2027-01-29", "rag_overall": "A"})
    ref = reg.add_benefit(pf, {"title": "Licence savings", "owner": "Ana Ruiz", "baseline": 0, "target": 100_000,
                               "target_date": "2027-06-30", "status": "Realising"}, projects=["PRJ-1"])
    reg.record_measurement(pf, ref, "2026-09", planned=20_000, actual=15_000)
    reg.record_measurement(pf, ref, "2027-06", planned=100_000, forecast=90_000)
    reg.add_benefit(pf, {"title": "Faster close", "type": "Non-cash", "baseline": 12, "target": 5, "unit": "days",
                         "target_date": "2027-01-31"}, projects=["PRJ-1"])
    out = tmp_path / "b.pdf"
    build_board_pack(pf, out, BoardPackOptions(today=DEMO_TODAY, sections=("benefits",)))
    text, outline = _flat(out)
    assert (0, "Benefits") in outline
    assert "Cash released to date £15k against £20k planned by 31 Oct 2026 (75% of plan)" in text
    assert "forecast £90k of a £100k target" in text
    assert "Benefits at risk" in text and "PRJ-1 has slipped 20 working days" in text
    assert "(was 30 Jun 2027)" in text
    # by FY: the cash summed, the non-cash benefit counted (not added to the pounds) in the FY it is due
    assert "Cash released (actual to date, then forecast)" in text
    assert "FY2026/27 FY2027/28 Cash released (actual to date, then forecast) £20k £70k Non-cash and qualitative " \
           "benefits due 1 (1 at risk) –" in text  # due 28 Feb 2027 (its project slipped 4 weeks)


def test_empty_and_programme_packs(demo_path, tmp_path):
    with open_portfolio(demo_path) as pf:
        programme, code = pf.conn.execute(
            """SELECT g.name, p.code FROM benefit_projects l JOIN projects p ON p.id = l.project_id
               JOIN programmes g ON g.id = p.programme_id ORDER BY p.code LIMIT 1""").fetchone()
        out = tmp_path / "prog.pdf"
        build_board_pack(pf, out, BoardPackOptions(today=DEMO_TODAY, sections=("benefits",), programme=programme))
        text, _ = _flat(out)
        assert "Benefits of this programme's projects only" in text
        pf.conn.execute("DELETE FROM benefits")
        build_board_pack(pf, out, BoardPackOptions(today=DEMO_TODAY, sections=("benefits",)))
        text, _ = _flat(out)
        assert "No benefits are recorded yet" in text
