"""What changed since the previous period: RAG changes, new and closed projects, slipped milestones,
new High/Critical risks (and forecast movements when the finance service reports them)."""

from __future__ import annotations

from reportlab.lib.units import mm

from pmo_desktop.domain.enums import RAG_DIMENSIONS
from pmo_desktop.reports.base import (
    data_table,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    rag_cell_commands,
    section_heading,
)
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.sections.risks import raid_table
from pmo_desktop.reports.sections.status import DIM_HEADS

TITLE = "Changes since the previous period"


def _rag_table(data: PackData, ctx):
    s = ctx.styles
    w = ctx.width
    head = [p("Project", s.head)] + [p(f"{DIM_HEADS[d]} before → now", s.head_centre) for d in RAG_DIMENSIONS]
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
    rows = [[p(h, s.head) for h in ("Project", "Programme", "Stage", "Start", "Finish", "Manager")]]
    for x in projects:
        rows.append([p(f"{x.code}  {x.name}", s.cell), p(x.programme, s.cell), p(x.stage or "–", s.cell),
                     fmt_date(x.start, True), fmt_date(x.finish, True), p(x.manager or "–", s.cell)])
    w = ctx.width
    return data_table(rows, [w - 165 * mm, 55 * mm, 22 * mm, 22 * mm, 22 * mm, 44 * mm])


def _slips(data: PackData, ctx):
    s = ctx.styles
    rows = [[p(h, s.head) for h in ("Project", "Milestone", "Was", "Now", "Moved")]]
    for m in data.changes.slipped:
        rows.append([p(f"{m.project_code}  {m.project_name}", s.cell), p(m.milestone, s.cell),
                     fmt_date(m.old, True), fmt_date(m.new, True), f"+{m.days} wd"])
    w = ctx.width
    return data_table(rows, [w * 0.4, w * 0.6 - 66 * mm, 22 * mm, 22 * mm, 22 * mm])


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "changes")]
    if data.previous_period is None:
        return story + [empty_note("There is no earlier period on file to compare with.", s)]
    c = data.changes
    story.append(p(f"Compared with the period ending {fmt_date(data.previous_period)}.", s.body))
    story.append(p(f"RAG changes · {len(c.rag)}", s.h2))
    story.append(_rag_table(data, ctx) if c.rag else empty_note("No RAG changed between the two periods.", s))
    story.append(p(f"New projects · {len(c.new_projects)}", s.h2))
    story.append(_project_list(c.new_projects, ctx) if c.new_projects else empty_note("No new projects.", s))
    story.append(p(f"Closed projects · {len(c.closed_projects)}", s.h2))
    story.append(_project_list(c.closed_projects, ctx) if c.closed_projects else empty_note("No projects closed.", s))
    story.append(p(f"Slipped milestones · {len(c.slipped)}", s.h2))
    story.append(_slips(data, ctx) if c.slipped else empty_note(
        "No milestone's forecast date was moved later since the previous period (from the change log).", s))
    story += eac_moves(data, ctx)
    story.append(p(f"New High or Critical risks · {len(c.new_red_risks)}", s.h2))
    story.append(raid_table(c.new_red_risks, ctx, scored=True) if c.new_red_risks else empty_note(
        "No High or Critical risks were raised in the period.", s))
    return story


def eac_moves(data: PackData, ctx, limit: int = 15) -> list:
    """Forecast (EAC) movements per project: the finance service's EAC now against the EAC it gives at
    the previous period's cut-off (the month just closed turns from plan/forecast into actuals)."""
    s = ctx.styles
    f = data.finance
    if f is None:
        return []
    moves = f.eac_moves
    out = [p(f"Forecast (EAC) movements · {len(moves)}", s.h2)]
    if not moves:
        return out + [empty_note("No project's estimate at completion moved.", s)]
    cur = data.currency
    rows = [[p(h, s.head) for h in ("Project", "EAC before", "EAC now", "Movement", "Budget")]]
    for m in moves[:limit]:
        rows.append([p(f"{m.code}  {m.name}", s.cell), p(fmt_money(m.before, cur), s.cell_right),
                     p(fmt_money(m.after, cur), s.cell_right), p(fmt_money(m.change, cur, signed=True), s.cell_right),
                     p(fmt_money(m.approved_budget, cur), s.cell_right)])
    w = ctx.width
    out.append(data_table(rows, [w - 4 * 26 * mm] + [26 * mm] * 4))
    if len(moves) > limit:
        out.append(p(f"The {limit} largest of {len(moves)} movements are shown.", s.small))
    return out
