"""Cover slide: portfolio, period, organisation, date prepared, logo and the confidentiality marking;
the portfolio commentary in the speaker notes."""

from __future__ import annotations

import io

from pptx.util import Emu

from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports import commentary
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import t, word
from pmo_desktop.reports.pptx.deck import HEAD, MARGIN, MUTED, SLIDE_H, SLIDE_W, Deck, date_text

TITLE = "Cover"


def build(deck: Deck, data: PackData) -> None:
    s = deck.slide(t(TITLE), notes=commentary.plain(data.commentary), furniture=False)
    deck.box(s, 0, 0, SLIDE_W, Emu(180000), HEAD)
    title = data.portfolio + (f" · {data.programme_filter}" if data.programme_filter else "")
    deck.text(s, MARGIN, Emu(2000000), deck.width, Emu(900000), title, size=36, bold=True, colour=HEAD)
    deck.text(s, MARGIN, Emu(2950000), deck.width, Emu(500000),
              t("Board pack · reporting period ending {period}", period=date_text(data.period)), size=22, colour=MUTED)
    deck.text(s, MARGIN, Emu(3600000), deck.width, Emu(400000),
              f"{data.organisation + ' · ' if data.organisation else ''}"
              + t("Prepared {date}", date=date_text(data.today)),
              size=16, colour=MUTED)
    if deck.theme.logo_png:
        s.shapes.add_picture(io.BytesIO(deck.theme.logo_png), SLIDE_W - MARGIN - Emu(2400000),
                             SLIDE_H - Emu(1700000), height=Emu(1000000))
    deck.text(s, MARGIN, SLIDE_H - Emu(600000), Emu(5000000), Emu(350000), word(data.confidentiality).upper(),
              size=14, bold=True, colour=Rag.RED.colour)
