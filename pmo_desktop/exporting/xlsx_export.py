"""`pmo export FILE OUT.xlsx`: every register as a sheet that the importer reads straight back.

Headers are the importer's canonical names (kinds.py), dates are real dates, money is a number in
currency format, percentages are percentages, RAG cells carry their colour and letter. Text that a
spreadsheet would run as a formula (leading = + - @, tab, CR) is written with a leading apostrophe,
which the importer removes again. The workbook is written beside the target and moved into place, so a
failed export leaves no half-written file.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pmo_desktop.domain.cells import neutralise
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.plan_text import format_predecessors
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.benefit_sheets import export_rows as benefit_sheets
from pmo_desktop.scheduling.durations import duration_label
from pmo_desktop.scheduling.elapsed import is_elapsed
from pmo_desktop.store.files import write_atomically
from pmo_desktop.store.settings import CURRENCY_SYMBOLS

_HEADER_FILL = PatternFill("solid", fgColor="37474F")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADERS = {"rag_overall": "RAG", "rag_schedule": "Schedule RAG", "rag_cost": "Cost RAG", "rag_scope": "Scope RAG",
            "rag_resources": "Resources RAG", "start_date": "Start", "finish_date": "Finish",
            "percent_complete": "% Complete", "duration_days": "Duration", "spend_type": "CAPEX/OPEX",
            "raised_date": "Raised Date", "due_date": "Due Date", "closed_date": "Closed Date",
            "approved_budget": "Approved Budget", "wbs": "WBS", "ref": "Ref", "related_project": "Related Project",
            "next_steps": "Next Steps", "top_issues": "Top Issues", "decisions_needed": "Decisions Needed",
            "business_unit": "Business Unit", "strategic_theme": "Strategic Theme"}

# (sheet title, kind, fields, SQL giving the fields in order)
_SHEETS = [
    ("Projects", "projects",
     ["code", "name", "description", "programme", "sponsor", "manager", "business_unit", "strategic_theme", "stage",
      "status", "priority", "start_date", "finish_date", "baseline_start", "baseline_finish", "approved_budget",
      "percent_complete", "rag_overall", "rag_schedule", "rag_cost", "rag_scope", "rag_resources"],
     """SELECT p.code, p.name, p.description, g.name, p.sponsor, p.manager, p.business_unit, p.strategic_theme,
               p.stage, p.status, p.priority, p.start_date, p.finish_date, p.baseline_start, p.baseline_finish,
               p.approved_budget, p.percent_complete, p.rag_overall, p.rag_schedule, p.rag_cost, p.rag_scope,
               p.rag_resources
        FROM projects p LEFT JOIN programmes g ON g.id = p.programme_id ORDER BY p.code"""),
    ("Status reports", "status",
     ["project", "period", "rag_overall", "rag_schedule", "rag_cost", "rag_scope", "rag_resources", "summary",
      "achievements", "next_steps", "top_issues", "decisions_needed", "author"],
     """SELECT p.code, s.period, s.rag_overall, s.rag_schedule, s.rag_cost, s.rag_scope, s.rag_resources,
               s.summary, s.achievements, s.next_steps, s.top_issues, s.decisions_needed, s.author
        FROM status_reports s JOIN projects p ON p.id = s.project_id ORDER BY p.code, s.period"""),
    ("RAID log", "raid",
     ["ref", "type", "title", "description", "owner", "raised_date", "due_date", "closed_date", "status",
      "probability", "impact", "response", "escalated", "project", "related_project"],
     """SELECT r.ref, r.type, r.title, r.description, r.owner, r.raised_date, r.due_date, r.closed_date, r.status,
               r.probability, r.impact, r.response, r.escalated, p.code, q.code
        FROM raid_items r LEFT JOIN projects p ON p.id = r.project_id
        LEFT JOIN projects q ON q.id = r.related_project_id ORDER BY r.ref"""),
    ("Tasks", "tasks",
     ["project", "wbs", "name", "kind", "start_date", "finish_date", "duration_days", "baseline_start",
      "baseline_finish", "actual_start", "actual_finish", "percent_complete", "owner", "predecessors", "notes"],
     """SELECT p.code, t.wbs, t.name, t.kind, t.start_date, t.finish_date, t.duration_days, t.baseline_start,
               t.baseline_finish, t.actual_start, t.actual_finish, t.percent_complete, t.owner, t.id, t.notes,
               t.duration_minutes, t.duration_format
        FROM tasks t JOIN projects p ON p.id = t.project_id ORDER BY p.code, t.sort_order, t.id"""),
    ("Budget", "budget",
     ["project", "category", "spend_type", "month", "planned", "actual", "forecast"],
     """SELECT p.code, b.category, b.spend_type, b.month, b.planned, b.actual, b.forecast
        FROM budget_lines b JOIN projects p ON p.id = b.project_id
        ORDER BY p.code, b.category, b.spend_type, b.month"""),
]


def header_for(name: str, kind: k.Kind) -> str:
    if name in _HEADERS:
        return _HEADERS[name]
    return kind.field(name).synonyms[0].title() if name in kind.field_names else name.replace("_", " ").title()


def export_workbook(pf, target: str | os.PathLike) -> dict[str, int]:
    """Write the workbook; returns rows written per sheet."""
    target = Path(target)
    wb = Workbook(write_only=True)
    try:
        with pf.snapshot():  # every sheet from one state of the file, even while another program commits
            counts = _build(pf, wb)
        write_atomically(target, wb.save)
    except BaseException:
        _discard(wb)
        raise
    return counts


def _discard(wb: Workbook) -> None:
    """Close the sheets' half-written streams now, so a failed export says one line and nothing at exit."""
    for ws in wb.worksheets:
        for stream in (getattr(ws, "_rows", None), getattr(getattr(ws, "_writer", None), "xf", None)):
            if stream is not None:
                with contextlib.suppress(Exception):  # the stream's own complaint about its closed file
                    stream.close()


