"""Risks and issues: the 5×5 heat map of open risks, the top risks by score with their response, owner
and due date (overdue in red; "12 of 14 shown" when capped, the rest in the appendix), and the
escalated issues, flagged when overdue or without an owner."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.scores import ScoreBand, score_band
from pmo_desktop.reports.base import (
    RULE,
    data_table,
    date_width,
    empty_note,
    fmt_date,
    p,
    pm,
    section_heading,
    spacer,
)
from pmo_desktop.reports.data import PackData, RaidRow
from pmo_desktop.reports.fonts import SANS, SANS_BOLD, markup
from pmo_desktop.reports.lang import t, tn, word

TITLE = "Risks and issues"
PROBABILITY = {5: "Almost certain", 4: "Likely", 3: "Possible", 2: "Unlikely", 1: "Rare"}
IMPACT = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}
TOP_RISKS = 12  # rows in the risks section; the appendix lists the rest
OVERDUE = Rag.RED.colour
BAND_TEXT = {ScoreBand.LOW: "#FFFFFF", ScoreBand.MEDIUM: "#000000", ScoreBand.HIGH: "#FFFFFF",
             ScoreBand.CRITICAL: "#FFFFFF"}


def heat_map(data: PackData, ctx) -> Table:
    """Probability on the vertical axis (5 at the top), impact on the horizontal (5 at the right)."""
    s = ctx.styles
    cell = 18 * mm
    rows = [[p(t("Probability"), s.cell_bold), "", "", "", "", ""]]
    style = [("SPAN", (0, 0), (-1, 0)), ("FONTNAME", (0, 0), (-1, -1), SANS), ("FONTSIZE", (1, 1), (-1, 5), 12),
             ("ALIGN", (1, 1), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("GRID", (1, 1), (-1, 5), 1.2, colors.white)]
    for r, prob in enumerate(range(5, 0, -1), start=1):
        row = [p(f"{prob}  {t(PROBABILITY[prob])}", s.cell_right)]
        for c, impact in enumerate(range(1, 6), start=1):
            count = data.heat[prob - 1][impact - 1]
            band = score_band(prob * impact)
            row.append(str(count) if count else "·")
            style += [("BACKGROUND", (c, r), (c, r), colors.HexColor(band.colour)),
                      ("TEXTCOLOR", (c, r), (c, r), colors.HexColor(BAND_TEXT[band])),
                      ("FONTNAME", (c, r), (c, r), SANS_BOLD if count else SANS)]
        rows.append(row)
    rows.append([""] + [pm(f"{i}<br/>{markup(t(IMPACT[i]))}", s.cell_centre) for i in range(1, 6)])
    rows.append(["", p(t("Impact →"), s.cell_bold), "", "", "", ""])
    style.append(("SPAN", (1, 7), (-1, 7)))
    table = Table(rows, colWidths=[30 * mm] + [cell] * 5, rowHeights=[12] + [cell * 0.62] * 5 + [22, 12])
    table.setStyle(TableStyle(style))
    return table


def _legend(data: PackData, ctx) -> list:
    s = ctx.styles
    total = sum(sum(r) for r in data.heat)
    lines = [pm(markup(t("{total} open risks with a probability and an impact; {high} of them High or Critical "
                         "(score ≥ 10).", total="\x01" + str(total) + "\x02", high="\x01" + str(data.open_high_risks)
                         + "\x02")).replace("\x01", "<b>").replace("\x02", "</b>"), s.body),
             p(t("Cells show how many open risks sit at each probability × impact. Score = P × I: "
                 "1–4 Low (green), 5–9 Medium (amber), 10–16 High (red), 20–25 Critical (dark red)."), s.small)]
    return lines


def raid_table(items: list[RaidRow], ctx, *, scored: bool) -> Table:
    """Ref, title, project, owner, response (mitigation or action), due (red when overdue) and the
    score (risks) or impact (issues). A missing owner is flagged in red."""
    s = ctx.styles
    w = ctx.width
    head = ["Ref", "Title", "Project", "Owner", "Response / action", "Due"] + (["P", "I", "Score"] if scored
                                                                            else ["Impact"])
    rows = [[p(t(h), s.head) for h in head[:-3 if scored else -1]] + [p(t(h), s.head_centre) for h in head[-3 if scored else -1:]]]
    red = s.cell.clone("overdue", textColor=colors.HexColor(OVERDUE), fontName=SANS_BOLD)
    extra = []
    for i, r in enumerate(items, start=1):
        project = f"{r.project_code} {r.project_name}" if r.project_code else t("Portfolio")
        due = fmt_date(r.due) + (" " + t("overdue") if r.overdue else "")
        row = [p(r.ref, s.cell), p(r.title, s.cell), p(project, s.cell),
               p(r.owner, s.cell) if r.owner else p(t("no owner"), red), p(word(r.response) or "–", s.cell),
               p(due, red if r.overdue else s.cell)]
        if scored:
            row += [str(r.probability or "–"), str(r.impact or "–"), str(r.score or "–")]
            band = r.band
            if band:
                extra += [("BACKGROUND", (8, i), (8, i), colors.HexColor(band.colour)),
                          ("TEXTCOLOR", (8, i), (8, i), colors.HexColor(BAND_TEXT[band])),
                          ("FONTNAME", (8, i), (8, i), SANS_BOLD)]
        else:
            row.append(str(r.impact or "–"))
        rows.append(row)
    tail = [8 * mm, 8 * mm, 12 * mm] if scored else [14 * mm]
    d = date_width(24 * mm)
    fixed = 15 * mm + 28 * mm + d + sum(tail)
    rest = w - fixed
    widths = [15 * mm, rest * 0.3, rest * 0.25, 28 * mm, rest * 0.45, d] + tail
    extra += [("ALIGN", (6, 1), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return data_table(rows, widths, extra=extra)


def flags(items: list[RaidRow], noun: str) -> str:
    """'9 of 14 open High/Critical risks are past their due date; 2 have no owner.'"""
    overdue = sum(r.overdue for r in items)
    unowned = sum(not r.owner for r in items)
    text = tn(overdue, "{n} of {total} " + noun + " is past its due date",
              "{n} of {total} " + noun + " are past their due date", total=len(items))
    if unowned:
        text += tn(unowned, "; {n} has no owner", "; {n} have no owner")
    return text + "."


def shown_and_rest(data: PackData) -> tuple[list[RaidRow], list[RaidRow]]:
    return data.top_risks[:TOP_RISKS], data.top_risks[TOP_RISKS:]


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "risks"), p(t("Heat map of open risks"), s.h2)]
    legend = Table([[heat_map(data, ctx), _legend(data, ctx)]], colWidths=[125 * mm, ctx.width - 125 * mm])
    legend.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE)]))
    shown, rest = shown_and_rest(data)
    title = t("Top risks by score")
    if rest:
        where = t("the rest are listed in the appendix") if "appendix" in ctx.sections else \
            t("add the appendix to list the rest")
        title += t(" · {shown} of {total} shown ({where})", shown=len(shown), total=len(data.top_risks), where=where)
    story += [legend, spacer(), p(title, s.h2)]
    if data.top_risks:
        high = [r for r in data.top_risks if (r.score or 0) >= 10]
        if high:
            story.append(p(flags(high, "open High/Critical risks"), s.body))
        story.append(raid_table(shown, ctx, scored=True))
    else:
        story.append(empty_note(t("No open risks with a probability and an impact."), s))
    story.append(p(t("Escalated issues"), s.h2))
    if data.escalated_issues:
        story.append(p(flags(data.escalated_issues, "escalated issues"), s.body))
        story.append(raid_table(data.escalated_issues, ctx, scored=False))
    else:
        story.append(empty_note(t("No issues are escalated to the board."), s))
    return story
