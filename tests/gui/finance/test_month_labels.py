"""Months named in the window (the budget's "actuals to …" and its column heads, the financial summary's
header, Capacity's months) follow the one date-format setting and the window's language, as dates do."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from pmo_desktop.gui.finance.budget_view import FIXED
from pmo_desktop.gui.shell.i18n import install_translators
from pmo_desktop.store import open_portfolio
from tests.gui.conftest import shown_view


def _texts(window, qtbot) -> dict[str, str]:
    budget = shown_view(window, qtbot, "budget")
    oct_col = FIXED + budget.model.months.index(date(2026, 10, 1))
    capacity = shown_view(window, qtbot, "capacity")
    return {"budget": budget.period_label.text(),
            "budget column": budget.model.headerData(oct_col, Qt.Orientation.Horizontal).split("\n")[0],
            "finance": shown_view(window, qtbot, "finance").header.text(),
            "capacity from": capacity.from_box.currentText(), "capacity": capacity.summary()}


def test_month_labels_follow_the_date_format(window, qtbot):
    window.show()
    window.date_format_actions["iso"].trigger()
    texts = _texts(window, qtbot)
    assert "actuals to 2026-10" in texts["budget"] and texts["budget column"] == "2026-10"
    assert "actuals to 2026-10" in texts["finance"]
    assert texts["capacity from"] == "2026-10" and "2026-10 to 2027-09" in texts["capacity"]
    window.date_format_actions["medium"].trigger()
    texts = _texts(window, qtbot)
    assert "actuals to Oct 2026" in texts["budget"] and texts["budget column"] == "Oct 2026"
    assert "actuals to Oct 2026" in texts["finance"] and texts["capacity from"] == "Oct 2026"
    window.date_format_actions["dmy"].trigger()
    assert _texts(window, qtbot)["budget column"] == "10/2026"


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh-CN")
    yield
    install_translators(qapp, "en")


def test_month_labels_in_chinese(chinese, make_window, demo_path, qtbot):
    window = make_window(open_portfolio(demo_path))
    window.show()
    window.date_format_actions["medium"].trigger()
    texts = _texts(window, qtbot)
    assert "2026年10月" in texts["budget"] and texts["budget column"] == "2026年10月"
    assert "2026年10月" in texts["finance"] and texts["capacity from"] == "2026年10月"
    assert not any(m in " ".join(texts.values()) for m in ("Oct", "Nov", "Sep"))
