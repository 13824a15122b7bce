"""Capacity: demand against capacity by team for the months after the period (one small chart per
team), team utilisation by month coloured by band, and the top over-allocations. Every figure comes
from the capacity service through reports.capacity_data."""

from __future__ import annotations

import math

from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from pmo_desktop.reports import charts
from pmo_desktop.reports.base import data_table, empty_note, fmt_month, p, pm, section_heading, spacer
from pmo_desktop.reports.capacity_data import PackCapacity
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import SANS_BOLD, markup
from pmo_desktop.reports.lang import t

TITLE = "Capacity"
# The capacity view's band colours (gui/capacity/capacity_heatmap.py): fill, text.
BAND_COLOURS = {"over": ("#C62828", "#FFFFFF"), "full": ("#2E7D32", "#FFFFFF"), "under": ("#CFD8DC", "#1F2A30"),
                "none": ("#F5F7F8", "#90A4AE")}
BAND_LABELS = {"under": "Under 80%", "full": "80–100%", "over": "Over 100%"}
CAPACITY_LINE = "#37474F"
MAX_PANELS = 8  # teams drawn as charts (the largest by capacity); the table lists every team
PANELS_PER_ROW = 4


def _month_label(m, first: bool) -> str:
    return fmt_month(m) if first or m.month == 1 else fmt_month(m, year=False)


