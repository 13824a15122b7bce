"""A page per programme (PDF) and a slide per programme (PowerPoint): its RAG mix, spend against budget,
top risks, milestones due and its commentary; a section like any other, so it can be left out. And
the demo writes believable commentary per programme, so no pack of it prints the placeholder."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pypdf
import pytest
from pptx import Presentation

from pmo_desktop.cli import main
from pmo_desktop.reports.commentary import get_commentary
from pmo_desktop.reports.data import load_pack_data
from pmo_desktop.store import open_portfolio
from tests.reports.conftest import outline_titles

pytestmark = pytest.mark.slow  # two packs of a small portfolio, built once for the module


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("programmes")
    source = folder / "small.pmo"
    assert main(["new", str(source), "--demo", "--projects", "8"]) == 0
    pdf, deck = folder / "pack.pdf", folder / "pack.pptx"
    assert main(["board-pack", str(source), "-o", str(pdf), "--sections", "status", "programmes", "projects"]) == 0
    assert main(["board-pack", str(source), "-o", str(deck), "--sections", "status", "programmes"]) == 0
    with open_portfolio(source, read_only=True) as pf:
        period = pf.settings()["current_period"]
        data = load_pack_data(pf, period=date.fromisoformat(period), programme=None, today=datetime.now().date())
        notes = {name: get_commentary(pf, period, programme=name) for name, _ in data.by_programme()}
        portfolio_note = get_commentary(pf, period)
    return {"source": source, "folder": folder, "reader": pypdf.PdfReader(pdf), "deck": Presentation(str(deck)),
            "data": data, "notes": notes, "portfolio_note": portfolio_note}


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_demo_writes_commentary_for_the_portfolio_and_every_programme(packs):
    assert packs["portfolio_note"].strip()
    assert packs["notes"] and all(text.strip() for text in packs["notes"].values())
    for name, text in packs["notes"].items():
        assert "**Finance:**" in text and "**Ask of the board:**" in text, name
    text = _flat(" ".join(page.extract_text() for page in packs["reader"].pages))
    assert "No commentary was recorded" not in text


def test_a_page_per_programme_with_its_mix_money_risks_milestones_and_words(packs):
    reader, data = packs["reader"], packs["data"]
    outline = outline_titles(reader)
    sections = [title for depth, title in outline if depth == 0]
    assert sections.index("Programme pages") < sections.index("Project pages")
    programme_marks = []

    def walk(items, under):
        for i, item in enumerate(items):
            if isinstance(item, list):
                continue
            if under:
                programme_marks.append((item.title, reader.get_destination_page_number(item)))
            if item.title == "Programme pages" and i + 1 < len(items) and isinstance(items[i + 1], list):
                walk(items[i + 1], True)

    walk(reader.outline, False)
    groups = data.by_programme()
    assert [t for t, _ in programme_marks] == [f"Programme: {name}" for name, _ in groups]
    for (name, projects), (_, page) in zip(groups, programme_marks, strict=True):
        text = _flat(reader.pages[page].extract_text())
        assert f"Programme: {name}" in text
        counts = Counter(x.rags["overall"].letter for x in projects)
        assert f"{len(projects)} projects in the programme" in text or f"{len(projects)} project in the programme" in text
        assert "Spend against budget" in text and "Top risks" in text and "Milestones due" in text
        first_line = packs["notes"][name].split("\n")[0].replace("**", "")
        assert _flat(first_line)[:60] in text  # its own commentary
        reds = [x for x in projects if x.rags["overall"].letter == "R"]
        if reds:
            assert f"at Red: {reds[0].code}" in text
        assert sum(counts.values()) == len(projects)


def test_a_slide_per_programme_with_a_native_chart_and_the_commentary_in_the_notes(packs):
    prs, data = packs["deck"], packs["data"]
    slides = [s for s in prs.slides if s.shapes[0].has_text_frame and s.shapes[0].text_frame.text.startswith("Programme: ")]
    assert [s.shapes[0].text_frame.text for s in slides] == [f"Programme: {n}" for n, _ in data.by_programme()]
    for slide, (name, projects) in zip(slides, data.by_programme(), strict=True):
        charts = [sh.chart for sh in slide.shapes if sh.has_chart]
        assert charts and list(charts[0].plots[0].categories) == ["Approved budget", "Planned to date",
                                                                   "Actual to date", "EAC"]
        notes = slide.notes_slide.notes_text_frame.text
        assert packs["notes"][name].split("\n")[0].replace("**", "")[:40] in notes
        letters = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        assert str(sum(1 for x in projects if x.rags["overall"].letter == "G")) in letters


def test_programme_pages_can_be_left_out(packs):
    out = packs["folder"] / "without.pdf"
    assert main(["board-pack", str(packs["source"]), "-o", str(out), "--sections", "summary", "status"]) == 0
    titles = [t for _, t in outline_titles(pypdf.PdfReader(out))]
    assert "Programme pages" not in titles and not any(t.startswith("Programme: ") for t in titles)
