"""Services handed many ids at once, Qt-free: the register's rows for a page and for every project, and
the board pack's trends scoped to every project by id (ids go in as one JSON parameter: store.id_lists).

    PYTHONPATH=. python benchmarks/many_ids.py [--file PORTFOLIO] [--repeat N]

Without --file it builds `pmo new --demo --projects 10000 --seed 7` in a temporary folder. Each figure
is the median of --repeat runs. Prints one JSON object.
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

from pmo_desktop.finance.periods import default_period_end
from pmo_desktop.registers import query as Q
from pmo_desktop.registers.definitions import PROJECTS
from pmo_desktop.reports.trends_data import load_trends
from pmo_desktop.store import open_portfolio


def _median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


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
        try:
            ids = [r[0] for r in pf.conn.execute("SELECT id FROM projects ORDER BY id")]
            period = default_period_end(pf)
            out = {
                "projects": len(ids),
                "read_rows_page_200_ms": _median_ms(lambda: Q.read_rows(pf, PROJECTS, PROJECTS.columns, ids[:200]),
                                                    args.repeat),
                "read_rows_all_ms": _median_ms(lambda: Q.read_rows(pf, PROJECTS, PROJECTS.columns, ids), args.repeat),
                "trends_all_ids_ms": _median_ms(lambda: load_trends(pf, period, ids), max(1, args.repeat // 2)),
            }
        finally:
            pf.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
