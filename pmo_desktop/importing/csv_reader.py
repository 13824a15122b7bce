"""Reading CSV (and tab- or semicolon-separated) exports into a grid.

Encoding: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8, and failing that Windows-1252 (what
Excel on Windows writes). Delimiter and quoting are sniffed from the first lines, with a count-based
fallback; quoted fields may hold delimiters, doubled quotes and newlines.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pmo_desktop.domain.limits import MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_LINE_CHARS, MAX_ROWS
from pmo_desktop.importing.errors import ImportCancelled, ImportRefused
from pmo_desktop.spreadsheets.grid import CancelCheck, Progress, Sheet, Workbook
from pmo_desktop.spreadsheets.safety import check_readable

_DELIMITERS = ",;\t|"


def detect_encoding(head: bytes) -> str:
    """A BOM decides (UTF-8, UTF-16); otherwise UTF-8, which the reader changes to Windows-1252 when a
    byte proves it is not."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return "utf-8"


def sniff_dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
        if dialect.delimiter in _DELIMITERS:
            return dialect
    except csv.Error:
        pass
    lines = [ln for ln in sample.splitlines()[:20] if ln.strip()]
    best = max(_DELIMITERS, key=lambda d: (min((ln.count(d) for ln in lines), default=0),
                                           sum(ln.count(d) for ln in lines)))

    class _Dialect(csv.excel):
        delimiter = best

    return _Dialect


def read_csv(path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None,
             sheets: list[str] | None = None) -> Workbook:
    """The file as one sheet, read as a stream: no line, cell, row or column count past the limits in
    domain.limits is ever held, so any file is read or refused in seconds."""
    size = check_readable(path)
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(f"{path.name} is not a text file (it contains binary data)")
    encoding = detect_encoding(head)
    try:
        rows, replaced = _read_rows(path, encoding, size, progress, cancelled)
    except UnicodeDecodeError:  # strict UTF-8 failed somewhere: what Excel on Windows writes
        encoding = "cp1252"
        rows, replaced = _read_rows(path, encoding, size, progress, cancelled)
    while rows and not any(v is not None for v in rows[-1]):
        rows.pop()
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    if progress is not None:
        progress(1, 1)
    book = Workbook(str(path), [Sheet(name=path.stem, rows=rows)])
    if encoding == "cp1252":
        book.warnings.append(f"{path.name} is not UTF-8; read it as Windows-1252")
    elif replaced:
        book.warnings.append(f"{path.name} has bytes that are not valid {encoding.upper().replace('-SIG', '')} "
                             "text; they show as \ufffd")
    return book


def _open_text(path: Path, encoding: str):
    errors = "strict" if encoding == "utf-8" else "replace"
    return open(path, encoding=encoding, errors=errors, newline="")


def _read_rows(path: Path, encoding: str, size: int, progress, cancelled) -> tuple[list[list], bool]:
    with _open_text(path, encoding) as fh:
        sample = fh.read(65536)
    first = sample.partition("\n")[0].strip()
    hinted = first.lower().startswith("sep=") and len(first) == 5
    if hinted:
        class _Hinted(csv.excel):
            delimiter = first[4]  # Excel's own "sep=;" line names the delimiter

        dialect = _Hinted
    else:
        dialect = sniff_dialect(sample)
    rows: list[list] = []
    cells = 0
    with _open_text(path, encoding) as fh:
        lines = _bounded_lines(fh, path)
        if hinted:
            next(lines, None)
        reader = csv.reader(lines, dialect)
        try:
            for row in reader:
                if len(row) > MAX_COLUMNS:
                    raise ImportRefused(f"{path.name}: line {reader.line_num} has {len(row):,} columns; "
                                        f"files are limited to {MAX_COLUMNS:,} columns (Excel's limit)")
                if len(rows) >= MAX_ROWS:
                    raise ImportRefused(f"{path.name} has more than {MAX_ROWS:,} rows (Excel's limit); "
                                        "split it into several files")
                cells += len(row)
                if cells > MAX_CELLS:
                    raise ImportRefused(f"{path.name} has more than {MAX_CELLS:,} cells; split it into several files")
                for v in row:
                    if len(v) > MAX_CELL_CHARS:
                        raise ImportRefused(f"{path.name}: a cell on line {reader.line_num} holds {len(v):,} "
                                            f"characters; cells are limited to {MAX_CELL_CHARS:,} (Excel's limit)")
                rows.append([v if v.strip() else None for v in row])
                if len(rows) % 5000 == 0:
                    if cancelled is not None and cancelled():
                        raise ImportCancelled("import cancelled; nothing was changed")
                    if progress is not None:
                        progress(min(fh.buffer.tell(), size - 1), size)
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise ImportRefused(f"{path.name}: a cell near line {reader.line_num} holds more than "
                                    f"{MAX_CELL_CHARS:,} characters; cells are limited to {MAX_CELL_CHARS:,} "
                                    "(Excel's limit)") from None
            raise ImportRefused(f"{path.name} is not valid CSV near line {reader.line_num} ({exc})") from None
        replaced = encoding != "utf-8" and any("\ufffd" in v for row in rows for v in row if v)
    return rows, replaced


def _bounded_lines(fh, path: Path):
    """The file's physical lines, refusing one longer than MAX_LINE_CHARS before it is held whole."""
    number = 0
    while True:
        line = fh.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise ImportRefused(f"{path.name}: line {number:,} is longer than {MAX_LINE_CHARS:,} characters; "
                                "lines are limited to that (is it a text file with line breaks?)")
        yield line
