"""The dashboard's read on a large portfolio: how long the GUI thread is held, and the whole read.

    python -m pmo_desktop new /tmp/big.pmo --demo --projects 10000 --seed 7
    PYTHONPATH=. python benchmarks/dashboard_load.py /tmp/big.pmo

Opens the file read-only in a main window (offscreen) and shows the dashboard. "show_call" is the
time spent inside show_view("dashboard") on the GUI thread; "max_event_gap" the longest gap
between ticks of a 10 ms GUI timer while the figures are read (how long the window could not
repaint); "until_drawn" the wall time until the charts are drawn. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path, nargs="?", default=Path("/tmp/big.pmo"))
    args = parser.parse_args()
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.gui.shell.main_window import MainWindow
    from pmo_desktop.store import open_portfolio

    app = QApplication([])
    scratch = tempfile.TemporaryDirectory(prefix="pmo-bench-")
    settings = QSettings(str(Path(scratch.name) / "layout.ini"), QSettings.Format.IniFormat)
    pf = open_portfolio(args.file, read_only=True)
    window = MainWindow(pf, settings=settings)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    dash = window.pages["dashboard"]
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    t0 = time.perf_counter()
    window.show_view("dashboard")
    t_call = time.perf_counter() - t0
    while dash.loader.loading:
        app.processEvents()
        time.sleep(0.002)
    t_drawn = time.perf_counter() - t0
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    print(json.dumps({
        "projects": pf.counts().get("projects"),
        "show_call_s": round(t_call, 4),
        "max_event_gap_s": round(max(gaps), 4) if gaps else None,
        "until_drawn_s": round(t_drawn, 3),
        "drawn_period": dash.summary_data["period"]["end"] if dash.summary_data else None,
    }))
    window.shutdown()
    window.close()
    pf.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
