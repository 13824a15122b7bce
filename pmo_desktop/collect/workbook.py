"""Writing one status-report workbook per active project, for a project manager to fill in Excel.

The workbook is pre-filled from the last report (status_reports.prefill), lists the project's open
RAID items, its next milestones and its budget months after the period for the forecast. Cells the
PM should not change are locked (sheet protection with no password: a guide, not security); RAG cells
offer a drop-down and colour themselves by conditional formatting; a very hidden sheet holds the
signed marker (marker.py). Text is written as text, never as a formula.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pmo_desktop.collect import layout as L
from pmo_desktop.collect import marker as M
from pmo_desktop.domain import workdays
from pmo_desktop.domain.cells import neutralise
from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Rag, RaidStatus, RaidType
from pmo_desktop.store import Portfolio, status_reports

_HEAD_FILL = PatternFill("solid", fgColor="37474F")
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_LOCKED_FILL = PatternFill("solid", fgColor="ECEFF1")
_EDIT_FILL = PatternFill("solid", fgColor="FFFDE7")
_THIN = Side(style="thin", color="B0BEC5")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)
_BAD_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


@dataclass
class ProjectPack:
    """Everything one project's workbook shows."""

    id: int
    code: str
    name: str
    programme: str | None
    manager: str | None
    period: str
    report: dict[str, Any]
    raid: list[dict[str, Any]] = field(default_factory=list)
    milestones: list[dict[str, Any]] = field(default_factory=list)
    budget: list[dict[str, Any]] = field(default_factory=list)

    def keys(self) -> dict[str, list[str]]:
        return {"raid": [r["ref"] for r in self.raid], "milestones": [str(m["id"]) for m in self.milestones],
                "budget": [budget_key(b["category"], b["spend_type"], b["month"]) for b in self.budget]}


def budget_key(category: str, spend_type: str, month: str) -> str:
    return f"{category.casefold()}|{spend_type.upper()}|{month[:7]}"


def file_name(code: str, name: str, period: str) -> str:
    """'PRJ-101 Master Data Management - status 2026-11.xlsx', safe on Windows."""
    stem = _BAD_NAME.sub("-", f"{code} {name}").strip(" .")[:100]
    return f"{stem} - status {period[:7]}.xlsx"


def load_pack(pf: Portfolio, project: dict[str, Any], period: str) -> ProjectPack:
    conn = pf.conn
    pid = project["id"]
    report = status_reports.prefill(pf, pid, period)
    if not report.get("author"):
        report["author"] = project["manager"]
    cols = ("ref", "type", "title", "description", "owner", "status", "probability", "impact", "due_date",
            "response")
    raid = [dict(zip(cols, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join(cols)} FROM raid_items WHERE project_id = ? AND status <> 'Closed' "
        "ORDER BY CASE type WHEN 'Risk' THEN 0 WHEN 'Issue' THEN 1 ELSE 2 END, ref", (pid,))]
    mcols = ("id", "name", "baseline_finish", "finish_date", "actual_finish", "percent_complete")
    milestones = [dict(zip(mcols, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join(mcols)} FROM tasks WHERE project_id = ? AND kind = 'milestone' "
        "AND actual_finish IS NULL AND coalesce(percent_complete, 0) < 100 "
        "ORDER BY coalesce(finish_date, baseline_finish, '9999'), sort_order, id LIMIT 20", (pid,))]
    first = workdays.add_months(date.fromisoformat(period).replace(day=1), 1)
    last = workdays.add_months(first, L.FORECAST_MONTHS - 1)
    bcols = ("category", "spend_type", "month", "planned", "actual", "forecast")
    budget = [dict(zip(bcols, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join(bcols)} FROM budget_lines WHERE project_id = ? AND month >= ? AND month <= ? "
        "ORDER BY category, spend_type, month", (pid, first.isoformat(), last.isoformat()))]
    return ProjectPack(pid, project["code"], project["name"], project.get("programme"), project["manager"],
                       period, report, raid, milestones, budget)


# -- writing ---------------------------------------------------------------------------------------


