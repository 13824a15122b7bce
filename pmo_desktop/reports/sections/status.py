"""Portfolio status: one row per project, grouped by programme, header repeated on every page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm

from pmo_desktop.domain.enums import RAG_DIMENSIONS, Rag
from pmo_desktop.reports.base import (
    BAND_BG,
    commentary_story,
    data_table,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    rag_cell_commands,
    section_heading,
)
from pmo_desktop.reports.data import PackData, ProjectPack
from pmo_desktop.reports.fonts import SANS_BOLD
from pmo_desktop.reports.lang import t, tn, word

TITLE = "Portfolio status"
DIM_HEADS = {"overall": "Ovr", "schedule": "Sch", "cost": "Cst", "scope": "Scp", "resources": "Res"}
TREND = {"better": ("▲", Rag.GREEN.colour), "worse": ("▼", Rag.RED.colour), "same": ("►", "#616161"), "": ("", None)}


def _finance_cells(x: ProjectPack, currency: str, s) -> list:
    f = x.finance
    if f is None:
        return [p("–", s.cell_right)] * 4
    variance_style = s.cell_right
    if f.variance is not None and f.variance > 0:  # a forecast overrun
        variance_style = s.cell_right.clone("over", textColor=colors.HexColor(Rag.RED.colour))
    return [p(fmt_money(f.approved_budget, currency), s.cell_right), p(fmt_money(f.actual_to_date, currency), s.cell_right),
            p(fmt_money(f.eac, currency), s.cell_right),
            p(fmt_money(f.variance, currency, signed=True), variance_style)]


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "status")]
    if not data.projects:
        return story + [empty_note(t("There are no projects in this portfolio (or in the chosen programme)."), s)]
    finance = data.has_finance
    fixed = {"code": 15 * mm, "manager": 27 * mm, "stage": 17 * mm, "rag": 8 * mm, "trend": 7 * mm,
             "money": 17 * mm, "milestone": 38 * mm}
    used = (fixed["code"] + fixed["manager"] + fixed["stage"] + 5 * fixed["rag"] + fixed["trend"]
            + (4 * fixed["money"] if finance else 0) + fixed["milestone"])
    name_w = ctx.width - used
    widths = ([fixed["code"], name_w, fixed["manager"], fixed["stage"]] + [fixed["rag"]] * 5 + [fixed["trend"]]
              + ([fixed["money"]] * 4 if finance else []) + [fixed["milestone"]])
    head = [p(t("Code"), s.head), p(t("Project"), s.head), p(t("Manager"), s.head), p(t("Stage"), s.head)]
    head += [p(t(DIM_HEADS[d]), s.head_centre) for d in RAG_DIMENSIONS] + [p(t("Tr."), s.head_centre)]
    if finance:
        head += [p(t(h), s.head_right) for h in ("Budget", "Actual", "EAC", "Variance")]
    head.append(p(t("Next milestone"), s.head))
    rows, extra = [head], []
    ncols = len(head)
    first_rag = 4
    for programme, projects in data.by_programme():
        r = len(rows)
        rows.append([p(f"{t('No programme') if programme == 'No programme' else programme}  ·  "
                       + tn(len(projects), "{n} project", "{n} projects"), s.cell_bold)]
                    + [""] * (ncols - 1))
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), BAND_BG),
                  ("NOSPLIT", (0, r), (-1, r + 1))]  # a programme's name never ends a page alone
        for x in projects:
            r = len(rows)
            arrow, colour = TREND[x.trend]
            name = x.name if x.reported or x.stage in ("Idea", "Closed") else \
                f"{x.name}  {t('(no report this period)')}"
            row = [p(x.code, s.cell), p(name, s.cell), p(x.manager or "–", s.cell), p(word(x.stage) or "–", s.cell)]
            row += [x.rags[d].letter for d in RAG_DIMENSIONS] + [arrow]
            if finance:
                row += _finance_cells(x, data.currency, s)
            ms = x.next_milestone
            row.append(p(f"{ms.name} · {fmt_date(ms.finish, True)}" if ms else "–", s.cell))
            rows.append(row)
            for i, d in enumerate(RAG_DIMENSIONS):
                extra += rag_cell_commands(first_rag + i, r, x.rags[d])
            if colour:
                extra += [("TEXTCOLOR", (first_rag + 5, r), (first_rag + 5, r), colors.HexColor(colour)),
                          ("ALIGN", (first_rag + 5, r), (first_rag + 5, r), "CENTER"),
                          ("FONTNAME", (first_rag + 5, r), (first_rag + 5, r), SANS_BOLD)]
    story.append(data_table(rows, widths, extra=extra, zebra=False))
    legend = t("RAG: Ovr overall, Sch schedule, Cst cost, Scp scope, Res resources; R Red, A Amber, G Green, "
               "B complete, – not reported. Tr. = overall RAG against the previous period: ▲ better, ▼ worse, "
               "► unchanged.")
    if finance:
        legend += " " + t("Money (finance service): approved budget, actual to date, EAC = actual to date + forecast "
                          "remaining, variance = EAC − budget (positive, in red, is a forecast overrun).")
    story.append(p(legend, s.small))
    returned = [x for x in data.projects if x.returned_at]
    if returned:  # which reports came from the PMs' own workbooks (pmo collect), and when
        latest = max(x.returned_at for x in returned)[:10]
        story.append(p(t("Reports returned by project managers: {n} of {total} (latest {date}); "
                         "the others were entered by the PMO.", n=len(returned),
                         total=sum(1 for x in data.projects if x.reported), date=fmt_date(latest)), s.small))
    story.append(p(t("Programme commentary"), s.h2))
    for programme, _ in data.by_programme():
        story.append(p(t("No programme") if programme == "No programme" else programme, s.cell_bold.clone("programme_name", fontSize=9.5, leading=12, spaceBefore=4,
                                                     keepWithNext=1)))
        story += commentary_story(data.programme_commentary.get(programme), s,
                                  none=t("No commentary was recorded for {programme} this period.", programme=programme))
    return story
