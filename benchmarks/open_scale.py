"""Scale check for the store: build a 10,000-project portfolio and time opening it.

Prints one JSON object: creation time, file size, row counts, and (measured in a fresh process so
caches of the builder do not help) the time to open the file and to load the project register rows,
with that process's peak RSS. Budget (DESIGN.md): open ≤ 3 s and ≤ 500 MB.

    python benchmarks/open_scale.py [--projects 10000] [--seed 7] [--keep PATH]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pmo_desktop.store import open_portfolio
t_import = time.perf_counter()
pf = open_portfolio(sys.argv[1])
t_open = time.perf_counter()
rows = pf.conn.execute(
    "SELECT p.id, p.code, p.name, g.name, p.stage, p.status, p.manager, p.start_date, p.finish_date, "
    "p.approved_budget, p.percent_complete, p.rag_overall FROM projects p "
    "LEFT JOIN programmes g ON g.id = p.programme_id ORDER BY p.code").fetchall()
t_rows = time.perf_counter()
counts = pf.counts()
pf.close()
print(json.dumps({
    "import_s": round(t_import - t0, 3),
    "open_s": round(t_open - t_import, 3),
    "load_register_rows_s": round(t_rows - t_open, 3),
    "open_and_load_s": round(t_rows - t_import, 3),
    "register_rows": len(rows),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    "counts": counts,
}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="keep the portfolio at this path")
    args = ap.parse_args()

    from pmo_desktop.demo import build_demo
    from pmo_desktop.store import create_portfolio

    folder = Path(tempfile.mkdtemp(prefix="pmo-bench-"))
    path = args.keep or folder / "scale.pmo"
    if path.exists():
        path.unlink()
    t0 = time.perf_counter()
    create_portfolio(path, populate=lambda pf: build_demo(pf, projects=args.projects, seed=args.seed)).close()
    created = time.perf_counter() - t0
    probe = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True)
    result = {
        "benchmark": "open_scale",
        "projects": args.projects,
        "seed": args.seed,
        "create_s": round(created, 2),
        "file_mb": round(path.stat().st_size / 1e6, 1),
        **json.loads(probe.stdout),
        "budget": {"open_s": 3.0, "peak_rss_mb": 500},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
