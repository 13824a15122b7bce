"""Scale check for collecting status reports: write the workbooks for every active project, fill 200
of them as project managers would (RAGs, text, a closed risk, a new issue, a moved milestone, a
forecast), then time reading, previewing and applying the 200 returns (one batch each).
Budget (issue 21): 200 returned workbooks imported in <= 20 s. Prints one JSON object.

    python benchmarks/collect_scale.py [--returns 200] [--projects 280] [--seed 3]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def _fill(path: Path, i: int) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Status report"]
    rows = {c.value: c.row for c in ws["A"] if isinstance(c.value, str)}
    ws.cell(rows["Overall RAG"], 2).value = ("Green", "Amber", "Red")[i % 3]
    ws.cell(rows["Summary"], 2).value = f"Returned report {i}: progress as planned, one supplier issue."
    raid = wb["RAID"]
    refs = [r for r in range(4, raid.max_row + 1) if raid.cell(r, 1).value]
    if refs:
        raid.cell(refs[0], 6).value = "Closed"
    new = (refs[-1] if refs else 3) + 1
    raid.cell(new, 2).value, raid.cell(new, 3).value = "Issue", f"New issue from return {i}"
    ms = wb["Milestones"]
    if ms.cell(4, 1).value:
        ms.cell(4, 4).value = "2027-06-30"
    fc = wb["Forecast"]
    if fc.cell(4, 1).value:
        fc.cell(4, 5).value = 12345 + i
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--returns", type=int, default=200)
    ap.add_argument("--projects", type=int, default=280)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()

    from pmo_desktop import collect
    from pmo_desktop.demo import build_demo
    from pmo_desktop.store import create_portfolio, open_portfolio

    work = Path(tempfile.mkdtemp(prefix="pmo-collect-bench-"))
    path = work / "collect.pmo"
    create_portfolio(path, populate=lambda pf: build_demo(pf, projects=args.projects, seed=args.seed)).close()
    with open_portfolio(path) as pf:
        period = collect.parse_period(pf, None)
        t0 = time.perf_counter()
        written = collect.collect(pf, period, work / "sent")
        write_s = time.perf_counter() - t0
    files = sorted((work / "sent").iterdir())[: args.returns]
    if len(files) < args.returns:
        raise SystemExit(f"only {len(files)} active projects; raise --projects")
    for i, f in enumerate(files):
        _fill(f, i)
    with open_portfolio(path) as pf:
        t0 = time.perf_counter()
        preview = collect.preview_returns(pf, files, period)
        read_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        batches = collect.apply_returns(pf, preview)
        apply_s = time.perf_counter() - t1
        counts = preview.counts()
    total = read_s + apply_s
    print(json.dumps({
        "active_projects": len(written.written), "workbooks_written": len(written.written),
        "write_all_s": round(write_s, 2), "write_per_workbook_ms": round(1000 * write_s / len(written.written), 1),
        "returned": len(files), "read_and_preview_s": round(read_s, 2), "apply_s": round(apply_s, 2),
        "import_total_s": round(total, 2), "per_workbook_ms": round(1000 * total / len(files), 1),
        "batches": len(batches), "counts": counts, "budget_s": 20, "within_budget": total <= 20,
    }))


if __name__ == "__main__":
    main()
