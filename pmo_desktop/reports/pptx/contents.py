"""Contents slide: the sections of this deck, in order."""

from __future__ import annotations

from pptx.util import Emu

from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import t
from pmo_desktop.reports.pptx.deck import MARGIN, TOP, Deck

TITLE = "Contents"


def build(deck: Deck, data: PackData) -> None:
    s = deck.slide(t(TITLE))
    titles = deck.titles
    half = (len(titles) + 1) // 2
    for col, items in enumerate((titles[:half], titles[half:])):
        deck.lines(s, MARGIN + col * deck.width // 2, TOP + Emu(150000), deck.width // 2, deck.height,
                   [f"{i}.  {title}" for i, title in enumerate(items, start=1 + col * half)], size=18, bullet="")
