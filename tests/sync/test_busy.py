"""A push that deadlocks with another transaction on the server: PostgreSQL rolls the push back (40P01),
the sync sends it again and succeeds, and nothing is lost or applied twice."""

from __future__ import annotations

import subprocess
import sys
import threading

import psycopg
import pytest

from pmo_desktop.store import open_portfolio
from pmo_desktop.sync import tables as tb
from pmo_desktop.sync.connection import Busy, server_error
from tests.sync.test_faults import assert_consistent, blocked_on, wait_until


def _two_edited_gids(path) -> list[str]:
    with open_portfolio(path) as pf:
        ids = [r[0] for r in pf.conn.execute("SELECT id FROM budget_lines ORDER BY id LIMIT 2")]
        with pf.batch("ui", "two forecasts"):
            pf.conn.execute("UPDATE budget_lines SET forecast = coalesce(forecast, 0) + 7 WHERE id IN (?, ?)", ids)
        gids = tb.GidMap(pf.conn)
        return sorted(str(gids.gid("budget_lines", i)) for i in ids)


@pytest.mark.slow
def test_a_push_rolled_back_by_a_deadlock_is_sent_again(team):
    a = team.clone("alice")
    low, high = _two_edited_gids(a)
    holder = psycopg.connect(team.dsn)  # a transaction that locks the push's rows in the other order
    holder.execute("SET deadlock_timeout = '30s'")  # the push, waiting first, is the one PostgreSQL aborts
    holder.execute("SELECT 1 FROM pmo_sync.rows WHERE gid = %s FOR UPDATE", (high,))
    proc = subprocess.Popen([sys.executable, "-m", "pmo_desktop", "sync", str(a)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: blocked_on(team, "push_and_pull"))
        waiter = threading.Thread(target=holder.execute,
                                  args=("SELECT 1 FROM pmo_sync.rows WHERE gid = %s FOR UPDATE", (low,)))
        waiter.start()
        waiter.join(timeout=20)  # returns once PostgreSQL has broken the cycle by aborting the push
        assert not waiter.is_alive()
        holder.rollback()  # let the push's second attempt through
        out, err = proc.communicate(timeout=60)
    finally:
        holder.close()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert err == "" and "Traceback" not in out
    assert_consistent(team, a)
    forecasts = {g: d["forecast"] for g, (t, d) in team.server_rows().items() if g in (low, high)}
    with open_portfolio(a, read_only=True) as pf:
        assert pf.conn.execute("SELECT count(*) FROM _sync_pushed WHERE sent = 0").fetchone() == (0,)
        local = [r[0] for r in pf.conn.execute("SELECT forecast FROM budget_lines ORDER BY id LIMIT 2")]
    assert sorted(forecasts.values()) == sorted(local)


def test_a_deadlock_is_a_busy_server_in_one_line_not_a_lost_connection(pg_db):
    first, second = psycopg.connect(pg_db), psycopg.connect(pg_db)
    try:
        with psycopg.connect(pg_db, autocommit=True) as setup:
            setup.execute("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)")
        first.execute("SELECT 1 FROM t WHERE id = 1 FOR UPDATE")
        second.execute("SET deadlock_timeout = '30s'")
        second.execute("SELECT 1 FROM t WHERE id = 2 FOR UPDATE")
        caught = []

        def lock_two():
            try:
                first.execute("SELECT 1 FROM t WHERE id = 2 FOR UPDATE")
            except psycopg.Error as exc:
                caught.append(exc)

        waiter = threading.Thread(target=lock_two)
        waiter.start()
        wait_until(lambda: bool(_waiting(pg_db)))
        second.execute("SELECT 1 FROM t WHERE id = 1 FOR UPDATE")  # the cycle: first is aborted
        waiter.join(timeout=20)
    finally:
        first.close()
        second.close()
    assert len(caught) == 1 and caught[0].sqlstate == "40P01"
    err = server_error(caught[0])
    assert isinstance(err, Busy) and "\n" not in str(err) and "connection" not in str(err)


def _waiting(dsn) -> list:
    with psycopg.connect(dsn, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'").fetchall()
