"""Benefits for the demo portfolio: a believable register with a realisation plan and measurements.

Its own random stream, so adding it changes no other demo data for a seed. About half the projects
past Idea carry one benefit (a few share one with a sibling in their programme). Realisation starts
when the delivering project finishes (baseline) and runs to the target date; levels are quarterly.
Closed projects' benefits have actuals to date, some ahead of plan and some behind.
"""

from __future__ import annotations

import random
from datetime import date

from pmo_desktop.domain import workdays
from pmo_desktop.paths import load_json_resource
from pmo_desktop.store import Portfolio

# (title, measure, unit, baseline, target) ; cash targets are scaled from the project budget
_CASH = [
    ("Reduced licence costs", "Licence savings released", "GBP"),
    ("Lower contractor spend", "Contractor cost avoided", "GBP"),
    ("Data centre running costs retired", "Running costs retired", "GBP"),
    ("Manual processing effort released", "Staff cost released", "GBP"),
    ("Print and post costs cut", "Print and post savings", "GBP"),
    ("Supplier consolidation savings", "Contract savings", "GBP"),
]
_NON_CASH = [
    ("Faster customer onboarding", "Average onboarding time", "days", 12.0, 5.0),
    ("Higher customer satisfaction", "CSAT score", "%", 72.0, 85.0),
    ("More first-contact resolution", "First-contact resolution", "%", 61.0, 75.0),
    ("Better system availability", "Availability", "%", 99.2, 99.9),
    ("Fewer payment errors", "Payment errors a month", "count", 140.0, 40.0),
    ("Shorter month-end close", "Days to close", "days", 9.0, 5.0),
]
_QUALITATIVE = [
    "Stronger regulatory compliance posture", "Better colleague experience", "Reduced key-person dependency",
    "Improved data quality for decisions",
]


def add_benefits_demo(pf: Portfolio, *, seed: int, today: date) -> None:
    rng = random.Random(f"benefits-{seed}")
    conn = pf.conn
    owners = load_json_resource("demo", "recipe.json")["people"]
    period = workdays.previous_month_end(today)
    projects = conn.execute(
        """SELECT id, programme_id, stage, baseline_finish, approved_budget FROM projects
           WHERE stage <> 'Idea' ORDER BY id""").fetchall()
    by_programme: dict[int, list[int]] = {}
    for pid, prog, *_ in projects:
        by_programme.setdefault(prog, []).append(pid)
    benefits, links, measures = [], [], []
    bid = conn.execute("SELECT coalesce(max(id), 0) FROM benefits").fetchone()[0]
    for pid, prog, _stage, base_finish, budget in projects:
        if rng.random() > 0.55:
            continue
        bid += 1
        kind = rng.choices(["Cash-releasing", "Non-cash", "Qualitative"], [55, 35, 10])[0]
        start = workdays.month_end(date.fromisoformat(base_finish))
        target_date = workdays.month_end(workdays.add_months(start, rng.choice([12, 18, 24])))
        if kind == "Cash-releasing":
            title, measure, unit = rng.choice(_CASH)
            baseline = 0.0
            target = round((budget or 10_000_000) / 100 * rng.uniform(0.8, 2.5), -4)
        elif kind == "Non-cash":
            title, measure, unit, baseline, target = rng.choice(_NON_CASH)
        else:
            title, measure, unit, baseline, target = rng.choice(_QUALITATIVE), None, None, None, None
        # Owner's status: closed work is realising (or realised/at risk); the rest is planned.
        status = "Planned"
        performance = rng.choice([0.6, 0.8, 0.95, 1.0, 1.05, 1.15])
        if workdays.month_end(workdays.add_months(start, 3)) <= period:
            status = "Realised" if target_date <= period and performance >= 0.95 else "Realising"
            if performance <= 0.6 and rng.random() < 0.5:
                status = "At risk"
        if rng.random() < 0.02:
            status = "Lost"
        benefits.append((bid, f"B-{bid:03d}", title, kind, rng.choice(owners),
                         f"{title}, delivered by the project's changes.", measure, unit, baseline, target,
                         target_date.isoformat(), status))
        links.append((bid, pid))
        siblings = [p for p in by_programme.get(prog, []) if p != pid]
        if siblings and rng.random() < 0.2:
            links.append((bid, rng.choice(siblings)))
        if target is None:
            continue
        # Quarterly plan from realisation start to target: an S-ish ramp (slow, fast, slow).
        steps = max(1, (target_date.year - start.year) * 12 + target_date.month - start.month) // 3 or 1
        for q in range(1, steps + 1):
            when = workdays.month_end(workdays.add_months(start, 3 * q))
            share = q / steps
            share = share * share * (3 - 2 * share)
            planned = round(baseline + (target - baseline) * share, 2)
            actual = forecast = None
            if when <= period and status != "Planned":
                actual = round(baseline + (target - baseline) * share * performance * rng.uniform(0.95, 1.05), 2)
            else:
                forecast = round(baseline + (target - baseline) * share * performance, 2)
            measures.append((bid, when.isoformat(), planned, forecast, actual))
    conn.executemany(
        """INSERT INTO benefits (id, ref, title, type, owner, description, measure, unit, baseline, target,
           target_date, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""", benefits)
    conn.executemany("INSERT INTO benefit_projects (benefit_id, project_id) VALUES (?, ?)", links)
    conn.executemany(
        "INSERT INTO benefit_measurements (benefit_id, period, planned, forecast, actual) VALUES (?,?,?,?,?)",
        measures)
