"""Reading .xlsx/.xlsm workbooks into grids, streaming, with what the cells looked like.

openpyxl in read-only, data-only mode (cached formula results). Its read-only sheets drop merged
ranges, hidden rows/columns and fills, so we drive its sheet parser ourselves: one pass over each
sheet's XML gives values, fills (for RAG colours), indents (for task hierarchy), hidden rows and
columns, merged ranges, and formulas that were saved without a cached value.
"""

from __future__ import annotations

import contextlib
import re
import warnings
import zipfile
import zlib
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

from pmo_desktop.domain.cells import from_xml_text
from pmo_desktop.domain.limits import MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from pmo_desktop.importing.errors import ImportCancelled, ImportRefused
from pmo_desktop.importing.grid import CancelCheck, Progress, Sheet, Workbook
from pmo_desktop.importing.safety import check_workbook, check_xml_defences

TRAILING_EMPTY_ROWS = 5_000  # stop reading after this many empty rows (formatted-but-empty ranges)


class _Parser(WorkSheetParser):
    """openpyxl's sheet parser in data-only mode that also notes formulas with no cached value."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.uncached: list[str] = []

    def parse_cell(self, element):
        cell = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None and not element.findtext(VALUE_TAG):
            self.uncached.append(element.get("r") or "?")
        return cell


def read_xlsx(path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None,
              sheets: list[str] | None = None) -> Workbook:
    """Every sheet (or the named ones) of a workbook as grids. Raises ImportRefused for bad files."""
    check_workbook(path)
    check_xml_defences()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with _sizes_from_the_head():
                wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
            try:
                book = Workbook(str(path), [], epoch=1904 if wb.epoch.year == 1904 else 1900)
                worksheets = [ws for ws in wb.worksheets if hasattr(ws, "_get_source")]
                if sheets:
                    wanted = {s.casefold() for s in sheets}
                    worksheets = [ws for ws in worksheets if ws.title.casefold() in wanted]
                total = sum((ws.max_row or 0) for ws in worksheets) or 1
                done = cells = 0
                for ws in worksheets:
                    sheet, cells = _read_sheet(wb, ws, progress, cancelled, done, total, cells)
                    done += ws.max_row or 0
                    book.sheets.append(sheet)
            finally:
                wb.close()
        for w in caught:
            text = str(w.message)
            if "extension is not supported" in text or "Data Validation" in text:
                continue
            book.warnings.append(f"Excel reader: {text.splitlines()[0]}")
    except ImportRefused as exc:
        if path.name in str(exc):
            raise
        raise ImportRefused(f"{path.name}: {exc}") from None  # a sheet's refusal names the file too
    except ImportCancelled:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ImportRefused(f"{path.name} is damaged (corrupt zip data: {exc})") from None
    except Exception as exc:  # any parse failure of an untrusted file is a refusal, not a crash
        if any(word in type(e).__name__ for e in _chain(exc) for word in ("Entities", "DTD", "Forbidden")):
            raise ImportRefused(f"{path.name} contains an XML document type (DTD) or entity declarations, "
                                "which are refused as unsafe; save it again from Excel") from None
        raise ImportRefused(f"{path.name} cannot be read as a workbook ({type(exc).__name__}: "
                            f"{_one_line(str(exc))})") from None
    return book


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and those it was raised from or during (openpyxl wraps the parser's own)."""
    seen: list[BaseException] = []
    while exc is not None and exc not in seen and len(seen) < 10:
        seen.append(exc)
        exc = exc.__cause__ or exc.__context__
    return seen


