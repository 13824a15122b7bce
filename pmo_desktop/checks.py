"""`pmo check`: SQLite's integrity check plus the PMO's health-check findings.

The rules themselves live in pmo_desktop.governance.health, one small function each, with severities
and switches in the portfolio's settings. Each finding names its rule, its severity, the project it
concerns and the table and row to open, in words an analyst can act on. Findings are read-only:
nothing here writes to the portfolio.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmo_desktop.governance.health import RULES, Finding, run_rules
from pmo_desktop.store import Portfolio
from pmo_desktop.store.sanity import broken_values

PORTFOLIO_LEVEL = "(portfolio)"  # the by-project key of findings that belong to no project


@dataclass
class CheckResult:
    integrity: list[str]
    findings: list[Finding]

    @property
    def integrity_ok(self) -> bool:
        return self.integrity == ["ok"]

    def by_project(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for f in sorted(self.findings, key=lambda f: (f.project is None, f.project or "")):
            grouped.setdefault(f.project or PORTFOLIO_LEVEL, []).append(f)
        return grouped

    def as_dict(self) -> dict:
        return {
            "integrity": "ok" if self.integrity_ok else self.integrity,
            "findings": [f.as_dict() for f in self.findings],
            "counts": _count_by_severity(self.findings),
            "by_project": {k: [f.as_dict() for f in v] for k, v in self.by_project().items()},
            "rules": {rid: r.title for rid, r in RULES.items()},
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


def run_checks(portfolio: Portfolio, *, today: date | None = None, integrity: bool = True,
               lang: str = "en") -> CheckResult:
    """Integrity and health findings; `integrity=False` runs only the health rules (the Health view
    does, since SQLite's full integrity check reads the whole file: seconds on a large portfolio).
    Dates in the findings follow the portfolio's date_format setting (month names in `lang`)."""
    if not integrity:
        return CheckResult(integrity=["ok"], findings=run_rules(portfolio, today=today or date.today(),
                                                                period=latest_period(portfolio), lang=lang))
    conn = portfolio.conn
    integrity_lines = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    fk_problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    problems = [f"row {rowid} of {table} points at a missing {parent} row" for table, rowid, parent, _ in fk_problems[:20]]
    problems += broken_values(conn)
    if portfolio.missing_log_triggers:
        problems.append(f"{len(portfolio.missing_log_triggers)} change-log triggers are missing (e.g. "
                        f"{portfolio.missing_log_triggers[0]}): changes are not recorded or undoable until the "
                        "file is opened for writing, which reinstalls them")
    try:
        findings = run_rules(portfolio, today=today or date.today(), period=latest_period(portfolio), lang=lang)
    except (ValueError, TypeError, KeyError, IndexError, ArithmeticError):
        if not problems:
            raise  # a bug of ours, not the file's
        findings = []
        problems.append("the health rules were not run: correct the values above first")
    if problems:
        integrity_lines = [*(i for i in integrity_lines if i != "ok"), *problems]
    return CheckResult(integrity=integrity_lines, findings=findings)


__all__ = ["CheckResult", "Finding", "latest_period", "run_checks"]
