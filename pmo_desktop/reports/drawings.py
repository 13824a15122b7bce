"""Small vector charts drawn with reportlab graphics: a project's milestone mini Gantt and its budget
position. Cheap enough to draw one per project page, and crisp at any zoom."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import ACTUAL_COLOUR, FORECAST_COLOUR, PLAN_COLOUR, Rag
from pmo_desktop.reports.base import fmt_month
from pmo_desktop.reports.data import Milestone
from pmo_desktop.reports.fonts import SANS, SANS_BOLD, fit, rich_string, string_width
from pmo_desktop.reports.lang import t

INK = colors.HexColor("#212121")
MUTED = colors.HexColor("#616161")
GRID = colors.HexColor("#CFD8DC")


def _diamond(x: float, y: float, r: float, fill, stroke) -> Polygon:
    return Polygon([x, y + r, x + r, y, x, y - r, x - r, y], fillColor=fill, strokeColor=stroke, strokeWidth=0.8)


def milestone_gantt(milestones: list[Milestone], period: date, width: float, *, row_h: float = 13) -> Drawing:
    """Rows of milestones: hollow grey diamond = baseline, dark diamond = forecast (filled when done),
    joined by a line coloured by the slip; dashed line = period end."""
    dated = [m for m in milestones if m.finish or m.baseline_finish]
    legend_h = 14
    height = row_h * len(dated) + 24 + legend_h
    d = Drawing(width, height)
    for i, (label, fill, stroke) in enumerate(((t("baseline"), colors.white, colors.HexColor(PLAN_COLOUR)),
                                               (t("done"), colors.HexColor(ACTUAL_COLOUR), colors.HexColor(ACTUAL_COLOUR)),
                                               (t("forecast, to come"), colors.white, colors.HexColor(ACTUAL_COLOUR)))):
        lx = i * 72
        d.add(_diamond(lx + 4, 4, 3.4, fill, stroke))
        d.add(rich_string(lx + 11, 1.5, label, SANS, 8, MUTED))
    d.add(Line(234, 4, 246, 4, strokeColor=colors.HexColor(Rag.RED.colour), strokeWidth=0.8, strokeDashArray=[2, 2]))
    d.add(rich_string(249, 1.5, t("period end"), SANS, 8, MUTED))
    label_w = width * 0.42
    x0_px, x1_px = label_w + 6, width - 8
    days = [date.fromisoformat(v[:10]) for m in dated for v in (m.finish, m.baseline_finish) if v] + [period]
    lo = min(days).replace(day=1)
    hi = workdays.month_end(max(days))
    span = max(1, (hi - lo).days)

    def x_of(day: date) -> float:
        return x0_px + (x1_px - x0_px) * (day - lo).days / span

    top = height - 6
    # month grid and labels
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    label_pt = int(string_width(fmt_month(date(2026, 11, 1)), SANS, 8)) + 8  # "Nov 2026", "2026年11月"
    step = max(1, -(-label_pt * months // max(1, int(x1_px - x0_px))))  # one label per that many points
    m = lo
    while m <= hi:
        x = x_of(m)
        d.add(Line(x, 14 + legend_h, x, top, strokeColor=GRID, strokeWidth=0.4))
        label = fmt_month(m)
        d.add(rich_string(x + 1, 4 + legend_h, label, SANS, 8, MUTED))
        m = workdays.add_months(m, step)
    px = x_of(period)
    d.add(Line(px, 14 + legend_h, px, top, strokeColor=colors.HexColor(Rag.RED.colour), strokeWidth=0.8, strokeDashArray=[2, 2]))
    for i, ms in enumerate(dated):
        y = top - row_h * (i + 0.5)
        d.add(rich_string(0, y - 2.5, fit(ms.name, SANS, 8, label_w - 2), SANS, 8, INK))
        base = date.fromisoformat(ms.baseline_finish[:10]) if ms.baseline_finish else None
        fore = date.fromisoformat(ms.finish[:10]) if ms.finish else None
        if base and fore and base != fore:
            colour = (Rag.RED.colour if ms.slip_days > 20 else Rag.AMBER.colour if ms.slip_days > 10
                      else ACTUAL_COLOUR)
            d.add(Line(x_of(base), y, x_of(fore), y, strokeColor=colors.HexColor(colour), strokeWidth=1.6))
        if base:
            d.add(_diamond(x_of(base), y, 3.6, colors.white, colors.HexColor(PLAN_COLOUR)))
        if fore:
            fill = colors.HexColor(ACTUAL_COLOUR) if ms.done else colors.white
            d.add(_diamond(x_of(fore), y, 3.6, fill, colors.HexColor(ACTUAL_COLOUR)))
    return d


def budget_bars(rows: list[tuple[str, int | None, str]], currency_fmt, width: float) -> Drawing:
    """Horizontal bars (label, amount in minor units, colour) on one scale, each with its value."""
    bar_h, gap = 11, 6
    height = len(rows) * (bar_h + gap) + 6
    d = Drawing(width, height)
    label_w, value_w = 92, 58
    scale_w = width - label_w - value_w
    top = max([abs(v) for _, v, _ in rows if v] + [1])
    for i, (label, value, colour) in enumerate(rows):
        y = height - (i + 1) * (bar_h + gap)
        d.add(rich_string(0, y + 2.5, label, SANS, 8, INK))
        if value:
            d.add(Rect(label_w, y, scale_w * abs(value) / top, bar_h, fillColor=colors.HexColor(colour),
                       strokeColor=None))
        d.add(String(label_w + (scale_w * abs(value or 0) / top) + 3, y + 2.5, currency_fmt(value),
                     fontName=SANS_BOLD, fontSize=8, fillColor=INK))
    return d


BUDGET_COLOURS = {"plan": PLAN_COLOUR, "actual": ACTUAL_COLOUR, "forecast": FORECAST_COLOUR}
