"""Financial slides: native, editable charts for the S-curve, variance by programme and the CAPEX/OPEX
split; tables for whole-life and in-year figures by programme, the largest variances with their cost
commentary, and spend by category with budget and variance. Every figure comes from the finance
service through the pack's data layer."""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_LABEL_POSITION
from pptx.util import Emu, Pt

from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.domain.money import format_pct
from pmo_desktop.finance import derive_cost_rag
from pmo_desktop.reports import commentary
from pmo_desktop.reports.base import fmt_money, fmt_month
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import t, word
from pmo_desktop.reports.pptx.deck import (
    MARGIN,
    MIN_PT,
    MUTED,
    TOP,
    Deck,
    date_text,
    millions,
    millions_format,
    rgb,
)
from pmo_desktop.reports.sections.financials import LARGEST_VARIANCES, _label

TITLE = "Financials"


def build(deck: Deck, data: PackData) -> None:
    f = data.finance
    if f is None or not f.s_curve:
        s = deck.slide(t(TITLE))
        deck.text(s, MARGIN, TOP, deck.width, Emu(400000),
                  t("No budget lines are recorded, so there are no financials to show."), size=14, colour=MUTED)
        return
    _charts(deck, data)
    _programmes(deck, data)
    _variances(deck, data)


def _charts(deck: Deck, data: PackData) -> None:
    f, cur = data.finance, data.currency
    s = deck.slide(t(TITLE), notes=t("Charts hold their data: right-click, Edit Data. Money in millions."))
    money = millions_format(cur)
    pts = f.s_curve
    w, h = deck.width * 58 // 100, deck.height // 2 + Emu(600000)
    deck.chart(s, XL_CHART_TYPE.LINE, MARGIN, TOP, w, h, [fmt_month(p.month) for p in pts],
               [(t("Planned (cumulative)"), [millions(p.planned_cum) for p in pts], PLAN_COLOUR),
                (t("Actual"), [millions(p.actual_cum) for p in pts], ACTUAL_COLOUR),
                (t("Forecast"), [millions(p.forecast_cum) for p in pts], FORECAST_COLOUR)],
               title=t("Cumulative spend by month (period {date})", date=date_text(f.period.end)), number_format=money)
    progs = [g for g in f.programmes if g.variance_pct is not None]
    rags = [derive_cost_rag(g.variance_pct, f.cost_thresholds) or Rag.GREY for g in progs]
    right_x, right_w = MARGIN + w + Emu(100000), deck.width - w - Emu(100000)
    chart = deck.chart(s, XL_CHART_TYPE.BAR_CLUSTERED, right_x, TOP, right_w, h,
                       [_label(g.label) for g in progs][::-1],
                       [(t("Variance (EAC − budget)"), [millions(g.variance) for g in progs][::-1], None)],
                       title=t("Variance by programme, whole life"), number_format=money, legend=False)
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # names clear of negative bars
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = money
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.position = XL_LABEL_POSITION.INSIDE_BASE
    plot.data_labels.font.size = Pt(MIN_PT)
    for point, rag in zip(chart.series[0].points, rags[::-1], strict=True):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = rgb(rag.colour)
    lines = f.by_spend_type
    y2 = TOP + h + Emu(80000)
    h2 = deck.height - h - Emu(80000)
    deck.chart(s, XL_CHART_TYPE.BAR_STACKED, MARGIN, y2, w, h2, [word(line.key) for line in lines],
               [(t("Actual to date"), [millions(line.actual_to_date) for line in lines], ACTUAL_COLOUR),
                (t("Forecast remaining"), [millions(line.forecast_remaining) for line in lines], FORECAST_COLOUR)],
               title=t("CAPEX / OPEX split (EAC)"), number_format=money)
    total = sum(line.eac for line in lines) or 1
    deck.lines(s, right_x, y2 + Emu(200000), right_w, h2,
               [word(line.key) + ": " + t("EAC {eac} · {share}", eac=fmt_money(line.eac, cur), share=f"{line.eac / total:.0%}")
                for line in lines], size=12)


