"""`pmo schedule`, `pmo import-plan`, `pmo export-plan`: project plans, their schedule and interchange."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pmo_desktop.capacity.from_plan import import_plan
from pmo_desktop.commands.common import TextProgress, UserError, print_json
from pmo_desktop.domain.enums import Source
from pmo_desktop.plans_io import read_plan, write_mspdi
from pmo_desktop.scheduling import reschedule
from pmo_desktop.store import open_portfolio


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schedule", help="reschedule plans; report changed dates and the critical path")
    p.add_argument("file", type=Path)
    p.add_argument("--project", metavar="CODE", help="only this project (default: every project with a plan)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_schedule)

    p = sub.add_parser("import-plan", help="import an MS Project XML (.xml) or GanttProject (.gan) plan")
    p.add_argument("file", type=Path)
    p.add_argument("plan", type=Path)
    p.add_argument("--project", metavar="CODE", help="replace this project's plan (default: a new project)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_import_plan)

    p = sub.add_parser("export-plan", help="export one project's plan as MS Project XML")
    p.add_argument("file", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--project", metavar="CODE", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_export_plan)


def cmd_schedule(args: argparse.Namespace) -> int:
    with open_portfolio(args.file) as pf:
        result = reschedule(pf, args.project, source=Source.CLI, progress=TextProgress("Scheduling"))
    projects = [p.as_dict() for p in result.projects]
    for line in result.skipped:  # one line each on stderr; the other plans were scheduled
        print(f"pmo: {line}", file=sys.stderr)
    code = 1 if result.skipped else 0
    if args.json:
        print_json({"projects": projects, "tasks": sum(p["tasks"] for p in projects),
                    "changed": result.changed, "batch": result.batch_id, "skipped": result.skipped,
                    "moved_by_other_projects": [p["project"] for p in projects if p["moved_by"]]})
        return code
    if not projects:
        print("No plans to schedule.")
    for p in projects:
        path = " → ".join(c["name"] for c in p["critical_path"]) or "none"
        print(f"{p['project']} {p['name']}: {p['tasks']} tasks, {len(p['changed'])} changed, "
              f"finish {p['finish'] or 'n/a'}")
        print(f"  critical path: {path}")
        for m in p["moved_by"]:
            slip = f" ({m['slip_days']:+g} working days)" if m["slip_days"] else ""
            print(f"  moved because of {m['project']}: '{m['predecessor']}' drives '{m['task']}'{slip}")
        for late in p["late_tasks"]:
            print(f"  late: {late['name']} misses its deadline by {-late['total_float']} working days")
    print(f"{result.changed} task dates changed" + (f" (undo step {result.batch_id})" if result.batch_id else ""))
    return code


def cmd_import_plan(args: argparse.Namespace) -> int:
    if not args.plan.exists():
        raise UserError(f"{args.plan} does not exist")
    plan = read_plan(args.plan)  # read fully before the portfolio is touched
    with open_portfolio(args.file) as pf:
        result, derived = import_plan(pf, plan, args.project, source=Source.IMPORT)
    payload = {**result.as_dict(), "plan": plan.summary(), "allocations": derived.as_dict()}
    if args.json:
        print_json(payload)
        return 0
    verb = "Created" if result.created else "Replaced the plan of"
    print(f"{verb} {result.project}: {result.tasks} tasks, {result.links} links from {args.plan.name} "
          f"(calendar '{result.calendar}')")
    for w in result.warnings:
        print(f"  note: {w}")
    print_allocations(derived)
    return 0


def print_allocations(derived) -> None:
    """The text lines for the allocations a plan import derived from resource assignments."""
    if derived.allocations or derived.replaced:
        who = ", ".join(derived.people) or "no one"
        print(f"Allocations from assignments: {derived.allocations} person-months for {who} "
              f"({derived.person_days:.1f} person-days)" + (f"; replaced {derived.replaced} from the last plan"
                                                            if derived.replaced else ""))
    for w in derived.warnings:
        print(f"  note: {w}")


def cmd_export_plan(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".xml":
        raise UserError(f"{args.out.name}: plans are exported as MS Project XML; use a .xml file name")
    return export_plan(args.file, args.project, args.out, as_json=args.json)


def export_plan(file: Path, project: str, out: Path, *, as_json: bool) -> int:
    """Write one project's plan as MS Project XML and report it (shared with `pmo export OUT.xml`)."""
    with open_portfolio(file, read_only=True) as pf:
        result = write_mspdi(pf, project, out)
    if as_json:
        print_json(result)
    else:
        others = f" ({result['cross_project_links']} from other projects)" if result["cross_project_links"] else ""
        print(f"Wrote {result['file']}: {result['tasks']} tasks, {result['links']} links{others}")
    return 0
