"""The people register: a register like the others (edit, paste from Excel, undo), with skills typed
as "Python:4; SQL:3", roles and teams from the portfolio's settings lists, and import/export buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QPushButton

from pmo_desktop.capacity.model import (
    SPELL_KINDS,
    CapacityInputError,
    parse_fraction,
    parse_fte,
    parse_skills,
)
from pmo_desktop.capacity.people import SaveResult, person_id, set_skills
from pmo_desktop.capacity.workbook import export_people, import_people
from pmo_desktop.domain.enums import Source
from pmo_desktop.domain.values import ValueProblem
from pmo_desktop.gui.registers.columns import CHOICE, DATE, MONEY, MULTILINE, NUMBER, TEXT, Column
from pmo_desktop.gui.registers.register_model import RegisterModel
from pmo_desktop.gui.registers.register_view import RegisterView
from pmo_desktop.gui.registers.registers import Register
from pmo_desktop.gui.shell.views import ViewContext
from pmo_desktop.store import Portfolio, PortfolioError
from pmo_desktop.store.rows import update_row

SKILLS_SQL = ("(SELECT group_concat(skill || ':' || level, '; ') FROM (SELECT skill, level FROM person_skills "
              "WHERE person_id = pe.id ORDER BY skill COLLATE NOCASE))")


@dataclass
class PeopleRegister(Register):
    @property
    def plural(self) -> str:
        return "people"


def _new_person(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    taken = {r[0].casefold() for r in pf.conn.execute("SELECT name FROM people WHERE name LIKE 'New person%'")}
    n = 1
    while (name := "New person" if n == 1 else f"New person {n}").casefold() in taken:
        n += 1
    return {"name": name, "fte": 1.0}


def people_register(pf: Portfolio) -> PeopleRegister:
    """The register's columns; role and team offer the portfolio's lists (settings)."""
    settings = pf.settings()
    return PeopleRegister(
        name="people", title="People", noun="person", table="people", alias="pe", from_sql="people pe",
        new_row=_new_person, key_column="name", frozen=1,
        columns=[
            Column("name", "Name", "pe.name", TEXT, required=True, width=200),
            Column("role", "Role", "pe.role", CHOICE, choices=tuple(settings.get("roles") or ()), width=150,
                   filter=True),
            Column("team", "Team", "pe.team", CHOICE, choices=tuple(settings.get("teams") or ()), width=130,
                   filter=True),
            Column("fte", "FTE", "pe.fte", NUMBER, required=True, width=60, tip="Contracted capacity, 0-1"),
            Column("day_rate", "Day rate", "pe.day_rate", MONEY, width=90, tip="Cost rate per working day"),
            Column("skills", "Skills", SKILLS_SQL, TEXT, width=300, tip="Skill:level (1-5), separated by ';'"),
            Column("email", "Email", "pe.email", TEXT, width=180),
            Column("notes", "Notes", "pe.notes", MULTILINE, width=220),
        ],
    )


class PeopleModel(RegisterModel):
    """Skills live in their own table; FTE is checked against 0 < FTE <= 1 before anything is written."""

    def parse_cells(self, cells: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
        parsed = super().parse_cells(cells)
        out = []
        for row, col, stored in parsed:
            column = self.columns[col]
            try:
                if column.key == "skills":
                    stored = parse_skills(stored)
                elif column.key == "fte":
                    stored = parse_fte(stored)
            except CapacityInputError as exc:
                where = f"row {row + 1}, {column.header}" if len(cells) > 1 else column.header
                raise ValueProblem(f"{where}: {exc}") from None
            out.append((row, col, stored))
        return out

    def _store(self, by_row: dict[int, dict[str, Any]], custom: list[tuple[int, int, Any]]) -> None:
        for row_id, values in by_row.items():
            skills = values.pop("skills", None)
            if values:
                update_row(self.pf, self.register.table, row_id, values)
            if skills is not None:
                set_skills(self.pf, row_id, skills)

    def _copy_values(self, row_id: int) -> dict[str, Any]:
        values = super()._copy_values(row_id)
        values["name"] = _new_person(self.pf, {})["name"]
        return values


class PeopleView(RegisterView):
    model_class = PeopleModel

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, people_register(context.portfolio), parent)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Add or update people from a sheet: Name, Role, Team, FTE, Day rate, Skills")
        self.import_button.clicked.connect(self._choose_import)
        self.import_button.setEnabled(not context.portfolio.read_only)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Write people, non-working time and allocations to an Excel workbook")
        self.export_button.clicked.connect(self._choose_export)
        self._filter_bar.addWidget(self.import_button)
        self._filter_bar.addWidget(self.export_button)

    def selected_project_id(self) -> int | None:
        return None  # a person is not part of one project; the detail pane keeps what it shows

    def import_file(self, path: str | Path) -> SaveResult | None:
        """Import a people sheet as one undo step; problems are reported, nothing half-done."""
        try:
            result = import_people(self.portfolio, path, source=Source.IMPORT)
        except (CapacityInputError, PortfolioError) as exc:
            self.context.report_problem(str(exc))
            return None
        self.context.history.record(result.batch_id)
        self.refresh()
        return result

    def export_file(self, path: str | Path) -> dict | None:
        try:
            return export_people(self.portfolio, path)
        except (CapacityInputError, OSError) as exc:
            self.context.report_problem(str(exc))
            return None

    def refresh(self) -> None:
        fresh = people_register(self.portfolio)
        if [c.choices for c in fresh.columns] != [c.choices for c in self.register.columns]:
            self.register = self.model.register = fresh  # a role or team was added (or its adding undone)
            self.reload_columns()
        super().refresh()

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import people", "", "Excel workbooks (*.xlsx)")
        if path:
            self.import_file(path)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export people", "people.xlsx", "Excel workbooks (*.xlsx)")
        if path:
            self.export_file(path)


# -- time off: leave and part-time spells -------------------------------------------------------------


def _new_spell(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    first = pf.conn.execute("SELECT id FROM people ORDER BY name LIMIT 1").fetchone()
    if first is None:
        raise ValueProblem("add a person first")
    today = date.today().isoformat()
    return {"person_id": first[0], "start_date": today, "end_date": today, "kind": "leave", "fraction": 1.0}


TIME_OFF = Register(
    name="time_off", title="Time off", noun="spell", table="non_working", alias="n",
    from_sql="non_working n JOIN people pe ON pe.id = n.person_id", new_row=_new_spell, key_column="person",
    frozen=1,
    columns=[
        Column("person", "Person", "pe.name", TEXT, required=True, width=200, field="person_id", filter=True),
        Column("kind", "Kind", "n.kind", CHOICE, choices=SPELL_KINDS, required=True, width=90, filter=True),
        Column("start_date", "From", "n.start_date", DATE, required=True, width=100),
        Column("end_date", "To", "n.end_date", DATE, required=True, width=100),
        Column("fraction", "Share off", "n.fraction", NUMBER, required=True, width=80,
               tip="Share of each working day not worked: 1 = whole days, 0.5 = half days or a half-time spell"),
        Column("note", "Note", "n.note", MULTILINE, width=260),
        Column("team", "Team", "pe.team", TEXT, editable=False, width=120, filter=True),  # last: pastes skip it
    ],
)


class TimeOffModel(RegisterModel):
    """The person is typed by name and stored by id; the share off is checked (0 < share <= 1)."""

    def parse_cells(self, cells: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
        out = []
        for row, col, stored in super().parse_cells(cells):
            column = self.columns[col]
            try:
                if column.key == "person":
                    stored = person_id(self.pf, stored)
                elif column.key == "fraction":
                    stored = parse_fraction(stored, "share off")
            except CapacityInputError as exc:
                where = f"row {row + 1}, {column.header}" if len(cells) > 1 else column.header
                raise ValueProblem(f"{where}: {exc}") from None
            out.append((row, col, stored))
        return out


class TimeOffView(RegisterView):
    model_class = TimeOffModel

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, TIME_OFF, parent)

    def selected_project_id(self) -> int | None:
        return None
