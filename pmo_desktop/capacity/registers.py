"""The people and time-off registers: registers like the others (edit, paste from Excel, undo).

Skills are typed as "Python:4; SQL:3" and live in their own table; FTE and the share of a day off are
checked (0 < x <= 1) before anything is written; a spell's person is typed by name and stored by id.
Roles and teams offer the portfolio's settings lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pmo_desktop.capacity.model import CapacityInputError, parse_fraction, parse_fte, parse_skills
from pmo_desktop.capacity.people import person_id, set_skills
from pmo_desktop.domain.values import ValueProblem
from pmo_desktop.registers.columns import CHOICE, DATE, MONEY, MULTILINE, NUMBER, PERCENT, TEXT, Column
from pmo_desktop.registers.definitions import Register
from pmo_desktop.store import Portfolio
from pmo_desktop.store.rows import update_row

SKILLS_SQL = ("(SELECT group_concat(skill || ':' || level, '; ') FROM (SELECT skill, level FROM person_skills "
              "WHERE person_id = pe.id ORDER BY skill COLLATE NOCASE))")
# A spell's kind as the analyst reads it, and as it is stored.
KIND_LABELS = {"leave": "Leave", "part-time": "Part-time working"}
_KIND_SQL = "(CASE n.kind " + " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in KIND_LABELS.items()) + " ELSE n.kind END)"


@dataclass
class PeopleRegister(Register):
    @property
    def plural(self) -> str:
        return "people"


def new_person_name(pf: Portfolio) -> str:
    taken = {r[0].casefold() for r in pf.conn.execute("SELECT name FROM people WHERE name LIKE 'New person%'")}
    n = 1
    while (name := "New person" if n == 1 else f"New person {n}").casefold() in taken:
        n += 1
    return name


def _new_person(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    return {"name": new_person_name(pf), "fte": 1.0}


def _convert_person(pf: Portfolio, column: Column, value: Any) -> Any:
    try:
        if column.key == "skills":
            return parse_skills(value)
        if column.key == "fte":
            return parse_fte(value)
    except CapacityInputError as exc:
        raise ValueProblem(str(exc)) from None
    return value


def _store_person(pf: Portfolio, row_id: int, values: dict[str, Any]) -> None:
    values = dict(values)
    skills = values.pop("skills", None)
    if values:
        update_row(pf, "people", row_id, values)
    if skills is not None:
        set_skills(pf, row_id, skills)


def _copy_person(pf: Portfolio, values: dict[str, Any]) -> dict[str, Any]:
    return dict(values, name=new_person_name(pf))


def people_register(pf: Portfolio) -> PeopleRegister:
    """The register's columns; role and team offer the portfolio's lists (settings)."""
    settings = pf.settings()
    return PeopleRegister(
        name="people", title="People", noun="person", table="people", alias="pe", from_sql="people pe",
        new_row=_new_person, key_column="name", frozen=1, convert=_convert_person, store_row=_store_person,
        copy_row=_copy_person,
        about="The people whose time the portfolio plans: their role, team, FTE, day rate and skills.",
        columns=[
            Column("name", "Name", "pe.name", TEXT, required=True, width=200),
            Column("role", "Role", "pe.role", CHOICE, choices=tuple(settings.get("roles") or ()), width=150,
                   filter=True),
            Column("team", "Team", "pe.team", CHOICE, choices=tuple(settings.get("teams") or ()), width=130,
                   filter=True),
            Column("fte", "FTE", "pe.fte", NUMBER, required=True, width=60, tip="Contracted capacity, 0-1"),
            Column("day_rate", "Day rate", "pe.day_rate", MONEY, width=90, tip="Cost rate per working day"),
            Column("skills", "Skills", SKILLS_SQL, TEXT, width=380,
                   tip="Skills with a level from 1 (aware) to 5 (expert); type Skill:level separated by ';'"),
            Column("email", "Email", "pe.email", TEXT, width=180),
            Column("notes", "Notes", "pe.notes", MULTILINE, width=220),
        ],
    )


def _new_spell(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    first = pf.conn.execute("SELECT id FROM people ORDER BY name LIMIT 1").fetchone()
    if first is None:
        raise ValueProblem("add a person first")
    today = date.today().isoformat()
    return {"person_id": first[0], "start_date": today, "end_date": today, "kind": "leave", "fraction": 1.0}


def _convert_spell(pf: Portfolio, column: Column, value: Any) -> Any:
    try:
        if column.key == "person":
            return person_id(pf, value)
        if column.key == "fraction":
            return parse_fraction(value / 100 if value is not None else None, "time off")
    except CapacityInputError as exc:
        raise ValueProblem(str(exc)) from None
    if column.key == "kind":
        by_label = {v.casefold(): k for k, v in KIND_LABELS.items()} | {k: k for k in KIND_LABELS}
        return by_label.get(str(value).casefold(), value)
    return value


TIME_OFF = Register(
    name="time_off", title="Time off", noun="spell", table="non_working", alias="n",
    from_sql="non_working n JOIN people pe ON pe.id = n.person_id", new_row=_new_spell, key_column="person",
    frozen=1, convert=_convert_spell,
    about="Leave and part-time working: the days people are not available to projects.",
    columns=[
        Column("person", "Person", "pe.name", TEXT, required=True, width=200, field="person_id", filter=True),
        Column("kind", "Kind", _KIND_SQL, CHOICE, choices=tuple(KIND_LABELS.values()), required=True, width=150,
               filter=True, field="kind"),
        Column("start_date", "From", "n.start_date", DATE, required=True, width=110),
        Column("end_date", "To", "n.end_date", DATE, required=True, width=110),
        Column("fraction", "Time off", "round(n.fraction * 100, 1)", PERCENT, required=True, width=80,
               field="fraction", fractions=True,
               tip="Share of each working day not worked: 100% = whole days, 50% = half days or a half-time spell"),
        Column("note", "Note", "n.note", MULTILINE, width=260),
        Column("team", "Team", "pe.team", TEXT, editable=False, width=120, filter=True),  # last: pastes skip it
    ],
)
