"""Portfolio status slides: one row per project with its five RAG cells as coloured cells with letters,
the money and the next milestone; then the programmes' commentary (also in the speaker notes)."""

from __future__ import annotations

from pptx.util import Emu

from pmo_desktop.domain.enums import RAG_DIMENSIONS
from pmo_desktop.reports import commentary
from pmo_desktop.reports.base import fmt_money
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import t, word
from pmo_desktop.reports.pptx.deck import MARGIN, TOP, Deck, date_text
from pmo_desktop.reports.sections.status import DIM_HEADS

TITLE = "Portfolio status"
TREND = {"better": "▲", "worse": "▼", "same": "►", "": ""}


def build(deck: Deck, data: PackData) -> None:
    cur = data.currency
    head = ["Code", "Project", "Programme", "Stage", *[DIM_HEADS[d] for d in RAG_DIMENSIONS], "Tr.",
            "Budget", "EAC", "Variance", "Next milestone"]
    rows, rags, red = [], {4 + i: [] for i in range(5)}, set()
    for x in data.projects:
        f = x.finance
        ms = x.next_milestone
        programme = t("No programme") if x.programme == "No programme" else x.programme
        rows.append([x.code, x.name, programme, word(x.stage) or "–", *[""] * 5, TREND[x.trend],
                     fmt_money(f.approved_budget, cur) if f else "–", fmt_money(f.eac, cur) if f else "–",
                     fmt_money(f.variance, cur, signed=True) if f else "–",
                     f"{ms.name} · {date_text(ms.finish)}" if ms else "–"])
        for i, d in enumerate(RAG_DIMENSIONS):
            rags[4 + i].append(x.rags[d])
        if f and f.variance and f.variance > 0:
            red.add((len(rows), 12))
    deck.paged_table(t(TITLE), head, rows, [1.1, 3, 2.2, 1.2, 0.55, 0.55, 0.55, 0.55, 0.55, 0.5, 1.1, 1.1, 1.1, 3],
                     per=11, right={10, 11, 12}, rag_cols=rags, red=red,
                     note=t("RAG: Ovr overall, Sch schedule, Cst cost, Scp scope, Res resources. "
                            "Variance = EAC − budget (red: a forecast overrun)."),
                     empty=t("There are no projects in this portfolio (or in the chosen programme)."))
    # two programmes a slide, side by side: a programme's commentary is a paragraph and its bullets
    programmes = [name for name, _ in data.by_programme()]
    pages = [programmes[i:i + 2] for i in range(0, len(programmes), 2)]
    col_w = deck.width // 2
    for n, names in enumerate(pages):
        notes = "\n\n".join(f"{name}:\n{commentary.plain(data.programme_commentary.get(name)) or t('No commentary.')}"
                            for name in names)
        title = t("Programme commentary") if len(pages) == 1 else \
            t("{title} ({n} of {total})", title=t("Programme commentary"), n=n + 1, total=len(pages))
        s = deck.slide(title, notes=notes)
        for i, name in enumerate(names):
            x = MARGIN + i * col_w
            deck.text(s, x, TOP + Emu(80000), col_w - Emu(150000), Emu(300000), name, size=14, bold=True,
                      colour="37474F")
            deck.commentary(s, x, TOP + Emu(400000), col_w - Emu(150000), deck.height - Emu(400000),
                            data.programme_commentary.get(name), none=t("No commentary was recorded this period."),
                            size=12)
