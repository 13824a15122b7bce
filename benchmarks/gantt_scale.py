"""Repaint time of the Gantt chart viewport with a 10,000-task plan loaded (budget: 16 ms).

Builds a 10,000-task / 15,000-link plan in a temporary portfolio, reschedules it, loads it into the
Gantt chart (1400 x 900, offscreen) and times synchronous repaints at 60 scroll positions spread
over the plan and along the time axis; also times a repaint of the task table beside it, and the
load itself. Prints one JSON object.

    PYTHONPATH=. python benchmarks/gantt_scale.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from schedule_scale import build, store_plan  # noqa: E402

from pmo_desktop.scheduling import reschedule  # noqa: E402
from pmo_desktop.scheduling.timeline import gantt_plan  # noqa: E402
from pmo_desktop.store import create_portfolio  # noqa: E402


def main() -> dict:
    from pmo_desktop.gui.widgets.compat import protect_singletons

    protect_singletons()  # PySide6 6.12 abi3 on Python 3.11 drops references to None (see gui/widgets/compat.py)
    from PySide6.QtWidgets import QApplication, QTableView

    from pmo_desktop.gui.plans.gantt_chart import GanttChart
    from pmo_desktop.gui.plans.gantt_view import GanttTableModel

    app = QApplication.instance() or QApplication([])
    tasks, links = build(10_000, 15_000)
    with tempfile.TemporaryDirectory() as tmp:
        pf = create_portfolio(Path(tmp) / "gantt.pmo")
        with pf.batch("cli", "load"):
            pid = store_plan(pf, tasks, links)
        reschedule(pf, "BIG")
        t0 = time.perf_counter()
        plan = gantt_plan(pf.conn, pid)
        load_s = time.perf_counter() - t0
        pf.close()
    chart = GanttChart()
    chart.resize(1400, 900)
    t0 = time.perf_counter()
    chart.set_plan(plan, "Weeks")
    set_plan_s = time.perf_counter() - t0
    chart.show()
    app.processEvents()
    table = QTableView()
    model = GanttTableModel()
    model.set_plan(plan)
    table.setModel(model)
    table.resize(600, 900)
    table.show()
    app.processEvents()
    vbar, hbar = chart.verticalScrollBar(), chart.horizontalScrollBar()
    times, cpu_times, table_times = [], [], []
    for n in range(60):
        vbar.setValue(int(vbar.maximum() * n / 59))
        hbar.setValue(int(hbar.maximum() * ((n * 7) % 60) / 59))
        app.processEvents()
        t0, c0 = time.perf_counter(), time.process_time()
        chart.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
        cpu_times.append((time.process_time() - c0) * 1000)
        table.verticalScrollBar().setValue(vbar.value())
        t0 = time.perf_counter()
        table.viewport().repaint()
        table_times.append((time.perf_counter() - t0) * 1000)
    first, last = chart.visible_rows()
    return {
        "tasks": len(plan.rows), "links": len(plan.links), "viewport": [1400, 900],
        "rows_per_viewport": last - first + 1,
        "repaint_ms_median": round(statistics.median(times), 2), "repaint_ms_p95": round(sorted(times)[56], 2),
        "repaint_ms_max": round(max(times), 2), "repaint_cpu_ms_median": round(statistics.median(cpu_times), 2), "table_repaint_ms_median": round(statistics.median(table_times), 2),
        "load_plan_s": round(load_s, 3), "set_plan_s": round(set_plan_s, 3), "budget_ms": 16,
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


if __name__ == "__main__":
    json.dump(main(), sys.stdout, indent=2)
    sys.stdout.write("\n")
