"""Contents: every section and project with its page number (filled in by multiBuild's passes).

The contents is given its final entries (with page 0) before the first pass, so it already has its
final height then: the second pass puts in the real numbers and nothing below it moves, which keeps
the pack to two layout passes instead of three."""

from __future__ import annotations

from reportlab.platypus import TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from pmo_desktop.reports.base import Heading
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.fonts import markup
from pmo_desktop.reports.lang import t

TITLE = "Contents"


def predicted_entries(data: PackData, ctx) -> list[tuple]:
    from pmo_desktop.reports.sections import SECTION_MODULES

    entries = []
    for name in ctx.sections:
        if name in ("cover", "contents"):
            continue
        entries.append((0, markup(t(SECTION_MODULES[name].TITLE)), 0, name))
        if name == "projects":
            entries += [(1, markup(f"{x.code}  {x.name}"), 0, f"project-{x.id}") for x in data.projects]
    return entries


def build(data: PackData, ctx) -> list:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [ctx.styles.toc0, ctx.styles.toc1]
    toc.tableStyle = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)])
    toc._entries = predicted_entries(data, ctx)  # reportlab moves these to _lastEntries before pass 1
    return [Heading(t(TITLE), ctx.styles.h1, key="contents", toc=False, section=t(TITLE)), toc]