def _programmes(deck: Deck, data: PackData) -> None:
    f, cur = data.finance, data.currency
    s = deck.slide(t("Financials by programme"), notes=t(
        "Whole life: approved budget against EAC (actual to date + forecast remaining). In year: the financial "
        "year's planned spend against its actual to date plus forecast for the remaining months."))
    deck.text(s, MARGIN, TOP, deck.width, Emu(300000), t("Whole life (to completion)"), size=14, bold=True,
              colour="37474F")
    rows, red, rags = [], set(), []
    for g in [*f.programmes, f.totals]:
        rag = derive_cost_rag(g.variance_pct, f.cost_thresholds) or Rag.GREY
        rows.append([t("Total") if g is f.totals else _label(g.label), g.projects, fmt_money(g.approved_budget, cur),
                     fmt_money(g.actual_to_date, cur), fmt_money(g.forecast_remaining, cur), fmt_money(g.eac, cur),
                     fmt_money(g.variance, cur, signed=True), format_pct(g.variance_pct, signed=True), ""])
        rags.append(rag)
        if g.variance > 0:
            red.add((len(rows), 6))
    head = [t(h) for h in ("Programme", "Projects", "Budget", "Actual", "Fcst to go", "EAC", "Variance", "Var %", "Cost")]
    table_h = Emu(230000) * (len(rows) + 1)
    deck.table(s, MARGIN, TOP + Emu(320000), deck.width, [head, *rows], [4, 1, 1.4, 1.4, 1.4, 1.4, 1.4, 1, 0.7],
               right=set(range(1, 8)), rag_cols={8: rags}, red=red, row_h=Emu(230000))
    y = TOP + Emu(420000) + table_h
    deck.text(s, MARGIN, y, deck.width, Emu(300000),
              t("In year {fy} (to {date}, Q{quarter})", fy=f.period.fy_label, date=date_text(f.period.end),
                quarter=f.period.quarter), size=14, bold=True,
              colour="37474F")
    rows = [[t("Total") if i.label == "Total" else _label(i.label), fmt_money(i.budget, cur), fmt_money(i.actual_to_date, cur), fmt_money(i.forecast, cur),
             fmt_money(i.variance, cur, signed=True), format_pct(i.variance_pct, signed=True)] for i in data.in_year]
    red = {(n, 4) for n, i in enumerate(data.in_year, start=1) if i.variance > 0}
    deck.table(s, MARGIN, y + Emu(320000), deck.width,
               [[t(h) for h in ("Programme", "FY budget", "FY actual to date", "FY forecast", "FY variance", "Var %")],
                *rows],
               [4, 1.5, 1.5, 1.5, 1.5, 1], right={1, 2, 3, 4, 5}, red=red, row_h=Emu(230000))


def _variances(deck: Deck, data: PackData) -> None:
    cur = data.currency
    ranked = sorted((x for x in data.projects if x.finance and x.finance.variance),
                    key=lambda x: (-abs(x.finance.variance), x.code))[:LARGEST_VARIANCES]
    rows = [[f"{x.code}  {x.name}", fmt_money(x.finance.approved_budget, cur), fmt_money(x.finance.eac, cur),
             f"{fmt_money(x.finance.variance, cur, signed=True)} ({format_pct(x.finance.variance_pct, signed=True)})",
             commentary.plain(x.cost_commentary).replace("\n", " ") or t("No explanation recorded.")] for x in ranked]
    notes = "\n".join(f"{x.code}: {commentary.plain(x.cost_commentary)}" for x in ranked if x.cost_commentary)
    s = deck.slide(t("Largest variances and spend by category"), notes=notes)
    deck.text(s, MARGIN, TOP, deck.width, Emu(300000), t("Largest variances (whole life), with their explanation"),
              size=14, bold=True, colour="37474F")
    deck.table(s, MARGIN, TOP + Emu(320000), deck.width, [[t(h) for h in ("Project", "Budget", "EAC", "Variance", "Explanation")], *rows],
               [3.2, 1.1, 1.1, 1.8, 5.5], right={1, 2, 3}, row_h=Emu(300000))
    y = TOP + Emu(420000) + Emu(300000) * (len(rows) + 1)
    deck.text(s, MARGIN, y, deck.width, Emu(300000), t("By cost category (whole life)"), size=14, bold=True,
              colour="37474F")
    lines = data.finance.by_category
    rows = [[word(line.key), fmt_money(line.planned_total, cur), fmt_money(line.actual_to_date, cur),
             fmt_money(line.eac, cur), fmt_money(line.eac - line.planned_total, cur, signed=True)] for line in lines]
    red = {(n, 4) for n, line in enumerate(lines, start=1) if line.eac > line.planned_total}
    deck.table(s, MARGIN, y + Emu(320000), deck.width * 2 // 3, [[t(h) for h in ("Category", "Budget", "Actual", "EAC", "Variance")], *rows],
               [3, 1.2, 1.2, 1.2, 1.2], right={1, 2, 3, 4}, red=red, row_h=Emu(230000))
