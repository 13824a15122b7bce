"""The registers service at scale: sort, filter and first page of the 10,000-project register, Qt-free.

    PYTHONPATH=. python benchmarks/register_query.py [--file PORTFOLIO] [--repeat N]

Without --file it builds `pmo new --demo --projects 10000 --seed 7` in a temporary folder. Each figure
is the median of --repeat runs of registers.query.matching_ids (the ordered ids of the rows shown) plus
read_rows for the first page of 200: what the item model asks for when a sort or filter changes.
Finish dates of planned projects are shown from the plan and sorted by the stored copy. Prints one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pmo_desktop.registers import query as Q
from pmo_desktop.registers.definitions import PROJECTS
from pmo_desktop.store import open_portfolio

CASES = [("sort_budget_desc", ("approved_budget", True), {}), ("sort_finish", ("finish_date", False), {}),
         ("filter_status_active", None, {"status": "Active"}), ("unsorted", None, {})]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path = Path(tmp) / "big.pmo"
            subprocess.run([sys.executable, "-m", "pmo_desktop", "new", str(path), "--demo", "--projects", "10000",
                            "--seed", "7"], check=True, capture_output=True)
        pf = open_portfolio(path, read_only=True)
        out: dict[str, float | int] = {}
        try:
            for label, sort, filters in CASES:
                times = []
                for _ in range(args.repeat):
                    query = Q.RegisterQuery(PROJECTS, PROJECTS.columns, filters=dict(filters), sort=sort)
                    start = time.perf_counter()
                    ids = Q.matching_ids(pf, query)
                    Q.read_rows(pf, PROJECTS, PROJECTS.columns, ids[:200])
                    times.append((time.perf_counter() - start) * 1000)
                out[f"{label}_ms"] = round(statistics.median(times), 1)
            out["projects"] = Q.register_total(pf, PROJECTS)
            out["budget_ms"] = 100
        finally:
            pf.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
