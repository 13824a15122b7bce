"""Reading a register: which rows match (sorted, searched, filtered) and the cells of a page of them.

Sorting, quick search and column filters are SQL: `matching_ids` asks SQLite for the ordered list of
row ids that match (one integer per row, cheap for 10,000 projects) and `read_rows` reads the cells of
the rows a caller asks for, by id. The GUI's item model keeps a `RegisterQuery` and adapts these; the
CLI and tests call them the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pmo_desktop.registers.columns import Column
from pmo_desktop.registers.definitions import Register
from pmo_desktop.store import Portfolio
from pmo_desktop.store.id_lists import in_list, json_list

_ALIAS_REF = re.compile(r"\b([a-z]+)\.[a-z_]+")
BLANK = object()  # filter value meaning "empty cell"


@dataclass
class RegisterQuery:
    """What the analyst asked to see: a search, per-column filters, one SQL condition, a sort."""

    register: Register
    columns: list[Column]
    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    condition: tuple[str, str, tuple] | None = None  # (label, SQL over the register's FROM, parameters)
    sort: tuple[str, bool] | None = None  # (column key, descending)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.register.where:
            clauses.append(self.register.where)
        if self.search:
            exprs = self.register.search_exprs
            clauses.append("(" + " OR ".join(f"{e} LIKE ? ESCAPE '\\'" for e in exprs) + ")")
            pattern = "%" + self.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params.extend([pattern] * len(exprs))
        if self.condition is not None:
            clauses.append(f"({self.condition[1]})")
            params.extend(self.condition[2])
        for key, value in self.filters.items():
            expr = self.column(key).expr
            if value is BLANK:
                clauses.append(f"({expr} IS NULL OR {expr} = '')")
            else:
                clauses.append(f"{expr} = ?")
                params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _from(register: Register, exprs: list[str]) -> str:
    """The register's FROM clause, without its joins when no expression needs them (a join makes
    SQLite read and sort whole rows: 84 ms instead of 18 ms to order 10,000 projects)."""
    alias = register.alias
    for expr in exprs:
        if any(a != alias for a in _ALIAS_REF.findall(expr)):
            return register.from_sql
    return f"{register.table} {alias}"


def matching_ids(pf: Portfolio, query: RegisterQuery) -> list[int]:
    """Ids of the rows the query shows, in its order."""
    register = query.register
    where, params = query.where()
    order = register.default_order or f"{register.alias}.id"
    if query.sort is not None:
        key, descending = query.sort
        order = f"{query.column(key).order_by} {'DESC' if descending else 'ASC'} NULLS LAST, {order}"
    sql = f"SELECT {register.alias}.id FROM {_from(register, [where, order])}{where} ORDER BY {order}"
    return [r[0] for r in pf.conn.execute(sql, params)]


def register_total(pf: Portfolio, register: Register) -> int:
    """How many rows the register has, whatever is searched or filtered."""
    base = f" WHERE {register.where}" if register.where else ""
    return pf.conn.execute(f"SELECT count(*) FROM {_from(register, [base])}{base}").fetchone()[0]


def read_rows(pf: Portfolio, register: Register, columns: list[Column], ids: list[int]) -> dict[int, tuple]:
    """{id: (value per column)} for the given rows (stored values: RAG letters, pence, ISO dates), then,
    for each column with a `locked` condition, whether that row's cell is locked (see locked_columns)."""
    if not ids:
        return {}
    exprs = ", ".join([c.expr for c in columns] + [f"({c.locked})" for c in columns if c.locked])
    alias = register.alias
    sql = (f"SELECT {alias}.id, {exprs} FROM {register.from_sql} "
           f"WHERE {in_list(f'{alias}.id')}")
    return {r[0]: r[1:] for r in pf.conn.execute(sql, [json_list(ids)])}


def locked_columns(columns: list[Column]) -> dict[int, int]:
    """{column number: position of its lock flag in a read_rows tuple} for columns that can be locked."""
    locks = [i for i, c in enumerate(columns) if c.locked]
    return {col: len(columns) + n for n, col in enumerate(locks)}


def is_locked(pf: Portfolio, register: Register, column: Column, row_id: int) -> bool:
    if not column.locked:
        return False
    sql = f"SELECT ({column.locked}) FROM {register.from_sql} WHERE {register.alias}.id = ?"
    row = pf.conn.execute(sql, (row_id,)).fetchone()
    return bool(row and row[0])


def distinct_values(pf: Portfolio, register: Register, column: Column, limit: int = 500) -> list[Any]:
    """The values a column holds, for its filter box."""
    base = f" WHERE {register.where}" if register.where else ""
    rows = pf.conn.execute(
        f"SELECT DISTINCT {column.expr} FROM {register.from_sql}{base} ORDER BY 1 LIMIT ?", (limit,))
    return [r[0] for r in rows]


def project_of(pf: Portfolio, register: Register, row_id: int) -> int | None:
    """The project a register row belongs to (a project row is its own)."""
    if register.table == "projects":
        return row_id
    row = pf.conn.execute(f"SELECT project_id FROM [{register.table}] WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else None
