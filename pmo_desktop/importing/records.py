"""From a detected table and a mapping to records: one dict of stored values per source row.

Value errors are collected per cell (row, column, value, reason), never raised. This step knows the
file only; matching against the portfolio is plan.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pmo_desktop.domain import parsing
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.convert import CHOICES, Context, UnknownValue, convert_value
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
    notes: list[str] = field(default_factory=list)


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
    """Converted records for every data row, and notes about what was done to get them."""
    notes: list[str] = []
    headers = {c.index: c.header for c in table.columns}
    fields = [(kind.field(name), cols) for name, cols in mapping.columns.items() if name in kind.field_names]
    fractions = {f.name: _fractions(table, cols[0]) for f, cols in fields if f.type == k.PERCENT}
    fills = table.sheet.fills
    indents = table.sheet.indents
    name_col = mapping.column("name")
    text_fields = {f.name for f, _ in fields if f.type == k.TEXT}
    identity = set(kind.key) | {f.name for f in kind.fields if f.required} | {"task_id"}
    records: list[Record] = []
    caches: dict[str, dict] = {f.name: {} for f, _ in fields}
    plain_text = {f.name for f, _ in fields if f.type == k.TEXT and f.name not in ctx.values}
    # (field, columns, one column?, RAG?, plain text?); a name's leading spaces give the outline level
    plan_fields = [(f, cols, len(cols) == 1, f.type == k.RAG, f.name in plain_text and f.name != "name")
                   for f, cols in fields]
    key_only = set(kind.key) | {"task_id"}
    continued = empty = inside_merge = 0
    key_cols = [mapping.columns[f][0] for f in kind.key if f in mapping.columns]
    merged = table._merged
    sheet_rows = table.sheet.rows
    for r in table.data_rows:
        if merged and key_cols and all((r, c) in merged for c in key_cols):
            inside_merge += 1  # a sub-row of a record whose key cell is merged over several rows
            continue
        rec = Record(r + 1)
        filled: set[str] = set()
        row = sheet_rows[r]
        width = len(row)
        for f, cols, single, is_rag, plain in plan_fields:
            col = cols[0]
            if single:  # the common case, without the loop over fallback columns
                raw = row[col] if col < width else None
                if merged:
                    raw = merged.get((r, col), raw)
                if raw.__class__ is str:
                    value = raw.strip()
                    if not value:
                        raw = None
                    elif plain and value[:1] != "'":  # plain text: what convert_value does, without the call
                        rec.values[f.name] = value
                        filled.add(f.name)
                        continue
            else:
                raw = None
                for c in cols:
                    v = row[c] if c < width else None
                    if merged:
                        v = merged.get((r, c), v)
                    if v is not None and not (isinstance(v, str) and not v.strip()):
                        raw, col = v, c
                        break
            fill = fills.get((r, col)) if is_rag and raw is None else None
            if raw is None and fill is None:
                continue
            try:
                if fill is None and raw.__class__ is str and plain:
                    value = raw.strip()  # plain text: what convert_value does, without the call
                    if value[:1] == "'":
                        value = convert_value(f, raw, ctx)
                elif fill is None:
                    cache = caches[f.name]
                    key = raw if raw.__class__ is str else (raw.__class__, raw)  # 1 and True differ
                    if key in cache:
                        value = cache[key]
                        if isinstance(value, Exception):
                            raise value
                    else:
                        try:
                            value = cache[key] = convert_value(f, raw, ctx, fractions=fractions.get(f.name))
                        except (ValueError, OverflowError, KeyError) as exc:
                            if len(cache) < 10_000:
                                cache[key] = exc
                            raise
                        if len(cache) > 10_000:
                            cache.clear()  # free text: caching it does not pay
                else:
                    value = convert_value(f, raw, ctx, fill=fill, fractions=fractions.get(f.name))
            except UnknownValue as exc:
                text = " ".join(str(raw).split())
                if len(text) <= 40:  # a value from a list; longer text is a sentence in the wrong place
                    rec.errors.append(CellError(r + 1, headers.get(col, ""), text, str(exc), f.name, UNKNOWN_VALUE))
                else:
                    rec.errors.append(CellError(r + 1, headers.get(col, ""), _display(raw), str(exc)))
                filled.add(f.name)
                continue
            except (ValueError, OverflowError, KeyError) as exc:
                rec.errors.append(CellError(r + 1, headers.get(col, ""), _display(raw), str(exc)))
                filled.add(f.name)
                continue
            if value is None or value == []:
                continue
            rec.values[f.name] = value
            filled.add(f.name)
            if f.name == "name" and isinstance(raw, str):
                spaces = len(raw) - len(raw.lstrip(" \u00a0\t"))
                rec.level = indents.get((r, col), 0) * 4 + spaces
        if name_col is not None and "name" not in filled and (r, name_col) in indents:
            rec.level = indents[(r, name_col)] * 4
        month_values = _month_cells(table, mapping, r, ctx, rec, headers) if mapping.month_columns else []
        if (not filled or (filled <= key_only and not rec.errors)) and not month_values:
            empty += 1  # nothing, or only a pre-numbered key in an unused template row
            continue
        if (records and filled.isdisjoint(identity) and filled <= text_fields and not month_values
                and not rec.errors):
            prev = records[-1]
            for name in filled:
                prev.values[name] = (str(prev.values.get(name) or "") + "\n" + str(rec.values[name])).strip()
            continued += 1
            continue
        if month_values:
            records.extend(_unpivot(rec, month_values, mapping))
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
