"""How many tasks keep MS Project's own start and finish, to the minute, after our engine reschedules them.

For each MSPDI file given (default: ../shared/samples/mspdi/*.xml and the hand-built plans with sub-day
work in tests/data/mspdi/): import it into a fresh portfolio, reschedule it with our engine (`pmo
schedule`'s service), and compare every task's start and finish instant with the ones MS Project wrote.

A date is kept when it is the same minute, or the same working instant written at the other edge of
a non-working gap (MS Project and tools writing MSPDI put a finish either at 17:00 Friday or at 08:00
Monday: no working minute lies between them); `identical` counts the exact minutes alone. A file is
day-aligned when every date in it sits on its calendar's day edges. Also imports every GanttProject
sample (../shared/samples/gan) and counts the tasks whose dates rescheduling leaves alone. One JSON
object on stdout.

    PYTHONPATH=. python benchmarks/mspdi_fidelity.py [FILE.xml ...]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pmo_desktop.plans_io import apply_plan, read_gan, read_mspdi  # noqa: E402
from pmo_desktop.scheduling import schedule_project  # noqa: E402
from pmo_desktop.scheduling.calendar import load_calendar  # noqa: E402
from pmo_desktop.store import create_portfolio  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples"
HAND_MADE = ROOT / "tests" / "data" / "mspdi"


def _on_edge(cal, at, edge: int) -> bool:
    hours = cal.hours_of(at.toordinal())
    return bool(hours) and at.hour * 60 + at.minute == hours[edge][-edge]


def fidelity(path: Path, tmp: Path) -> dict:
    plan = read_mspdi(path)
    pf = create_portfolio(tmp / f"{path.stem}.pmo")
    try:
        result = apply_plan(pf, plan)
        report = schedule_project(pf.conn, result.project_id)
        rows = pf.conn.execute("SELECT id, name, kind, sort_order, calendar_id FROM tasks WHERE project_id = ?",
                               (result.project_id,)).fetchall()
        calendars = {cid: load_calendar(pf.conn, cid) for cid in {r[4] for r in rows}}
        linked = {r[0] for r in pf.conn.execute("SELECT successor_id FROM dependencies")}
    finally:
        pf.close()
    kept = identical = n_linked = linked_kept = 0
    aligned = True
    mismatches = []
    for tid, name, kind, sort, cal_id in rows:
        ours, source, cal = report.schedule.tasks[tid], plan.tasks[sort - 1], calendars[cal_id]
        ms = (source.source_start_at, source.source_finish_at)
        mine = (ours.start_at, ours.finish_at)
        if kind != "milestone" and None not in ms:
            aligned = aligned and _on_edge(cal, ms[0], 0) and _on_edge(cal, ms[1], -1)
        same = mine == ms
        equivalent = same or (None not in ms and None not in mine and kind != "milestone" and
                              cal.mpos(ms[0]) == cal.mpos(mine[0]) and cal.mpos(ms[1]) == cal.mpos(mine[1]))
        identical += same
        kept += equivalent
        if tid in linked:
            n_linked += 1
            linked_kept += equivalent
        if not equivalent:
            mismatches.append({"task": name, "kind": kind,
                               "ms_project": [str(ms[0]), str(ms[1])], "ours": [str(mine[0]), str(mine[1])]})
    return {"tasks": len(rows), "kept": kept, "identical": identical, "day_aligned": aligned,
            "linked_tasks": n_linked, "linked_kept": linked_kept, "links": result.links,
            "warnings": len(plan.warnings), "mismatches": mismatches}


def main(paths: list[Path]) -> dict:
    files = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            files[path.name] = fidelity(path, Path(tmp))
    total = sum(f["tasks"] for f in files.values())
    kept = sum(f["kept"] for f in files.values())
    aligned = [f for f in files.values() if f["day_aligned"]]
    gan = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((SAMPLES / "gan").glob("*.gan")):
            plan = read_gan(path)
            pf = create_portfolio(Path(tmp) / f"{path.stem}.pmo")
            try:
                result = apply_plan(pf, plan)
                report = schedule_project(pf.conn, result.project_id)
            finally:
                pf.close()
            moved = [{"task": c["name"], "ganttproject": [c["old_start"], c["old_finish"]],
                      "ours": [c["start"], c["finish"]]} for c in report.changed]
            gan[path.name] = {"tasks": len(plan.tasks), "links": len(plan.links),
                              "kept": len(plan.tasks) - len(moved), "moved": moved}
    gan_tasks = sum(g["tasks"] for g in gan.values())
    return {
        "mspdi_files": len(files), "tasks": total, "kept": kept,
        "identical": sum(f["identical"] for f in files.values()),
        "kept_ratio": round(kept / total, 4) if total else None,
        "day_aligned_tasks": sum(f["tasks"] for f in aligned),
        "day_aligned_kept": sum(f["kept"] for f in aligned),
        "linked_tasks": sum(f["linked_tasks"] for f in files.values()),
        "linked_kept": sum(f["linked_kept"] for f in files.values()),
        "gan_tasks": gan_tasks, "gan_kept": sum(g["kept"] for g in gan.values()),
        "files": files, "gan_files": gan,
    }


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    if not args:
        args = sorted((SAMPLES / "mspdi").glob("*.xml")) + sorted(HAND_MADE.glob("*.xml"))
    json.dump(main(args), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
