"""The demo portfolio: a believable PMO's year, generated from resources/demo/recipe.json.

Deterministic for a given seed and `today`, so `--projects 10000 --seed 7` gives the same file on
every machine (benchmarks rely on it). Dates are placed around `today`: six monthly status reports
ending with the last complete month, a plan per project, RAID items of every type and monthly budget
lines (planned, actual to date, forecast) over each project's life, which covers the current financial
year for every active project.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.benefits.demo import add_benefits_demo
from pmo_desktop.capacity.demo import build_people_demo, people_for
from pmo_desktop.demo_commentary import add_commentary_demo
from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import RAG_DIMENSIONS, Rag, Stage
from pmo_desktop.governance.demo_data import add_governance_demo
from pmo_desktop.paths import load_json_resource
from pmo_desktop.scenarios.demo import add_scenarios_demo
from pmo_desktop.scheduling.plan_dates import align_project_dates
from pmo_desktop.store.portfolio import Portfolio
from pmo_desktop.store.settings import write_setting

Progress = Callable[[int, int], None]

# Stage mix of a typical book of work (weights), and months of duration by stage.
_STAGE_WEIGHTS = [(Stage.IDEA, 8), (Stage.INITIATION, 10), (Stage.PLANNING, 14), (Stage.EXECUTION, 48),
                  (Stage.CLOSURE, 8), (Stage.CLOSED, 12)]
_HEALTH_WEIGHTS = [(Rag.GREEN, 58), (Rag.AMBER, 27), (Rag.RED, 15)]
_SPEND_LINES = [("Labour", "OPEX"), ("Contractors", "OPEX"), ("Contractors", "CAPEX"),
                ("Software", "CAPEX"), ("Hardware", "CAPEX"), ("Services", "OPEX")]
_UK_HOLIDAYS = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
                "2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
                "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"]


@dataclass
class _Ids:
    """Row ids handed out in Python so bulk inserts need no round trips."""

    task: int = 0
    dep: int = 0

    def next_task(self) -> int:
        self.task += 1
        return self.task

    def next_dep(self) -> int:
        self.dep += 1
        return self.dep


def build_demo(
    portfolio: Portfolio,
    *,
    projects: int = 40,
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
    people: int | None = None,
) -> None:
    """Fill an empty portfolio with demo data (call inside a batch, or it opens one).

    `people` demo people with allocations are added last, from their own random stream (default: about
    60 for 40 projects, one per five projects at scale; 0 for none).
    """
    today = today or date.today()
    with portfolio.batch("demo", f"Demo portfolio ({projects} projects)"):
        _Builder(portfolio, projects=projects, seed=seed, today=today, progress=progress).run()
        count = people_for(projects) if people is None else people
        if count > 0:
            build_people_demo(portfolio, people=count, seed=seed, today=today)
        add_governance_demo(portfolio, seed=seed, today=today)
        add_benefits_demo(portfolio, seed=seed, today=today)
        add_scenarios_demo(portfolio)
        add_commentary_demo(portfolio, workdays.previous_month_end(today), seed=seed)


class _Builder:
    def __init__(self, portfolio: Portfolio, *, projects: int, seed: int, today: date, progress: Progress | None):
        self.pf = portfolio
        self.conn = portfolio.conn
        self.n = projects
        self.rng = random.Random(seed)
        self.schedule_rng = random.Random(f"schedule-{seed}")
        self.today = today
        self.progress = progress
        self.recipe = load_json_resource("demo", "recipe.json")
        self.period = workdays.previous_month_end(today)
        self.periods = [self.period]
        for _ in range(5):
            self.periods.insert(0, workdays.previous_month_end(self.periods[0].replace(day=1)))
        self.holidays = frozenset(date.fromisoformat(d) for d in _UK_HOLIDAYS)
        self.ids = _Ids()
        self.raid_counters: dict[str, int] = {}
        self.rows: dict[str, list[tuple]] = {k: [] for k in ("tasks", "deps", "reports", "raid", "budget")}

    # -- top level ----------------------------------------------------------------------------------

    def run(self) -> None:
        r = self.recipe
        for key, value in (("portfolio_name", r["portfolio_name"]), ("organisation", r["organisation"]),
                           ("currency", r["currency"]), ("current_period", self.period.isoformat()),
                           ("fy_start_month", 4)):
            write_setting(self.conn, key, value)
        programme_ids = {}
        for prog in r["programmes"]:
            programme_ids[prog["name"]] = self.conn.execute(
                "INSERT INTO programmes (name, description, sponsor) VALUES (?, ?, ?)",
                (prog["name"], prog["description"], prog["sponsor"]),
            ).lastrowid
        cal_id = self.conn.execute(
            "INSERT INTO calendars (name, working_days) VALUES ('Standard (UK)', '1111100')"
        ).lastrowid
        self.conn.executemany(
            "INSERT INTO calendar_exceptions (calendar_id, date, working, name) VALUES (?, ?, 0, 'Bank holiday')",
            [(cal_id, d) for d in _UK_HOLIDAYS],
        )
        names = self._project_names()
        chunk = max(1, self.n // 50)
        for i, (programme, name) in enumerate(names):
            self._project(i, programme_ids[programme], programme, name)
            if len(self.rows["budget"]) > 20000:
                self._flush()
            if self.progress and (i % chunk == 0 or i == self.n - 1):
                self.progress(i + 1, self.n)
        self._flush()
        self._cross_project_links()
        align_project_dates(self.conn)  # one finish date: each planned project's dates are its plan's

    def _cross_project_links(self) -> None:
        """A handful of links between projects of one programme: a project's go-live gates another's
        build, a gate approval another's requirements. Most are met by the plans as they stand; a few
        are not yet (the predecessor slipped past a successor that has not started): the health check
        flags them and rescheduling knocks the slip on."""
        rows = self.conn.execute(
            """SELECT p.programme_id, t.project_id, t.id, t.name, t.start_date, t.finish_date FROM tasks t
               JOIN projects p ON p.id = t.project_id WHERE t.name IN ('Go-live', 'Build', 'Gate 1 approval',
               'Requirements') ORDER BY t.project_id""").fetchall()
        by_project: dict[int, dict] = {}
        programme: dict[int, int] = {}
        for prog, pid, tid, name, start, finish in rows:
            by_project.setdefault(pid, {})[name] = (tid, start, finish)
            programme[pid] = prog
        pids = sorted(by_project)
        today = self.today.isoformat()
        wanted = max(2, min(12, len(pids) // 6))
        tight_wanted = max(1, wanted // 3)
        links, used, tight = [], set(), 0
        for want_tight in (True, False):
            for a in pids:
                for b in pids:
                    if (len(links) >= wanted or a == b or programme[a] != programme[b] or {a, b} & used
                            or (want_tight and tight >= tight_wanted)):
                        continue
                    up, down = by_project[a], by_project[b]
                    for pred, succ in (("Go-live", "Build"), ("Gate 1 approval", "Requirements")):
                        if pred not in up or succ not in down or not up[pred][2] or not down[succ][1]:
                            continue
                        late = down[succ][1] > today and up[pred][2] >= down[succ][1]
                        if late if want_tight else up[pred][2] < down[succ][1]:
                            links.append((self.ids.next_dep(), up[pred][0], down[succ][0], "FS", 0))
                            used.update((a, b))
                            tight += late
                            break
        self.conn.executemany(
            "INSERT INTO dependencies (id, predecessor_id, successor_id, type, lag_days) VALUES (?,?,?,?,?)", links)

    def _project_names(self) -> list[tuple[str, str]]:
        named = [(prog, name) for prog, names in self.recipe["projects"].items() for name in names]
        self.rng.shuffle(named)
        out = named[: self.n]
        words = self.recipe["scale_words"]
        programmes = list(self.recipe["projects"])
        seen = {name for _, name in out}
        while len(out) < self.n:
            name = (f"{self.rng.choice(words['verbs'])} {self.rng.choice(words['objects'])} "
                    f"({self.rng.choice(words['regions'])})")
            if name in seen:
                name = f"{name} – wave {len(out) % 7 + 2}"
            seen.add(name)
            out.append((self.rng.choice(programmes), name))
        return out

    def _flush(self) -> None:
        c = self.conn
        c.executemany(
            """INSERT INTO tasks (id, project_id, parent_id, wbs, name, kind, start_date, finish_date,
               duration_days, baseline_start, baseline_finish, actual_start, actual_finish, percent_complete,
               owner, sort_order, calendar_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)""",
            self.rows["tasks"],
        )
        c.executemany(
            "INSERT INTO dependencies (id, predecessor_id, successor_id, type, lag_days) VALUES (?,?,?,?,?)",
            self.rows["deps"],
        )
        c.executemany(
            """INSERT INTO status_reports (project_id, period, rag_overall, rag_schedule, rag_cost, rag_scope,
               rag_resources, summary, achievements, next_steps, top_issues, decisions_needed, author)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            self.rows["reports"],
        )
        c.executemany(
            """INSERT INTO raid_items (ref, type, title, description, owner, raised_date, due_date, closed_date,
               status, probability, impact, response, escalated, project_id, related_project_id)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            self.rows["raid"],
        )
        c.executemany(
            """INSERT INTO budget_lines (project_id, category, spend_type, month, planned, actual, forecast)
               VALUES (?,?,?,?,?,?,?)""",
            self.rows["budget"],
        )
        for rows in self.rows.values():
            rows.clear()

    # -- one project --------------------------------------------------------------------------------

    def _project(self, index: int, programme_id: int, programme: str, name: str) -> None:
        rng = self.rng
        stage = _weighted(rng, _STAGE_WEIGHTS)
        health = _weighted(rng, _HEALTH_WEIGHTS)
        start, finish = self._span(stage)
        slips = {Rag.GREEN: rng.randint(0, 8), Rag.AMBER: rng.randint(11, 20), Rag.RED: rng.randint(22, 45)}
        plan = None if stage is Stage.IDEA else self._plan_dates(start, finish)  # an idea has no plan yet
        base_start, base_finish = start, finish
        if plan:  # the baseline is the approved plan: the project's baseline dates are its plan's
            base_start, base_finish = min(s for s, _ in plan.values()), max(f for _, f in plan.values())
        slip = slips[self._schedule_health(health)]
        if stage in (Stage.IDEA, Stage.CLOSED) or base_finish < self.today:
            slip = 0  # nothing left to slip
        people = self.recipe["people"]
        manager = rng.choice(people)
        sponsor = rng.choice(people)
        code = f"PRJ-{101 + index}"
        forecast_finish = workdays.add_working_days(finish, slip, holidays=self.holidays)
        elapsed = (self.today - start).days / max(1, (forecast_finish - start).days)
        pct = round(min(100.0, max(0.0, elapsed * 100)), 1)
        if stage is Stage.CLOSED:
            pct = 100.0
        elif stage in (Stage.IDEA, Stage.INITIATION):
            pct = 0.0 if stage is Stage.IDEA else min(pct, 10.0)
        status = {Stage.IDEA: "Proposed", Stage.CLOSED: "Completed"}.get(stage, "Active")
        if stage is Stage.EXECUTION and rng.random() < 0.05:
            status = "On hold"
        rags = self._rags(stage, health, slip)
        overrun = {Rag.GREEN: rng.uniform(-0.04, 0.04), Rag.AMBER: rng.uniform(0.055, 0.095),
                   Rag.RED: rng.uniform(0.11, 0.25)}[health]
        monthly = rng.choice([8, 12, 15, 20, 30, 45, 60]) * 1000 * 100  # pence per spend line per month
        # The spend profile keeps the length it had before slips were drawn apart from health, so the
        # main random stream (and every later project, RAID item and lesson) stays as it was for a seed.
        spend_slip = 0 if stage in (Stage.IDEA, Stage.CLOSED) else slips[health]
        spend_end = workdays.add_working_days(finish, spend_slip, holidays=self.holidays)
        budget_lines, approved = self._budget_rows(start, spend_end, monthly, overrun, stage)
        approved = approved or rng.choice([50, 80, 120, 250]) * 1000 * 100
        project_id = self.conn.execute(
            """INSERT INTO projects (code, name, description, programme_id, sponsor, manager, business_unit,
               strategic_theme, stage, status, priority, start_date, finish_date, baseline_start, baseline_finish,
               approved_budget, percent_complete, rag_overall, rag_schedule, rag_cost, rag_scope, rag_resources)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (code, name, f"{name}: part of the {programme} programme.", programme_id, sponsor, manager,
             rng.choice(self.recipe["business_units"]), rng.choice(self.recipe["themes"]), stage.value, status,
             rng.choice(["Critical", "High", "High", "Medium", "Medium", "Medium", "Low"]),
             start.isoformat(), forecast_finish.isoformat(), base_start.isoformat(), base_finish.isoformat(), approved,
             pct,
             *rags),
        ).lastrowid
        self.rows["budget"].extend((project_id, *row) for row in budget_lines)
        if plan:
            self._plan(project_id, plan, slip, manager)
        self._reports(project_id, stage, health, start, manager, rags)
        self._raid(project_id, stage, start, people)

    def _span(self, stage: Stage) -> tuple[date, date]:
        rng, t = self.rng, self.today
        months = {
            Stage.CLOSED: (-24, -12, 8, 12), Stage.CLOSURE: (-14, -9, 8, 10), Stage.EXECUTION: (-12, -3, 8, 18),
            Stage.PLANNING: (-2, 0, 8, 18), Stage.INITIATION: (-1, 1, 6, 14), Stage.IDEA: (2, 6, 6, 14),
        }[stage]
        start = workdays.next_working(t + timedelta(days=30 * rng.randint(months[0], months[1]) + rng.randint(0, 20)),
                                      holidays=self.holidays)
        finish = start + timedelta(days=30 * rng.randint(months[2], months[3]))
        if stage is Stage.CLOSED:
            finish = min(finish, t - timedelta(days=60))
        return start, workdays.next_working(finish, holidays=self.holidays)

    def _rags(self, stage: Stage, health: Rag, slip: int) -> tuple[str, ...]:
        if stage is Stage.CLOSED:
            return tuple(Rag.BLUE.value for _ in RAG_DIMENSIONS)
        if stage is Stage.IDEA:
            return tuple(Rag.GREY.value for _ in RAG_DIMENSIONS)
        schedule = Rag.GREEN if slip <= 10 else Rag.AMBER if slip <= 20 else Rag.RED
        others = [health if self.rng.random() < 0.6 else Rag.GREEN for _ in range(3)]
        return (health.value, schedule.value, *(o.value for o in others))

    # -- plan -------------------------------------------------------------------------------------------

    def _schedule_health(self, health: Rag) -> Rag:
        """How far the project has slipped, as a RAG: a troubled project's trouble is often cost, scope or
        people rather than dates, so only some amber and red projects are late (DOMAIN.md: more than 10
        working days is amber, more than 20 red). Its own random stream keeps the rest of the demo as it was."""
        roll = self.schedule_rng.random()
        if health is Rag.RED:
            return Rag.RED if roll < 0.45 else Rag.AMBER if roll < 0.7 else Rag.GREEN
        if health is Rag.AMBER:
            return Rag.AMBER if roll < 0.5 else Rag.GREEN
        return Rag.GREEN

    def _plan_dates(self, start: date, finish: date) -> dict[str, tuple[date, date]]:
        """Baseline start and finish of every task of the recipe's plan, fitted between start and finish
        (the benefits review and closure run on past it)."""
        phases = self.recipe["phases"]
        span = max(20, workdays.working_days_between(start, finish, holidays=self.holidays))
        nominal = sum(d for phase in phases for _, d in phase["tasks"]) * 0.8
        factor = span / nominal
        hol = self.holidays
        dates: dict[str, tuple[date, date]] = {}

        def place(name: str, begin: date, days: int) -> None:
            begin = workdays.next_working(begin, holidays=hol)
            end = begin if days == 0 else workdays.add_working_days(begin, max(1, days) - 1, holidays=hol)
            dates[name] = (begin, end)

        d = {name: (0 if days == 0 else max(2, round(days * factor))) for ph in phases for name, days in ph["tasks"]}
        place("Business case", start, d["Business case"])
        place("Gate 1 approval", workdays.add_working_days(dates["Business case"][1], 1, holidays=hol), 0)
        place("Requirements", workdays.add_working_days(dates["Gate 1 approval"][1], 3, holidays=hol), d["Requirements"])
        place("Solution design", workdays.add_working_days(dates["Requirements"][0], 5, holidays=hol), d["Solution design"])
        place("Build", workdays.add_working_days(dates["Solution design"][1], 1, holidays=hol), d["Build"])
        place("Testing", workdays.add_working_days(dates["Build"][1], -4, holidays=hol), d["Testing"])
        place("Go-live", workdays.add_working_days(dates["Testing"][1], 1, holidays=hol), 0)
        place("Hypercare", workdays.add_working_days(dates["Go-live"][1], 1, holidays=hol), d["Hypercare"])
        legacy_end = workdays.add_working_days(dates["Go-live"][0], -1, holidays=hol)
        place("Legacy support", workdays.add_working_days(legacy_end, -(d["Legacy support"] - 1), holidays=hol),
              d["Legacy support"])
        place("Benefits review", workdays.add_working_days(dates["Hypercare"][1], 11, holidays=hol), d["Benefits review"])
        place("Project closed", dates["Benefits review"][1], 0)
        return dates

    def _plan(self, project_id: int, dates: dict[str, tuple[date, date]], slip: int, owner: str) -> None:
        phases = self.recipe["phases"]
        ids: dict[str, int] = {}
        sort = 0
        for p_index, phase in enumerate(phases, start=1):
            summary_id = self.ids.next_task()
            children = [name for name, _ in phase["tasks"]]
            b_start = min(dates[c][0] for c in children)
            b_finish = max(dates[c][1] for c in children)
            sort += 1
            rows = [self._task_row(summary_id, project_id, None, f"{p_index}", phase["name"], "summary",
                                   b_start, b_finish, slip, owner, sort)]
            for c_index, (name, days) in enumerate(phase["tasks"], start=1):
                tid = self.ids.next_task()
                ids[name] = tid
                sort += 1
                kind = "milestone" if days == 0 else "task"
                rows.append(self._task_row(tid, project_id, summary_id, f"{p_index}.{c_index}", name, kind,
                                           *dates[name], slip, owner, sort))
            self.rows["tasks"].extend(rows)
        links = [("Business case", "Gate 1 approval", "FS", 0), ("Gate 1 approval", "Requirements", "FS", 2),
                 ("Requirements", "Solution design", "SS", 5), ("Solution design", "Build", "FS", 0),
                 ("Build", "Testing", "FS", -5), ("Testing", "Go-live", "FS", 0), ("Go-live", "Hypercare", "FS", 0),
                 ("Go-live", "Legacy support", "SF", 0), ("Hypercare", "Benefits review", "FS", 10),
                 ("Benefits review", "Project closed", "FF", 0)]
        self.rows["deps"].extend((self.ids.next_dep(), ids[a], ids[b], t, lag) for a, b, t, lag in links)

    def _task_row(self, tid, project_id, parent, wbs, name, kind, b_start, b_finish, slip, owner, sort):
        """Baseline as planned; forecast shifted by the project's slip for work not yet finished."""
        t = self.today
        shift = 0 if b_finish < t else slip
        start = workdays.add_working_days(b_start, shift, holidays=self.holidays) if b_start >= t else b_start
        finish = workdays.add_working_days(b_finish, shift, holidays=self.holidays)
        duration = 0 if kind == "milestone" else workdays.working_days_between(start, finish, holidays=self.holidays) + 1
        if finish < t:
            pct, actual_start, actual_finish = 100.0, start.isoformat(), finish.isoformat()
        elif start < t:
            pct = round(100 * (t - start).days / max(1, (finish - start).days), 0)
            actual_start, actual_finish = start.isoformat(), None
        else:
            pct, actual_start, actual_finish = 0.0, None, None
        return (tid, project_id, parent, wbs, name, kind, start.isoformat(), finish.isoformat(), duration,
                b_start.isoformat(), b_finish.isoformat(), actual_start, actual_finish, pct, owner, sort)

    # -- status reports -------------------------------------------------------------------------------

    def _reports(self, project_id: int, stage: Stage, health: Rag, start: date, author: str,
                 rags: tuple[str, ...]) -> None:
        if stage is Stage.IDEA:
            return
        rng, r = self.rng, self.recipe
        # A random walk that ends at today's health, so trends tell a story.
        trail = [health]
        for _ in range(len(self.periods) - 1):
            prev = trail[0]
            step = rng.random()
            if step < 0.2:
                prev = {Rag.GREEN: Rag.AMBER, Rag.AMBER: Rag.GREEN, Rag.RED: Rag.AMBER}[prev]
            elif step < 0.28:
                prev = {Rag.GREEN: Rag.GREEN, Rag.AMBER: Rag.RED, Rag.RED: Rag.RED}[prev]
            trail.insert(0, prev)
        closed_after = self.today - timedelta(days=120) if stage is Stage.CLOSED else None
        for period, rag in zip(self.periods, trail, strict=True):
            if period < start.replace(day=1):
                continue
            if closed_after and period > closed_after:
                continue
            if period == self.period and rng.random() < 0.06:
                continue  # a stale report: the health check should catch it
            if stage is Stage.CLOSED:
                rag = Rag.BLUE
            dims = [rag.value if rng.random() < 0.5 else Rag.GREEN.value for _ in range(4)]
            if rag is Rag.BLUE:
                dims = [Rag.BLUE.value] * 4
            elif period == self.period:
                dims = list(rags[1:])  # this month's report says what the register says
            self.rows["reports"].append((
                project_id, period.isoformat(), rag.value, *dims,
                rng.choice(r["summaries"][rag.value]),
                "; ".join(rng.sample(r["achievements"], 2)),
                "; ".join(rng.sample(r["next_steps"], 2)),
                rng.choice(r["issues"]) if rag in (Rag.AMBER, Rag.RED) else None,
                rng.choice(r["decisions"]) if rag is Rag.RED else None,
                author,
            ))

    # -- RAID -----------------------------------------------------------------------------------------

    def _ref(self, kind: str) -> str:
        prefix = {"Risk": "R", "Assumption": "A", "Issue": "I", "Dependency": "D", "Decision": "DEC"}[kind]
        self.raid_counters[kind] = self.raid_counters.get(kind, 0) + 1
        return f"{prefix}-{self.raid_counters[kind]:03d}"

    def _raid(self, project_id: int, stage: Stage, start: date, people: list[str]) -> None:
        if stage is Stage.IDEA:
            return
        rng, r = self.rng, self.recipe
        kinds = ["Risk", "Risk", "Issue", "Assumption", "Dependency", "Decision"]
        count = rng.choice([3, 4, 5, 5, 6, 7])
        for _ in range(count):
            kind = rng.choice(kinds)
            title = rng.choice(r[{"Risk": "risks", "Issue": "issues", "Assumption": "assumptions",
                                  "Dependency": "dependencies", "Decision": "decisions"}[kind]])
            raised = min(self.today, start + timedelta(days=rng.randint(0, 200)))
            due = raised + timedelta(days=rng.randint(14, 120))
            closed = stage is Stage.CLOSED or rng.random() < 0.25
            status = "Closed" if closed else rng.choice(["Open", "Open", "In progress"])
            closed_date = min(self.today, due).isoformat() if closed else None
            prob = impact = None
            response = None
            if kind in ("Risk", "Issue"):
                prob = rng.choices([1, 2, 3, 4, 5], [10, 25, 30, 25, 10])[0] if kind == "Risk" else 5
                impact = rng.choices([1, 2, 3, 4, 5], [8, 20, 32, 27, 13])[0]
                response = rng.choice(["Avoid", "Reduce", "Reduce", "Transfer", "Accept"]) if kind == "Risk" else "Action"
            owner = None if rng.random() < 0.05 else rng.choice(people)
            escalated = 1 if kind == "Issue" and impact and impact >= 4 and rng.random() < 0.5 else 0
            related = None
            if kind == "Dependency" and self.n > 1:
                related = rng.randint(1, max(1, project_id - 1)) if project_id > 1 else None
            self.rows["raid"].append((
                self._ref(kind), kind, title, f"{title}. Raised at the {stage.value.lower()} stage.", owner,
                raised.isoformat(), due.isoformat(), closed_date, status, prob, impact, response, escalated,
                project_id, related,
            ))

    # -- budget -----------------------------------------------------------------------------------------

    def _budget_rows(self, start: date, finish: date, monthly: int, overrun: float, stage: Stage):
        if stage is Stage.IDEA:
            return [], 0
        rng = self.rng
        lines = rng.sample(_SPEND_LINES, rng.randint(3, 6))
        first, last = start.replace(day=1), finish.replace(day=1)
        months = []
        m = first
        while m <= last:  # the whole life of the project, so budget and EAC compare like with like
            months.append(m)
            m = workdays.add_months(m, 1)
        rows, planned_total = [], 0
        for category, spend in lines:
            base = int(monthly * rng.uniform(0.4, 1.2))
            for m in months:
                planned = base // 100 * 100
                planned_total += planned
                if m <= self.period.replace(day=1):
                    actual = int(planned * (1 + overrun + rng.uniform(-0.05, 0.05))) // 100 * 100
                    rows.append((category, spend, m.isoformat(), planned, actual, None))
                else:
                    forecast = int(planned * (1 + overrun)) // 100 * 100
                    rows.append((category, spend, m.isoformat(), planned, None, forecast))
        return rows, planned_total


def _weighted(rng: random.Random, weighted: list[tuple]) -> object:
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]
