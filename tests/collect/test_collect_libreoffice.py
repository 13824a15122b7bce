"""A returned workbook re-saved by LibreOffice (which turns the very hidden marker sheet into a hidden
one and rewrites every style) is read back the same."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.collect.conftest import PERIOD, fill, run_json, workbook_for
from tests.gui.conftest import read


@pytest.mark.slow
def test_libreoffice_round_trip(demo_path, sent, tmp_path, capsys):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    path = fill(workbook_for(sent, "PRJ-101"), {"Overall RAG": "Red", "Summary": "Re-saved in LibreOffice"})
    out = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    try:
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                        "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"LibreOffice could not convert here: {exc}")
    converted = out / path.name
    if not converted.exists():
        pytest.skip("LibreOffice cannot write xlsx here (is libreoffice-calc installed?)")
    result = run_json(capsys, "collect", demo_path, "--import", converted)
    plan = result["workbooks"][0]
    assert plan["status"] == "applied", plan
    assert not [c for c in plan["changes"] if not c.startswith("report")]  # tables came back as sent
    pid = read(demo_path, "SELECT id FROM projects WHERE code = 'PRJ-101'")[0][0]
    assert read(demo_path, "SELECT rag_overall, summary FROM status_reports WHERE project_id = ? AND period = ?",
                (pid, PERIOD)) == [("R", "Re-saved in LibreOffice")]
