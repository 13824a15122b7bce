"""Faults: `pmo sync` killed with SIGKILL during push and during pull, and the server stopped in the
middle of a sync. Afterwards the file and the server are consistent and the next sync completes."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time

import psycopg
import pytest

from pmo_desktop.store import open_portfolio
from tests.sync.pg import local_rows
from tests.sync.test_merge import sync


def start_sync(path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pmo_desktop", "sync", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until(test, timeout=20.0) -> None:
    end = time.monotonic() + timeout
    while not test():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def blocked_on(team, words: str) -> bool:
    rows = team.query("SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE %s",
                      (f"%{words}%",))
    return bool(rows)


def many_edits(path, n=12):
    for i in range(n):
        with open_portfolio(path) as pf, pf.batch("ui", f"edit {i}"):
            pf.conn.execute("UPDATE budget_lines SET forecast = coalesce(forecast, 0) + ? WHERE id % 7 = ?", (i + 1, i % 7))


def assert_consistent(team, *paths):
    for path in paths:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
    for path in paths:
        sync(path)
    server = team.server_rows()
    for path in paths:
        assert local_rows(path) == server
    batches = team.query("SELECT count(*), count(DISTINCT id) FROM pmo_sync.batches")[0]
    assert batches[0] == batches[1]


def _pid(team) -> int:
    return team.query("SELECT id FROM pmo_sync.portfolios WHERE name = 'team'")[0][0]


@pytest.mark.slow
def test_killed_during_push_and_during_pull(team):
    a, b = team.clone("alice"), team.clone("bob")
    # During push: the server holds the portfolio's push lock, so the push waits inside its transaction.
    many_edits(a)
    with psycopg.connect(team.dsn, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(872316, %s)", (_pid(team),))
        proc = start_sync(a)
        wait_until(lambda: blocked_on(team, "pmo_sync.push_"))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        holder.execute("SELECT pg_advisory_unlock(872316, %s)", (_pid(team),))
    assert_consistent(team, a, b)
    # During pull: the rows table is locked, so the pull waits after the push committed.
    many_edits(b)
    many_edits(a, 3)
    with psycopg.connect(team.dsn) as holder:
        sync(b)
        holder.execute("LOCK TABLE pmo_sync.rows IN ACCESS EXCLUSIVE MODE")
        proc = start_sync(a)
        wait_until(lambda: blocked_on(team, "pull") or blocked_on(team, "pmo_sync.push_"))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        holder.rollback()
    assert_consistent(team, a, b)
    # And at random moments.
    rng = random.Random(13)
    for _trial in range(2):
        many_edits(a, 4)
        many_edits(b, 4)
        sync(b)
        proc = start_sync(a)
        time.sleep(rng.uniform(0.3, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert_consistent(team, a, b)


@pytest.mark.slow
def test_server_stopped_mid_sync_is_one_line_and_a_later_sync_succeeds(team, pg_server):
    if not pg_server.can_restart():
        pytest.skip("PMO_TEST_PG_DSN names a server these tests cannot stop (set PMO_TEST_PG_DIR)")
    a = team.clone("alice")
    many_edits(a, 4)
    holder = psycopg.connect(team.dsn, autocommit=True)
    holder.execute("SELECT pg_advisory_lock(872316, %s)", (_pid(team),))
    proc = start_sync(a)
    wait_until(lambda: blocked_on(team, "pmo_sync.push_"))
    try:
        pg_server.stop()
        out, err = proc.communicate(timeout=30)
    finally:
        holder.close()
        pg_server.start()
    assert proc.returncode == 1 and out == ""
    assert err.count("\n") == 1 and "pmo:" in err and "Traceback" not in err
    assert_consistent(team, a)
    with open_portfolio(a, read_only=True) as pf:
        assert pf.conn.execute("SELECT count(*) FROM _sync_pushed WHERE sent = 0").fetchone() == (0,)
