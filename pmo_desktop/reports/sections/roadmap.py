"""Roadmap: every project on one timeline, grouped by programme, with milestones, baseline slippage,
the period end and today. Drawn with matplotlib (Agg) in pages of ROWS_PER_PAGE rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from matplotlib import dates as mdates
from matplotlib import transforms
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from reportlab.platypus import KeepTogether

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import ACTUAL_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.reports import charts
from pmo_desktop.reports.base import data_table, empty_note, fmt_month, p, section_heading, spacer
from pmo_desktop.reports.data import PackData, ProjectPack
from pmo_desktop.reports.lang import rag_legend, t
from pmo_desktop.scheduling.crossproject import knock_on

TITLE = "Roadmap"
ROWS_PER_PAGE = 24
LABEL_PT = 215


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def window(data: PackData) -> tuple[date, date]:
    starts = [d for x in data.projects for d in (x.bar[0], _d(x.baseline_start)) if d]
    ends = [d for x in data.projects for d in (x.bar[1], _d(x.baseline_finish)) if d]
    lo = workdays.add_months(data.period.replace(day=1), -12)
    hi = workdays.add_months(data.period.replace(day=1), 24)
    first = max(lo, min([*starts, data.period], default=lo)).replace(day=1)
    last = min(hi, max([*ends, data.today + timedelta(days=20)], default=hi))
    last = workdays.month_end(last)
    if (last - first).days < 180:
        last = workdays.month_end(workdays.add_months(first, 6))
    return first, last


def _rows(data: PackData) -> list[tuple[str, ProjectPack | str]]:
    out: list[tuple[str, ProjectPack | str]] = []
    for programme, projects in data.by_programme():
        out.append(("programme", programme))
        out += [("project", x) for x in projects]
    return out


def _pages(rows: list) -> list[list]:
    pages, current = [], []
    for kind, item in rows:
        if len(current) >= ROWS_PER_PAGE or (kind == "programme" and len(current) >= ROWS_PER_PAGE - 2):
            pages.append(current)
            current = []
        if not current and kind == "project":  # repeat the programme name on a new page
            current.append(("programme", t("{programme} (continued)", programme=item.programme)))
        current.append((kind, item))
    if current:
        pages.append(current)
    return pages


TOP_PT, BOTTOM_PT = 24, 62  # top month axis; bottom month axis and the legend's two rows


def row_pt(full_height: float) -> float:
    """One row's height: a full page holds ROWS_PER_PAGE rows; shorter pages keep the same rows."""
    return (full_height - TOP_PT - BOTTOM_PT) / (ROWS_PER_PAGE + 0.2)


def page_height(rows: int, full_height: float) -> float:
    return TOP_PT + BOTTOM_PT + (rows + 0.2) * row_pt(full_height)


