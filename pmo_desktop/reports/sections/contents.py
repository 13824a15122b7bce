"""Contents: every section and project with its page number (filled in by multiBuild's passes)."""

from __future__ import annotations

from reportlab.platypus.tableofcontents import TableOfContents

from pmo_desktop.reports.base import Heading
from pmo_desktop.reports.data import PackData

TITLE = "Contents"


def build(data: PackData, ctx) -> list:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [ctx.styles.toc0, ctx.styles.toc1]
    return [Heading(TITLE, ctx.styles.h1, key="contents", toc=False, section=TITLE), toc]
