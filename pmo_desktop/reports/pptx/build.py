"""`write_deck()`: lay the sections' slides into a deck and save it to `path` (the caller saves to a
temporary file and renames it over the output only when complete)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pmo_desktop.reports.base import fmt_date
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import t
from pmo_desktop.reports.pptx import writer
from pmo_desktop.reports.pptx.deck import Deck, Theme, logo_png


def write_deck(data: PackData, sections: tuple[str, ...], path: Path, tick: Callable[[], None]) -> tuple[int, list[str]]:
    """Returns (slides written, sections left out for want of a writer)."""
    theme = Theme(portfolio=data.portfolio, organisation=data.organisation, period_label=fmt_date(data.period),
                  confidentiality=data.confidentiality, logo_png=logo_png(data.logo))
    deck = Deck(theme)
    modules = [(name, writer(name)) for name in sections]
    deck.sections = sections
    deck.titles = [t(m.TITLE) for name, m in modules if m is not None and name not in ("cover", "contents")]
    deck.tick = tick
    for name, module in modules:
        if module is None:
            continue
        deck.section = t(module.TITLE) if name != "cover" else ""
        module.build(deck, data)
        if name != "projects":
            tick()
    with open(path, "wb") as fh:
        deck.prs.save(fh)
    return len(deck.prs.slides), [name for name, m in modules if m is None]
