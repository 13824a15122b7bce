"""Reading CSV (and tab- or semicolon-separated) exports into a grid.

Encoding: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8, and failing that Windows-1252 (what
Excel on Windows writes). Delimiter and quoting are sniffed from the first lines, with a count-based
fallback; quoted fields may hold delimiters, doubled quotes and newlines.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pmo_desktop.importing.errors import ImportCancelled, ImportRefused
from pmo_desktop.importing.grid import CancelCheck, Progress, Sheet, Workbook
from pmo_desktop.importing.safety import check_readable

_DELIMITERS = ",;\t|"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a CSV file's bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


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
    check_readable(path)
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(f"{path.name} is not a text file (it contains binary data)")
    text, encoding = decode(data)
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        hint = first.strip()[4]  # Excel's own "sep=;" line names the delimiter

        class _Hinted(csv.excel):
            delimiter = hint

        dialect, text = _Hinted, rest
    else:
        dialect = sniff_dialect(text[:65536])
    rows: list[list] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        for i, row in enumerate(reader):
            rows.append([v if v.strip() else None for v in row])
            if i % 5000 == 0 and cancelled is not None and cancelled():
                raise ImportCancelled("import cancelled; nothing was changed")
    except csv.Error as exc:
        raise ImportRefused(f"{path.name} is not valid CSV near line {len(rows) + 1} ({exc})") from None
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
    return book
