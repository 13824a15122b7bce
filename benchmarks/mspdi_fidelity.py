"""How many tasks keep MS Project's own start and finish after our engine reschedules them.

For each file in ../shared/samples/mspdi: import it into a fresh portfolio, reschedule it with our
engine, and compare every task's start and finish with the dates MS Project wrote in the file (as
whole days: a finish at the very start of a working day is the previous day's end). Also imports
every .gan sample. Prints one JSON object.

    PYTHONPATH=. python benchmarks/mspdi_fidelity.py
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
from pmo_desktop.store import create_portfolio  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples"


def main() -> dict:
    files, total, kept = {}, 0, 0
    linked_total = linked_kept = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((SAMPLES / "mspdi").glob("*.xml")):
            plan = read_mspdi(path)
            pf = create_portfolio(Path(tmp) / f"{path.stem}.pmo")
            try:
                result = apply_plan(pf, plan)
                report = schedule_project(pf.conn, result.project_id)
                stored = {
                    row[0]: row[1:] for row in pf.conn.execute(
                        """SELECT id, name, start_date, finish_date, kind, sort_order FROM tasks
                           WHERE project_id = ?""", (result.project_id,))
                }
                linked = {r[0] for r in pf.conn.execute("SELECT successor_id FROM dependencies")}
            finally:
                pf.close()
            mismatches = []
            n_kept = n_linked = n_linked_kept = n_part_day = 0
            for tid, (name, start, finish, kind, sort) in stored.items():
                ours = report.schedule.tasks[tid]
                source = plan.tasks[sort - 1]
                # MS Project's own dates, read as whole working days; a part-day time (a night-shift
                # start at 23:00, say) is a mismatch, whatever the importer made of it.
                same = (ours.start.isoformat(), ours.finish.isoformat()) == (start, finish) and not source.part_day
                n_part_day += source.part_day
                n_kept += same
                if tid in linked:
                    n_linked += 1
                    n_linked_kept += same
                if not same:
                    mismatches.append({"task": name, "kind": kind, "part_day": source.part_day,
                                       "ms_project": [str(source.source_start), str(source.source_finish)],
                                       "whole_days": [start, finish],
                                       "ours": [ours.start.isoformat(), ours.finish.isoformat()]})
            files[path.name] = {"tasks": len(stored), "kept": n_kept, "linked_tasks": n_linked,
                                "linked_kept": n_linked_kept, "links": result.links, "part_day_tasks": n_part_day,
                                "warnings": len(plan.warnings), "mismatches": mismatches}
            total += len(stored)
            kept += n_kept
            linked_total += n_linked
            linked_kept += n_linked_kept
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
    return {
        "mspdi_files": len(files), "tasks": total, "kept": kept,
        "kept_ratio": round(kept / total, 4) if total else None,
        "linked_tasks": linked_total, "linked_kept": linked_kept,
        "files": files, "gan_files": gan,
    }


if __name__ == "__main__":
    json.dump(main(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