def draw_page(rows: list, data: PackData, span: tuple[date, date], width: float, height: float):
    fig = charts.new_figure(width, height)
    left = LABEL_PT / width
    ax = fig.add_axes([left, BOTTOM_PT / height, 1 - left - 0.055, 1 - (TOP_PT + BOTTOM_PT) / height])
    n = len(rows)
    ax.set_ylim(n - 0.5, -0.7)
    x0, x1 = span
    ax.set_xlim(mdates.date2num(x0), mdates.date2num(x1))
    label_at = transforms.blended_transform_factory(ax.transAxes, ax.transData)
    marks = _Marks()
    for y, (kind, item) in enumerate(rows):
        if kind == "programme":
            ax.axhspan(y - 0.5, y + 0.5, color="#ECEFF1", zorder=0)
            ax.text(-LABEL_PT / width / (1 - left - 0.055) + 0.003, y, item, transform=label_at, va="center",
                    ha="left", fontsize=8, fontweight="bold", color=ACTUAL_COLOUR, clip_on=False)
            continue
        _project_row(ax, label_at, y, item, width, left, marks)
    marks.draw(ax, label_at)
    _links(ax, rows, data.cross_links)
    months = (x1.year - x0.year) * 12 + x1.month - x0.month
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, months // 14 + (months % 14 > 0))))
    ax.xaxis.set_major_formatter(charts.month_formatter())
    ax.xaxis.grid(True, color="#ECEFF1", linewidth=0.6, zorder=0)
    ax.tick_params(axis="x", labelsize=8, labeltop=True, top=True)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    for when, colour, key, style in ((data.period, "#616161", "Period end", ":"),
                                     (data.today, Rag.RED.colour, "Today", "--")):
        label = t(key)
        if x0 <= when <= x1:
            ax.axvline(mdates.date2num(when), color=colour, linestyle=style, linewidth=0.9, zorder=4)
            # both above the first row, on either side of their lines: the earlier one to the left of its
            # line, the later one to the right, so they never print over each other or over a bar
            left = (key == "Period end") == (data.period <= data.today)
            ax.text(mdates.date2num(when), -0.52, f" {label} ", color=colour, fontsize=8, va="bottom",
                    ha="right" if left else "left", zorder=7,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    handles = [Patch(color=PLAN_COLOUR, label=t("Baseline")),
               *[Patch(color=r.colour, label=t("Forecast – {rag}", rag=rag_legend(r)))
                 for r in (Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE)],
               Line2D([], [], marker="D", linestyle="", color=ACTUAL_COLOUR, markersize=4, label=t("Milestone done")),
               Line2D([], [], marker="D", linestyle="", markerfacecolor="white", color=ACTUAL_COLOUR,
                      markersize=4, label=t("Milestone to come")),
               Line2D([], [], color=Rag.RED.colour, linestyle="--", label=t("Today"))]
    if data.cross_links:
        handles += [Line2D([], [], color=LINK_COLOUR, marker=">", markersize=3, label=t("Link between projects")),
                    Line2D([], [], color=Rag.RED.colour, marker=">", markersize=3, label=t("Link broken"))]
    cols = len(handles) if len(handles) <= 9 else (len(handles) + 1) // 2  # two rows when links are shown
    fig.legend(handles=handles, loc="lower center", ncol=cols, fontsize=8, frameon=False,
               bbox_to_anchor=(0.5, 0.0))
    return fig


LINK_COLOUR = "#546E7A"


def _links(ax, rows: list, links: list) -> None:
    """An arrow from the predecessor's date on its project's row to the successor's date on its row,
    for each link between two projects on this page; red where the successor starts too early."""
    ys = {item.code: y for y, (kind, item) in enumerate(rows) if kind == "project"}
    for lk in links:
        a, b = ys.get(lk.predecessor_project), ys.get(lk.successor_project)
        if a is None or b is None or lk.from_day is None or lk.to_day is None:
            continue
        colour = Rag.RED.colour if lk.violated else LINK_COLOUR
        ax.annotate("", xy=(mdates.date2num(lk.to_day), b - 0.06), xytext=(mdates.date2num(lk.from_day), a - 0.06),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "mutation_scale": 8,
                                "shrinkA": 2, "shrinkB": 2, "linewidth": 1.1, "connectionstyle": "arc3,rad=-0.25"}, zorder=7)


def knock_on_table(data: PackData, s) -> list:
    """Projects held back by another project's slip, and links the plans break, as tables."""
    if not data.cross_links:
        return []
    story = [p(t("Links between projects"), s.h2),
             p(t("A task of one project that waits for a task of another. Held back: the other project's task "
                 "finished later than its baseline and this task now starts later than its own (working days)."),
               s.small)]
    rows = knock_on(data.cross_links)
    if rows:
        table = [[t(h) for h in ("Project", "Task", "Held back by", "Their slip", "Delay here")]]
        table += [[r["project"], p(r["task"], s.cell), p(f"{r['by_project']} – {r['by_task']}", s.cell),
                   t("+{n} wd", n=f"{r['predecessor_slip_days']:g}"), t("+{n} wd", n=f"{r['delay_days']:g}")]
                  for r in rows]
        story.append(data_table(table, [60, 120, 170, 65, 65]))
    else:
        story.append(p(t("No project is held back by another project's slip this period."), s.small))
    broken = [lk for lk in data.cross_links if lk.violated]
    if broken:
        story.append(spacer())
        table = [[t(h) for h in ("Project", "Task", "Must wait for", "Link", "Starts too early by")]]
        table += [[lk.successor_project, p(lk.successor, s.cell), p(f"{lk.predecessor_project} – {lk.predecessor}", s.cell),
                   lk.type, t("{n} wd", n=f"{-lk.slack_days:g}")] for lk in broken]
        story.append(data_table(table, [60, 120, 170, 40, 90]))
    return [spacer(), KeepTogether(story)]


