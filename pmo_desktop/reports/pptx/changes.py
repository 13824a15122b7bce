"""Changes since the previous period: RAG changes (coloured cells before and after), new and closed
projects, slipped milestones and the largest EAC movements."""

from __future__ import annotations

from pmo_desktop.reports.base import fmt_money
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import join, t, word
from pmo_desktop.reports.pptx.deck import Deck, date_text
from pmo_desktop.reports.sections.projects import DIM_LABELS

TITLE = "Changes since the previous period"


def build(deck: Deck, data: PackData) -> None:
    c = data.changes
    rows = [[f"{ch.project.code}  {ch.project.name}", "", "", join([t(DIM_LABELS[d]) for d in ch.dimensions])]
            for ch in c.rag]
    deck.paged_table(t("RAG changes · {n}", n=len(rows)), ["Project", "Overall before", "Overall now", "Changed"], rows,
                     [4, 1.2, 1.2, 4], per=14,
                     rag_cols={1: [ch.before["overall"] for ch in c.rag], 2: [ch.after["overall"] for ch in c.rag]},
                     empty=t("No RAG changed since the previous period."))
    rows = [[f"{x.code}  {x.name}", t("New"), word(x.stage) or "–"] for x in c.new_projects]
    rows += [[f"{x.code}  {x.name}", t("Closed"), word(x.stage) or "–"] for x in c.closed_projects]
    rows += [[f"{sl.project_code}  {sl.project_name}", t("Milestone slipped: {name}", name=sl.milestone),
              f"{date_text(sl.old)} → {date_text(sl.new)} ({t('+{n} wd', n=sl.days)})"] for sl in c.slipped]
    if data.finance is not None:
        rows += [[f"{m.code}  {m.name}", t("EAC moved"),
                  f"{fmt_money(m.before, data.currency)} → {fmt_money(m.after, data.currency)} "
                  f"({fmt_money(m.change, data.currency, signed=True)})"] for m in data.finance.eac_moves[:15]]
    deck.paged_table(t("New, closed, slipped and re-forecast · {n}", n=len(rows)), ["Project", "Change", "Detail"], rows,
                     [4, 3.5, 4], per=14, empty=t("No new or closed projects, slips or EAC movements."))
