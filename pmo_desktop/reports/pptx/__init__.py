"""The board pack as editable PowerPoint: the same sections as the PDF, one writer module per section
(`TITLE` and `build(deck, data)`), all drawing from the same plain data (reports.data.PackData).

The order and names are the PDF's (reports.sections.SECTION_MODULES); a section without a writer
here is left out of the deck (and named in the result), so a section added to the PDF alone still
builds.
"""

from __future__ import annotations

import importlib

WRITERS = ("cover", "contents", "summary", "status", "trends", "roadmap", "financials", "capacity", "benefits", "risks",
           "milestones", "changes", "programmes", "projects", "appendix")


def writer(name: str):
    """The slide writer of a section, or None when the deck has none for it."""
    if name not in WRITERS:
        return None
    return importlib.import_module(f"pmo_desktop.reports.pptx.{name}")
