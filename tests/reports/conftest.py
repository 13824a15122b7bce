"""Board-pack fixtures: one demo pack built per session (it takes a few seconds) and read back with pypdf."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

pypdf = pytest.importorskip("pypdf")

DEMO_TODAY = date(2026, 11, 27)


def outline_titles(reader) -> list[tuple[int, str]]:
    """(depth, title) for every bookmark, depth 0 = a section."""
    out: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title))

    walk(reader.outline, 0)
    return out


def pdf_text(reader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture(scope="session")
def demo_pack(_demo_template, tmp_path_factory):
    """The full pack of the 40-project demo: (path, reader, text)."""
    from pmo_desktop.reports import BoardPackOptions, build_board_pack
    from pmo_desktop.store import open_portfolio

    folder = tmp_path_factory.mktemp("pack")
    source = folder / "demo.pmo"
    shutil.copy(_demo_template, source)
    out = folder / "pack.pdf"
    with open_portfolio(source, read_only=True) as pf:
        result = build_board_pack(pf, out, BoardPackOptions(today=DEMO_TODAY))
    reader = pypdf.PdfReader(out)
    return result, reader, pdf_text(reader)