def build_workbook(pack: ProjectPack, keys: tuple[str, str], *, currency_symbol: str, minor: int,
                   date_style: str | None, lang: str = "en") -> Workbook:
    """The workbook in `lang` ('en' or 'zh-CN'): labels, headers, instructions, sheet names, drop-down
    lists and the stored words shown (RAID types, statuses, cost categories) in that language."""
    wb = Workbook()
    ws = wb.active
    ws.title = L.said(L.REPORT_SHEET, lang)
    _report_sheet(ws, pack, date_style, lang)
    words = _words(lang)
    _table_sheet(wb.create_sheet(L.said(L.RAID_SHEET, lang)), pack, L.RAID_COLUMNS, pack.raid, words,
                 L.said("Open risks, issues, assumptions, dependencies and decisions of this project. Update any "
                        "unlocked cell; close an item by setting its Status to Closed. Add new items in the empty "
                        "rows below (leave Ref empty: the PMO gives the reference).", lang),
                 lambda *a: _raid_validations(*a, lang=lang), lang=lang)
    _table_sheet(wb.create_sheet(L.said(L.MILESTONE_SHEET, lang)), pack, L.MILESTONE_COLUMNS, pack.milestones, words,
                 L.said("The project's next milestones. Give the forecast finish, the actual finish once done, and "
                        "% complete. Add a new milestone in an empty row below (name and forecast finish).", lang),
                 lambda *a: _milestone_validations(*a, lang=lang), lang=lang)
    money = f'"{currency_symbol}"#,##0' if currency_symbol else "#,##0"
    _table_sheet(wb.create_sheet(L.said(L.FORECAST_SHEET, lang)), pack, L.FORECAST_COLUMNS, pack.budget,
                 lambda f, v: (v / minor if f in ("planned", "forecast") and v is not None else words(f, v)),
                 L.said("Your forecast spend for the months after this period, per budget line. Change only the "
                        "Forecast column (amounts in whole currency units).", lang) if pack.budget else
                 L.said("This project has no budget months after this period to forecast.", lang), None,
                 money_format=money, new_rows=0, lang=lang)
    _marker_sheet(wb, pack, keys)
    return wb


def _words(lang: str):
    """Stored English words (RAID types and statuses, cost categories) as the workbook shows them."""
    def convert(field_name: str, value: Any) -> Any:
        if field_name in ("type", "status", "category") and isinstance(value, str):
            return L.said(value, lang)
        return value
    return convert


