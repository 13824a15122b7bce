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
    "cost_rag": {"amber_over_pct": 5, "red_over_pct": 10},
    "schedule_rag": {"amber_over_days": 10, "red_over_days": 20},
    "confidentiality": "Confidential",
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
    values = dict(DEFAULTS)
    for key, value in conn.execute("SELECT key, value FROM settings"):
        values[key] = json.loads(value) if value is not None else None
    return values


def write_setting(conn, key: str, value: Any) -> None:
    conn.execute(
        """INSERT INTO settings (key, value) VALUES (?, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
           WHERE settings.value IS NOT excluded.value""",
        (key, json.dumps(value)),
    )
