"""Board commentary for the demo portfolio: the portfolio's and each programme's, for its latest period.

Written the way a programme manager writes it the week the pack goes out, from the demo's own figures
(its status reports, budget lines, milestones and risks), so the words agree with the tables beside
them: a programme with a red project says which and what is being done, one forecasting an overrun says
where the money goes, and the ask of the board comes from the projects' decisions requested.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date

from pmo_desktop import finance
from pmo_desktop.domain.money import format_money
from pmo_desktop.store.id_lists import in_list, json_list
from pmo_desktop.store.portfolio import Portfolio

_RECOVERY = [
    "a recovery plan goes to the design authority on the {day}",
    "the sponsor has agreed a re-plan with the supplier; the revised baseline comes to the board next period",
    "scope has been split into two releases so the regulatory date holds",
    "two contractors join the team this month to recover the integration backlog",
]
_AMBER = [
    "watched closely; the project managers expect them back to Green within two periods",
    "held at Amber while the supplier's revised dates are tested",
    "at Amber on resourcing: the shared test environment is booked solid until January",
]
_STEADY = [
    "Delivery is steady and the programme is tracking to its approved plan.",
    "The programme had a quiet, productive month: no new escalations and the critical path is intact.",
    "Delivery confidence is good; the programme board meets on the second Tuesday to confirm the next release.",
]


def add_commentary_demo(pf: Portfolio, period: date, *, seed: int = 1) -> None:
    """Commentary for the portfolio and every programme with projects, for `period` (inside a batch)."""
    conn = pf.conn
    rng = random.Random(seed * 7919)
    p = finance.resolve_period(pf, period, require_data=False)
    money = {f.project_id: f for f in finance.project_finances(pf, p)}
    currency = pf.settings().get("currency") or "GBP"
    programmes = conn.execute(
        """SELECT g.id, g.name FROM programmes g WHERE EXISTS (SELECT 1 FROM projects p WHERE p.programme_id = g.id)
           ORDER BY g.name""").fetchall()
    reds_total, notes = [], []
    for prog_id, name in programmes:
        text, reds = _programme(conn, rng, prog_id, name, period, money, currency)
        reds_total += reds
        notes.append((name, reds))
        conn.execute("INSERT INTO pack_commentary (period, programme_id, text) VALUES (?, ?, ?)",
                     (period.isoformat(), prog_id, text))
    conn.execute("INSERT INTO pack_commentary (period, text) VALUES (?, ?)",
                 (period.isoformat(), _portfolio(conn, period, money, currency, notes)))


def _projects(conn: sqlite3.Connection, prog_id: int, period: date) -> list[tuple]:
    return conn.execute(
        """SELECT p.id, p.code, p.name, coalesce(s.rag_overall, p.rag_overall), s.decisions_needed
           FROM projects p LEFT JOIN status_reports s ON s.project_id = p.id AND s.period = ?
           WHERE p.programme_id = ? AND p.stage NOT IN ('Idea', 'Closed') ORDER BY p.code""",
        (period.isoformat(), prog_id)).fetchall()


def _programme(conn, rng: random.Random, prog_id: int, name: str, period: date, money: dict, currency: str
               ) -> tuple[str, list[str]]:
    rows = _projects(conn, prog_id, period)
    ids = [r[0] for r in rows]
    reds = [f"{r[2]} ({r[1]})" for r in rows if r[3] == "R"]
    ambers = [f"{r[2]} ({r[1]})" for r in rows if r[3] == "A"]
    lines = []
    if reds:
        lead = _listing(reds)
        plan = rng.choice(_RECOVERY).format(day=_ordinal(rng.choice((9, 14, 16, 21))))
        then = plan[0].upper() + plan[1:] if len(reds) == 1 else f"Each has a recovery plan; on {reds[0]}, {plan}"
        lines.append(f"**{lead} {'is' if len(reds) == 1 else 'are'} at Red.** {then}.")
    else:
        lines.append(rng.choice(_STEADY))
    if ambers:
        lines.append(f"{_listing(ambers[:3])}{' and others' if len(ambers) > 3 else ''} "
                     f"{'is' if len(ambers) == 1 else 'are'} {rng.choice(_AMBER)}.")
    mine = [f for f in money.values() if f.programme_id == prog_id]  # every project of it, as its page sums
    totals = finance.portfolio_total(mine)
    bullets = []
    if totals.approved_budget and totals.variance_pct is not None:
        over = sorted((f for f in mine if (f.variance or 0) > 0), key=lambda f: -(f.variance or 0))
        where = (f"; most of it on {over[0].name}, where supplier day rates rose at contract renewal"
                 if over and (totals.variance or 0) > 0 else "")
        bullets.append(f"**Finance:** forecast at completion {format_money(totals.eac, currency, lang='en')} against "
                       f"{format_money(totals.approved_budget, currency, lang='en')} approved ({totals.variance_pct:+.1f}%){where}.")
    done, ahead = _milestones(conn, ids, period)
    if done or ahead:
        first = f"{done} milestone{'s' * (done != 1)} completed in the period" if done else "No milestone completed in the period"
        nxt = ("nothing due next period" if not ahead else f"next period brings {ahead[0][0]} ({ahead[0][1]})"
               if len(ahead) == 1 else f"{len(ahead)} due next period, first {ahead[0][0]} ({ahead[0][1]})")
        bullets.append(f"**Delivery:** {first}; {nxt}.")
    risk = _top_risk(conn, ids)
    if risk:
        bullets.append(f"**Risks:** the largest is “{risk[0]}” on {risk[1]} (score {risk[2]}); "
                       f"{'the mitigation is on track' if rng.random() < 0.6 else 'the owner has asked for contingency'}.")
    asks = [f"{r[4]} ({r[1]})" for r in rows if r[4]]
    bullets.append(f"**Ask of the board:** {asks[0]}." if asks else "**Ask of the board:** none this period; for noting.")
    text = " ".join(lines) + "\n\n" + "\n".join(f"- {b}" for b in bullets)
    return text, reds


def _portfolio(conn, period: date, money: dict, currency: str, notes: list[tuple[str, list[str]]]) -> str:
    totals = finance.portfolio_total(list(money.values()))
    red_progs = [name for name, reds in notes if reds]
    first = (f"The portfolio is broadly on track. {_count(sum(len(r) for _, r in notes), 'project')} at Red, in "
             f"{_listing(red_progs)}; each has a recovery plan with its sponsor." if red_progs
             else "The portfolio is on track: no project reports Red this period.")
    return (f"{first}\n\n"
            f"- **Money:** forecast at completion {format_money(totals.eac, currency, lang='en')} against "
            f"{format_money(totals.approved_budget, currency, lang='en')} approved ({totals.variance_pct or 0:+.1f}%).\n"
            "- **Focus for the board:** the supplier risks that recur across programmes, and the decisions "
            "listed at the end of this summary.\n"
            "- Programme commentary follows the status table.")


def _milestones(conn, ids: list[int], period: date) -> tuple[int, list[tuple[str, str]]]:
    if not ids:
        return 0, []
    ids_json = json_list(ids)
    lo = date(period.year, period.month, 1).isoformat()
    nxt_end = date(period.year + (period.month == 12), period.month % 12 + 1, 28).isoformat()
    done = conn.execute(f"""SELECT count(*) FROM tasks WHERE kind = 'milestone' AND {in_list('project_id')}
                            AND actual_finish BETWEEN ? AND ?""", (ids_json, lo, period.isoformat())).fetchone()[0]
    ahead = conn.execute(
        f"""SELECT t.name, p.code FROM tasks t JOIN projects p ON p.id = t.project_id
            WHERE t.kind = 'milestone' AND {in_list('t.project_id')} AND t.actual_finish IS NULL
            AND t.finish_date > ? AND t.finish_date <= ? ORDER BY t.finish_date""",
        (ids_json, period.isoformat(), nxt_end)).fetchall()
    return done, ahead


def _top_risk(conn, ids: list[int]) -> tuple[str, str, int] | None:
    if not ids:
        return None
    return conn.execute(
        f"""SELECT r.title, p.code, r.probability * r.impact FROM raid_items r JOIN projects p ON p.id = r.project_id
            WHERE r.type = 'Risk' AND r.status <> 'Closed' AND {in_list('r.project_id')}
            AND r.probability IS NOT NULL AND r.impact IS NOT NULL
            ORDER BY r.probability * r.impact DESC, r.ref LIMIT 1""", [json_list(ids)]).fetchone()


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
