"""One page per project: RAG chips and key facts, the status report's words, a milestone mini Gantt,
the budget position, and the top risks and issues. Each page is shrunk to fit if its text is long."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, PageBreak, Table, TableStyle

from pmo_desktop.domain.enums import RAG_DIMENSIONS
from pmo_desktop.domain.money import format_pct
from pmo_desktop.reports import drawings
from pmo_desktop.reports.base import (
    RULE,
    Bookmark,
    Heading,
    data_table,
    date_width,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    rag_cell_commands,
    rag_of,
    spacer,
)
from pmo_desktop.reports.data import PackData, ProjectPack
from pmo_desktop.reports.fonts import SANS_BOLD
from pmo_desktop.reports.lang import rag_word, t, word
from pmo_desktop.reports.sections.milestones import slip_text
from pmo_desktop.reports.sections.risks import BAND_TEXT
from pmo_desktop.reports.sections.status import TREND

TITLE = "Project pages"
DIM_LABELS = {"overall": "Overall", "schedule": "Schedule", "cost": "Cost", "scope": "Scope", "resources": "Resources"}
TREND_WORDS = {"better": "better than last period", "worse": "worse than last period", "same": "unchanged"}


def _chips(x: ProjectPack, ctx) -> Table:
    s = ctx.styles
    label = s.cell_centre.clone("chip_label", fontSize=8)
    rows = [[x.rags[d].letter for d in RAG_DIMENSIONS], [p(t(DIM_LABELS[d]), label) for d in RAG_DIMENSIONS]]
    style = [("FONTSIZE", (0, 0), (-1, 0), 13), ("LEADING", (0, 0), (-1, 0), 16), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LEFTPADDING", (0, 1), (-1, 1), 0), ("RIGHTPADDING", (0, 1), (-1, 1), 0)]  # "Resources" on one line
    for i, d in enumerate(RAG_DIMENSIONS):
        style += rag_cell_commands(i, 0, x.rags[d])
        style.append(("LINEAFTER", (i, 0), (i, 0), 2, colors.white))
    table = Table(rows, colWidths=[17.5 * mm] * 5, rowHeights=[20, 12])
    table.setStyle(TableStyle(style))
    return table


def _facts(x: ProjectPack, data: PackData, ctx) -> Table:
    s = ctx.styles
    arrow, _ = TREND[x.trend]
    trend = f"{arrow} {t(TREND_WORDS[x.trend])}" if x.trend else t("no comparison")
    programme = t("No programme") if x.programme == "No programme" else x.programme
    pairs = [(t("Programme"), programme), (t("Manager"), x.manager or "–"), (t("Sponsor"), x.sponsor or "–"),
             (t("Stage / status"), f"{word(x.stage) or '–'} / {word(x.status) or '–'}"),
             (t("Start"), fmt_date(x.start)), (t("Forecast finish"), fmt_date(x.finish)),
             (t("Baseline finish"), fmt_date(x.baseline_finish)), (t("Finish vs baseline"), slip_text(x.finish_slip)),
             (t("Complete"), f"{x.percent_complete:.0f}%" if x.percent_complete is not None else "–"),
             (t("Trend (overall)"), trend)]
    if x.returned_at:  # the report came back from the PM's workbook (pmo collect)
        pairs.append((t("Report from"), f"{x.returned_by or t('the project manager')}, {fmt_date(x.returned_at[:10])}"))
    if x.finance is not None:
        f = x.finance
        pairs += [(t("Approved budget"), fmt_money(f.approved_budget, data.currency)),
                  (t("EAC / variance"), f"{fmt_money(f.eac, data.currency)} / "
                                        f"{fmt_money(f.variance, data.currency, signed=True)} ({format_pct(f.variance_pct, signed=True)})")]
    for label, pair in (("cost", x.derived and x.derived.cost), ("schedule", x.derived and x.derived.schedule)):
        if pair and pair.differs:
            basis = (t("variance {pct}", pct=format_pct(pair.basis, signed=True)) if label == "cost"
                     else t("worst milestone slip {n} wd", n=pair.basis))
            derived = rag_of(pair.derived)
            pairs.append((t("Derived cost RAG") if label == "cost" else t("Derived schedule RAG"),
                          t("{rag} from the numbers ({basis}); manager reports {manager}",
                            rag=f"{derived.letter} {rag_word(derived)}", basis=basis,
                            manager=rag_of(pair.manager).letter)))
    half = (len(pairs) + 1) // 2
    cols = [pairs[:half], pairs[half:]]
    rows = []
    for i in range(half):
        row = []
        for col in cols:
            k, v = col[i] if i < len(col) else ("", "")
            row += [p(k, s.small), p(v, s.cell)]
        rows.append(row)
    w = ctx.width - 90 * mm
    table = Table(rows, colWidths=[28 * mm, w / 2 - 28 * mm, 30 * mm, w / 2 - 30 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


TEXT_LIMIT = 900  # characters of one status-report field on the page
ITEM_LIMIT = 8  # bullets of achievements / next steps


def clip(text: str, limit: int = TEXT_LIMIT) -> str:
    """Shorten an over-long field at a word boundary; the page says where the rest is."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;.") + " … (continued in the status report)"


