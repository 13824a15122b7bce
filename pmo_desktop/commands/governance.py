"""`pmo gates`, `pmo book-of-work`, `pmo lessons`, `pmo advance`: the governance registers."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import print_json
from pmo_desktop.domain.enums import Source
from pmo_desktop.governance import gates, lessons, scoring
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.settings import CURRENCY_SYMBOLS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gates", help="gate reviews overdue and due by the end of next period")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_gates)

    p = sub.add_parser("book-of-work", help="projects ranked by weighted score, with a funding line")
    p.add_argument("file", type=Path)
    p.add_argument("--cap", help="budget cap, e.g. 2500000, 2.5m or 750k; draws the funding line "
                   "(default: the cap saved in the portfolio, if any)")
    p.add_argument("-o", "--output", type=Path, help="also write the book of work to this .xlsx file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_book_of_work)

    p = sub.add_parser("lessons", help="search, import or export the lessons-learned log")
    p.add_argument("file", type=Path)
    p.add_argument("--search", help="text to look for in any field")
    p.add_argument("--project", help="only lessons of this project code")
    p.add_argument("--category", help="only lessons of this category")
    p.add_argument("--import", dest="import_file", type=Path, help="add or update lessons from an .xlsx file")
    p.add_argument("-o", "--output", type=Path, help="write the lessons listed to this .xlsx file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_lessons)

    p = sub.add_parser("advance", help="move a project to its next stage through the gate between them")
    p.add_argument("file", type=Path)
    p.add_argument("code", help="project code")
    p.add_argument("--reason", help="why, when the gate has no recorded Go (kept in the change log)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_advance)


def _money(amount: int | None, symbol: str) -> str:
    return "" if amount is None else f"{symbol}{amount / 100:,.0f}"


def cmd_gates(args: argparse.Namespace) -> int:
    with open_portfolio(args.file, read_only=True) as pf:
        schedule = gates.gate_schedule(pf)
    if args.json:
        print_json(schedule)
        return 0
    print(f"Gate reviews not yet held, as of {schedule['today']} (window to {schedule['window_end']})")
    for title, key in (("Overdue", "overdue"), ("Due", "due")):
        print(f"{title}: {len(schedule[key])}")
        for g in schedule[key]:
            late = f"  ({g['days_overdue']} days late)" if key == "overdue" else ""
            print(f"  {g['planned_date']}  {g['gate']:<4} {g['code']:<10} {g['project']}{late}")
    return 0


def cmd_book_of_work(args: argparse.Namespace) -> int:
    cap = scoring.parse_amount(args.cap) if args.cap is not None else None
    with open_portfolio(args.file, read_only=True) as pf:
        cap = scoring.stored_cap(pf) if cap is None else cap
        book = scoring.book_of_work(pf, cap=cap)
        currency = pf.settings()["currency"]
    if args.output:
        scoring.export_book(book, args.output, currency=currency)
    if args.json:
        print_json({**book.as_dict(), "currency": currency,
                    "output": str(args.output) if args.output else None})
        return 0
    symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
    print(f"{'Rank':>4}  {'Code':<10} {'Score':>5} {'Cost':>14} {'Cumulative':>14}  Fund  Project")
    line_drawn = False
    for row in book.rows:
        if cap is not None and row.funded is False and not line_drawn:
            print(f"{'':-<4}  funding line at {_money(cap, symbol)} {'':-<40}")
            line_drawn = True
        c = row.candidate
        score = "-" if row.weighted_score is None else f"{row.weighted_score:.2f}"
        fund = {True: "in", False: "out", None: ""}[row.funded]
        print(f"{row.rank:>4}  {c.code:<10} {score:>5} {_money(c.cost, symbol):>14} "
              f"{_money(row.cumulative_cost, symbol):>14}  {fund:<4}  {c.name}")
    summary = f"{len(book.rows)} projects, total {_money(book.total_cost, symbol)}"
    if cap is not None:
        summary += f"; {sum(1 for r in book.rows if r.funded)} funded for {_money(book.funded_cost, symbol)}"
    print(summary)
    if args.output:
        print(f"Wrote {args.output}")
    return 0


def cmd_lessons(args: argparse.Namespace) -> int:
    imported = None
    with open_portfolio(args.file, read_only=args.import_file is None) as pf:
        if args.import_file is not None:
            imported = lessons.import_lessons(pf, args.import_file, source=Source.CLI)
        rows = lessons.search_lessons(pf, text=args.search, project=args.project, category=args.category)
        if args.output:
            lessons.export_lessons(pf, args.output, rows)
    if args.json:
        print_json({"imported": imported, "count": len(rows), "lessons": rows,
                    "output": str(args.output) if args.output else None})
        return 0
    if imported:
        print(f"Imported lessons: {imported['added']} added, {imported['updated']} updated")
    for r in rows:
        where = r["project"] or "portfolio"
        print(f"{r['ref']:<7} {r['date'] or '':<10}  {where:<10} {r['category'] or '':<14} {r['status']:<8} "
              f"{r['what_happened']}")
        if r["lesson"]:
            print(f"{'':<20}learned: {r['lesson']}")
    print(f"{len(rows)} lessons")
    if args.output:
        print(f"Wrote {args.output}")
    return 0


def cmd_advance(args: argparse.Namespace) -> int:
    with open_portfolio(args.file) as pf:
        result = gates.advance_stage(pf, args.code, args.reason, source=Source.CLI)
    if args.json:
        print_json({"code": result.code, "from": result.from_stage, "to": result.to_stage, "gate": result.gate,
                    "decision": result.decision, "reason": result.reason, "without_go": result.without_go,
                    "batch": result.batch_id})
        return 0
    note = f" without a Go at {result.gate} (reason recorded)" if result.without_go else f" ({result.decision} at {result.gate})"
    print(f"{result.code} moved from {result.from_stage} to {result.to_stage}{note}")
    return 0
