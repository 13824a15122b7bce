"""Killing the process mid-transaction loses the batch in flight and nothing else."""

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from pmo_desktop import checks
from pmo_desktop.store import open_portfolio

WRITER = textwrap.dedent(
    """
    import sys, time
    from pmo_desktop.store import open_portfolio
    pf = open_portfolio(sys.argv[1])
    with pf.batch("cli", "big batch"):
        pid = pf.conn.execute("SELECT id FROM projects ORDER BY id LIMIT 1").fetchone()[0]
        for i in range(200000):
            pf.conn.execute(
                "INSERT INTO budget_lines (project_id, category, spend_type, month, planned) VALUES (?,?,?,?,?)",
                (pid, f"Cat {i}", "OPEX", "2026-05-01", i))
            if i == 50000:
                print("halfway", flush=True)
        time.sleep(60)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_batch_keeps_previous_state(demo_path):
    with open_portfolio(demo_path, read_only=True) as pf:
        before = pf.counts()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(demo_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "halfway"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    with open_portfolio(demo_path) as pf:  # the dead writer's lock is gone with it
        assert pf.counts() == before
        result = checks.run_checks(pf)
        assert result.integrity_ok
        assert json.dumps(result.as_dict())
