"""Scale check for governance: health checks, book of work, re-ranking, gate schedule, lessons search.

Builds (or reuses) a demo portfolio and times each service on it. `run_checks_s` includes SQLite's
full integrity check (what `pmo check` runs); `health_rules_only_s` is what the Health view runs. The re-rank figure is what a view
pays when a weight or the cap changes (the pure `rank_book` on candidates already loaded); compare it
with DESIGN.md's 100 ms sort/filter budget. Prints one JSON object.

    python benchmarks/governance_scale.py [--projects 10000] [--seed 7] [--file PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path


def _best(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--file", type=Path, help="use (or build and keep) the portfolio at this path")
    args = ap.parse_args()

    from pmo_desktop.checks import run_checks
    from pmo_desktop.demo import build_demo
    from pmo_desktop.governance import gates, lessons, scoring
    from pmo_desktop.store import create_portfolio, open_portfolio

    path = args.file or Path(tempfile.mkdtemp(prefix="pmo-bench-")) / "governance.pmo"
    created = None
    if not path.exists():
        t0 = time.perf_counter()
        create_portfolio(path, populate=lambda pf: build_demo(pf, projects=args.projects, seed=args.seed)).close()
        created = round(time.perf_counter() - t0, 2)
    today = date.today()
    with open_portfolio(path, read_only=True) as pf:
        checks_s, result = _best(lambda: run_checks(pf, today=today), repeat=3)
        rules_s, _ = _best(lambda: run_checks(pf, today=today, integrity=False), repeat=3)
        book_s, book = _best(lambda: scoring.book_of_work(pf, cap=50_000_000_00))
        cands = scoring.candidates(pf)
        criteria = [dict(c) for c in scoring.scoring_criteria(pf)]
        rerank = []
        for w in range(0, 60, 5):
            criteria[0]["weight"] = w
            t0 = time.perf_counter()
            scoring.rank_book(cands, criteria, cap=(w + 1) * 1_000_000_00)
            rerank.append(time.perf_counter() - t0)
        gates_s, schedule = _best(lambda: gates.gate_schedule(pf, today=today))
        search_s, found = _best(lambda: lessons.search_lessons(pf, text="vendor"))
        projects = pf.conn.execute("SELECT count(*) FROM projects").fetchone()[0]
        reviews = pf.conn.execute("SELECT count(*) FROM gate_reviews").fetchone()[0]
        n_lessons = pf.conn.execute("SELECT count(*) FROM lessons").fetchone()[0]
    print(json.dumps({
        "benchmark": "governance_scale",
        "projects": projects, "gate_reviews": reviews, "lessons": n_lessons, "create_s": created,
        "run_checks_s": round(checks_s, 3), "health_rules_only_s": round(rules_s, 3),
        "findings": len(result.findings),
        "book_of_work_s": round(book_s, 3), "book_rows": len(book.rows),
        "rerank_median_ms": round(statistics.median(rerank) * 1000, 2),
        "rerank_max_ms": round(max(rerank) * 1000, 2),
        "gate_schedule_s": round(gates_s, 4), "gates_overdue": len(schedule["overdue"]),
        "lessons_search_s": round(search_s, 4), "lessons_found": len(found),
        "budget": {"rerank_ms": 100},
    }, indent=2))


if __name__ == "__main__":
    main()
