"""Executive summary: KPI tiles, the period's headlines and commentary, and decisions asked of the board."""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.money import format_pct, safe_ratio
from pmo_desktop.reports.base import (
    RULE,
    commentary_story,
    data_table,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    rag_cell_commands,
    section_heading,
    spacer,
)
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import SANS_BOLD, string_width
from pmo_desktop.reports.lang import join, rag_word, t, tn

TITLE = "Executive summary"
RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY)


def rag_counts(data: PackData) -> Counter:
    return Counter(p_.rags["overall"] for p_ in data.projects)


def rag_tile(rags: list[Rag], ctx, width: float) -> Table:
    """The RAG mix as chips over counts (executive summary, programme pages)."""
    counts = Counter(rags)
    chip_w = (width - 8) / len(RAG_ORDER)
    label = ctx.styles.cell_centre.clone("rag_label", leading=9, textColor=colors.HexColor("#616161"))
    rows = [[r.letter for r in RAG_ORDER], [str(counts.get(r, 0)) for r in RAG_ORDER],
            [p(rag_word(r), label) for r in RAG_ORDER]]  # wrapped at 8 pt ("Not reported" on two lines)
    style = [("ALIGN", (0, 0), (-1, -1), "CENTER"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
             ("RIGHTPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 2), (-1, 2), "TOP"), ("FONTNAME", (0, 1), (-1, 1), SANS_BOLD),
             ("FONTSIZE", (0, 1), (-1, 1), 15), ("LEADING", (0, 1), (-1, 1), 18),
             ("FONTSIZE", (0, 2), (-1, 2), 8), ("TEXTCOLOR", (0, 2), (-1, 2), colors.HexColor("#616161")),
             ("FONTSIZE", (0, 0), (-1, 0), 9)]
    for i, r in enumerate(RAG_ORDER):
        style += rag_cell_commands(i, 0, r)
    table = Table(rows, colWidths=[chip_w] * len(RAG_ORDER), rowHeights=[13, 21, None])
    table.setStyle(TableStyle(style))
    return table


def _tile(value: str, label: str, ctx, width: float, colour: str | None = None) -> list:
    style = ctx.styles.tile_value
    size = style.fontSize
    while size > 9 and string_width(value, SANS_BOLD, size) > width - 20:  # one line, never wrapped
        size -= 1
    style = style.clone("tile_value_fit", fontSize=size, leading=size * 1.2,
                        textColor=colors.HexColor(colour) if colour else style.textColor)
    return [p(value, style), p(label, ctx.styles.tile_label)]


def kpi_tiles(data: PackData, ctx, extra: list[tuple[str, str, str | None]] = ()) -> Table:
    """The row of tiles; `extra` adds (value, label, colour) tiles (finance adds spend and EAC)."""
    overdue = len(data.milestones_overdue)
    missed = sum(1 for m in data.milestones_due if not m.done)
    small = [
        (str(len(data.milestones_due)), t("milestones due in the period, {n} missed", n=missed),
         Rag.RED.colour if missed else None),
        (str(overdue), t("milestones overdue at period end"), Rag.RED.colour if overdue else None),
        (str(data.open_high_risks), t("open High / Critical risks"), Rag.RED.colour if data.open_high_risks else None),
        *extra,
    ]
    rag_w = 82 * mm
    other_w = (ctx.width - rag_w) / len(small)
    cells = [[rag_tile([x.rags["overall"] for x in data.projects], ctx, rag_w - 6)] + [_tile(v, label, ctx, other_w, c) for v, label, c in small]]
    table = Table(cells, colWidths=[rag_w] + [other_w] * len(small))
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return table


def headlines(data: PackData) -> list[str]:
    counts = rag_counts(data)
    reporting = [x for x in data.projects if x.rags["overall"].severity]
    if not data.projects:
        return [t("There are no projects in the pack.")]
    lines = [tn(len(data.projects), "{n} project in the pack: {mix}.", "{n} projects in the pack: {mix}.",
                mix=join([f"{counts[r]} {rag_word(r)}" for r in RAG_ORDER if counts.get(r)]))]
    missing = [x for x in data.projects if not x.reported and x.stage not in ("Idea", "Closed")]
    if missing:
        lines.append(t("{n} active projects have no status report for the period; their RAG is the "
                       "last one recorded on the project.", n=len(missing)))
    worse = [x for x in reporting if x.trend == "worse"]
    better = [x for x in reporting if x.trend == "better"]
    if data.previous_period:
        lines.append(tn(len(worse), "Since {date}: overall RAG worsened for {n} project and improved for {better}.",
                        "Since {date}: overall RAG worsened for {n} projects and improved for {better}.",
                        date=fmt_date(data.previous_period), better=len(better)))
    lines.append(t("{done} milestones completed in the period, {next} due next period, {overdue} overdue.",
                   done=len(data.milestones_completed), next=len(data.milestones_next),
                   overdue=len(data.milestones_overdue)))
    n_esc = len(data.escalated_issues)
    lines.append(tn(data.open_high_risks, "{n} open risk rated High or Critical", "{n} open risks rated High or Critical")
                 + tn(n_esc, "; {n} escalated issue open.", "; {n} escalated issues open."))
    return lines


def _pct_colour(pct: float | None) -> str | None:
    if pct is None:
        return None
    return Rag.RED.colour if pct > 10 else "#9A5B00" if pct > 5 else None


def _has_money(data: PackData) -> bool:
    return data.finance is not None and bool(data.finance.s_curve)


def finance_tiles(data: PackData) -> list[tuple[str, str, str | None]]:
    """Spend to date against plan to date, and EAC against the approved budget (finance service)."""
    if not _has_money(data):
        return []
    tot, cur = data.finance.totals, data.currency
    ratio = safe_ratio(tot.actual_to_date - tot.planned_to_date, tot.planned_to_date)
    spend_pct = None if ratio is None else ratio * 100
    spend_note = f" ({format_pct(spend_pct, signed=True)})" if spend_pct is not None else ""
    return [
        (fmt_money(tot.actual_to_date, cur),
         t("spent to date vs {planned} planned", planned=fmt_money(tot.planned_to_date, cur)) + spend_note,
         _pct_colour(spend_pct)),
        (fmt_money(tot.eac, cur), t("EAC vs {budget} budget ({pct})", budget=fmt_money(tot.approved_budget, cur),
                                    pct=format_pct(tot.variance_pct, signed=True)), _pct_colour(tot.variance_pct)),
    ]


def finance_headlines(data: PackData) -> list[str]:
    if not _has_money(data):
        return [t("No budget lines are recorded, so there are no spend or forecast figures.")]
    tot, cur = data.finance.totals, data.currency
    over = [x for x in data.projects if x.finance and x.finance.variance_pct is not None and x.finance.variance_pct > 10]
    differs = [x for x in data.projects if x.derived and x.derived.cost.differs]
    lines = [t("Forecast at completion {eac} against approved budgets of {budget}: variance {variance} ({pct}); "
               "{over} projects forecast to overrun by more than 10%.", eac=fmt_money(tot.eac, cur),
               budget=fmt_money(tot.approved_budget, cur), variance=fmt_money(tot.variance, cur, signed=True),
               pct=format_pct(tot.variance_pct, signed=True), over=len(over))]
    if differs:
        lines.append(t("{n} projects report a cost RAG that differs from what their numbers say "
                       "(shown on the project pages).", n=len(differs)))
    return lines


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "summary"), kpi_tiles(data, ctx, finance_tiles(data)), spacer(5 * mm),
             p(t("Headlines"), s.h2)]
    for line in headlines(data) + finance_headlines(data):
        story.append(p(f"•  {line}", s.body))
    story.append(p(t("Commentary"), s.h2))
    if data.programme_filter:  # a programme's pack leads with that programme's commentary
        story += commentary_story(data.programme_commentary.get(data.programme_filter), s,
                                  none=t("No commentary was recorded for {programme} this period.",
                                         programme=data.programme_filter))
    else:
        story += commentary_story(data.commentary, s, none=t("No portfolio commentary was recorded for this period."))
    decisions = [x for x in data.projects if x.decisions]
    story.append(p(t("Decisions requested of the board"), s.h2))
    if not decisions:
        story.append(empty_note(t("No project asked for a decision this period."), s))
        return story
    rows = [[p(t("Project"), s.head), p(t("RAG"), s.head_centre), p(t("Decision needed"), s.head),
             p(t("Manager"), s.head)]]
    extra = []
    for i, x in enumerate(decisions, start=1):
        rows.append([p(f"{x.code}  {x.name}", s.cell), x.rags["overall"].letter, p(x.decisions, s.cell),
                     p(x.manager or "–", s.cell)])
        extra += rag_cell_commands(1, i, x.rags["overall"])
    w = ctx.width
    story.append(data_table(rows, [w * 0.3, 9 * mm, w * 0.7 - 9 * mm - 40 * mm, 40 * mm], extra=extra))
    return story
