"""A new portfolio never inherits a killed writer's journal, and the lock never writes through a link."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio
from pmo_desktop.store.errors import PortfolioError

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and symlinks as a user makes them are POSIX")

# Commits one batch, then dies before SQLite can checkpoint: the batch lives only in FILE-wal.
KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pmo_desktop.store import open_portfolio
    pf = open_portfolio(sys.argv[1])
    pf.conn.execute("PRAGMA wal_autocheckpoint = 0")
    with pf.batch("cli", "the old file's last batch"):
        pid = pf.conn.execute("SELECT id FROM projects ORDER BY id LIMIT 1").fetchone()[0]
        for i in range(500):
            pf.conn.execute(
                "INSERT INTO budget_lines (project_id, category, spend_type, month, planned) VALUES (?,?,?,?,?)",
                (pid, f"Cat {i}", "OPEX", "2026-05-01", i))
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def _kill_writer_after_commit(path):
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], timeout=120)
    assert proc.returncode == -signal.SIGKILL
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the killed writer should leave its work in the -wal"


def _state(path):
    with open_portfolio(path, read_only=True) as pf:
        labels = [r[0] for r in pf.conn.execute("SELECT label FROM batches")]
        return pf.counts(), labels


@posix_only
def test_replacing_a_file_never_replays_the_old_wal(demo_path, tmp_path, capsys):
    _kill_writer_after_commit(demo_path)
    fresh = tmp_path / "fresh.pmo"
    assert main(["new", str(fresh), "--demo", "--projects", "5", "--seed", "3"]) == 0
    assert main(["new", str(demo_path), "--force", "--demo", "--projects", "5", "--seed", "3"]) == 0
    capsys.readouterr()
    replaced_counts, replaced_labels = _state(demo_path)
    fresh_counts, fresh_labels = _state(fresh)
    assert replaced_counts == fresh_counts
    assert replaced_labels == fresh_labels
    assert "the old file's last batch" not in replaced_labels


@posix_only
def test_a_new_file_at_a_removed_files_name_ignores_its_wal(demo_path, capsys):
    _kill_writer_after_commit(demo_path)
    demo_path.unlink()  # the -wal and -shm stay behind, as after `rm p.pmo`
    assert main(["new", str(demo_path)]) == 0
    assert main(["info", str(demo_path)]) == 0
    assert "damaged" not in capsys.readouterr().err
    with open_portfolio(demo_path) as pf:
        assert pf.counts()["projects"] == 0


def test_replacing_a_file_open_for_writing_is_refused(demo_path):
    with open_portfolio(demo_path), pytest.raises(PortfolioError, match="already open for writing"):
        create_portfolio(demo_path, overwrite=True)
    assert open_portfolio(demo_path, read_only=True).counts()["projects"] > 0


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@posix_only
@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_the_lock_never_writes_through_a_link(demo_path, tmp_path, capsys, link):
    victim = tmp_path / "notes.txt"
    victim.write_text("someone's important notes\n" * 100)
    before = _digest(victim), _digest(demo_path)
    lock = demo_path.with_name(demo_path.name + ".lock")
    lock.unlink(missing_ok=True)
    (os.symlink if link == "symlink" else os.link)(victim, lock)

    assert main(["schedule", str(demo_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nothing was changed" in err and "lock" in err
    with pytest.raises(PortfolioError, match="not a lock file"):
        open_portfolio(demo_path)
    with pytest.raises(PortfolioError, match="not a lock file"):
        create_portfolio(demo_path, overwrite=True)
    assert (_digest(victim), _digest(demo_path)) == before

    lock.unlink()  # once the link is gone the file opens as usual
    with open_portfolio(demo_path) as pf:
        assert pf.counts()["projects"] > 0


@posix_only
def test_a_lock_name_that_is_not_a_file_is_refused(demo_path):
    lock = demo_path.with_name(demo_path.name + ".lock")
    lock.unlink(missing_ok=True)
    os.mkfifo(lock)
    with pytest.raises(PortfolioError, match="not a regular file"):
        open_portfolio(demo_path)
