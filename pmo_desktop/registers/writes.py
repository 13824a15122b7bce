"""Writing a register: parse what was typed or pasted, check the rows still hold, store it as one batch.

Every function raises ValueProblem with one line in the analyst's words when anything is refused, and
then nothing is written (the batch rolls back). The row rules (a start after its finish, a negative
budget, money in another currency) are domain.rules, checked here for every row a write touches, so
typing, pasting and the detail form refuse the same things for the same reasons.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from pmo_desktop.domain.enums import Source
from pmo_desktop.domain.rules import row_problem
from pmo_desktop.domain.values import ValueProblem
from pmo_desktop.registers import columns as C
from pmo_desktop.registers.columns import Column, Formatting, refusal_message
from pmo_desktop.registers.definitions import Register
from pmo_desktop.registers.query import is_locked
from pmo_desktop.store import Portfolio, PortfolioError, custom_fields
from pmo_desktop.store.changelog import batch_changed
from pmo_desktop.store.rows import fetch_row, insert_row, update_row

Cell = tuple[int, int, Any]  # (row number, column number, value)


def programme_id(pf: Portfolio, name: str) -> int:
    row = pf.conn.execute("SELECT id FROM programmes WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    if row is None:
        raise ValueProblem(f"there is no programme called '{name}'")
    return row[0]


def project_id(pf: Portfolio, code: str) -> int:
    row = pf.conn.execute("SELECT id FROM projects WHERE code = ? COLLATE NOCASE", (code,)).fetchone()
    if row is None:
        raise ValueProblem(f"there is no project with code '{code}'")
    return row[0]


def parse_value(pf: Portfolio, column: Column, value: Any, fmt: Formatting, register: Register | None = None) -> Any:
    """The stored value for one typed cell (programme names and project codes become ids)."""
    if not column.editable:
        raise ValueProblem(f"{column.header} is worked out, not typed in")
    stored = C.parse(column, value, fmt)
    if column.kind == C.PROGRAMME and stored is not None:
        stored = programme_id(pf, stored)
    elif column.kind == C.PROJECT and stored is not None:
        stored = project_id(pf, stored)
    if register is not None and register.convert is not None:
        stored = register.convert(pf, column, stored)
    return stored


def check_locks(pf: Portfolio, register: Register, columns: list[Column], row_ids: list[int],
                cells: list[Cell]) -> None:
    """Refuse a cell of a row where its column is locked (a planned project's dates), naming why."""
    for row, col, _value in cells:
        column = columns[col]
        if column.locked and row < len(row_ids) and is_locked(pf, register, column, row_ids[row]):
            raise ValueProblem(f"{column.header}: {column.locked_tip}")


def parse_cells(pf: Portfolio, columns: list[Column], cells: list[Cell], fmt: Formatting,
                register: Register | None = None) -> list[Cell]:
    """Parse every cell first; raise ValueProblem naming the first bad cell (nothing written)."""
    if any(not 0 <= col < len(columns) for _, col, _ in cells):
        raise ValueProblem("the block is wider than the table")
    parsed = []
    for row, col, value in cells:
        column = columns[col]
        try:
            parsed.append((row, col, parse_value(pf, column, value, fmt, register)))
        except ValueProblem as exc:
            where = f"row {row + 1}, {column.header}" if len(cells) > 1 else column.header
            raise ValueProblem(f"{where}: {exc}") from None
    return parsed


def check_rows(pf: Portfolio, table: str, row_ids: list[int], fmt: Formatting | None = None) -> None:
    """Raise ValueProblem when a stored row breaks a rule (call inside the batch: it rolls back)."""
    style = fmt.date_format if fmt else None
    for row_id in row_ids:
        row = fetch_row(pf, table, row_id)
        problem = row and row_problem(table, row, style)
        if problem:
            key = row.get("code") or row.get("ref") or row.get("name")
            raise ValueProblem(f"{key}: {problem}" if key and len(row_ids) > 1 else problem)


def run_batch(pf: Portfolio, label: str, columns: list[Column], work: Callable[[], Any]) -> int:
    """Run `work` as one UI batch: its id, or 0 when it was valid but changed nothing. A refusal
    (a rule, a unique key, a read-only file) raises ValueProblem and writes nothing."""
    if pf.read_only:
        raise ValueProblem(f"{pf.path.name} is open read-only")
    try:
        with pf.batch(Source.UI, label, defer_foreign_keys=False) as batch_id:
            work()
    except sqlite3.IntegrityError as exc:
        raise ValueProblem(refusal_message(str(exc), columns)) from None
    except PortfolioError as exc:
        raise ValueProblem(str(exc)) from None
    return batch_id if batch_changed(pf.conn, batch_id) else 0


def write_cells(pf: Portfolio, register: Register, columns: list[Column], row_ids: list[int],
                cells: list[Cell], fmt: Formatting, *, label: str, context: dict[str, Any] | None = None,
                ) -> tuple[int, list[int]]:
    """Parse, check and store cells as one batch: (batch id or 0, ids of rows added). Cells on rows
    past the end of `row_ids` append new rows in the same batch (a paste from Excel)."""
    if pf.read_only:
        raise ValueProblem(f"{pf.path.name} is open read-only")
    parsed = parse_cells(pf, columns, cells, fmt, register)
    check_locks(pf, register, columns, row_ids, cells)
    extra = max((r for r, _, _ in cells), default=-1) + 1 - len(row_ids)
    new_ids: list[int] = []

    def work():
        for _ in range(extra):
            new_ids.append(insert_row(pf, register.table, register.new_row(pf, context or {})))
        ids = row_ids + new_ids
        by_row: dict[int, dict[str, Any]] = {}
        touched: list[int] = []
        for row, col, stored in parsed:
            column = columns[col]
            if column.custom_field_id:
                custom_fields.set_value(pf, column.custom_field_id, ids[row], stored)
            else:
                by_row.setdefault(ids[row], {})[column.store_field] = stored
            if ids[row] not in touched:
                touched.append(ids[row])
        for row_id, values in by_row.items():
            store_values(pf, register, row_id, values)
        check_rows(pf, register.table, touched, fmt)

    batch_id = run_batch(pf, label, columns, work)
    return batch_id, new_ids


def store_values(pf: Portfolio, register: Register, row_id: int, values: dict[str, Any]) -> None:
    if register.store_row is not None:
        register.store_row(pf, row_id, values)
    else:
        update_row(pf, register.table, row_id, values)


def add_rows(pf: Portfolio, register: Register, columns: list[Column], *, count: int = 1,
             context: dict[str, Any] | None = None, copies_of: list[int] | None = None,
             label: str | None = None) -> tuple[int, list[int]]:
    """Add `count` new rows (or copies of the rows with the given ids) as one batch."""
    new_ids: list[int] = []

    def work():
        for i in range(count if copies_of is None else len(copies_of)):
            values = register.new_row(pf, context or {}) if copies_of is None else copy_values(pf, register, copies_of[i])
            new_ids.append(insert_row(pf, register.table, values))

    noun = register.noun
    label = label or (f"Duplicate {len(copies_of)} {noun}(s)" if copies_of else f"Add {noun}")
    return run_batch(pf, label, columns, work), new_ids


def copy_values(pf: Portfolio, register: Register, row_id: int) -> dict[str, Any]:
    """A row's stored values with fresh human keys, for Duplicate."""
    values = {k: v for k, v in (fetch_row(pf, register.table, row_id) or {}).items()
              if k not in ("id", "created_at", "updated_at")}
    fresh = register.new_row(pf, {"project_id": values.get("project_id")})
    for unique in ("code", "ref", "period"):
        if unique in values and unique in fresh:
            values[unique] = fresh[unique]
    if "name" in values and register.name == "projects":
        values["name"] = f"{values['name']} (copy)"
    return register.copy_row(pf, values) if register.copy_row else values


def delete_rows(pf: Portfolio, register: Register, columns: list[Column], row_ids: list[int]) -> int:
    """Delete rows (and their custom-field values) as one batch."""
    entity = register.custom_entity

    def work():
        for row_id in row_ids:
            if entity:
                pf.conn.execute(
                    "DELETE FROM custom_values WHERE entity_id = ? AND field_id IN "
                    "(SELECT id FROM custom_fields WHERE entity = ?)", (row_id, entity))
            pf.conn.execute(f"DELETE FROM [{register.table}] WHERE id = ?", (row_id,))

    noun = register.noun
    return run_batch(pf, f"Delete {len(row_ids)} {noun}{'s' if len(row_ids) != 1 else ''}", columns, work)


def write_field(pf: Portfolio, register: Register, row_id: int, column: Column, text: Any, fmt: Formatting,
                *, label: str) -> tuple[int, Any]:
    """One field of one row (the detail form): (batch id or 0, the stored value)."""
    try:
        value = parse_value(pf, column, text, fmt, register)
    except ValueProblem as exc:
        raise ValueProblem(f"{column.header}: {exc}") from None
    check_locks(pf, register, [column], [row_id], [(0, 0, text)])

    def work():
        store_values(pf, register, row_id, {column.store_field: value})
        check_rows(pf, register.table, [row_id], fmt)

    return run_batch(pf, label, register.columns, work), value