def _words(x: ProjectPack, ctx) -> list:
    s = ctx.styles
    out = []
    for title, text in (("Summary", x.summary), ("Achievements this period", x.achievements),
                        ("Next steps", x.next_steps), ("Top issues", x.top_issues),
                        ("Decisions needed", x.decisions)):
        if not text:
            continue
        out.append(p(t(title), s.h2))
        parts = [x.strip() for x in text.split(";")] if title in ("Achievements this period", "Next steps") else [text]
        parts = [x for x in parts if x]
        if len(parts) > ITEM_LIMIT:
            parts = parts[:ITEM_LIMIT] + [t("and {n} more in the status report", n=len(parts) - ITEM_LIMIT)]
        out += [p(f"•  {clip(x, 300)}" if len(parts) > 1 else clip(x), s.body) for x in parts]
    if not x.reported:
        why = {"Closed": t("The project is closed"), "Idea": t("The project has not started")}.get(
            x.stage or "", t("No status report was submitted for this period"))
        out.insert(0, empty_note(t("{why}: the RAGs shown are the last recorded on the project.", why=why), s))
    return out


def _raid(x: ProjectPack, ctx, width: float) -> list:
    s = ctx.styles
    items = x.risks[:5] + x.issues[:3]
    if not items:
        return [empty_note(t("No open risks or issues."), s)]
    rows = [[p(t(h), s.head) for h in ("Ref", "Type", "Title", "Owner", "Due", "Rating")]]
    extra = []
    for i, r in enumerate(items, start=1):
        score = str(r.score) if r.type == "Risk" and r.score else (t("impact {n}", n=r.impact) if r.impact else "–")
        rows.append([r.ref, word(r.type), p(r.title, s.cell), p(r.owner or t("no owner"), s.cell), fmt_date(r.due, True),
                     score])
        if r.type == "Risk" and r.band:
            extra += [("BACKGROUND", (5, i), (5, i), colors.HexColor(r.band.colour)),
                      ("TEXTCOLOR", (5, i), (5, i), colors.HexColor(BAND_TEXT[r.band])),
                      ("FONTNAME", (5, i), (5, i), SANS_BOLD)]
    extra.append(("ALIGN", (5, 1), (5, -1), "CENTER"))
    d = date_width(17 * mm)
    fixed = 14 * mm + 15 * mm + 30 * mm + d + 15 * mm
    table = data_table(rows, [14 * mm, 15 * mm, width - fixed, 30 * mm, d, 15 * mm], extra=extra)
    return [table, p(t("Rating: risk score P × I (coloured by band); for an issue, its impact (1–5)."), s.small)]


def _charts(x: ProjectPack, data: PackData, ctx, width: float) -> list:
    s = ctx.styles
    out = [p(t("Milestones"), s.h2)]
    if any(m.finish or m.baseline_finish for m in x.milestones):
        out.append(ctx.chart(drawings.milestone_gantt(x.milestones[:14], data.period, width)))
    else:
        out.append(empty_note(t("No milestones in the plan."), s))
    if x.finance is not None:
        out.append(p(t("Budget position"), s.h2))
        if x.finance.budget_lines or x.finance.approved_budget is not None:
            out.append(ctx.chart(budget_chart(x, data, width)))
            out.append(p(t("EAC = actual to date + forecast remaining (finance service)."), s.small))
        else:
            out.append(empty_note(t("No budget recorded for this project."), s))
    return out


def budget_chart(x: ProjectPack, data: PackData, width: float):
    f = x.finance
    rows = [(t("Approved budget"), f.approved_budget, drawings.BUDGET_COLOURS["plan"]),
            (t("Planned to date"), f.planned_to_date, drawings.BUDGET_COLOURS["plan"]),
            (t("Actual to date"), f.actual_to_date, drawings.BUDGET_COLOURS["actual"]),
            (t("EAC"), f.eac, drawings.BUDGET_COLOURS["forecast"])]
    return drawings.budget_bars(rows, lambda v: fmt_money(v, data.currency), width)