def _build(pf, wb: Workbook) -> dict[str, int]:
    settings = pf.settings()
    symbol = CURRENCY_SYMBOLS.get(settings.get("currency"), "").strip()
    money_format = f'"{symbol}"#,##0.00;-"{symbol}"#,##0.00' if symbol else "#,##0.00"
    minor = 1 if settings.get("currency") == "JPY" else 100
    links = _predecessors(pf)
    counts: dict[str, int] = {}
    for title, kind_name, fields, sql in _SHEETS:
        kind = k.KINDS[kind_name]
        headers = [header_for(f, kind) for f in fields]
        types = [kind.field(f).type if f in kind.field_names else k.TEXT for f in fields]
        rows = []
        for row in pf.conn.execute(sql):
            values = list(row)
            if kind_name == "tasks":
                values[13] = links.get(values[13], "")
                fmt, minutes = values.pop(), values.pop()
                if is_elapsed(fmt):  # as MS Project shows it: '3 edays', not a number of working days
                    values[6] = duration_label(minutes if minutes is not None else round((values[6] or 0) * 1440), fmt)
            rows.append(values)
        counts[title] = _write_sheet(wb, title, headers, types, rows, money_format, minor)
    # The benefits register keeps its own sheets (its links are many to many); importing/benefit_sheets.py reads them back.
    for title, headers, types, rows in benefit_sheets(pf):
        counts[title] = _write_sheet(wb, title, headers, types, rows, money_format, minor)
    return counts


def _write_sheet(wb, title: str, headers: list[str], types: list[str], rows: list[list], money_format: str,
                 minor: int) -> int:
    ws = wb.create_sheet(title)
    widths = [max(8, len(h) + 2) for h in headers]
    ws.freeze_panes = "A2"
    for values in rows[:200]:
        for i, v in enumerate(values):
            if isinstance(v, str):
                widths[i] = min(50, max(widths[i], len(v.split("\n", 1)[0]) + 2))
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    ws.append([_header_cell(ws, h) for h in headers])
    for values in rows:
        ws.append([_cell(ws, v, t, money_format, minor) for v, t in zip(values, types, strict=True)])
    return len(rows)


def _predecessors(pf) -> dict[int, str]:
    """Each task's predecessors by WBS; another project's task as CODE:WBS (a link between projects)."""
    task = {tid: (pid, code, wbs) for tid, pid, code, wbs in pf.conn.execute(
        "SELECT t.id, t.project_id, p.code, t.wbs FROM tasks t JOIN projects p ON p.id = t.project_id")}
    out: dict[int, list] = {}
    for succ, pred, kind, lag in pf.conn.execute(
            "SELECT successor_id, predecessor_id, type, lag_days FROM dependencies ORDER BY successor_id, id"):
        p_project, p_code, p_wbs = task.get(pred, (None, None, None))
        ref = p_wbs or "?"
        if p_project is not None and p_project != task.get(succ, (None,))[0]:
            ref = f"{p_code}:{ref}"
        out.setdefault(succ, []).append((ref, kind, lag))
    return {tid: format_predecessors(v) for tid, v in out.items()}


def _header_cell(ws, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=text)
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.alignment = Alignment(vertical="center")
    return cell


def _cell(ws, value, kind: str, money_format: str, minor: int):
    if value is None or value == "":
        return None
    try:
        return _typed_cell(ws, value, kind, money_format, minor)
    except (ValueError, TypeError, OverflowError):  # a stored value the schema forbids: written as it is
        return neutralise(str(value))


def _typed_cell(ws, value, kind: str, money_format: str, minor: int):
    if kind == k.DATE:
        cell = WriteOnlyCell(ws, value=date.fromisoformat(value[:10]))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if kind == k.MONEY:
        cell = WriteOnlyCell(ws, value=value / minor)
        cell.number_format = money_format
        return cell
    if kind == k.PERCENT:
        cell = WriteOnlyCell(ws, value=value / 100)
        cell.number_format = "0.0%"
        return cell
    if kind == k.RAG:
        try:
            rag = Rag(value)
        except ValueError:
            return neutralise(str(value))
        cell = WriteOnlyCell(ws, value=rag.value)
        cell.fill = PatternFill("solid", fgColor=rag.colour.lstrip("#"))
        cell.font = Font(bold=True, color=rag.text_colour.lstrip("#"))
        cell.alignment = Alignment(horizontal="center")
        return cell
    if kind == k.BOOL:
        return "Yes" if value else "No"
    if isinstance(value, str):
        return neutralise(value)
    return value
