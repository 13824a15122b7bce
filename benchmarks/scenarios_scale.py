"""Scale check for what-if scenarios: compare live and four scenarios on the 10,000-project portfolio.

Each scenario changes 100 projects (cancel, defer 3-12 months, budget ±%, an amount, fund, re-score),
as a board's options paper might. `compare_s` is the whole of `pmo scenario FILE compare live A B C D`
without process start: reading live once, then every column (spend by FY, funding line, capacity by team
and month, cash benefits by FY, alignment). DESIGN.md's budget is 3 s (wall clock); `compare_cpu_s` is the
process's own CPU time, which a busy shared machine does not inflate (see `load_average_1m`). `apply_s` and `undo_s` are one
scenario written to live as one batch and undone again (on a copy). `benefits_realisation_s` is
`pmo benefits` without process start (and what the dashboard tile adds to its read);
`benefits_register_open_s` is the Benefits register's read as its view opens (who is at risk, the ids,
the first page) and `benefits_register_sort_s` a sort by realised to date. Prints one JSON object.

    python benchmarks/scenarios_scale.py [--projects 10000] [--seed 7] [--file PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

NAMES = ["Defer wave 2", "Cut 10%", "Fund growth", "Cancel low scorers"]


def _scenarios(pf) -> None:
    from pmo_desktop.scenarios import model

    if set(NAMES) <= set(model.scenario_names(pf)):
        return
    rng = random.Random(7)
    open_codes = [r[0] for r in pf.conn.execute(
        "SELECT code FROM projects WHERE stage IN ('Initiation', 'Planning', 'Execution') "
        "AND coalesce(status, '') NOT IN ('Completed', 'Cancelled') ORDER BY code")]
    ideas = [r[0] for r in pf.conn.execute("SELECT code FROM projects WHERE stage = 'Idea' ORDER BY code")]
    for i, name in enumerate(NAMES):
        model.new_scenario(pf, name)
        for code in rng.sample(open_codes, 100):
            kind = (i + rng.randrange(4)) % 4
            if kind == 0:
                model.set_change(pf, name, code, defer=f"{rng.choice([3, 6, 9, 12])}m")
            elif kind == 1:
                model.set_change(pf, name, code, budget=rng.choice(["-10%", "-20%", "+5%", "250k", "-100k"]))
            elif kind == 2:
                model.set_change(pf, name, code, cancel=True)
            else:
                model.set_change(pf, name, code, scores={"strategic_alignment": rng.randint(1, 5)})
        for code in rng.sample(ideas, 10):
            model.set_change(pf, name, code, fund=True)


def _register_open(pf) -> float:
    """The Benefits register as its view opens it: who is at risk now (benefits.model, per project
    calendar), the register built over that, the matching ids and the first page of rows."""
    from pmo_desktop.benefits.registers import benefits_register, risk_reasons
    from pmo_desktop.registers import query

    t0 = time.perf_counter()
    register = benefits_register(pf, at_risk=risk_reasons(pf))
    ids = query.matching_ids(pf, query.RegisterQuery(register, register.columns))
    query.read_rows(pf, register, register.columns, ids[:200])
    return time.perf_counter() - t0


def _register_sort(pf) -> float:
    """Sorting the register by a worked-out column (realised to date, a subquery per benefit)."""
    from pmo_desktop.benefits.registers import benefits_register
    from pmo_desktop.registers import query

    register = benefits_register(pf, at_risk={})
    t0 = time.perf_counter()
    query.matching_ids(pf, query.RegisterQuery(register, register.columns, sort=("realised_to_date", True)))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--file", type=Path, help="use (or build and keep) the portfolio at this path")
    args = ap.parse_args()

    from pmo_desktop.benefits.realisation import portfolio_realisation
    from pmo_desktop.demo import build_demo
    from pmo_desktop.scenarios.apply import apply_scenario
    from pmo_desktop.scenarios.compare import compare
    from pmo_desktop.store import create_portfolio, open_portfolio

    path = args.file or Path(tempfile.mkdtemp(prefix="pmo-bench-")) / "scenarios.pmo"
    created = None
    if not path.exists():
        t0 = time.perf_counter()
        create_portfolio(path, populate=lambda pf: build_demo(pf, projects=args.projects, seed=args.seed)).close()
        created = round(time.perf_counter() - t0, 2)
    with open_portfolio(path) as pf:
        _scenarios(pf)
    times = []
    with open_portfolio(path, read_only=True) as pf:
        counts = {t: pf.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("projects", "budget_lines", "allocations", "people", "benefits", "benefit_measurements")}
        cpu = []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            result = compare(pf, ["live", *NAMES])
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        realisation = []
        for _ in range(3):
            t0 = time.perf_counter()
            portfolio_realisation(pf)
            realisation.append(time.perf_counter() - t0)
        register, register_sort = [], []
        for _ in range(3):
            register.append(_register_open(pf))
            register_sort.append(_register_sort(pf))
    copy = Path(tempfile.mkdtemp(prefix="pmo-bench-")) / "apply.pmo"
    shutil.copy(path, copy)
    with open_portfolio(copy) as pf:
        t0 = time.perf_counter()
        applied = apply_scenario(pf, NAMES[0])
        apply_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pf.undo(applied["batch"])
        undo_s = time.perf_counter() - t0
    shutil.rmtree(copy.parent, ignore_errors=True)
    print(json.dumps({
        "file": str(path), "created_s": created, **counts,
        "scenarios": len(NAMES), "changes_per_scenario": 110,
        "compare_s": round(min(times), 3), "compare_worst_s": round(max(times), 3), "budget_s": 3.0,
        "compare_cpu_s": round(min(cpu), 3), "within_budget": max(times) <= 3.0,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "funded_counts": [c["funding"]["funded_count"] for c in result["columns"]],
        "apply_s": round(apply_s, 3), "undo_s": round(undo_s, 3),
        "benefits_realisation_s": round(min(realisation), 3),
        "benefits_register_open_s": round(min(register), 3), "benefits_register_sort_s": round(min(register_sort), 3),
    }))


if __name__ == "__main__":
    main()
