"""Reading workbooks (.xlsx, .xlsm, .xlsb, .ods and legacy .xls) into grids with python-calamine.

calamine (Rust) reads cell values several times faster than openpyxl; merged ranges and which sheets
are hidden come with it. For .xlsx/.xlsm, what cells looked like (RAG fills, indents, hidden rows and
columns, formulas without cached values) comes from looks.py, only when the workbook has any. The file
is checked before any parser sees it: size, encryption, zip bombs and DTDs (safety.py, looks.py).
"""

from __future__ import annotations

import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import time, timedelta
from pathlib import Path

from pmo_desktop.domain.limits import MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from pmo_desktop.spreadsheets import looks as lk
from pmo_desktop.spreadsheets.errors import ImportCancelled, ImportRefused
from pmo_desktop.spreadsheets.grid import CancelCheck, Progress, Sheet, Workbook, column_letter
from pmo_desktop.spreadsheets.safety import check_readable, check_zip, is_ole, ole_is_encrypted

MAX_GRID = 20_000_000  # rows x columns of one sheet's range, checked before it is turned into Python lists
_BIG = 2.0**53  # whole floats below this are read as ints, as Excel means them
TRAILING_EMPTY_ROWS = 5_000  # stop after this many empty rows (formatted-but-empty ranges)
_FORMATS = {"xlsx": "Excel workbook", "xlsb": "binary workbook (.xlsb)", "ods": "OpenDocument spreadsheet",
            "xls": "legacy Excel 97-2003 workbook (.xls)"}
_PLURAL = {"xlsb": "binary workbooks (.xlsb)", "ods": "OpenDocument spreadsheets",
           "xls": "legacy Excel 97-2003 workbooks (.xls)"}


def workbook_format(path: Path) -> str:
    """'xlsx', 'xlsb', 'ods' or 'xls' from the file's bytes (not its name); refuses anything else."""
    check_readable(path)
    if is_ole(path):
        if ole_is_encrypted(path):
            raise ImportRefused(f"{path.name} is password-protected (encrypted); open it in Excel, remove "
                                "the password (File > Info > Protect Workbook) and save it again")
        return "xls"
    with open(path, "rb") as fh:
        if not fh.read(2) == b"PK":
            raise ImportRefused(f"{path.name} is not an Excel workbook (it is not a .xlsx zip file)")
    names = check_zip(path)
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names and "mimetype" in names:
        return "ods"
    raise ImportRefused(f"{path.name} is a zip file but not an Excel workbook (no xl/workbook.xml)")


