"""One-cell edits as the window makes them (issue 13): CPU per edit, no sync, no server.

Types a "% done" into the projects register N times through registers.writes.write_cells, the path a
register cell edit takes (parse, check, one batch, the change-log triggers), on a copy of the file, and
prints one JSON object: CPU milliseconds per edit (this process alone, so less noisy under load than
wall time) and wall milliseconds. A batch that set `PRAGMA defer_foreign_keys` expired every prepared
statement of the connection, so each edit recompiled its statements and the change-log triggers; this
is where that shows.

    python benchmarks/cell_edit.py --file big.pmo [--edits 500]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, required=True, help="a portfolio (copied; the copy is edited)")
    ap.add_argument("--edits", type=int, default=500)
    args = ap.parse_args()

    from pmo_desktop.registers import writes
    from pmo_desktop.registers.columns import Formatting
    from pmo_desktop.registers.definitions import PROJECTS
    from pmo_desktop.store import open_portfolio

    fmt = Formatting(currency_symbol="£", currency="GBP", date_format="medium")
    col = [c.key for c in PROJECTS.columns].index("percent_complete")
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="pmo-cell-edit-") as tmp:
        copy = Path(tmp) / "copy.pmo"
        shutil.copy(args.file, copy)
        with open_portfolio(copy) as pf:
            ids = [r[0] for r in pf.conn.execute("SELECT id FROM projects")]
            cpu, wall, written = [], [], 0
            for _ in range(args.edits):
                row = rng.choice(ids)
                c0, w0 = time.process_time(), time.perf_counter()
                batch, _ = writes.write_cells(pf, PROJECTS, PROJECTS.columns, [row], [(0, col, str(rng.randint(0, 100)))],
                                   fmt, label="Edit")
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
                written += batch != 0
    print(json.dumps({
        "edits": args.edits,
        "edits_that_changed_a_value": written,
        "edit_cpu_ms_mean": round(1000 * statistics.fmean(cpu), 3),
        "edit_wall_ms_p50": round(1000 * statistics.median(wall), 3),
        "edit_wall_ms_p95": round(1000 * sorted(wall)[int(0.95 * (len(wall) - 1))], 3),
    }, indent=2))


if __name__ == "__main__":
    main()
