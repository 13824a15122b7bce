"""Trends slide: the last six periods as native, editable charts: the RAG mix (stacked columns), EAC
against budget, spend to date against plan, open High/Critical risks, milestones hit and missed."""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.reports.base import fmt_month
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import rag_legend, t
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, TOP, Deck, millions, millions_format
from pmo_desktop.reports.sections.trends import RAG_STACK

TITLE = "Trends"


def build(deck: Deck, data: PackData) -> None:
    s = deck.slide(t(TITLE), notes=t("The last six reporting periods, oldest first. Chart data is editable "
                                     "(right-click a chart, Edit Data)."))
    pts = data.trends
    if not pts:
        deck.text(s, MARGIN, TOP, deck.width, Emu(400000), t("No reporting periods yet."), size=14, colour=MUTED)
        return
    cats = [fmt_month(pt.period) for pt in pts]
    money = millions_format(data.currency)
    w, h = deck.width // 3, (deck.height - Emu(100000)) // 2
    cells = [(MARGIN + (i % 3) * w, TOP + (i // 3) * h) for i in range(5)]
    specs = [
        (XL_CHART_TYPE.COLUMN_STACKED, t("RAG mix (projects)"),
         [(rag_legend(r), [pt.rags.get(r.value, 0) for pt in pts], r.colour) for r in RAG_STACK], "0"),
        (XL_CHART_TYPE.LINE_MARKERS, t("EAC against budget"),
         [(t("EAC"), [millions(pt.eac) for pt in pts], FORECAST_COLOUR),
          (t("Budget"), [millions(pt.budget) for pt in pts], PLAN_COLOUR)], money),
        (XL_CHART_TYPE.LINE_MARKERS, t("Spend to date against plan"),
         [(t("Actual"), [millions(pt.actual_to_date) for pt in pts], ACTUAL_COLOUR),
          (t("Plan"), [millions(pt.planned_to_date) for pt in pts], PLAN_COLOUR)], money),
        (XL_CHART_TYPE.COLUMN_CLUSTERED, t("Open High/Critical risks"),
         [(t("Open High/Critical"), [pt.open_high_risks for pt in pts], Rag.RED.colour)], "0"),
        (XL_CHART_TYPE.COLUMN_CLUSTERED, t("Milestones hit and missed"),
         [(t("Hit"), [pt.milestones_hit for pt in pts], Rag.GREEN.colour),
          (t("Missed"), [pt.milestones_missed for pt in pts], Rag.RED.colour)], "0"),
    ]
    for (x, y), (kind, title, series, fmt) in zip(cells, specs, strict=True):
        chart = deck.chart(s, kind, x, y, w - Emu(60000), h - Emu(60000), cats, series, title=title,
                           number_format=fmt)
        if kind == XL_CHART_TYPE.COLUMN_STACKED:
            chart.plots[0].gap_width = 60
            chart.plots[0].overlap = 100
