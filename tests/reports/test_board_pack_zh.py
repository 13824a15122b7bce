"""The board pack in Simplified Chinese (`pmo board-pack --lang zh-CN`): headings, table headers, legends,
RAG words, the footer, dates and bookmarks in Chinese, the CJK face embedded, every text the pack asks
for in the catalogue; and the same for the PowerPoint. One small portfolio, one pack of each kind."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pypdf
import pytest
from pptx import Presentation

from pmo_desktop import i18n
from pmo_desktop.cli import main
from pmo_desktop.reports import lang
from tests.reports.conftest import outline_titles, pdf_text

pytestmark = pytest.mark.slow  # two packs of a small portfolio, built once for the module


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("zh")
    source = folder / "small.pmo"
    assert main(["new", str(source), "--demo", "--projects", "8"]) == 0
    lang.MISSING.clear()
    pdf, deck = folder / "pack.pdf", folder / "pack.pptx"
    assert main(["board-pack", str(source), "-o", str(pdf), "--lang", "zh-CN"]) == 0
    assert main(["--lang", "zh-CN", "board-pack", str(source), "-o", str(deck)]) == 0  # the pmo command's language
    missing = set(lang.MISSING)
    reader = pypdf.PdfReader(pdf)
    return {"source": source, "reader": reader, "text": pdf_text(reader), "deck": Presentation(str(deck)),
            "missing": missing, "folder": folder}


def test_every_text_the_pack_asked_for_has_a_chinese_entry(packs):
    assert not packs["missing"], ("texts without a zh-CN entry in resources/i18n/zh-CN.json "
                                  "(terms: resources/i18n/glossary-zh-CN.md):\n" + "\n".join(sorted(packs["missing"])))


def test_every_literal_text_of_the_pack_is_in_the_catalogue():
    """Also those only some portfolios reach (an empty section, a capped table)."""
    texts = i18n.pack_catalogue("zh-CN").texts
    root = Path(__file__).resolve().parents[2] / "pmo_desktop" / "reports"
    missing = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "tn"):
                args = node.args if node.func.id == "t" else node.args[1:3]
                missing |= {a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                            and a.value not in texts}
    assert not missing, "\n".join(sorted(missing))


def test_headings_footer_dates_and_bookmarks_in_chinese(packs):
    reader, text = packs["reader"], packs["text"]
    flat = " ".join(text.split())
    for heading in ("执行摘要", "项目组合状态", "趋势", "路线图", "财务", "风险与问题", "里程碑", "较上期的变化",
                    "项目群页", "项目页", "附录", "董事会汇报材料 · 报告期截至"):
        assert heading in flat, heading
    pages = len(reader.pages)
    assert f"第 3 页，共 {pages} 页" in flat
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", flat)  # dates through format_date with lang
    for english in ("Executive summary", "Page 3 of", "Portfolio status", "Headlines", "Not reported",
                    "period ending", "Heat map", "Top risks by score"):
        assert english not in flat, english
    titles = [title for depth, title in outline_titles(reader) if depth == 0]
    assert {"执行摘要", "项目群页", "项目页", "附录"} <= set(titles)
    assert reader.metadata.title.endswith("董事会汇报材料，报告期截至 " + re.search(r"\d{4}年\d{1,2}月\d{1,2}日",
                                                                           reader.metadata.title).group(0))
    assert "红" in flat and "黄" in flat and "绿" in flat  # the RAG words (R/A/G letters stay on the chips)


def test_the_chinese_face_is_embedded(packs):
    embedded = set()
    for page in packs["reader"].pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            embedded.add(str(font["/BaseFont"]).split("+")[-1])
    assert "DroidSansFallback" in embedded and "DejaVuSans" in embedded


def test_the_deck_speaks_chinese(packs):
    prs = packs["deck"]
    titles = [s.shapes[0].text_frame.text for s in prs.slides if s.shapes and s.shapes[0].has_text_frame]
    assert any(t.startswith("执行摘要") for t in titles) and any(t.startswith("项目群：") for t in titles)
    assert not any(t.startswith(("Executive summary", "Programme:", "Portfolio status")) for t in titles)
    charts = [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart]
    names = {sr.name for c in charts for sr in c.plots[0].series}
    assert "完工估算" in names and "预测" in names  # chart legends
    assert "董事会汇报材料" in prs.core_properties.title
    layout_texts = [sh.text_frame.text for sh in prs.slides[1].slide_layout.shapes if sh.has_text_frame]
    assert any("董事会汇报材料，报告期截至" in x for x in layout_texts)  # the theme's footer


def test_a_pack_language_of_its_own_and_a_bad_one(packs, capsys):
    source, folder = packs["source"], packs["folder"]
    out = folder / "en.pdf"
    assert main(["--lang", "zh-CN", "board-pack", str(source), "-o", str(out), "--lang", "en",
                 "--sections", "summary"]) == 0  # an English pack from a Chinese command
    text = pdf_text(pypdf.PdfReader(out))
    assert "Executive summary" in text and "执行摘要" not in text
    capsys.readouterr()
    bad = folder / "bad.pdf"
    assert main(["board-pack", str(source), "-o", str(bad), "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "language 'fr'" in err and not bad.exists()
