"""Previewing and applying returned status-report workbooks: one batch per workbook.

`preview_returns()` reads every workbook and compares it with the portfolio without writing: each one
is ready (with what would change, field: old -> new), unchanged, refused (one line why) or superseded
(a later workbook for the same project is in the same lot). `apply_returns()` writes each ready one as
its own change-log batch (undoable, synced like any edit) and records where the report came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmo_desktop.collect import layout as L
from pmo_desktop.collect import marker as M
from pmo_desktop.collect.requests import CollectError, latest_round
from pmo_desktop.collect.returned import ReturnedWorkbook, ReturnRefused, read_returned
from pmo_desktop.collect.workbook import budget_key
from pmo_desktop.domain.enums import RaidType, Source
from pmo_desktop.store import Portfolio, status_reports
from pmo_desktop.store.id_lists import in_list, json_list

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
SOURCE_FIELDS = ("returned_file", "returned_by", "returned_at")
RAID_FIELDS = ("title", "description", "owner", "status", "probability", "impact", "due_date", "response")
MILESTONE_FIELDS = ("finish_date", "actual_finish", "percent_complete")
FIELD_NAMES = {f: label for label, f in L.REPORT_LABELS} | {
    f: title for cols in (L.RAID_COLUMNS, L.MILESTONE_COLUMNS, L.FORECAST_COLUMNS) for title, f, _e, _n in cols} | {
    "returned_file": "Returned file", "returned_by": "Returned by", "returned_at": "Saved by the PM"}


@dataclass
class Change:
    table: str  # "report", "raid", "milestone", "budget"
    key: str  # ref, milestone name, budget line
    action: str  # "new" or "changed"
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field: (old, new)
    row_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)  # a new row's values

    def text(self) -> str:
        what = "; ".join(f"{FIELD_NAMES.get(f, f)}: {show_value(o)} -> {show_value(n)}" for f, (o, n) in self.fields.items())
        return f"{self.table} {self.key} {self.action}" + (f": {what}" if what else "")


def show_value(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    text = str(value).replace("\n", " / ")
    return repr(text[:60] + ("…" if len(text) > 60 else ""))


@dataclass
class ReturnPlan:
    path: Path
    status: str  # "ready", "unchanged", "refused", "superseded", then "applied"
    reason: str | None = None  # the one line for refused and superseded
    project_id: int | None = None
    code: str | None = None
    name: str | None = None
    period: str | None = None
    returned_by: str | None = None
    saved_at: str | None = None
    report_exists: bool = False
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    batch_id: int | None = None

    @property
    def file(self) -> str:
        return self.path.name

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "status": self.status, "reason": self.reason, "project": self.code,
                "project_name": self.name, "period": self.period, "returned_by": self.returned_by,
                "saved_at": self.saved_at, "overwrites_report": self.report_exists,
                "changes": [c.text() for c in self.changes], "problems": self.problems, "notes": self.notes,
                "batch": self.batch_id}


@dataclass
class ReturnsPreview:
    period: str
    plans: list[ReturnPlan]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(("ready", "unchanged", "refused", "superseded", "applied"), 0)
        for p in self.plans:
            out[p.status] = out.get(p.status, 0) + 1
        return out


def workbook_paths(items: list[Path]) -> list[Path]:
    """The workbooks named or found in the folders named (not in sub-folders); Excel's ~$ lock files
    and hidden files are left out. CollectError for a name that is not there."""
    out: list[Path] = []
    for item in items:
        item = Path(item)
        if item.is_dir():
            out += sorted(p for p in item.iterdir() if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
                          and not p.name.startswith(("~$", ".")))
        elif item.exists():
            out.append(item)
        else:
            raise CollectError(f"{item} does not exist")
    seen, unique = set(), []
    for p in out:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            unique.append(p)
    return unique


def default_period(pf: Portfolio) -> str:
    return latest_round(pf) or status_reports.current_period(pf)


def preview_returns(pf: Portfolio, paths: list[Path], period: str | None = None, *,
                    progress: Progress | None = None, cancelled: CancelCheck | None = None) -> ReturnsPreview:
    period = period or default_period(pf)
    settings = pf.settings()
    keys = M.portfolio_keys(settings)
    day_first = settings.get("date_order", "day-first") == "day-first"
    minor = 1 if settings.get("currency") == "JPY" else 100
    projects = {code: (pid, name, manager) for pid, code, name, manager in
                pf.conn.execute("SELECT id, code, name, manager FROM projects")}
    plans = []
    for i, path in enumerate(paths):
        if cancelled is not None and cancelled():
            raise CollectError("cancelled; nothing was changed")
        plans.append(_plan_one(pf, Path(path), period, keys, projects, day_first, minor))
        if progress is not None:
            progress(i + 1, len(paths))
    _supersede(plans)
    return ReturnsPreview(period, plans)


def _plan_one(pf, path: Path, period: str, keys, projects, day_first: bool, minor: int) -> ReturnPlan:
    try:
        wb = read_returned(path, keys, day_first=day_first, minor=minor)
    except ReturnRefused as exc:
        return ReturnPlan(path, "refused", str(exc))
    plan = ReturnPlan(path, "ready", code=wb.marker.project, period=wb.marker.period, saved_at=wb.saved_at,
                      notes=list(wb.notes))
    if wb.marker.period != period:
        plan.status, plan.reason = "refused", (
            f"{path.name}: it is for the period ending {wb.marker.period}, not {period}")
        return plan
    if wb.marker.project not in projects:
        plan.status, plan.reason = "refused", (
            f"{path.name}: project {wb.marker.project} is no longer in the portfolio")
        return plan
    plan.project_id, plan.name, manager = projects[wb.marker.project]
    plan.returned_by = wb.report.get("author") or manager
    plan.problems = list(wb.problems)
    _report_changes(pf, wb, plan)
    if "raid" in wb.marker.keys and L.RAID_SHEET in wb.tables_found:
        _raid_changes(pf, wb, plan)
    if L.MILESTONE_SHEET in wb.tables_found:
        _milestone_changes(pf, wb, plan)
    if L.FORECAST_SHEET in wb.tables_found:
        _budget_changes(pf, wb, plan)
    if plan.problems:
        more = f" (and {len(plan.problems) - 1} more)" if len(plan.problems) > 1 else ""
        plan.status, plan.reason = "refused", f"{path.name}: {plan.problems[0]}{more}"
    elif not plan.changes:
        plan.status = "unchanged"
    return plan


def _supersede(plans: list[ReturnPlan]) -> None:
    """Two workbooks for one project: the one saved last is taken."""
    latest: dict[str, ReturnPlan] = {}
    for p in plans:
        if p.status in ("ready", "unchanged") and p.code:
            best = latest.get(p.code)
            if best is None or (p.saved_at or "") > (best.saved_at or ""):
                latest[p.code] = p
    for p in plans:
        if p.status in ("ready", "unchanged") and p.code and latest[p.code] is not p:
            p.status = "superseded"
            p.reason = f"{p.file}: a later workbook for {p.code} is in this lot ({latest[p.code].file})"


def _report_changes(pf, wb: ReturnedWorkbook, plan: ReturnPlan) -> None:
    existing = status_reports.report(pf, plan.project_id, plan.period)
    source = pf.conn.execute(
        f"SELECT {', '.join(SOURCE_FIELDS)} FROM status_reports WHERE project_id = ? AND period = ?",
        (plan.project_id, plan.period)).fetchone()
    plan.report_exists = existing is not None
    new = dict(wb.report)
    unreadable = any("(Overall RAG)" in p for p in plan.problems)
    if not new.get("rag_overall") and not unreadable and not (existing and "rag_overall" not in new):
        plan.problems.append("the Overall RAG is empty (choose Red, Amber, Green, Complete or Not reported)")
    new["author"] = plan.returned_by
    new.update(returned_file=plan.file, returned_by=plan.returned_by, returned_at=plan.saved_at)
    old = dict(existing or {})
    old.update(zip(SOURCE_FIELDS, source or (None,) * len(SOURCE_FIELDS), strict=True))
    fields = {f: (old.get(f), v) for f, v in new.items() if old.get(f) != v}
    if fields:
        plan.changes.append(Change("report", plan.period, "changed" if existing else "new", fields,
                                   row_id=existing["id"] if existing else None, values=new))


def _raid_changes(pf, wb: ReturnedWorkbook, plan: ReturnPlan) -> None:
    sent = set(wb.marker.keys.get("raid", []))
    cols = ("id", "ref", "project_id", *RAID_FIELDS)
    current = {r[1]: dict(zip(cols, r, strict=True)) for r in pf.conn.execute(
        f"SELECT {', '.join(cols)} FROM raid_items WHERE {in_list('ref')}", [json_list(sent)])}
    seen = set()
    for row in wb.raid:
        if row.key is None:
            v = row.values
            if not v.get("title") or not v.get("type"):
                plan.problems.append(f"RAID row {row.row}: a new item needs a Type and a Title")
                continue
            values = {f: v.get(f) for f in ("type", *RAID_FIELDS)}
            values["status"] = values["status"] or "Open"
            plan.changes.append(Change("raid", f"new {v['type'].lower()} '{v['title'][:40]}'", "new", values=values))
            continue
        if row.key not in sent:
            plan.problems.append(f"RAID row {row.row}: {row.key} was not in the workbook sent "
                                 "(leave Ref empty for a new item)")
            continue
        seen.add(row.key)
        item = current.get(row.key)
        if item is None or item["project_id"] != plan.project_id:
            plan.notes.append(f"{row.key} is no longer in this project's RAID log: its row was left out")
            continue
        if "title" in row.values and not row.values["title"]:
            plan.problems.append(f"RAID row {row.row}: {row.key} needs a Title")
            continue
        fields = {f: (item[f], row.values[f]) for f in RAID_FIELDS if f in row.values and item[f] != row.values[f]}
        if fields:
            plan.changes.append(Change("raid", row.key, "changed", fields, row_id=item["id"]))
    for ref in sorted(sent - seen):
        plan.notes.append(f"{ref} was deleted from the workbook: left as it is (set its Status to Closed to close it)")


def _milestone_changes(pf, wb: ReturnedWorkbook, plan: ReturnPlan) -> None:
    sent = set(wb.marker.keys.get("milestones", []))
    cols = ("id", "project_id", "name", *MILESTONE_FIELDS)
    current = {str(r[0]): dict(zip(cols, r, strict=True)) for r in pf.conn.execute(
        f"SELECT {', '.join(cols)} FROM tasks WHERE kind = 'milestone' AND project_id = ?", (plan.project_id,))}
    for row in wb.milestones:
        if row.key is None:
            if not row.values.get("name"):
                plan.problems.append(f"Milestones row {row.row}: a new milestone needs a name")
                continue
            values = {f: row.values.get(f) for f in ("name", *MILESTONE_FIELDS)}
            plan.changes.append(Change("milestone", f"'{values['name'][:40]}'", "new", values=values))
            continue
        if row.key not in sent:
            plan.problems.append(f"Milestones row {row.row}: No. {row.key} was not in the workbook sent "
                                 "(leave No. empty for a new milestone)")
            continue
        item = current.get(row.key)
        if item is None:
            plan.notes.append(f"milestone No. {row.key} is no longer in the plan: its row was left out")
            continue
        fields = {f: (item[f], row.values[f]) for f in MILESTONE_FIELDS
                  if f in row.values and not _same(item[f], row.values[f])}
        if fields:
            plan.changes.append(Change("milestone", f"'{item['name'][:40]}'", "changed", fields, row_id=item["id"]))


def _same(a, b) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) < 1e-6
    return a == b


def _budget_changes(pf, wb: ReturnedWorkbook, plan: ReturnPlan) -> None:
    sent = set(wb.marker.keys.get("budget", []))
    current = {budget_key(c, t, m): (i, f) for i, c, t, m, f in pf.conn.execute(
        "SELECT id, category, spend_type, month, forecast FROM budget_lines WHERE project_id = ?", (plan.project_id,))}
    for row in wb.budget:
        if row.key not in sent:
            plan.problems.append(f"Forecast row {row.row}: that budget line and month were not in the workbook sent")
            continue
        if row.key not in current or "forecast" not in row.values:
            continue
        row_id, old = current[row.key]
        new = row.values["forecast"]
        if old != new:
            label = f"{row.values['category']} {row.values['spend_type']} {row.values['month'][:7]}"
            plan.changes.append(Change("budget", label, "changed", {"forecast": (old, new)}, row_id=row_id))


# -- applying --------------------------------------------------------------------------------------


def apply_returns(pf: Portfolio, preview: ReturnsPreview, *, source: Source | str = Source.IMPORT) -> list[int]:
    """Write every ready workbook as its own batch; returns the batch ids in order."""
    batches = []
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for plan in preview.plans:
        if plan.status != "ready":
            continue
        with pf.batch(source, f"Returned status report {plan.code} {plan.period} ({plan.file})") as batch_id:
            for change in plan.changes:
                _APPLY[change.table](pf, plan, change, now)
        plan.status, plan.batch_id = "applied", batch_id
        batches.append(batch_id)
    return batches


def _apply_report(pf, plan: ReturnPlan, change: Change, now: str) -> None:
    values = dict(change.values, imported_at=now)
    cols = list(values)
    if change.row_id is not None:
        pf.conn.execute(f"UPDATE status_reports SET {', '.join(f'{c} = ?' for c in cols)}, "
                        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                        [*values.values(), change.row_id])
    else:
        pf.conn.execute(f"INSERT INTO status_reports (project_id, period, {', '.join(cols)}) "
                        f"VALUES (?, ?, {', '.join('?' for _ in cols)})", [plan.project_id, plan.period, *values.values()])


def _apply_raid(pf, plan: ReturnPlan, change: Change, now: str) -> None:
    if change.action == "changed":
        values = {f: new for f, (_old, new) in change.fields.items()}
        if values.get("status") == "Closed":
            values["closed_date"] = (plan.saved_at or now)[:10]
        elif "status" in values:
            values["closed_date"] = None
        _update(pf, "raid_items", change.row_id, values)
        return
    values = dict(change.values)
    values["ref"] = _next_ref(pf, RaidType(values["type"]).ref_prefix)
    values.update(project_id=plan.project_id, raised_date=(plan.saved_at or now)[:10])
    if values["status"] == "Closed":
        values["closed_date"] = values["raised_date"]
    cols = list(values)
    pf.conn.execute(f"INSERT INTO raid_items ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                    list(values.values()))
    change.key = values["ref"]


def _next_ref(pf, prefix: str) -> str:
    numbers = [int(m.group(1)) for (ref,) in pf.conn.execute("SELECT ref FROM raid_items WHERE ref LIKE ?", (f"{prefix}-%",))
               if (m := re.fullmatch(rf"{re.escape(prefix)}-(\d+)", ref))]
    return f"{prefix}-{max(numbers, default=0) + 1:03d}"


def _apply_milestone(pf, plan: ReturnPlan, change: Change, now: str) -> None:
    if change.action == "changed":
        _update(pf, "tasks", change.row_id, {f: new for f, (_old, new) in change.fields.items()})
        return
    v = change.values
    order = pf.conn.execute("SELECT coalesce(max(sort_order), 0) + 1 FROM tasks WHERE project_id = ?",
                            (plan.project_id,)).fetchone()[0]
    pf.conn.execute(
        """INSERT INTO tasks (project_id, name, kind, start_date, finish_date, actual_finish, percent_complete,
           duration_days, sort_order) VALUES (?, ?, 'milestone', ?, ?, ?, ?, 0, ?)""",
        (plan.project_id, v["name"], v.get("finish_date"), v.get("finish_date"), v.get("actual_finish"),
         v.get("percent_complete"), order))


def _apply_budget(pf, plan: ReturnPlan, change: Change, now: str) -> None:
    _update(pf, "budget_lines", change.row_id, {"forecast": change.fields["forecast"][1]})


def _update(pf, table: str, row_id: int, values: dict[str, Any]) -> None:
    pf.conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in values)}, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", [*values.values(), row_id])


_APPLY = {"report": _apply_report, "raid": _apply_raid, "milestone": _apply_milestone, "budget": _apply_budget}
