"""A multi-table read is one snapshot: another program committing between sheets never shows up in
half of an export, a board pack's data or a summary."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from openpyxl import load_workbook

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio

# Adds a project and a RAID item that points at it, in one batch, as fast as it can, until told to stop
# (a file appears) or 60 s pass.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from pmo_desktop.store import open_portfolio
    stop = Path(sys.argv[2])
    started = time.monotonic()
    with open_portfolio(sys.argv[1]) as pf:
        Path(sys.argv[3]).touch()
        n = 0
        while not stop.exists() and time.monotonic() - started < 60:
            n += 1
            with pf.batch("cli", "concurrent"):
                pid = pf.conn.execute("INSERT INTO projects (code, name) VALUES (?, ?)",
                                      (f"W{n:05d}", "written meanwhile")).lastrowid
                pf.conn.execute("INSERT INTO raid_items (ref, type, title, project_id) VALUES (?, 'Risk', 't', ?)",
                                (f"WR{n:05d}", pid))
    """
)


def _start_writer(path, tmp_path):
    stop, ready = tmp_path / "stop", tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(stop), str(ready)])
    deadline = time.monotonic() + 30
    while not ready.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert ready.exists()
    return proc, stop


def test_exports_made_while_another_program_commits_are_each_consistent(tmp_path):
    path = tmp_path / "p.pmo"
    create_portfolio(path).close()
    proc, stop = _start_writer(path, tmp_path)
    try:
        for i in range(8):
            out = tmp_path / f"out{i}.xlsx"
            assert main(["export", str(path), str(out)]) == 0
            wb = load_workbook(out, read_only=True)
            projects = {r[0] for r in wb["Projects"].iter_rows(min_row=2, values_only=True)}
            raid_projects = {r[13] for r in wb["RAID log"].iter_rows(min_row=2, values_only=True)}
            wb.close()
            assert raid_projects <= projects, f"export {i} has RAID rows whose project is not in Projects"
            assert len(projects) == len(raid_projects)  # every project written meanwhile has its one item
    finally:
        stop.touch()
        proc.wait(timeout=60)


def test_a_snapshot_does_not_see_a_commit_made_inside_it(tmp_path):
    path = tmp_path / "p.pmo"
    create_portfolio(path).close()
    reader = open_portfolio(path, read_only=True)
    try:
        with reader.snapshot():
            before = reader.conn.execute("SELECT count(*) FROM projects").fetchone()[0]
            with open_portfolio(path) as writer, writer.batch("cli", "meanwhile"):
                writer.conn.execute("INSERT INTO projects (code, name) VALUES ('X', 'x')")
            assert reader.conn.execute("SELECT count(*) FROM projects").fetchone()[0] == before
        assert reader.conn.execute("SELECT count(*) FROM projects").fetchone()[0] == before + 1
    finally:
        reader.close()