def _one_line(text: str, limit: int = 120) -> str:
    """The first line of a library's message, cut at a word, never mid-word."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + " ..."


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)"')


def _head_size(ws) -> None:
    """ReadOnlyWorksheet's size from the <dimension> at the head of the sheet, never a scan.

    openpyxl, when a sheet has no <dimension>, parses the whole sheet to find its size just to open the
    workbook: minutes for a large hostile sheet, before any of our bounds is checked. We need no size
    (the reader counts the rows it reads), so a sheet without one is left unsized."""
    src = ws._get_source()
    try:
        head = src.read(65536)
    finally:
        src.close()
    found = _DIMENSION.search(head)
    if found:
        with contextlib.suppress(ValueError, TypeError):
            ws._min_column, ws._min_row, ws._max_column, ws._max_row = range_boundaries(found.group(1).decode())


@contextlib.contextmanager
def _sizes_from_the_head():
    original = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = _head_size
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = original


def _read_sheet(wb, ws, progress, cancelled, done_before: int, total: int, cells: int) -> tuple[Sheet, int]:
    """The sheet, and the cells read so far in the workbook (bounded by MAX_CELLS for the whole file)."""
    style_fill: dict[int, str | None] = {}
    style_indent: dict[int, int] = {}
    rows: list[list] = []
    fills: dict[tuple[int, int], str] = {}
    indents: dict[tuple[int, int], int] = {}
    last_filled = 0
    with ws._get_source() as src:
        parser = _Parser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                         date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for idx, row_cells in parser.parse():
            if idx > last_filled + TRAILING_EMPTY_ROWS and last_filled:
                break
            r = idx - 1
            if idx > MAX_ROWS:
                raise ImportRefused(f"sheet '{ws.title}' has rows past row {MAX_ROWS:,} (Excel's limit); not imported")
            width = max((cell["column"] for cell in row_cells), default=0)
            if width > MAX_COLUMNS:
                raise ImportRefused(f"sheet '{ws.title}' has cells past column {MAX_COLUMNS:,} (Excel's limit); "
                                    "not imported")
            values: list = [None] * width
            filled = False
            for cell in row_cells:
                value = cell["value"]
                sid = cell["style_id"]
                if sid:
                    c = cell["column"] - 1
                    if sid not in style_fill:
                        style_fill[sid], style_indent[sid] = _style(wb, sid)
                    if style_fill[sid]:
                        fills[(r, c)] = style_fill[sid]
                    if style_indent[sid] and value is not None:
                        indents[(r, c)] = style_indent[sid]
                if value is None:
                    continue
                if value.__class__ is str:
                    if "\x00" in value:
                        value = value.replace("\x00", "")
                    if "_x" in value:
                        value = from_xml_text(value)  # OOXML's escape, which openpyxl leaves in
                    if len(value) > MAX_CELL_CHARS:
                        raise ImportRefused(f"sheet '{ws.title}': cell {cell.get('column')} of row {idx} holds "
                                            f"{len(value):,} characters; cells are limited to {MAX_CELL_CHARS:,} "
                                            "(Excel's limit)")
                c = cell["column"] - 1
                if c >= len(values):  # cells out of column order: never in files Excel writes
                    values.extend([None] * (c + 1 - len(values)))
                values[c] = value
                filled = True
            if filled:
                last_filled = idx
                cells += len(values)
                if cells > MAX_CELLS:
                    raise ImportRefused(f"sheet '{ws.title}' has more than {MAX_CELLS:,} cells; split it into "
                                        "several workbooks or keep only the sheets you need")
                if len(rows) < r:
                    rows.extend([] for _ in range(r - len(rows)))
                rows.append(values) if len(rows) == r else rows.__setitem__(r, values)
            if idx % 2000 == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled("import cancelled; nothing was changed")
                if progress is not None:
                    progress(min(done_before + idx, total), total)
    hidden_rows = {int(k) - 1 for k, attrs in parser.row_dimensions.items() if attrs.get("hidden") in ("1", "true")}
    hidden_cols: set[int] = set()
    for attrs in parser.column_dimensions.values():
        if attrs.get("hidden") in ("1", "true"):
            lo, hi = int(attrs.get("min", 0)), int(attrs.get("max", 0))
            hidden_cols.update(range(lo - 1, min(hi, lo + 1000)))
    merged = []
    if parser.merged_cells is not None:
        for mc in parser.merged_cells.mergeCell:
            try:
                c1, r1, c2, r2 = range_boundaries(mc.ref)
            except (ValueError, TypeError):
                continue
            merged.append((r1 - 1, c1 - 1, r2 - 1, c2 - 1))
    return Sheet(name=ws.title, rows=rows, fills=fills, indents=indents, hidden_rows=hidden_rows,
                 hidden_cols=hidden_cols, merged=merged, uncached_formulas=parser.uncached,
                 hidden=ws.sheet_state != "visible"), cells


def _style(wb, style_id: int) -> tuple[str | None, int]:
    """(solid fill colour as '#RRGGBB' or None, alignment indent) of a cell style."""
    try:
        style = wb._cell_styles[style_id]
    except (IndexError, TypeError):
        return None, 0
    colour = None
    try:
        fill = wb._fills[style.fillId]
        if getattr(fill, "patternType", None) == "solid":
            rgb = fill.fgColor.rgb if fill.fgColor is not None else None
            if isinstance(rgb, str) and len(rgb) in (6, 8):
                colour = "#" + rgb[-6:].upper()
    except (IndexError, AttributeError):
        colour = None
    indent = 0
    try:
        if style.alignmentId:
            indent = int(wb._alignments[style.alignmentId].indent or 0)
    except (IndexError, AttributeError, TypeError, ValueError):
        indent = 0
    return colour, indent
