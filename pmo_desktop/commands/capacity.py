"""`pmo capacity`, `pmo who`, `pmo labour`, `pmo people`: resources and capacity from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.capacity import maths, queries
from pmo_desktop.capacity.model import CapacityInputError, format_skills, parse_level, parse_month
from pmo_desktop.capacity.people import project_id
from pmo_desktop.capacity.workbook import export_people, import_people
from pmo_desktop.commands.common import (
    UserError,
    columns,
    fit,
    pad,
    phrase,
    print_json,
    say,
    user_errors,
    word,
)
from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import Source
from pmo_desktop.store import open_portfolio
from pmo_desktop.store.settings import CURRENCY_SYMBOLS

_BAND_LETTER = {maths.UNDER: "U", maths.FULL: "F", maths.OVER: "O", maths.NONE: "-"}  # the legend says them


_user_errors = user_errors(CapacityInputError)


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
    width = max([columns(phrase("Team")), *(columns(t) for t in teams)])
    say("Utilisation by team, {first} to {last} ({n} people; U under, F full, O over)", first=months[0],
        last=months[-1], n=len(grid.people))
    say("{team}  {months}", team=fit(phrase("Team"), width), months="  ".join(f"{m:>8}" for m in months))
    for team, cells in teams.items():
        shown = [f"{_pct(c['utilisation_pct'])} {_BAND_LETTER[c['band']]}" for c in cells]
        say("{team}  {cells}", team=fit(team, width), cells="  ".join(pad(s, 8) for s in shown))
    say("")
    say("{n} over-allocated person-months:" if over else "{n} over-allocated person-months.", n=len(over))
    for o in over[:20]:
        projects = phrase(", ").join(phrase("{project} {days:g}d", project=p["project"], days=p["days"])
                                     for p in o["projects"])
        say("  {month}  {person} ({team}): {days:g} days on {available:g} available ({pct}, {excess:+g} days) — "
            "{projects}", month=o["month"], person=o["person"], team=o["team"] or phrase("no team"),
            days=o["allocated_days"], available=o["capacity_days"], pct=_pct(o["utilisation_pct"]),
            excess=o["excess_days"], projects=projects)
    if len(over) > 20:
        say("  … and {n} more (use --json for all)", n=len(over) - 20)
    return 0


def _pct(value: float | None) -> str:
    return phrase("n/a") if value is None else f"{value:.0f}%"


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
    say("{n} people with {skill} at level {level}+ and at least {fte:g} FTE free in every month {first} to {last}:"
        if people else
        "{n} people with {skill} at level {level}+ and at least {fte:g} FTE free in every month {first} to {last}.",
        n=len(people), skill=args.skill, level=level, fte=need, first=months[0], last=months[-1])
    for p in people:
        say("  {person} {role} {team} {skill} {level}  free {fte:.2f} FTE or more", person=fit(p["person"], 28),
            role=fit(word(p["role"]), 20), team=fit(p["team"] or "", 14), skill=p["skill"], level=p["level"],
            fte=p["min_free_fte"])
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
    say("{project} {month} {days} {allocations} {plan} {difference}", project=fit(phrase("Project"), 10),
        month=fit(phrase("Month"), 8), days=pad(phrase("Days"), 7), allocations=pad(phrase("Allocations"), 12),
        plan=pad(phrase("Labour plan"), 12), difference=pad(phrase("Difference"), 12))
    for r in out:
        diff = "—" if r["difference"] is None else f"{'+' if r['difference'] > 0 else ''}{money(r['difference'])}"
        note = phrase("  (+{days:g} unstaffed days)", days=r["unstaffed_days"]) if r["unstaffed_days"] else ""
        say("{project:<10} {month:<8} {days:>7g} {cost:>12} {plan:>12} {diff:>12}{note}", project=r["project"],
            month=r["month"], days=r["allocated_days"], cost=money(r["allocation_cost"]),
            plan=money(r["budget_planned"]), diff=diff, note=note)
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
            say("Imported {file}: {added} added, {updated} updated, {unchanged} unchanged", file=args.import_.name,
                added=len(result.added), updated=len(result.updated), unchanged=len(result.unchanged))
            if payload["new_roles"]:
                say("  new roles added to the list: {names}", names=phrase(", ").join(payload["new_roles"]))
            if payload["new_teams"]:
                say("  new teams added to the list: {names}", names=phrase(", ").join(payload["new_teams"]))
        return 0
    with open_portfolio(args.file, read_only=True) as pf:
        if args.export is not None:
            counts = export_people(pf, args.export)
            if args.json:
                print_json({"file": str(args.export), **counts})
            else:
                say("Wrote {file}: {people} people, {allocations} allocations", file=args.export,
                    people=counts["people"], allocations=counts["allocations"])
            return 0
        people = queries.load_people(pf)
    rows = [{"name": p.name, "role": p.role, "team": p.team, "fte": p.fte, "day_rate": p.day_rate,
             "skills": format_skills(p.skills)} for p in people]
    if args.json:
        print_json({"people": rows})
        return 0
    for r in rows:
        say("{name} {role} {team} {fte:>4g}  {skills}", name=fit(r["name"], 28), role=fit(word(r["role"]), 20),
            team=fit(r["team"] or "", 14), fte=r["fte"], skills=r["skills"])
    say("{n} people", n=len(rows))
    return 0
