"""`pmo import` and `pmo export`: spreadsheets in, workbook out."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import TextProgress, UserError, msg, phrase, print_json, say, word
from pmo_desktop.domain.enums import Source
from pmo_desktop.importing import service
from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.importing.plan import ImportPlan
from pmo_desktop.importing.saved_mappings import save_mapping
from pmo_desktop.store import open_portfolio

ROWS_SHOWN = 40
ERRORS_SHOWN = 200
UNKNOWN_SHOWN = 30


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a spreadsheet (xlsx, xls, ods, csv) or a plan (MS Project .xml, .gan)")
    p.add_argument("file", type=Path, help="the portfolio")
    p.add_argument("input", type=Path, help="the file to import (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .xml, .gan)")
    p.add_argument("--kind", default="auto",
                   help="projects, raid, tasks, budget, status, or auto (default: guess from the headers)")
    p.add_argument("--sheet", help="import only this sheet")
    p.add_argument("--mapping", help="use a saved column mapping by name")
    p.add_argument("--save-mapping", metavar="NAME", help="save the mapping used, under NAME, for next time")
    p.add_argument("--project", metavar="CODE", help="the project rows belong to when the file has no project column")
    p.add_argument("--dry-run", action="store_true", help="show what would change and write nothing")
    p.add_argument("--skip-errors", action="store_true", help="import the good rows even if some rows have errors")
    p.add_argument("--value", action="append", metavar="FIELD:FROM=TO", default=[],
                   help="read a value the portfolio does not know as a known one (status:Planning=Active); "
                        "nothing after '=' leaves it blank; project:CODE=OTHER maps a missing project, "
                        "project:CODE= skips its rows (repeatable)")
    p.add_argument("--add-values", action="store_true",
                   help="add unknown values of lists that may grow (status, response, category, priority, "
                        "stage) to the portfolio's lists")
    p.add_argument("--create-missing", action="store_true",
                   help="create the projects rows name that the portfolio lacks (code and name from the rows)")
    p.add_argument("--keep-numbers", action="store_true",
                   help="keep plain-number refs as they are (7 stays 7) instead of giving them a prefix (R-007)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("export", help="every register to an Excel workbook (.xlsx), or one plan to MS Project XML")
    p.add_argument("file", type=Path, help="the portfolio")
    p.add_argument("output", type=Path, help="the workbook to write (.xlsx)")
    p.add_argument("--project", metavar="CODE", help="for OUT.xml: the project whose plan to export")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    from pmo_desktop import plans_io

    if args.input.suffix.lower() in plans_io.READERS:
        return _import_plan_file(args)
    from pmo_desktop.benefits.model import BenefitsError
    from pmo_desktop.importing.benefit_sheets import has_benefit_sheets, import_benefits

    writing = not args.dry_run or bool(args.save_mapping)
    with_benefits = args.sheet is None and args.kind == "auto" and has_benefit_sheets(args.input)
    with open_portfolio(args.file, read_only=not writing) as pf:
        progress = TextProgress("Reading {name}", name=args.input.name)
        try:
            plan, pairs = service.plan_file(pf, args.input, kind=args.kind, sheet=args.sheet,
                                            mapping_name=args.mapping, project=args.project, progress=progress,
                                            values=args.value, add_values=args.add_values,
                                            create_missing=args.create_missing, keep_numbers=args.keep_numbers)
        except ImportRefused:
            if not with_benefits:
                raise
            plan, pairs = ImportPlan(str(args.input)), []
        applied = None
        failure = None
        benefits = None
        if args.dry_run and with_benefits:
            benefits = import_benefits(pf, args.input, dry_run=True)
        if not args.dry_run:
            try:
                # One undo step for the registers and the benefits together.
                with pf.batch(Source.IMPORT, f"Import {args.input.name}"):
                    applied = service.apply(pf, plan, skip_errors=args.skip_errors,
                                            progress=TextProgress("Importing {name}", name=args.input.name))
                    if with_benefits:
                        benefits = import_benefits(pf, args.input)
            except (ImportRefused, BenefitsError) as exc:
                failure = str(exc)
                applied = None
        if args.save_mapping and failure is None:
            if len(pairs) != 1:
                raise UserError("--save-mapping needs exactly one sheet; pick it with --sheet")
            table, mapping = pairs[0]
            save_mapping(pf, args.save_mapping, mapping.to_saved(table))
    if args.json:
        payload = plan.as_dict()
        payload.update(dry_run=args.dry_run, applied=applied.as_dict() if applied else None,
                       ok=failure is None and plan.counts()["error"] == 0, benefits=benefits)
        if failure:
            payload["error"] = failure
        print_json(payload)
    else:
        _print_plan(plan)
        if args.dry_run:
            say("Dry run: nothing was written.")
        elif applied is not None:
            if applied.batch_id is None:
                say("Nothing to change: the portfolio already holds this data.")
            elif applied.skipped_errors:
                say("Imported: {added} added, {updated} updated (one undo step, batch {batch}); "
                    "{skipped} row(s) with errors left out", added=applied.inserted, updated=applied.updated,
                    batch=applied.batch_id, skipped=applied.skipped_errors)
            else:
                say("Imported: {added} added, {updated} updated (one undo step, batch {batch})",
                    added=applied.inserted, updated=applied.updated, batch=applied.batch_id)
        if benefits and args.dry_run:
            say("Benefits: would add {added} and change {changed} of {rows} row(s); would write {measurements} of "
                "{measurement_rows} measurement row(s)", added=benefits["benefits_added"],
                changed=benefits["benefits_updated"], rows=benefits["benefit_rows"],
                measurements=benefits["measurements"], measurement_rows=benefits["measurement_rows"])
            if benefits["measurements_removed"]:
                say("Benefits: would remove {n} measurement(s) the workbook no longer has: {which}",
                    n=benefits["measurements_removed"], which=phrase(", ").join(benefits["removed"]))
        elif benefits:
            say("Benefits: {counts}", counts=phrase(", ").join(
                f"{word(k.replace('_', ' '))} {v}" for k, v in benefits.items() if not isinstance(v, list)))
    if failure:
        say("pmo: {message}", message=msg(failure), stderr=True)
        return 1
    return 0


def _print_plan(plan: ImportPlan) -> None:
    c = plan.counts()
    say("{file}: {new} new, {changed} changed, {unchanged} unchanged, {error} with errors",
        file=Path(plan.file).name, **c)
    for w in plan.warnings:
        say("  warning: {message}", message=msg(w))
    for s in plan.skipped_sheets:
        say("  skipped {sheet}", sheet=msg(s))
    for sheet in plan.sheets:
        sc = sheet.counts()
        say("")
        say("  sheet '{sheet}' (header row {row}) as {kind}: {new} new, {changed} changed, {unchanged} unchanged, "
            "{error} with errors", sheet=sheet.sheet, row=sheet.header_row, kind=word(sheet.kind), **sc)
        for name, header in sheet.mapping.items():
            say("    {header}  ->  {field}", header=header, field=name)  # the field as --value and --json name it
        if sheet.ignored_columns:
            say("    ignored columns: {columns}", columns=", ".join(sheet.ignored_columns))
        for note in sheet.notes:
            say("    note: {note}", note=msg(note))
        _print_answers(sheet)
        shown = errors_shown = 0
        for row in sheet.rows:
            if row.action == "unchanged":
                continue
            if row.action == "error":
                own = [e for e in row.errors if not e.problem]
                if not own:
                    continue  # listed once with its value above
                errors_shown += 1
                if errors_shown > ERRORS_SHOWN:
                    continue
                for e in own:
                    value = phrase(", value '{value}'", value=e.value) if e.value else ""
                    column = phrase(", column '{column}'", column=e.column) if e.column else ""
                    say("    row {row}{column}{value}: {reason}", row=e.row, column=column, value=value,
                        reason=msg(e.reason))
                continue
            if shown >= ROWS_SHOWN:
                continue
            shown += 1
            if row.action == "changed":
                what = phrase("; ").join(phrase("{field}: {old} -> {new}", field=f, old=repr(o), new=repr(n))
                                        for f, (o, n) in row.changes.items())
                say("    row {row} changed {key}: {changes}", row=row.row, key=row.key, changes=what)
            else:
                say("    row {row} new {key}", row=row.row, key=row.key)
        hidden = sum(1 for r in sheet.rows if r.action in ("new", "changed")) - shown
        if hidden > 0:
            say("    ... and {n} more new or changed rows (use --json for all)", n=hidden)
        if errors_shown > ERRORS_SHOWN:
            say("    ... and {n} more rows with errors (use --json for all)", n=errors_shown - ERRORS_SHOWN)


def _print_answers(sheet) -> None:
    """Each unknown value and missing project once, with its count and the options that answer it."""
    if sheet.unknown:
        say("    unknown values (answer each once; its rows are in error until then):")
    for u in sheet.unknown[:UNKNOWN_SHOWN]:
        fixes = []
        if u.guess:
            fixes.append(f"--value '{u.field}:{u.value}={u.guess}'")
        if u.can_add:
            fixes.append("--add-values")
        fixes.append(phrase("--value '{field}:{value}=' (blank)", field=u.field, value=u.value))
        known = "" if u.guess else phrase("  [known: {values}]", values=", ".join(u.known[:12]))
        say("      {field} '{value}' in {count} row(s): {fixes}{known}", field=u.field, value=u.value, count=u.count,
            fixes=phrase(" or ").join(fixes), known=known)
    if len(sheet.unknown) > UNKNOWN_SHOWN:
        say("      ... and {n} more unknown values (use --json for all; is the column mapped to the right field?)",
            n=len(sheet.unknown) - UNKNOWN_SHOWN)
    if sheet.missing:
        say("    projects not in the portfolio (answer each once):")
    for m in sheet.missing[:UNKNOWN_SHOWN]:
        named = f" ({m.name})" if m.name else ""
        say("      project '{code}'{named} in {count} row(s): --create-missing, --value 'project:{code}=CODE' "
            "(an existing project) or --value 'project:{code}=' (skip its rows)", code=m.code, named=named,
            count=m.count)
    if len(sheet.missing) > UNKNOWN_SHOWN:
        say("      ... and {n} more projects (use --json for all)", n=len(sheet.missing) - UNKNOWN_SHOWN)


def _import_plan_file(args: argparse.Namespace) -> int:
    """MS Project XML and GanttProject plans go to plans_io (the same as `pmo import-plan`)."""
    from pmo_desktop.capacity.from_plan import import_plan
    from pmo_desktop.commands.plans import print_allocations
    from pmo_desktop.domain.enums import Source
    from pmo_desktop.plans_io import read_plan

    unused = [opt for opt, value in (("--kind", args.kind != "auto"), ("--sheet", args.sheet),
                                     ("--mapping", args.mapping), ("--save-mapping", args.save_mapping)) if value]
    if unused:
        raise UserError(f"{', '.join(unused)} apply to spreadsheets, not to plan files like {args.input.name}")
    if not args.input.exists():
        raise UserError(f"{args.input} does not exist")
    plan = read_plan(args.input)  # read fully before the portfolio is touched
    if args.dry_run:
        with open_portfolio(args.file, read_only=True):
            pass  # the portfolio must exist and open, even when nothing is written
        payload = {"plan": plan.summary(), "project": args.project, "dry_run": True}
        if args.json:
            print_json(payload)
        else:
            s = plan.summary()
            target = phrase("the plan of {code}", code=args.project) if args.project else phrase("a new project")
            say("{file}: {tasks} tasks ({milestones} milestones), {links} links, {assignments} resource "
                "assignments would become {target}", file=args.input.name, tasks=s["tasks"],
                milestones=s["milestone"], links=s["links"], assignments=s["assignments"], target=target)
            for w in s["warnings"]:
                say("  note: {note}", note=msg(w))
            say("Dry run: nothing was written.")
        return 0
    with open_portfolio(args.file) as pf:
        result, derived = import_plan(pf, plan, args.project, source=Source.IMPORT)
    if args.json:
        print_json({**result.as_dict(), "plan": plan.summary(), "allocations": derived.as_dict(), "dry_run": False})
    else:
        say("Created {project}: {tasks} tasks, {links} links from {file}" if result.created else
            "Replaced the plan of {project}: {tasks} tasks, {links} links from {file}",
            project=result.project, tasks=result.tasks, links=result.links, file=args.input.name)
        for w in result.warnings:
            say("  note: {note}", note=msg(w))
        print_allocations(derived)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.output.suffix.lower() == ".xml":
        from pmo_desktop.commands.plans import export_plan

        if not args.project:
            raise UserError("an MS Project XML export is one project's plan: add --project CODE")
        if args.output.exists() and not args.force:
            raise UserError(f"{args.output} already exists; choose another name or pass --force")
        return export_plan(args.file, args.project, args.output, as_json=args.json)
    if args.project:
        raise UserError("--project applies to plan exports (.xml); an Excel export holds every register")
    from pmo_desktop.exporting.writers import WRITERS, writer_for

    writer = writer_for(args.output)
    if writer is None:
        raise UserError(f"{args.output.name}: export writes {', '.join(sorted(WRITERS))} files")
    if args.output.exists() and not args.force:
        raise UserError(f"{args.output} already exists; choose another name or pass --force")
    with open_portfolio(args.file, read_only=True) as pf:
        counts = writer(pf, args.output)
    if args.json:
        print_json({"file": str(args.output), "sheets": counts})
    else:
        say("Wrote {file}: {counts}", file=args.output,
            counts=phrase(", ").join(phrase("{n} {sheet}", n=n, sheet=sheet) for sheet, n in counts.items()))
    return 0
