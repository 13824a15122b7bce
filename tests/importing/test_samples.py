"""Every real workbook and CSV in ../shared/samples: a clean import or a precise refusal, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"  # as in tests/conftest.py

FILES = sorted(p.name for folder in ("xlsx", "csv") for p in (SAMPLES / folder).glob("*")) if SAMPLES.is_dir() else []

# What each sample imports as (sheet -> (kind, new rows, rows with errors)), with --project SAMPLE.
EXPECTED = {
    "pmo_toolkit_raid_log.xlsx": {"Raid Log": ("raid", 4, 0)},
    "pranit_raid_log.xlsx": {"RAID LOG": ("raid", 12, 0)},
    "nchaulagai_risk_register.xlsx": {"Issue Register": ("raid", 3, 0)},
    "pmo_portfolio_project_schedule.xlsx": {"Sheet1": ("tasks", 27, 0), "Sheet2": ("tasks", 11, 11)},  # pivot repeats WBS
    "obehi_gantt_chart_cpm.xlsx": {"CPM": ("tasks", 55, 0)},
    "ngond002_wbs_budget.xlsx": {"Sheet1": ("tasks", 65, 0)},
    "pranit_project_schedule.xlsx": {"Project Schedule": ("tasks", 6, 0)},
    "shubham_project_tracker.xlsx": {"Sheet1": ("tasks", 3, 0)},
    "codebook666_jira_export.csv": {"codebook666_jira_export": ("raid", 20, 0)},
    "g2m_ganttproject_export_ko.csv": {"g2m_ganttproject_export_ko": ("tasks", 27, 0)},
    "ngond002_wbs.csv": {"ngond002_wbs": ("tasks", 65, 0)},
    "pmo_portfolio_kpi_export.csv": {"pmo_portfolio_kpi_export": ("tasks", 27, 0)},
    "arundathi_project_plan_detailed.csv": {"arundathi_project_plan_detailed": ("tasks", 8, 0)},
    "nandita_jira_export.csv": {"nandita_jira_export": ("raid", 0, 20)},  # its project key RET is not ours
    "nandita_issue_log.xlsx": {"Sheet1": ("raid", 0, 6)},  # nor is 'Retail Shopping'
    "adele_risk_register.xlsx": {"1. Risk Assessment": ("raid", 20, 0)},  # its footnote and references are not risks
}
REFUSED = {"saisreyat_project_budget.xlsx": "could be recognised as a register"}


@pytest.fixture
def sample_portfolio(tmp_path):
    from pmo_desktop.store import create_portfolio
    from pmo_desktop.store.rows import insert_row

    path = tmp_path / "s.pmo"
    pf = create_portfolio(path)
    insert_row(pf, "projects", {"code": "SAMPLE", "name": "Sample project"})
    pf.close()
    return path


@pytest.mark.parametrize("name", FILES)
def test_sample_imports_or_says_why(samples, name, sample_portfolio, pmo_json):
    path = next(p for p in (samples / "xlsx" / name, samples / "csv" / name) if p.exists())
    code, out, err = pmo_json(["import", sample_portfolio, path, "--project", "SAMPLE", "--skip-errors"])
    assert "Traceback" not in err and "unexpected error" not in err
    if name in REFUSED:
        assert code == 1 and out is None and err.count("\n") == 1 and REFUSED[name] in err
        return
    assert code == 0, err
    got = {s["sheet"]: (s["kind"], s["counts"]["new"], s["counts"]["error"]) for s in out["sheets"]}
    for sheet in out["sheets"]:
        for row in sheet["rows"]:
            for error in row.get("errors", []):
                assert error["row"] >= 1 and error["reason"]
    if name in EXPECTED:
        assert got == EXPECTED[name]
    assert out["applied"]["inserted"] >= out["counts"]["new"]

