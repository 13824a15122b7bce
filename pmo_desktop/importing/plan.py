"""The preview: what importing a table would do to the portfolio, row by row, before anything is written.

Each source row becomes new / changed (with the changed fields) / unchanged / error (with row, column,
value and reason). Rows match existing data on human keys: project code, RAID ref, (project, WBS) for
tasks, (project, period) for status reports, (project, category, CAPEX/OPEX, month) for budget lines.
A key that appears twice in the file is an error on the second row.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from pmo_desktop.domain.rules import RULE_COLUMNS, row_problem
from pmo_desktop.importing import answers
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.convert import Context
from pmo_desktop.importing.header import Table
from pmo_desktop.importing.mapping import Mapping
from pmo_desktop.importing.records import (
    MISSING_PROJECT,
    CellError,
    Record,
    build_records,
    decide_context,
    infer_raid_type,
)
from pmo_desktop.store.changelog import table_columns
from pmo_desktop.store.value_lists import value_lists

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"


@dataclass(slots=True)
class RowResult:
    row: int
    action: str
    key: str
    values: dict[str, Any] = field(default_factory=dict)  # database columns to write
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    target_id: int | None = None
    links: list[tuple[str, str, int]] | None = None  # tasks: (predecessor WBS, type, lag)
    refs: dict[str, str] = field(default_factory=dict)  # names to resolve at apply: programme, project

    def as_dict(self) -> dict:
        out: dict[str, Any] = {"row": self.row, "action": self.action, "key": self.key}
        if self.changes:
            out["changes"] = {f: {"old": o, "new": n} for f, (o, n) in self.changes.items()}
        if self.errors:
            out["errors"] = [e.as_dict() for e in self.errors]
        return out


@dataclass
class SheetPlan:
    sheet: str
    kind: str
    header_row: int
    mapping: dict[str, str]
    rows: list[RowResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    project_id: int | None = None
    unknown: list = field(default_factory=list)  # answers.Unknown: values to answer once each
    missing: list = field(default_factory=list)  # answers.Missing: project codes the portfolio lacks
    create_projects: dict[str, str] = field(default_factory=dict)  # code -> name, created before the rows
    add_values: dict[str, list[str]] = field(default_factory=dict)  # vocabulary -> words added to its list

    def counts(self) -> dict[str, int]:
        out = {NEW: 0, CHANGED: 0, UNCHANGED: 0, ERROR: 0}
        for row in self.rows:
            out[row.action] += 1
        return out

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "kind": self.kind, "header_row": self.header_row, "mapping": self.mapping,
                "counts": self.counts(), "ignored_columns": self.ignored_columns, "notes": self.notes,
                "unknown_values": [u.as_dict() for u in self.unknown],
                "missing_projects": [m.as_dict() for m in self.missing],
                "create_projects": self.create_projects, "add_values": self.add_values,
                "rows": [r.as_dict() for r in self.rows]}


@dataclass
class ImportPlan:
    file: str
    sheets: list[SheetPlan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        total = {NEW: 0, CHANGED: 0, UNCHANGED: 0, ERROR: 0}
        for s in self.sheets:
            for key, n in s.counts().items():
                total[key] += n
        return total

    @property
    def errors(self) -> list[CellError]:
        return [e for s in self.sheets for r in s.rows for e in r.errors]

    def as_dict(self) -> dict:
        return {"file": self.file, "counts": self.counts(), "warnings": self.warnings,
                "skipped_sheets": self.skipped_sheets, "sheets": [s.as_dict() for s in self.sheets]}


class _Lookup:
    """What the portfolio already holds, loaded once per plan."""

    def __init__(self, pf):
        conn = pf.conn
        self.conn = conn
        self.project_ids = {code: pid for pid, code in conn.execute("SELECT id, code FROM projects")}
        self.project_codes = {pid: code for code, pid in self.project_ids.items()}
        self.programmes = {pid: name for pid, name in conn.execute("SELECT id, name FROM programmes")}
        self.pending_projects: set[str] = set()
        self.lists = value_lists(conn)
        self._folded: dict[str, int] | None = None
        self._seen: dict[str, dict[str, tuple[str, int]]] = {}

    def seen(self, kind: str) -> dict[str, tuple[str, int]]:
        """Keys already planned by this import, per kind, across all its sheets: key -> (sheet, row)."""
        return self._seen.setdefault(kind, {})

    def project(self, code: str) -> int | str | None:
        """An existing project's id, the code itself when the same import creates it, or None."""
        if code in self.project_ids:
            return self.project_ids[code]
        if self._folded is None:
            self._folded = {c.casefold(): i for c, i in self.project_ids.items()}
        if code.casefold() in self._folded:
            return self._folded[code.casefold()]
        return code if code in self.pending_projects else None


