"""Months in the board pack (the roadmap's span and month axis, the capacity section's months and the
spend charts' ticks) follow the portfolio's one date-format setting, as its dates do."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.reports.conftest import DEMO_TODAY, pdf_text, pypdf

MONTH_NAME_YEAR = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b")


@pytest.mark.parametrize(("style", "month"), [("iso", r"\b20\d\d-(0[1-9]|1[0-2])\b(?!-\d)"),
                                              ("dmy", r"(?<![/\d])(0[1-9]|1[0-2])/20\d\d\b")])
def test_pack_months_follow_the_date_format(_demo_template, tmp_path, style, month):
    from pmo_desktop.reports import BoardPackOptions, build_board_pack
    from pmo_desktop.store import open_portfolio

    source = tmp_path / "demo.pmo"
    shutil.copy(_demo_template, source)
    with open_portfolio(source) as pf:
        pf.set_settings({"date_format": style})
        build_board_pack(pf, tmp_path / "pack.pdf", BoardPackOptions(today=DEMO_TODAY,
                                                                    sections=("roadmap", "capacity")))
    text = pdf_text(pypdf.PdfReader(tmp_path / "pack.pdf"))
    assert len(re.findall(month, text)) >= 3, text[:2000]
    assert not MONTH_NAME_YEAR.search(text), MONTH_NAME_YEAR.search(text)
