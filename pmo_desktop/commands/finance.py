"""`pmo summary`: the portfolio in numbers for a period (finance, RAG, milestones, risks)."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from pmo_desktop.commands.common import print_json
from pmo_desktop.domain.money import format_money, format_pct, format_ratio
from pmo_desktop.finance import portfolio_summary
from pmo_desktop.store import open_portfolio


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help="the portfolio in numbers for a reporting period")
    p.add_argument("file", type=Path)
    p.add_argument("--period", help="period end date YYYY-MM-DD (default: the current period)")
    p.add_argument("--json", action="store_true", help="print one JSON object (money in minor units)")
    p.set_defaults(run=cmd_summary)


def cmd_summary(args: argparse.Namespace) -> int:
    with open_portfolio(args.file, read_only=True) as pf:
        summary = portfolio_summary(pf, args.period)
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
