"""A conflict names its record and field in the window's language, whatever table it is on."""

from __future__ import annotations

import pytest

from pmo_desktop.gui.shell.i18n import install_translators
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.store import open_portfolio
from pmo_desktop.sync import conflicts
from pmo_desktop.sync.tables import synced_tables

SAME_IN_CHINESE = {"ID", "WBS", "RAG", "FTE", "% done"}


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh-CN")
    yield
    install_translators(qapp, "en")


def test_every_synced_record_and_field_has_its_chinese_name(chinese, demo_path):
    with open_portfolio(demo_path, read_only=True) as pf:
        known = conflicts.labels(pf)
        tables = synced_tables(pf.db.conn)
        words = {conflicts._noun(t, known) for t in tables}
        words |= {conflicts.field_label(t, col, known) for t, info in tables.items() for col in info.columns}
    assert {"Calendar exception", "Lesson", "Project", "ID"} <= words
    english = sorted(w for w in words if shown(w) == w and w not in SAME_IN_CHINESE)
    assert not english, f"add to gui/sync/record_words.py and translate: {english}"
