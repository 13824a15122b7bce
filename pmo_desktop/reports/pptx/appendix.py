"""Appendix slides: the open risks the risks slides had no room for, and the data-quality findings."""

from __future__ import annotations

from pmo_desktop.reports.base import dates_in_text
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import message, t
from pmo_desktop.reports.pptx.deck import Deck, date_text
from pmo_desktop.reports.pptx.risks import RAID_HEAD, RAID_WIDTHS, raid_rows
from pmo_desktop.reports.sections.appendix import SEVERITY_ORDER, rule_title
from pmo_desktop.reports.sections.risks import shown_and_rest

TITLE = "Appendix"


def build(deck: Deck, data: PackData) -> None:
    if "risks" in deck.sections:
        _, rest = shown_and_rest(data)
        if rest:
            rows, red = raid_rows(rest, scored=True)
            deck.paged_table(t("Appendix: further open risks · {n}", n=len(rest)), [*RAID_HEAD, "Score"], rows, RAID_WIDTHS,
                             per=12, red=red)
    ordered = sorted(data.findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.rule, f.project or ""))
    rows = [[t(f.severity.capitalize()), rule_title(f.rule), f.project or "–", dates_in_text(message(f.message))]
            for f in ordered]
    deck.paged_table(t("Appendix: data quality · {n} findings as at {date}", n=len(rows), date=date_text(data.today)),
                     ["Severity", "Check", "Project", "Finding"], rows, [1, 2.5, 1, 7], per=14,
                     empty=t("No data-quality findings: the checks found nothing to fix."))
