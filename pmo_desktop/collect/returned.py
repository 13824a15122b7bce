"""Reading a status-report workbook as it comes back from a project manager.

The file goes through the importer's reader (spreadsheets.calamine_reader: the hostile-file checks, cached
formula values, fills), so whatever Outlook, Excel or LibreOffice did to it is read the same way. Fields
are found by their labels and table columns by their headers (layout.py), not by position: inserted
rows, moved columns, extra rows and a copied sheet do not matter. Values are parsed by domain.values,
so a RAG typed as a word, a letter or only painted as a fill is read as the form reads it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmo_desktop.collect import layout as L
from pmo_desktop.collect import marker as M
from pmo_desktop.domain import values as V
from pmo_desktop.domain import words_zh
from pmo_desktop.domain.cells import unguard_cell
from pmo_desktop.domain.enums import CostCategory, RaidStatus, RaidType
from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.spreadsheets.calamine_reader import read_workbook
from pmo_desktop.spreadsheets.grid import Sheet, Workbook

_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")


class ReturnRefused(ValueError):
    """The workbook is not taken at all; str() is one line naming the file."""


@dataclass
class TableRow:
    row: int  # spreadsheet row number
    key: str | None  # ref, milestone number or budget key; None for a new row
    values: dict[str, Any]


@dataclass
class ReturnedWorkbook:
    path: Path
    marker: M.Marker
    report: dict[str, Any]  # parsed RAG letters and texts (only the fields found)
    raid: list[TableRow] = field(default_factory=list)
    milestones: list[TableRow] = field(default_factory=list)
    budget: list[TableRow] = field(default_factory=list)
    saved_at: str | None = None  # when the PM last saved it (the workbook's properties, else the file's time)
    problems: list[str] = field(default_factory=list)  # values that cannot be taken, one line each
    notes: list[str] = field(default_factory=list)
    tables_found: set[str] = field(default_factory=set)


def read_returned(path: Path, keys: tuple[str, str] | None, *, day_first: bool = True,
                  minor: int = 100) -> ReturnedWorkbook:
    """Read and check one returned workbook; ReturnRefused (one line) when it cannot be taken."""
    path = Path(path)
    try:
        book = read_workbook(path)
    except ImportRefused as exc:
        raise ReturnRefused(str(exc)) from None
    mark_sheet = _marker_sheet(book)
    if mark_sheet is None:
        raise ReturnRefused(f"{path.name}: it was not written by Collect Status Reports (its marker is missing)")
    try:
        mark = M.read([r[0] if r else None for r in mark_sheet.rows], keys)
    except M.MarkerProblem as exc:
        raise ReturnRefused(f"{path.name}: {exc}") from None
    out = ReturnedWorkbook(path, mark, {}, saved_at=_saved_at(path))
    sheet, copies = _report_sheet(book)
    if sheet is None:
        raise ReturnRefused(f"{path.name}: the '{L.REPORT_SHEET}' sheet is missing")
    out.notes += [f"sheet '{c}' left out (a copy of '{sheet.name}')" for c in copies]
    _read_report(sheet, out)
    ctx = {"day_first": day_first, "minor": minor}
    for name, columns, target in ((L.RAID_SHEET, L.RAID_COLUMNS, out.raid),
                                  (L.MILESTONE_SHEET, L.MILESTONE_COLUMNS, out.milestones),
                                  (L.FORECAST_SHEET, L.FORECAST_COLUMNS, out.budget)):
        table = _find_table(book, name, columns)
        if table is None:
            out.notes.append(f"sheet '{name}' not found: its items are left as they are")
            continue
        out.tables_found.add(name)
        _read_table(table, columns, name, target, out, ctx)
    for s in book.sheets:
        if s.uncached_formulas and not s.hidden:
            out.notes.append(f"sheet '{s.name}': formulas without a saved result in "
                             f"{', '.join(s.uncached_formulas[:3])} were read as empty")
    return out


def is_status_workbook(path: Path) -> bool:
    """Whether a file looks like a workbook written by Collect Status Reports (it has the marker
    sheet); a quick look at the zip's sheet list, so a dropped file can be sent to the right place.
    Nothing is trusted from it: reading it again checks everything."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("xl/workbook.xml")
            if info.file_size > 5_000_000:
                return False
            return f'name="{M.SHEET}"'.encode() in zf.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return False


def _marker_sheet(book: Workbook) -> Sheet | None:
    for s in book.sheets:
        if s.name == M.SHEET:
            return s
    for s in book.sheets:  # renamed by a tool: the title in A1 still says what it is
        if s.cell(0, 0) == M.TITLE:
            return s
    return None


def _saved_at(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf, zf.open("docProps/core.xml") as fh:
            found = _MODIFIED.search(fh.read(200_000))
        if found:
            text = found.group(1).decode("ascii", "replace").strip()
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if stamp.tzinfo is None:
                stamp = stamp.replace(tzinfo=UTC)
            return stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, NotImplementedError):
        pass
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _labels(sheet: Sheet) -> dict[str, int]:
    out: dict[str, int] = {}
    for r, row in enumerate(sheet.rows[:200]):
        if row and isinstance(row[0], str):
            out.setdefault(L.label_key(row[0]), r)
    return out


