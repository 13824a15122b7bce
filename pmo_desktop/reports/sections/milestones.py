"""Milestones: completed in the period, forecast in the next three periods, overdue at the period end."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm

from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports.base import data_table, empty_note, fmt_date, p, section_heading
from pmo_desktop.reports.data import Milestone, PackData

TITLE = "Milestones"


def slip_text(days: int) -> str:
    if days > 0:
        return f"+{days} wd late"
    return f"{-days} wd early" if days < 0 else "on baseline"


def milestone_table(items: list[Milestone], ctx, *, date_head: str, actual: bool) -> object:
    s = ctx.styles
    w = ctx.width
    rows = [[p(h, s.head) for h in ("Project", "Milestone", "Baseline", date_head, "Against baseline")]]
    extra = []
    for i, m in enumerate(items, start=1):
        when = m.actual_finish if actual else m.finish
        rows.append([p(f"{m.project_code}  {m.project_name}", s.cell), p(m.name, s.cell),
                     fmt_date(m.baseline_finish, True), fmt_date(when, True), slip_text(m.slip_days)])
        if m.slip_days > 10:
            colour = Rag.RED.colour if m.slip_days > 20 else "#9A5B00"
            extra.append(("TEXTCOLOR", (4, i), (4, i), colors.HexColor(colour)))
    return data_table(rows, [w * 0.42, w - w * 0.42 - 3 * 22 * mm - 8 * mm, 22 * mm, 22 * mm, 30 * mm], extra=extra)


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    lo = fmt_date(data.previous_period) if data.previous_period else "the start"
    story = [section_heading(TITLE, s, "milestones")]
    parts = [
        (f"Completed in the period ({lo} – {fmt_date(data.period)})", data.milestones_completed, "Completed", True,
         "No milestones were completed in the period."),
        (f"Looking ahead three periods (to {fmt_date(data.lookahead_end)})", data.milestones_ahead, "Forecast", False,
         "No milestones are forecast in the next three periods."),
        (f"Overdue at {fmt_date(data.period)}", data.milestones_overdue, "Was due", False,
         "No milestones were overdue at the period end."),
    ]
    for title, items, head, actual, none in parts:
        story.append(p(f"{title} · {len(items)}", s.h2))
        story.append(milestone_table(items, ctx, date_head=head, actual=actual) if items else empty_note(none, s))
    story.append(p("wd = working days between the baseline and the forecast or actual date.", s.small))
    return story
