"""Milestone slides: completed in the period, forecast in the next three periods, overdue at its end."""

from __future__ import annotations

from pmo_desktop.reports.data import Milestone, PackData
from pmo_desktop.reports.lang import t
from pmo_desktop.reports.pptx.deck import Deck, date_text
from pmo_desktop.reports.sections.milestones import slip_text

TITLE = "Milestones"


def _rows(items: list[Milestone], actual: bool) -> tuple[list[list], set]:
    rows, red = [], set()
    for n, m in enumerate(items, start=1):
        rows.append([f"{m.project_code}  {m.project_name}", m.name, date_text(m.baseline_finish) or "–",
                     date_text(m.actual_finish if actual else m.finish) or "–", slip_text(m.slip_days)])
        if m.slip_days > 20:
            red.add((n, 4))
    return rows, red


def build(deck: Deck, data: PackData) -> None:
    lo = date_text(data.previous_period) if data.previous_period else t("the start")
    parts = [
        (t("Milestones completed ({start} – {end})", start=lo, end=date_text(data.period)), data.milestones_completed,
         "Completed on", True, t("No milestones were completed in the period.")),
        (t("Milestones ahead: next three periods (to {date})", date=date_text(data.lookahead_end)),
         data.milestones_ahead, "Forecast", False, t("No milestones are forecast in the next three periods.")),
        (t("Milestones overdue at {date}", date=date_text(data.period)), data.milestones_overdue, "Was due", False,
         t("No milestones were overdue at the period end.")),
    ]
    for title, items, head, actual, none in parts:
        rows, red = _rows(items, actual)
        deck.paged_table(f"{title} · {len(items)}", ["Project", "Milestone", "Baseline", head, "Against baseline"],
                         rows, [3.5, 4, 1.4, 1.4, 1.6], per=13, red=red, empty=none,
                         note=t("wd = working days between the baseline and the forecast or actual date."))
