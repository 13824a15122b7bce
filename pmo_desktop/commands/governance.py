"""`pmo gates`, `pmo book-of-work`, `pmo lessons`, `pmo advance`: the governance registers."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.commands.common import columns, day, fit, pad, phrase, print_json, say, word
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
    say("Gate reviews not yet held, as of {today} (window to {end})", today=day(schedule["today"]),
        end=day(schedule["window_end"]))
    for title, key in ((phrase("Overdue: {n}", n=len(schedule["overdue"])), "overdue"),
                       (phrase("Due: {n}", n=len(schedule["due"])), "due")):
        say("{title}", title=title)
        dates = [day(g["planned_date"]) for g in schedule[key]]
        width = max(map(columns, dates), default=0)
        for g, when in zip(schedule[key], dates, strict=True):
            late = phrase("  ({n} days late)", n=g["days_overdue"]) if key == "overdue" else ""
            say("  {date}  {gate:<4} {code:<10} {project}{late}", date=fit(when, width), gate=g["gate"],
                code=g["code"], project=g["project"], late=late)
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
    say("{rank}  {code} {score} {cost} {cumulative}  {fund}  {project}", rank=pad(phrase("Rank"), 4),
        code=fit(phrase("Code"), 10), score=pad(phrase("Score"), 5), cost=pad(phrase("Cost"), 14),
        cumulative=pad(phrase("Cumulative"), 14), fund=fit(phrase("Fund"), 4), project=phrase("Project"))
    line_drawn = False
    fund_word = {True: phrase("in"), False: phrase("out"), None: ""}
    for row in book.rows:
        if cap is not None and row.funded is False and not line_drawn:
            say("----  funding line at {cap} ----------------------------------------", cap=_money(cap, symbol))
            line_drawn = True
        c = row.candidate
        score = "-" if row.weighted_score is None else f"{row.weighted_score:.2f}"
        say("{rank:>4}  {code:<10} {score:>5} {cost:>14} {cumulative:>14}  {fund}  {name}", rank=row.rank,
            code=c.code, score=score, cost=_money(c.cost, symbol), cumulative=_money(row.cumulative_cost, symbol),
            fund=fit(fund_word[row.funded], 4), name=c.name)
    if cap is not None:
        say("{n} projects, total {total}; {funded} funded for {funded_cost}", n=len(book.rows),
            total=_money(book.total_cost, symbol), funded=sum(1 for r in book.rows if r.funded),
            funded_cost=_money(book.funded_cost, symbol))
    else:
        say("{n} projects, total {total}", n=len(book.rows), total=_money(book.total_cost, symbol))
    if args.output:
        say("Wrote {file}", file=args.output)
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
        say("Imported lessons: {added} added, {updated} updated", added=imported["added"], updated=imported["updated"])
    dates = [day(r["date"]) for r in rows]
    width = max([10, *map(columns, dates)])
    for r, when in zip(rows, dates, strict=True):
        where = r["project"] or phrase("portfolio")
        say("{ref:<7} {date}  {where} {category} {status} {what}", ref=r["ref"], date=fit(when, width),
            where=fit(where, 10), category=fit(word(r["category"]), 14), status=fit(word(r["status"]), 8),
            what=r["what_happened"])
        if r["lesson"]:
            say("                    learned: {lesson}", lesson=r["lesson"])
    say("{n} lessons", n=len(rows))
    if args.output:
        say("Wrote {file}", file=args.output)
    return 0


def cmd_advance(args: argparse.Namespace) -> int:
    with open_portfolio(args.file) as pf:
        result = gates.advance_stage(pf, args.code, args.reason, source=Source.CLI)
    if args.json:
        print_json({"code": result.code, "from": result.from_stage, "to": result.to_stage, "gate": result.gate,
                    "decision": result.decision, "reason": result.reason, "without_go": result.without_go,
                    "batch": result.batch_id})
        return 0
    note = (phrase(" without a Go at {gate} (reason recorded)", gate=result.gate) if result.without_go
            else phrase(" ({decision} at {gate})", decision=word(result.decision), gate=result.gate))
    say("{code} moved from {from_stage} to {to_stage}{note}", code=result.code, from_stage=word(result.from_stage),
        to_stage=word(result.to_stage), note=note)
    return 0
