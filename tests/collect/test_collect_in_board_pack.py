"""The board pack says which reports came back from project managers, and when."""

from __future__ import annotations

import pypdf

from tests.collect.conftest import fill, run, run_json, workbook_for
from tests.gui.conftest import read

OCTOBER = "2026-10-31"


def test_status_page_and_project_page_name_the_returned_report(demo_path, tmp_path, capsys):
    sent = tmp_path / "sent"
    assert run(capsys, "collect", demo_path, "--period", OCTOBER, "-o", sent)[0] == 0
    path = fill(workbook_for(sent, "PRJ-101"), {"Reported by": "Isabelle Fournier", "Summary": "From the PM"})
    assert run_json(capsys, "collect", demo_path, "--import", path)["counts"]["applied"] == 1
    programme = read(demo_path, """SELECT g.name FROM projects p JOIN programmes g ON g.id = p.programme_id
                                   WHERE p.code = 'PRJ-101'""")[0][0]
    out = tmp_path / "pack.pdf"
    code, _out, err = run(capsys, "board-pack", demo_path, "-o", out, "--period", OCTOBER,
                          "--sections", "status", "projects", "--programme", programme)
    assert code == 0, err
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(out).pages)
    reported = read(demo_path, """SELECT count(*) FROM status_reports s JOIN projects p ON p.id = s.project_id
                                  JOIN programmes g ON g.id = p.programme_id WHERE g.name = ? AND s.period = ?""",
                    (programme, OCTOBER))[0][0]
    assert f"Reports returned by project managers: 1 of {reported}" in text
    assert "Report from Isabelle Fournier" in text
