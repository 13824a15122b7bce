"""The job runner's cost and what it buys: a board pack built directly vs through gui/shell/jobs.py.

Builds a demo portfolio (not timed), then builds the same board pack (a) by calling
`build_board_pack` on the main thread and (b) through `JobRunner` on a worker thread while the GUI
thread runs its event loop with a 10 ms timer (after an untimed warm-up build). Reports both wall times, the runner's overhead, the
number of progress signals delivered, and the longest gap between timer ticks during the job (how
long the window could go without repainting; the worker holds the GIL in between).

    PYTHONPATH=. python benchmarks/jobs_overhead.py [--projects 40]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from pmo_desktop.demo import build_demo  # noqa: E402
from pmo_desktop.gui.shell.jobs import JobRunner  # noqa: E402
from pmo_desktop.gui.widgets.compat import protect_singletons  # noqa: E402
from pmo_desktop.reports import BoardPackOptions, build_board_pack  # noqa: E402
from pmo_desktop.store import create_portfolio, open_portfolio  # noqa: E402

TODAY = date(2026, 11, 27)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=40)
    args = parser.parse_args()
    protect_singletons()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PMO_DESKTOP_DATA_DIR"] = folder
        path = Path(folder) / "demo.pmo"
        create_portfolio(path, populate=lambda pf: build_demo(pf, projects=args.projects, seed=1,
                                                              today=TODAY)).close()
        pf = open_portfolio(path)
        options = BoardPackOptions(today=TODAY)
        # warm up (imports, fonts, matplotlib) so neither timed run pays first-use costs
        build_board_pack(pf, Path(folder) / "warm.pdf", BoardPackOptions(today=TODAY, sections=("cover", "risks")))

        start = time.perf_counter()
        direct = build_board_pack(pf, Path(folder) / "direct.pdf", options)
        direct_s = time.perf_counter() - start

        window = QMainWindow()
        runner = JobRunner(window, show_message=lambda title, text: print(text, file=sys.stderr))
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        signals = [0]
        outcome = {}
        start = time.perf_counter()
        timer.start()
        job = runner.run("Board pack", lambda progress, cancelled: build_board_pack(
            pf, Path(folder) / "job.pdf", options, progress=progress, cancel=cancelled),
            on_success=lambda result: outcome.update(pages=result.pages))
        job.progressed.connect(lambda d, t: signals.__setitem__(0, signals[0] + 1))
        job.done.connect(app.quit)
        app.exec()
        job_s = time.perf_counter() - start
        timer.stop()
        gaps = [b - a for a, b in zip([start, *ticks], [*ticks, start + job_s], strict=True)]
        pf.close()
    print(json.dumps({
        "projects": args.projects, "pages": direct.pages, "job_pages": outcome.get("pages"),
        "direct_s": round(direct_s, 2), "via_runner_s": round(job_s, 2),
        "overhead_pct": round(100 * (job_s - direct_s) / direct_s, 1),
        "progress_signals": signals[0], "event_loop_ticks": len(ticks),
        "longest_gui_gap_ms": round(1000 * max(gaps), 1),
    }))


if __name__ == "__main__":
    main()
