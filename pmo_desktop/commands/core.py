"""`pmo new`, `pmo info`, `pmo check`, `pmo undo`: the portfolio file itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop import checks
from pmo_desktop.commands.common import (
    TextProgress,
    UserError,
    columns,
    day,
    fit,
    msg,
    phrase,
    print_json,
    say,
    word,
)
from pmo_desktop.demo import build_demo
from pmo_desktop.store import create_portfolio, open_portfolio
from pmo_desktop.store.settings import CURRENCY_SYMBOLS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a portfolio (optionally with demo data)")
    p.add_argument("file", type=Path)
    p.add_argument("--demo", action="store_true", help="fill it with a realistic demo portfolio")
    p.add_argument("--projects", type=int, default=None, help="number of demo projects (default 40)")
    p.add_argument("--seed", type=int, default=1, help="random seed for the demo data")
    p.add_argument("--name", help="portfolio name (default: the file name)")
    p.add_argument("--currency", help="ISO currency code, e.g. GBP, EUR, USD (default GBP)")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("info", help="counts, reporting period and schema version")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_info)

    p = sub.add_parser("check", help="integrity and data-quality findings")
    p.add_argument("file", type=Path)
    p.add_argument("--clean-copy", metavar="COPY.pmo", type=Path,
                   help="write a copy without the triggers and views PMO Desktop did not create")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_check)


def cmd_new(args: argparse.Namespace) -> int:
    if args.projects is not None and not args.demo:
        raise UserError("--projects needs --demo")
    if args.projects is not None and not 1 <= args.projects <= 100_000:
        raise UserError("--projects must be between 1 and 100000")
    if args.currency and (len(args.currency) != 3 or not args.currency.isalpha()):
        raise UserError(f"--currency must be a three-letter ISO code such as GBP, not '{args.currency}'")
    populate = None
    if args.demo:
        progress = TextProgress("Creating demo portfolio")
        n = args.projects or 40

        def populate(pf):
            build_demo(pf, projects=n, seed=args.seed, progress=progress)

    pf = create_portfolio(
        args.file, name=args.name, currency=args.currency.upper() if args.currency else None,
        overwrite=args.force, populate=populate,
    )
    with pf:
        counts = pf.counts()
        name = pf.name
    if args.json:
        print_json({"file": str(args.file), "name": name, "counts": counts})
    else:
        say("Created {file} ({name}): {projects} projects, {tasks} tasks, {raid} RAID items, {budget} budget lines",
            file=args.file, name=name, projects=counts["projects"], tasks=counts["tasks"],
            raid=counts["raid_items"], budget=counts["budget_lines"])
    return 0


def info_payload(pf) -> dict:
    settings = pf.settings()
    counts = pf.counts()
    return {
        "file": str(pf.path),
        "name": settings["portfolio_name"],
        "schema_version": pf.schema_version(),
        "currency": settings["currency"],
        "latest_period": checks.latest_period(pf),
        "counts": counts,
        "size_bytes": pf.path.stat().st_size,
    }


def cmd_info(args: argparse.Namespace) -> int:
    with open_portfolio(args.file, read_only=True) as pf:
        payload = info_payload(pf)
    if args.json:
        print_json(payload)
        return 0
    symbol = CURRENCY_SYMBOLS.get(payload["currency"], payload["currency"] + " ")
    say("{name}  ({file})", name=payload["name"], file=payload["file"])
    say("  schema version   {version}", version=payload["schema_version"])
    say("  currency         {code} ({symbol})", code=payload["currency"], symbol=symbol.strip())
    say("  latest period    {period}", period=day(payload["latest_period"]) or phrase("none yet"))
    labels = {table: word(table.replace("_", " ")) for table in payload["counts"]}
    width = max(columns(label) for label in labels.values())
    for table, n in payload["counts"].items():
        say("  {table}  {n:>9,}", table=fit(labels[table], width), n=n)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if args.clean_copy:
        from pmo_desktop.store.trust import clean_copy

        removed = clean_copy(args.file, args.clean_copy)
        if args.json:
            print_json({"file": str(args.clean_copy), "removed": removed})
        else:
            if removed:
                say("Wrote {file} without {removed}", file=args.clean_copy, removed=", ".join(removed))
            else:
                say("Wrote {file}: {name} holds nothing PMO Desktop did not create", file=args.clean_copy,
                    name=args.file.name)
        return 0
    with open_portfolio(args.file, read_only=True) as pf:
        result = checks.run_checks(pf, lang=getattr(args, "lang_ui", "en"))
    if args.json:
        print_json(result.as_dict())
        return 0
    say("Integrity: ok" if result.integrity_ok else "Integrity: PROBLEMS")
    if not result.integrity_ok:
        for line in result.integrity[:20]:
            say("  {line}", line=msg(line))
    if not result.findings:
        say("No data-quality findings.")
    for project, findings in result.by_project().items():
        say("{project}:", project=word(project))
        for f in findings:
            say("  [{severity}] {message}", severity=word(f.severity), message=msg(f.message))
    counts = result.as_dict()["counts"]
    say("{n} findings: {errors} errors, {warnings} warnings", n=len(result.findings), errors=counts["error"],
        warnings=counts["warning"])
    return 0
