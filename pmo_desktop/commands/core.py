"""`pmo new`, `pmo info`, `pmo check`, `pmo undo`: the portfolio file itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop import checks
from pmo_desktop.commands.common import TextProgress, UserError, print_json
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
        print(f"Created {args.file} ({name}): {counts['projects']} projects, {counts['tasks']} tasks, "
              f"{counts['raid_items']} RAID items, {counts['budget_lines']} budget lines")
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
    print(f"{payload['name']}  ({payload['file']})")
    print(f"  schema version   {payload['schema_version']}")
    print(f"  currency         {payload['currency']} ({symbol.strip()})")
    print(f"  latest period    {payload['latest_period'] or 'none yet'}")
    width = max(len(t) for t in payload["counts"])
    for table, n in payload["counts"].items():
        print(f"  {table.replace('_', ' '):<{width}}  {n:>9,}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if args.clean_copy:
        from pmo_desktop.store.trust import clean_copy

        removed = clean_copy(args.file, args.clean_copy)
        if args.json:
            print_json({"file": str(args.clean_copy), "removed": removed})
        else:
            print(f"Wrote {args.clean_copy} without {', '.join(removed)}" if removed
                  else f"Wrote {args.clean_copy}: {args.file.name} holds nothing PMO Desktop did not create")
        return 0
    with open_portfolio(args.file, read_only=True) as pf:
        result = checks.run_checks(pf, lang=getattr(args, "lang_ui", "en"))
    if args.json:
        print_json(result.as_dict())
        return 0
    print(f"Integrity: {'ok' if result.integrity_ok else 'PROBLEMS'}")
    if not result.integrity_ok:
        for line in result.integrity[:20]:
            print(f"  {line}")
    if not result.findings:
        print("No data-quality findings.")
    for project, findings in result.by_project().items():
        print(f"{project}:")
        for f in findings:
            print(f"  [{f.severity}] {f.message}")
    counts = result.as_dict()["counts"]
    print(f"{len(result.findings)} findings: {counts['error']} errors, {counts['warning']} warnings")
    return 0
