"""`pmo board-pack`: the month-end PDF board pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import TextProgress, UserError, day, phrase, print_json, say
from pmo_desktop.reports import (
    PAGE_SIZE_NAMES,
    SECTIONS,
    BoardPackError,
    BoardPackOptions,
    build_board_pack,
    parse_language,
    parse_period,
    parse_sections,
)
from pmo_desktop.reports.commentary import default_period, get_commentary, set_commentary
from pmo_desktop.store import open_portfolio


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("board-pack", help="the board pack for a reporting period, as PDF or editable PowerPoint")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf|OUT.pptx",
                   help="the file to write; its extension chooses PDF or PowerPoint")
    p.add_argument("--period", help="period end date YYYY-MM-DD (default: the portfolio's current period)")
    p.add_argument("--sections", nargs="+", metavar="NAME",
                   help=f"sections to include, in any order (default all): {', '.join(SECTIONS)}")
    p.add_argument("--programme", help="only the projects of this programme")
    p.add_argument("--page-size", default="A4", help="A4 (default) or Letter, landscape")
    p.add_argument("--closed-pages", action="store_true",
                   help="a full page for closed and idea-stage projects (default: one summary table)")
    p.add_argument("--lang", dest="pack_lang", metavar="LANG",
                   help="the pack's language: en or zh-CN (default: the language of the pmo command)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_board_pack)

    c = sub.add_parser("commentary", help="write the portfolio's, a programme's or a project's cost commentary")
    c.add_argument("file", type=Path)
    c.add_argument("--period", help="period end date YYYY-MM-DD (default: the portfolio's current period)")
    scope = c.add_mutually_exclusive_group()
    scope.add_argument("--programme", help="the programme's commentary (default: the portfolio's)")
    scope.add_argument("--project", metavar="CODE", help="the project's cost commentary (explains its variance)")
    text = c.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="the commentary (markdown subset: paragraphs, - bullets, **bold**); "
                                     "empty removes it")
    text.add_argument("--file", dest="text_file", type=Path, metavar="F.md", help="read the commentary from a file")
    text.add_argument("--show", action="store_true", help="print the commentary written for the period")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=cmd_commentary)


def cmd_board_pack(args: argparse.Namespace) -> int:
    try:
        options = BoardPackOptions(
            period=parse_period(args.period) if args.period else None,
            sections=parse_sections(args.sections) if args.sections else None,
            programme=args.programme,
            page_size=args.page_size,
            closed_pages=args.closed_pages,
            lang=parse_language(args.pack_lang or getattr(args, "lang_ui", None)),
        )
        if args.page_size.upper() not in {s.upper() for s in PAGE_SIZE_NAMES}:
            raise BoardPackError(f"page size '{args.page_size}' is not one of {', '.join(PAGE_SIZE_NAMES)}")
        with open_portfolio(args.file, read_only=True) as pf:
            result = build_board_pack(pf, args.output, options, progress=TextProgress("Building board pack"))
    except BoardPackError as exc:
        raise UserError(str(exc)) from None
    slides = result.path.suffix.lower() == ".pptx"
    if args.json:
        print_json({"file": str(result.path), "format": "pptx" if slides else "pdf",
                    "slides" if slides else "pages": result.pages, "period": result.period.isoformat(),
                    "sections": list(result.sections), "projects": result.projects})
    else:
        say("Wrote {file}: {pages} slides, {projects} projects, period ending {period}" if slides else
            "Wrote {file}: {pages} pages, {projects} projects, period ending {period}",
            file=result.path, pages=result.pages, projects=result.projects, period=day(result.period))
    return 0


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text") from None


def cmd_commentary(args: argparse.Namespace) -> int:
    text = _read_text(args.text_file) if args.text_file else args.text
    topic = "cost" if args.project else "general"
    scope = {"programme": args.programme, "project": args.project, "topic": topic}
    try:
        period = parse_period(args.period) if args.period else None
    except BoardPackError as exc:
        raise UserError(str(exc)) from None
    with open_portfolio(args.file, read_only=args.show) as pf:
        period = period or default_period(pf)
        if args.show:
            current = get_commentary(pf, period, **scope)
            if args.json:
                print_json({"period": period.isoformat(), **scope, "text": current})
            else:
                say("{text}", text=current)  # the analyst's own text, as written
            return 0
        outcome = set_commentary(pf, period, text, source="cli", **scope)
    who = (phrase("programme {name}", name=args.programme) if args.programme
           else phrase("project {code} (cost)", code=args.project) if args.project else phrase("the portfolio as a whole"))
    if args.json:
        print_json({"period": period.isoformat(), **scope, "outcome": outcome, "characters": len(text.strip())})
    else:
        say("Commentary for {who}, period ending {period}: {outcome}", who=who, period=day(period),
            outcome={"unchanged": phrase("unchanged"), "removed": phrase("removed"),
                     "written": phrase("written")}.get(outcome, outcome))
    return 0
