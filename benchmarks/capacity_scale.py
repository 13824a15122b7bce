"""Scale check for capacity: 2,000 people x 24 months.

Builds a demo portfolio (400 projects) with 2,000 demo people and 24 months of allocations, then times,
best of --repeat runs: loading people, spells and allocations and computing the utilisation grid;
team utilisation; the over-allocation list; a skill search. With --gui (needs PySide6 and the gui
branch's capacity view) it also times building the heatmap view and painting its visible viewport.

    PYTHONPATH=. python benchmarks/capacity_scale.py [--people 2000] [--months 24] [--repeat 5] [--gui]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--months", type=int, default=24)
    ap.add_argument("--projects", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--gui", action="store_true", help="also time the heatmap view (offscreen)")
    args = ap.parse_args()

    from pmo_desktop.capacity import maths
    from pmo_desktop.capacity.demo import build_people_demo
    from pmo_desktop.capacity.queries import capacity_grid
    from pmo_desktop.demo import build_demo
    from pmo_desktop.domain import workdays
    from pmo_desktop.store import create_portfolio

    today = date(2026, 11, 27)
    path = Path(tempfile.mkdtemp(prefix="pmo-bench-")) / "capacity.pmo"
    t0 = time.perf_counter()

    def populate(pf):
        build_demo(pf, projects=args.projects, seed=7, today=today, people=0)
        build_people_demo(pf, people=args.people, seed=7, today=today, months=args.months)

    pf = create_portfolio(path, populate=populate)
    created = time.perf_counter() - t0
    first = workdays.add_months(today.replace(day=1), -1)
    last = workdays.add_months(first, args.months - 1)
    counts = {t: pf.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("people", "person_skills", "non_working", "allocations")}

    grid_s, grid = best(lambda: capacity_grid(pf, first, last), args.repeat)
    teams_s, _ = best(lambda: maths.group_utilisation(grid, "team"), args.repeat)
    roles_s, _ = best(lambda: maths.demand_by_role(grid), args.repeat)
    over_s, over = best(lambda: maths.over_allocations(grid), args.repeat)
    who_s, who = best(lambda: maths.who_is_free(grid, "Python", min_level=3, min_free_fte=0.2), args.repeat)
    result = {
        "benchmark": "capacity_scale",
        "people": len(grid.people),
        "months": len(grid.months),
        "cells": len(grid.people) * len(grid.months),
        "counts": counts,
        "create_s": round(created, 2),
        "load_and_grid_s": round(grid_s, 4),
        "team_utilisation_s": round(teams_s, 4),
        "demand_by_role_s": round(roles_s, 4),
        "over_allocations_s": round(over_s, 4),
        "over_allocated_person_months": len(over),
        "who_is_free_s": round(who_s, 4),
        "who_is_free_found": len(who),
    }
    if args.gui:
        result.update(_gui_figures(pf, first, last, args.repeat))
    pf.close()
    print(json.dumps(result, indent=2))


def _gui_figures(pf, first, last, repeat: int) -> dict:
    """Heatmap of the whole grid in a 1600 x 900 viewport: set-up, and the paint of one screenful at the
    top, in the middle and at the bottom-right (best of `repeat`; each paint renders to a pixmap), then
    40 paints scrolling a screen at a time (wall-clock median and max, and CPU per paint: the machine
    may be shared)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.capacity.queries import capacity_grid
    from pmo_desktop.gui.capacity.capacity_heatmap import CapacityHeatmap
    from pmo_desktop.gui.widgets.compat import protect_singletons

    protect_singletons()
    app = QApplication.instance() or QApplication([])
    grid = capacity_grid(pf, first, last)
    heatmap = CapacityHeatmap()
    heatmap.resize(1600, 900)
    heatmap.show()
    app.processEvents()
    set_s, _ = best(lambda: heatmap.set_grid(grid, "team"), repeat)
    figures = {"heatmap_rows": len(heatmap.rows), "heatmap_set_grid_s": round(set_s, 4)}
    v, h = heatmap.verticalScrollBar(), heatmap.horizontalScrollBar()
    for name, (vy, hx) in {"top": (0, 0), "middle": (v.maximum() // 2, h.maximum() // 2),
                           "bottom_right": (v.maximum(), h.maximum())}.items():
        v.setValue(vy)
        h.setValue(hx)
        paint_s, _ = best(lambda: heatmap.viewport().grab(), repeat)
        figures[f"paint_{name}_ms"] = round(paint_s * 1000, 2)
    figures["painted_cells_per_screen"] = heatmap.painted_cells
    scroll, cpu0 = [], time.process_time()
    for step in range(40):  # scrolling down a screen at a time: rows never painted before
        v.setValue(step * 900)
        t0 = time.perf_counter()
        heatmap.viewport().grab()
        scroll.append(time.perf_counter() - t0)
    figures["scroll_repaint_median_ms"] = round(sorted(scroll)[len(scroll) // 2] * 1000, 2)
    figures["scroll_repaint_max_ms"] = round(max(scroll) * 1000, 2)
    figures["scroll_repaint_cpu_ms"] = round((time.process_time() - cpu0) / len(scroll) * 1000, 2)
    figures["budget_repaint_ms"] = 16
    heatmap.close()
    return figures


if __name__ == "__main__":
    main()
