"""What changed since the previous period: RAG changes, new and closed projects, slipped milestones,
new High/Critical risks (and forecast movements when the finance service reports them)."""

from __future__ import annotations

from reportlab.lib.units import mm

from pmo_desktop.domain.enums import RAG_DIMENSIONS
from pmo_desktop.reports.base import (
    data_table,
    date_width,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    rag_cell_commands,
    section_heading,
)
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import t, word
from pmo_desktop.reports.sections.risks import raid_table
from pmo_desktop.reports.sections.status import DIM_HEADS

TITLE = "Changes since the previous period"


def _rag_table(data: PackData, ctx):
    s = ctx.styles
    w = ctx.width
    head = [p(t("Project"), s.head)] + [p(t("{dimension} before → now", dimension=t(DIM_HEADS[d])), s.head_centre)
                                        for d in RAG_DIMENSIONS]
    rows, extra = [head], []
    for i, change in enumerate(data.changes.rag, start=1):
        row = [p(f"{change.project.code}  {change.project.name}", s.cell)]
        for c, d in enumerate(RAG_DIMENSIONS, start=1):
            a, b = change.before[d], change.after[d]
            row.append(f"{a.letter} → {b.letter}" if a != b else b.letter)
            if a != b:
                extra += rag_cell_commands(c, i, b)
        rows.append(row)
    extra.append(("ALIGN", (1, 1), (-1, -1), "CENTER"))
    return data_table(rows, [w - 5 * 26 * mm] + [26 * mm] * 5, extra=extra)


def _project_list(projects, ctx):
    s = ctx.styles
    rows = [[p(t(h), s.head) for h in ("Project", "Programme", "Stage", "Start", "Finish", "Manager")]]
    for x in projects:
        rows.append([p(f"{x.code}  {x.name}", s.cell), p(x.programme, s.cell), p(word(x.stage) or "–", s.cell),
                     fmt_date(x.start, True), fmt_date(x.finish, True), p(x.manager or "–", s.cell)])
    w = ctx.width
    d = date_width()
    return data_table(rows, [w - 121 * mm - 2 * d, 55 * mm, 22 * mm, d, d, 44 * mm])


def _slips(data: PackData, ctx):
    s = ctx.styles
    rows = [[p(t(h), s.head) for h in ("Project", "Milestone", "Was", "Now", "Moved")]]
    for m in data.changes.slipped:
        rows.append([p(f"{m.project_code}  {m.project_name}", s.cell), p(m.milestone, s.cell),
                     fmt_date(m.old, True), fmt_date(m.new, True), t("+{n} wd", n=m.days)])
    w = ctx.width
    d = date_width()
    return data_table(rows, [w * 0.4, w * 0.6 - 22 * mm - 2 * d, d, d, 22 * mm])


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "changes")]
    if data.previous_period is None:
        return story + [empty_note(t("There is no earlier period on file to compare with."), s)]
    c = data.changes
    story.append(p(t("Compared with the period ending {period}.", period=fmt_date(data.previous_period)), s.body))
    story.append(p(t("RAG changes · {n}", n=len(c.rag)), s.h2))
    story.append(_rag_table(data, ctx) if c.rag else empty_note(t("No RAG changed between the two periods."), s))
    story.append(p(t("New projects · {n}", n=len(c.new_projects)), s.h2))
    story.append(_project_list(c.new_projects, ctx) if c.new_projects else empty_note(t("No new projects."), s))
    story.append(p(t("Closed projects · {n}", n=len(c.closed_projects)), s.h2))
    story.append(_project_list(c.closed_projects, ctx) if c.closed_projects else empty_note(t("No projects closed."), s))
    story.append(p(t("Slipped milestones · {n}", n=len(c.slipped)), s.h2))
    story.append(_slips(data, ctx) if c.slipped else empty_note(
        t("No milestone's forecast date was moved later since the previous period (from the change log)."), s))
    story += eac_moves(data, ctx)
    story.append(p(t("New High or Critical risks · {n}", n=len(c.new_red_risks)), s.h2))
    story.append(raid_table(c.new_red_risks, ctx, scored=True) if c.new_red_risks else empty_note(
        t("No High or Critical risks were raised in the period."), s))
    return story


def eac_moves(data: PackData, ctx, limit: int = 15) -> list:
    """Forecast (EAC) movements per project: the finance service's EAC now against the EAC it gives at
    the previous period's cut-off (the month just closed turns from plan/forecast into actuals)."""
    s = ctx.styles
    f = data.finance
    if f is None:
        return []
    moves = f.eac_moves
    out = [p(t("Forecast (EAC) movements · {n}", n=len(moves)), s.h2)]
    if not moves:
        return out + [empty_note(t("No project's estimate at completion moved."), s)]
    cur = data.currency
    rows = [[p(t(h), s.head) for h in ("Project", "EAC before", "EAC now", "Movement", "Budget")]]
    for m in moves[:limit]:
        rows.append([p(f"{m.code}  {m.name}", s.cell), p(fmt_money(m.before, cur), s.cell_right),
                     p(fmt_money(m.after, cur), s.cell_right), p(fmt_money(m.change, cur, signed=True), s.cell_right),
                     p(fmt_money(m.approved_budget, cur), s.cell_right)])
    w = ctx.width
    out.append(data_table(rows, [w - 4 * 26 * mm] + [26 * mm] * 4))
    if len(moves) > limit:
        out.append(p(t("The {limit} largest of {n} movements are shown.", limit=limit, n=len(moves)), s.small))
    return out
