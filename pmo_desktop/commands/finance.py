"""`pmo summary`: the portfolio in numbers for a period (finance, RAG, milestones, risks, capacity).

The finance service and the capacity service are sibling layers that do not know each other; this
command puts their two plain-data blocks together: the summary of the period, plus `capacity` = the
capacity figures for the months after it (capacity.capacity_summary)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pmo_desktop.capacity import CapacityInputError, capacity_summary
from pmo_desktop.commands.common import (
    UserError,
    day,
    fit,
    money,
    pad,
    percent,
    phrase,
    print_json,
    ratio,
    say,
    word,
)
from pmo_desktop.finance import portfolio_summary
from pmo_desktop.store import open_portfolio

CAPACITY_MONTHS = 6  # the months after the period that the capacity block covers
CAPACITY_LINES = 10  # over-allocations listed in the text form (all are in the count)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help="the portfolio in numbers for a reporting period")
    p.add_argument("file", type=Path)
    p.add_argument("--period", help="period end date YYYY-MM-DD (default: the current period)")
    p.add_argument("--json", action="store_true", help="print one JSON object (money in minor units)")
    p.set_defaults(run=cmd_summary)


def cmd_summary(args: argparse.Namespace) -> int:
    with open_portfolio(args.file, read_only=True) as pf, pf.snapshot():  # one state for both blocks
        summary = portfolio_summary(pf, args.period)
        try:
            summary["capacity"] = capacity_summary(pf, summary["period"]["end"], months=CAPACITY_MONTHS)
        except CapacityInputError as exc:
            raise UserError(f"capacity figures: {exc}") from None
    if args.json:
        print_json(summary)
    else:
        for line in summary_lines(summary):
            say("{line}", line=line)
    return 0


def _rag_pair(pair: dict) -> str:
    manager = pair["manager"] or "-"  # the RAG letters, as the heading's legend says
    if pair["derived"] is None:
        return f"{manager}"
    return f"{manager}/{pair['derived']}{'*' if pair['differs'] else ''}"


def _counts(counts: dict) -> str:
    return phrase(", ").join(f"{word(k)} {v}" for k, v in counts.items())


def summary_lines(s: dict) -> list[str]:
    """The readable text form of a summary, in the output language."""
    cur = s["currency"]

    def m(v):
        return money(v, cur)

    def row(label: str, g: dict) -> str:
        return (f"{fit(label, 34)} {pad(m(g['approved_budget']), 10)} {pad(m(g['actual_to_date']), 10)} "
                f"{pad(m(g['forecast_remaining']), 10)} {pad(m(g['eac']), 10)} {pad(m(g['variance']), 10)} "
                f"{pad(percent(g['variance_pct'], signed=True), 7)}")

    p, t = s["period"], s["totals"]
    lines = [phrase("{portfolio} - period ending {end} ({fy} {quarter}); actuals to {month}, forecast after",
                    portfolio=s["portfolio"], end=day(p["end"]), fy=p["fy"], quarter=p["fy_quarter"],
                    month=p["cutoff_month"][:7]),
             ""]
    lines.append(phrase("Projects by stage: {counts}", counts=_counts(s["by_stage"])))
    lines.append(phrase("Projects by RAG:   {counts}", counts=_counts(s["by_rag"])))
    lines.append("")
    lines.append(phrase("Budget {budget}   planned to date {planned}   actual to date {actual}   forecast remaining "
                        "{remaining}", budget=m(t["approved_budget"]), planned=m(t["planned_to_date"]),
                        actual=m(t["actual_to_date"]), remaining=m(t["forecast_remaining"])))
    lines.append(phrase("EAC {eac}   variance {variance} ({pct})   burn {burn}/month   runway {runway}", eac=m(t["eac"]),
                        variance=m(t["variance"]), pct=percent(t["variance_pct"], signed=True),
                        burn=m(t["burn_rate"]), runway=_months(t["runway_months"])))
    lines.append("")
    heads = "".join(f" {pad(h, 10)}" for h in (phrase("Budget"), phrase("Actual"), phrase("Forecast"), phrase("EAC"),
                                                  phrase("Variance")))
    heads += f" {pad(phrase('Var %'), 7)}"
    lines.append(fit(phrase("Programme"), 34) + heads)
    for g in s["programmes"]:
        lines.append(row(word(g["label"]), g))
    lines.append("")
    lines.append(fit(phrase("Project"), 34) + heads + "".join(
        f" {pad(h, 5)}" for h in (phrase("CPI"), phrase("SPI"), phrase("Cost"), phrase("Sched"))))
    for r in s["projects"]:
        lines.append(f"{row(r['code'] + ' ' + r['name'], r)} {pad(ratio(r['cpi']), 5)} "
                     f"{pad(ratio(r['spi']), 5)} {pad(_rag_pair(r['cost_rag']), 5)} "
                     f"{pad(_rag_pair(r['schedule_rag']), 5)}")
    lines.append(phrase("Cost/Sched: manager's RAG / derived RAG; * where they differ (cost {cost}, schedule "
                        "{schedule} projects)", cost=s["rag_differs"]["cost"], schedule=s["rag_differs"]["schedule"]))
    ms = s["milestones"]
    lines.append("")
    lines.append(phrase("Milestones due this period: {due} ({missed} not complete); overdue: {overdue}",
                        due=ms["due_count"], missed=ms["due_missed"], overdue=ms["overdue_count"]))
    for item in ms["overdue"][:20]:
        lines.append(phrase("  overdue  {due}  {project}  {milestone}", due=day(item["due"]), project=item["project"],
                            milestone=item["milestone"]))
    if ms["overdue_count"] > 20:
        lines.append(phrase("  ... and {n} more (see --json)", n=ms["overdue_count"] - 20))
    rk = s["risks"]
    lines.append(phrase("Open risks: {n} ({bands})", n=rk["open"], bands=_counts(rk["by_band"])))
    if "capacity" in s:
        lines.append("")
        lines += capacity_lines(s["capacity"])
    return lines


def _util(value: float | None) -> str:
    return phrase("n/a") if value is None else f"{value:.0f}%"


def capacity_lines(c: dict) -> list[str]:
    """The capacity block: utilisation per team per month (allocated / capacity person-days) and the
    worst over-allocations."""
    lines = [phrase("Capacity {first} to {last}: {people} people; {over} over-allocations ({people_over} people); "
                    "unstaffed demand {days:.1f} days", first=c["from"], last=c["to"], people=c["people"],
                    over=c["over_allocation_count"], people_over=c["people_over_allocated"], days=c["unstaffed_days"])]
    if not c["people"]:
        lines.append(phrase("No people are recorded, so there is no capacity to show."))
        return lines
    teams = c["teams"]
    months = [m["month"] for m in next(iter(teams.values()))] if teams else []
    lines.append(fit(phrase("Team utilisation"), 24) + "".join(f"{m:>9}" for m in months))
    for name, values in teams.items():
        lines.append(fit(name, 24) + "".join(f"{_util(v['utilisation_pct']):>9}" for v in values))
    lines.append(phrase("Utilisation = allocated / available person-days (after leave and part-time spells); "
                        "over 100% is over-allocated"))
    over = c["over_allocations"]
    if over:
        lines.append(phrase("Over-allocations (worst first): month, person, allocated / available days"))
        for o in over[:CAPACITY_LINES]:
            projects = phrase(", ").join(f"{x['project']} {x['days']:.1f}" for x in o["projects"])
            who = fit(f"{o['person']} ({o['team'] or phrase('no team')})", 30)
            lines.append(f"  {o['month']}  {who} {o['allocated_days']:.1f} / {o['capacity_days']:.1f} "
                         f"(+{o['excess_days']:.1f})  {projects}")
        if c["over_allocation_count"] > len(over[:CAPACITY_LINES]):
            lines.append(phrase("  ... and {n} more (see pmo capacity)",
                                n=c["over_allocation_count"] - len(over[:CAPACITY_LINES])))
    return lines


def _months(value: float | None) -> str:
    return phrase("n/a") if value is None else phrase("{n:.1f} months", n=value)