def _rows(conn, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def plan_table(pf, table: Table, mapping: Mapping, *, project: str | None = None, base: Context | None = None,
               lookup: _Lookup | None = None) -> SheetPlan:
    """The preview of one table imported as `mapping.kind`."""
    kind = k.kind_named(mapping.kind)
    lookup = lookup or _Lookup(pf)
    _RULED[kind.table] = not RULE_COLUMNS.isdisjoint(table_columns(lookup.conn, kind.table))
    base = base or context_for(pf)
    ctx, ctx_notes = decide_context(table, mapping, kind,
                                    answers.context_for_mapping(base, mapping, kind, lookup.lists))
    records, notes = build_records(table, mapping, kind, ctx)
    plan = SheetPlan(table.sheet.name, kind.name, table.header_row_number, mapping.describe(table),
                     notes=[*table.notes, *mapping.notes, *ctx_notes, *notes], ignored_columns=list(mapping.ignored))
    if table.sheet.hidden:
        plan.notes.append(f"sheet '{table.sheet.name}' is hidden in the workbook; it was read like the others")
    if table.sheet.uncached_formulas:
        refs = table.sheet.uncached_formulas
        plan.notes.append(f"{len(refs)} formula cell(s) were saved without a calculated value and read as blank "
                          f"({', '.join(refs[:5])}{' ...' if len(refs) > 5 else ''}); open and save the file in "
                          "Excel to keep their results")
    hidden = sorted(c.header for c in table.columns if c.index in table.sheet.hidden_cols
                    and any(c.index in cols for cols in mapping.columns.values()))
    if hidden:
        plan.notes.append(f"hidden column(s) imported: {', '.join(hidden)}")
    default_project = None
    if project is not None:
        default_project = lookup.project(project)
        if default_project is None:
            plan.notes.append(f"--project {project}: no such project in the portfolio")
    records, names = answers.resolve_projects(plan, records, mapping, lookup)
    planner = _PLANNERS[kind.name]
    planner(plan, records, lookup, default_project, project, table, mapping)
    plan.unknown = answers.group_unknown(plan, kind, lookup.lists)
    plan.missing = answers.group_missing(plan, names)
    plan.add_values = answers.additions(mapping, kind, lookup.lists)
    for vocab, words in plan.add_values.items():
        plan.notes.append(f"added to the {vocab.replace('_', ' ')} list: {', '.join(words)}")
    if plan.create_projects:
        plan.notes.append(f"{len(plan.create_projects)} project(s) created: {', '.join(plan.create_projects)}")
    return plan


def context_for(pf) -> Context:
    s = pf.settings()
    minor = 1 if s.get("currency") in ("JPY",) else 100
    order = s.get("date_order") or "day-first"
    if s.get("date_format") in ("dmy", "mdy"):  # the analyst's chosen date format says the order too
        order = "month-first" if s["date_format"] == "mdy" else "day-first"
    return Context(date_order=order, minor_units=minor,
                   fy_start_month=int(s.get("fy_start_month") or 4), currency=s.get("currency"))


def _project_of(rec: Record, lookup: _Lookup, default, default_code, headers: dict, mapping: Mapping,
                field_name: str = "project", required: bool = True):
    code = rec.values.get(field_name)
    if code is None:
        if default is not None and field_name == "project":
            return default, default_code
        if required and default_code is not None and field_name == "project":
            rec.errors.append(CellError(rec.row, "", default_code, f"project '{default_code}' (from --project) "
                                                                   "is not in the portfolio"))
        elif required:
            rec.errors.append(CellError(rec.row, "", "", "no project: add a project code column or pass "
                                                         "--project CODE"))
        return None, None
    found = lookup.project(str(code))
    if found is None:
        rec.errors.append(CellError(rec.row, headers.get(field_name, ""), str(code),
                                    f"project '{code}' is not in the portfolio", field_name, MISSING_PROJECT))
    return found, code


def _headers(table: Table, mapping: Mapping) -> dict[str, str]:
    by_index = {c.index: c.header for c in table.columns}
    return {f: by_index.get(cols[0], "") for f, cols in mapping.columns.items()}


# table -> whether it has any column row_problem looks at (filled by plan_table from the portfolio)
_RULED: dict[str, bool] = {}


@functools.cache
def _table_of(kind: str) -> str:
    return k.kind_named(kind).table


def _finish(plan: SheetPlan, rec: Record, key: str, values: dict, existing: dict | None, seen: dict,
            compare: dict | None = None) -> RowResult:
    """Turn a prepared record into a RowResult: error, duplicate, new, changed or unchanged."""
    result = RowResult(rec.row, ERROR, key, values)
    table = _table_of(plan.kind)
    if rec.errors or not _RULED.get(table, True):
        problem = None  # (a table with none of the columns the rules look at: most rows of most registers)
    else:
        problem = row_problem(table, {**existing, **values} if existing else values)
    if rec.errors:
        result.errors = rec.errors
    elif problem:
        result.errors = [CellError(rec.row, "", key, problem)]
    elif key in seen:
        sheet, row = seen[key]
        where = f"row {row}" if sheet == plan.sheet else f"sheet '{sheet}' row {row}"
        result.errors = [CellError(rec.row, "", key, f"duplicate key '{key}' (also on {where})")]
    elif existing is None:
        result.action = NEW
    else:
        result.target_id = existing["id"]
        current = compare if compare is not None else existing
        for col, new in values.items():
            old = current.get(col)
            if old != new and not (isinstance(old, float | int) and isinstance(new, float | int) and
                                   float(old) == float(new)):
                result.changes[col] = (old, new)
        result.action = CHANGED if result.changes else UNCHANGED
    seen.setdefault(key, (plan.sheet, rec.row))
    plan.rows.append(result)
    return result


# -- per kind --------------------------------------------------------------------------------------


def _plan_projects(plan, records, lookup, default, default_code, table, mapping):
    existing = {r["code"]: r for r in _rows(lookup.conn, "SELECT * FROM projects")}
    headers = _headers(table, mapping)
    seen = lookup.seen(plan.kind)
    known_programmes = set(lookup.programmes.values())
    new_programmes: dict[str, int] = {}
    for rec in records:
        values = dict(rec.values)
        code = values.pop("code", None)
        if not code:
            rec.errors.append(CellError(rec.row, headers.get("code", ""), "", "the project code is missing"))
        programme = values.pop("programme", None)
        values["code"] = code
        current = existing.get(code) if code else None
        if current is None and not values.get("name") and not rec.errors:
            rec.errors.append(CellError(rec.row, headers.get("name", ""), "", "a new project needs a name"))
        compare = None
        if programme is not None:
            values["programme"] = programme
            if current is not None:
                compare = dict(current, programme=lookup.programmes.get(current["programme_id"]))
        result = _finish(plan, rec, code or f"row {rec.row}", values, current, seen, compare)
        if result.action == NEW:
            lookup.pending_projects.add(code)
        if programme is not None and result.action != ERROR and programme not in known_programmes:
            new_programmes[programme] = new_programmes.get(programme, 0) + 1
    for name, n in new_programmes.items():
        plan.notes.append(f"programme '{name}' ({n} project(s)) is created; --value 'programme:{name}=NAME' puts "
                          f"them in an existing one, --value 'programme:{name}=' in none")


_NUMBER_REF = re.compile(r"\d+(\.0)?")
_PREFIX = {"Risk": "R", "Assumption": "A", "Issue": "I", "Dependency": "D", "Decision": "DEC"}


def _plan_raid(plan, records, lookup, default, default_code, table, mapping):
    existing = {r["ref"]: r for r in _rows(lookup.conn, "SELECT * FROM raid_items")}
    by_title: dict[tuple, str] = {}
    for r in existing.values():
        by_title.setdefault((r["project_id"], (r["title"] or "").strip().casefold()), r["ref"])
    headers = _headers(table, mapping)
    seen = lookup.seen(plan.kind)
    context_name = f"{table.sheet.name}"
    counters: dict[str, int] = {}
    for ref in [*existing, *seen]:
        m = re.match(r"^([A-Z]+)-(\d+)$", ref)
        if m:
            counters[m.group(1)] = max(counters.get(m.group(1), 0), int(m.group(2)))
    generated = numbered = matched = 0
    has_project = "project" in mapping.columns
    if "type" not in mapping.columns and "probability" in mapping.columns:
        context_name = "risk"  # only risks carry a probability
        plan.notes.append("no type column, but a probability column: items without a typed ref are Risks")
    elif "type" not in mapping.columns and infer_raid_type(None, context_name) is None:
        plan.notes.append("no type column and the sheet name does not say: items without a typed ref "
                          "(R-, I-, A-, D-) are imported as Issues")
    for rec in records:
        v = dict(rec.values)
        ref = v.pop("ref", None)
        kind = v.get("type") or infer_raid_type(ref, context_name)
        if kind is None:
            kind = "Issue" if "type" not in mapping.columns else None
            if kind is None:
                rec.errors.append(CellError(rec.row, headers.get("type", ""), "", "the RAID type is missing "
                                            "(Risk, Assumption, Issue, Dependency or Decision)"))
        v["type"] = kind
        pid = None
        if has_project or default is not None:
            pid, _ = _project_of(rec, lookup, default, default_code, headers, mapping, required=False)
        if ref and ref[0].isdigit() and _NUMBER_REF.fullmatch(ref) and kind:
            ref = str(int(float(ref))) if mapping.number_keys == "keep" else f"{_PREFIX[kind]}-{int(float(ref)):03d}"
            numbered += 1
        if not ref:
            description = (v.get("description") or "").strip()
            title = v.get("title") or (description.splitlines()[0][:100] if description else "")
            found = by_title.get((pid if isinstance(pid, int) else None, title.strip().casefold())) if title else None
            if found and found not in seen:
                ref = found  # the same item, imported before from a file with no refs
                matched += 1
        if not ref and kind:
            prefix = _PREFIX[kind]
            counters[prefix] = counters.get(prefix, 0) + 1
            ref = f"{prefix}-{counters[prefix]:03d}"
            generated += 1
        v["ref"] = ref
        if "type" not in mapping.columns and ref in existing:
            v.pop("type")  # a guessed type never overrides the one the item already has
        action = v.pop("action", None)
        if action:
            v["description"] = (f"{v['description']}\n\nAction: {action}" if v.get("description")
                                else f"Action: {action}")
        if not v.get("title"):
            if v.get("description"):
                v["title"] = v["description"].splitlines()[0][:100]
            elif ref not in existing:
                rec.errors.append(CellError(rec.row, headers.get("title", ""), "", "the item has no title"))
        v.pop("project", None)
        if pid is not None or "project" in mapping.columns or default is not None:
            v["project_id"] = pid
        rel = v.pop("related_project", None)
        if rel is not None:
            rec.values["related_project"] = rel
            v["related_project_id"], _ = _project_of(rec, lookup, None, None, headers, mapping,
                                                     "related_project", required=False)
        result = _finish(plan, rec, ref or f"row {rec.row}", v, existing.get(ref), seen)
        if lookup.pending_projects:  # (only a project this import creates is named by its code)
            _resolve_pending(result, ("project_id", "related_project_id"))
    if numbered:
        plan.notes.append(f"{numbered} plain number ref(s) " + ("kept as they are" if mapping.number_keys == "keep"
                          else "given their type's prefix (1 -> R-001, I-001 ...)"))
    if matched:
        plan.notes.append(f"{matched} item(s) with no ref matched items already in the portfolio by project and "
                          "title")
    if generated:
        plan.notes.append(f"{generated} item(s) had no ref; refs were generated (importing the file again "
                          "matches them by project and title)")


def _resolve_pending(result: RowResult, cols) -> None:
    """Projects created by the same import are referred to by code until apply knows their ids."""
    for col in cols:
        value = result.values.get(col)
        if value.__class__ is str:
            result.refs[col] = value
            result.values[col] = None
            if result.action == UNCHANGED:
                result.action = CHANGED


def _plan_status(plan, records, lookup, default, default_code, table, mapping):
    headers = _headers(table, mapping)
    existing = {(r["project_id"], r["period"]): r for r in _rows(lookup.conn, "SELECT * FROM status_reports")}
    seen = lookup.seen(plan.kind)
    for rec in records:
        v = dict(rec.values)
        pid, code = _project_of(rec, lookup, default, default_code, headers, mapping)
        v.pop("project", None)
        if not v.get("period") and not any(e.column == headers.get("period") for e in rec.errors):
            rec.errors.append(CellError(rec.row, headers.get("period", ""), "", "the reporting period is missing"))
        v["project_id"] = pid
        result = _finish(plan, rec, f"{code} {v.get('period')}", v, existing.get((pid, v.get("period"))), seen)
        _resolve_pending(result, ("project_id",))


def _plan_budget(plan, records, lookup, default, default_code, table, mapping):
    headers = _headers(table, mapping)
    existing = {(r["project_id"], r["category"], r["spend_type"], r["month"]): r
                for r in _rows(lookup.conn, "SELECT * FROM budget_lines")}
    defaults_used = set()
    merged: dict[tuple, RowResult] = {}
    seen = lookup.seen(plan.kind)
    for rec in records:
        v = dict(rec.values)
        pid, code = _project_of(rec, lookup, default, default_code, headers, mapping)
        v.pop("project", None)
        v.pop("measure", None)
        for name, fallback in (("category", "Other"), ("spend_type", "OPEX")):
            if not v.get(name):
                v[name] = fallback
                defaults_used.add(f"{name.replace('_', ' ')} {fallback}")
        if v.get("month"):
            v["month"] = v["month"][:8] + "01"
        elif not rec.errors:
            rec.errors.append(CellError(rec.row, headers.get("month", ""), "", "the month is missing"))
        v["project_id"] = pid
        key = (pid, v["category"], v["spend_type"], v.get("month"))
        label = f"{code} {v['category']} {v['spend_type']} {v.get('month')}"
        prior = merged.get(key)
        amounts = {m for m in ("planned", "actual", "forecast") if m in v}
        if prior is not None and not rec.errors and not (amounts & {m for m in prior.values if m in
                                                                     ("planned", "actual", "forecast")}):
            prior.values.update({m: v[m] for m in amounts})  # a plan row and an actual row of one line
            _refresh(prior, existing.get(key))
            continue
        if "planned" not in v and existing.get(key) is None:
            v["planned"] = 0
        result = _finish(plan, rec, label, v, existing.get(key), seen)
        _resolve_pending(result, ("project_id",))
        if result.action != ERROR:
            merged[key] = result
    if defaults_used:
        plan.notes.append("missing values defaulted: " + ", ".join(sorted(defaults_used)))


def _refresh(result: RowResult, existing: dict | None) -> None:
    if existing is None:
        return
    result.changes = {c: (existing.get(c), n) for c, n in result.values.items() if existing.get(c) != n}
    result.action = CHANGED if result.changes else UNCHANGED


def _plan_tasks(plan, records, lookup, default, default_code, table, mapping):
    from pmo_desktop.importing.plan_tasks import plan_tasks

    plan_tasks(plan, records, lookup, default, default_code, table, mapping)


_PLANNERS = {"projects": _plan_projects, "raid": _plan_raid, "status": _plan_status, "budget": _plan_budget,
             "tasks": _plan_tasks}
