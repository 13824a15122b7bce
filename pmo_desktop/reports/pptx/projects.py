"""Project slides: one per active project (RAG chips as coloured shapes with letters, key facts, the
status report's words, top risks); closed and idea-stage projects as one summary table unless full
slides were asked for. The status summary and cost commentary are in the speaker notes too."""

from __future__ import annotations

from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from pmo_desktop.domain.enums import RAG_DIMENSIONS
from pmo_desktop.reports import commentary
from pmo_desktop.reports.base import fmt_money
from pmo_desktop.reports.data import PackData, ProjectPack
from pmo_desktop.reports.lang import colon, t, word
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, TOP, Deck, date_text
from pmo_desktop.reports.sections.milestones import slip_text
from pmo_desktop.reports.sections.projects import DIM_LABELS, SUMMARY_STAGES

TITLE = "Project pages"


def build(deck: Deck, data: PackData) -> None:
    full = bool(data.options.get("closed_pages"))
    brief = [x for x in data.projects if not full and x.stage in SUMMARY_STAGES]
    for x in data.projects:
        if x not in brief:
            _page(deck, data, x)
            deck.tick()
    if brief:
        rows = [[f"{x.code}  {x.name}", x.programme, word(x.stage) or "–", "", x.manager or "–", date_text(x.finish) or "–",
                 fmt_money(x.finance.approved_budget if x.finance else x.approved_budget, data.currency),
                 fmt_money(x.finance.eac, data.currency) if x.finance else "–"] for x in brief]
        deck.paged_table(t("Closed and idea-stage projects · {n}", n=len(brief)),
                         ["Project", "Programme", "Stage", "RAG", "Manager", "Finish", "Budget", "EAC"], rows,
                         [4, 2.6, 1, 0.6, 2, 1.4, 1.1, 1.1], per=14, right={6, 7},
                         rag_cols={3: [x.rags["overall"] for x in brief]})
        for _ in brief:
            deck.tick()


def _page(deck: Deck, data: PackData, x: ProjectPack) -> None:
    cur = data.currency
    notes = "\n\n".join(n for n in (
        t("Summary: {text}", text=x.summary) if x.summary else "",
        t("Cost commentary: {text}", text=commentary.plain(x.cost_commentary)) if x.cost_commentary else "") if n)
    s = deck.slide(f"{x.code}  {x.name}", notes=notes)
    chip_w = Emu(900000)
    for i, d in enumerate(RAG_DIMENSIONS):
        rag = x.rags[d]
        deck.box(s, MARGIN + i * (chip_w + Emu(40000)), TOP, chip_w, Emu(380000), rag.colour, text=rag.letter,
                 colour=rag.text_colour, size=16)
        deck.text(s, MARGIN + i * (chip_w + Emu(40000)), TOP + Emu(380000), chip_w, Emu(260000), t(DIM_LABELS[d]),
                  size=10, colour=MUTED, align=PP_ALIGN.CENTER)
    f = x.finance
    facts = [(t("Programme"), x.programme), (t("Manager"), x.manager or "–"), (t("Sponsor"), x.sponsor or "–"),
             (t("Stage / status"), f"{word(x.stage) or '–'} / {word(x.status) or '–'}"),
             (t("Forecast finish"), f"{date_text(x.finish) or '–'} ({slip_text(x.finish_slip)})"),
             (t("Budget / EAC"), f"{fmt_money(f.approved_budget, cur)} / {fmt_money(f.eac, cur)}" if f else "–")]
    right_x = MARGIN + 5 * (chip_w + Emu(40000)) + Emu(200000)
    deck.text(s, right_x, TOP - Emu(40000), deck.width - (right_x - MARGIN), Emu(1150000),
              "\n".join(f"{k}{colon()}{v}" for k, v in facts), size=12)
    y = TOP + Emu(1300000)
    half = deck.width // 2
    words = [(t("Summary"), x.summary), (t("Achievements"), x.achievements), (t("Next steps"), x.next_steps),
             (t("Decisions needed"), x.decisions)]
    text = "\n".join(f"{k}{colon()}{v}" for k, v in words if v) or t("No status report for this period.")
    deck.text(s, MARGIN, y, half - Emu(150000), deck.height - Emu(1000000), text, size=12)
    items = (x.risks[:4] + x.issues[:3])
    lines = [f"{r.ref} {r.title} · {r.owner or t('no owner')}" + (t(" · due {date}", date=date_text(r.due)) if r.due else "")
             + (t(" (overdue)") if r.overdue else "") for r in items]
    deck.text(s, MARGIN + half, y, half, Emu(300000), t("Top risks and issues"), size=13, bold=True, colour="37474F")
    deck.lines(s, MARGIN + half, y + Emu(320000), half, deck.height - Emu(1300000),
               lines or [t("No open risks or issues.")], size=12)
    if x.cost_commentary:
        deck.text(s, MARGIN + half, TOP + deck.height - Emu(1000000), half, Emu(700000),
                  t("Cost: {text}", text=commentary.plain(x.cost_commentary).replace("\n", " ")), size=11, colour=MUTED)
