"""Milestones: completed in the period, forecast in the next three periods, overdue at the period end."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm

from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports.base import data_table, date_width, empty_note, fmt_date, p, section_heading
from pmo_desktop.reports.data import Milestone, PackData
from pmo_desktop.reports.lang import t

TITLE = "Milestones"


def slip_text(days: int) -> str:
    if days > 0:
        return t("+{n} wd late", n=days)
    return t("{n} wd early", n=-days) if days < 0 else t("on baseline")


def milestone_table(items: list[Milestone], ctx, *, date_head: str, actual: bool) -> object:
    s = ctx.styles
    w = ctx.width
    rows = [[p(t(h), s.head) for h in ("Project", "Milestone", "Baseline", date_head, "Against baseline")]]
    extra = []
    for i, m in enumerate(items, start=1):
        when = m.actual_finish if actual else m.finish
        rows.append([p(f"{m.project_code}  {m.project_name}", s.cell), p(m.name, s.cell),
                     fmt_date(m.baseline_finish, True), fmt_date(when, True), slip_text(m.slip_days)])
        if m.slip_days > 10:
            colour = Rag.RED.colour if m.slip_days > 20 else "#9A5B00"
            extra.append(("TEXTCOLOR", (4, i), (4, i), colors.HexColor(colour)))
    d = date_width()
    return data_table(rows, [w * 0.42, w - w * 0.42 - 2 * d - 30 * mm, d, d, 30 * mm], extra=extra)


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    lo = fmt_date(data.previous_period) if data.previous_period else t("the start")
    story = [section_heading(TITLE, s, "milestones")]
    parts = [
        (t("Completed in the period ({start} – {end})", start=lo, end=fmt_date(data.period)),
         data.milestones_completed, "Completed on", True, t("No milestones were completed in the period.")),
        (t("Looking ahead three periods (to {date})", date=fmt_date(data.lookahead_end)), data.milestones_ahead,
         "Forecast", False, t("No milestones are forecast in the next three periods.")),
        (t("Overdue at {date}", date=fmt_date(data.period)), data.milestones_overdue, "Was due", False,
         t("No milestones were overdue at the period end.")),
    ]
    for title, items, head, actual, none in parts:
        story.append(p(f"{title} · {len(items)}", s.h2))
        story.append(milestone_table(items, ctx, date_head=head, actual=actual) if items else empty_note(none, s))
    story.append(p(t("wd = working days between the baseline and the forecast or actual date."), s.small))
    return story
