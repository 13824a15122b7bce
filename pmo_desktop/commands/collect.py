"""`pmo collect`: write the month's status-report workbooks for project managers, and read them back."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import TextProgress, UserError, print_json
from pmo_desktop.domain.enums import Source
from pmo_desktop.store import open_portfolio

CHANGES_SHOWN = 30


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("collect", help="write status-report workbooks for project managers (-o FOLDER), "
                       "or read the returned ones (--import)")
    p.add_argument("file", type=Path, help="the portfolio")
    p.add_argument("--period", help="the period end, YYYY-MM-DD (default: the current period; for --import, "
                   "the period of the latest collection)")
    p.add_argument("-o", "--output", type=Path, metavar="FOLDER", help="write one workbook per active project here")
    p.add_argument("--programme", action="append", metavar="NAME", help="only this programme (repeatable)")
    p.add_argument("--import", dest="returned", nargs="+", type=Path, metavar="FOLDER|FILE",
                   help="returned workbooks, or folders holding them")
    p.add_argument("--dry-run", action="store_true", help="with --import: show what would change, write nothing")
    p.add_argument("--lang", dest="workbook_lang", metavar="LANG",
                   help="language of the workbooks written: en or zh-CN (default: the language of messages); "
                        "returned workbooks are read in either")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_collect)


def cmd_collect(args: argparse.Namespace) -> int:
    from pmo_desktop import collect

    if (args.output is None) == (args.returned is None):
        raise UserError("give either -o FOLDER (write the workbooks) or --import FOLDER|FILES (read them back)")
    if args.dry_run and args.returned is None:
        raise UserError("--dry-run applies to --import")
    try:
        if args.output is not None:
            return _write(args, collect)
        return _import(args, collect)
    except collect.CollectError as exc:
        raise UserError(str(exc)) from None


def _write(args, collect) -> int:
    with open_portfolio(args.file) as pf:
        period = collect.parse_period(pf, args.period)
        result = collect.collect(pf, period, args.output, args.programme, source=Source.CLI,
                                 progress=TextProgress("Writing workbooks"), lang=_workbook_language(args))
    if args.json:
        print_json(result.as_dict())
        return 0
    print(f"Wrote {len(result.written)} status-report workbooks for the period ending {period} to {result.folder}")
    for w in result.written:
        print(f"  {w.file}" + (f"  (for {w.manager})" if w.manager else ""))
    return 0


def _workbook_language(args) -> str:
    from pmo_desktop import i18n

    try:
        return i18n.resolve(args.workbook_lang) if args.workbook_lang else getattr(args, "lang_ui", i18n.DEFAULT)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _import(args, collect) -> int:
    if args.programme:
        raise UserError("--programme applies to writing the workbooks (-o)")
    paths = collect.workbook_paths(args.returned)
    if not paths:
        raise UserError(f"no .xlsx workbooks in {', '.join(str(p) for p in args.returned)}")
    with open_portfolio(args.file, read_only=args.dry_run) as pf:
        period = collect.parse_period(pf, args.period) if args.period else collect.default_period(pf)
        preview = collect.preview_returns(pf, paths, period, progress=TextProgress("Reading workbooks"))
        if not args.dry_run:
            collect.apply_returns(pf, preview, source=Source.IMPORT)
        summary = collect.return_summary(pf, period)
    if args.json:
        print_json({"period": period, "dry_run": args.dry_run, "counts": preview.counts(),
                    "workbooks": [p.as_dict() for p in preview.plans], "summary": summary})
        return 0
    _print(preview, summary, args.dry_run)
    return 0


def _print(preview, summary, dry_run: bool) -> None:
    verb = {"ready": "would apply" if dry_run else "ready", "applied": "applied", "unchanged": "no changes"}
    for p in preview.plans:
        if p.status in ("refused", "superseded"):
            print(f"{p.status}: {p.reason}")
            continue
        head = f"{verb[p.status]}: {p.file} -> {p.code} {p.name}, from {p.returned_by or 'unknown'}"
        if p.report_exists and p.status != "unchanged":
            head += f" (replaces the report already entered for {p.period})"
        if p.batch_id:
            head += f" [batch {p.batch_id}]"
        print(head)
        for c in p.changes[:CHANGES_SHOWN]:
            print(f"    {c.text()}")
        if len(p.changes) > CHANGES_SHOWN:
            print(f"    ... and {len(p.changes) - CHANGES_SHOWN} more changes (use --json for all)")
        for n in p.notes:
            print(f"    note: {n}")
    c = preview.counts()
    done = c["applied"] if not dry_run else c["ready"]
    print(f"\n{len(preview.plans)} workbooks: {done} {'to apply' if dry_run else 'applied'}, {c['unchanged']} "
          f"unchanged, {c['refused']} refused, {c['superseded']} superseded"
          + (" (dry run: nothing was written)" if dry_run else ""))
    print(f"Period ending {summary['period']}: {len(summary['returned'])} of {summary['sent']} returned, "
          f"{len(summary['entered'])} typed in, {len(summary['missing'])} missing")
    if summary["missing"]:
        print("Missing: " + ", ".join(f"{m['code']} ({m['manager'] or 'no manager'})" for m in summary["missing"]))