@dataclass
class _Marks:
    """Everything of one kind on a page, drawn with one matplotlib call each (much faster than one
    artist per bar: a 100-project roadmap is five full pages)."""

    base: list = field(default_factory=list)  # (y, left, width)
    bars: list = field(default_factory=list)  # (y, left, width, colour)
    chips: list = field(default_factory=list)  # (y, colour)
    done: list = field(default_factory=list)  # (x, y)
    todo: list = field(default_factory=list)

    def draw(self, ax, label_at) -> None:
        if self.base:
            ys, lefts, widths = zip(*self.base, strict=True)
            ax.barh(ys, widths, left=lefts, height=0.16, color=PLAN_COLOUR, zorder=2)
        if self.bars:
            ys, lefts, widths, cols = zip(*self.bars, strict=True)
            ax.barh(ys, widths, left=lefts, height=0.42, color=cols, zorder=3)
        if self.chips:
            ys, cols = zip(*self.chips, strict=True)
            ax.scatter([-0.012] * len(ys), ys, marker="s", s=52, c=cols, transform=label_at, clip_on=False,
                       zorder=5, linewidths=0)
        for points, face in ((self.done, ACTUAL_COLOUR), (self.todo, "white")):
            if points:
                xs, ys = zip(*points, strict=True)
                ax.scatter(xs, ys, marker="D", s=11, facecolor=face, edgecolor=ACTUAL_COLOUR, zorder=6,
                           linewidths=0.7 if face == "white" else 0)


def _project_row(ax, label_at, y, x: ProjectPack, width: float, left: float, marks: _Marks) -> None:
    rag = x.rags["overall"]
    axis_w = 1 - left - 0.055
    label = f"{x.code}  {x.name}"
    limit = 40
    ax.text(-8 / width / axis_w - 0.014, y, label if len(label) <= limit else label[: limit - 1] + "…",
            transform=label_at, va="center", ha="right", fontsize=8, color="#212121", clip_on=False)
    marks.chips.append((y, rag.colour))
    ax.text(-0.012, y, rag.letter, transform=label_at, va="center_baseline", ha="center", fontsize=8,
            fontweight="bold", color=rag.text_colour, clip_on=False, zorder=6)
    bs, bf = _d(x.baseline_start), _d(x.baseline_finish)
    s, f = x.bar  # the plan's own span, as the GUI roadmap (scheduling.timeline) draws it
    if bs and bf:
        marks.base.append((y + 0.27, mdates.date2num(bs), mdates.date2num(bf) - mdates.date2num(bs)))
    if s and f:
        marks.bars.append((y - 0.06, mdates.date2num(s), max(1, mdates.date2num(f) - mdates.date2num(s)), rag.colour))
        if x.finish_slip > 0:
            colour = Rag.RED.colour if x.finish_slip > 20 else Rag.AMBER.colour if x.finish_slip > 10 else "#616161"
            last = max([f] + [_d(m.finish) for m in x.milestones if m.finish])
            at, right_edge = mdates.date2num(last + timedelta(days=9)), ax.get_xlim()[1]
            room = (right_edge - ax.get_xlim()[0]) * 60 / (width * axis_w)  # ~60 pt of label, in days
            edge = at > right_edge - room  # a bar reaching the edge: the label sits inside, at the edge
            ax.text(right_edge if edge else at, y - 0.06, t("+{n} wd", n=x.finish_slip) + " ", fontsize=8, va="center",
                    ha="right" if edge else "left", color=colour, zorder=7, clip_on=False,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.3, "alpha": 0.85} if edge else None)
    elif not (bs and bf):
        ax.text(0.01, y, "no dates recorded", transform=label_at, fontsize=8, color="#616161", va="center")
    for m in x.milestones:
        if m.finish:
            (marks.done if m.done else marks.todo).append((mdates.date2num(_d(m.finish)), y - 0.06))


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "roadmap")]
    rows = _rows(data)
    if not rows:
        return story + [empty_note(t("There are no projects to place on the roadmap."), s)]
    span = window(data)
    note = (t("Timeline {first} – {last}. Coloured bar: forecast start to finish, coloured and "
              "lettered by overall RAG; grey bar beneath: baseline. +N wd: forecast finish past baseline in working days.",
              first=fmt_month(span[0]), last=fmt_month(span[1]))
            + (" " + t("Arrows: links between projects (red where a task starts before the other project allows).")
               if data.cross_links else ""))
    story.append(p(note, s.small))
    full = ctx.height - 48
    with charts.chart_style():
        for page in _pages(rows):
            height = page_height(len(page), full)
            fig = draw_page(page, data, span, ctx.width, height)
            story.append(ctx.chart(charts.to_image(fig, ctx.width, height)))
    return story + knock_on_table(data, s)
