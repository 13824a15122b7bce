"""Financials: the S-curve of planned, actual and forecast spend, variance by programme, the CAPEX/OPEX
split, spend by category and a table by programme. Every figure comes from the finance service."""

from __future__ import annotations

from matplotlib import dates as mdates
from matplotlib.ticker import FuncFormatter, MaxNLocator
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.domain.money import format_money, format_pct
from pmo_desktop.finance import derive_cost_rag
from pmo_desktop.reports import charts
from pmo_desktop.reports.base import (
    data_table,
    empty_note,
    fmt_money,
    p,
    rag_cell_commands,
    section_heading,
    spacer,
)
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import SANS_BOLD

TITLE = "Financials"


def _money_axis(currency: str) -> FuncFormatter:
    return FuncFormatter(lambda v, _pos: format_money(v, currency))


def s_curve(data: PackData, width: float, height: float):
    f = data.finance
    fig = charts.new_figure(width, height)
    ax = fig.add_axes([0.13, 0.2, 0.84, 0.68])
    pts = f.s_curve
    x = [mdates.date2num(pt.month) for pt in pts]
    ax.plot(x, [pt.planned_cum for pt in pts], color=PLAN_COLOUR, linewidth=2, label="Planned (cumulative)")
    act = [(xi, pt.actual_cum) for xi, pt in zip(x, pts, strict=True) if pt.actual_cum is not None]
    fc = [(xi, pt.forecast_cum) for xi, pt in zip(x, pts, strict=True) if pt.forecast_cum is not None]
    if act:
        ax.plot(*zip(*act, strict=True), color=ACTUAL_COLOUR, linewidth=2, marker="o", markersize=2.5, label="Actual")
    if fc:
        ax.plot(*zip(*fc, strict=True), color=FORECAST_COLOUR, linewidth=2, linestyle="--", label="Forecast")
    cutoff = mdates.date2num(f.period.cutoff_month)
    ax.axvline(cutoff, color="#616161", linestyle=":", linewidth=0.9)
    ax.text(cutoff, ax.get_ylim()[1], " period", fontsize=8, color="#616161", va="top")
    ax.yaxis.set_major_formatter(_money_axis(data.currency))
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, -(-len(pts) // 7))))
    ax.xaxis.set_major_formatter(charts.month_formatter())
    ax.grid(True, axis="y", color="#ECEFF1")
    ax.set_title("Cumulative spend by month", fontsize=8.5, loc="left", color="#37474F", fontweight="bold")
    fig.legend(loc="lower center", ncol=3, frameon=False, fontsize=8)
    return fig


def variance_by_programme(data: PackData, width: float, height: float):
    f = data.finance
    progs = [t for t in f.programmes if t.variance_pct is not None][::-1]
    fig = charts.new_figure(width, height)
    ax = fig.add_axes([0.36, 0.12, 0.46, 0.76])
    ys = range(len(progs))
    for y, t in zip(ys, progs, strict=True):
        rag = derive_cost_rag(t.variance_pct, f.cost_thresholds) or Rag.GREY
        ax.barh(y, t.variance, color=rag.colour, height=0.6)
        ax.text(1.02, y, f"{rag.letter}  {format_money(t.variance, data.currency)} ({format_pct(t.variance_pct, signed=True)})",
                transform=ax.get_yaxis_transform(), va="center", fontsize=8, color="#212121")
    ax.set_yticks(list(ys), [t.label if len(t.label) <= 30 else t.label[:29] + "…" for t in progs], fontsize=8)
    ax.axvline(0, color="#616161", linewidth=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_formatter(_money_axis(data.currency))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(True, axis="x", color="#ECEFF1")
    ax.set_title("Variance by programme (EAC − budget)", fontsize=8.5, loc="left", color="#37474F",
                 fontweight="bold", x=-0.55)
    return fig


def capex_opex(data: PackData, width: float, height: float):
    f = data.finance
    lines = f.by_spend_type
    fig = charts.new_figure(width, height)
    ax = fig.add_axes([0.13, 0.32, 0.62, 0.48])
    total = sum(line.eac for line in lines) or 1
    for y, line in enumerate(lines):
        ax.barh(y, line.actual_to_date, color=ACTUAL_COLOUR, height=0.55, label="Actual to date" if y == 0 else None)
        ax.barh(y, line.forecast_remaining, left=line.actual_to_date, color=FORECAST_COLOUR, height=0.55,
                label="Forecast remaining" if y == 0 else None)
        ax.text(1.02, y, f"EAC {format_money(line.eac, data.currency)} · {line.eac / total:.0%}",
                transform=ax.get_yaxis_transform(), va="center", fontsize=8)
    ax.set_yticks(range(len(lines)), [line.key for line in lines], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_formatter(_money_axis(data.currency))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_title("CAPEX / OPEX split", fontsize=8.5, loc="left", color="#37474F", fontweight="bold", x=-0.15)
    fig.legend(loc="lower center", ncol=2, frameon=False, fontsize=8)
    return fig


def _category_table(data: PackData, ctx, width: float):
    s, cur = ctx.styles, data.currency
    rows = [[p("Category", s.head), p("Actual to date", s.head_right), p("EAC", s.head_right)]]
    for line in data.finance.by_category:
        rows.append([p(line.key, s.cell), p(fmt_money(line.actual_to_date, cur), s.cell_right),
                     p(fmt_money(line.eac, cur), s.cell_right)])
    return data_table(rows, [width - 50 * mm, 25 * mm, 25 * mm])


def _programme_table(data: PackData, ctx):
    s, cur, f = ctx.styles, data.currency, data.finance
    heads = ["Programme", "Projects", "Budget", "Plan to date", "Actual", "Fcst to go", "EAC",
             "Variance", "Var %", "Cost"]
    rows = [[p(heads[0], s.head)] + [p(h, s.head_right) for h in heads[1:-1]] + [p(heads[-1], s.head_centre)]]
    extra = []
    for i, t in enumerate([*f.programmes, f.totals], start=1):
        rag = derive_cost_rag(t.variance_pct, f.cost_thresholds) or Rag.GREY
        label = "Total" if t is f.totals else t.label
        cells = [t.projects, fmt_money(t.approved_budget, cur), fmt_money(t.planned_to_date, cur),
                 fmt_money(t.actual_to_date, cur), fmt_money(t.forecast_remaining, cur), fmt_money(t.eac, cur),
                 fmt_money(t.variance, cur, signed=True), format_pct(t.variance_pct, signed=True)]
        style = s.cell_bold if t is f.totals else s.cell
        rows.append([p(label, style)] + [p(str(c), s.cell_right) for c in cells] + [rag.letter])
        extra += rag_cell_commands(9, i, rag)
    last = len(rows) - 1
    extra += [("LINEABOVE", (0, last), (-1, last), 0.8, ACTUAL_COLOUR), ("FONTNAME", (0, last), (-1, last), SANS_BOLD)]
    w = ctx.width
    return data_table(rows, [w - 8 * 22 * mm - 12 * mm] + [22 * mm] * 8 + [12 * mm], extra=extra)


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "financials")]
    f = data.finance
    if f is None or not f.s_curve:
        return story + [empty_note("No budget lines are recorded, so there are no financials to show.", s)]
    w = ctx.width
    left, right = w * 0.56, w * 0.44
    with charts.chart_style():
        top = Table([[ctx.chart(charts.to_image(s_curve(data, left, 150), left, 150)),
                      ctx.chart(charts.to_image(variance_by_programme(data, right, 150), right, 150))]], colWidths=[left, right])
        bottom = Table([[ctx.chart(charts.to_image(capex_opex(data, left, 86), left, 86)), _category_table(data, ctx, right - 6 * mm)]],
                       colWidths=[left, right])
    for t in (top, bottom):
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [top, bottom, spacer(3 * mm), p(f"By programme · {f.period.fy_label} Q{f.period.quarter}", s.h2),
              _programme_table(data, ctx),
              p("Budget: approved budgets; EAC = actual to date + forecast remaining; variance = EAC − budget "
                "(positive is a forecast overrun); Cost = the cost RAG these numbers give (≤ 5% G, ≤ 10% A, else R).",
                s.small)]
    return story
