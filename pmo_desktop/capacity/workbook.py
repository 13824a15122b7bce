"""People to and from Excel.

Export: People, Non-working and Allocations sheets; text that a spreadsheet would run as a formula is
neutralised with a leading apostrophe. Import: one simple people sheet (Name, Role, Team, FTE, Day rate,
Skills "Python:4; SQL:3"), matched on name; all rows or none, with a one-line report of the bad rows.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from pmo_desktop.capacity.model import CapacityInputError, format_skills
from pmo_desktop.capacity.people import PersonRecord, SaveResult, save_people
from pmo_desktop.capacity.queries import load_people
from pmo_desktop.domain.cells import neutralise, unguard_cell
from pmo_desktop.domain.enums import Source
from pmo_desktop.spreadsheets.calamine_reader import read_values
from pmo_desktop.spreadsheets.errors import ImportRefused
from pmo_desktop.store import Portfolio
from pmo_desktop.store.files import write_atomically

MAX_ROWS = 20_000

# column -> header words that mean it (lower case, spaces collapsed)
HEADERS = {
    "name": ("name", "person", "full name", "resource", "resource name"),
    "role": ("role", "job title", "title", "position"),
    "team": ("team", "group", "department"),
    "fte": ("fte", "capacity", "capacity fte", "capacity (fte)"),
    "rate": ("day rate", "rate", "cost rate", "daily rate", "rate per day", "cost rate per day"),
    "skills": ("skills", "skill", "skills (skill:level)"),
}


# -- export ---------------------------------------------------------------------------------------------


def export_people(pf: Portfolio, path: str | os.PathLike) -> dict[str, int]:
    """Write the people workbook to `path` (whole or not at all); returns row counts."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise CapacityInputError(f"{path.name}: the export must be an .xlsx file")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CapacityInputError(f"folder {folder} does not exist")
    with pf.snapshot():  # the three sheets from one state of the file
        return _export_people(pf, path)


def _export_people(pf: Portfolio, path: Path) -> dict[str, int]:
    unit = pf.settings().get("allocation_unit", "fte")
    wb = Workbook()
    people = load_people(pf)
    _sheet(wb.active, "People", ["Name", "Role", "Team", "FTE", "Day rate", "Skills"],
           [(p.name, p.role, p.team, p.fte, None if p.day_rate is None else p.day_rate / 100,
             format_skills(p.skills)) for p in people])
    spells = pf.conn.execute(
        """SELECT p.name, n.start_date, n.end_date, n.kind, n.fraction, n.note FROM non_working n
           JOIN people p ON p.id = n.person_id ORDER BY p.name, n.start_date""").fetchall()
    _sheet(wb.create_sheet(), "Non-working", ["Person", "From", "To", "Kind", "Share not worked", "Note"], spells)
    allocations = pf.conn.execute(
        """SELECT j.code, p.name, coalesce(a.role, p.role), substr(a.month, 1, 7), a.amount
           FROM allocations a JOIN projects j ON j.id = a.project_id LEFT JOIN people p ON p.id = a.person_id
           ORDER BY j.code, a.month, p.name""").fetchall()
    _sheet(wb.create_sheet(), "Allocations",
           ["Project", "Person", "Role", "Month", "Hours" if unit == "hours" else "FTE"], allocations)
    write_atomically(path, wb.save)
    return {"people": len(people), "non_working": len(spells), "allocations": len(allocations)}


def _sheet(ws, title: str, headers: list[str], rows) -> None:
    ws.title = title
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([neutralise(v) for v in row])
    ws.freeze_panes = "A2"
    for i, header in enumerate(headers):
        ws.column_dimensions[chr(ord("A") + i)].width = max(10, len(header) + 4) if header != "Skills" else 40


# -- import ---------------------------------------------------------------------------------------------


def read_people_sheet(path: str | os.PathLike) -> list[PersonRecord]:
    """Parse the people sheet; raises CapacityInputError naming every bad row (in one line). Read as the
    importer reads (.xlsx, .xlsm, .xlsb, .ods, .xls); a file it refuses (too big, a zip bomb, encrypted,
    damaged, not a workbook) is refused in one line."""
    path = Path(path)
    if not path.is_file():
        raise CapacityInputError(f"{path} does not exist")
    try:
        sheets = read_values(path).sheets
    except ImportRefused as exc:
        raise CapacityInputError(str(exc)) from None
    sheet = next((s for s in sheets if s.name.strip().casefold() == "people"), sheets[0])
    rows = iter(sheet.rows)
    columns, header_row = _find_header(rows, path.name)
    records, errors, seen = [], [], {}
    for offset, row in enumerate(rows, start=header_row + 1):
        if offset - header_row > MAX_ROWS:
            raise CapacityInputError(f"{path.name} has more than {MAX_ROWS:,} rows; split it")
        # (calamine has decoded OOXML's _xHHHH_ escapes, as Excel does: only our guard is left to undo)
        values = {k: unguard_cell(row[i]) if i < len(row) else None for k, i in columns.items()}
        if all(v is None or str(v).strip() == "" for v in values.values()):
            continue
        name = values.get("name")
        if isinstance(name, str) and name.strip().casefold().startswith("total") and not values.get("role"):
            continue
        try:
            record = PersonRecord.parse(
                name, values.get("role"), values.get("team"), values.get("fte"), values.get("rate"),
                values.get("skills") if "skills" in columns else None,
                given=[{"rate": "day_rate"}.get(k, k) for k in columns if k in ("role", "team", "fte", "rate")])
        except CapacityInputError as exc:
            errors.append(f"row {offset}: {exc}")
            continue
        key = record.name.casefold()
        if key in seen:
            errors.append(f"row {offset}: '{record.name}' is also on row {seen[key]}")
            continue
        seen[key] = offset
        records.append(record)
    if errors:
        shown = "; ".join(errors[:3]) + (f"; and {len(errors) - 3} more" if len(errors) > 3 else "")
        raise CapacityInputError(
            f"{path.name}: {len(errors)} row{'s' if len(errors) > 1 else ''} with problems, nothing imported — {shown}")
    if not records:
        raise CapacityInputError(f"{path.name} has a header row but no people under it")
    return records


def _find_header(rows, filename: str) -> tuple[dict[str, int], int]:
    """The first of the top ten rows that has a Name column; maps our column names to positions."""
    words = {w: key for key, options in HEADERS.items() for w in options}
    for number, row in enumerate(rows, start=1):
        columns: dict[str, int] = {}
        for i, cell in enumerate(row):
            if cell is None:
                continue
            key = words.get(" ".join(str(cell).split()).casefold().rstrip(":*"))
            if key and key not in columns:
                columns[key] = i
        if "name" in columns:
            return columns, number
        if number >= 10:
            break
    raise CapacityInputError(f"{filename}: no header row with a 'Name' column in the first ten rows")


def import_people(pf: Portfolio, path: str | os.PathLike, *, source: Source | str = Source.IMPORT) -> SaveResult:
    """Add or update the people in a sheet as one batch (one undo step)."""
    records = read_people_sheet(path)
    return save_people(pf, records, source=source, label=f"Import people from {Path(path).name}")
