"""Schedule 10,000 tasks with 15,000 links in working minutes with calendars (budget: 0.2 s). Prints one
JSON object.

Durations are working minutes (half days, hours, whole days), lags are working minutes with some in
elapsed time and some in percent, the plan calendar has holidays and short days with their own
hours, and one task in fifty is on an evening-shift calendar of its own. Times the engine alone
(instants in, instants out) and the whole `reschedule` of a stored plan
(read from SQLite, schedule, write every changed date in one batch). Wall-clock and CPU seconds
are both given, with the machine's load average, because a shared machine inflates wall time.

Then a portfolio: 10,000 projects of 15 tasks (a phase, 13 tasks, a milestone; links inside each) with
2,000 links between projects (a milestone of one project gating a task of a later one), rescheduled
in link order in one run (budget: 5 s).

    PYTHONPATH=. python benchmarks/schedule_scale.py [--tasks N] [--links M] [--projects P] [--cross L]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pmo_desktop.scheduling import LinkInput, TaskInput, WorkCalendar, reschedule, schedule  # noqa: E402
from pmo_desktop.store import create_portfolio  # noqa: E402

START = date(2026, 1, 5)


EVENING = WorkCalendar("1111100", origin=START, week_hours={d: ((1080, 1320),) for d in range(7)})


def build(n_tasks: int, n_links: int, seed: int = 7):
    """Tasks in phases of 20 under summary tasks; links run forward (FS mostly, all types, lags in
    working minutes from -3 to +5 days, one in ten elapsed, one in fifty a percent)."""
    rng = random.Random(seed)
    tasks, links = [], []
    summary = None
    for i in range(1, n_tasks + 1):
        if i % 21 == 1:
            summary = i
            tasks.append(TaskInput(i, f"Phase {i // 21 + 1}", None, "summary"))
            continue
        kind = "milestone" if i % 21 == 0 else "task"
        start = datetime.fromordinal(START.toordinal() + rng.randint(0, 700)) + timedelta(hours=rng.choice((8, 13)))
        minutes = 0 if kind == "milestone" else rng.choice((60, 120, 240, 480, 720, 960, 2400, 4800))
        tasks.append(TaskInput(i, f"Task {i}", summary, kind, start, None, duration_minutes=minutes,
                               calendar=EVENING if i % 50 == 7 else None))
    leaves = [t.id for t in tasks if t.kind != "summary"]
    seen = set()
    types = ["FS"] * 7 + ["SS", "FF", "SF"]
    while len(links) < n_links:
        a = rng.randrange(len(leaves) - 1)
        b = min(len(leaves) - 1, a + rng.randint(1, 60))
        pair = (leaves[a], leaves[b])
        if pair in seen:
            continue
        seen.add(pair)
        roll = rng.random()
        if roll < 0.02:
            links.append(LinkInput(*pair, rng.choice(types), lag_percent=rng.choice((25, 50))))
        elif roll < 0.12:
            links.append(LinkInput(*pair, rng.choice(types), lag_minutes=rng.choice((1440, 2880)), elapsed=True))
        else:
            links.append(LinkInput(*pair, rng.choice(types), lag_minutes=rng.randint(-3, 5) * rng.choice((60, 480))))
    return tasks, links


def store_plan(pf, tasks, links, code: str = "BIG", owners: bool = False) -> int:
    """Write the built plan as project `code` (inside the caller's batch); returns its id."""
    pid = pf.conn.execute("INSERT INTO projects (code, name, start_date) VALUES (?, 'Big plan', ?)",
                          (code, START.isoformat())).lastrowid
    pf.conn.executemany(
        """INSERT INTO tasks (id, project_id, parent_id, name, kind, start_date, start_at, duration_minutes,
           sort_order, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(t.id, pid, t.parent_id, t.name, t.kind, t.start.date().isoformat() if t.start else None,
          t.start.isoformat(timespec="minutes") if t.start else None, t.duration_minutes, t.id,
          f"Person {t.id % 40}" if owners else None) for t in tasks])
    pf.conn.executemany(
        """INSERT INTO dependencies (predecessor_id, successor_id, type, lag_minutes, lag_format, lag_percent)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [(lk.predecessor_id, lk.successor_id, lk.type, lk.lag_minutes,
          19 if lk.lag_percent is not None else 8 if lk.elapsed else 5, lk.lag_percent) for lk in links])
    return pid


def portfolio_run(n_projects: int, n_cross: int, seed: int = 11) -> dict:
    """Reschedule a portfolio of n_projects x 15 tasks with n_cross links between projects."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        pf = create_portfolio(Path(tmp) / "portfolio.pmo")
        with pf.batch("cli", "load"):
            pf.conn.executemany("INSERT INTO projects (id, code, name, start_date) VALUES (?, ?, ?, ?)",
                                [(p, f"P{p:05d}", f"Project {p}", START.isoformat()) for p in range(1, n_projects + 1)])
            rows, links = [], []
            for p in range(1, n_projects + 1):
                base = (p - 1) * 15
                start = START + timedelta(days=rng.randint(0, 400))
                rows.append((base + 1, p, None, "Phase", "summary", None, None, 1))
                for k in range(2, 15):
                    rows.append((base + k, p, base + 1, f"Task {k}", "task", start.isoformat(),
                                 rng.choice((240, 480, 960, 2400)), k))
                rows.append((base + 15, p, base + 1, "Done", "milestone", None, 0, 15))
                for k in range(2, 15):
                    links.append((base + k, base + k + 1, "FS", rng.choice((0, 0, 60, 480))))
            pf.conn.executemany(
                """INSERT INTO tasks (id, project_id, parent_id, name, kind, start_date, duration_minutes, sort_order)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows)
            seen = set()
            while len(seen) < n_cross:  # upstream milestone -> a task of a later project: no loops
                a = rng.randint(1, n_projects - 1)
                b = rng.randint(a + 1, min(n_projects, a + 500))
                if (a, b) not in seen:
                    seen.add((a, b))
                    links.append(((a - 1) * 15 + 15, (b - 1) * 15 + rng.randint(2, 5), "FS", 0))
            pf.conn.executemany(
                "INSERT INTO dependencies (predecessor_id, successor_id, type, lag_minutes) VALUES (?, ?, ?, ?)", links)
        t0, c0 = time.perf_counter(), time.process_time()
        first = reschedule(pf)
        first_s, first_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        again = reschedule(pf)
        again_s, again_cpu = time.perf_counter() - t0, time.process_time() - c0
        pf.close()
    return {"projects": n_projects, "tasks": n_projects * 15, "cross_project_links": n_cross,
            "reschedule_s": round(first_s, 3), "reschedule_cpu_s": round(first_cpu, 3),
            "changed": first.changed, "moved_by_other_projects": sum(1 for p in first.projects if p.moved_by),
            "reschedule_again_s": round(again_s, 3), "reschedule_again_cpu_s": round(again_cpu, 3),
            "again_changed": again.changed, "load_average_1min": round(os.getloadavg()[0], 2), "budget_s": 5.0}


