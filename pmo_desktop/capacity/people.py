"""Writing people, skills, non-working spells and allocations. Each public function is one batch (one
undo step) unless called inside a batch; every value is checked before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.capacity.model import (
    ALLOCATION_UNITS,
    PLAN_NOTE,
    SPELL_KINDS,
    CapacityInputError,
    parse_amount,
    parse_date,
    parse_fraction,
    parse_fte,
    parse_month,
    parse_rate,
    parse_skills,
)
from pmo_desktop.domain.enums import Source
from pmo_desktop.store import Portfolio
from pmo_desktop.store.settings import write_setting

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


@dataclass
class PersonRecord:
    """One person as a user gave it (a form, a pasted row, a spreadsheet row), already parsed.

    `given` names the fields the source had (a sheet without a Team column leaves teams alone). A blank
    FTE is "not given" (FTE cannot be empty): a new person gets 1.0, an existing one keeps theirs.
    """

    name: str
    role: str | None = None
    team: str | None = None
    fte: float | None = None
    day_rate: int | None = None
    skills: dict[str, int] | None = None  # None = leave the person's skills alone
    given: frozenset[str] = frozenset({"role", "team", "fte", "day_rate"})

    @classmethod
    def parse(cls, name, role=None, team=None, fte=None, rate=None, skills=None, *,
              given: Iterable[str] = ("role", "team", "fte", "day_rate")) -> PersonRecord:
        name = " ".join(str(name or "").split())
        if not name:
            raise CapacityInputError("a person needs a name")
        if len(name) > 120:
            raise CapacityInputError(f"name '{name[:30]}…' is too long")
        blank_fte = fte is None or str(fte).strip() == ""
        return cls(
            name=name,
            role=_text(role),
            team=_text(team),
            fte=None if blank_fte else parse_fte(fte),
            day_rate=parse_rate(rate),
            skills=None if skills is None else parse_skills(skills),
            given=frozenset(given) - ({"fte"} if blank_fte else set()),
        )


def _text(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


@dataclass
class SaveResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_roles: list[str] = field(default_factory=list)
    new_teams: list[str] = field(default_factory=list)
    batch_id: int | None = None


def _canonical(value: str | None, listed: list[str], new: list[str]) -> str | None:
    """The listed spelling of `value` (case-insensitive); an unlisted value is added to `new`."""
    if value is None:
        return None
    for item in [*listed, *new]:
        if item.casefold() == value.casefold():
            return item
    new.append(value)
    return value


def save_people(pf: Portfolio, records: Iterable[PersonRecord], *, source: Source | str = Source.UI,
                label: str = "Save people") -> SaveResult:
    """Add or update people matched by name (case-insensitive), all in one batch.

    Roles and teams not yet in the settings lists are added to them (and reported), so a list stays
    the one place the names come from.
    """
    records = list(records)
    seen: set[str] = set()
    for r in records:
        if r.name.casefold() in seen:
            raise CapacityInputError(f"'{r.name}' appears twice")
        seen.add(r.name.casefold())
    settings = pf.settings()
    roles, teams = list(settings.get("roles") or []), list(settings.get("teams") or [])
    result = SaveResult()
    with pf.batch(source, label) as batch_id:
        result.batch_id = batch_id
        for r in records:
            role = _canonical(r.role, roles, result.new_roles)
            team = _canonical(r.team, teams, result.new_teams)
            row = pf.conn.execute("SELECT id FROM people WHERE name = ? COLLATE NOCASE", (r.name,)).fetchone()
            if row is None:
                person_id = pf.conn.execute(
                    "INSERT INTO people (name, role, team, fte, day_rate) VALUES (?, ?, ?, ?, ?)",
                    (r.name, role, team, r.fte if r.fte is not None else 1.0, r.day_rate)).lastrowid
                result.added.append(r.name)
                changed = False
            else:
                person_id = row[0]
                values = {k: v for k, v in (("role", role), ("team", team), ("fte", r.fte),
                                            ("day_rate", r.day_rate)) if k in r.given}
                changed = bool(values) and pf.conn.execute(
                    f"UPDATE people SET {', '.join(f'{k} = ?' for k in values)}, updated_at = {_NOW} "
                    f"WHERE id = ? AND ({' OR '.join(f'{k} IS NOT ?' for k in values)})",
                    (*values.values(), person_id, *values.values())).rowcount > 0
            if r.skills is not None:
                changed = _replace_skills(pf, person_id, r.skills) or changed
            if row is not None:
                (result.updated if changed else result.unchanged).append(r.name)
        if result.new_roles:
            write_setting(pf.conn, "roles", roles + result.new_roles)
        if result.new_teams:
            write_setting(pf.conn, "teams", teams + result.new_teams)
    return result


def set_skills(pf: Portfolio, person_id: int, skills: dict[str, int], *, source: Source | str = Source.UI) -> bool:
    """Replace a person's skills (one batch, or part of the caller's); False when nothing changed."""
    with pf.batch(source, "Edit skills", defer_foreign_keys=False):
        return _replace_skills(pf, person_id, skills)


def _replace_skills(pf: Portfolio, person_id: int, skills: dict[str, int]) -> bool:
    current = {s: lvl for s, lvl in pf.conn.execute(
        "SELECT skill, level FROM person_skills WHERE person_id = ?", (person_id,))}
    if current == skills:
        return False
    for skill in current:
        if skill not in skills:
            pf.conn.execute("DELETE FROM person_skills WHERE person_id = ? AND skill = ?", (person_id, skill))
    for skill, level in skills.items():
        if skill not in current:
            pf.conn.execute("INSERT INTO person_skills (person_id, skill, level) VALUES (?, ?, ?)",
                            (person_id, skill, level))
        elif current[skill] != level:
            pf.conn.execute(f"UPDATE person_skills SET level = ?, updated_at = {_NOW} "
                            "WHERE person_id = ? AND skill = ?", (level, person_id, skill))
    return True


def person_id(pf: Portfolio, name: str) -> int:
    row = pf.conn.execute("SELECT id FROM people WHERE name = ? COLLATE NOCASE", (name.strip(),)).fetchone()
    if row is None:
        raise CapacityInputError(f"there is no person called '{name}'")
    return row[0]


def project_id(pf: Portfolio, code: str) -> int:
    row = pf.conn.execute("SELECT id FROM projects WHERE code = ? COLLATE NOCASE", (code.strip(),)).fetchone()
    if row is None:
        raise CapacityInputError(f"there is no project with code '{code}'")
    return row[0]


def add_non_working(pf: Portfolio, person: str, start: str | date, end: str | date, *, kind: str = "leave",
                    fraction=1.0, note: str | None = None, source: Source | str = Source.UI) -> int:
    """Record leave (fraction 1 = whole days, 0.5 = half days) or a part-time spell (the share not worked)."""
    pid = person_id(pf, person)
    first, last = parse_date(start, "start date"), parse_date(end, "end date")
    if last < first:
        raise CapacityInputError(f"the spell ends ({last}) before it starts ({first})")
    if kind not in SPELL_KINDS:
        raise CapacityInputError(f"kind must be one of {', '.join(SPELL_KINDS)}, not '{kind}'")
    share = parse_fraction(fraction, "non-working share")
    with pf.batch(source, f"{'Leave' if kind == 'leave' else 'Part-time spell'} for {person}"):
        return pf.conn.execute(
            "INSERT INTO non_working (person_id, start_date, end_date, kind, fraction, note) VALUES (?,?,?,?,?,?)",
            (pid, first.isoformat(), last.isoformat(), kind, share, note)).lastrowid


def set_allocation(pf: Portfolio, project: str, month: str | date, amount, *, person: str | None = None,
                   role: str | None = None, source: Source | str = Source.UI) -> int | None:
    """Set one allocation (a person, or an unnamed role for unstaffed demand) to a project for a month,
    in the portfolio's allocation unit. An amount of 0 removes it. Returns the row id (None if removed)."""
    if (person is None) == (role is None):
        raise CapacityInputError("give either a person or a role (for demand not yet staffed)")
    unit = pf.settings().get("allocation_unit", "fte")
    if unit not in ALLOCATION_UNITS:
        raise CapacityInputError(f"the allocation_unit setting must be 'fte' or 'hours', not '{unit}'")
    value = parse_amount(amount, unit)
    first = parse_month(month)
    proj = project_id(pf, project)
    pid = person_id(pf, person) if person is not None else None
    role = _text(role)
    who = person or f"unstaffed {role}"
    with pf.batch(source, f"Allocate {who} to {project} in {first:%Y-%m}"):
        row = pf.conn.execute(
            "SELECT id FROM allocations WHERE person_id IS ? AND role IS ? AND project_id = ? AND month = ?",
            (pid, None if pid else role, proj, first.isoformat())).fetchone()
        if value == 0:
            if row is not None:
                pf.conn.execute("DELETE FROM allocations WHERE id = ?", (row[0],))
            return None
        if row is not None:
            pf.conn.execute(f"UPDATE allocations SET amount = ?, note = CASE WHEN note = ? THEN NULL ELSE note END, "
                            f"updated_at = {_NOW} WHERE id = ? AND amount IS NOT ?", (value, PLAN_NOTE, row[0], value))
            return row[0]
        return pf.conn.execute(
            "INSERT INTO allocations (person_id, role, project_id, month, amount) VALUES (?, ?, ?, ?, ?)",
            (pid, None if pid else role, proj, first.isoformat(), value)).lastrowid
