"""Risk slides: the 5×5 heat map as coloured shapes holding their counts, the top risks with response,
owner and due (overdue in red; "12 of 14 shown", the rest in the appendix), escalated issues flagged
when overdue or without an owner."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu

from pmo_desktop.domain.scores import score_band
from pmo_desktop.reports.data import PackData, RaidRow
from pmo_desktop.reports.lang import t, word
from pmo_desktop.reports.pptx.deck import MARGIN, TOP, Deck, date_text
from pmo_desktop.reports.sections.risks import BAND_TEXT, IMPACT, PROBABILITY, flags, shown_and_rest

TITLE = "Risks and issues"


def raid_rows(items: list[RaidRow], *, scored: bool) -> tuple[list[list], set[tuple[int, int]]]:
    rows, red = [], set()
    for n, r in enumerate(items, start=1):
        project = f"{r.project_code} {r.project_name}" if r.project_code else t("Portfolio")
        rows.append([r.ref, r.title, project, r.owner or t("no owner"), word(r.response) or "–",
                     date_text(r.due) + (" " + t("overdue") if r.overdue else "") if r.due else "–",
                     *([str(r.score or "–")] if scored else [str(r.impact or "–")])])
        if r.overdue:
            red.add((n, 5))
        if not r.owner:
            red.add((n, 3))
    return rows, red


RAID_HEAD = ["Ref", "Title", "Project", "Owner", "Response / action", "Due"]
RAID_WIDTHS = [0.8, 3, 2.6, 1.6, 2.6, 1.6, 0.7]


def build(deck: Deck, data: PackData) -> None:
    s = deck.slide(t(TITLE), notes=t("{n} open High/Critical risks.", n=data.open_high_risks))
    cell, left = Emu(700000), MARGIN + Emu(1700000)
    deck.text(s, MARGIN, TOP, Emu(7000000), Emu(300000), t("Heat map of open risks (probability × impact)"), size=14,
              bold=True, colour="37474F")
    top = TOP + Emu(380000)
    for row, prob in enumerate(range(5, 0, -1)):
        y = top + row * cell
        deck.text(s, MARGIN, y, Emu(1650000), cell, f"{prob} {t(PROBABILITY[prob])}", size=10, align=PP_ALIGN.RIGHT,
                  anchor=MSO_ANCHOR.MIDDLE)
        for col, impact in enumerate(range(1, 6)):
            band = score_band(prob * impact)
            count = data.heat[prob - 1][impact - 1]
            deck.box(s, left + col * cell, y, cell - Emu(30000), cell - Emu(30000), band.colour,
                     text=str(count) if count else "·", colour=BAND_TEXT[band], size=16 if count else 10)
    for col, impact in enumerate(range(1, 6)):
        deck.text(s, left + col * cell - Emu(100000), top + 5 * cell, cell + Emu(200000), Emu(420000),
                  f"{impact}\n{t(IMPACT[impact])}", size=10, align=PP_ALIGN.CENTER)
    total = sum(sum(r) for r in data.heat)
    notes_x = left + 5 * cell + Emu(300000)
    high = [r for r in data.top_risks if (r.score or 0) >= 10]
    lines = [t("{total} open risks with a probability and an impact; {high} High or Critical.", total=total,
               high=data.open_high_risks),
             t("Score = P × I: 1–4 Low, 5–9 Medium, 10–16 High, 20–25 Critical.")]
    if high:
        lines.append(flags(high, "open High/Critical risks"))
    if data.escalated_issues:
        lines.append(flags(data.escalated_issues, "escalated issues"))
    deck.lines(s, notes_x, top, deck.width - (notes_x - MARGIN), Emu(3000000), lines, size=13)
    shown, rest = shown_and_rest(data)
    rows, red = raid_rows(shown, scored=True)
    title = t("Top risks by score") + (t(" · {shown} of {total} shown (the rest in the appendix)", shown=len(shown),
                                         total=len(data.top_risks)) if rest else "")
    deck.paged_table(title, [*RAID_HEAD, "Score"], rows, RAID_WIDTHS, per=12, red=red,
                     empty=t("No open risks with a probability and an impact."))
    rows, red = raid_rows(data.escalated_issues, scored=False)
    deck.paged_table(t("Escalated issues"), [*RAID_HEAD, "Impact"], rows, RAID_WIDTHS, per=12, red=red,
                     note=flags(data.escalated_issues, "escalated issues") if data.escalated_issues else "",
                     empty=t("No issues are escalated to the board."))
