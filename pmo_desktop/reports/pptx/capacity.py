"""Capacity slide: demand against capacity per team for the months after the period (the capacity
service through reports.capacity_data), over 100% in red, and the worst over-allocations."""

from __future__ import annotations

from pptx.util import Emu

from pmo_desktop.reports.base import fmt_month
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import t
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, TOP, Deck

TITLE = "Capacity"


def build(deck: Deck, data: PackData) -> None:
    cap = data.capacity
    if cap is None or not cap.has_people:
        s = deck.slide(t(TITLE))
        deck.text(s, MARGIN, TOP, deck.width, Emu(400000), t("No people are recorded, so there is no capacity view."),
                  size=14, colour=MUTED)
        return
    rows, red = [], set()
    for team, months in cap.teams.items():
        row = [team]
        for c, m in enumerate(months, start=1):
            pct = m.get("utilisation_pct")
            row.append("–" if pct is None else f"{pct:.0f}%")
            if m.get("band") == "over":
                red.add((len(rows) + 1, c))
        rows.append(row)
    deck.paged_table(t("Capacity: demand as a share of capacity"),
                     ["Team", *[fmt_month(m) for m in cap.months]],
                     rows, [3] + [1] * len(cap.months), per=14, right=set(range(1, len(cap.months) + 1)), red=red,
                     note=t("{people} people; {over} over-allocations ({people_over} people); {days} unstaffed days of "
                            "demand. Whole portfolio.", people=cap.people, over=cap.over_count,
                            people_over=cap.people_over, days=f"{cap.unstaffed_days:.0f}"))