def project_page(x: ProjectPack, data: PackData, ctx, first: bool) -> list:
    s = ctx.styles
    head = Heading(f"{x.code}  {x.name}", s.h1, key=f"project-{x.id}", level=1, section=t(TITLE))
    top = Table([[_chips(x, ctx), _facts(x, data, ctx)]], colWidths=[90 * mm, ctx.width - 90 * mm], hAlign="LEFT")
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    left_w = ctx.width * 0.52
    right_w = ctx.width - left_w - 8 * mm
    body = Table([[_words(x, ctx), _charts(x, data, ctx, right_w)]], colWidths=[left_w, ctx.width - left_w],
                 hAlign="LEFT")
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm), ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE)]))
    content = [top, spacer(3 * mm), body, spacer(2 * mm), p(t("Top risks and issues"), s.h2), *_raid(x, ctx, ctx.width)]
    story = [Bookmark(t(TITLE), "projects", 0, True, t(TITLE))] if first else []
    _, head_h = head.wrap(ctx.width, ctx.height)
    room = ctx.height - head_h - s.h1.spaceAfter - s.h1.spaceBefore - 2
    page = KeepInFrame(ctx.width, room, content, mode="shrink", hAlign="LEFT", vAlign="TOP")
    page.canv = None
    page.wrap(ctx.width, room)
    if getattr(page, "_scale", 1.0) <= 1.0:
        return story + [head, page]
    # Too much to say for one page at 8 pt: charts and risks side by side, then the status report's
    # words flowing on to a continuation page (nothing is shrunk below the pack's smallest type).
    for f in content:
        f.__dict__.pop("canv", None)
    side = Table([[_charts(x, data, ctx, right_w), _raid(x, ctx, ctx.width - left_w - 8 * mm)]],
                 colWidths=[left_w, ctx.width - left_w], hAlign="LEFT")
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm), ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE)]))
    return story + [head, top, spacer(3 * mm), side, spacer(2 * mm), p(t("Status report"), s.h2), *_words(x, ctx)]


SUMMARY_STAGES = ("Closed", "Idea")  # a row each in one table, unless the pack asks for full pages


def summary_table(items: list[ProjectPack], data: PackData, ctx) -> list:
    """Closed and idea-stage projects: one row each (with a bookmark each), not a near-empty page."""
    s = ctx.styles
    rows = [[p(t(h), s.head) for h in ("Project", "Programme", "Stage", "RAG", "Manager", "Finish")]
            + [p(t(h), s.head_right) for h in ("Budget", "EAC")] + [p(t("Summary"), s.head)]]
    extra = []
    marks = []
    for i, x in enumerate(items, start=1):
        f = x.finance
        rows.append([p(f"{x.code}  {x.name}", s.cell), p(x.programme, s.cell), p(word(x.stage) or "–", s.cell),
                     x.rags["overall"].letter, p(x.manager or "–", s.cell), p(fmt_date(x.finish), s.cell),
                     p(fmt_money(f.approved_budget if f else x.approved_budget, data.currency), s.cell_right),
                     p(fmt_money(f.eac, data.currency) if f else "–", s.cell_right), p(x.summary or "–", s.cell)])
        extra += rag_cell_commands(3, i, x.rags["overall"])
        marks.append(Bookmark(f"{x.code}  {x.name}", f"project-{x.id}", 1, True, t(TITLE)))
    w = ctx.width
    fixed = 38 * mm + 16 * mm + 10 * mm + 30 * mm + 24 * mm + 2 * 18 * mm
    table = data_table(rows, [58 * mm, 38 * mm, 16 * mm, 10 * mm, 30 * mm, 24 * mm, 18 * mm, 18 * mm,
                              w - fixed - 58 * mm], extra=extra + [("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [p(t("Closed and idea-stage projects · {n}", n=len(items)), s.h1), *marks, table]


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    if not data.projects:
        return [Heading(t(TITLE), s.h1, key="projects", section=t(TITLE)),
                empty_note(t("There are no projects in this portfolio (or in the chosen programme)."), s)]
    full = bool(data.options.get("closed_pages"))
    paged = [x for x in data.projects if full or x.stage not in SUMMARY_STAGES]
    brief = [x for x in data.projects if x not in paged]
    story = []
    for i, x in enumerate(paged):
        if i:
            story.append(PageBreak())
        story += project_page(x, data, ctx, first=i == 0)
        ctx.tick()
    if brief:
        if story:
            story.append(PageBreak())
        else:
            story.append(Bookmark(t(TITLE), "projects", 0, True, t(TITLE)))
        story += summary_table(brief, data, ctx)
        for _ in brief:
            ctx.tick()
    return story
