"""From a detected table and a mapping to records: one dict of stored values per source row.

Value errors are collected per cell (row, column, value, reason), never raised. This step knows the
file only; matching against the portfolio is plan.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pmo_desktop.domain import parsing
from pmo_desktop.importing import columns as columns_
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.convert import CHOICES, Context
from pmo_desktop.importing.header import Table
from pmo_desktop.importing.mapping import Mapping

UNKNOWN_VALUE, MISSING_PROJECT = "unknown value", "missing project"


@dataclass
class CellError:
    row: int  # spreadsheet row number (1-based)
    column: str  # header text
    value: str
    reason: str
    field: str = ""  # the field, when the problem is a value the analyst can answer once for all rows
    problem: str = ""  # "" (this row only), UNKNOWN_VALUE or MISSING_PROJECT

    def as_dict(self) -> dict:
        out = {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}
        if self.problem:
            out.update(field=self.field, problem=self.problem)
        return out

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Record:
    row: int  # spreadsheet row number
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    level: int = 0  # indentation level (tasks)


def _display(raw) -> str:
    text = raw.isoformat() if hasattr(raw, "isoformat") else str(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def decide_context(table: Table, mapping: Mapping, kind: k.Kind, base: Context) -> tuple[Context, list[str]]:
    """The file's date order from its own text dates when they show it, else the setting."""
    notes = []
    texts = []
    for name, cols in mapping.columns.items():
        if name in kind.field_names and kind.field(name).type == k.DATE:
            for r in table.data_rows[:5000]:
                v = table.value(r, cols[0])
                if isinstance(v, str):
                    texts.append(v)
    order = parsing.detect_date_order(texts)
    ctx = replace(base, date_order=order or base.date_order)
    if texts:
        why = "from the file's own dates" if order else "from the portfolio setting (the file's dates are ambiguous)"
        if any(parsing.slash_date_parts(t) for t in texts):
            notes.append(f"text dates read {ctx.date_order} ({why})")
    return ctx, notes


def _fractions(table: Table, col: int) -> bool | None:
    numbers = []
    for r in table.data_rows[:5000]:
        v = table.value(r, col)
        if isinstance(v, int | float) and not isinstance(v, bool):
            numbers.append(v)
    if not numbers:
        return None
    return all(0 <= n <= 1 for n in numbers)


def build_records(table: Table, mapping: Mapping, kind: k.Kind, ctx: Context) -> tuple[list[Record], list[str]]:
    """Converted records for every data row, and notes about what was done to get them. Each mapped
    column is converted at once (columns.py); the records are then put together row by row."""
    notes: list[str] = []
    headers = {c.index: c.header for c in table.columns}
    fields = [(kind.field(name), cols) for name, cols in mapping.columns.items() if name in kind.field_names]
    fractions = {f.name: _fractions(table, cols[0]) for f, cols in fields if f.type == k.PERCENT}
    fills = table.sheet.fills
    indents = table.sheet.indents
    name_col = mapping.column("name")
    text_fields = {f.name for f, _ in fields if f.type == k.TEXT}
    identity = set(kind.key) | {f.name for f in kind.fields if f.required} | {"task_id"}
    key_only = set(kind.key) | {"task_id"}
    merged = table._merged
    data = table.data_rows
    key_cols = [mapping.columns[f][0] for f in kind.key if f in mapping.columns]
    inside_merge = 0
    if merged and key_cols:  # sub-rows of a record whose key cell is merged over several rows
        kept = [r for r in data if not all((r, c) in merged for c in key_cols)]
        inside_merge, data = len(data) - len(kept), kept
    sheet_rows = table.sheet.rows
    grid = columns_.transpose([sheet_rows[r] for r in data]) if fields else []
    names: list[str] = []
    columns: list[list] = []
    errors: dict[int, list[CellError]] = {}
    levels: list[int] | None = None
    for f, cols in fields:
        raws, source = columns_.column_raws(grid, data, cols, merged)
        fill_at = _fill_finder(fills, data, source, cols[0]) if f.type == k.RAG and fills else None
        plain = f.type == k.TEXT and f.name not in ctx.values and f.name != "name"
        values, failed = columns_.convert_column(f, raws, ctx, plain=plain, fractions=fractions.get(f.name),
                                                 fill_at=fill_at)
        for i in failed:
            bad, values[i] = values[i], None
            header = headers.get(source[i] if source else cols[0], "")
            errors.setdefault(i, []).append(_cell_error(data[i] + 1, header, bad, f.name))
        if f.name == "name":  # a name's indent and leading spaces give the outline level
            levels = [0] * len(data)
            refused = set(failed)
            for i, (raw, value) in enumerate(zip(raws, values, strict=True)):
                if value is not None and raw.__class__ is str:
                    col = source[i] if source else cols[0]
                    levels[i] = indents.get((data[i], col), 0) * 4 + len(raw) - len(raw.lstrip(" \u00a0\t"))
                elif value is None and i not in refused and (data[i], name_col) in indents:
                    levels[i] = indents[(data[i], name_col)] * 4
        names.append(f.name)
        columns.append(values)
    if levels is None and name_col is not None and indents:
        levels = [indents.get((r, name_col), 0) * 4 for r in data]
    records: list[Record] = []
    continued = empty = 0
    months = bool(mapping.month_columns)
    rowcells = zip(*columns, strict=True) if columns else [()] * len(data)
    # A row with every mapped cell filled and none refused becomes a record whatever it holds, unless
    # the fields alone make it a key-only or continuation row: the checks below are then not needed.
    whole = set(names)
    fast = bool(names) and not months and not whole <= key_only and not (whole.isdisjoint(identity)
                                                                          and whole <= text_fields)
    for i, (r, cells) in enumerate(zip(data, rowcells, strict=True)):
        if fast and None not in cells and i not in errors:
            records.append(Record(r + 1, dict(zip(names, cells, strict=False)), [], levels[i] if levels is not None else 0))
            continue
        values = dict(zip(names, cells, strict=False))  # as long as each other
        if None in cells:
            values = {name: v for name, v in values.items() if v is not None}
        errs = errors.get(i) if errors else None
        if errs is None and not months:  # the common row: no refused value, no month columns
            if values.keys() <= key_only:
                empty += 1  # nothing, or only a pre-numbered key in an unused template row
            elif records and values.keys().isdisjoint(identity) and values.keys() <= text_fields:
                _continue(records[-1], values)
                continued += 1
            else:
                records.append(Record(r + 1, values, [], levels[i] if levels is not None else 0))
            continue
        rec = Record(r + 1, values, errs if errs is not None else [], levels[i] if levels is not None else 0)
        month_values = _month_cells(table, mapping, r, ctx, rec, headers) if months else []
        if month_values:
            records.extend(_unpivot(rec, month_values, mapping))
        elif (not values and errs is None) or (values.keys() <= key_only and not rec.errors):
            empty += 1
        elif records and not rec.errors and values.keys().isdisjoint(identity) and values.keys() <= text_fields:
            _continue(records[-1], values)
            continued += 1
        else:
            records.append(rec)
    if continued:
        notes.append(f"{continued} continuation row(s) (text spilling onto the next row) joined to the row above")
    if inside_merge:
        notes.append(f"{inside_merge} row(s) inside the merged key cell of the record above skipped "
                     "(their own cells are not imported)")
    if empty:
        notes.append(f"{empty} row(s) with nothing but (at most) a key in the imported columns skipped")
    return records, notes


