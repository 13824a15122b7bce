"""`pmo capacity`, `pmo who`, `pmo labour`, `pmo people`: resources and capacity from the command line."""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from pmo_desktop.capacity import maths, queries
from pmo_desktop.capacity.model import CapacityInputError, format_skills, parse_level, parse_month
from pmo_desktop.capacity.people import project_id
from pmo_desktop.capacity.workbook import export_people, import_people
from pmo_desktop.commands.common import UserError, print_json
from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import Source
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.settings import CURRENCY_SYMBOLS

_BAND_LETTER = {maths.UNDER: "U", maths.FULL: "F", maths.OVER: "O", maths.NONE: "-"}


def _user_errors(run):
    @functools.wraps(run)
    def wrapper(args):
        try:
            return run(args)
        except CapacityInputError as exc:
            raise UserError(str(exc)) from None
    return wrapper


def _range_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="first", metavar="YYYY-MM", help="first month (default: the month after "
                   "the current reporting period)")
    p.add_argument("--to", dest="last", metavar="YYYY-MM", help="last month (default: five months after --from)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("capacity", help="utilisation per team per month, and over-allocations")
    p.add_argument("file", type=Path)
    _range_options(p)
    p.add_argument("--team", help="only this team")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_user_errors(cmd_capacity))

    p = sub.add_parser("who", help="who has a skill and free capacity in a range of months")
    p.add_argument("file", type=Path)
    p.add_argument("--skill", required=True, help="skill name, e.g. Python (any case)")
    p.add_argument("--level", default="1", help="minimum skill level 1-5 (default 1)")
    _range_options(p)
    p.add_argument("--fte", default="0.1", help="free FTE needed in every month (default 0.1)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_user_errors(cmd_who))

    p = sub.add_parser("labour", help="labour cost of allocations against the Labour budget lines")
    p.add_argument("file", type=Path)
    _range_options(p)
    p.add_argument("--project", help="only this project (code)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_user_errors(cmd_labour))

    p = sub.add_parser("people", help="list people, or export/import them as a workbook")
    p.add_argument("file", type=Path)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--export", type=Path, metavar="OUT.xlsx", help="write people and allocations to Excel")
    group.add_argument("--import", dest="import_", type=Path, metavar="IN.xlsx",
                       help="add or update people from a sheet: Name, Role, Team, FTE, Day rate, Skills")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_user_errors(cmd_people))


def _months(pf, args) -> tuple:
    first = parse_month(args.first, "--from") if args.first else queries.default_first_month(pf)
    last = parse_month(args.last, "--to") if args.last else workdays.add_months(first, 5)
    return first, last


def cmd_capacity(args: argparse.Namespace) -> int:
    with open_portfolio(args.file, read_only=True) as pf:
        first, last = _months(pf, args)
        grid = queries.capacity_grid(pf, first, last, team=args.team)
        teams = queries.group_report(grid, maths.group_utilisation(grid, "team"))
        over = queries.over_allocation_report(grid, queries.project_labels(pf))
    months = [m.strftime("%Y-%m") for m in grid.months]
    if args.json:
        print_json({"from": months[0], "to": months[-1], "team": args.team, "people": len(grid.people),
                    "teams": teams, "over_allocations": over})
        return 0
    width = max([len("Team"), *(len(t) for t in teams)])
    print(f"Utilisation by team, {months[0]} to {months[-1]} ({len(grid.people)} people; U under, F full, O over)")
    print(f"{'Team':<{width}}  " + "  ".join(f"{m:>8}" for m in months))
    for team, cells in teams.items():
        shown = [f"{_pct(c['utilisation_pct'])} {_BAND_LETTER[c['band']]}" for c in cells]
        print(f"{team:<{width}}  " + "  ".join(f"{s:>8}" for s in shown))
    print(f"\n{len(over)} over-allocated person-months" + (":" if over else "."))
    for o in over[:20]:
        pct = _pct(o["utilisation_pct"])
        projects = ", ".join(f"{p['project']} {p['days']:g}d" for p in o["projects"])
        print(f"  {o['month']}  {o['person']} ({o['team'] or 'no team'}): {o['allocated_days']:g} days on "
              f"{o['capacity_days']:g} available ({pct}, {o['excess_days']:+g} days) — {projects}")
    if len(over) > 20:
        print(f"  … and {len(over) - 20} more (use --json for all)")
    return 0


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}%"


