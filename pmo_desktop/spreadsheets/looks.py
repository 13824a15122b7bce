"""What an .xlsx sheet's cells looked like, for the few things cell values do not say.

python-calamine gives values (fast); this module reads, straight from the sheet's XML and only when the
workbook has them, the rest: solid fills (RAG colours), indents (task outlines), hidden rows and columns,
and formulas saved without a cached value. The styles part is parsed with defusedxml (small); the sheet
part, which can be large, is scanned with byte patterns and never parsed as XML, so no entity can
expand. Each scan runs only when a cheap test says it can find something (styles with a fill or an
indent exist, the word `hidden` or a formula tag appears), so a plain workbook costs one inflate.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import ElementTree

from pmo_desktop.spreadsheets.errors import ImportRefused

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PROLOG_MAX = 1 << 20  # what may come before a part's first element: declaration, comments, a DTD
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
_ROW_HIDDEN = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_COL_HIDDEN = re.compile(rb'<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_MIN_MAX = re.compile(rb'\b(min|max)="(\d+)"')
_UNCACHED = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*'
                       rb'</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')
# Is there anything to look for at all? (re finds a literal in a large part several times faster than
# `bytes in`, which also holds the GIL the reading thread needs: a 30 MB sheet took 0.09 s with `in`.)
_HIDDEN = re.compile(rb"hidden")
_FORMULA = re.compile(rb"<f")
# Excel's legacy indexed palette, for the few files that still colour cells by index
_INDEXED = {2: "FF0000", 3: "00FF00", 5: "FFFF00", 10: "FF0000", 11: "00FF00", 13: "FFFF00", 17: "008000",
            51: "FFCC00", 52: "FF9900", 53: "FF6600", 50: "99CC00", 57: "339966", 12: "0000FF", 22: "C0C0C0",
            23: "808080", 55: "969696"}


@dataclass
class Looks:
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    indents: dict[tuple[int, int], int] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    uncached: list[str] = field(default_factory=list)


def refuse_entities(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse a workbook any of whose XML parts declares a DTD (the door to entity tricks). A DTD can
    only come in the prolog, before the first element; comments and processing instructions there are
    skipped, however long (up to a bound)."""
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with zf.open(info) as fh:
            head = fh.read(_PROLOG_MAX)
        end = _PROLOG.match(head).end()
        rest = head[end:end + 16]
        if rest.startswith((b"<!DOCTYPE", b"<!ENTITY", b"<!doctype")):
            raise ImportRefused(f"{name} contains an XML document type (DTD) or entity declarations, which are "
                                "refused as unsafe; save it again from Excel")
        if not rest and len(head) == _PROLOG_MAX:
            raise ImportRefused(f"{name}: the part {info.filename} starts with over {_PROLOG_MAX // 1024} KB of "
                                "comments; not a workbook Excel writes")


_BYTES_PER_CELL = 16  # '<c><v>1</v></c>' is 15: a part smaller than MAX_CELLS x this cannot pass MAX_CELLS


def count_cells(zf: zipfile.ZipFile, part: str, limit: int) -> int | None:
    """For a sheet part big enough to hold more than `limit` cells: how many cells it has, counted in
    1 MB pieces as it inflates (never held whole); None for smaller parts, which cannot."""
    try:
        info = zf.getinfo(part)
    except KeyError:
        return None
    if info.file_size < limit * _BYTES_PER_CELL:
        return None
    count, tail = 0, b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                return count
            piece = tail + chunk
            count += piece.count(b"<c ") + piece.count(b"<c>")
            tail = piece[-2:]  # a tag cut by the piece's end is counted whole with the next piece
            if count > limit:
                return count


def sheet_parts(zf: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    """({sheet name: part path in the zip}, whether the workbook uses the 1904 date system)."""
    root = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    date1904 = False
    pr = root.find("m:workbookPr", _NS)
    if pr is not None and pr.get("date1904") in ("1", "true"):
        date1904 = True
    targets = {}
    try:
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        for rel in rels:
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            targets[rel.get("Id")] = path
    except KeyError:
        pass
    parts = {}
    sheets = root.find("m:sheets", _NS)
    for sheet in (sheets if sheets is not None else []):
        path = targets.get(sheet.get(_REL))
        if path:
            parts[sheet.get("name")] = path
    return parts, date1904


def styles_of_interest(zf: zipfile.ZipFile) -> tuple[dict[int, str], dict[int, int]]:
    """({style id: '#RRGGBB' of its solid fill}, {style id: indent}) for the styles that have one."""
    try:
        root = ElementTree.fromstring(zf.read("xl/styles.xml"))
    except KeyError:
        return {}, {}
    fills: list[str | None] = []
    for fill in root.iterfind("m:fills/m:fill", _NS):
        pattern = fill.find("m:patternFill", _NS)
        colour = None
        if pattern is not None and pattern.get("patternType") == "solid":
            fg = pattern.find("m:fgColor", _NS)
            if fg is not None:
                rgb = fg.get("rgb")
                if rgb and len(rgb) in (6, 8):
                    colour = "#" + rgb[-6:].upper()
                elif fg.get("indexed", "").isdigit() and int(fg.get("indexed")) in _INDEXED:
                    colour = "#" + _INDEXED[int(fg.get("indexed"))]
        fills.append(colour)
    fill_of: dict[int, str] = {}
    indent_of: dict[int, int] = {}
    for i, xf in enumerate(root.iterfind("m:cellXfs/m:xf", _NS)):
        fid = xf.get("fillId", "0")
        if fid.isdigit() and int(fid) < len(fills) and fills[int(fid)]:
            fill_of[i] = fills[int(fid)]
        align = xf.find("m:alignment", _NS)
        if align is not None and (align.get("indent") or "0").isdigit() and int(align.get("indent") or 0):
            indent_of[i] = int(align.get("indent"))
    return fill_of, indent_of


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def scan_sheet(data: bytes, fill_of: dict[int, str], indent_of: dict[int, int]) -> Looks:
    looks = Looks()
    if _HIDDEN.search(data):
        for m in _ROW_HIDDEN.finditer(data):
            r = _ROW_NUMBER.search(m.group(0))
            if r:
                looks.hidden_rows.add(int(r.group(1)) - 1)
        for m in _COL_HIDDEN.finditer(data):
            bounds = dict(_MIN_MAX.findall(m.group(0)))
            lo, hi = int(bounds.get(b"min", 0)), int(bounds.get(b"max", 0))
            looks.hidden_cols.update(range(lo - 1, min(hi, lo + 1000)))
    if _FORMULA.search(data):  # (a formula tag with a namespace prefix is not looked for: rare, and only a note)
        looks.uncached = [m.group(1).decode() for m in _UNCACHED.finditer(data)]
    wanted = set(fill_of) | set(indent_of)
    if wanted:
        ids = b"|".join(str(i).encode() for i in sorted(wanted))
        cell = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*?\bs="(' + ids + rb')"[^>]*?(/?)>')
        for m in cell.finditer(data):
            r, c, sid = int(m.group(2)) - 1, _column_index(m.group(1)), int(m.group(3))
            if sid in fill_of:
                looks.fills[(r, c)] = fill_of[sid]
            if sid in indent_of and not m.group(4):  # an indent matters on a cell that holds something
                looks.indents[(r, c)] = indent_of[sid]
    return looks
