"""`pmo-desktop [FILE] [--screenshot PNG [--view NAME] [--size WxH]]`: start the GUI.

With no file, the most recent portfolio opens again; on a first run a welcome dialog offers to create
a portfolio, open one or explore the demo portfolio kept in the user's data folder (created on first
use). `--screenshot` never asks: with no file it renders the demo; `--size` sets the window size in
device-independent pixels (QT_SCALE_FACTOR=1.5 renders it at 150%, as a scaled laptop screen would). Unexpected errors in the running
GUI are logged and shown (gui/shell/crash.py) instead of closing the window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from pmo_desktop import __version__, i18n
from pmo_desktop.store import PortfolioError, create_portfolio, open_portfolio
from pmo_desktop.store.backups import data_dir


def demo_path() -> Path:
    return data_dir() / "Demo portfolio.pmo"


def ensure_demo() -> Path:
    from pmo_desktop.demo import build_demo

    path = demo_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_portfolio(path, populate=lambda pf: build_demo(pf, projects=40)).close()
    return path


def window_size(text: str) -> tuple[int, int]:
    """'1366x768' -> (1366, 768); anything else is a usage error with one line saying the form."""
    w, sep, h = text.lower().partition("x")
    if not sep or not w.strip().isdigit() or not h.strip().isdigit() or int(w) < 320 or int(h) < 240:
        raise argparse.ArgumentTypeError(f"{text!r} is not a window size such as 1366x768 (at least 320x240)")
    return int(w), int(h)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="pmo-desktop", description="PMO Desktop")
    p.add_argument("file", nargs="?", type=Path,
                   help="portfolio file (.pmo); if omitted, the last one or a welcome dialog (--screenshot: the demo)")
    p.add_argument("--screenshot", type=Path, metavar="PNG", help="render the window offscreen to PNG and exit")
    p.add_argument("--view", default="projects",
                   help="view to show, e.g. projects, raid, milestones, status, roadmap, gantt, budget, finance, "
                        "dashboard, gates, book, health, lessons, people, capacity")
    p.add_argument("--size", type=window_size, default=(1600, 1000), metavar="WxH",
                   help="window size for --screenshot, e.g. 1366x768 (default 1600x1000)")
    p.add_argument("--read-only", action="store_true", help="open the portfolio read-only")
    p.add_argument("--lang", metavar="LANG", help="language of the window for this run: en or zh-CN "
                   "(default: the one chosen in Settings ▸ Language, else the system's)")
    p.add_argument("--version", action="version", version=f"PMO Desktop {__version__}")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pmo_desktop.gui.widgets.compat import protect_singletons

    protect_singletons()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.gui.shell.file_actions import Prompts, open_with_dialogs
    from pmo_desktop.gui.shell.main_window import MainWindow
    from pmo_desktop.gui.shell.style import apply_style
    from pmo_desktop.gui.shell.views import default_views

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PMO Desktop")
    app.setOrganizationName("PMO Desktop")
    app.setApplicationVersion(__version__)
    from pmo_desktop.gui.shell import collector

    collector.install(app)  # cycles are freed on this thread, never on a worker's (see collector.py)
    from pmo_desktop.gui.shell.i18n import chosen_language, install_translators, share_language

    try:
        lang = chosen_language(QSettings(), args.lang) if not args.screenshot else i18n.resolve(args.lang)
    except ValueError as exc:
        print(f"pmo-desktop: {exc}", file=sys.stderr)
        return 2
    if not args.screenshot:
        share_language(QSettings())
    install_translators(app, lang)
    apply_style(app)
    views = default_views()
    if args.screenshot and args.view not in views:
        print(f"pmo-desktop: there is no view called {args.view!r} (choose from {', '.join(views.names())})",
              file=sys.stderr)
        return 2
    if args.screenshot:
        try:
            portfolio = open_portfolio(args.file or ensure_demo(), read_only=args.read_only)
        except PortfolioError as exc:
            print(f"pmo-desktop: {exc}", file=sys.stderr)
            return 1
    else:
        # Interactively, a file that cannot be opened gets the same dialogs as File > Open (a locked
        # file offers read-only), and the window opens empty so another file can be chosen.
        from pmo_desktop.gui.shell import crash
        from pmo_desktop.gui.shell.first_run import start_portfolio

        crash.install()
        if args.file is None:
            portfolio = start_portfolio(QSettings(), Prompts(None), ensure_demo)
        else:
            portfolio = open_with_dialogs(args.file, Prompts(None), read_only=args.read_only)
    if args.screenshot:
        # A screenshot must look the same on every machine: a throw-away layout, not the user's.
        scratch = tempfile.TemporaryDirectory(prefix="pmo-shot-")
        settings = QSettings(str(Path(scratch.name) / "layout.ini"), QSettings.Format.IniFormat)
        window = MainWindow(portfolio, views=views, settings=settings)
        window.resize(*args.size)
        window.show_view(args.view)
        window.select_first_row()
        window.show()
        app.processEvents()
        runner = getattr(window, "_job_runner", None)
        while runner is not None and runner.busy():  # a view still reading its figures (the dashboard)
            time.sleep(0.02)
            app.processEvents()
        app.processEvents()
        ok = window.grab().save(str(args.screenshot))
        window.shutdown()
        window.close()
        del settings
        scratch.cleanup()
        if not ok:
            print(f"pmo-desktop: could not write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    window = MainWindow(portfolio, views=views)
    window.show()
    code = app.exec()
    window.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
