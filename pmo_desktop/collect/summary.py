"""Who has returned this period's workbook, who had a report typed in instead, and who is missing;
and the reminder e-mail text that lists who is late."""

from __future__ import annotations

from typing import Any

from pmo_desktop.domain.dates import format_date
from pmo_desktop.store import Portfolio


def return_summary(pf: Portfolio, period: str) -> dict[str, Any]:
    """Projects sent a workbook for `period` (collect_requests), split into returned (a report that
    came from the workbook), entered (a report typed in the app) and missing (no report)."""
    rows = pf.conn.execute(
        """SELECT p.code, p.name, coalesce(p.manager, q.manager), q.file_name, q.sent_at,
                  s.id, s.returned_by, s.returned_at, s.imported_at
           FROM collect_requests q JOIN projects p ON p.id = q.project_id
           LEFT JOIN status_reports s ON s.project_id = q.project_id AND s.period = q.period
           WHERE q.period = ? ORDER BY p.code""", (period,)).fetchall()
    out: dict[str, Any] = {"period": period, "sent": len(rows), "returned": [], "entered": [], "missing": []}
    for code, name, manager, file_name, sent_at, report, by, at, imported in rows:
        item = {"code": code, "name": name, "manager": manager, "file": file_name, "sent_at": sent_at}
        if report is not None and imported is not None:
            out["returned"].append(item | {"returned_by": by, "returned_at": at, "imported_at": imported})
        elif report is not None:
            out["entered"].append(item)
        else:
            out["missing"].append(item)
    return out


def reminder_text(pf: Portfolio, period: str, summary: dict[str, Any] | None = None) -> str:
    """A plain e-mail body naming who is late, ready to paste into Outlook."""
    summary = summary or return_summary(pf, period)
    style = pf.settings().get("date_format")
    when = format_date(period, style)
    missing = summary["missing"]
    if not missing:
        return f"Every status report for the period ending {when} has come back. Thank you all."
    lines = [f"Subject: Reminder: status report for the period ending {when}", "",
             "Hello,", "",
             f"We have not yet received the status report for the period ending {when} for:"]
    for m in missing:
        lines.append(f"  - {m['code']} {m['name']}" + (f" ({m['manager']})" if m["manager"] else ""))
    lines += ["", "Please fill in the workbook we sent you (" + ("it is attached again" if len(missing) == 1
              else "each is attached again") + "), save it and send it back by replying to this e-mail.",
              "Any file name will do.", "", "Thank you,", pf.settings().get("organisation") or "The PMO"]
    return "\n".join(lines)


def collection_periods(pf: Portfolio) -> list[str]:
    """Periods workbooks were sent for, newest first."""
    return [r[0] for r in pf.conn.execute("SELECT DISTINCT period FROM collect_requests ORDER BY period DESC")]


def programme_names_all(pf: Portfolio) -> list[str]:
    return [r[0] for r in pf.conn.execute("SELECT name FROM programmes ORDER BY name")]
