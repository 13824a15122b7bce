"""Roadmap slides: each project a row of PowerPoint shapes: the RAG chip with its letter, a grey
baseline bar, the forecast bar coloured by RAG, milestone diamonds, "+N wd" slips kept inside the
slide, and lines for the period end and today; grouped by programme, about 16 rows a slide."""

from __future__ import annotations

from datetime import date, timedelta

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import ACTUAL_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.reports.base import fmt_month
from pmo_desktop.reports.data import PackData, ProjectPack
from pmo_desktop.reports.lang import is_chinese, t
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, SLIDE_W, TOP, Deck, rgb
from pmo_desktop.reports.sections.roadmap import window

TITLE = "Roadmap"
ROWS = 16
LABEL_W = Emu(3300000)


def _d(value) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _rows(data: PackData) -> list[list]:
    pages, current = [], []
    for programme, projects in data.by_programme():
        if len(current) >= ROWS - 2:
            pages.append(current)
            current = []
        current.append(("programme", programme))
        for x in projects:
            if len(current) >= ROWS:
                pages.append(current)
                current = [("programme", t("{programme} (continued)", programme=programme))]
            current.append(("project", x))
    if current:
        pages.append(current)
    return pages


def build(deck: Deck, data: PackData) -> None:
    pages = _rows(data)
    if not pages:
        s = deck.slide(t(TITLE))
        deck.text(s, MARGIN, TOP, deck.width, Emu(400000), t("There are no projects to place on the roadmap."),
                  size=14, colour=MUTED)
        return
    lo, hi = window(data)
    for n, page in enumerate(pages):
        title = t(TITLE) if len(pages) == 1 else t("{title} ({n} of {total})", title=t(TITLE), n=n + 1, total=len(pages))
        _page(deck, deck.slide(title, notes=t("Coloured bar: forecast start to finish, coloured and lettered by "
                                              "overall RAG; grey bar: baseline; diamonds: milestones (filled when done).")),
              page, data, lo, hi)


def _page(deck: Deck, s, page, data: PackData, lo: date, hi: date) -> None:
    x0 = MARGIN + LABEL_W
    x1 = SLIDE_W - MARGIN
    span = (hi - lo).days or 1
    top = TOP + Emu(330000)
    row_h = (deck.height - Emu(420000)) // ROWS

    def x_of(d: date) -> int:
        return int(x0 + (x1 - x0) * min(max((d - lo).days, 0), span) / span)

    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    step = max(1, -(-months // (8 if is_chinese() else 12)))  # "2026年11月" is wider than "Nov 2026"
    m = lo
    bottom = top + row_h * len(page)
    while m <= hi:
        line = s.shapes.add_connector(1, x_of(m), top - Emu(40000), x_of(m), bottom)
        line.line.color.rgb = rgb("ECEFF1")
        deck.text(s, x_of(m) - Emu(500000), top - Emu(300000), Emu(1000000), Emu(250000), fmt_month(m), size=10,
                  colour=MUTED, align=PP_ALIGN.CENTER)
        m = workdays.add_months(m, step)
    for y_i, (kind, item) in enumerate(page):
        y = top + y_i * row_h
        if kind == "programme":
            deck.box(s, MARGIN, y, x1 - MARGIN, row_h, "ECEFF1")
            deck.text(s, MARGIN, y, LABEL_W * 3, row_h, item, size=11, bold=True, colour=ACTUAL_COLOUR,
                      anchor=MSO_ANCHOR.MIDDLE)
            continue
        _project(deck, s, item, y, row_h, x_of, lo, hi)
    deck.text(s, MARGIN, bottom, Emu(5000000), Emu(250000),
              t("Bar: forecast (RAG) · grey: baseline · ◆ done ◇ to come · +N wd past baseline"), size=10, colour=MUTED)
    # "Period end" ends at its line and "Today" starts at its own: they never overprint (a second row
    # when today falls before the period end)
    for when, colour, label, left_of in ((data.period, "616161", "Period end", True),
                                         (data.today, Rag.RED.colour, "Today", False)):
        if lo <= when <= hi:
            line = s.shapes.add_connector(1, x_of(when), top - Emu(40000), x_of(when), bottom)
            line.line.color.rgb = rgb(colour)
            line.line.dash_style = 4  # dash
            below = bottom + (Emu(250000) if not left_of and data.today < data.period else 0)
            deck.text(s, x_of(when) - (Emu(1000000) if left_of else 0), below, Emu(1000000), Emu(250000), t(label),
                      size=10, colour=colour, align=PP_ALIGN.RIGHT if left_of else PP_ALIGN.LEFT)


def _project(deck: Deck, s, x: ProjectPack, y: int, row_h: int, x_of, lo: date, hi: date) -> None:
    rag = x.rags["overall"]
    chip = Emu(200000)
    label = f"{x.code}  {x.name}"
    label = label if len(label) <= 38 else label[:37] + "…"
    deck.text(s, MARGIN, y, LABEL_W - chip - Emu(60000), row_h, label, size=10, wrap=False, align=PP_ALIGN.RIGHT,
              anchor=MSO_ANCHOR.MIDDLE)
    deck.box(s, MARGIN + LABEL_W - chip - Emu(40000), y + (row_h - chip) // 2, chip, chip, rag.colour,
             text=rag.letter, colour=rag.text_colour)
    bs, bf = _d(x.baseline_start), _d(x.baseline_finish)
    start, finish = x.bar
    if bs and bf:
        deck.box(s, x_of(bs), y + row_h * 3 // 4, max(Emu(20000), x_of(bf) - x_of(bs)), row_h // 8, PLAN_COLOUR.lstrip("#"))
    if start and finish:
        deck.box(s, x_of(start), y + row_h // 4, max(Emu(30000), x_of(finish) - x_of(start)), row_h * 2 // 5,
                 rag.colour)
        if x.finish_slip > 0:
            colour = Rag.RED.colour if x.finish_slip > 20 else Rag.AMBER.colour if x.finish_slip > 10 else "616161"
            label_w = Emu(950000 if is_chinese() else 700000)
            at = x_of(min(hi, finish + timedelta(days=9)))
            edge = at + label_w > x_of(hi)  # reaching the right edge: the label sits inside, right-aligned
            deck.text(s, (x_of(hi) - label_w) if edge else at, y + row_h // 8, label_w, row_h * 3 // 4,
                      t("+{n} wd", n=x.finish_slip), size=10, colour=colour, bold=True, anchor=MSO_ANCHOR.MIDDLE,
                      align=PP_ALIGN.RIGHT if edge else PP_ALIGN.LEFT, fill="FFFFFF" if edge else None)
    elif not (bs and bf):
        deck.text(s, x_of(lo), y, Emu(2000000), row_h, "no dates recorded", size=10, colour=MUTED)
    d = Emu(110000)
    for m in x.milestones:
        when = _d(m.finish)
        if when and lo <= when <= hi:
            deck.box(s, x_of(when) - d // 2, y + row_h // 4 + (row_h * 2 // 5 - d) // 2, d, d,
                     ACTUAL_COLOUR.lstrip("#") if m.done else "FFFFFF", shape=MSO_SHAPE.DIAMOND,
                     line=ACTUAL_COLOUR.lstrip("#"))
