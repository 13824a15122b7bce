"""Governance data for the demo portfolio: gate reviews, priority scores and lessons learned.

Built from the projects already in the file, with its own random stream, so adding it changes no
other demo data for a seed. Passed gates have a decision (mostly Go, some with conditions); the next
gate is planned, a few of them overdue; open projects are scored; later-stage projects have lessons.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from pmo_desktop.store import Portfolio
from pmo_desktop.store.settings import DEFAULTS, write_setting

_APPROVERS = ["Portfolio Board", "Investment Committee", "CFO; CIO", "Change Board", "COO; Head of PMO"]
_CONDITIONS = ["Confirm vendor contract terms", "Resource plan signed off by line managers",
               "Security review of the solution design", "Benefits profile agreed with Finance",
               "Data protection impact assessment"]
_LESSONS = [
    ("Vendors", "Supplier missed the agreed test window", "Book environments and vendor time early",
     "Add environment booking to the Gate 2 checklist"),
    ("Data", "Migration uncovered duplicate customer records", "Profile source data before design",
     "Run a data-quality sprint in Planning"),
    ("People", "Key tester left mid-project", "Single points of failure hurt late in delivery",
     "Cross-train at least two people on each critical role"),
    ("Governance", "Board papers were late twice", "Fixed reporting dates keep decisions on time",
     "Publish the board calendar at project start"),
    ("Scope", "Scope grew by 20% without a change request", "Change control must start on day one",
     "Refuse work without an approved change request"),
    ("Testing", "Performance testing started too late", "Non-functional tests need early environments",
     "Plan performance testing as a milestone in the baseline"),
    ("Stakeholders", "Operations were not ready for go-live", "Involve the receiving team from Planning",
     "Name an operations owner at Gate 1"),
    ("Benefits", "Benefits were not measured after closure", "Benefits need an owner beyond the project",
     "Confirm the benefits owner at Gate 4"),
]


def _offsets(start: date, finish: date) -> list[date]:
    """Planned dates of gates G0-G4 around a project's baseline."""
    return [start - timedelta(days=56), start - timedelta(days=28), start, finish - timedelta(days=14),
            finish + timedelta(days=21)]


def add_governance_demo(pf: Portfolio, *, seed: int, today: date) -> None:
    rng = random.Random(f"governance-{seed}")
    conn = pf.conn
    model = DEFAULTS["gate_model"]
    stages = model["stages"]
    criteria = [c["id"] for c in DEFAULTS["scoring_model"]["criteria"]]
    lesson_no = 0
    open_cost = pf.conn.execute(
        "SELECT coalesce(sum(approved_budget), 0) FROM projects WHERE stage IN ('Idea', 'Initiation', 'Planning', "
        "'Execution') AND coalesce(status, '') NOT IN ('Completed', 'Cancelled')").fetchone()[0]
    # A cap that funds about two thirds of the book of work, in whole millions.
    cap = round(open_cost * 2 / 3 / 100_000_000) * 100_000_000
    write_setting(conn, "scoring_model", {**DEFAULTS["scoring_model"], "funding_cap": cap or None})
    for pid, stage, start, finish in conn.execute(
            "SELECT id, stage, baseline_start, baseline_finish FROM projects ORDER BY id").fetchall():
        passed = stages.index(stage)
        planned = _offsets(date.fromisoformat(start), date.fromisoformat(finish))
        for k, gate in enumerate(model["gates"][:passed]):
            held = min(planned[k], today - timedelta(days=7 * (passed - k)))
            decision = "Go with conditions" if rng.random() < 0.25 else "Go"
            checklist = [{"criterion": c, "met": True, "evidence": f"Board minutes {held.isoformat()}"}
                         for c in gate["checklist"]]
            rid = conn.execute(
                """INSERT INTO gate_reviews (project_id, gate, planned_date, actual_date, checklist, decision,
                   approvers) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (pid, gate["id"], held.isoformat(), held.isoformat(), json.dumps(checklist), decision,
                 rng.choice(_APPROVERS)),
            ).lastrowid
            if decision == "Go with conditions":
                due = held + timedelta(days=rng.randint(14, 60))
                conn.execute(
                    "INSERT INTO gate_conditions (review_id, description, owner, due_date, status) VALUES (?,?,?,?,?)",
                    (rid, rng.choice(_CONDITIONS), rng.choice(["Ana Ruiz", "Ben Okafor", "Chen Wei"]),
                     due.isoformat(), "Met" if due < today else "Open"),
                )
        if passed < len(model["gates"]):
            gate = model["gates"][passed]
            when = planned[passed]
            if when < today:  # not held yet: most are planned soon, a few have slipped past their date
                late = rng.random() < 0.2
                when = today - timedelta(days=rng.randint(3, 25)) if late else today + timedelta(days=rng.randint(5, 75))
            checklist = [{"criterion": c, "met": rng.random() < 0.5, "evidence": ""} for c in gate["checklist"]]
            conn.execute(
                "INSERT INTO gate_reviews (project_id, gate, planned_date, checklist) VALUES (?, ?, ?, ?)",
                (pid, gate["id"], when.isoformat(), json.dumps(checklist)),
            )
        if stage in ("Idea", "Initiation", "Planning", "Execution") and rng.random() < 0.85:
            conn.executemany(
                "INSERT INTO priority_scores (project_id, criterion, score) VALUES (?, ?, ?)",
                [(pid, c, rng.choices([1, 2, 3, 4, 5], [1, 3, 5, 4, 2])[0]) for c in criteria],
            )
        if stage in ("Execution", "Closure", "Closed") and rng.random() < (0.3 if stage == "Execution" else 0.9):
            for category, happened, lesson, recommendation in rng.sample(_LESSONS, rng.randint(1, 2)):
                lesson_no += 1
                when = min(today, date.fromisoformat(finish)) - timedelta(days=rng.randint(0, 120))
                conn.execute(
                    """INSERT INTO lessons (ref, project_id, date, category, what_happened, lesson, recommendation,
                       owner, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (f"L-{lesson_no:03d}", pid, when.isoformat(), category, happened, lesson, recommendation,
                     rng.choice(["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dana Kovac"]),
                     rng.choice(["Open", "Actioned", "Closed"])),
                )
