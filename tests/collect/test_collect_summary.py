"""Who has returned and who is missing, and the reminder e-mail that lists who is late."""

from __future__ import annotations

from openpyxl import Workbook

from pmo_desktop import collect
from pmo_desktop.store import open_portfolio
from tests.collect.conftest import PERIOD, fill, workbook_for


def test_summary_and_reminder_name_who_is_late(demo_path, sent):
    pf = open_portfolio(demo_path)
    try:
        pf.set_settings({"date_format": "dmy", "organisation": "Northwind PMO"})
        path = fill(workbook_for(sent, "PRJ-101"), {"Summary": "Back"})
        collect.apply_returns(pf, collect.preview_returns(pf, [path], PERIOD))
        summary = collect.return_summary(pf, PERIOD)
        assert [r["code"] for r in summary["returned"]] == ["PRJ-101"]
        assert summary["returned"][0]["returned_at"] and summary["returned"][0]["file"].startswith("PRJ-101 ")
        late = summary["missing"]
        text = collect.reminder_text(pf, PERIOD, summary)
        assert text.startswith("Subject: Reminder: status report for the period ending 30/11/2026")
        assert text.rstrip().endswith("Northwind PMO")
        for m in late:
            assert f"  - {m['code']} {m['name']}" in text
            if m["manager"]:
                assert f"({m['manager']})" in text
        assert "PRJ-101" not in text
        for m in late + summary["entered"]:
            pid = pf.conn.execute("SELECT id FROM projects WHERE code = ?", (m["code"],)).fetchone()[0]
            with pf.batch("test", "typed in"):
                pf.conn.execute("INSERT OR IGNORE INTO status_reports (project_id, period, rag_overall) "
                                "VALUES (?, ?, 'G')", (pid, PERIOD))
        assert collect.return_summary(pf, PERIOD)["missing"] == []
        assert collect.reminder_text(pf, PERIOD).startswith("Every status report for the period ending 30/11/2026")
    finally:
        pf.close()


def test_only_collect_workbooks_are_recognised(sent, tmp_path):
    other = tmp_path / "register.xlsx"
    Workbook().save(other)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK not really")
    assert collect.is_status_workbook(workbook_for(sent, "PRJ-101"))
    assert not collect.is_status_workbook(other) and not collect.is_status_workbook(junk)
    assert not collect.is_status_workbook(tmp_path / "missing.xlsx")
