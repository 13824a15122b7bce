"""What the governance services share: project lookup, date checks, reporting periods."""

from __future__ import annotations

from datetime import date, timedelta

from pmo_desktop.domain import workdays
from pmo_desktop.store import Portfolio, PortfolioError


class GovernanceError(PortfolioError):
    """A governance request that cannot be carried out; str() is one line for the user."""


def project_row(pf: Portfolio, code: str) -> tuple[int, str, str | None]:
    """(id, name, stage) of the project with this code, or a one-line error naming the code."""
    row = pf.conn.execute("SELECT id, name, stage FROM projects WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise GovernanceError(f"there is no project with code '{code}'")
    return row


def iso_date(value, what: str) -> str | None:
    """An ISO date string from a date, an ISO string or None; anything else is a user error."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise GovernanceError(f"{what} must be a date like 2026-11-30, not '{value}'") from None


def next_period_end(today: date, cadence: str = "monthly") -> date:
    """End of the reporting period after the one that contains `today`."""
    if cadence == "weekly":
        this_week_end = today + timedelta(days=6 - today.weekday())
        return this_week_end + timedelta(days=7)
    return workdays.month_end(workdays.add_months(today, 1))


def current_period_month(period: str | None, today: date) -> str:
    """'YYYY-MM-01' of the month the current reporting period falls in (months up to it carry actuals)."""
    if period:
        return period[:7] + "-01"
    return workdays.previous_month_end(today).replace(day=1).isoformat()
