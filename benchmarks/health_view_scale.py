"""The Health checks view at scale: findings wrap (rows as tall as their text), so the row heights are
measured from the text. Times the view's refresh (rules, the model, the row heights) and a resize of the
window, on a demo portfolio of N projects. Prints one JSON object.

    QT_QPA_PLATFORM=offscreen python benchmarks/health_view_scale.py [--projects 2000] [--file PATH]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--projects", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--file", type=Path, help="use (or build and keep) the portfolio at this path")
    args = ap.parse_args()

    from pmo_desktop.gui.widgets.compat import protect_singletons

    protect_singletons()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.demo import build_demo
    from pmo_desktop.gui.shell.main_window import MainWindow
    from pmo_desktop.store import create_portfolio, open_portfolio

    path = args.file or Path(tempfile.mkdtemp(prefix="pmo-bench-")) / "health.pmo"
    if not path.exists():
        create_portfolio(path, populate=lambda pf: build_demo(pf, projects=args.projects, seed=args.seed)).close()
    app = QApplication.instance() or QApplication([])
    scratch = tempfile.TemporaryDirectory(prefix="pmo-bench-")
    settings = QSettings(str(Path(scratch.name) / "layout.ini"), QSettings.Format.IniFormat)
    window = MainWindow(open_portfolio(path, read_only=True), settings=settings)
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    t0 = time.perf_counter()
    window.show_view("health")
    app.processEvents()
    first_show = time.perf_counter() - t0
    view = window.current_view()
    refresh = []
    for _ in range(3):
        t0 = time.perf_counter()
        view.refresh()
        app.processEvents()
        refresh.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    window.resize(1920, 1080)
    app.processEvents()
    resize = time.perf_counter() - t0
    print(json.dumps({"projects": args.projects, "findings": len(view.findings),
                      "first_show_s": round(first_show, 3), "refresh_s": round(min(refresh), 3),
                      "resize_s": round(resize, 3)}))
    window.shutdown()


if __name__ == "__main__":
    main()
