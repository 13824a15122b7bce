"""Finance charts drawn with matplotlib on axes the caller provides: the dashboard embeds them in
Qt, the board pack renders them with Agg. One palette (DOMAIN.md), one style, no Qt here.

Every function takes plain data from the finance service (portfolio_summary pieces, s_curve,
spend_split) and returns a list of (artist, target) pairs: the artists are pickable, and a target
says what clicking one means, e.g. {"programme": "Data & Analytics"} or {"rag_overall": "R"}.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date

from matplotlib.axes import Axes
from matplotlib.dates import MonthLocator
from matplotlib.ticker import FuncFormatter, MaxNLocator

from pmo_desktop.domain.dates import format_month
from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.domain.money import format_money
from pmo_desktop.domain.scores import risk_score, score_band
from pmo_desktop.finance.rag import derive_cost_rag
from pmo_desktop.finance.rollups import SCurvePoint, SplitLine
from pmo_desktop.i18n import text

TEXT_COLOUR = "#263238"
GRID_COLOUR = "#E3E8EB"
FONT_SIZE = 8
Target = dict


def style_axes(ax: Axes, title: str) -> None:
    """The house look: small type, a title at the left, light grid, no box."""
    ax.set_title(title, loc="left", fontsize=FONT_SIZE + 2, color=TEXT_COLOUR, fontweight="bold")
    ax.tick_params(labelsize=FONT_SIZE, colors=TEXT_COLOUR, length=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#B0BEC5")
    ax.grid(True, color=GRID_COLOUR, linewidth=0.8)
    ax.set_axisbelow(True)


def empty(ax: Axes, message: str) -> list:
    """An empty chart: the title stays, the axes go, a short message says why."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#78909C",
            fontsize=FONT_SIZE + 1)
    return []


def money_axis(ax: Axes, currency: str, axis: str = "y", ticks: int = 5) -> None:
    """Money tick labels (£250k, £1.25m), at most `ticks` of them."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(ticks))
    target.set_major_formatter(FuncFormatter(lambda v, _pos: format_money(v, currency)))


def month_label(d: date, lang: str, year: bool = True) -> str:
    """A month on a chart's axis: 'Nov\n2026' (or 'Nov'); '11月\n2026' (or '11月') in Chinese, as narrow."""
    if lang.lower().startswith("zh"):
        return f"{d.month}月\n{d.year}" if year else f"{d.month}月"
    short = format_month(d, lang=lang, year=False)
    return f"{short}\n{d.year}" if year else short


def month_formatter(lang: str) -> FuncFormatter:
    from matplotlib.dates import num2date

    return FuncFormatter(lambda v, _pos: month_label(num2date(v).date(), lang))


