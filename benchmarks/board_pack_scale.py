"""Board pack at scale: the demo portfolio with 100 projects (about 120 pages).

Builds the demo file first (not timed), then runs `pmo board-pack` in a fresh child process and
reports its wall time and peak RSS. Budget (DESIGN.md): <= 20 s and <= 300 MB.

    PYTHONPATH=. python benchmarks/board_pack_scale.py [--projects 100]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pmo_desktop.demo import build_demo  # noqa: E402
from pmo_desktop.store import create_portfolio  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "demo.pmo"
        out = Path(folder) / "pack.pdf"
        create_portfolio(source, populate=lambda pf: build_demo(pf, projects=args.projects, seed=1,
                                                                today=date(2026, 11, 27))).close()
        env = dict(os.environ, PYTHONPATH=str(ROOT), PMO_DESKTOP_DATA_DIR=folder)
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "pmo_desktop", "board-pack", str(source), "-o", str(out), "--json"],
                             capture_output=True, text=True, env=env, cwd=ROOT)
        seconds = time.perf_counter() - start
        if run.returncode != 0:
            raise SystemExit(run.stderr.strip())
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_kb = usage.ru_maxrss
        if sys.platform == "darwin":
            peak_kb //= 1024
        result = json.loads(run.stdout)
        print(json.dumps({
            "benchmark": "board_pack_scale",
            "projects": args.projects,
            "pages": result["pages"],
            "pdf_bytes": out.stat().st_size,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),  # less sensitive to a busy machine
            "load_average_1min": round(os.getloadavg()[0], 2),
            "peak_rss_mb": round(peak_kb / 1024, 1),
            "budget": {"seconds": 20, "peak_rss_mb": 300},
            "within_budget": seconds <= 20 and peak_kb / 1024 <= 300,
        }))


if __name__ == "__main__":
    main()
