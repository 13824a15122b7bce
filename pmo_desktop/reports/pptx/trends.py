"""Trends slide: the last six periods as native, editable charts: the RAG mix (stacked columns), EAC
against budget, spend to date against plan, open High/Critical risks, milestones hit and missed."""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from pmo_desktop.domain.dates import format_month
from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, TOP, Deck, millions, millions_format
from pmo_desktop.reports.sections.trends import RAG_STACK

TITLE = "Trends"


def build(deck: Deck, data: PackData) -> None:
    s = deck.slide(TITLE, notes="The last six reporting periods, oldest first. Chart data is editable "
                                "(right-click a chart, Edit Data).")
    pts = data.trends
    if not pts:
        deck.text(s, MARGIN, TOP, deck.width, Emu(400000), "No reporting periods yet.", size=14, colour=MUTED)
        return
    cats = [format_month(t.period) for t in pts]
    money = millions_format(data.currency)
    w, h = deck.width // 3, (deck.height - Emu(100000)) // 2
    cells = [(MARGIN + (i % 3) * w, TOP + (i // 3) * h) for i in range(5)]
    specs = [
        (XL_CHART_TYPE.COLUMN_STACKED, "RAG mix (projects)",
         [(f"{r.letter} {r.label}", [t.rags.get(r.value, 0) for t in pts], r.colour) for r in RAG_STACK], "0"),
        (XL_CHART_TYPE.LINE_MARKERS, "EAC against budget",
         [("EAC", [millions(t.eac) for t in pts], FORECAST_COLOUR),
          ("Budget", [millions(t.budget) for t in pts], PLAN_COLOUR)], money),
        (XL_CHART_TYPE.LINE_MARKERS, "Spend to date against plan",
         [("Actual", [millions(t.actual_to_date) for t in pts], ACTUAL_COLOUR),
          ("Plan", [millions(t.planned_to_date) for t in pts], PLAN_COLOUR)], money),
        (XL_CHART_TYPE.COLUMN_CLUSTERED, "Open High/Critical risks",
         [("Open High/Critical", [t.open_high_risks for t in pts], Rag.RED.colour)], "0"),
        (XL_CHART_TYPE.COLUMN_CLUSTERED, "Milestones hit and missed",
         [("Hit", [t.milestones_hit for t in pts], Rag.GREEN.colour),
          ("Missed", [t.milestones_missed for t in pts], Rag.RED.colour)], "0"),
    ]
    for (x, y), (kind, title, series, fmt) in zip(cells, specs, strict=True):
        chart = deck.chart(s, kind, x, y, w - Emu(60000), h - Emu(60000), cats, series, title=title,
                           number_format=fmt)
        if kind == XL_CHART_TYPE.COLUMN_STACKED:
            chart.plots[0].gap_width = 60
            chart.plots[0].overlap = 100
