"""`pmo schedule`, `pmo import-plan`, `pmo export-plan`: project plans, their schedule and interchange."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.capacity.from_plan import import_plan
from pmo_desktop.commands.common import TextProgress, UserError, day, msg, phrase, print_json, say
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
        say("pmo: {message}", message=msg(line), stderr=True)
    code = 1 if result.skipped else 0
    if args.json:
        print_json({"projects": projects, "tasks": sum(p["tasks"] for p in projects),
                    "changed": result.changed, "batch": result.batch_id, "skipped": result.skipped,
                    "moved_by_other_projects": [p["project"] for p in projects if p["moved_by"]]})
        return code
    if not projects:
        say("No plans to schedule.")
    for p in projects:
        path = " → ".join(c["name"] for c in p["critical_path"]) or phrase("none")
        say("{code} {name}: {tasks} tasks, {changed} changed, finish {finish}", code=p["project"], name=p["name"],
            tasks=p["tasks"], changed=len(p["changed"]), finish=day(p["finish"]) or phrase("n/a"))
        say("  critical path: {path}", path=path)
        for m in p["moved_by"]:
            slip = phrase(" ({days:+g} working days)", days=m["slip_days"]) if m["slip_days"] else ""
            say("  moved because of {project}: '{predecessor}' drives '{task}'{slip}", project=m["project"],
                predecessor=m["predecessor"], task=m["task"], slip=slip)
        for late in p["late_tasks"]:
            say("  late: {name} misses its deadline by {days} working days", name=late["name"],
                days=-late["total_float"])
    if result.batch_id:
        say("{n} task dates changed (undo step {batch})", n=result.changed, batch=result.batch_id)
    else:
        say("{n} task dates changed", n=result.changed)
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
    say("Created {project}: {tasks} tasks, {links} links from {file} (calendar '{calendar}')" if result.created
        else "Replaced the plan of {project}: {tasks} tasks, {links} links from {file} (calendar '{calendar}')",
        project=result.project, tasks=result.tasks, links=result.links, file=args.plan.name,
        calendar=result.calendar)
    for w in result.warnings:
        say("  note: {note}", note=msg(w))
    print_allocations(derived)
    return 0


def print_allocations(derived) -> None:
    """The text lines for the allocations a plan import derived from resource assignments."""
    if derived.allocations or derived.replaced:
        who = phrase(", ").join(derived.people) or phrase("no one")
        replaced = phrase("; replaced {n} from the last plan", n=derived.replaced) if derived.replaced else ""
        say("Allocations from assignments: {n} person-months for {who} ({days:.1f} person-days){replaced}",
            n=derived.allocations, who=who, days=derived.person_days, replaced=replaced)
    for w in derived.warnings:
        say("  note: {note}", note=msg(w))


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
        others = (phrase(" ({n} from other projects)", n=result["cross_project_links"])
                  if result["cross_project_links"] else "")
        say("Wrote {file}: {tasks} tasks, {links} links{others}", file=result["file"], tasks=result["tasks"],
            links=result["links"], others=others)
    return 0
