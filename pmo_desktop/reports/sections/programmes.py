"""One page per programme, between the portfolio's pages and the projects': the programme's RAG mix,
its spend against budget (whole-life and in the financial year), its top risks, its milestones due in
the next three periods (and any overdue), and its commentary for the period. Left out of a pack like
any section (`--sections` without 'programmes', or its box in the export dialog)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Table, TableStyle

from pmo_desktop.domain.money import format_pct
from pmo_desktop.finance import FinanceTotals
from pmo_desktop.reports import drawings
from pmo_desktop.reports.base import (
    RULE,
    Bookmark,
    Heading,
    commentary_story,
    data_table,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    spacer,
)
from pmo_desktop.reports.data import Milestone, PackData, ProjectPack, RaidRow
from pmo_desktop.reports.fonts import SANS_BOLD
from pmo_desktop.reports.lang import t, tn
from pmo_desktop.reports.sections.milestones import slip_text
from pmo_desktop.reports.sections.risks import BAND_TEXT, OVERDUE
from pmo_desktop.reports.sections.summary import rag_tile

TITLE = "Programme pages"
TOP_RISKS = 5
MILESTONES = 8


@dataclass
class ProgrammeView:
    """What one programme's page (PDF and slide) shows, selected from the pack's data."""

    name: str
    projects: list[ProjectPack]
    totals: FinanceTotals | None
    in_year: object | None  # reports.trends_data.InYear
    risks: list[RaidRow]  # open risks with a score, highest first (all: the page caps and says so)
    milestones: list[Milestone]  # overdue at the period end, then due in the next three periods
    overdue: int
    commentary: str | None


def programme_views(data: PackData) -> list[ProgrammeView]:
    totals = {t_.label: t_ for t_ in (data.finance.programmes if data.finance else [])}
    in_year = {y.label: y for y in data.in_year}
    out = []
    for name, projects in data.by_programme():
        codes = {x.code for x in projects}
        overdue = [m for m in data.milestones_overdue if m.project_code in codes]
        ahead = [m for m in data.milestones_ahead if m.project_code in codes]
        money = totals.get(name) or totals.get("(no programme)" if name == "No programme" else name)
        out.append(ProgrammeView(
            name=name, projects=projects, totals=money, in_year=in_year.get(name),
            risks=[r for r in data.top_risks if r.project_code in codes], milestones=overdue + ahead,
            overdue=len(overdue), commentary=data.programme_commentary.get(name)))
    return out


def _kpis(v: ProgrammeView, data: PackData, ctx) -> Table:
    s = ctx.styles
    cur = data.currency
    f = v.totals
    tiles = [(str(len(v.projects)), t("projects"))]
    if f is not None:
        tiles += [(fmt_money(f.actual_to_date, cur), t("spent to date vs {planned} planned",
                                                       planned=fmt_money(f.planned_to_date, cur))),
                  (fmt_money(f.eac, cur), t("EAC vs {budget} budget ({pct})", budget=fmt_money(f.approved_budget, cur),
                                            pct=format_pct(f.variance_pct, signed=True)))]
    high = sum(1 for r in v.risks if (r.score or 0) >= 10)
    tiles.append((str(high), t("open High / Critical risks")))
    tiles.append((str(v.overdue), t("milestones overdue at period end")))
    rag_w = 82 * mm
    other = (ctx.width - rag_w) / len(tiles)
    value = s.tile_value.clone("prog_value", fontSize=15, leading=18)
    cells = [[rag_tile([x.rags["overall"] for x in v.projects], ctx, rag_w - 6)]
             + [[p(a, value), p(b, s.tile_label)] for a, b in tiles]]
    table = Table(cells, colWidths=[rag_w] + [other] * len(tiles))
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _money(v: ProgrammeView, data: PackData, ctx, width: float) -> list:
    s = ctx.styles
    f = v.totals
    if f is None or not (f.planned_total or f.approved_budget):
        return [empty_note(t("No budget recorded for this programme."), s)]
    rows = [(t("Approved budget"), f.approved_budget, drawings.BUDGET_COLOURS["plan"]),
            (t("Planned to date"), f.planned_to_date, drawings.BUDGET_COLOURS["plan"]),
            (t("Actual to date"), f.actual_to_date, drawings.BUDGET_COLOURS["actual"]),
            (t("EAC"), f.eac, drawings.BUDGET_COLOURS["forecast"])]
    out = [ctx.chart(drawings.budget_bars(rows, lambda x: fmt_money(x, data.currency), width))]
    y = v.in_year
    if y is not None and y.budget:
        out.append(p(t("In year ({fy}): budget {budget}, actual to date {actual}, forecast outturn {forecast} ({pct}).",
                       fy=data.finance.period.fy_label, budget=fmt_money(y.budget, data.currency),
                       actual=fmt_money(y.actual_to_date, data.currency),
                       forecast=fmt_money(y.forecast, data.currency),
                       pct=format_pct(y.variance_pct, signed=True)), s.small))
    out.append(p(t("Whole life. EAC = actual to date + forecast remaining (finance service)."), s.small))
    return out


def _risks(v: ProgrammeView, ctx, width: float) -> list:
    s = ctx.styles
    if not v.risks:
        return [empty_note(t("No open risks with a probability and an impact."), s)]
    shown = v.risks[:TOP_RISKS]
    rows = [[p(t("Ref"), s.head), p(t("Project"), s.head), p(t("Title"), s.head), p(t("Owner"), s.head),
             p(t("Due"), s.head), p(t("Score"), s.head_centre)]]
    red = s.cell.clone("prog_overdue", textColor=colors.HexColor(OVERDUE), fontName=SANS_BOLD)
    extra = [("ALIGN", (5, 1), (5, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for i, r in enumerate(shown, start=1):
        rows.append([p(r.ref, s.cell), p(r.project_code or "–", s.cell), p(r.title, s.cell),
                     p(r.owner, s.cell) if r.owner else p(t("no owner"), red),
                     p(fmt_date(r.due), red if r.overdue else s.cell), str(r.score or "–")])
        if r.band:
            extra += [("BACKGROUND", (5, i), (5, i), colors.HexColor(r.band.colour)),
                      ("TEXTCOLOR", (5, i), (5, i), colors.HexColor(BAND_TEXT[r.band])),
                      ("FONTNAME", (5, i), (5, i), SANS_BOLD)]
    fixed = 13 * mm + 16 * mm + 26 * mm + 27 * mm + 14 * mm
    out = [data_table(rows, [13 * mm, 16 * mm, width - fixed, 26 * mm, 27 * mm, 14 * mm], extra=extra)]
    if len(v.risks) > len(shown):
        out.append(p(t("{shown} of {total} open risks shown, highest score first; the risks section lists the rest.",
                       shown=len(shown), total=len(v.risks)), s.small))
    return out


def _milestones(v: ProgrammeView, data: PackData, ctx, width: float) -> list:
    s = ctx.styles
    if not v.milestones:
        return [empty_note(t("No milestones overdue or due in the next three periods."), s)]
    shown = v.milestones[:MILESTONES]
    rows = [[p(t("Project"), s.head), p(t("Milestone"), s.head), p(t("Forecast"), s.head),
             p(t("Against baseline"), s.head)]]
    red = s.cell.clone("prog_late", textColor=colors.HexColor(OVERDUE), fontName=SANS_BOLD)
    for i, m in enumerate(shown):
        late = i < v.overdue
        when = fmt_date(m.finish) + (" " + t("overdue") if late else "")
        rows.append([p(m.project_code, s.cell), p(m.name, s.cell), p(when, red if late else s.cell),
                     p(slip_text(m.slip_days), s.cell)])
    fixed = 16 * mm + 30 * mm + 26 * mm
    out = [data_table(rows, [16 * mm, width - fixed, 30 * mm, 26 * mm], extra=[("VALIGN", (0, 0), (-1, -1), "TOP")])]
    if len(v.milestones) > len(shown):
        out.append(p(t("{shown} of {total} shown; the milestones section lists them all.",
                       shown=len(shown), total=len(v.milestones)), s.small))
    return out


def programme_page(v: ProgrammeView, data: PackData, ctx, index: int) -> list:
    s = ctx.styles
    story = [Bookmark(t(TITLE), "programmes", 0, True, t(TITLE))] if index == 0 else []
    head = Heading(t("Programme: {name}", name=v.name), s.h1, key=f"programme-{index}", level=1, section=t(TITLE))
    left_w = ctx.width * 0.5
    right_w = ctx.width - left_w - 8 * mm
    words = [p(t("Commentary"), s.h2), *commentary_story(
        v.commentary, s, none=t("No commentary was recorded for {programme} this period.", programme=v.name))]
    money = [p(t("Spend against budget"), s.h2), *_money(v, data, ctx, right_w)]
    middle = Table([[words, money]], colWidths=[left_w, ctx.width - left_w], hAlign="LEFT")
    bottom = Table([[[p(t("Top risks"), s.h2), *_risks(v, ctx, left_w - 4 * mm)],
                     [p(t("Milestones due"), s.h2), *_milestones(v, data, ctx, right_w)]]],
                   colWidths=[left_w, ctx.width - left_w], hAlign="LEFT")
    for table in (middle, bottom):
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm),
                                   ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE)]))
    reds = [x for x in v.projects if x.rags["overall"].value == "R"]
    line = tn(len(v.projects), "{n} project in the programme", "{n} projects in the programme")
    if reds:
        line += t("; at Red: {names}", names=", ".join(f"{x.code} {x.name}" for x in reds))
    return story + [head, _kpis(v, data, ctx), spacer(2 * mm), p(line + ".", s.small), spacer(2 * mm), middle,
                    spacer(3 * mm), bottom]


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    views = programme_views(data)
    if not views:
        return [Heading(t(TITLE), s.h1, key="programmes", section=t(TITLE)),
                empty_note(t("There are no projects in this portfolio (or in the chosen programme)."), s)]
    story = []
    for i, v in enumerate(views):
        if i:
            story.append(PageBreak())
        story += programme_page(v, data, ctx, i)
    return story
