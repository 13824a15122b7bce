"""`pmo board-pack`: the month-end PDF board pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import TextProgress, UserError, print_json
from pmo_desktop.reports import (
    PAGE_SIZE_NAMES,
    SECTIONS,
    BoardPackError,
    BoardPackOptions,
    build_board_pack,
    parse_period,
    parse_sections,
)
from pmo_desktop.store import open_portfolio


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("board-pack", help="the PDF board pack for a reporting period")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument("--period", help="period end date YYYY-MM-DD (default: the portfolio's current period)")
    p.add_argument("--sections", nargs="+", metavar="NAME",
                   help=f"sections to include, in any order (default all): {', '.join(SECTIONS)}")
    p.add_argument("--programme", help="only the projects of this programme")
    p.add_argument("--page-size", default="A4", help="A4 (default) or Letter, landscape")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_board_pack)


def cmd_board_pack(args: argparse.Namespace) -> int:
    try:
        options = BoardPackOptions(
            period=parse_period(args.period) if args.period else None,
            sections=parse_sections(args.sections) if args.sections else None,
            programme=args.programme,
            page_size=args.page_size,
        )
        if args.page_size.upper() not in {s.upper() for s in PAGE_SIZE_NAMES}:
            raise BoardPackError(f"page size '{args.page_size}' is not one of {', '.join(PAGE_SIZE_NAMES)}")
        with open_portfolio(args.file, read_only=True) as pf:
            result = build_board_pack(pf, args.output, options, progress=TextProgress("Building board pack"))
    except BoardPackError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print_json({"file": str(result.path), "pages": result.pages, "period": result.period.isoformat(),
                    "sections": list(result.sections), "projects": result.projects})
    else:
        print(f"Wrote {result.path}: {result.pages} pages, {result.projects} projects, "
              f"period ending {result.period.isoformat()}")
    return 0
