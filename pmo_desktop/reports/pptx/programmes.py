"""Programme slides: one per programme, as the PDF's programme pages: the RAG mix as coloured chips with
letters and counts, spend against budget as a native bar chart, top risks and milestones due as native
tables, and the programme's commentary (again in the speaker notes)."""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from pmo_desktop.domain.enums import ACTUAL_COLOUR
from pmo_desktop.domain.money import format_pct
from pmo_desktop.reports import commentary
from pmo_desktop.reports.base import fmt_money
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import rag_word, t
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, TOP, Deck, date_text, millions, millions_format
from pmo_desktop.reports.sections.milestones import slip_text
from pmo_desktop.reports.sections.programmes import ProgrammeView, programme_views
from pmo_desktop.reports.sections.summary import RAG_ORDER

TITLE = "Programme pages"


def build(deck: Deck, data: PackData) -> None:
    views = programme_views(data)
    if not views:
        s = deck.slide(t(TITLE))
        deck.text(s, MARGIN, TOP, deck.width, Emu(400000),
                  t("There are no projects in this portfolio (or in the chosen programme)."), size=14, colour=MUTED)
    for v in views:
        _slide(deck, data, v)


def _slide(deck: Deck, data: PackData, v: ProgrammeView) -> None:
    none = t("No commentary was recorded for {programme} this period.", programme=v.name)
    s = deck.slide(t("Programme: {name}", name=v.name), notes=commentary.plain(v.commentary) or none)
    cur = data.currency
    chip, gap = Emu(650000), Emu(60000)
    counts = {r: sum(1 for x in v.projects if x.rags["overall"] == r) for r in RAG_ORDER}
    for i, rag in enumerate(RAG_ORDER):
        x = MARGIN + i * (chip + gap)
        deck.box(s, x, TOP, chip, Emu(260000), rag.colour, text=rag.letter, colour=rag.text_colour, size=13)
        deck.text(s, x, TOP + Emu(260000), chip, Emu(340000), str(counts[rag]), size=18, bold=True,
                  align=PP_ALIGN.CENTER)
        deck.text(s, x - Emu(40000), TOP + Emu(600000), chip + Emu(80000), Emu(300000), rag_word(rag), size=10,
                  colour=MUTED, align=PP_ALIGN.CENTER)
    f = v.totals
    facts = [t("{n} projects", n=len(v.projects))]
    if f is not None:
        facts += [t("Spent to date {actual} against {planned} planned", actual=fmt_money(f.actual_to_date, cur),
                    planned=fmt_money(f.planned_to_date, cur)),
                  t("EAC {eac} against {budget} budget ({pct})", eac=fmt_money(f.eac, cur),
                    budget=fmt_money(f.approved_budget, cur), pct=format_pct(f.variance_pct, signed=True))]
    y = v.in_year
    if y is not None and y.budget:
        facts.append(t("In year: forecast outturn {forecast} against {budget} budget",
                       forecast=fmt_money(y.forecast, cur), budget=fmt_money(y.budget, cur)))
    left = MARGIN + 5 * (chip + gap) + Emu(150000)
    chart_w = Emu(3700000)
    deck.text(s, left, TOP - Emu(40000), deck.width - (left - MARGIN) - chart_w, Emu(1000000), "\n".join(facts),
              size=12)
    if f is not None and (f.planned_total or f.approved_budget):
        rows = [(t("Approved budget"), f.approved_budget), (t("Planned to date"), f.planned_to_date),
                (t("Actual to date"), f.actual_to_date), (t("EAC"), f.eac)]
        deck.chart(s, XL_CHART_TYPE.COLUMN_CLUSTERED, MARGIN + deck.width - chart_w, TOP - Emu(20000), chart_w,
                   Emu(1250000), [r[0] for r in rows], [(t("Whole life"), [millions(r[1]) for r in rows], ACTUAL_COLOUR)],
                   title=t("Spend against budget"), number_format=millions_format(cur), legend=False)
    top = TOP + Emu(1300000)
    half = deck.width // 2
    deck.text(s, MARGIN, top, half, Emu(300000), t("Commentary"), size=14, bold=True, colour="37474F")
    deck.commentary(s, MARGIN, top + Emu(320000), half - Emu(150000), Emu(2850000), v.commentary, none=none, size=11)
    right = MARGIN + half
    deck.text(s, right, top, half, Emu(300000), t("Top risks"), size=14, bold=True, colour="37474F")
    risks = v.risks[:3]  # and three milestones: both tables fit above the footer even when titles wrap
    if risks:
        deck.table(s, right, top + Emu(320000), half, [[t("Ref"), t("Project"), t("Title"), t("Owner"), t("Score")]]
                   + [[r.ref, r.project_code or "–", r.title, r.owner or t("no owner"), str(r.score or "–")]
                      for r in risks], [1, 1.1, 3.6, 1.8, 0.8], right={4})
    else:
        deck.text(s, right, top + Emu(320000), half, Emu(300000), t("No open risks with a probability and an impact."),
                  size=11, colour=MUTED)
    low = top + Emu(320000) + (len(risks) + 1) * Emu(400000) + Emu(150000)
    deck.text(s, right, low, half, Emu(300000), t("Milestones due"), size=14, bold=True, colour="37474F")
    shown = v.milestones[:3]
    if shown:
        rows = [[m.project_code, m.name, date_text(m.finish) + (" " + t("overdue") if i < v.overdue else ""),
                 slip_text(m.slip_days)] for i, m in enumerate(shown)]
        deck.table(s, right, low + Emu(320000), half, [[t("Project"), t("Milestone"), t("Forecast"),
                                                        t("Against baseline")]] + rows, [1.1, 3.2, 2, 2],
                   red={(i + 1, 2) for i in range(min(v.overdue, len(shown)))})
    else:
        deck.text(s, right, low + Emu(320000), half, Emu(300000),
                  t("No milestones overdue or due in the next three periods."), size=11, colour=MUTED)
