"""Team sync at scale (issue 13), against a real throw-away PostgreSQL.

Shares a 10,000-project demo portfolio, clones it, runs 20 simulated analysts syncing at once (each
round: 10 one-cell edits, then push + pull), and times receiving 10,000 changes made by someone else.
Prints one JSON object. Each analyst is one long-lived process that opened its file once and syncs as
the window's automatic sync does (its connection kept between rounds), so Python start-up is not
timed (each connects with one sync before the rounds start); `round_*` is the edits plus the sync, `sync_only_*` the push and pull alone, and `round_batches_*` how
many batches a round sent and received on average (with 20 analysts at once, each round receives the
others' ~190). On a machine with
fewer cores than analysts the rounds queue for CPU: the load average at the end is printed with them. Budgets (DESIGN.md): clone <= 20 s, round p95 <= 0.5 s with 20 analysts,
receiving 10,000 changes <= 5 s.

    python benchmarks/sync_scale.py [--file big.pmo] [--projects 10000] [--analysts 20] [--rounds 5]
                                    [--keep DIR] [--stop DIR]

--keep DIR keeps the server, the shared database and the analysts' copies in DIR: a later run with the
same DIR skips sharing and cloning (about a minute for 10,000 projects), brings the server functions
up to date and times the rounds and the receiving again. --stop DIR stops that server and removes DIR.

Uses PMO_TEST_PG_DSN (a superuser DSN) when set, else starts its own server with .ci/pg-start.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _db(dsn: str, name: str, user: str | None = None) -> str:
    p = urlsplit(dsn)
    netloc = p.netloc if user is None else f"{user}@{p.netloc.rsplit('@', 1)[-1]}"
    return urlunsplit((p.scheme, netloc, "/" + name, p.query, ""))


def _analyst(args) -> list[tuple[float, float, int, int]]:
    path, rounds, seed, barrier = args
    from pmo_desktop.store import open_portfolio
    from pmo_desktop.sync import engine

    # Seeded by the run as well as the analyst: a run on kept copies (--keep) with the same edits as the
    # last run would find every value already set, push nothing and receive nothing, and time no sync.
    rng = random.Random(f"{seed} {time.time_ns()}")
    times = []
    with open_portfolio(path) as pf:
        ids = [r[0] for r in pf.conn.execute("SELECT id FROM projects")]
        engine.sync(pf)  # connected once before the rounds, as a window that is open already
        barrier.wait()
        for _ in range(rounds):
            start = time.perf_counter()
            for _edit in range(10):
                with pf.batch("ui", "edit", defer_foreign_keys=False):  # as the window's cell edit
                    pf.conn.execute("UPDATE projects SET percent_complete = ? WHERE id = ?",
                                    (rng.randint(0, 100), rng.choice(ids)))
            edited = time.perf_counter()
            got = engine.sync(pf)  # as the window's automatic sync: this process, its connection kept
            done = time.perf_counter()
            times.append((done - start, done - edited, got["sent"], got["received"]))
    return times


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _rounds_and_receive(paths: list[Path], rounds_each: int) -> dict:
    """The analysts' rounds at once, then one copy receiving 10,000 changes made on another."""
    from pmo_desktop.store import open_portfolio
    from pmo_desktop.sync import engine

    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(len(paths))
        with ctx.Pool(len(paths)) as pool:
            t = time.perf_counter()
            results = pool.map(_analyst, [(str(p), rounds_each, i, barrier) for i, p in enumerate(paths)])
            wall = time.perf_counter() - t
    rounds = [x[0] for r in results for x in r]
    syncs = [x[1] for r in results for x in r]
    sent = [x[2] for r in results for x in r]
    received = [x[3] for r in results for x in r]

    # Receiving 10,000 changes: analyst 1 changes 10,000 project rows; analyst 0 receives them.
    with open_portfolio(paths[1]) as pf:
        with pf.batch("import", "Import 10,000 changes"):
            pf.conn.execute("UPDATE projects SET status = ? || id WHERE id IN "
                            "(SELECT id FROM projects ORDER BY id LIMIT 10000)", (f"Reviewed {time.time():.0f} ",))
        engine.sync(pf)
    with open_portfolio(paths[0]) as pf:
        t = time.perf_counter()
        got = engine.sync(pf)
        receive_s = time.perf_counter() - t
    return {
        "analysts": len(paths),
        "rounds_each": rounds_each,
        "rounds_per_s": round(len(rounds) / wall, 2),
        "round_p50_s": round(statistics.median(rounds), 3),
        "round_p95_s": round(_pct(rounds, 0.95), 3),
        "round_p95_budget_s": 0.5,
        "sync_only_p50_s": round(statistics.median(syncs), 3),
        "sync_only_p95_s": round(_pct(syncs, 0.95), 3),
        "round_batches_sent_mean": round(statistics.mean(sent), 1),
        "round_batches_received_mean": round(statistics.mean(received), 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "receive_10000_changes_s": round(receive_s, 2),
        "receive_rows_updated": got["rows_updated"],
        "receive_budget_s": 5,
    }


def _again(args) -> None:
    """A run on kept copies: the server functions brought up to date, every copy synced, the rounds."""
    import psycopg

    from pmo_desktop.store import open_portfolio
    from pmo_desktop.sync import engine, server_sql

    kept = json.loads((args.keep / "state.json").read_text())
    if kept["server_dir"]:
        subprocess.run(["bash", str(ROOT / ".ci" / "pg-start"), "--start-again", kept["server_dir"]],
                       check=False, capture_output=True)
    with psycopg.connect(kept["dsn"], autocommit=True) as pg:
        pg.execute(server_sql.INSTALL.replace("%(version)s", str(server_sql.SCHEMA_VERSION)))
    paths = [Path(p) for p in kept["paths"]][: args.analysts]
    for path in paths:  # everyone up to date first: the rounds time the steady state
        with open_portfolio(path) as pf:
            engine.sync(pf)
    print(json.dumps({"rows_shared": kept["rows_shared"], "counts": kept["counts"], "kept": str(args.keep),
                      **_rounds_and_receive(paths, args.rounds)}, indent=2))


def _stop(folder: Path) -> None:
    kept = json.loads((folder / "state.json").read_text()) if (folder / "state.json").exists() else {}
    if kept.get("server_dir"):
        subprocess.run(["bash", str(ROOT / ".ci" / "pg-start"), "--stop", kept["server_dir"]], check=False)
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", type=Path, help="an existing demo portfolio to share (else one is built)")
    ap.add_argument("--projects", type=int, default=10000)
    ap.add_argument("--analysts", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="keep server and copies here; reuse them when present")
    ap.add_argument("--stop", type=Path, help="stop the server kept in this folder and remove it")
    args = ap.parse_args()
    if args.stop:
        _stop(args.stop)
        return
    if args.keep and (args.keep / "state.json").exists():
        _again(args)
        return

    import psycopg

    from pmo_desktop.demo import build_demo
    from pmo_desktop.store import create_portfolio, open_portfolio
    from pmo_desktop.sync import engine

    if args.keep:
        (args.keep / "copies").mkdir(parents=True, exist_ok=True)
        work = args.keep / "copies"
    else:
        work = Path(tempfile.mkdtemp(prefix="pmo-sync-bench-"))
    server_dir = None
    dsn = os.environ.get("PMO_TEST_PG_DSN")
    try:
        if not dsn:
            server_dir = str(args.keep / "pg") if args.keep else tempfile.mkdtemp(prefix="pmo-bench-pg-")
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            dsn = subprocess.run(["bash", str(ROOT / ".ci" / "pg-start"), server_dir, str(port)],
                                 check=True, capture_output=True, text=True).stdout.strip()
        name = f"bench_{os.getpid()}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
            for i in range(args.analysts):
                conn.execute(f"""DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'analyst{i:02d}')
                                 THEN CREATE ROLE analyst{i:02d} LOGIN; END IF; END $$""")
        db = _db(dsn, name)
        source = work / "big.pmo"
        t = time.perf_counter()
        if args.file:
            shutil.copy(args.file, source)
            built = None
        else:
            create_portfolio(source, populate=lambda pf: build_demo(pf, projects=args.projects, seed=7)).close()
            built = time.perf_counter() - t
        with open_portfolio(source) as pf:
            counts = pf.counts()
            t = time.perf_counter()
            shared = engine.share(pf, db, "big")
            share_s = time.perf_counter() - t
            from pmo_desktop.sync.members import add_member

            for i in range(args.analysts):
                add_member(pf, f"analyst{i:02d}", "editor")
        t = time.perf_counter()
        first = work / "analyst00.pmo"
        engine.clone(_db(dsn, name, "analyst00"), first, "big")
        clone_s = time.perf_counter() - t

        # Every analyst's copy is what a clone gives (copied, with their own login) to keep disk time down.
        paths = [first]
        for i in range(1, args.analysts):
            path = work / f"analyst{i:02d}.pmo"
            shutil.copy(first, path)
            with open_portfolio(path) as pf, pf.bookkeeping() as conn:
                conn.execute("UPDATE _sync_state SET server = ?, login = ?", (_db(dsn, name, f"analyst{i:02d}"),
                                                                             f"analyst{i:02d}"))
            paths.append(path)
        with psycopg.connect(db, autocommit=True) as conn:  # settled, as autovacuum leaves a server after sharing
            conn.execute("VACUUM ANALYZE")
        if args.keep:
            (args.keep / "state.json").write_text(json.dumps({
                "server_dir": server_dir, "dsn": db, "paths": [str(p) for p in paths],
                "rows_shared": shared["rows"], "counts": {k: v for k, v in counts.items() if v}}))
        print(json.dumps({
            "rows_shared": shared["rows"],
            "counts": {k: v for k, v in counts.items() if v},
            "build_demo_s": round(built, 2) if built is not None else None,
            "share_s": round(share_s, 2),
            "clone_s": round(clone_s, 2),
            "clone_budget_s": 20,
            **_rounds_and_receive(paths, args.rounds),
        }, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        if server_dir and not args.keep:
            subprocess.run(["bash", str(ROOT / ".ci" / "pg-start"), "--stop", server_dir], check=False)
            shutil.rmtree(server_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
