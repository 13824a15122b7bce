"""Portfolio settings: a key/value table of JSON values with the defaults from DOMAIN.md."""

from __future__ import annotations

import json
from typing import Any

DEFAULTS: dict[str, Any] = {
    "portfolio_name": "Portfolio",
    "organisation": "",
    "currency": "GBP",
    "fy_start_month": 4,
    "reporting_cadence": "monthly",
    "current_period": None,
    "date_order": "day-first",
    "date_format": None,  # one of domain.dates.DATE_FORMATS; None follows the system locale
    "cost_rag": {"amber_over_pct": 5, "red_over_pct": 10},
    "schedule_rag": {"amber_over_days": 10, "red_over_days": 20},
    "confidentiality": "Confidential",
    # Board pack (issue 7): the export options last used and a logo for the cover. "commentary" held the
    # portfolio's commentary per period until migration 0009_pack_commentary moved it to its own table
    # (store/schema_pack.py); it stays empty.
    "board_pack": {"sections": None, "programme": None, "page_size": "A4", "logo_path": None, "commentary": {}},
    # Governance (issue 9). Gate n sits between stage n and stage n+1.
    "gate_model": {
        "stages": ["Idea", "Initiation", "Planning", "Execution", "Closure", "Closed"],
        "gates": [
            {"id": "G0", "name": "Gate 0: idea approved", "from": "Idea", "to": "Initiation",
             "checklist": ["Problem and opportunity stated", "Sponsor named", "Strategic fit confirmed",
                           "Rough order of cost and benefit"]},
            {"id": "G1", "name": "Gate 1: business case approved", "from": "Initiation", "to": "Planning",
             "checklist": ["Business case approved", "Options appraised", "Project manager appointed",
                           "Funding for planning released"]},
            {"id": "G2", "name": "Gate 2: plan and budget approved", "from": "Planning", "to": "Execution",
             "checklist": ["Budget approved", "Baseline plan agreed", "Risks reviewed",
                           "Resources committed", "Governance and reporting set up"]},
            {"id": "G3", "name": "Gate 3: ready to close", "from": "Execution", "to": "Closure",
             "checklist": ["Deliverables accepted", "Test plan signed off", "Handover to operations agreed",
                           "Open risks and issues transferred"]},
            {"id": "G4", "name": "Gate 4: closed", "from": "Closure", "to": "Closed",
             "checklist": ["Lessons learned recorded", "Final costs reconciled", "Benefits owner confirmed",
                           "Contracts closed"]},
        ],
    },
    # Weighted scoring for the book of work. Every scale runs 1-5 with 5 the most favourable.
    "scoring_model": {
        "criteria": [
            {"id": "strategic_alignment", "name": "Strategic alignment", "weight": 30,
             "scale": {"1": "No link to strategy", "2": "Indirect link", "3": "Supports one objective",
                       "4": "Supports several objectives", "5": "Essential to a strategic objective"}},
            {"id": "benefit", "name": "Benefit", "weight": 25,
             "scale": {"1": "Negligible", "2": "Minor", "3": "Moderate", "4": "Major",
                       "5": "Transformational"}},
            {"id": "risk", "name": "Delivery risk (5 = lowest)", "weight": 15,
             "scale": {"1": "Very high risk", "2": "High risk", "3": "Moderate risk", "4": "Low risk",
                       "5": "Very low risk"}},
            {"id": "urgency", "name": "Urgency", "weight": 20,
             "scale": {"1": "Can wait a year or more", "2": "Within a year", "3": "Within two quarters",
                       "4": "This quarter", "5": "Regulatory or critical deadline"}},
            {"id": "effort", "name": "Effort (5 = least)", "weight": 10,
             "scale": {"1": "Very large", "2": "Large", "3": "Medium", "4": "Small", "5": "Very small"}},
        ],
        "funding_cap": None,  # minor units; draws the book of work's funding line when set
    },
    # Health-check rules: each can be switched off, given a severity, and some take a threshold.
    "health_rules": {
        "missing_status_report": {"enabled": True, "severity": "warning"},
        "stale_status_report": {"enabled": True, "severity": "warning", "max_age_days": 45},
        "watermelon": {"enabled": True, "severity": "error", "cost_overrun_pct": 10},
        "finish_before_start": {"enabled": True, "severity": "error"},
        "plan_dates_disagree": {"enabled": True, "severity": "warning"},
        "overdue_milestone": {"enabled": True, "severity": "warning"},
        "risk_without_owner": {"enabled": True, "severity": "warning"},
        "high_risk_no_response": {"enabled": True, "severity": "error", "min_score": 15},
        "issue_past_due": {"enabled": True, "severity": "warning"},
        "gate_overdue": {"enabled": True, "severity": "warning"},
        "execution_without_baseline": {"enabled": True, "severity": "error"},
        "future_actuals": {"enabled": True, "severity": "error"},
        "cross_project_link_broken": {"enabled": True, "severity": "warning"},
    },
    # Resources and capacity
    "roles": ["Project Manager", "Business Analyst", "Solution Architect", "Developer", "Tester",
              "Data Engineer", "Designer", "Change Manager"],
    "teams": ["Delivery", "Engineering", "Data", "Change"],
    "allocation_unit": "fte",  # "fte" (share of the month) or "hours" (hours in the month)
    "hours_per_day": 7.5,
    "utilisation_bands": {"full_from_pct": 80, "over_above_pct": 100},
    "capacity_calendar": None,  # a calendars.name; None = the first calendar (Monday-Friday if none)
}

CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "AUD": "A$", "CAD": "C$", "NZD": "NZ$",
                    "CHF": "CHF ", "JPY": "¥", "CNY": "¥", "INR": "₹", "SGD": "S$", "ZAR": "R"}


def read_settings(conn) -> dict[str, Any]:
    """The settings, with the default for any value that is damaged (not JSON); `pmo check` lists those."""
    values = dict(DEFAULTS)
    for key, value in conn.execute("SELECT key, value FROM settings"):
        try:
            values[key] = json.loads(value) if value is not None else None
        except (ValueError, TypeError):
            continue
    return values


def write_setting(conn, key: str, value: Any) -> None:
    conn.execute(
        """INSERT INTO settings (key, value) VALUES (?, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
           WHERE settings.value IS NOT excluded.value""",
        (key, json.dumps(value)),
    )
