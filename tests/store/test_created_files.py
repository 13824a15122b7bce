"""Files the program creates: one permission rule (the user's umask on 0o666), nothing left behind by a
killed `pmo new`, and no -wal/-shm left by read-only commands."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio
from pmo_desktop.store.backups import list_backups, make_backup

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and signals")


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o640
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@posix_only
def test_portfolios_exports_backups_locks_and_logs_follow_the_umask(tmp_path, umask_027, _private_data_dir):
    path = tmp_path / "p.pmo"
    create_portfolio(path).close()
    assert main(["export", str(path), str(tmp_path / "out.xlsx")]) == 0
    with open_portfolio(path) as pf:
        make_backup(pf.conn, path, "test")
    from pmo_desktop.cli import _write_crash_log

    try:
        raise RuntimeError("a bug of ours")
    except RuntimeError:
        log = _write_crash_log()
    made = [path, tmp_path / "out.xlsx", path.with_name("p.pmo.lock"), list_backups(path)[0], log]
    assert {str(p): _mode(p) for p in made} == {str(p): umask_027 for p in made}


def test_two_crash_logs_in_the_same_second_are_both_kept(_private_data_dir):
    from pmo_desktop.cli import _write_crash_log

    logs = []
    for message in ("first", "second"):
        try:
            raise RuntimeError(message)
        except RuntimeError:
            logs.append(_write_crash_log())
    assert logs[0] != logs[1]
    assert "first" in Path(logs[0]).read_text() and "second" in Path(logs[1]).read_text()


def test_read_only_commands_leave_no_wal_or_shm(tmp_path):
    path = tmp_path / "p.pmo"
    create_portfolio(path).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    for args in (["info", str(path)], ["check", str(path)], ["export", str(path), str(tmp_path / "o.xlsx")]):
        assert main(args) == 0
    after = sorted(p.name for p in tmp_path.iterdir() if p.name != "o.xlsx")
    assert after == before and not any(n.endswith(("-wal", "-shm")) for n in after)


def test_a_read_only_open_refuses_writes(tmp_path):
    path = tmp_path / "p.pmo"
    create_portfolio(path).close()
    with open_portfolio(path, read_only=True) as pf, pytest.raises(Exception, match="read-only|readonly"):
        pf.conn.execute("INSERT INTO projects (code, name) VALUES ('X', 'x')")


@pytest.mark.slow
@posix_only
def test_a_killed_pmo_new_leaves_nothing_behind_after_the_next_run(tmp_path):
    rng = random.Random(20)
    path = tmp_path / "p.pmo"
    cmd = [sys.executable, "-m", "pmo_desktop.cli", "new", str(path), "--demo", "--projects", "60", "--force"]
    killed_mid_way = 0
    for _trial in range(4):  # bounded: four kills at random moments while the new file is built
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30  # wait for the half-built file, then kill at a random moment
        while proc.poll() is None and time.monotonic() < deadline and not list(tmp_path.glob(".p.pmo.*.tmp")):
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        killed_mid_way += any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
        assert main(["new", str(path), "--force"]) == 0
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".p.pmo.")]
        assert leftovers == []
    assert killed_mid_way  # at least one kill did leave a half-built file for the next run to clean


def test_a_temp_file_of_another_name_is_never_touched(tmp_path):
    other = tmp_path / ".p.pmo.notours.tmp"
    other.write_text("someone else's")
    similar = tmp_path / ".q.pmo.abcdefgh.tmp"
    similar.write_text("another portfolio's")
    create_portfolio(tmp_path / "p.pmo").close()
    assert other.exists() and similar.exists()
