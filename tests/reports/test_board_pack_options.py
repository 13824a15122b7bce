"""Options, bad inputs, cancel and progress: through `pmo board-pack` and build_board_pack()."""

from __future__ import annotations

import re
from datetime import date

import pypdf
import pytest

from pmo_desktop.cli import main
from pmo_desktop.reports import SECTIONS, BoardPackCancelled, BoardPackOptions, build_board_pack
from pmo_desktop.store import create_portfolio, open_portfolio
from tests.reports.conftest import DEMO_TODAY, outline_titles, pdf_text


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix in (".pdf", ".part"))


def test_sections_switch_off(demo_path, tmp_path, capsys):
    out = tmp_path / "two.pdf"
    code, stdout, err = _run(capsys, "board-pack", demo_path, "-o", out, "--sections", "risks,summary", "--json")
    assert code == 0, err
    reader = pypdf.PdfReader(out)
    assert [t for _, t in outline_titles(reader)] == ["Executive summary", "Risks and issues"]
    text = pdf_text(reader)
    assert "Roadmap" not in text and "Project pages" not in text
    assert len(reader.pages) <= 4
    assert '"sections": [\n    "summary",\n    "risks"\n  ]' in stdout


def test_without_cover_the_first_page_has_the_header(demo_path, tmp_path, capsys):
    out = tmp_path / "status.pdf"
    assert _run(capsys, "board-pack", demo_path, "-o", out, "--sections", "status")[0] == 0
    first = pypdf.PdfReader(out).pages[0].extract_text()
    assert "Portfolio status" in first and "Page 1 of" in first


def test_programme_filter_keeps_only_its_projects(demo_path, tmp_path, capsys):
    out = tmp_path / "prog.pdf"
    code, _, err = _run(capsys, "board-pack", demo_path, "-o", out, "--programme", "finance transformation",
                        "--sections", "status", "projects")
    assert code == 0, err
    with open_portfolio(demo_path, read_only=True) as pf:
        rows = pf.conn.execute("""SELECT p.code, g.name FROM projects p JOIN programmes g ON g.id = p.programme_id""").fetchall()
    inside = {c for c, g in rows if g == "Finance Transformation"}
    nested = {t.split()[0] for depth, t in outline_titles(pypdf.PdfReader(out)) if depth == 1}
    assert nested == inside
    assert "Finance Transformation" in pypdf.PdfReader(out).metadata.title


def test_letter_page_size_is_landscape_letter(demo_path, tmp_path, capsys):
    out = tmp_path / "letter.pdf"
    assert _run(capsys, "board-pack", demo_path, "-o", out, "--sections", "cover", "summary",
                "--page-size", "letter")[0] == 0
    box = pypdf.PdfReader(out).pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_earlier_period(demo_path, tmp_path, capsys):
    out = tmp_path / "sep.pdf"
    code, _, err = _run(capsys, "board-pack", demo_path, "-o", out, "--period", "2026-09-30",
                        "--sections", "summary", "changes")
    assert code == 0, err
    text = pdf_text(pypdf.PdfReader(out))
    assert "period ending 30 Sep 2026" in text
    assert "Compared with the period ending 31 Aug 2026" in text


@pytest.mark.parametrize(("args", "message"), [
    (["--sections", "summary,budgets"], "unknown section 'budgets'"),
    (["--period", "2026-13-45"], "not a real date"),
    (["--period", "last month"], "YYYY-MM-DD"),
    (["--period", "2025-01-31"], "no status reports for period 2025-01-31"),
    (["--programme", "Moon Base"], "unknown programme 'Moon Base'"),
    (["--page-size", "A3"], "page size 'A3'"),
])
def test_bad_options_fail_in_one_line_and_write_nothing(demo_path, tmp_path, capsys, args, message):
    out = tmp_path / "bad.pdf"
    code, stdout, err = _run(capsys, "board-pack", demo_path, "-o", out, *args)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("pmo: ")
    assert message in err
    assert "Traceback" not in err and stdout == ""
    assert _leftovers(tmp_path) == []


