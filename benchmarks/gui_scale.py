"""GUI at scale: the 10,000-project register against a bare PySide6 table over the same rows.

    PYTHONPATH=. python benchmarks/gui_scale.py [--file PORTFOLIO] [--repeat N]

Without --file it builds `pmo new --demo --projects 10000 --seed 7` in a temporary folder. Each
program runs in a fresh process (offscreen); "start" is wall time from launching the process to the
register painted on screen. "sort" is sorting by budget (descending) and painting; "filter" is
status = Active and painting; "search" is a quick search for "data" (ours only: the bare program
has no search). The bare program reads the rows with sqlite3 into Python lists, shows them in a
QTableView over a minimal QAbstractTableModel, and sorts/filters those lists in Python: the floor.
Prints one JSON object with both, and ours / bare ratios (median of --repeat runs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["code", "name", "rag_overall", "stage", "status", "priority", "manager", "sponsor", "start_date",
           "finish_date", "baseline_finish", "approved_budget", "percent_complete", "rag_schedule", "rag_cost",
           "rag_scope", "rag_resources", "business_unit", "strategic_theme", "description"]


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def child_ours(path: str) -> dict:
    from pmo_desktop.gui.widgets.compat import protect_singletons

    protect_singletons()
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.gui.shell.main_window import MainWindow
    from pmo_desktop.gui.shell.style import apply_style
    from pmo_desktop.store import open_portfolio

    app = QApplication([])
    apply_style(app)
    settings_file = Path(tempfile.mkdtemp()) / "bench.ini"
    window = MainWindow(open_portfolio(path), settings=QSettings(str(settings_file), QSettings.Format.IniFormat))
    window.resize(1600, 1000)
    window.show_view("projects")
    window.show()
    view = window.pages["projects"]
    view.table.viewport().repaint()
    app.processEvents()
    shown = time.time()
    rows = view.model.rowCount()
    col = view.model.column_index("approved_budget")
    t = time.perf_counter()
    view.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    view.table.viewport().repaint()
    sort_ms = _ms(t)
    view.offer_filter_values("status")  # the user opens the drop-down, then picks (timed)
    t = time.perf_counter()
    view.set_filter("status", "Active")
    view.table.viewport().repaint()
    filter_ms = _ms(t)
    filtered = view.model.rowCount()
    view.set_filter("status", None)
    t = time.perf_counter()
    view.search_box.setText("data")
    view.apply_search_now()
    view.table.viewport().repaint()
    search_ms = _ms(t)
    window.shutdown()
    return {"shown_at": shown, "rows": rows, "sort_ms": sort_ms, "filter_ms": filter_ms, "filtered_rows": filtered,
            "search_ms": search_ms}


def child_bare(path: str) -> dict:
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = [list(r) for r in conn.execute(f"SELECT {', '.join(COLUMNS)} FROM projects ORDER BY id")]

    class Model(QAbstractTableModel):
        def __init__(self, data):
            super().__init__()
            self.all = data
            self.rows = data

        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return len(COLUMNS)

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                v = self.rows[index.row()][index.column()]
                return "" if v is None else str(v)
            return None

        def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
                return COLUMNS[section]
            return None

        def sort(self, column, order=Qt.SortOrder.AscendingOrder):
            self.layoutAboutToBeChanged.emit()
            self.rows = sorted(self.rows, key=lambda r: (r[column] is None, r[column] or 0),
                               reverse=order == Qt.SortOrder.DescendingOrder)
            self.layoutChanged.emit()

        def filter(self, column, value):
            self.beginResetModel()
            self.rows = [r for r in self.all if r[column] == value]
            self.endResetModel()

    model = Model(rows)
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(1600, 1000)
    view.show()
    view.viewport().repaint()
    app.processEvents()
    shown = time.time()
    t = time.perf_counter()
    view.sortByColumn(COLUMNS.index("approved_budget"), Qt.SortOrder.DescendingOrder)
    view.viewport().repaint()
    sort_ms = _ms(t)
    t = time.perf_counter()
    model.filter(COLUMNS.index("status"), "Active")
    view.viewport().repaint()
    filter_ms = _ms(t)
    return {"shown_at": shown, "rows": len(rows), "sort_ms": sort_ms, "filter_ms": filter_ms,
            "filtered_rows": model.rowCount()}


def run_child(kind: str, path: Path, scratch: str) -> dict:
    # scratch: where an upgrade backup of an older benchmark file goes (not the user's folder), and a
    # private bytecode cache, so both programs start as installed code does (compiled once), even
    # when the environment sets PYTHONDONTWRITEBYTECODE.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PMO_DESKTOP_DATA_DIR=scratch,
               PYTHONPYCACHEPREFIX=str(Path(scratch) / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(path)], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["start_s"] = round(result.pop("shown_at") - start, 3)
    return result


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--file", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--child", nargs=2, metavar=("KIND", "FILE"))
    args = p.parse_args()
    if args.child:
        kind, path = args.child
        print(json.dumps(child_ours(path) if kind == "ours" else child_bare(path)))
        return
    path = args.file
    if path is None:
        path = Path(tempfile.mkdtemp()) / "bench-10k.pmo"
        subprocess.run([sys.executable, "-m", "pmo_desktop", "new", str(path), "--demo", "--projects", "10000",
                        "--seed", "7"], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True,
                       capture_output=True)
    runs = {"ours": [], "bare": []}
    scratch = tempfile.mkdtemp(prefix="pmo-bench-")
    for kind in runs:  # warm-up: migrates an older file once, compiles, fills the OS cache
        run_child(kind, path, scratch)
    for _ in range(args.repeat):
        for kind in runs:
            runs[kind].append(run_child(kind, path, scratch))
    shutil.rmtree(scratch, ignore_errors=True)

    def median(kind: str, key: str) -> float:
        return round(statistics.median(r[key] for r in runs[kind]), 3)

    ours = {k: median("ours", k) for k in ("start_s", "sort_ms", "filter_ms", "search_ms")}
    bare = {k: median("bare", k) for k in ("start_s", "sort_ms", "filter_ms")}
    ours["rows"], bare["rows"] = runs["ours"][0]["rows"], runs["bare"][0]["rows"]
    ours["filtered_rows"], bare["filtered_rows"] = runs["ours"][0]["filtered_rows"], runs["bare"][0]["filtered_rows"]
    ratio = {k: round(ours[k] / bare[k], 2) if bare[k] else None for k in ("start_s", "sort_ms", "filter_ms")}
    print(json.dumps({"benchmark": "gui_scale", "file": str(path), "repeat": args.repeat, "ours": ours,
                      "bare": bare, "ratio_ours_to_bare": ratio,
                      "budgets": {"sort_ms": 100, "filter_ms": 100, "start_ratio": 1.5}}))


if __name__ == "__main__":
    main()