def read_workbook(path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None,
                  sheets: list[str] | None = None) -> Workbook:
    """Every sheet (or the named ones) as grids. Raises ImportRefused (one line) for bad files."""
    import python_calamine

    fmt = workbook_format(path)
    parts: dict[str, str] = {}
    styles: tuple[dict, dict] = ({}, {})
    date1904 = False
    try:
        if fmt in ("xlsx", "xlsb", "ods"):
            with zipfile.ZipFile(path) as zf:
                lk.refuse_entities(zf, path.name)
                if fmt == "xlsx":
                    parts, date1904 = lk.sheet_parts(zf)
                    styles = lk.styles_of_interest(zf)
                    for name, part in parts.items():  # before calamine holds a huge sheet in memory
                        found = lk.count_cells(zf, part, MAX_CELLS)
                        if found is not None and found > MAX_CELLS:
                            raise ImportRefused(f"{path.name}: sheet '{name}' has more than {MAX_CELLS:,} cells; "
                                                "split it into several workbooks or keep only the sheets you need")
        wb = python_calamine.CalamineWorkbook.from_path(str(path))
    except ImportRefused:
        raise
    except BaseException as exc:  # any failure on an untrusted file is a refusal, not a crash
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
            raise
        raise _refusal(path, fmt, exc) from None
    book = Workbook(str(path), [], epoch=1904 if date1904 else 1900)
    # Fills, indents and hidden rows come from a second pass over each sheet's XML (inflating it is
    # most of that pass, and zlib lets other threads run meanwhile): one thread does it, a sheet at a
    # time, while calamine reads the values. Its failures are raised here, when a sheet takes its looks.
    helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sheet-looks")
    try:
        metas = [m for m in wb.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        if sheets:
            wanted = {s.casefold() for s in sheets}
            metas = [m for m in metas if m.name.casefold() in wanted]
        looks: dict[str, Future] = {}
        if fmt == "xlsx":
            looks = {m.name: helper.submit(_scan_part, path, parts[m.name], styles) for m in metas if m.name in parts}
        cells = 0
        for meta in metas:
            sheet = _read_sheet(wb, meta, progress, cancelled)
            cells += sum(map(len, sheet.rows))
            if cells > MAX_CELLS:
                raise ImportRefused(f"sheet '{meta.name}' takes the workbook past {MAX_CELLS:,} cells; split it "
                                    "into several workbooks or keep only the sheets you need")
            if meta.name in looks:
                _add_looks(sheet, looks[meta.name].result())
            book.sheets.append(sheet)
    except ImportRefused as exc:
        if path.name in str(exc):
            raise
        raise ImportRefused(f"{path.name}: {exc}") from None  # a sheet's refusal names the file too
    except ImportCancelled:
        raise
    except BaseException as exc:  # calamine's own panics are BaseExceptions: still a refusal, not a crash
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
            raise
        raise _refusal(path, fmt, exc) from None
    finally:
        helper.shutdown(wait=True, cancel_futures=True)
        wb.close()
    if fmt != "xlsx":
        book.warnings.append(f"{path.name}: cell colours, indents and hidden rows are not read from "
                             f"{_PLURAL[fmt]}, only values")
    return book


def sheet_names(path: Path) -> list[str]:
    """The names of a workbook's sheets, from its workbook part alone (no sheet is read); [] when the
    file cannot be read (reading it properly then says why)."""
    try:
        fmt = workbook_format(path)
        if fmt == "xlsx":
            with zipfile.ZipFile(path) as zf:
                lk.refuse_entities(zf, path.name)
                return list(lk.sheet_parts(zf)[0])
        import python_calamine

        wb = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            return list(wb.sheet_names)
        finally:
            wb.close()
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
            raise
        return []


def _refusal(path: Path, fmt: str, exc: Exception) -> ImportRefused:
    text = " ".join(str(exc).split())[:120]
    if "password" in text.lower() or type(exc).__name__ == "PasswordError":
        return ImportRefused(f"{path.name} is password-protected (encrypted); remove the password in Excel and "
                             "save it again")
    if isinstance(exc, zipfile.BadZipFile | EOFError):
        return ImportRefused(f"{path.name} is damaged (corrupt zip data: {text})")
    return ImportRefused(f"{path.name} cannot be read as a {_FORMATS[fmt]} ({type(exc).__name__}: {text})")


def _read_sheet(wb, meta, progress, cancelled) -> Sheet:
    cs = wb.get_sheet_by_name(meta.name)
    name = meta.name
    end = cs.end  # the last used cell, 0-based; None for an empty sheet
    height, width = (end[0] + 1, end[1] + 1) if end else (0, 0)
    if width > MAX_COLUMNS:
        raise ImportRefused(f"sheet '{name}' has cells past column {MAX_COLUMNS:,} (Excel's limit); not imported")
    if height > MAX_ROWS:
        raise ImportRefused(f"sheet '{name}' has rows past row {MAX_ROWS:,} (Excel's limit); not imported")
    if height * width > MAX_GRID:
        raise ImportRefused(f"sheet '{name}' spans {height:,} rows by {width:,} columns; more than {MAX_CELLS:,} "
                            "cells are not imported (delete the far-away cells or keep only the table)")
    rows: list[list] = []
    last_filled = -1
    for r, raw in enumerate(cs.to_python(skip_empty_area=False)):
        if r > last_filled + TRAILING_EMPTY_ROWS and last_filled >= 0:
            break
        # text first (most cells), then numbers: "" is an empty cell, a whole float an int, a time text;
        # a text longer than a cell may hold refuses the file (one pass: the length is checked here)
        row = [v if (c := v.__class__) is str and 0 < len(v) <= MAX_CELL_CHARS
               else (_too_long(name, r, raw) if v else None) if c is str
               else (int(v) if v.is_integer() and -_BIG < v < _BIG else v) if c is float
               else v if c is not time and c is not timedelta else _value(v) for v in raw]
        while row and row[-1] is None:
            row.pop()
        if row:
            last_filled = r
        rows.append(row)
        if r % 5000 == 0 and r:
            if cancelled is not None and cancelled():
                raise ImportCancelled("import cancelled; nothing was changed")
            if progress is not None:
                progress(min(r, height), max(height, 1))
    del rows[last_filled + 1:]
    merged = []
    for (r1, c1), (r2, c2) in (cs.merged_cell_ranges or []):
        merged.append((r1, c1, r2, c2))
    return Sheet(name=name, rows=rows, merged=merged, hidden=str(meta.visible) != "SheetVisibleEnum.Visible")


def _too_long(name: str, r: int, raw: list):
    c, v = next((c, v) for c, v in enumerate(raw) if v.__class__ is str and len(v) > MAX_CELL_CHARS)
    raise ImportRefused(f"sheet '{name}': cell {column_letter(c)}{r + 1} holds {len(v):,} characters; "
                        f"cells are limited to {MAX_CELL_CHARS:,} (Excel's limit)")


def _value(v):
    """A time of day as text, a duration as days (what openpyxl gave for them)."""
    if v.__class__ is time:
        return v.isoformat()
    return v.total_seconds() / 86400


def _scan_part(path: Path, part: str, styles: tuple[dict, dict]) -> lk.Looks | None:
    with zipfile.ZipFile(path) as zf:
        try:
            data = zf.read(part)
        except KeyError:
            return None
    return lk.scan_sheet(data, *styles)


def _add_looks(sheet: Sheet, found: lk.Looks | None) -> None:
    if found is None:
        return
    sheet.fills, sheet.indents = found.fills, found.indents
    sheet.hidden_rows, sheet.hidden_cols = found.hidden_rows, found.hidden_cols
    sheet.uncached_formulas = found.uncached


def read_values(path: Path) -> Workbook:
    """Every worksheet's cell values (no looks: fills, indents, hidden rows), for readers that need only
    values (the lessons register, the people sheet); the same checks and one-line refusals as
    `read_workbook`. Raises ImportRefused; callers turn it into their own error."""
    book = read_workbook(path)
    if not book.sheets:
        raise ImportRefused(f"{path.name} has no worksheets")
    return book