def _report_sheet(book: Workbook) -> tuple[Sheet | None, list[str]]:
    visible = [s for s in book.sheets if not s.hidden]
    overall = {L.label_key(w) for w in L.names_of("Overall RAG")}
    candidates = [s for s in visible if overall & set(_labels(s))]
    names = {n.casefold() for n in L.names_of(L.REPORT_SHEET)}
    exact = [s for s in candidates if s.name.casefold() in names]
    chosen = exact[0] if exact else (candidates[0] if candidates else None)
    return chosen, [s.name for s in candidates if s is not chosen]


def _text(value: Any) -> str | None:
    if isinstance(value, datetime):
        value = value.date().isoformat()
    return V.parse_text(unguard_cell(value))


def _read_report(sheet: Sheet, out: ReturnedWorkbook) -> None:
    for label, r in _labels(sheet).items():
        field_name = L.REPORT_FIELD_BY_LABEL.get(label)
        if field_name is None or field_name in out.report:
            continue
        raw = sheet.cell(r, 1)
        if field_name.startswith("rag_"):
            try:
                letter = V.parse_rag(_rag_word(raw)) if not V.is_blank(raw) else _rag_fill(sheet, r)
            except V.ValueProblem as exc:
                out.problems.append(f"{sheet.name} row {r + 1} ({sheet.cell(r, 0)}): {exc}")
                continue
            out.report[field_name] = letter
        else:
            out.report[field_name] = _text(raw)


def _rag_word(raw: Any) -> Any:
    return "Blue" if isinstance(raw, str) and raw.strip().casefold() == "complete" else raw


def _rag_fill(sheet: Sheet, r: int) -> str | None:
    from pmo_desktop.domain.parsing import rag_from_colour

    rag = rag_from_colour(sheet.fills.get((r, 1)))
    return None if rag is None else rag.value


def _find_table(book: Workbook, name: str, columns) -> tuple[Sheet, int, dict[int, str]] | None:
    wanted = L.header_map(columns)
    firsts = {L.label_key(w) for w in L.names_of(columns[0][0])}
    names = [n.casefold() for n in L.names_of(name)]
    sheets = sorted((s for s in book.sheets if not s.hidden),
                    key=lambda s: (s.name.casefold() not in names,
                                   not any(s.name.casefold().startswith(n) for n in names)))
    for s in sheets:
        if not any(s.name.casefold().startswith(n[:4]) for n in names):
            continue
        for r, row in enumerate(s.rows[:20]):
            keys = [L.label_key(v) if isinstance(v, str) else "" for v in row]
            if firsts & set(keys):
                return s, r, {c: wanted[k] for c, k in enumerate(keys) if k in wanted}
    return None


def _read_table(found, columns, name: str, target: list[TableRow], out: ReturnedWorkbook, ctx) -> None:
    sheet, head, by_col = found
    key_field = columns[0][1]
    for r in range(head + 1, len(sheet.rows)):
        raw = {f: sheet.cell(r, c) for c, f in by_col.items()}
        if all(V.is_blank(v) for v in raw.values()):
            continue
        values: dict[str, Any] = {}
        where = f"{name} row {r + 1}"
        try:
            for f, v in raw.items():
                values[f] = _table_value(f, v, ctx)
        except V.ValueProblem as exc:
            out.problems.append(f"{where} ({_column_title(columns, f)}): {exc}")
            continue
        if name == L.FORECAST_SHEET:
            if not (values.get("category") and values.get("spend_type") and values.get("month")):
                out.problems.append(f"{where}: a forecast row needs its Category, CAPEX/OPEX and Month")
                continue
            from pmo_desktop.collect.workbook import budget_key

            key = budget_key(values["category"], values["spend_type"], values["month"])
        else:
            key = values.get(key_field)
            key = None if key is None else str(key)
        target.append(TableRow(r + 1, key, values))


def _column_title(columns, field_name: str) -> str:
    return next(t for t, f, _e, _n in columns if f == field_name)


def _table_value(field_name: str, value: Any, ctx) -> Any:
    value = unguard_cell(value)
    if field_name in ("due_date", "finish_date", "actual_finish", "baseline_finish", "month"):
        iso = V.parse_date(value, day_first=ctx["day_first"])
        return iso[:7] + "-01" if field_name == "month" and iso else iso
    if field_name in ("probability",):
        return V.parse_probability(value)
    if field_name == "impact":
        return V.parse_impact(value)
    if field_name == "percent_complete":  # the column is formatted as %: Excel keeps 100% as 1
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
            value = value * 100
        return V.parse_percent(value)
    if field_name in ("planned", "forecast"):
        return V.parse_money(value, minor_units=ctx["minor"], allow_negative=False)
    if field_name == "type":
        return V.parse_enum(_english(value, "raid_type", RaidType), RaidType, what="RAID type")
    if field_name == "status":
        return V.parse_enum(_english(value, "raid_status", RaidStatus), RaidStatus, what="status")
    if field_name == "category":
        return _english(_text(value), "category", CostCategory)
    if field_name == "id":
        number = V.parse_number(value, what="milestone number")
        return None if number is None else int(number)
    if field_name == "spend_type":
        text = _english(_text(value), "spend_type", None)
        return text.upper() if text else None
    return _text(value)


def _english(value: Any, vocabulary: str, enum) -> Any:
    """A stored word as a Chinese workbook writes it (or a PM types it) back in English: 风险 -> Risk."""
    if not isinstance(value, str):
        return value
    word = value.strip()
    known = {L.said(m.value, lang): m.value for m in (enum or ()) for lang in L.LANGUAGES}
    return known.get(word) or words_zh.VALUES.get(vocabulary, {}).get(word) or value
