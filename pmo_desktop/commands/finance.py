"""`pmo summary`: the portfolio in numbers for a period (finance, RAG, milestones, risks, capacity).

The finance service and the capacity service are sibling layers that do not know each other; this
command puts their two plain-data blocks together: the summary of the period, plus `capacity` = the
capacity figures for the months after it (capacity.capacity_summary)."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from pmo_desktop.capacity import CapacityInputError, capacity_summary
from pmo_desktop.commands.common import UserError, print_json
from pmo_desktop.domain.money import format_money, format_pct, format_ratio
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
        print("\n".join(summary_lines(summary)))
    return 0


def _rag_pair(pair: dict) -> str:
    manager = pair["manager"] or "-"
    if pair["derived"] is None:
        return f"{manager}"
    return f"{manager}/{pair['derived']}{'*' if pair['differs'] else ''}"


def summary_lines(s: dict) -> list[str]:
    """The readable text form of a summary (also used by tests)."""
    cur = s["currency"]

    def m(v):
        return format_money(v, cur)

    p, t = s["period"], s["totals"]
    lines = [f"{s['portfolio']} - period ending {p['end']} ({p['fy']} {p['fy_quarter']}); "
             f"actuals to {p['cutoff_month'][:7]}, forecast after",
             ""]
    lines.append("Projects by stage: " + ", ".join(f"{k} {v}" for k, v in s["by_stage"].items()))
    lines.append("Projects by RAG:   " + ", ".join(f"{k} {v}" for k, v in s["by_rag"].items()))
    lines.append("")
    lines.append(f"Budget {m(t['approved_budget'])}   planned to date {m(t['planned_to_date'])}   "
                 f"actual to date {m(t['actual_to_date'])}   forecast remaining {m(t['forecast_remaining'])}")
    lines.append(f"EAC {m(t['eac'])}   variance {m(t['variance'])} ({format_pct(t['variance_pct'], signed=True)})   "
                 f"burn {m(t['burn_rate'])}/month   runway {_months(t['runway_months'])}")
    lines.append("")
    header = f"{'':<34} {'Budget':>10} {'Actual':>10} {'Forecast':>10} {'EAC':>10} {'Variance':>10} {'Var %':>7}"
    lines.append("Programme" + header[9:])
    for g in s["programmes"]:
        lines.append(f"{_fit(g['label'], 34)} {m(g['approved_budget']):>10} {m(g['actual_to_date']):>10} "
                     f"{m(g['forecast_remaining']):>10} {m(g['eac']):>10} {m(g['variance']):>10} "
                     f"{format_pct(g['variance_pct'], signed=True):>7}")
    lines.append("")
    lines.append("Project" + header[7:] + f" {'CPI':>5} {'SPI':>5} {'Cost':>5} {'Sched':>5}")
    for r in s["projects"]:
        lines.append(f"{_fit(r['code'] + ' ' + r['name'], 34)} {m(r['approved_budget']):>10} {m(r['actual_to_date']):>10} "
                     f"{m(r['forecast_remaining']):>10} {m(r['eac']):>10} {m(r['variance']):>10} "
                     f"{format_pct(r['variance_pct'], signed=True):>7} {format_ratio(r['cpi']):>5} "
                     f"{format_ratio(r['spi']):>5} {_rag_pair(r['cost_rag']):>5} {_rag_pair(r['schedule_rag']):>5}")
    lines.append("Cost/Sched: manager's RAG / derived RAG; * where they differ "
                 f"(cost {s['rag_differs']['cost']}, schedule {s['rag_differs']['schedule']} projects)")
    ms = s["milestones"]
    lines.append("")
    lines.append(f"Milestones due this period: {ms['due_count']} ({ms['due_missed']} not complete); "
                 f"overdue: {ms['overdue_count']}")
    for item in ms["overdue"][:20]:
        lines.append(f"  overdue  {item['due']}  {item['project']}  {item['milestone']}")
    if ms["overdue_count"] > 20:
        lines.append(f"  ... and {ms['overdue_count'] - 20} more (see --json)")
    rk = s["risks"]
    lines.append(f"Open risks: {rk['open']} (" + ", ".join(f"{k} {v}" for k, v in rk["by_band"].items()) + ")")
    if "capacity" in s:
        lines.append("")
        lines += capacity_lines(s["capacity"])
    return lines


def _util(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}%"


def capacity_lines(c: dict) -> list[str]:
    """The capacity block: utilisation per team per month (allocated / capacity person-days) and the
    worst over-allocations."""
    lines = [f"Capacity {c['from']} to {c['to']}: {c['people']} people; "
             f"{c['over_allocation_count']} over-allocations ({c['people_over_allocated']} people); "
             f"unstaffed demand {c['unstaffed_days']:.1f} days"]
    if not c["people"]:
        lines.append("No people are recorded, so there is no capacity to show.")
        return lines
    teams = c["teams"]
    months = [m["month"] for m in next(iter(teams.values()))] if teams else []
    lines.append(f"{'Team utilisation':<24}" + "".join(f"{m:>9}" for m in months))
    for name, values in teams.items():
        lines.append(_fit(name, 24) + "".join(f"{_util(v['utilisation_pct']):>9}" for v in values))
    lines.append("Utilisation = allocated / available person-days (after leave and part-time spells); "
                 "over 100% is over-allocated")
    over = c["over_allocations"]
    if over:
        lines.append("Over-allocations (worst first): month, person, allocated / available days")
        for o in over[:CAPACITY_LINES]:
            projects = ", ".join(f"{x['project']} {x['days']:.1f}" for x in o["projects"])
            lines.append(f"  {o['month']}  {_fit(o['person'] + ' (' + (o['team'] or 'no team') + ')', 30)} "
                         f"{o['allocated_days']:.1f} / {o['capacity_days']:.1f} (+{o['excess_days']:.1f})  {projects}")
        if c["over_allocation_count"] > len(over[:CAPACITY_LINES]):
            lines.append(f"  ... and {c['over_allocation_count'] - len(over[:CAPACITY_LINES])} more "
                         "(see pmo capacity)")
    return lines


def _fit(text: str, width: int) -> str:
    """Cut and pad to `width` terminal columns; East Asian wide characters take two."""
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (width - used)


def _months(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} months"
