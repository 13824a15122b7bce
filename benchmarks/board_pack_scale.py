"""Board pack at scale: the demo portfolio with 100 projects (about 120 pages), as PDF and PowerPoint.

Builds the demo file first (not timed), then runs `pmo board-pack` to a PDF and to a .pptx, each in a
fresh child process, and reports each one's wall time, CPU time and peak RSS. Budgets: PDF <= 20 s and
<= 300 MB (DESIGN.md); PowerPoint <= 20 s.

    PYTHONPATH=. python benchmarks/board_pack_scale.py [--projects 100] [--lang zh-CN]
"""

from __future__ import annotations

import argparse
import json
import os
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


def _run(cmd: list[str], env: dict) -> tuple[float, float, float, dict]:
    """Run one child; its own wall time, CPU seconds, peak RSS (MB) and JSON output (os.wait4 gives
    each child's own usage, so the PDF and PowerPoint figures do not mix)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=ROOT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(err.read().strip())
        peak_kb = usage.ru_maxrss // (1024 if sys.platform == "darwin" else 1)
        return seconds, usage.ru_utime + usage.ru_stime, peak_kb / 1024, json.loads(out.read())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--lang", default="en", help="the pack's language (zh-CN: every text through the CJK face)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "demo.pmo"
        create_portfolio(source, populate=lambda pf: build_demo(pf, projects=args.projects, seed=1,
                                                                today=date(2026, 11, 27))).close()
        env = dict(os.environ, PYTHONPATH=str(ROOT), PMO_DESKTOP_DATA_DIR=folder)
        report = {"benchmark": "board_pack_scale", "projects": args.projects, "lang": args.lang}
        ok = True
        for kind, budget in (("pdf", {"seconds": 20, "peak_rss_mb": 300}), ("pptx", {"seconds": 20})):
            out = Path(folder) / f"pack.{kind}"
            seconds, cpu, rss, result = _run([sys.executable, "-m", "pmo_desktop", "board-pack", str(source),
                                              "-o", str(out), "--lang", args.lang, "--json"], env)
            within = seconds <= budget["seconds"] and rss <= budget.get("peak_rss_mb", float("inf"))
            ok = ok and within
            report[kind] = {"pages" if kind == "pdf" else "slides": result["pages" if kind == "pdf" else "slides"],
                            "bytes": out.stat().st_size, "seconds": round(seconds, 2),
                            "cpu_seconds": round(cpu, 2),  # less sensitive to a busy machine
                            "peak_rss_mb": round(rss, 1), "budget": budget, "within_budget": within}
        report["load_average_1min"] = round(os.getloadavg()[0], 2)
        report["within_budget"] = ok
        print(json.dumps(report))


if __name__ == "__main__":
    main()
