"""`pmo check`: SQLite's integrity check plus the data-quality findings a PMO cares about.

Each finding names its rule, its severity and the project it concerns, in words an analyst can act
on. Findings are read-only: nothing here writes to the portfolio.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from pmo_desktop.store import Portfolio


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" | "warning" | "info"
    message: str
    project: str | None = None
    ref: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class CheckResult:
    integrity: list[str]
    findings: list[Finding]

    @property
    def integrity_ok(self) -> bool:
        return self.integrity == ["ok"]

    def as_dict(self) -> dict:
        return {
            "integrity": "ok" if self.integrity_ok else self.integrity,
            "findings": [f.as_dict() for f in self.findings],
            "counts": _count_by_severity(self.findings),
        }


def _count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] += 1
    return counts


def latest_period(portfolio: Portfolio) -> str | None:
    """The reporting period in force: the setting if present, else the newest report's period."""
    configured = portfolio.settings().get("current_period")
    if configured:
        return configured
    return portfolio.conn.execute("SELECT max(period) FROM status_reports").fetchone()[0]


def run_checks(portfolio: Portfolio, *, today: date | None = None) -> CheckResult:
    conn = portfolio.conn
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    fk_problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk_problems:
        integrity = [*(i for i in integrity if i != "ok"),
                     *(f"row {rowid} of {table} points at a missing {parent} row" for table, rowid, parent, _ in
                       fk_problems[:20])]
    today_iso = (today or date.today()).isoformat()
    findings: list[Finding] = []
    period = latest_period(portfolio)

    if period:
        for code, name in conn.execute(
            """SELECT p.code, p.name FROM projects p
               WHERE p.stage NOT IN ('Idea', 'Closed') AND coalesce(p.status, '') NOT IN ('Completed', 'Cancelled')
                 AND NOT EXISTS (SELECT 1 FROM status_reports s WHERE s.project_id = p.id AND s.period = ?)
               ORDER BY p.code""",
            (period,),
        ):
            findings.append(Finding("missing_status_report", "warning",
                                    f"{code} {name}: no status report for {period}", project=code))

    for table, label, start, finish, key in (
        ("projects", "project", "start_date", "finish_date", "code"),
        ("projects", "project baseline", "baseline_start", "baseline_finish", "code"),
    ):
        for code, s, f in conn.execute(
            f"SELECT {key}, {start}, {finish} FROM {table} WHERE {start} IS NOT NULL AND {finish} IS NOT NULL "
            f"AND {finish} < {start} ORDER BY {key}"
        ):
            findings.append(Finding("finish_before_start", "error",
                                    f"{code}: {label} finishes ({f}) before it starts ({s})", project=code))

    for code, task, s, f in conn.execute(
        """SELECT p.code, t.name, t.start_date, t.finish_date FROM tasks t JOIN projects p ON p.id = t.project_id
           WHERE t.start_date IS NOT NULL AND t.finish_date IS NOT NULL AND t.finish_date < t.start_date
           ORDER BY p.code, t.sort_order"""
    ):
        findings.append(Finding("finish_before_start", "error",
                                f"{code}: task '{task}' finishes ({f}) before it starts ({s})", project=code))

    for code, task, f in conn.execute(
        """SELECT p.code, t.name, t.finish_date FROM tasks t JOIN projects p ON p.id = t.project_id
           WHERE t.kind = 'milestone' AND t.finish_date < ? AND coalesce(t.percent_complete, 0) < 100
             AND t.actual_finish IS NULL AND p.stage NOT IN ('Closed')
           ORDER BY t.finish_date, p.code""",
        (today_iso,),
    ):
        findings.append(Finding("overdue_milestone", "warning",
                                f"{code}: milestone '{task}' was due {f} and is not complete", project=code))

    for ref, title, code in conn.execute(
        """SELECT r.ref, r.title, p.code FROM raid_items r LEFT JOIN projects p ON p.id = r.project_id
           WHERE r.type = 'Risk' AND r.status <> 'Closed' AND trim(coalesce(r.owner, '')) = ''
           ORDER BY r.ref"""
    ):
        findings.append(Finding("risk_without_owner", "warning",
                                f"{ref} '{title}' is an open risk with no owner", project=code, ref=ref))

    return CheckResult(integrity=integrity, findings=findings)
