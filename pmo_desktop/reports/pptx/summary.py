"""Executive summary slide: RAG counts as coloured chips with letters, KPI tiles, headlines and the
commentary (the programme's when the deck is for one); commentary again in the speaker notes.
Decisions asked of the board follow on their own slide."""

from __future__ import annotations

from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports import commentary
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import rag_word, t
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, TOP, Deck
from pmo_desktop.reports.sections.summary import (
    RAG_ORDER,
    finance_headlines,
    finance_tiles,
    headlines,
    rag_counts,
)

TITLE = "Executive summary"


def _text_of(data: PackData) -> tuple[str | None, str]:
    if data.programme_filter:
        return (data.programme_commentary.get(data.programme_filter),
                t("No commentary was recorded for {programme} this period.", programme=data.programme_filter))
    return data.commentary, t("No portfolio commentary was recorded for this period.")


def build(deck: Deck, data: PackData) -> None:
    text, none = _text_of(data)
    s = deck.slide(t(TITLE), notes=commentary.plain(text) or none)
    counts = rag_counts(data)
    chip = Emu(650000)
    for i, rag in enumerate(RAG_ORDER):
        x = MARGIN + i * (chip + Emu(60000))
        deck.box(s, x, TOP, chip, Emu(300000), rag.colour, text=rag.letter, colour=rag.text_colour, size=14)
        deck.text(s, x, TOP + Emu(300000), chip, Emu(380000), str(counts.get(rag, 0)), size=22, bold=True,
                  align=PP_ALIGN.CENTER)
        deck.text(s, x - Emu(40000), TOP + Emu(680000), chip + Emu(80000), Emu(300000), rag_word(rag), size=10,
                  colour=MUTED, align=PP_ALIGN.CENTER)
    missed = sum(1 for m in data.milestones_due if not m.done)
    tiles = [(str(len(data.milestones_due)), t("milestones due, {n} missed", n=missed), Rag.RED.colour if missed else None),
             (str(len(data.milestones_overdue)), t("milestones overdue"),
              Rag.RED.colour if data.milestones_overdue else None),
             (str(data.open_high_risks), t("open High/Critical risks"), Rag.RED.colour if data.open_high_risks else None),
             *finance_tiles(data)]
    left = MARGIN + 5 * (chip + Emu(60000)) + Emu(150000)
    tile_w = (deck.width - (left - MARGIN)) // len(tiles)
    for i, (value, label, colour) in enumerate(tiles):
        x = left + i * tile_w
        deck.text(s, x, TOP, tile_w, Emu(450000), value, size=20 if len(value) > 4 else 24, bold=True, colour=colour or "212121", align=PP_ALIGN.CENTER)
        deck.text(s, x, TOP + Emu(450000), tile_w, Emu(550000), label, size=10, colour=MUTED, align=PP_ALIGN.CENTER)
    y = TOP + Emu(1150000)
    half = deck.width // 2
    deck.text(s, MARGIN, y, half, Emu(320000), t("Headlines"), size=16, bold=True, colour="37474F")
    deck.lines(s, MARGIN, y + Emu(330000), half - Emu(150000), Emu(3600000),
               headlines(data) + finance_headlines(data), size=12)
    deck.text(s, MARGIN + half, y, half, Emu(320000), t("Commentary"), size=16, bold=True, colour="37474F")
    deck.commentary(s, MARGIN + half, y + Emu(330000), half, Emu(3600000), text, none=none, size=13)
    decisions = [x for x in data.projects if x.decisions]
    rows = [[f"{x.code}  {x.name}", x.rags["overall"].letter, x.decisions, x.manager or "–"] for x in decisions]
    deck.paged_table(t("Decisions requested of the board"), ["Project", "RAG", "Decision needed", "Manager"], rows,
                     [3, 0.5, 6, 2], per=10, rag_cols={1: [x.rags["overall"] for x in decisions]},
                     empty=t("No project asked for a decision this period."))