def _number(text: str, what: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise UserError(f"{what} must be a number, not '{text}'") from None
    if not low <= value <= high:
        raise UserError(f"{what} must be between {low:g} and {high:g}, not '{text}'")
    return value


def cmd_who(args: argparse.Namespace) -> int:
    level = parse_level(args.level, "--level")
    need = _number(args.fte, "--fte", 0, 1)
    if not args.skill.strip():
        raise UserError("--skill must name a skill")
    with open_portfolio(args.file, read_only=True) as pf:
        first, last = _months(pf, args)
        grid = queries.capacity_grid(pf, first, last)
        known = {s.casefold() for p in grid.people for s in p.skills}
        if args.skill.strip().casefold() not in known:
            raise UserError(f"no one has the skill '{args.skill}'")
        found = maths.who_is_free(grid, args.skill, min_level=level, min_free_fte=need)
    months = [m.strftime("%Y-%m") for m in grid.months]
    people = [{"person": f.person.name, "role": f.person.role, "team": f.person.team, "skill": f.skill,
               "level": f.level, "min_free_fte": round(f.min_free_fte, 2),
               "free_fte": {m: round(v, 2) for m, v in zip(months, f.free_fte, strict=True)}} for f in found]
    if args.json:
        print_json({"skill": args.skill, "level": level, "fte": need, "from": months[0], "to": months[-1],
                    "people": people})
        return 0
    print(f"{len(people)} people with {args.skill} at level {level}+ and at least {need:g} FTE free "
          f"in every month {months[0]} to {months[-1]}" + (":" if people else "."))
    for p in people:
        print(f"  {p['person']:<28} {p['role'] or '':<20} {p['team'] or '':<14} {p['skill']} {p['level']}  "
              f"free {p['min_free_fte']:.2f} FTE or more")
    return 0


def cmd_labour(args: argparse.Namespace) -> int:
    with open_portfolio(args.file, read_only=True) as pf:
        first, last = _months(pf, args)
        only = [project_id(pf, args.project)] if args.project else None
        grid = queries.capacity_grid(pf, first, last)
        rows = maths.labour_cost(grid, queries.labour_budget(pf, first, last), projects=only)
        labels = queries.project_labels(pf)
        currency = pf.settings()["currency"]
    out = [{"project": labels[r.project_id][0], "month": r.month.strftime("%Y-%m"),
            "allocated_days": round(r.allocated_days, 2), "allocation_cost": r.allocation_cost,
            "budget_planned": r.budget_planned, "budget_actual_or_forecast": r.budget_forecast,
            "difference": r.difference, "unstaffed_days": round(r.unstaffed_days, 2),
            "unrated_days": round(r.unrated_days, 2)} for r in rows]
    if args.json:
        print_json({"currency": currency, "unit": "minor", "rows": out})
        return 0
    sym = CURRENCY_SYMBOLS.get(currency, currency + " ")

    def money(v):
        return "—" if v is None else f"{'-' if v < 0 else ''}{sym}{abs(v) / 100:,.0f}"
    print(f"{'Project':<10} {'Month':<8} {'Days':>7} {'Allocations':>12} {'Labour plan':>12} {'Difference':>12}")
    for r in out:
        diff = "—" if r["difference"] is None else f"{'+' if r['difference'] > 0 else ''}{money(r['difference'])}"
        note = f"  (+{r['unstaffed_days']:g} unstaffed days)" if r["unstaffed_days"] else ""
        print(f"{r['project']:<10} {r['month']:<8} {r['allocated_days']:>7g} {money(r['allocation_cost']):>12} "
              f"{money(r['budget_planned']):>12} {diff:>12}{note}")
    return 0


def cmd_people(args: argparse.Namespace) -> int:
    if args.import_ is not None:
        with open_portfolio(args.file) as pf:
            result = import_people(pf, args.import_, source=Source.CLI)
        payload = {"added": result.added, "updated": result.updated, "unchanged": result.unchanged,
                   "new_roles": result.new_roles, "new_teams": result.new_teams}
        if args.json:
            print_json(payload)
        else:
            print(f"Imported {args.import_.name}: {len(result.added)} added, {len(result.updated)} updated, "
                  f"{len(result.unchanged)} unchanged")
            for kind in ("roles", "teams"):
                if payload[f"new_{kind}"]:
                    print(f"  new {kind} added to the list: {', '.join(payload[f'new_{kind}'])}")
        return 0
    with open_portfolio(args.file, read_only=True) as pf:
        if args.export is not None:
            counts = export_people(pf, args.export)
            if args.json:
                print_json({"file": str(args.export), **counts})
            else:
                print(f"Wrote {args.export}: {counts['people']} people, {counts['allocations']} allocations")
            return 0
        people = queries.load_people(pf)
    rows = [{"name": p.name, "role": p.role, "team": p.team, "fte": p.fte, "day_rate": p.day_rate,
             "skills": format_skills(p.skills)} for p in people]
    if args.json:
        print_json({"people": rows})
        return 0
    for r in rows:
        print(f"{r['name']:<28} {r['role'] or '':<20} {r['team'] or '':<14} {r['fte']:>4g}  {r['skills']}")
    print(f"{len(rows)} people")
    return 0
