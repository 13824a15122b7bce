"""Trends: the last six periods side by side: the RAG mix, EAC against budget, spend against plan, open
High/Critical risks and milestones hit and missed (reports.trends_data), as small charts over a table."""

from __future__ import annotations

from matplotlib.ticker import FuncFormatter, MaxNLocator

from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.domain.money import format_money
from pmo_desktop.reports import charts
from pmo_desktop.reports.base import (
    data_table,
    empty_note,
    fmt_date,
    fmt_money,
    fmt_month,
    p,
    section_heading,
)
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import lang, rag_legend, t

TITLE = "Trends"
RAG_STACK = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY)


def period_label(d, first: bool) -> str:
    """'Jun' under each bar, with the year beneath the first one and every January."""
    month = fmt_month(d, year=False)
    return f"{month}\n{d.year}" if first or d.month == 1 else month


def trend_figure(data: PackData, width: float, height: float):
    pts = data.trends
    fig = charts.new_figure(width, height)
    xs = list(range(len(pts)))
    labels = [period_label(pt.period, i == 0) for i, pt in enumerate(pts)]
    money = FuncFormatter(lambda v, _pos: format_money(v, data.currency, lang=lang()))
    panels = [fig.add_axes([left, 0.36, 0.135, 0.52]) for left in (0.03, 0.25, 0.47, 0.665, 0.85)]
    ax = panels[0]
    bottom = [0] * len(pts)
    for rag in RAG_STACK:
        vals = [pt.rags.get(rag.value, 0) for pt in pts]
        ax.bar(xs, vals, bottom=bottom, color=rag.colour, width=0.65, label=rag_legend(rag))
        bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    ax.set_title(t("RAG mix (projects)"), fontsize=8.5, loc="left", fontweight="bold", color="#37474F")
    ax = panels[1]
    ax.plot(xs, [pt.eac for pt in pts], color=FORECAST_COLOUR, marker="o", markersize=3, label=t("EAC"))
    ax.plot(xs, [pt.budget for pt in pts], color=PLAN_COLOUR, linestyle="--", label=t("Budget"))
    ax.yaxis.set_major_formatter(money)
    ax.set_title(t("EAC against budget"), fontsize=8.5, loc="left", fontweight="bold", color="#37474F")
    ax = panels[2]
    ax.plot(xs, [pt.actual_to_date for pt in pts], color=ACTUAL_COLOUR, marker="o", markersize=3, label=t("Actual"))
    ax.plot(xs, [pt.planned_to_date for pt in pts], color=PLAN_COLOUR, linestyle="--", label=t("Plan"))
    ax.yaxis.set_major_formatter(money)
    ax.set_title(t("Spend to date against plan"), fontsize=8.5, loc="left", fontweight="bold", color="#37474F")
    ax = panels[3]
    ax.bar(xs, [pt.open_high_risks for pt in pts], color=Rag.RED.colour, width=0.65, label=t("High/Critical"))
    ax.set_title(t("Open high risks"), fontsize=8.5, loc="left", fontweight="bold", color="#37474F")
    ax = panels[4]
    ax.bar([x - 0.18 for x in xs], [pt.milestones_hit for pt in pts], width=0.36, color=Rag.GREEN.colour, label=t("Hit"))
    ax.bar([x + 0.18 for x in xs], [pt.milestones_missed for pt in pts], width=0.36, color=Rag.RED.colour,
           label=t("Missed"))
    ax.set_title(t("Milestones hit / missed"), fontsize=8.5, loc="left", fontweight="bold", color="#37474F")
    for ax in panels:
        ax.set_xticks(xs, labels, fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(4, integer=ax in (panels[0], panels[3], panels[4])))
        ax.grid(True, axis="y", color="#ECEFF1")
        first = ax is panels[0]
        ax.legend(loc="upper left" if first else "upper center", bbox_to_anchor=(-0.1 if first else 0.5, -0.3),
                  ncol=2, frameon=False, fontsize=8, handlelength=1.2, columnspacing=0.8)
    return fig


def trend_table(data: PackData, ctx):
    s, cur = ctx.styles, data.currency
    rows = [[p(t("Period end"), s.head)] + [p(fmt_date(pt.period), s.head_right) for pt in data.trends]]
    lines = [
        ("Red / Amber / Green", lambda pt: f"{pt.rags.get('R', 0)} / {pt.rags.get('A', 0)} / {pt.rags.get('G', 0)}"),
        ("Complete / not reported", lambda pt: f"{pt.rags.get('B', 0)} / {pt.rags.get('X', 0)}"),
        ("EAC", lambda pt: fmt_money(pt.eac, cur)),
        ("Approved budget", lambda pt: fmt_money(pt.budget, cur)),
        ("Actual to date", lambda pt: fmt_money(pt.actual_to_date, cur)),
        ("Planned to date", lambda pt: fmt_money(pt.planned_to_date, cur)),
        ("Open High/Critical risks", lambda pt: str(pt.open_high_risks)),
        ("Milestones hit / missed", lambda pt: f"{pt.milestones_hit} / {pt.milestones_missed}"),
    ]
    for label, value in lines:
        rows.append([p(t(label), s.cell)] + [p(value(pt), s.cell_right) for pt in data.trends])
    n = len(data.trends)
    first = 55
    return data_table(rows, [first * 2.8346] + [(ctx.width - first * 2.8346) / n] * n)


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "trends")]
    if not data.trends:
        return story + [empty_note(t("No reporting periods yet, so there is nothing to compare."), s)]
    story.append(p(t("The last {n} reporting periods. RAG mix from the status reports of each period; "
                   "money and risks as the portfolio stood at each period's cut-off (later edits to budgets, forecasts "
                   "and risk scores are undone through the change log); a milestone is hit when it finished in the period and missed when "
                     "its baseline fell in the period and it had not finished by the period end.", n=len(data.trends)),
                   s.small))
    with charts.chart_style():
        height = 215
        story.append(ctx.chart(charts.to_image(trend_figure(data, ctx.width, height), ctx.width, height)))
    story.append(trend_table(data, ctx))
    return story
