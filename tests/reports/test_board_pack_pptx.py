"""The board pack as PowerPoint, read back with python-pptx: the same sections as slides, native charts
holding their data, RAG cells and the heat map as lettered shapes, the theme on every slide and the
commentary in the speaker notes."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from pmo_desktop.cli import main
from pmo_desktop.reports import BoardPackCancelled, BoardPackOptions, build_board_pack
from pmo_desktop.reports.commentary import set_commentary
from pmo_desktop.store import open_portfolio
from tests.reports.conftest import DEMO_TODAY

PERIOD = date(2026, 10, 31)


@pytest.fixture(scope="module")
def deck(_demo_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("deck")
    source = folder / "demo.pmo"
    shutil.copy(_demo_template, source)
    from PIL import Image

    logo = folder / "logo.png"
    Image.new("RGB", (200, 80), "#1565C0").save(logo)
    with open_portfolio(source) as pf:
        set_commentary(pf, PERIOD, "Two programmes need a **funding decision**.\n\n- Data platform\n- CRM")
        set_commentary(pf, PERIOD, "Platform slipped a sprint.", programme="Data & Analytics")
        pf.set_settings({"board_pack": {**pf.settings()["board_pack"], "logo_path": str(logo)}})
        out = folder / "pack.pptx"
        result = build_board_pack(pf, out, BoardPackOptions(today=DEMO_TODAY, period=PERIOD))
        heat = pf.conn.execute(
            """SELECT probability, impact, count(*) FROM raid_items WHERE type = 'Risk' AND probability IS NOT NULL
               AND impact IS NOT NULL AND (raised_date IS NULL OR raised_date <= :e) AND CASE WHEN closed_date IS
               NOT NULL THEN closed_date > :e ELSE status <> 'Closed' END GROUP BY 1, 2""",
            {"e": PERIOD.isoformat()}).fetchall()
    return result, Presentation(str(out)), heat


def _texts(slide) -> list[str]:
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [c.text for row in shape.table.rows for c in row.cells]
    return out


def _slide(prs, title: str):
    return next(s for s in prs.slides if any(t.startswith(title) for t in _texts(s)[:1]))


def test_every_section_is_there_with_the_theme(deck):
    result, prs, _ = deck
    assert result.pages == len(prs.slides) > 40
    titles = [_texts(s)[0] for s in prs.slides]
    for title in ("Contents", "Executive summary", "Portfolio status", "Trends", "Roadmap", "Financials", "Benefits",
                  "Risks and issues", "Milestones", "RAG changes", "Appendix"):
        assert any(t.startswith(title) for t in titles), title
    layouts = {s.slide_layout.part.partname for s in list(prs.slides)[1:]}
    assert len(layouts) == 1  # every content slide on the one themed layout (edited once, in the master view)
    theme = list(prs.slides)[1].slide_layout
    theme_text = " ".join(sh.text_frame.text for sh in theme.shapes if sh.has_text_frame)
    assert "CONFIDENTIAL" in theme_text and "Northwind Group Change Portfolio" in theme_text
    assert any(sh.shape_type == 13 for sh in theme.shapes)  # the logo, a picture
    for s in list(prs.slides)[1:]:
        assert "Northwind Group Change Portfolio" in " ".join(_texts(s))
    cover = list(prs.slides)[0]
    assert cover.slide_layout.part.partname != theme.part.partname and "CONFIDENTIAL" in " ".join(_texts(cover))


def test_commentary_on_the_slide_and_in_the_notes(deck):
    _, prs, _ = deck
    summary = _slide(prs, "Executive summary")
    assert any("funding decision" in t for t in _texts(summary))
    bold = [r.text for sh in summary.shapes if sh.has_text_frame for para in sh.text_frame.paragraphs
            for r in para.runs if r.font.bold]
    assert "funding decision" in bold
    notes = summary.notes_slide.notes_text_frame.text
    assert "Two programmes need a funding decision." in notes and "• Data platform" in notes
    programmes = _slide(prs, "Programme commentary")
    assert "Platform slipped a sprint." in programmes.notes_slide.notes_text_frame.text


def _charts(prs):
    return [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart]


def test_native_charts_hold_their_data(deck):
    _, prs, _ = deck
    charts = {c.chart_title.text_frame.text.split(" (")[0]: c for c in _charts(prs)}
    assert charts["Cumulative spend by month"].chart_type == XL_CHART_TYPE.LINE
    assert charts["Variance by programme, whole life"].chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert charts["CAPEX / OPEX split"].chart_type == XL_CHART_TYPE.BAR_STACKED
    mix = charts["RAG mix"]
    assert mix.chart_type == XL_CHART_TYPE.COLUMN_STACKED
    assert len(mix.plots[0].categories) == 6
    # the RAG mix of the last period is the status reports' mix for that period
    last = [series.values[-1] for series in mix.series]
    assert sum(last) > 0 and all(v == int(v) for v in last)
    variance = charts["Variance by programme, whole life"]
    names = list(variance.plots[0].categories)
    assert "Data & Analytics" in names and len(variance.series[0].values) == len(names)
    assert all(abs(v) < 10 for v in variance.series[0].values)  # kept in millions, editable as such


def test_heat_map_and_rag_cells_are_lettered_shapes(deck):
    _, prs, heat = deck
    risks = _slide(prs, "Risks and issues")
    counts = sorted(int(sh.text_frame.text) for sh in risks.shapes
                    if sh.shape_type == 1 and sh.text_frame.text.isdigit())  # autoshapes holding a count
    assert counts == sorted(n for _, _, n in heat)
    status = _slide(prs, "Portfolio status")
    table = next(sh.table for sh in status.shapes if sh.has_table)
    letters = {table.cell(r, 4).text for r in range(1, len(table.rows))}
    assert letters <= {"R", "A", "G", "B", "–"} and letters & {"R", "A", "G"}
    cell = next(table.cell(r, 4) for r in range(1, len(table.rows)) if table.cell(r, 4).text == "G")
    assert str(cell.fill.fore_color.rgb) == "2E7D32"


def test_roadmap_is_shapes_inside_the_slide(deck):
    _, prs, _ = deck
    width = prs.slide_width
    roadmap = [s for s in prs.slides if _texts(s)[0].startswith("Roadmap")]
    assert roadmap
    for s in roadmap:
        assert not any(sh.has_chart or sh.shape_type == 13 and sh.width > Emu(2000000) for sh in s.shapes)
        bars = [sh for sh in s.shapes if sh.shape_type == 1]
        assert len(bars) > 10
        assert all(sh.left + sh.width <= width for sh in s.shapes)
        assert any(t == "Today" for t in _texts(s)) and any(t == "Period end" for t in _texts(s))


def test_risks_capped_say_so_and_the_rest_are_in_the_appendix(deck):
    _, prs, _ = deck
    texts = [" ".join(_texts(s)) for s in prs.slides]
    top = next(t for t in texts if t.startswith("Top risks by score"))
    refs_top = {w for w in top.split() if w.startswith("R-")}
    refs_rest = {w for t in texts if t.startswith("Appendix: further open risks") for w in t.split() if w.startswith("R-")}
    if "shown" in top.split("Ref")[0]:
        assert refs_rest and not refs_top & refs_rest


def test_cli_chooses_the_format_from_the_extension(demo_path, tmp_path, capsys):
    out = tmp_path / "pack.pptx"
    assert main(["board-pack", str(demo_path), "-o", str(out), "--sections", "summary", "risks", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["format"] == "pptx" and payload["slides"] == len(Presentation(str(out)).slides)
    assert main(["board-pack", str(demo_path), "-o", str(tmp_path / "pack.ppt")]) == 1
    assert ".pptx (PowerPoint)" in capsys.readouterr().err
    assert not (tmp_path / "pack.ppt").exists()


def test_a_cancelled_deck_leaves_no_file(demo, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "pack.pptx"
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(BoardPackCancelled):
        build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY), cancel=cancel)
    assert list(folder.iterdir()) == []
