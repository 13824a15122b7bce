"""The board pack's capacity section: demand against capacity by team and the top over-allocations,
on the hand-worked portfolio of tests/capacity/tiny.py; switched off, it is absent."""

from __future__ import annotations

from datetime import date

import pypdf
import pytest

from pmo_desktop.cli import main
from pmo_desktop.reports import BoardPackError, BoardPackOptions, build_board_pack
from pmo_desktop.store import create_portfolio, open_portfolio
from tests.capacity import tiny
from tests.reports.conftest import outline_titles, pdf_text

TODAY = date(2026, 11, 27)


@pytest.fixture
def tiny_path(tmp_path):
    return tiny.make(tmp_path / "tiny.pmo")


def _flat(reader) -> str:
    return " ".join(pdf_text(reader).split())


def test_capacity_section_has_its_bookmark_chart_and_figures(tiny_path, tmp_path, capsys):
    out = tmp_path / "cap.pdf"
    assert main(["board-pack", str(tiny_path), "-o", str(out), "--sections", "summary", "capacity"]) == 0
    capsys.readouterr()
    reader = pypdf.PdfReader(out)
    assert [t for _, t in outline_titles(reader)] == ["Executive summary", "Capacity"]
    text = _flat(reader)
    assert "Nov 2026 to Apr 2027: 3 people; 2 over-allocated person-months (2 people)" in text
    assert "unstaffed demand 11.5 person-days" in text
    assert "Team utilisation by month" in text
    # Data 105% then 0%; Engineering 97% (30.45 of 31.5 days) then 0%.
    assert "Data 105% 0% 0% 0% 0% 0%" in text and "Engineering 97% 0% 0% 0% 0% 0%" in text
    assert "Over-allocations (worst first, person-days)" in text
    assert "Nov 2026 Ann Engineering 25.2 21.0 +4.2 120% PRJ-A 25.2" in text  # months written one way
    assert "Nov 2026 Cat Data 16.8 16.0 +0.8 105% PRJ-B 16.8" in text
    capacity_page = next(i for i, page in enumerate(reader.pages) if "Team utilisation" in (page.extract_text() or ""))
    assert reader.pages[capacity_page].images, "the demand against capacity chart is drawn"


def test_capacity_section_off_is_absent(tiny_path, tmp_path):
    with open_portfolio(tiny_path, read_only=True) as pf:
        result = build_board_pack(pf, tmp_path / "off.pdf", BoardPackOptions(today=TODAY, sections=("summary", "risks")))
    reader = pypdf.PdfReader(result.path)
    assert "Capacity" not in [t for _, t in outline_titles(reader)]
    assert "Team utilisation" not in _flat(reader) and "Ann" not in _flat(reader)


def test_capacity_section_in_the_default_pack_and_contents(tiny_path, tmp_path):
    with open_portfolio(tiny_path, read_only=True) as pf:
        result = build_board_pack(pf, tmp_path / "all.pdf", BoardPackOptions(today=TODAY))
    reader = pypdf.PdfReader(result.path)
    top = [t for depth, t in outline_titles(reader) if depth == 0]
    assert top.index("Capacity") == top.index("Financials") + 1
    assert "capacity" in result.sections


def test_without_people_the_section_says_so(tmp_path):
    path = tmp_path / "nobody.pmo"
    create_portfolio(path).close()
    with open_portfolio(path, read_only=True) as pf:
        result = build_board_pack(pf, tmp_path / "n.pdf", BoardPackOptions(today=TODAY, sections=("capacity",)))
    text = _flat(pypdf.PdfReader(result.path))
    assert "No people are recorded, so there is no capacity to show." in text


def test_programme_filter_says_capacity_is_portfolio_wide(tiny_path, tmp_path):
    with open_portfolio(tiny_path) as pf, pf.batch("cli", "Programme"):
        g = pf.db["programmes"].insert({"name": "Core"}).last_pk
        pf.conn.execute("UPDATE projects SET programme_id = ? WHERE code = 'PRJ-A'", (g,))
    with open_portfolio(tiny_path, read_only=True) as pf:
        result = build_board_pack(pf, tmp_path / "p.pdf",
                                  BoardPackOptions(today=TODAY, sections=("capacity",), programme="Core"))
    text = _flat(pypdf.PdfReader(result.path))
    assert "these figures cover the whole portfolio" in text and "Cat Data 16.8" in text


def test_bad_capacity_setting_fails_in_one_line_and_writes_nothing(tiny_path, tmp_path, capsys):
    with open_portfolio(tiny_path) as pf:
        pf.set_settings({"hours_per_day": 30})
    out = tmp_path / "bad.pdf"
    with open_portfolio(tiny_path, read_only=True) as pf:
        with pytest.raises(BoardPackError, match="capacity section: the hours_per_day setting"):
            build_board_pack(pf, out, BoardPackOptions(today=TODAY, sections=("capacity",)))
        # Without the capacity section the pack is still made.
        build_board_pack(pf, out, BoardPackOptions(today=TODAY, sections=("summary",)))
    assert out.exists()
    out.unlink()
    assert main(["board-pack", str(tiny_path), "-o", str(out), "--sections", "capacity"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pmo: capacity section:") and err.count("\n") == 1
    assert not out.exists() and not list(tmp_path.glob(".bad.pdf.*"))
