"""Appendix: the data-quality findings of `pmo check` (stale reports, missing owners, dates out of order)."""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.lib.units import mm

from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports.base import data_table, empty_note, p, section_heading
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import cjk_font_path

TITLE = "Appendix: data quality"
RULES = {"missing_status_report": "No status report", "finish_before_start": "Dates out of order",
         "overdue_milestone": "Overdue milestone", "risk_without_owner": "Risk without owner"}
SEVERITY_COLOUR = {"error": Rag.RED.colour, "warning": "#9A5B00", "info": "#616161"}


def build(data: PackData, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "appendix")]
    if cjk_font_path() is None:
        story.append(p("Note: no Chinese/Japanese/Korean font was found on this computer, so such names may print "
                       "as empty boxes (they remain searchable text).", s.body))
    if not data.findings:
        return story + [empty_note("No data-quality findings: the checks found nothing to fix.", s)]
    counts = Counter(RULES.get(f.rule, f.rule) for f in data.findings)
    story.append(p(f"{len(data.findings)} findings from the portfolio checks as at {data.today:%d %b %Y}: "
                   + ", ".join(f"{n} × {rule}" for rule, n in counts.most_common()) + ".", s.body))
    rows = [[p(h, s.head) for h in ("Severity", "Check", "Project", "Finding")]]
    extra = []
    for i, f in enumerate(data.findings, start=1):
        rows.append([f.severity.capitalize(), p(RULES.get(f.rule, f.rule), s.cell), p(f.project or "–", s.cell),
                     p(f.message, s.cell)])
        extra.append(("TEXTCOLOR", (0, i), (0, i), colors.HexColor(SEVERITY_COLOUR.get(f.severity, "#616161"))))
    w = ctx.width
    story.append(data_table(rows, [18 * mm, 34 * mm, 20 * mm, w - 72 * mm], extra=extra))
    return story
