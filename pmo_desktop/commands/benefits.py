"""`pmo benefits` and `pmo scenario`: benefits realisation, and what-if scenarios for the book of work."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from pmo_desktop.commands.common import (
    UserError,
    columns,
    day,
    fit,
    money,
    msg,
    pad,
    phrase,
    print_json,
    say,
    word,
)
from pmo_desktop.domain.enums import Source
from pmo_desktop.store import open_portfolio


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("benefits", help="the benefits register and its realisation against plan")
    p.add_argument("file", type=Path)
    p.add_argument("--at-risk", action="store_true", help="list only benefits at risk (owner's or derived)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_benefits)

    p = sub.add_parser("scenario", help="what-if scenarios: new, set, list, compare, apply, delete")
    p.add_argument("file", type=Path)
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    actions.required = True
    a = actions.add_parser("new", help="a new, empty scenario")
    a.add_argument("name")
    a.add_argument("--description")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("set", help="what the scenario does to one project")
    a.add_argument("name")
    a.add_argument("code", help="project code")
    a.add_argument("--defer", help="months later, e.g. 3m (0 removes a deferral)")
    a.add_argument("--cancel", action="store_true")
    a.add_argument("--fund", action="store_true", help="fund whatever its rank")
    a.add_argument("--budget", help="change the budget by a percentage (-10%%) or an amount (250k, -1.5m)")
    a.add_argument("--score", action="append", default=[], metavar="CRITERION=N",
                   help="set a score 1-5, e.g. strategic_alignment=4 (repeatable)")
    a.add_argument("--clear", action="store_true", help="remove the scenario's changes to this project first")
    # '--budget -10%' and '--budget -1.5m' are values, not options (argparse only knows plain negative numbers)
    a._negative_number_matcher = re.compile(r"^-(\d+(\.\d+)?|\.\d+)(%|[kKmM]|bn)?$")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("list", help="scenarios and their changes")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("delete", help="delete a scenario (live data is not touched)")
    a.add_argument("name")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("compare", help="compare live and up to four scenarios side by side")
    a.add_argument("names", nargs="+", metavar="NAME", help="'live' and scenario names")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("apply", help="write a scenario into live data (one undo step)")
    a.add_argument("name")
    a.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_scenario)


def _num(value, unit: str | None) -> str:
    if value is None:
        return "-"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"
    return f"{text} {unit}" if unit and unit not in ("GBP", "USD", "EUR") else text


def non_cash_counts(counts: dict[str, int]) -> str:
    """'4 (1 at risk, 1 lost)': how many non-cash benefits are due, and how they stand."""
    parts = [text for text in (phrase("{n} realised", n=counts.get("realised")) if counts.get("realised") else "",
                               phrase("{n} at risk", n=counts.get("at_risk")) if counts.get("at_risk") else "",
                               phrase("{n} lost", n=counts.get("lost")) if counts.get("lost") else "") if text]
    return f"{counts['due']}" + (phrase(" ({counts})", counts=phrase(", ").join(parts)) if parts else "")


def cmd_benefits(args: argparse.Namespace) -> int:
    from pmo_desktop.benefits.realisation import portfolio_realisation

    with open_portfolio(args.file, read_only=True) as pf:
        data = portfolio_realisation(pf)
    if args.at_risk:
        data["benefits"] = data["at_risk"]
    if args.json:
        print_json(data)
        return 0
    cur = data["currency"]
    cash = data["cash"]
    say("Benefits as at {date}: {n} ({types}); {at_risk} at risk", date=day(data["as_of"]), n=data["count"],
        types=phrase(", ").join(phrase("{n} {type}", n=n, type=_type_word(t)) for t, n in data["by_type"].items() if n),
        at_risk=data["at_risk_count"])
    vs = (phrase("n/a") if cash["realised_vs_plan_pct"] is None
          else phrase("{pct:.0f}% of plan", pct=cash["realised_vs_plan_pct"]))
    say("Cash released to date {realised} against {planned} planned ({vs}); forecast {forecast} of {target} target",
        realised=money(cash["realised_to_date"] * 100, cur), planned=money(cash["planned_to_date"] * 100, cur),
        vs=vs, forecast=money(cash["forecast"] * 100, cur), target=money(cash["target"] * 100, cur))
    if data["by_year"]:
        say("By year: {years}", years=phrase(", ").join(
            f"{fy} {money(v * 100, cur)}" for fy, v in data["by_year"].items()))
    if data["non_cash_by_year"]["by_fy"]:
        say("Non-cash and qualitative due by year: {years}", years=phrase(", ").join(
            f"{fy} {non_cash_counts(c)}" for fy, c in data["non_cash_by_year"]["by_fy"].items()))
    say("{ref} {type} {status} {derived} {projects} {realised} {target} {progress}  {title}",
        ref=fit(phrase("Ref"), 7), type=fit(phrase("Type"), 15), status=fit(phrase("Status"), 10),
        derived=fit(phrase("Derived"), 10), projects=fit(phrase("Projects"), 18), realised=pad(phrase("Realised/now"), 12),
        target=pad(phrase("Target"), 12), progress=pad(phrase("Progress"), 8), title=phrase("Title"))
    for r in data["benefits"]:
        cash_type = r["type"] == "Cash-releasing"
        realised = (money(r["realised_to_date"] * 100, cur) if cash_type and r["realised_to_date"] is not None
                    else _num(r["actual_level"], r["unit"]) if not cash_type else "-")
        target = money(r["target"] * 100, cur) if cash_type and r["target"] is not None else _num(r["target"], r["unit"])
        progress = "-" if r["progress_pct"] is None else f"{r['progress_pct']:.0f}%"
        derived = r["derived_status"] if r["derived_status"] != r["status"] else ""
        say("{ref:<7} {type} {status} {derived} {projects:<18} {realised:>12} {target:>12} {progress:>8}  {title}",
            ref=r["ref"], type=fit(word(r["type"]), 15), status=fit(word(r["status"]), 10),
            derived=fit(word(derived), 10), projects=",".join(r["projects"])[:18], realised=realised, target=target,
            progress=progress, title=r["title"])
        if r["risk_reasons"]:
            say("        at risk: {reasons}", reasons=phrase("; ").join(msg(x) for x in r["risk_reasons"]))
    return 0


_SCORE = re.compile(r"^\s*([A-Za-z_][\w]*)\s*=\s*(\S+)\s*$")


def _scores(items: list[str]) -> dict[str, int]:
    out = {}
    for item in items:
        match = _SCORE.match(item)
        if not match:
            raise UserError(f"a score is CRITERION=N, e.g. strategic_alignment=4, not '{item}'")
        try:
            out[match.group(1)] = int(match.group(2))
        except ValueError:
            raise UserError(f"a score is a whole number from 1 to 5, not '{match.group(2)}'") from None
    return out


def cmd_scenario(args: argparse.Namespace) -> int:
    from pmo_desktop.scenarios import model

    action = args.action
    read_only = action in ("list", "compare")
    scores = _scores(getattr(args, "score", []) or []) if action == "set" else {}
    with open_portfolio(args.file, read_only=read_only) as pf:
        if action == "new":
            model.new_scenario(pf, args.name, args.description, source=Source.CLI)
            out = {"created": args.name}
            text = phrase("Created scenario '{name}'", name=args.name)
        elif action == "delete":
            model.delete_scenario(pf, args.name, source=Source.CLI)
            out = {"deleted": args.name}
            text = phrase("Deleted scenario '{name}'", name=args.name)
        elif action == "set":
            change = model.set_change(pf, args.name, args.code, defer=args.defer, cancel=args.cancel, fund=args.fund,
                                      budget=args.budget, scores=scores, clear=args.clear, source=Source.CLI)
            out = {"scenario": args.name, "code": args.code, "change": change.as_dict() if change else None}
            text = f"{args.name}: {args.code} " + (_describe(change.describe()) if change
                                                   else phrase("unchanged"))
        elif action == "list":
            scenarios = [model.load_scenario(pf, n).as_dict() for n in model.scenario_names(pf)]
            out = {"scenarios": scenarios}
            text = "\n".join(f"{s['name']}: " + (phrase("; ").join(f"{c['code']} {_describe(c['summary'].split(', '))}"
                                                                   for c in s["changes"]) or phrase("no changes"))
                             for s in scenarios) or phrase("No scenarios yet")
        elif action == "compare":
            from pmo_desktop.scenarios.compare import compare

            out = compare(pf, args.names)
            text = _compare_text(out)
        else:
            from pmo_desktop.scenarios.apply import apply_scenario

            out = apply_scenario(pf, args.name, source=Source.CLI)
            text = phrase("Applied scenario '{name}' to {n} project(s) as one step (batch {batch}; undo it in the "
                          "window or with Edit > Undo)", name=args.name, n=out["projects"], batch=out["batch"])
    if args.json:
        print_json(out)
    else:
        say("{text}", text=text)
    return 0


def _over_spare(months: list[dict]) -> str:
    over = sum(max(0.0, -m["over_under_days"]) for m in months)
    spare = sum(max(0.0, m["over_under_days"]) for m in months)
    return f"{over:,.0f} / {spare:,.0f}"


def _compare_text(data: dict) -> str:
    cur = data["currency"]
    cols = data["columns"]
    names = [phrase("live") if c["name"] == "live" else c["name"] for c in cols]
    width = max(14, *(columns(n) + 2 for n in names))
    head = " " * 28 + "".join(pad(n, width) for n in names)
    lines = [phrase("As at {date} (actuals to {month})", date=day(data["as_of"]), month=data["cutoff_month"]), head]

    def row(label: str, values) -> None:
        lines.append(fit(label, 28) + "".join(pad(v, width) for v in values))

    na = phrase("n/a")
    fys = sorted({fy for c in cols for fy in c["spend_by_fy"]})
    lines.append(phrase("Spend by FY"))
    for fy in fys:
        row(f"  {fy}", [money(c["spend_by_fy"].get(fy, 0), cur) for c in cols])
    lines.append(phrase("Funding line"))
    row(phrase("  funded projects"), [str(c["funding"]["funded_count"]) for c in cols])
    row(phrase("  funded cost"), [money(c["funding"]["funded_cost"], cur) for c in cols])
    row(phrase("  newly in / out"), [f"+{len(c['funding']['newly_in'])}/-{len(c['funding']['newly_out'])}"
                                     for c in cols])
    lines.append(phrase("Capacity, next 12 months"))
    row(phrase("  over-allocated days"), [f"{c['capacity']['over_days']:,.0f}" for c in cols])
    row(phrase("  spare days"), [f"{c['capacity']['under_days']:,.0f}" for c in cols])
    teams = list(cols[0]["capacity"]["teams"]) if cols else []
    if teams:  # month by month per team is in --json (capacity.teams)
        lines.append(phrase("Capacity by team, next 12 months (over-allocated / spare days)"))
        for team in teams:
            row(f"  {team[:26]}", [_over_spare(c["capacity"]["teams"].get(team, [])) for c in cols])
    lines.append(phrase("Cash benefits by FY"))
    for fy in sorted({fy for c in cols for fy in c["benefits_by_fy"]}):
        row(f"  {fy}", [money(c["benefits_by_fy"].get(fy, 0) * 100, cur) for c in cols])
    lines.append(phrase("Non-cash and qualitative benefits due by FY (counted, not summed)"))
    for fy in sorted({fy for c in cols for fy in c["non_cash_benefits_by_fy"]["by_fy"]}):
        row(f"  {fy}", [non_cash_counts(c["non_cash_benefits_by_fy"]["by_fy"].get(fy, {"due": 0})) for c in cols])
    if any(c["non_cash_benefits_by_fy"]["undated"]["due"] for c in cols):
        row(phrase("  no target date"), [non_cash_counts(c["non_cash_benefits_by_fy"]["undated"]) for c in cols])
    lines.append(phrase("Alignment of the funded book"))
    row(phrase("  strategic alignment (1-5)"), [na if c["alignment"]["strategic_alignment"] is None
                                                else f"{c['alignment']['strategic_alignment']:.2f}" for c in cols])
    row(phrase("  mean weighted score"), [na if c["alignment"]["mean_weighted_score"] is None
                                          else f"{c['alignment']['mean_weighted_score']:.2f}" for c in cols])
    return "\n".join(lines)


def _type_word(kind: str) -> str:
    """'Cash-releasing' as 'cash-releasing' in an English sentence; the catalogue's word in another language."""
    shown = word(kind)
    return shown.lower() if shown == kind else shown


def _describe(changes: list[str]) -> str:
    """A scenario's changes to a project ("defer 3m, budget -10%, risk=4"); a score stays as the code it is."""
    return phrase(", ").join(d if "=" in d else msg(d) for d in changes)
