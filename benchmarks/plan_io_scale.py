"""MS Project XML at scale: export a 10,000-task / 15,000-link plan, read it back, import it.

    PYTHONPATH=. python benchmarks/plan_io_scale.py [--tasks N] [--links M]

Prints one JSON object: seconds to write the MSPDI file, its size, seconds to read it (streaming,
defusedxml), seconds to apply it as a new project, and whether the round trip kept every date.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from schedule_scale import build, store_plan  # noqa: E402

from pmo_desktop.plans_io import apply_plan, read_mspdi, write_mspdi  # noqa: E402
from pmo_desktop.scheduling import reschedule  # noqa: E402
from pmo_desktop.store import create_portfolio  # noqa: E402


def main() -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=10_000)
    ap.add_argument("--links", type=int, default=15_000)
    args = ap.parse_args()
    tasks, links = build(args.tasks, args.links)
    with tempfile.TemporaryDirectory() as tmp:
        pf = create_portfolio(Path(tmp) / "io.pmo")
        with pf.batch("cli", "load"):
            store_plan(pf, tasks, links, owners=True)
        reschedule(pf, "BIG")
        out = Path(tmp) / "big.xml"
        t0 = time.perf_counter()
        write_mspdi(pf, "BIG", out)
        write_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        plan = read_mspdi(out)
        read_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = apply_plan(pf, plan)
        apply_s = time.perf_counter() - t0
        rows = {}
        for code in ("BIG", result.project):
            rows[code] = pf.conn.execute(
                """SELECT t.name, t.start_date, t.finish_date FROM tasks t JOIN projects p ON p.id = t.project_id
                   WHERE p.code = ? ORDER BY t.sort_order""", (code,)).fetchall()
        kept = rows["BIG"] == rows[result.project]
        again = reschedule(pf, result.project).changed
        pf.close()
        size = os.path.getsize(out)
    return {"tasks": len(tasks), "links": len(links), "file_mb": round(size / 2**20, 1),
            "write_s": round(write_s, 3), "read_s": round(read_s, 3), "apply_s": round(apply_s, 3),
            "round_trip_keeps_dates": kept, "links_after": result.links, "reschedule_changes_after_import": again,
            "load_average_1min": round(os.getloadavg()[0], 2)}


if __name__ == "__main__":
    json.dump(main(), sys.stdout, indent=2)
    sys.stdout.write("\n")