def test_unwritable_outputs_fail_cleanly(demo_path, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    (tmp_path / "folder.pdf").mkdir()
    for target, message in ((tmp_path / "missing" / "x.pdf", "does not exist"),
                            (blocker / "x.pdf", "does not exist"),
                            (tmp_path / "folder.pdf", "is a folder"),
                            (tmp_path / "pack.txt", "must end in .pdf")):
        code, _, err = _run(capsys, "board-pack", demo_path, "-o", target)
        assert code == 1 and message in err and err.count("\n") == 1, err
    assert _leftovers(tmp_path) == []


def test_missing_portfolio_is_one_line(tmp_path, capsys):
    code, _, err = _run(capsys, "board-pack", tmp_path / "nope.pmo", "-o", tmp_path / "x.pdf")
    assert code == 1 and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_leaves_no_file_and_keeps_an_older_pack(demo, tmp_path):
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"%PDF-1.4 last month's pack")
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 30  # part-way through the project pages

    with pytest.raises(BoardPackCancelled):
        build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY), cancel=cancel)
    assert out.read_bytes() == b"%PDF-1.4 last month's pack"
    assert _leftovers(tmp_path) == ["pack.pdf"]


def test_cancel_during_layout(demo, tmp_path):
    out = tmp_path / "pack.pdf"
    seen = {"pages": 0}

    def progress(done, total):
        seen["pages"] += 1

    def cancel() -> bool:
        return seen["pages"] > 60  # story built; now in the reportlab layout passes

    with pytest.raises(BoardPackCancelled):
        build_board_pack(demo, out, BoardPackOptions(today=DEMO_TODAY, sections=("status", "projects")),
                         progress=progress, cancel=cancel)
    assert _leftovers(tmp_path) == []


def test_progress_rises_to_total(demo, tmp_path):
    seen: list[tuple[int, int]] = []
    build_board_pack(demo, tmp_path / "p.pdf", BoardPackOptions(today=DEMO_TODAY, sections=("summary", "projects")),
                     progress=lambda d, t: seen.append((d, t)))
    dones = [d for d, _ in seen]
    assert dones == sorted(dones)
    assert seen[-1][0] == seen[-1][1]
    assert all(d < t for d, t in seen[:-1])


def _normalised(path) -> bytes:
    data = path.read_bytes()
    data = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", data)
    return re.sub(rb"/ID\s*\[<[0-9a-fA-F]+><[0-9a-fA-F]+>\]", b"", data)


def test_same_data_and_options_give_the_same_pdf(demo, tmp_path):
    options = BoardPackOptions(today=DEMO_TODAY)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build_board_pack(demo, a, options)
    build_board_pack(demo, b, options)
    assert _normalised(a) == _normalised(b)


def test_empty_portfolio_says_so(tmp_path):
    path = tmp_path / "empty.pmo"
    create_portfolio(path).close()
    with open_portfolio(path, read_only=True) as pf:
        result = build_board_pack(pf, tmp_path / "empty.pdf", BoardPackOptions(today=date(2026, 11, 27)))
    reader = pypdf.PdfReader(result.path)
    text = " ".join(pdf_text(reader).split())
    assert "There are no projects in this portfolio" in text
    assert "No budget lines are recorded" in text
    assert "No open risks" in text
    assert len(reader.pages) <= len(SECTIONS)  # a page a section at most: each says it is empty


def test_one_project_portfolio(tmp_path):
    from pmo_desktop.demo import build_demo

    path = tmp_path / "one.pmo"
    create_portfolio(path, populate=lambda pf: build_demo(pf, projects=1, seed=3, today=DEMO_TODAY)).close()
    with open_portfolio(path, read_only=True) as pf:
        name = pf.conn.execute("SELECT name FROM projects").fetchone()[0]
        result = build_board_pack(pf, tmp_path / "one.pdf", BoardPackOptions(today=DEMO_TODAY))
    reader = pypdf.PdfReader(result.path)
    assert result.projects == 1
    assert " ".join(name.split()) in " ".join(pdf_text(reader).split())
    pages = [title for depth, title in outline_titles(reader) if depth == 1]  # its programme's page, its own
    assert len(pages) == 2 and pages[0].startswith("Programme: ") and name in pages[1]
