"""Appendix: the open risks the risks section had no room for, and the data-quality findings of `pmo check` (stale reports, missing owners, dates out of order)."""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.lib.units import mm

from pmo_desktop.domain.enums import Rag
from pmo_desktop.governance.health import RULES
from pmo_desktop.reports.base import data_table, dates_in_text, empty_note, fmt_date, p, section_heading
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import cjk_font_path
from pmo_desktop.reports.lang import join, message, t
from pmo_desktop.reports.sections import risks

TITLE = "Appendix"
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def rule_title(rule: str) -> str:
    return message(RULES[rule].title if rule in RULES else rule.replace("_", " ").capitalize())
SEVERITY_COLOUR = {"error": Rag.RED.colour, "warning": "#9A5B00", "info": "#616161"}


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "appendix")]
    if "risks" in ctx.sections:
        _, rest = risks.shown_and_rest(data)
        if rest:  # the risks section shows the top ones; no risk is left out of the pack
            story += [p(t("Further open risks · {n} not shown in the risks section", n=len(rest)), s.h2),
                      risks.raid_table(rest, ctx, scored=True)]
    story.append(p(t("Data quality"), s.h2))
    if cjk_font_path() is None:
        story.append(p(t("Note: no Chinese/Japanese/Korean font was found on this computer, so such names may print "
                         "as empty boxes (they remain searchable text)."), s.body))
    if not data.findings:
        return story + [empty_note(t("No data-quality findings: the checks found nothing to fix."), s)]
    counts = Counter(rule_title(f.rule) for f in data.findings)
    story.append(p(t("{n} findings from the portfolio checks as at {date}: {counts}.", n=len(data.findings),
                     date=fmt_date(data.today), counts=join([f"{n} × {rule}" for rule, n in counts.most_common()])),
                   s.body))
    rows = [[p(t(h), s.head) for h in ("Severity", "Check", "Project", "Finding")]]
    extra = []
    ordered = sorted(data.findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.rule, f.project or ""))
    for i, f in enumerate(ordered, start=1):
        rows.append([t(f.severity.capitalize()), p(rule_title(f.rule), s.cell), p(f.project or "–", s.cell),
                     p(dates_in_text(message(f.message)), s.cell)])
        extra.append(("TEXTCOLOR", (0, i), (0, i), colors.HexColor(SEVERITY_COLOUR.get(f.severity, "#616161"))))
    w = ctx.width
    story.append(data_table(rows, [18 * mm, 50 * mm, 20 * mm, w - 88 * mm], extra=extra))
    return story