def _report_sheet(ws, pack: ProjectPack, date_style: str | None, lang: str = "en") -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 95
    ws["A1"] = neutralise(L.said("Status report: {code} {name}", lang).format(code=pack.code, name=pack.name))
    ws["A1"].font = Font(bold=True, size=14, color="263238")
    ws["A2"] = L.said("Period ending {date}. Fill in the yellow cells, save the file "
                      "and send it back by e-mail (any file name will do). Choose RAGs from the drop-down (Red, "
                      "Amber, Green, Complete, Not reported). The RAID, Milestones and Forecast sheets hold your "
                      "open items, next milestones and forecast: update them too. Grey cells are locked. If Excel "
                      "opens the file in Protected View, click Enable Editing first.", lang).format(
        date=format_date(pack.period, date_style, lang=lang))
    ws["A2"].alignment = _WRAP
    ws.merge_cells("A2:B2")
    ws.row_dimensions[2].height = 78
    row = 4
    info = {"code": pack.code, "name": pack.name, "programme": pack.programme or "",
            "period": date.fromisoformat(pack.period)}
    for label, key in L.INFO_LABELS:
        _label(ws, row, L.said(label, lang))
        cell = ws.cell(row, 2, neutralise(info[key]))
        cell.fill, cell.border = _LOCKED_FILL, _BOX
        if key == "period":
            cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(horizontal="left")
        elif isinstance(cell.value, str):
            cell.data_type = "s"
        row += 1
    row += 1
    rag_cells = []
    rag_list = DataValidation(type="list", formula1='"' + ",".join(L.said(w, lang) for w in L.RAG_WORDS) + '"',
                              allow_blank=True, errorStyle="warning", showErrorMessage=True, errorTitle="RAG",
                              error=L.said("Choose Red, Amber, Green, Complete or Not reported.", lang))
    ws.add_data_validation(rag_list)
    for label, key in L.REPORT_LABELS:
        _label(ws, row, L.said(label, lang))
        value = pack.report.get(key)
        if key.startswith("rag_"):
            value = L.said(Rag(value).label, lang) if value in {r.value for r in Rag} else None
            rag_cells.append(f"B{row}")
            rag_list.add(f"B{row}")
        cell = ws.cell(row, 2, neutralise(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"
        cell.fill, cell.border, cell.protection = _EDIT_FILL, _BOX, _UNLOCKED
        if key in L.TEXT_FIELDS:
            cell.alignment = _WRAP
            ws.row_dimensions[row].height = 75
        else:
            cell.alignment = Alignment(vertical="center")
        row += 1
    for rag in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY):
        words = {rag.value, rag.label.upper(), {"B": "BLUE", "X": "GREY"}.get(rag.value, rag.label.upper()),
                 L.said(rag.label, lang).upper()}
        for ref in rag_cells:
            test = ",".join(f'UPPER(TRIM({ref}))="{w}"' for w in sorted(words))
            ws.conditional_formatting.add(ref, FormulaRule(
                formula=[f"OR({test})"], stopIfTrue=True,
                fill=PatternFill("solid", fgColor=rag.colour.lstrip("#"), bgColor=rag.colour.lstrip("#")),
                font=Font(bold=True, color=rag.text_colour.lstrip("#"))))
    _protect(ws)


def _label(ws, row: int, text: str) -> None:
    cell = ws.cell(row, 1, text)
    cell.font = Font(bold=True, color="37474F")
    cell.alignment = Alignment(vertical="top")


def _table_sheet(ws, pack: ProjectPack, columns, rows: list[dict], convert, note: str, validations, *,
                 money_format: str | None = None, new_rows: int = L.NEW_ROWS, lang: str = "en") -> None:
    ws["A1"] = note
    ws["A1"].alignment = _WRAP
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.row_dimensions[1].height = 48
    head = 3
    for c, (english, _f, _e, _n) in enumerate(columns, start=1):
        title = L.said(english, lang)
        cell = ws.cell(head, c, title)
        cell.fill, cell.font, cell.border = _HEAD_FILL, _HEAD_FONT, _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        width = {"description": 40, "title": 34, "name": 34, "response": 30}.get(_f, max(12, len(title) + 3))
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(head + 1, 1)
    r = head
    widths = {f: ws.column_dimensions[get_column_letter(c)].width for c, (_t, f, _e, _n) in enumerate(columns, start=1)}
    for r, item in enumerate(rows, start=head + 1):
        lines = max((len(str(item.get(f) or "")) // max(1, int(widths[f] * 1.1)) + 1
                     for f in ("title", "description", "name", "response") if f in widths), default=1)
        if lines > 1:  # wrapped text gets the height it needs (not every spreadsheet program fits it)
            ws.row_dimensions[r].height = 15 * min(lines, 8)
        for c, (_t, f, editable, _n) in enumerate(columns, start=1):
            value = convert(f, item.get(f))
            cell = ws.cell(r, c, _cell_value(f, value))
            _style_value(cell, f, money_format, lang)
            cell.border = _BOX
            if editable:
                cell.fill, cell.protection = _EDIT_FILL, _UNLOCKED
            else:
                cell.fill = _LOCKED_FILL
    last_sent = r
    for r in range(last_sent + 1, last_sent + 1 + new_rows):
        for c, (_t, f, _e, in_new) in enumerate(columns, start=1):
            cell = ws.cell(r, c)
            cell.border = _BOX
            if in_new:
                cell.protection = _UNLOCKED
                _style_value(cell, f, money_format, lang)
    if validations is not None:
        validations(ws, columns, head + 1, last_sent + new_rows)
    _protect(ws)


def _cell_value(field_name: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if field_name in ("due_date", "baseline_finish", "finish_date", "actual_finish", "month"):
        return date.fromisoformat(str(value)[:10])
    if field_name == "percent_complete":
        return float(value) / 100
    return neutralise(value)


def _style_value(cell, field_name: str, money_format: str | None, lang: str = "en") -> None:
    if field_name in ("due_date", "baseline_finish", "finish_date", "actual_finish"):
        cell.number_format = "yyyy-mm-dd"
    elif field_name == "month":
        cell.number_format = 'yyyy"年"m"月"' if lang != "en" else "mmm yyyy"
    elif field_name == "percent_complete":
        cell.number_format = "0%"
    elif field_name in ("planned", "forecast") and money_format:
        cell.number_format = money_format
    elif isinstance(cell.value, str):
        cell.data_type = "s"
    if field_name in ("title", "description", "response", "name"):
        cell.alignment = _WRAP


def _column(columns, name: str) -> str:
    return get_column_letter(1 + [f for _t, f, _e, _n in columns].index(name))


def _list_validation(ws, columns, name: str, words, first: int, last: int) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True, errorStyle="warning")
    col = _column(columns, name)
    dv.add(f"{col}{first}:{col}{last}")
    ws.add_data_validation(dv)


def _scale_validation(ws, columns, name: str, first: int, last: int, lang: str = "en") -> None:
    dv = DataValidation(type="whole", operator="between", formula1="1", formula2="5", allow_blank=True,
                        errorStyle="warning", error=L.said("A number from 1 (lowest) to 5 (highest).", lang))
    col = _column(columns, name)
    dv.add(f"{col}{first}:{col}{last}")
    ws.add_data_validation(dv)


def _raid_validations(ws, columns, first: int, last: int, lang: str = "en") -> None:
    _list_validation(ws, columns, "type", [L.said(t.value, lang) for t in RaidType], first, last)
    _list_validation(ws, columns, "status", [L.said(s.value, lang) for s in RaidStatus], first, last)
    _scale_validation(ws, columns, "probability", first, last, lang)
    _scale_validation(ws, columns, "impact", first, last, lang)


def _milestone_validations(ws, columns, first: int, last: int, lang: str = "en") -> None:
    dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True,
                        errorStyle="warning", error=L.said("A percentage from 0% to 100%.", lang))
    col = _column(columns, "percent_complete")
    dv.add(f"{col}{first}:{col}{last}")
    ws.add_data_validation(dv)


def _protect(ws) -> None:
    """Locked cells stay locked, with no password: the PM may still format, sort and filter. A
    printout is one page wide, landscape."""
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    p = ws.protection
    p.sheet = True
    p.formatCells = p.formatColumns = p.formatRows = False
    p.sort = p.autoFilter = False
    p.insertRows = p.deleteRows = False


def _marker_sheet(wb: Workbook, pack: ProjectPack, keys: tuple[str, str]) -> None:
    ws = wb.create_sheet(M.SHEET)
    mark = M.Marker(keys[0], pack.code, pack.period, pack.keys())
    for r, text in enumerate(M.cells(mark, keys[1]), start=1):
        cell = ws.cell(r, 1, text)
        cell.data_type = "s"
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