def _continue(prev: Record, values: dict) -> None:
    """A continuation row (text spilling onto the next row): its text joined to the record above."""
    for name in values:
        prev.values[name] = (str(prev.values.get(name) or "") + "\n" + str(values[name])).strip()


def _fill_finder(fills: dict, data: list[int], source: list[int] | None, first: int):
    def fill_at(i: int) -> str | None:
        return fills.get((data[i], source[i] if source else first))
    return fill_at


def _cell_error(row: int, header: str, bad: columns_.Failed, field_name: str) -> CellError:
    if bad.unknown:
        text = " ".join(str(bad.raw).split())
        if len(text) <= 40:  # a value from a list; longer text is a sentence in the wrong place
            return CellError(row, header, text, bad.reason, field_name, UNKNOWN_VALUE)
    return CellError(row, header, _display(bad.raw), bad.reason)


def _month_cells(table: Table, mapping: Mapping, r: int, ctx: Context, rec: Record, headers) -> list:
    out = []
    for col, months in mapping.month_columns.items():
        raw = table.value(r, col)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        try:
            amount = parsing.parse_money(raw, minor_units=ctx.minor_units, currency=ctx.currency)
        except ValueError as exc:
            rec.errors.append(CellError(r + 1, headers.get(col, ""), _display(raw), str(exc)))
            continue
        out.append((months, amount))
    return out


def _unpivot(rec: Record, month_values, mapping: Mapping) -> list[Record]:
    """One record per month; a quarter's amount is split evenly over its months (remainder last)."""
    measure = rec.values.pop("measure", None) or mapping.measure
    out = []
    for months, amount in month_values:
        share, rest = divmod(amount, len(months))
        for i, month in enumerate(months):
            values = dict(rec.values)
            values["month"] = month
            values[measure] = share + (rest if i == len(months) - 1 else 0)
            out.append(Record(rec.row, values, list(rec.errors) if not out else [], rec.level))
    if not out:
        out.append(rec)
    return out


_WBS_OK = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")


def assign_wbs(records: list[Record]) -> str | None:
    """Give every task record a WBS code: cleaned from the file, or derived from indentation/order."""
    have = [r for r in records if r.values.get("wbs")]
    if have and len(have) == len(records):
        for rec in records:
            rec.values["wbs"] = str(rec.values["wbs"]).strip().rstrip(".")
            # '1.0' style top levels ('1.0', '2.0') are level-1 codes
            if re.fullmatch(r"\d+\.0", rec.values["wbs"]):
                rec.values["wbs"] = rec.values["wbs"][:-2]
        return None
    counters: list[int] = []
    ranks = {v: i for i, v in enumerate(sorted({r.level for r in records}))}
    for rec in records:
        level = ranks[rec.level]
        level = min(level, len(counters))  # never jump more than one level deeper
        counters = counters[: level + 1]
        if len(counters) <= level:
            counters.append(0)
        counters[level] += 1
        rec.values["wbs"] = ".".join(map(str, counters))
    indented = len(ranks) > 1
    return ("WBS numbers derived from the indentation of the names" if indented
            else "no WBS column: tasks numbered 1, 2, 3 ... in file order")


_TYPED_REF = re.compile(r"^([A-Za-z]+)[-_ ]?\d")


def infer_raid_type(ref: str | None, context_name: str) -> str | None:
    if ref:
        m = _TYPED_REF.match(ref.strip())
        if m:
            prefix = m.group(1).lower()
            found = CHOICES["raid_type"].get(prefix) or {"dec": "Decision", "ris": "Risk", "iss": "Issue",
                                                         "dep": "Dependency", "ass": "Assumption"}.get(prefix[:3])
            if found:
                return found
    name = context_name.lower()
    for word, kind in (("risk", "Risk"), ("issue", "Issue"), ("assumption", "Assumption"),
                       ("dependenc", "Dependency"), ("decision", "Decision")):
        if word in name:
            return kind
    return None
