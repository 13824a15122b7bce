"""Demo people: teams and roles with skills and day rates, leave, part-timers, and twelve months of
allocations to the demo projects (some people over-allocated, some demand not yet staffed).

Deterministic for a seed and `today`, with its own random stream so the rest of the demo is unchanged
whether or not people are built.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from pmo_desktop.domain import workdays
from pmo_desktop.paths import load_json_resource
from pmo_desktop.store import Portfolio
from pmo_desktop.store.settings import DEFAULTS, write_setting

_FIRST = ["Adam", "Bea", "Carlos", "Dana", "Eitan", "Fatima", "Gustav", "Hana", "Ivan", "Jia", "Kofi", "Lena",
          "Mohammed", "Nora", "Oscar", "Paula", "Quentin", "Rosa", "Stefan", "Tara", "Umar", "Vera", "Wen",
          "Ximena", "Yusuf", "Zara", "Anders", "Bronwen", "Ciarán", "Dagny", "Émile", "Freya", "Gökhan",
          "Hiroshi", "Inès", "Jonas", "Kalani", "Léa", "Mei", "Niamh", "Olu", "Pieter", "Rahul", "Saoirse",
          "Tomasz", "Úna", "Viktor", "Wiremu", "Yara", "Zoltán"]
_LAST = ["Abbott", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Gallagher", "Horvat", "Ibrahim", "Jensen",
         "Kowalczyk", "Larsen", "Moreau", "Nakamura", "Osei", "Petrov", "Quinn", "Rossi", "Silva", "Takahashi",
         "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zhang", "Andersson", "Brennan", "Castillo", "Delaney",
         "Esposito", "Fernández", "Grant", "Hughes", "Iqbal", "Jovanović", "Kelly", "Lindgren", "Murphy",
         "Novak", "O'Brien", "Park", "Reyes", "Schmidt", "Tanaka", "Ueda", "Vogel", "Weber", "Young", "Zielinski"]

# role -> (team, day rate in pounds, skill pool)
_ROLES = {
    "Project Manager": ("Delivery", 650, ["Agile", "PRINCE2", "Stakeholder management", "Budgeting", "Risk"]),
    "Business Analyst": ("Delivery", 550, ["Process mapping", "Requirements", "SQL", "Agile", "Excel"]),
    "Solution Architect": ("Engineering", 800, ["Cloud", "Integration", "Security", "Java", "Python"]),
    "Developer": ("Engineering", 600, ["Python", "Java", "C#", "JavaScript", "SQL", "Cloud"]),
    "Tester": ("Engineering", 450, ["Test automation", "Python", "Performance testing", "SQL"]),
    "Data Engineer": ("Data", 620, ["SQL", "Python", "Spark", "Power BI", "Data modelling"]),
    "Designer": ("Change", 500, ["UX research", "Figma", "Accessibility", "Service design"]),
    "Change Manager": ("Change", 580, ["Training", "Communications", "Stakeholder management", "Process mapping"]),
}
_ROLE_WEIGHTS = {"Project Manager": 12, "Business Analyst": 12, "Solution Architect": 5, "Developer": 28,
                 "Tester": 12, "Data Engineer": 12, "Designer": 6, "Change Manager": 8}


def people_for(projects: int) -> int:
    """About 60 people for the 40-project demo; one per five projects at scale; at most 2,000."""
    return min(2000, max(projects // 5, min(60, projects * 3 // 2 + 10)))


def build_people_demo(pf: Portfolio, *, people: int, seed: int = 1, today: date | None = None,
                      months: int = 12) -> None:
    """Add `people` demo people and `months` months of allocations (starting the month before
    `today`'s month) to the portfolio's projects. Call inside a batch (or it opens one)."""
    with pf.batch("demo", f"Demo people ({people})"):
        _PeopleBuilder(pf, people, seed, today or date.today(), months).run()


class _PeopleBuilder:
    def __init__(self, pf: Portfolio, n: int, seed: int, today: date, months: int):
        self.pf, self.conn, self.n = pf, pf.conn, n
        self.rng = random.Random(seed * 7919 + 104729)
        first = workdays.add_months(today.replace(day=1), -1)
        self.months = [workdays.add_months(first, i) for i in range(months)]
        self.start, self.end = self.months[0], workdays.month_end(self.months[-1])
        self.today = today

    def _names(self) -> list[str]:
        names = list(load_json_resource("demo", "recipe.json")["people"])
        pairs = [f"{f} {s}" for f in _FIRST for s in _LAST]
        self.rng.shuffle(pairs)
        taken = set(names)
        names += [p for p in pairs if p not in taken]
        return names[: self.n]

    def run(self) -> None:
        rng = self.rng
        roles = list(_ROLE_WEIGHTS)
        weights = list(_ROLE_WEIGHTS.values())
        squads = max(1, self.n // 100)  # large demos split each team into numbered squads
        teams: list[str] = []
        people, skills, spells = [], [], []
        for pid, name in enumerate(self._names(), start=1):
            role = roles[pid - 1] if pid <= len(roles) else rng.choices(roles, weights)[0]  # every role once
            team, rate, pool = _ROLES[role]
            if squads > 1:
                team = f"{team} {rng.randint(1, squads)}"
            if team not in teams:
                teams.append(team)
            fte = rng.choices([1.0, 0.8, 0.6, 0.5], [84, 8, 6, 2])[0]
            day_rate = None if rng.random() < 0.03 else round(rate * rng.uniform(0.9, 1.15) / 5) * 5 * 100
            people.append((pid, name, role, team, fte, day_rate))
            for skill in rng.sample(pool, rng.randint(2, min(4, len(pool)))):
                skills.append((pid, skill, rng.choices([2, 3, 4, 5], [20, 40, 28, 12])[0]))
            spells += self._spells(pid)
        c = self.conn
        next_id = (c.execute("SELECT coalesce(max(id), 0) FROM people").fetchone()[0])
        people = [(pid + next_id, *rest) for pid, *rest in people]
        c.executemany("INSERT INTO people (id, name, role, team, fte, day_rate) VALUES (?,?,?,?,?,?)", people)
        c.executemany("INSERT INTO person_skills (person_id, skill, level) VALUES (?,?,?)",
                      [(pid + next_id, s, lvl) for pid, s, lvl in skills])
        c.executemany("INSERT INTO non_working (person_id, start_date, end_date, kind, fraction, note) "
                      "VALUES (?,?,?,?,?,?)", [(pid + next_id, *rest) for pid, *rest in spells])
        listed = list(self.pf.settings().get("teams") or DEFAULTS["teams"])
        write_setting(c, "teams", listed + sorted(t for t in teams if t not in listed))
        self._allocations(people)

    def _spells(self, pid: int) -> list[tuple]:
        rng, out = self.rng, []
        for _ in range(rng.randint(1, 3)):  # holidays of one to two weeks
            begin = self.start + timedelta(days=rng.randint(0, (self.end - self.start).days - 14))
            out.append((pid, begin.isoformat(), (begin + timedelta(days=rng.randint(0, 13))).isoformat(),
                        "leave", 1.0, "Annual leave"))
        if rng.random() < 0.5:  # Christmas
            out.append((pid, f"{self.today.year}-12-21", f"{self.today.year}-12-24", "leave", 1.0, "Christmas"))
        if rng.random() < 0.05 or pid % 25 == 7:  # a phased return or a study spell
            begin = workdays.add_months(self.start, rng.randint(0, len(self.months) - 3))
            end = workdays.month_end(workdays.add_months(begin, rng.randint(1, 2)))
            out.append((pid, begin.isoformat(), end.isoformat(), "part-time", rng.choice([0.2, 0.4, 0.5]),
                        "Phased return"))
        return out

    def _allocations(self, people: list[tuple]) -> None:
        rng = self.rng
        projects = self.conn.execute(
            "SELECT id, stage, start_date, finish_date FROM projects ORDER BY id").fetchall()
        live = [p for p in projects if p[1] not in ("Idea", "Closed") and p[2] and p[3]
                and p[2] <= self.end.isoformat() and p[3] >= self.start.isoformat()]
        rows = []
        if live:
            for pid, _name, _role, _team, fte, _rate in people:
                over = rng.random() < 0.12
                load = rng.uniform(1.1, 1.5) * fte if over else rng.uniform(0.5, 1.0) * fte
                picks = rng.sample(live, min(len(live), rng.choice([1, 2, 2, 3])))
                shares = [rng.uniform(0.5, 1.5) for _ in picks]
                for (proj, _stage, start, finish), share in zip(picks, shares, strict=True):
                    amount = load * share / sum(shares)
                    for m in self._months_in(start, finish):
                        value = round(max(0.1, amount + rng.choice([0, 0, 0, 0.1, -0.1])), 1)
                        rows.append((pid, None, proj, m.isoformat(), value))
        seen = set()
        rows = [r for r in rows if (key := (r[0], r[2], r[3])) not in seen and not seen.add(key)]
        future = [p for p in projects if p[1] in ("Idea", "Initiation", "Planning") and p[2] and p[3]]
        for proj, _stage, start, finish in future:
            if rng.random() < 0.5:
                continue
            for role in rng.sample(list(_ROLES), rng.randint(1, 2)):
                amount = rng.choice([0.5, 1.0, 1.0, 2.0])
                for m in self._months_in(start, finish)[:6]:
                    rows.append((None, role, proj, m.isoformat(), amount))
        self.conn.executemany(
            "INSERT INTO allocations (person_id, role, project_id, month, amount) VALUES (?,?,?,?,?)", rows)

    def _months_in(self, start: str, finish: str) -> list[date]:
        first, last = date.fromisoformat(start).replace(day=1), date.fromisoformat(finish).replace(day=1)
        return [m for m in self.months if first <= m <= last]