def s_curve(ax: Axes, points: Sequence[SCurvePoint], currency: str, cutoff: date | None = None,
            lang: str = "en") -> list:
    """Cumulative planned (plan colour), actual (actual colour) and forecast (dashed) spend."""
    style_axes(ax, text("Cumulative spend (S-curve)", lang))
    if not points:
        return empty(ax, text("No budget lines", lang))
    months = [p.month for p in points]
    ax.plot(months, [p.planned_cum for p in points], color=PLAN_COLOUR, linewidth=2, label=text("Planned", lang))
    actual = [(p.month, p.actual_cum) for p in points if p.actual_cum is not None]
    forecast = [(p.month, p.forecast_cum) for p in points if p.forecast_cum is not None]
    if actual:
        ax.plot(*zip(*actual, strict=True), color=ACTUAL_COLOUR, linewidth=2.2, label=text("Actual", lang), marker="o",
                markersize=3)
    if forecast:
        ax.plot(*zip(*forecast, strict=True), color=FORECAST_COLOUR, linewidth=2, linestyle="--", label=text("Forecast", lang))
    if cutoff is not None:
        ax.axvline(cutoff, color="#B0BEC5", linewidth=1, linestyle=":")
    money_axis(ax, currency)
    step = max(1, len(points) // 6)
    ax.xaxis.set_major_locator(MonthLocator(interval=step))
    ax.xaxis.set_major_formatter(month_formatter(lang))
    ax.legend(fontsize=FONT_SIZE, frameon=False, loc="upper left")
    return []


def variance_by_programme(ax: Axes, programmes: Sequence[dict], currency: str,
                          thresholds: dict | None = None, lang: str = "en") -> list:
    """Horizontal bars of forecast variance (EAC - budget) per programme, coloured by the derived
    cost RAG of its variance %, with the RAG letter and % at the bar end."""
    style_axes(ax, text("Variance vs budget", lang))
    if not programmes:
        return empty(ax, text("No projects", lang))
    rows = list(reversed(programmes))
    picks = []
    for i, g in enumerate(rows):
        rag = derive_cost_rag(g.get("variance_pct"), thresholds) or Rag.GREY
        (bar,) = ax.barh(i, g["variance"], color=rag.colour, height=0.6, picker=True)
        pct = g.get("variance_pct")
        label = f" {rag.letter} {pct:+.1f}% " if pct is not None else f" {format_money(g['variance'], currency)} "
        ax.text(g["variance"], i, label, va="center", ha="left" if g["variance"] >= 0 else "right",
                fontsize=FONT_SIZE, color=TEXT_COLOUR)
        picks.append((bar, {"programme": g["label"], "programme_id": g.get("key")}))
    ax.set_yticks(range(len(rows)), [textwrap.fill(g["label"], 18) for g in rows])
    ax.axvline(0, color="#78909C", linewidth=1)
    money_axis(ax, currency, "x", ticks=3)
    lo, hi = ax.get_xlim()
    pad = (hi - lo) * 0.35
    ax.set_xlim(lo - (pad if lo < 0 else 0), hi + pad)
    return picks


def capex_opex(ax: Axes, split: Sequence[SplitLine], currency: str, lang: str = "en") -> list:
    """Actual to date and forecast remaining for CAPEX and OPEX, stacked, with planned as a marker.
    Both parts of a bar pick {"spend_type": key}."""
    style_axes(ax, "CAPEX / OPEX")
    if not split:
        return empty(ax, text("No budget lines", lang))
    lines = sorted(split, key=lambda s: s.key)
    picks = []
    for i, s in enumerate(lines):
        done = ax.barh(i, s.actual_to_date, color=ACTUAL_COLOUR, height=0.55, label=text("Actual", lang) if i == 0 else None)
        to_go = ax.barh(i, s.forecast_remaining, left=s.actual_to_date, color=FORECAST_COLOUR, height=0.55,
                        label=text("Forecast", lang) if i == 0 else None)
        for bar in (*done, *to_go):
            bar.set_picker(True)
            picks.append((bar, {"spend_type": s.key}))
        ax.plot([s.planned_total, s.planned_total], [i - 0.38, i + 0.38], color=PLAN_COLOUR, linewidth=3,
                label=text("Plan", lang) if i == 0 else None)
        ax.text(s.eac, i, f"  {format_money(s.eac, currency)}", va="center", fontsize=FONT_SIZE, color=TEXT_COLOUR)
    ax.set_yticks(range(len(lines)), [s.key for s in lines])
    ax.set_ylim(-0.6, len(lines) - 0.4 + 0.6)
    money_axis(ax, currency, "x", ticks=3)
    lo, hi = ax.get_xlim()
    ax.set_xlim(lo, hi * 1.2)
    if lines:
        ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper left", ncol=3, borderaxespad=0.1)
    return picks


def rag_trend(ax: Axes, trend: Sequence[dict], lang: str = "en") -> list:
    """Stacked bars of projects by overall RAG per reporting period (Red at the top)."""
    style_axes(ax, text("Overall RAG by period", lang))
    if not trend:
        return empty(ax, text("No status reports", lang))
    picks = []
    ends = [date.fromisoformat(t["period"]) for t in trend]
    labels = [month_label(d, lang, year=i == 0 or d.month == 1) for i, d in enumerate(ends)]
    bottoms = [0] * len(trend)
    for rag in (Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE, Rag.GREY):
        counts = [t.get(rag.value, 0) for t in trend]
        if not any(counts):
            continue
        bars = ax.bar(range(len(trend)), counts, bottom=bottoms, color=rag.colour, width=0.65,
                      label=f"{rag.letter} {text(rag.label, lang)}")
        for x, n in enumerate(counts):
            if n:
                ax.text(x, bottoms[x] + n / 2, str(n), ha="center", va="center", fontsize=FONT_SIZE - 1,
                        color=rag.text_colour)
        if counts[-1]:  # the register shows today's RAGs, so only the latest period filters it
            bars[-1].set_picker(True)
            picks.append((bars[-1], {"rag_overall": rag.value, "period": trend[-1]["period"]}))
        bottoms = [b + n for b, n in zip(bottoms, counts, strict=True)]
    ax.set_xticks(range(len(trend)), labels)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    ax.grid(False, axis="x")
    return picks


def risk_heatmap(ax: Axes, heatmap: Sequence[Sequence[int]], lang: str = "en") -> list:
    """5 x 5 counts of open risks: probability up the side (5 at the top), impact along the bottom,
    each cell coloured by its score band. A cell with risks in it picks {"probability": p, "impact": i}."""
    ax.set_title(text("Open risks (P × I)", lang), loc="left", fontsize=FONT_SIZE + 2, color=TEXT_COLOUR,
                 fontweight="bold")
    picks = []
    for p in range(1, 6):
        for i in range(1, 6):
            n = heatmap[p - 1][i - 1]
            band = score_band(risk_score(p, i))
            rect = ax.add_patch(_cell(i, p, band.colour, 1.0 if n else 0.28))
            ax.text(i, p, str(n) if n else "", ha="center", va="center", fontsize=FONT_SIZE + 1,
                    color="#FFFFFF" if band.value != "Medium" else "#000000", fontweight="bold")
            if n:
                rect.set_picker(True)
                picks.append((rect, {"probability": p, "impact": i}))
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(text("Impact", lang), fontsize=FONT_SIZE, color=TEXT_COLOUR)
    ax.set_ylabel(text("Probability", lang), fontsize=FONT_SIZE, color=TEXT_COLOUR)
    ax.tick_params(labelsize=FONT_SIZE, length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_aspect("equal")
    return picks


def _cell(x: int, y: int, colour: str, alpha: float):
    from matplotlib.patches import Rectangle

    return Rectangle((x - 0.47, y - 0.47), 0.94, 0.94, facecolor=colour, alpha=alpha, edgecolor="white")
