"""Everything the board pack shows, read from the portfolio into plain data before anything is drawn.

Sections never query the database: they receive a `PackData`. "As at" is the end of the reporting
period: a milestone is overdue if it was due by the period end and had not finished by then.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import RAG_DIMENSIONS, Rag
from pmo_desktop.domain.scores import ScoreBand, risk_score, score_band
from pmo_desktop.finance import ProjectFinance, ProjectRags
from pmo_desktop.governance import health
from pmo_desktop.governance.health import Finding
from pmo_desktop.reports.base import rag_of
from pmo_desktop.reports.capacity_data import PackCapacity
from pmo_desktop.reports.commentary import load_commentary
from pmo_desktop.reports.finance_data import PackFinance, load_finance
from pmo_desktop.reports.lang import lang as pack_lang
from pmo_desktop.reports.trends_data import InYear, TrendPoint, load_in_year, load_trends
from pmo_desktop.scheduling import crossproject, timeline
from pmo_desktop.store import Portfolio

HIGH_BANDS = (ScoreBand.HIGH, ScoreBand.CRITICAL)


@dataclass
class Milestone:
    project_code: str
    project_name: str
    name: str
    finish: str | None
    baseline_finish: str | None
    actual_finish: str | None
    slip_days: int  # working days the forecast sits past the baseline (negative: early)
    done: bool  # finished by the period end


@dataclass
class RaidRow:
    ref: str
    type: str
    title: str
    owner: str | None
    raised: str | None
    due: str | None
    status: str
    probability: int | None
    impact: int | None
    escalated: bool
    project_code: str | None
    project_name: str | None
    response: str | None = None  # the response: mitigation or action
    overdue: bool = False  # due before the period end and still open at it

    @property
    def score(self) -> int | None:
        return risk_score(self.probability, self.impact)

    @property
    def band(self) -> ScoreBand | None:
        return score_band(self.score)


@dataclass
class ProjectPack:
    id: int
    code: str
    name: str
    programme: str
    manager: str | None
    sponsor: str | None
    stage: str | None
    status: str | None
    start: str | None
    finish: str | None
    baseline_start: str | None
    baseline_finish: str | None
    percent_complete: float | None
    approved_budget: int | None
    rags: dict[str, Rag]
    reported: bool  # a status report exists for the period
    previous_overall: Rag | None
    summary: str | None = None
    achievements: str | None = None
    next_steps: str | None = None
    top_issues: str | None = None
    decisions: str | None = None
    cost_commentary: str | None = None  # pack commentary, topic 'cost': why the variance is what it is
    returned_by: str | None = None  # the PM who returned the period's report as a workbook (issue 21)
    returned_at: str | None = None  # when the PM saved that workbook (ISO timestamp)
    finish_slip: int = 0  # working days the forecast finish sits past the baseline finish
    bar: tuple[date | None, date | None] = (None, None)  # the roadmap bar, as the GUI roadmap draws it
    finance: ProjectFinance | None = None  # from the finance service
    derived: ProjectRags | None = None  # the finance service's derived cost and schedule RAGs
    milestones: list[Milestone] = field(default_factory=list)
    risks: list[RaidRow] = field(default_factory=list)
    issues: list[RaidRow] = field(default_factory=list)

    @property
    def trend(self) -> str:
        """'better', 'worse', 'same' or '' (no comparison possible) for the overall RAG."""
        now, before = self.rags["overall"], self.previous_overall
        if before is None or not self.reported or now.severity == 0 or before.severity == 0:
            return ""
        if now.severity < before.severity:
            return "better"
        return "worse" if now.severity > before.severity else "same"

    @property
    def next_milestone(self) -> Milestone | None:
        pending = [m for m in self.milestones if not m.done and m.finish]
        return min(pending, key=lambda m: m.finish) if pending else None

    @property
    def slip_days(self) -> int:
        pending = [m.slip_days for m in self.milestones if not m.done]
        return max(pending, default=0)


@dataclass
class RagChange:
    project: ProjectPack
    before: dict[str, Rag]
    after: dict[str, Rag]

    @property
    def dimensions(self) -> list[str]:
        return [d for d in RAG_DIMENSIONS if self.before[d] != self.after[d]]


@dataclass
class Slip:
    project_code: str
    project_name: str
    milestone: str
    old: str
    new: str
    days: int


@dataclass
class Changes:
    rag: list[RagChange]
    new_projects: list[ProjectPack]
    closed_projects: list[ProjectPack]
    slipped: list[Slip]
    new_red_risks: list[RaidRow]


@dataclass
class PackData:
    portfolio: str
    organisation: str
    currency: str
    confidentiality: str
    period: date
    previous_period: date | None
    next_period_end: date
    today: date
    programme_filter: str | None
    programmes: list[str]
    projects: list[ProjectPack]
    heat: list[list[int]]  # heat[probability-1][impact-1] = open risks
    top_risks: list[RaidRow]  # open risks with a score, highest first (all of them: sections cap and say so)
    escalated_issues: list[RaidRow]
    milestones_completed: list[Milestone]
    milestones_next: list[Milestone]
    milestones_overdue: list[Milestone]
    milestones_due: list[Milestone]  # forecast to finish within the period (done or not)
    lookahead_end: date  # the end of the third period after this one
    milestones_ahead: list[Milestone]  # not done, forecast to finish after the period and by lookahead_end
    changes: Changes
    findings: list[Finding]
    commentary: str | None  # the portfolio's commentary for the period (markdown subset, reports.commentary)
    programme_commentary: dict[str, str] = field(default_factory=dict)
    trends: list[TrendPoint] = field(default_factory=list)  # the last six periods, oldest first
    in_year: list[InYear] = field(default_factory=list)  # per programme, then the total (label 'Total')
    options: dict = field(default_factory=dict)  # render options (closed_pages: full pages for closed/idea)
    finance: PackFinance | None = None  # from the finance service
    logo: str | None = None  # settings board_pack.logo_path, drawn on the cover when the file exists
    capacity: PackCapacity | None = None  # from the capacity service, loaded only for the capacity section
    cross_links: list = field(default_factory=list)  # scheduling.crossproject.CrossLink between its projects
    benefits: dict | None = None  # from benefits.realisation, loaded only for the benefits section

    @property
    def has_finance(self) -> bool:
        return self.finance is not None

    def by_programme(self) -> list[tuple[str, list[ProjectPack]]]:
        groups = [(name, [p for p in self.projects if p.programme == name]) for name in self.programmes]
        return [(name, items) for name, items in groups if items]

    @property
    def open_high_risks(self) -> int:
        return sum(self.heat[p][i] for p in range(5) for i in range(5) if (p + 1) * (i + 1) >= 10)


NO_PROGRAMME = "No programme"


def next_period_end(period: date, cadence: str, periods: int = 1) -> date:
    if cadence == "weekly":
        return period + timedelta(days=7 * periods)
    return workdays.month_end(workdays.add_months(period.replace(day=1), periods))


LOOKAHEAD_PERIODS = 3


def load_pack_data(pf: Portfolio, *, period: date, programme: str | None, today: date) -> PackData:
    conn = pf.conn
    settings = pf.settings()
    prev = conn.execute("SELECT max(period) FROM status_reports WHERE period < ?", (period.isoformat(),)).fetchone()[0]
    previous = date.fromisoformat(prev) if prev else None
    holidays = frozenset(date.fromisoformat(r[0]) for r in conn.execute(
        "SELECT date FROM calendar_exceptions WHERE working = 0 AND date LIKE '____-__-__'"))

    where, params = "", []
    if programme is not None:
        where, params = "WHERE g.name = ?", [programme]
    rows = conn.execute(
        f"""SELECT p.*, coalesce(g.name, '{NO_PROGRAMME}') AS programme_name FROM projects p
            LEFT JOIN programmes g ON g.id = p.programme_id {where}
            ORDER BY g.name IS NULL, g.name, p.code""", params).fetchall()
    cols = [d[0] for d in conn.execute("SELECT p.*, '' FROM projects p LIMIT 0").description][:-1] + ["programme_name"]
    reports = _reports(conn, period.isoformat())
    before = _reports(conn, prev) if prev else {}
    projects: list[ProjectPack] = []
    for row in rows:
        r = dict(zip(cols, row, strict=True))
        rep = reports.get(r["id"])
        source = rep if rep else r
        old = before.get(r["id"])
        projects.append(ProjectPack(
            id=r["id"], code=r["code"], name=r["name"], programme=r["programme_name"], manager=r["manager"],
            sponsor=r["sponsor"], stage=r["stage"], status=r["status"], start=r["start_date"],
            finish=r["finish_date"], baseline_start=r["baseline_start"], baseline_finish=r["baseline_finish"],
            percent_complete=r["percent_complete"], approved_budget=r["approved_budget"],
            rags={d: rag_of(source[f"rag_{d}"]) for d in RAG_DIMENSIONS}, reported=rep is not None,
            previous_overall=rag_of(old["rag_overall"]) if old else None,
            summary=rep and rep["summary"], achievements=rep and rep["achievements"],
            next_steps=rep and rep["next_steps"], top_issues=rep and rep["top_issues"],
            decisions=rep and rep["decisions_needed"],
            returned_by=rep and rep.get("returned_by"), returned_at=rep and rep.get("returned_at"),
        ))
    by_id = {p.id: p for p in projects}
    for x in projects:
        if x.finish and x.baseline_finish:
            x.finish_slip = workdays.working_days_between(
                date.fromisoformat(x.baseline_finish[:10]), date.fromisoformat(x.finish[:10]), holidays=holidays)
    _attach_milestones(conn, by_id, period, holidays)
    raid = _attach_raid(conn, by_id, period, portfolio_level=programme is None)
    for row in timeline.roadmap_rows(conn, list(by_id)):
        by_id[row.project_id].bar = (row.start, row.finish)
    money = load_finance(pf, period, previous, list(by_id) if programme is not None else None)
    for x in projects:
        x.finance = money.projects.get(x.id)
        x.derived = money.rags.get(x.id)
    programmes = sorted({p.programme for p in projects} - {NO_PROGRAMME})
    if any(p.programme == NO_PROGRAMME for p in projects):
        programmes.append(NO_PROGRAMME)

    heat = [[0] * 5 for _ in range(5)]
    open_risks = [r for r in raid if r.type == "Risk" and r.status != "Closed"]
    for r in open_risks:
        if r.probability and r.impact:
            heat[r.probability - 1][r.impact - 1] += 1
    top_risks = sorted((r for r in open_risks if r.score),
                       key=lambda r: (-r.score, r.due or "9999", r.ref))
    escalated = sorted((r for r in raid if r.type == "Issue" and r.escalated and r.status != "Closed"),
                       key=lambda r: (r.due or "9999", r.ref))

    all_ms = [m for p in projects for m in p.milestones]
    lo = previous.isoformat() if previous else "0000"
    hi = period.isoformat()
    cadence = settings.get("reporting_cadence") or "monthly"
    nxt = next_period_end(period, cadence)
    ahead_end = next_period_end(period, cadence, LOOKAHEAD_PERIODS)
    ahead = sorted((m for m in all_ms if not m.done and m.finish and hi < m.finish <= ahead_end.isoformat()),
                   key=lambda m: (m.finish, m.project_code))
    completed = sorted((m for m in all_ms if m.actual_finish and lo < m.actual_finish <= hi),
                       key=lambda m: (m.actual_finish, m.project_code))
    due_next = sorted((m for m in all_ms if m.finish and hi < m.finish <= nxt.isoformat()),
                      key=lambda m: (m.finish, m.project_code))
    start = money.period.start.isoformat()
    due_in_period = [m for m in all_ms if m.finish and start <= m.finish <= hi]
    closed = {p.code for p in projects if p.stage == "Closed"}
    overdue = sorted((m for m in all_ms if not m.done and m.finish and m.finish < hi and m.project_code not in closed),
                     key=lambda m: (m.finish, m.project_code))

    codes = {p.code for p in projects}
    # The health rules of `pmo check` (governance.health), run for the pack's period.
    findings = [f for f in health.run_rules(pf, today=today, period=hi, lang=pack_lang())
                if programme is None or (f.project is not None and f.project in codes)]
    pack_settings = settings.get("board_pack") if isinstance(settings.get("board_pack"), dict) else {}
    notes = load_commentary(pf, period)
    for x in projects:
        x.cost_commentary = notes.project_cost.get(x.id)
    ids = list(by_id) if programme is not None else None
    groups = [(name, [x.id for x in items]) for name, items in
              [(n, [x for x in projects if x.programme == n]) for n in programmes] if items]
    in_year = load_in_year(pf, period, [*groups, ("Total", ids)])
    return PackData(
        portfolio=settings["portfolio_name"], organisation=settings.get("organisation") or "",
        currency=settings.get("currency") or "GBP",
        confidentiality=settings.get("confidentiality") or "Confidential",
        period=period, previous_period=previous, next_period_end=nxt, today=today,
        programme_filter=programme, programmes=programmes, projects=projects, heat=heat, top_risks=top_risks,
        escalated_issues=escalated, milestones_completed=completed, milestones_next=due_next,
        milestones_overdue=overdue, milestones_due=due_in_period, changes=_changes(conn, projects, reports, before, raid, previous, period),
        lookahead_end=ahead_end, milestones_ahead=ahead,
        findings=findings, commentary=notes.portfolio, programme_commentary=notes.programmes,
        trends=load_trends(pf, period, ids), in_year=in_year, logo=pack_settings.get("logo_path") or None, finance=money,
        cross_links=[lk for lk in crossproject.cross_links(conn)
                     if lk.predecessor_project in codes or lk.successor_project in codes],
    )


def _reports(conn: sqlite3.Connection, period: str) -> dict[int, dict]:
    cur = conn.execute("SELECT * FROM status_reports WHERE period = ?", (period,))
    cols = [d[0] for d in cur.description]
    return {row[1]: dict(zip(cols, row, strict=True)) for row in cur}


def _attach_milestones(conn, by_id: dict[int, ProjectPack], period: date, holidays) -> None:
    hi = period.isoformat()
    for pid, name, finish, base, actual, pct in conn.execute(
        """SELECT project_id, name, finish_date, baseline_finish, actual_finish, percent_complete FROM tasks
           WHERE kind = 'milestone' ORDER BY project_id, coalesce(finish_date, baseline_finish), sort_order"""
    ):
        project = by_id.get(pid)
        if project is None:
            continue
        slip = 0
        if finish and base:
            slip = workdays.working_days_between(date.fromisoformat(base[:10]), date.fromisoformat(finish[:10]),
                                                 holidays=holidays)
        done = bool(actual and actual <= hi) or (pct or 0) >= 100
        project.milestones.append(Milestone(project.code, project.name, name, finish, base, actual, slip, done))


def _attach_raid(conn, by_id: dict[int, ProjectPack], period: date, *, portfolio_level: bool) -> list[RaidRow]:
    """Open and closed risks and issues of the projects in the pack (and the portfolio's own ones when
    the pack is not filtered to a programme)."""
    out = []
    for row in conn.execute(
        # Open at the period end, as the finance summary counts them: raised by then (or undated) and
        # not closed by then; the status shown is today's.
        """SELECT ref, type, title, owner, raised_date, due_date,
                  CASE WHEN closed_date IS NOT NULL AND closed_date > :end THEN 'Open' ELSE status END,
                  probability, impact, escalated, project_id, response
           FROM raid_items WHERE type IN ('Risk', 'Issue') AND (raised_date IS NULL OR raised_date <= :end)
             AND CASE WHEN closed_date IS NOT NULL THEN closed_date > :end ELSE status <> 'Closed' END
           ORDER BY ref""", {"end": period.isoformat()}
    ):
        project = by_id.get(row[10])
        if project is None and (row[10] is not None or not portfolio_level):
            continue  # a project outside the programme filter, or portfolio-level in a filtered pack
        item = RaidRow(*row[:9], bool(row[9]), project.code if project else None, project.name if project else None,
                       row[11], bool(row[5] and row[5] < period.isoformat() and row[6] != "Closed"))
        out.append(item)
        if project is not None and item.status != "Closed":
            (project.risks if item.type == "Risk" else project.issues).append(item)
    for project in by_id.values():
        project.risks.sort(key=lambda r: (-(r.score or 0), r.ref))
        project.issues.sort(key=lambda r: (-(r.impact or 0), r.ref))
    return out


def _changes(conn, projects, reports, before, raid, previous: date | None, period: date) -> Changes:
    rag_changes, new, closed = [], [], []
    first_report = dict(conn.execute("SELECT project_id, min(period) FROM status_reports GROUP BY project_id"))
    lo = previous.isoformat() if previous else "0000"
    hi = period.isoformat()
    for p in projects:
        now, old = reports.get(p.id), before.get(p.id)
        if now and old:
            a = {d: rag_of(old[f"rag_{d}"]) for d in RAG_DIMENSIONS}
            b = {d: rag_of(now[f"rag_{d}"]) for d in RAG_DIMENSIONS}
            change = RagChange(p, a, b)
            if change.dimensions and not (a["overall"] == Rag.BLUE and b["overall"] == Rag.BLUE):
                rag_changes.append(change)
        if first_report.get(p.id) == hi or (p.start and lo < p.start <= hi):
            new.append(p)
        was_closed = old is not None and rag_of(old["rag_overall"]) is Rag.BLUE
        if (now and rag_of(now["rag_overall"]) is Rag.BLUE and not was_closed) or (
                p.stage == "Closed" and p.finish and lo < p.finish <= hi):
            closed.append(p)
    rag_changes.sort(key=lambda c: (-c.after["overall"].severity, c.project.code))

    slipped = []
    if previous is not None:
        codes = {p.id: p for p in projects}
        for pid, name, old, newer in conn.execute(
            """SELECT t.project_id, t.name, c.old, c.new FROM change_log c JOIN tasks t ON t.id = c.row_id
               WHERE c.tbl = 'tasks' AND c.op = 'update' AND c.col = 'finish_date' AND t.kind = 'milestone'
                 AND c.at > ? ORDER BY c.id""", (previous.isoformat(),)):
            p = codes.get(pid)
            if p and old and newer and str(newer) > str(old):
                days = workdays.working_days_between(date.fromisoformat(str(old)[:10]), date.fromisoformat(str(newer)[:10]))
                slipped.append(Slip(p.code, p.name, name, str(old), str(newer), days))
    red = sorted((r for r in raid if r.type == "Risk" and r.band in HIGH_BANDS and r.raised
                  and lo < r.raised <= hi), key=lambda r: (-(r.score or 0), r.ref))
    return Changes(rag_changes, new, closed, slipped, red)