def main() -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=10_000)
    ap.add_argument("--links", type=int, default=15_000)
    ap.add_argument("--projects", type=int, default=10_000)
    ap.add_argument("--cross", type=int, default=2_000)
    args = ap.parse_args()
    tasks, links = build(args.tasks, args.links)
    calendar = WorkCalendar("1111100", {START + timedelta(days=d): False for d in range(0, 1500, 45)}, origin=START,
                            exception_hours={START + timedelta(days=d): ((600, 840),) for d in range(4, 1500, 91)})
    engine_runs, engine_cpu = [], []
    for _ in range(5):
        t0, c0 = time.perf_counter(), time.process_time()
        result = schedule(tasks, links, calendar, START)
        engine_runs.append(time.perf_counter() - t0)
        engine_cpu.append(time.process_time() - c0)
    with tempfile.TemporaryDirectory() as tmp:
        pf = create_portfolio(Path(tmp) / "scale.pmo")
        with pf.batch("cli", "load"):
            pid = store_plan(pf, tasks, links)
            cal = pf.conn.execute("INSERT INTO calendars (name, working_days) VALUES ('Std', '1111100')").lastrowid
            pf.conn.execute("UPDATE projects SET calendar_id = ? WHERE id = ?", (cal, pid))
        t0 = time.perf_counter()
        first = reschedule(pf, "BIG")
        first_s = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        second = reschedule(pf, "BIG")
        second_s, second_cpu = time.perf_counter() - t0, time.process_time() - c0
        pf.close()
    return {
        "tasks": len(tasks), "links": len(links), "critical_tasks": len(result.critical_path),
        "finish": result.finish.isoformat(),
        "engine_s_best": round(min(engine_runs), 4), "engine_s_median": round(sorted(engine_runs)[2], 4),
        "engine_cpu_s_median": round(sorted(engine_cpu)[2], 4),
        "reschedule_first_s": round(first_s, 4), "first_changed": first.changed,
        "reschedule_again_s": round(second_s, 4), "reschedule_again_cpu_s": round(second_cpu, 4),
        "again_changed": second.changed, "load_average_1min": round(os.getloadavg()[0], 2),
        "budget_s": 0.2,
        "portfolio": portfolio_run(args.projects, args.cross) if args.projects else None,
    }


if __name__ == "__main__":
    json.dump(main(), sys.stdout, indent=2)
    sys.stdout.write("\n")
