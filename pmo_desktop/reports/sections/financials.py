"""Financials: the S-curve of planned, actual and forecast spend, variance by programme, the CAPEX/OPEX
split, spend by category and a table by programme. Every figure comes from the finance service."""

from __future__ import annotations

from matplotlib import dates as mdates
from matplotlib.ticker import FuncFormatter, MaxNLocator
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.domain.money import format_money, format_pct
from pmo_desktop.finance import derive_cost_rag
from pmo_desktop.reports import charts, commentary
from pmo_desktop.reports.base import (
    data_table,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    rag_cell_commands,
    section_heading,
    spacer,
)
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import SANS, SANS_BOLD, string_width
from pmo_desktop.reports.lang import is_chinese, lang, t, word

TITLE = "Financials"


def _label(name: str) -> str:
    """A programme's name; the finance service's '(no programme)' group in the pack's words."""
    return t("No programme") if name in ("(no programme)", "No programme") else name


def _money_axis(currency: str) -> FuncFormatter:
    return FuncFormatter(lambda v, _pos: format_money(v, currency, lang=lang()))


def s_curve(data: PackData, width: float, height: float):
    f = data.finance
    fig = charts.new_figure(width, height)
    ax = fig.add_axes([0.13, 0.27, 0.84, 0.61])
    pts = f.s_curve
    x = [mdates.date2num(pt.month) for pt in pts]
    ax.plot(x, [pt.planned_cum for pt in pts], color=PLAN_COLOUR, linewidth=2, label=t("Planned (cumulative)"))
    act = [(xi, pt.actual_cum) for xi, pt in zip(x, pts, strict=True) if pt.actual_cum is not None]
    fc = [(xi, pt.forecast_cum) for xi, pt in zip(x, pts, strict=True) if pt.forecast_cum is not None]
    if act:
        ax.plot(*zip(*act, strict=True), color=ACTUAL_COLOUR, linewidth=2, marker="o", markersize=2.5, label=t("Actual"))
    if fc:
        ax.plot(*zip(*fc, strict=True), color=FORECAST_COLOUR, linewidth=2, linestyle="--", label=t("Forecast"))
    cutoff = mdates.date2num(f.period.cutoff_month)
    ax.axvline(cutoff, color="#616161", linestyle=":", linewidth=0.9)
    ax.text(cutoff, ax.get_ylim()[1], " " + t("period"), fontsize=8, color="#616161", va="top")
    ax.yaxis.set_major_formatter(_money_axis(data.currency))
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, -(-len(pts) // 7))))
    ax.xaxis.set_major_formatter(charts.month_formatter())
    ax.grid(True, axis="y", color="#ECEFF1")
    ax.set_title(t("Cumulative spend by month"), fontsize=8.5, loc="left", color="#37474F", fontweight="bold")
    fig.legend(loc="lower center", ncol=3, frameon=False, fontsize=8)
    return fig


def variance_by_programme(data: PackData, width: float, height: float):
    f = data.finance
    progs = [g for g in f.programmes if g.variance_pct is not None][::-1]
    names = [_label(g.label) for g in progs]
    names = [n if len(n) <= 30 else n[:29] + "…" for n in names]
    values = [f"{(derive_cost_rag(g.variance_pct, f.cost_thresholds) or Rag.GREY).letter}  "
              f"{format_money(g.variance, data.currency, lang=lang())} ({format_pct(g.variance_pct, signed=True)})" for g in progs]
    # the axes sit between the programme names and the value labels, both measured: nothing is cut
    left = (max((string_width(n, SANS, 8) for n in names), default=0) * (1.15 if is_chinese() else 1) + 10) / width
    right = (max((string_width(v, SANS, 8) for v in values), default=0) + 12) / width
    fig = charts.new_figure(width, height)
    ax = fig.add_axes([left, 0.12, max(0.2, 1 - left - right), 0.76])
    ys = range(len(progs))
    for y, g, label in zip(ys, progs, values, strict=True):
        rag = derive_cost_rag(g.variance_pct, f.cost_thresholds) or Rag.GREY
        ax.barh(y, g.variance, color=rag.colour, height=0.6)
        ax.text(1.02, y, label, transform=ax.get_yaxis_transform(), va="center", fontsize=8, color="#212121")
    ax.set_yticks(list(ys), names, fontsize=8)
    ax.axvline(0, color="#616161", linewidth=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_formatter(_money_axis(data.currency))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(True, axis="x", color="#ECEFF1")
    ax.set_title(t("Variance by programme (EAC − budget), whole life"), fontsize=8.5, loc="left", color="#37474F",
                 fontweight="bold", x=-left / max(0.2, 1 - left - right))
    return fig


def capex_opex(data: PackData, width: float, height: float):
    f = data.finance
    lines = f.by_spend_type
    fig = charts.new_figure(width, height)
    names = [word(line.key) for line in lines]  # measured, so a longer (Chinese) name is not cut
    left = max(0.1, (max((string_width(n, SANS, 8) for n in names), default=0) * (1.15 if is_chinese() else 1) + 12)
               / width)
    ax = fig.add_axes([left, 0.42, 0.72 - left, 0.4])
    total = sum(line.eac for line in lines) or 1
    for y, line in enumerate(lines):
        ax.barh(y, line.actual_to_date, color=ACTUAL_COLOUR, height=0.55, label=t("Actual to date") if y == 0 else None)
        ax.barh(y, line.forecast_remaining, left=line.actual_to_date, color=FORECAST_COLOUR, height=0.55,
                label=t("Forecast remaining") if y == 0 else None)
        ax.text(1.02, y, t("EAC {eac} · {share}", eac=format_money(line.eac, data.currency, lang=lang()), share=f"{line.eac / total:.0%}"),
                transform=ax.get_yaxis_transform(), va="center", fontsize=8)
    ax.set_yticks(range(len(lines)), names, fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_formatter(_money_axis(data.currency))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_title(t("CAPEX / OPEX split"), fontsize=8.5, loc="left", color="#37474F", fontweight="bold",
                 x=-(left - 0.02) / (0.72 - left))
    fig.legend(loc="lower center", ncol=2, frameon=False, fontsize=8)
    return fig


def _category_table(data: PackData, ctx, width: float):
    """Whole-life figures by cost category: budget is the planned total of the category's lines."""
    s, cur = ctx.styles, data.currency
    rows = [[p(t("Category"), s.head)] + [p(t(h), s.head_right) for h in ("Budget", "Actual", "EAC", "Variance")]]
    over = s.cell_right.clone("over", textColor=colors.HexColor(Rag.RED.colour))
    for line in data.finance.by_category:
        variance = line.eac - line.planned_total
        rows.append([p(word(line.key), s.cell)] + [p(fmt_money(v, cur), s.cell_right) for v in
                                             (line.planned_total, line.actual_to_date, line.eac)]
                    + [p(fmt_money(variance, cur, signed=True), over if variance > 0 else s.cell_right)])
    return data_table(rows, [width - 4 * 19 * mm] + [19 * mm] * 4)


def _in_year_table(data: PackData, ctx):
    """The financial year in hand: budget (planned in the FY), actual in the FY to date, and the FY
    forecast outturn (actual to date + forecast for the FY's remaining months)."""
    s, cur = ctx.styles, data.currency
    heads = ["Programme", "FY budget", "FY actual to date", "FY forecast", "FY variance", "Var %"]
    rows = [[p(t(heads[0]), s.head)] + [p(t(h), s.head_right) for h in heads[1:]]]
    for y in data.in_year:
        style = s.cell_bold if y.label == "Total" else s.cell
        cells = [fmt_money(y.budget, cur), fmt_money(y.actual_to_date, cur), fmt_money(y.forecast, cur),
                 fmt_money(y.variance, cur, signed=True), format_pct(y.variance_pct, signed=True)]
        rows.append([p(t("Total") if y.label == "Total" else _label(y.label), style)]
                    + [p(c, s.cell_right) for c in cells])
    last = len(rows) - 1
    w = ctx.width
    return data_table(rows, [w - 5 * 30 * mm] + [30 * mm] * 5,
                      extra=[("LINEABOVE", (0, last), (-1, last), 0.8, ACTUAL_COLOUR),
                             ("FONTNAME", (0, last), (-1, last), SANS_BOLD)])


LARGEST_VARIANCES = 6


def _variance_table(data: PackData, ctx):
    """The projects with the largest whole-life variances and why (their cost commentary)."""
    s, cur = ctx.styles, data.currency
    ranked = sorted((x for x in data.projects if x.finance and x.finance.variance), key=lambda x: (-abs(x.finance.variance), x.code))
    rows = [[p(t(h), s.head) for h in ("Project", "Programme")] + [p(t(h), s.head_right) for h in ("Budget", "EAC", "Variance")]
            + [p(t("Explanation (cost commentary)"), s.head)]]
    muted = s.cell.clone("muted", textColor=colors.HexColor("#616161"))
    for x in ranked[:LARGEST_VARIANCES]:
        f = x.finance
        why = commentary.plain(x.cost_commentary).replace("\n", " ") if x.cost_commentary else ""
        rows.append([p(f"{x.code}  {x.name}", s.cell), p(_label(x.programme), s.cell),
                     p(fmt_money(f.approved_budget, cur), s.cell_right), p(fmt_money(f.eac, cur), s.cell_right),
                     p(f"{fmt_money(f.variance, cur, signed=True)} ({format_pct(f.variance_pct, signed=True)})",
                       s.cell_right),
                     p(why, s.cell) if why else p(t("No explanation recorded (pmo commentary --project)."), muted)])
    w = ctx.width
    return data_table(rows, [58 * mm, 40 * mm, 20 * mm, 20 * mm, 30 * mm, w - 168 * mm],
                      extra=[("VALIGN", (0, 0), (-1, -1), "TOP")]) if len(rows) > 1 else None


def _programme_table(data: PackData, ctx):
    s, cur, f = ctx.styles, data.currency, data.finance
    heads = ["Programme", "Projects", "Budget", "Plan to date", "Actual", "Fcst to go", "EAC",
             "Variance", "Var %", "Cost"]
    rows = [[p(t(heads[0]), s.head)] + [p(t(h), s.head_right) for h in heads[1:-1]] + [p(t(heads[-1]), s.head_centre)]]
    extra = []
    for i, g in enumerate([*f.programmes, f.totals], start=1):
        rag = derive_cost_rag(g.variance_pct, f.cost_thresholds) or Rag.GREY
        label = t("Total") if g is f.totals else _label(g.label)
        cells = [g.projects, fmt_money(g.approved_budget, cur), fmt_money(g.planned_to_date, cur),
                 fmt_money(g.actual_to_date, cur), fmt_money(g.forecast_remaining, cur), fmt_money(g.eac, cur),
                 fmt_money(g.variance, cur, signed=True), format_pct(g.variance_pct, signed=True)]
        style = s.cell_bold if g is f.totals else s.cell
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
        return story + [empty_note(t("No budget lines are recorded, so there are no financials to show."), s)]
    w = ctx.width
    left, right = w * 0.56, w * 0.44
    with charts.chart_style():
        top = Table([[ctx.chart(charts.to_image(s_curve(data, left, 150), left, 150)),
                      ctx.chart(charts.to_image(variance_by_programme(data, right, 150), right, 150))]], colWidths=[left, right])
        bottom = Table([[ctx.chart(charts.to_image(capex_opex(data, left, 104), left, 104)), _category_table(data, ctx, right - 6 * mm)]],
                       colWidths=[left, right])
    for table in (top, bottom):
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [top, bottom, spacer(3 * mm), p(t("By programme · whole life (to completion)"), s.h2),
              _programme_table(data, ctx),
              p(t("Whole life: budget = approved budgets; EAC = actual to date + forecast remaining; variance = "
                  "EAC − budget (positive is a forecast overrun); Cost = the cost RAG these numbers give "
                  "(≤ 5% G, ≤ 10% A, else R)."), s.small)]
    if data.in_year:
        story += [p(t("By programme · in year {fy} (to {date}, Q{quarter})", fy=f.period.fy_label,
                      date=fmt_date(f.period.end), quarter=f.period.quarter), s.h2),
                  _in_year_table(data, ctx),
                  p(t("In year: {fy} only. FY budget = planned spend in the year; FY actual to date = "
                      "spend in the year up to {date}; FY forecast = that actual + the forecast for "
                      "the year's remaining months; FY variance = FY forecast − FY budget.", fy=f.period.fy_label,
                      date=fmt_date(f.period.end)), s.small)]
    variances = _variance_table(data, ctx)
    if variances is not None:
        story += [p(t("Largest variances (whole life) · top {n}",
                      n=min(LARGEST_VARIANCES, len(variances._cellvalues) - 1)), s.h2),
                  variances]
    return story
