"""`pmo collect`: write the month's status-report workbooks for project managers, and read them back."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import TextProgress, UserError, day, msg, phrase, print_json, say, word
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
    say("Wrote {n} status-report workbooks for the period ending {period} to {folder}", n=len(result.written),
        period=day(period), folder=result.folder)
    for w in result.written:
        if w.manager:
            say("  {file}  (for {manager})", file=w.file, manager=w.manager)
        else:
            say("  {file}", file=w.file)
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
    verb = {"ready": phrase("would apply") if dry_run else phrase("ready"), "applied": phrase("applied"),
            "unchanged": phrase("no changes")}
    for p in preview.plans:
        if p.status in ("refused", "superseded"):
            say("{status}: {reason}", status=phrase("refused") if p.status == "refused" else phrase("superseded"),
                reason=msg(p.reason))
            continue
        head = phrase("{verb}: {file} -> {code} {name}, from {who}", verb=verb[p.status], file=p.file, code=p.code,
                      name=p.name, who=p.returned_by or phrase("unknown"))
        if p.report_exists and p.status != "unchanged":
            head += phrase(" (replaces the report already entered for {period})", period=day(p.period))
        if p.batch_id:
            head += phrase(" [batch {batch}]", batch=p.batch_id)
        say("{line}", line=head)
        for c in p.changes[:CHANGES_SHOWN]:
            say("    {change}", change=_change(c))
        if len(p.changes) > CHANGES_SHOWN:
            say("    ... and {n} more changes (use --json for all)", n=len(p.changes) - CHANGES_SHOWN)
        for n in p.notes:
            say("    note: {note}", note=msg(n))
    c = preview.counts()
    say("")
    if dry_run:
        say("{n} workbooks: {done} to apply, {unchanged} unchanged, {refused} refused, {superseded} superseded "
            "(dry run: nothing was written)", n=len(preview.plans), done=c["ready"], unchanged=c["unchanged"],
            refused=c["refused"], superseded=c["superseded"])
    else:
        say("{n} workbooks: {done} applied, {unchanged} unchanged, {refused} refused, {superseded} superseded",
            n=len(preview.plans), done=c["applied"], unchanged=c["unchanged"], refused=c["refused"],
            superseded=c["superseded"])
    say("Period ending {period}: {returned} of {sent} returned, {entered} typed in, {missing} missing",
        period=day(summary["period"]), returned=len(summary["returned"]), sent=summary["sent"],
        entered=len(summary["entered"]), missing=len(summary["missing"]))
    if summary["missing"]:
        say("Missing: {projects}", projects=phrase(", ").join(
            f"{m['code']} ({m['manager'] or phrase('no manager')})" for m in summary["missing"]))


def _change(c) -> str:
    """One change a returned workbook makes: "raid R-007 changed: Status: 'Open' -> 'Closed'"."""
    from pmo_desktop.collect.returns import FIELD_NAMES, show_value

    what = phrase("; ").join(phrase("{field}: {old} -> {new}", field=word(FIELD_NAMES.get(f, f)),
                                    old=_value(o, show_value), new=_value(n, show_value))
                             for f, (o, n) in c.fields.items())
    head = phrase("{table} {key} {action}", table=word(c.table), key=_value(c.key, str),
                  action=phrase("new") if c.action == "new" else phrase("changed"))
    return phrase("{change}: {what}", change=head, what=what) if what else head


def _value(value, show) -> str:
    if value is None or value == "":
        return phrase("(empty)")
    if isinstance(value, str) and len(value) >= 10 and value[:10].count("-") == 2 and value[:4].isdigit():
        return day(value)
    return show(value)
