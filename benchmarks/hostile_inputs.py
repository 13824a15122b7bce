"""Hostile inputs: each is imported or refused within 20 s and 1 GB (issue 20's cases).

Makes each file in a temporary folder (not timed), then runs `pmo import PORTFOLIO FILE --dry-run` in a
fresh child process and reports its wall time, peak RSS, exit code and the line it printed on stderr.

    .venv/bin/python benchmarks/hostile_inputs.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pmo_desktop.store import create_portfolio  # noqa: E402
from tests.importing.xlsx_parts import write_parts  # noqa: E402

TIME_LIMIT = 180  # a child still running then is killed and reported as such


def gan_long_duration(path: Path) -> None:
    path.write_text('<?xml version="1.0"?><project name="x"><tasks>'
                    '<task id="1" name="Forever" start="2026-01-05" duration="999999999"/></tasks></project>')


def gan_50000_nested(path: Path) -> None:
    n = 50_000
    with open(path, "w") as fh:
        fh.write('<?xml version="1.0"?><project name="deep"><tasks>')
        for i in range(n):
            fh.write(f'<task id="{i}" name="Task {i}" start="2026-01-05" duration="2">')
        fh.write("</task>" * n)
        fh.write("</tasks></project>")


def csv_1m_columns(path: Path) -> None:
    with open(path, "w") as fh:
        fh.write(",".join(f"c{i}" for i in range(1_000_000)) + "\n")
        fh.write(",".join("1" for _ in range(1_000_000)) + "\n")


def csv_20mb_line_short_fields(path: Path) -> None:
    with open(path, "w") as fh:
        fh.write("Code,Name\n")
        fh.write("a," * 10_000_000 + "\n")


def csv_40mb_line(path: Path) -> None:
    with open(path, "w") as fh:
        fh.write("Code,Name\n")
        fh.write("P1," + "x" * 40_000_000 + "\n")


def csv_200k_register(path: Path) -> None:
    """A plausible large file that is accepted: 200,000 projects in 9 columns (1.8 million cells)."""
    rng = random.Random(1)
    with open(path, "w") as fh:
        fh.write("Code,Name,Manager,Sponsor,Stage,Status,Start,Finish,Budget\n")
        for i in range(200_000):
            fh.write(f"P{i:06d},Project number {i} of a long register,Manager {rng.randrange(500)},"
                     f"Sponsor {rng.randrange(50)},Execution,Active,2026-01-{1 + i % 28:02d},"
                     f"2027-06-{1 + i % 28:02d},{rng.randrange(10**7)}\n")


def xlsx_21m_cells(path: Path) -> None:
    """A 21-million-cell sheet: 1,000,000 rows of 21 numbers."""
    rng = random.Random(2)
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
            'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        write_parts(z, "Big")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(head.encode())
            numbers = [str(rng.randrange(1000)) for _ in range(4096)]
            for r in range(1, 1_000_001):
                cells = "".join(f"<c><v>{numbers[(r * 21 + c) % 4096]}</v></c>" for c in range(21))
                fh.write(f'<row r="{r}">{cells}</row>'.encode())
            fh.write(b"</sheetData></worksheet>")


CASES = {f.__name__: (f, ext) for f, ext in [
    (gan_long_duration, ".gan"), (gan_50000_nested, ".gan"), (csv_1m_columns, ".csv"),
    (csv_20mb_line_short_fields, ".csv"), (csv_40mb_line, ".csv"), (csv_200k_register, ".csv"),
    (xlsx_21m_cells, ".xlsx"),
]}


def run_case(portfolio: Path, file: Path) -> dict:
    cmd = [sys.executable, "-m", "pmo_desktop.cli", "import", str(portfolio), str(file), "--dry-run"]
    if file.suffix == ".csv":
        cmd += ["--kind", "projects"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = started + TIME_LIMIT
    status = rusage = None
    while time.perf_counter() < deadline:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.05)
    else:
        proc.kill()
        _pid, status, rusage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode(errors="replace").strip().splitlines()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"bytes": file.stat().st_size, "seconds": round(seconds, 2),
            "cpu_seconds": round(rusage.ru_utime + rusage.ru_stime, 2),
            "peak_rss_mb": round(rusage.ru_maxrss / 1024, 1), "exit": proc.returncode,
            "timed_out": seconds >= TIME_LIMIT, "stderr": stderr[-1] if stderr else ""}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", choices=sorted(CASES))
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        portfolio = folder / "p.pmo"
        create_portfolio(portfolio).close()
        for name in args.only or CASES:
            make, ext = CASES[name]
            file = folder / f"{name}{ext}"
            make(file)
            results[name] = run_case(portfolio, file)
            file.unlink()
    worst = max(results.values(), key=lambda r: r["seconds"])
    print(json.dumps({"cases": results, "max_seconds": worst["seconds"],
                      "max_peak_rss_mb": max(r["peak_rss_mb"] for r in results.values()),
                      "budget": {"seconds": 20, "peak_rss_mb": 1024}}, indent=2))


if __name__ == "__main__":
    main()