def demand_chart(cap: PackCapacity, teams: list[str], width: float, height: float):
    """One panel per team: allocated FTE per month as bars coloured by utilisation band, the
    available FTE (after leave and part-time spells) as a line."""
    fig = charts.new_figure(width, height)
    n = len(teams)
    cols = min(n, PANELS_PER_ROW)
    rows = math.ceil(n / cols)
    # Layout in points, turned into figure fractions: the legend and each row's month labels get a
    # fixed height whatever the chart's height.
    legend_h, ticks_h, title_h = 22 / height, 14 / height, 13 / height
    left, right, gap_x = 26 / width, 6 / width, 26 / width
    panel_w = (1 - left - right - gap_x * (cols - 1)) / cols
    panel_h = (1 - legend_h - rows * (ticks_h + title_h)) / rows
    x = list(range(len(cap.months)))
    labels = [fmt_month(m, year=False) for m in cap.months]  # the span, with years, is in the text above
    for i, team in enumerate(teams):
        r, c = divmod(i, cols)
        bottom = 1 - (r + 1) * (title_h + panel_h) - r * ticks_h
        ax = fig.add_axes([left + c * (panel_w + gap_x), bottom, panel_w, panel_h])
        values = cap.teams[team]
        peak = max((max(v["capacity_fte"], v["allocated_fte"]) for v in values), default=0) or 1
        ax.bar(x, [v["allocated_fte"] for v in values], width=0.62,
               color=[BAND_COLOURS[v["band"]][0] for v in values], zorder=2)
        ax.plot(x, [v["capacity_fte"] for v in values], color=CAPACITY_LINE, linewidth=1.3, marker="_",
                markersize=7, zorder=3)
        ax.set_ylim(0, peak * 1.12)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.set_xticks(x, labels, fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(True, axis="y", color="#ECEFF1", zorder=0)
        name = team if len(team) <= 34 else team[:33] + "…"
        ax.set_title(name, fontsize=8, loc="left", color="#37474F", fontweight="bold", pad=3)
    handles = [Patch(color=BAND_COLOURS[b][0], label=t("Allocated FTE, {band}", band=t(BAND_LABELS[b]).lower()))
               for b in ("under", "full", "over")]
    handles.append(Line2D([], [], color=CAPACITY_LINE, linewidth=1.3, label=t("Available FTE (after leave, part-time)")))
    fig.legend(handles=handles, loc="lower center", ncol=4, frameon=False, fontsize=8)
    return fig


def _team_table(cap: PackCapacity, ctx):
    s = ctx.styles
    heads = [t("Team")] + [_month_label(m, i == 0) for i, m in enumerate(cap.months)]
    rows = [[p(heads[0], s.head)] + [p(h, s.head_centre) for h in heads[1:]]]
    extra = []
    for r, (team, values) in enumerate(cap.teams.items(), start=1):
        cells = [p(team, s.cell)]
        for c, v in enumerate(values, start=1):
            pct = v["utilisation_pct"]
            cells.append(f"{pct:.0f}%" if pct is not None else "n/a")
            fill, ink = BAND_COLOURS[v["band"]]
            extra += [("BACKGROUND", (c, r), (c, r), colors.HexColor(fill)),
                      ("TEXTCOLOR", (c, r), (c, r), colors.HexColor(ink)), ("ALIGN", (c, r), (c, r), "CENTER")]
            if v["band"] == "over":
                extra.append(("FONTNAME", (c, r), (c, r), SANS_BOLD))
        rows.append(cells)
    extra.append(("GRID", (1, 1), (-1, -1), 1, colors.white))
    month_w = 17 * mm
    return data_table(rows, [48 * mm] + [month_w] * len(cap.months), extra=extra, zebra=False)


def _over_table(cap: PackCapacity, ctx):
    s = ctx.styles
    heads = [t(h) for h in ("Month", "Person", "Team", "Allocated", "Available", "Excess", "Util.", "Projects (days)")]
    rows = [[p(h, s.head) for h in heads[:3]] + [p(h, s.head_right) for h in heads[3:7]] + [p(heads[7], s.head)]]
    for o in cap.over:
        util = "n/a" if o["utilisation_pct"] is None else f"{o['utilisation_pct']:.0f}%"
        projects = ", ".join(f"{x['project']} {x['days']:.1f}" for x in o["projects"])
        rows.append([p(fmt_month(o["month"] + "-01" if len(o["month"]) == 7 else o["month"]), s.cell),
                     p(o["person"], s.cell), p(o["team"] or "–", s.cell),
                     p(f"{o['allocated_days']:.1f}", s.cell_right), p(f"{o['capacity_days']:.1f}", s.cell_right),
                     p(f"+{o['excess_days']:.1f}", s.cell_right), p(util, s.cell_right), p(projects, s.cell)])
    fixed = [16 * mm, 40 * mm, 32 * mm, 18 * mm, 18 * mm, 16 * mm, 14 * mm]
    return data_table(rows, fixed + [ctx.width - sum(fixed)])


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "capacity")]
    cap = data.capacity
    if cap is None or not cap.has_people:
        return story + [empty_note(t("No people are recorded, so there is no capacity to show."), s)]
    span = t("{first} to {last}", first=fmt_month(cap.months[0]),
             last=fmt_month(cap.months[-1]))
    intro = markup(t("The {n} months after the period, {span}: {people} people; {over} over-allocated person-months "
                     "({people_over} people); unstaffed demand {days} person-days (roles not yet staffed, not in the "
                     "team figures).", n=len(cap.months), span=span, people="\x01" + str(cap.people) + "\x02",
                     over="\x01" + str(cap.over_count) + "\x02", people_over=cap.people_over,
                     days="\x01" + f"{cap.unstaffed_days:.1f}" + "\x02")).replace("\x01", "<b>").replace("\x02", "</b>")
    if data.programme_filter:
        intro += markup(" " + t("People are not tied to programmes: these figures cover the whole portfolio."))
    story.append(pm(intro, s.body))
    # Over-allocated teams first (they are why the chart is read), then the largest by capacity.
    teams = sorted(cap.teams, key=lambda k: (not any(v["band"] == "over" for v in cap.teams[k]),
                                             -sum(v["capacity_fte"] for v in cap.teams[k])))[:MAX_PANELS]
    teams = [k for k in cap.teams if k in teams]  # keep the service's order
    rows = math.ceil(len(teams) / PANELS_PER_ROW)
    height = 24 + 110 * rows
    with charts.chart_style():
        story.append(ctx.chart(charts.to_image(demand_chart(cap, teams, ctx.width, height), ctx.width, height)))
    if len(cap.teams) > len(teams):
        story.append(p(t("Charts show {shown} of the {total} teams: those over-allocated in some "
                         "month first, then the largest by capacity; the table lists them all.", shown=len(teams),
                         total=len(cap.teams)), s.small))
    story += [p(t("Team utilisation by month"), s.h2), _team_table(cap, ctx),
              p(t("Utilisation = allocated / available person-days; available = FTE × working days less leave and "
                  "part-time spells. Under 80% grey, 80–100% green, over 100% red."), s.small)]
    story.append(spacer(2 * mm))
    if cap.over:
        title = t("Top over-allocations") if cap.over_count > len(cap.over) else t("Over-allocations")
        more = []
        if cap.over_count > len(cap.over):
            more = [p(t("{n} more over-allocated person-months are not listed; "
                        "see the capacity view or the pmo capacity command.", n=cap.over_count - len(cap.over)), s.small)]
        # the closing note stays with its table rather than alone on the next page
        story.append(KeepTogether([p(t("{title} (worst first, person-days)", title=title), s.h2), _over_table(cap, ctx), *more]))
    else:
        story.append(empty_note(t("No one is allocated beyond their available time in these months."), s))
    return story
