"""The dashboard says how many of the period's reports came from PMs' workbooks, and the latest."""

from __future__ import annotations

from pmo_desktop import collect
from pmo_desktop.gui.finance.dashboard_view import returns_text
from tests.collect.conftest import fill, workbook_for
from tests.gui.conftest import settled

OCTOBER = "2026-10-31"


def test_dashboard_names_returned_reports(window, qtbot, tmp_path):
    pf = window.portfolio
    collect.collect(pf, OCTOBER, tmp_path / "sent")
    path = fill(workbook_for(tmp_path / "sent", "PRJ-101"), {"Summary": "Back from the PM"})
    preview = collect.preview_returns(pf, [path], OCTOBER)
    collect.apply_returns(pf, preview)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("dashboard")
    view = window.pages["dashboard"]
    settled(view, qtbot)
    assert view.summary_data is not None
    entered = pf.conn.execute("SELECT count(*) FROM status_reports WHERE period = ? AND imported_at IS NULL",
                              (OCTOBER,)).fetchone()[0]
    text = view.returns_note.text()
    assert text.startswith("Reports from PMs: 1 (latest ") and text.endswith(f"· entered by the PMO: {entered}")
    assert returns_text({"returned": 0, "entered": 5, "latest": None}, None) == ""
