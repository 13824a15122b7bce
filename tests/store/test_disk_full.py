"""A full disk is reported as a full disk, never as damage, and changes nothing.

Runs on a small tmpfs mounted for the test (needs root on Linux; skipped elsewhere): SQLite and the OS
report the real ENOSPC, with no mock of our own code."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio

NO_SPACE = "no space left on the disk that holds"


@pytest.fixture
def small_disk(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk, leaving about `leave` bytes free."""
    filler = folder / "filler"
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, b"\0" * max(0, free - leave))
        while not leave:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def _csv(path: Path, rows: int) -> Path:
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Code", "Name", "Description"])
        w.writerows([f"P{i}", f"Project {i}", "x" * 100] for i in range(rows))
    return path


def test_an_import_that_runs_out_of_space_says_so_and_changes_nothing(small_disk, tmp_path, capsys):
    path = small_disk / "p.pmo"
    create_portfolio(path).close()
    filler = _fill(small_disk, leave=300_000)
    code = main(["import", str(path), str(_csv(tmp_path / "in.csv", 20_000)), "--kind", "projects"])
    err = capsys.readouterr().err
    assert code == 1 and f"{NO_SPACE} p.pmo; nothing was changed" in err
    assert err.count("\n") == 1 and "backup" not in err and "damaged" not in err
    filler.unlink()
    with open_portfolio(path, read_only=True) as pf:
        assert pf.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert pf.conn.execute("SELECT count(*) FROM projects").fetchone()[0] == 0


def test_a_new_portfolio_on_a_full_disk_says_so_and_leaves_nothing(small_disk, capsys):
    _fill(small_disk, leave=200_000)
    assert main(["new", str(small_disk / "p.pmo"), "--demo", "--projects", "20"]) == 1
    err = capsys.readouterr().err
    assert f"{NO_SPACE} p.pmo" in err and "backup" not in err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_at_zero_bytes_free_check_and_export_say_so_and_leave_no_side_files(small_disk, tmp_path, capsys):
    path = small_disk / "p.pmo"
    create_portfolio(path).close()
    _fill(small_disk)
    before = sorted(p.name for p in small_disk.iterdir())
    for args in (["check", str(path)], ["export", str(path), str(tmp_path / "out.xlsx")]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and NO_SPACE in err and "disk I/O error" not in err
    assert sorted(p.name for p in small_disk.iterdir()) == before


def test_an_export_onto_a_full_disk_is_one_line_and_no_stray_traceback(small_disk, tmp_path, demo_path):
    _fill(small_disk, leave=20_000)
    out = small_disk / "out.xlsx"
    proc = subprocess.run([sys.executable, "-m", "pmo_desktop.cli", "export", str(demo_path), str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and f"{NO_SPACE} " in proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert not out.exists() and not list(small_disk.glob(".out.xlsx.*"))
