"""Time portfolio_summary and its parts on a large portfolio; prints one JSON object.

    python -m pmo_desktop new /tmp/big.pmo --demo --projects 10000 --seed 7
    PYTHONPATH=. python benchmarks/summary_scale.py /tmp/big.pmo [--repeat 3]

Each figure is the best of `--repeat` runs, in seconds, on a read-only open file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

from pmo_desktop.finance import (
    portfolio_summary,
    project_earned_values,
    project_finances,
    project_rags,
    resolve_period,
    s_curve,
    spend_by_quarter,
    spend_split,
)
from pmo_desktop.store import open_portfolio

CPU: dict[str, float] = {}


def best(fn, repeat: int, name: str = "") -> tuple[float, object]:
    """Best wall time of `repeat` runs (and, in CPU[name], the best process CPU time: steadier on a
    shared machine)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    if name:
        CPU[name] = round(min(cpu), 4)
    return round(min(times), 4), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path, nargs="?", default=Path("/tmp/big.pmo"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with open_portfolio(args.file, read_only=True) as pf:
        counts = pf.counts()
        period = resolve_period(pf)
        t_fin, finances = best(lambda: project_finances(pf, period), args.repeat, "project_finances")
        t_ev, _ = best(lambda: project_earned_values(pf, period, finances), args.repeat, "earned_value")
        t_rag, _ = best(lambda: project_rags(pf, period, finances), args.repeat, "rags")
        t_series, _ = best(lambda: (s_curve(pf, period), spend_by_quarter(pf, period),
                                    spend_split(pf, period), spend_split(pf, period, "category")), args.repeat,
                              "series_and_splits")
        t_sum, summary = best(lambda: portfolio_summary(pf), args.repeat, "portfolio_summary")
        t_json, text = best(lambda: json.dumps(summary), args.repeat)
    print(json.dumps({
        "file": str(args.file),
        "projects": counts["projects"], "tasks": counts["tasks"], "budget_lines": counts["budget_lines"],
        "raid_items": counts["raid_items"], "period": period.end.isoformat(),
        "seconds": {"project_finances": t_fin, "earned_value": t_ev, "rags": t_rag,
                    "series_and_splits": t_series, "portfolio_summary": t_sum, "json_dump": t_json},
        "cpu_seconds": CPU,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "summary_json_bytes": len(text),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": sys.version.split()[0],
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
