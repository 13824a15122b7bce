"""Finding the table on a sheet: where the header is, what the columns are called, which rows are data.

Real workbooks put titles, logos and settings blocks above the header, split headers over two rows
with merged group cells, leave blank rows inside, end with a totals row, and sometimes start a second
table further down. `detect_table` handles each and says what it did in `Table.notes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from pmo_desktop.importing.kinds import KINDS, normalise_header
from pmo_desktop.spreadsheets.grid import Sheet, column_letter

HEADER_SCAN_ROWS = 40
_TOTALS = re.compile(r"^(grand\s+|sub\s*-?\s*)?totals?\b|^sum\b|^overall total\b", re.I)
_TOTAL_STARTS = {"tot", "gra", "sub", "sum", "ove"}  # what a text must start with for _TOTALS to match
_TOTAL_FIRST = set("tTgGsSoO \t\u00a0")
_KNOWN: set[str] = {s for k in KINDS.values() for f in k.fields for s in f.synonyms}


@dataclass
class Column:
    index: int  # 0-based sheet column
    header: str  # as shown to the user ('Impact (monetary)', or 'Column D' when blank)
    parts: tuple[str, ...]  # header texts from each header row, outermost first
    blank_header: bool = False

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass
class Table:
    sheet: Sheet
    header_rows: list[int]
    columns: list[Column]
    data_rows: list[int]
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row index, reason)
    notes: list[str] = field(default_factory=list)
    score: float = 0.0
    epoch: int = 1900  # the workbook's date system, for date serials

    @property
    def header_row_number(self) -> int:
        return self.header_rows[-1] + 1

    def value(self, r: int, c: int):
        return self._merged.get((r, c), self.sheet.cell(r, c)) if self._merged else self.sheet.cell(r, c)

    _merged: dict = field(default_factory=dict, repr=False)


def _is_texty(v) -> bool:
    if not isinstance(v, str):
        return False
    t = v.strip()
    if not t or len(t) > 80:
        return False
    return not re.fullmatch(r"[-+(£$€]?\s*[\d,.]+%?\)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}.*", t)


class _Merged(dict):
    """(row, col) -> value of the merged range the cell lies in; `by_row` indexes the same by row."""

    def __init__(self):
        super().__init__()
        self.by_row: dict[int, list[tuple[int, object]]] = {}

    def put(self, r: int, c: int, value) -> None:
        self[(r, c)] = value
        self.by_row.setdefault(r, []).append((c, value))


def _row_values(sheet: Sheet, merged: dict, r: int) -> list:
    row = list(sheet.rows[r]) if r < len(sheet.rows) else []
    for mc, v in getattr(merged, "by_row", {}).get(r, ()):
        if mc >= len(row):
            row.extend([None] * (mc + 1 - len(row)))
        row[mc] = v
    return row


def merged_values(sheet: Sheet, limit: int = 200_000) -> _Merged:
    """Every cell inside a merged range carries the range's top-left value."""
    out = _Merged()
    for r1, c1, r2, c2 in sheet.merged:
        value = sheet.cell(r1, c1)
        if value is None:
            continue
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    out.put(r, c, value)
                    if len(out) > limit:
                        return out
    return out


def header_score(values: list) -> float:
    filled = [v for v in values if v is not None and not (isinstance(v, str) and not v.strip())]
    if len(filled) < 2:
        return 0.0
    score = 0.0
    for v in filled:
        if _is_texty(v):
            score += 1
            if normalise_header(v) in _KNOWN:
                score += 3
        elif isinstance(v, int | float) and not isinstance(v, bool):
            score -= 1  # dates are common headers (month columns, Gantt days); numbers are not
    return score


def detect_table(sheet: Sheet, *, header_row: int | None = None) -> Table | None:
    """The most header-like row in the first rows, and the data under it; None for an empty sheet."""
    if not any(sheet.rows):
        return None
    merged = merged_values(sheet)
    if header_row is None:
        best, best_score = None, 0.0
        for r in range(min(len(sheet.rows), HEADER_SCAN_ROWS)):
            score = header_score(_row_values(sheet, merged, r))
            if score <= 0:
                continue
            below = _next_filled(sheet, r + 1)
            if below is None:
                score *= 0.3  # a header with nothing under it
            if score > best_score + 0.01:
                best, best_score = r, score
        if best is None:
            return None
        header_row, score = best, best_score
    else:
        score = header_score(_row_values(sheet, merged, header_row))
    header_rows = _header_block(sheet, merged, header_row)
    columns = _columns(sheet, merged, header_rows)
    if not columns:
        return None
    table = Table(sheet, header_rows, columns, [], score=score, _merged=merged)
    if header_rows[0] > 0:
        table.notes.append(f"sheet '{sheet.name}': header found at row {header_rows[0] + 1}"
                           + (f"-{header_rows[-1] + 1} (two-row header)" if len(header_rows) > 1 else "")
                           + f"; {header_rows[0]} row(s) above it skipped")
    _data_rows(table)
    return table


def _next_filled(sheet: Sheet, start: int, span: int = 5) -> int | None:
    for r in range(start, min(len(sheet.rows), start + span)):
        if any(v is not None for v in sheet.rows[r]):
            return r
    return None


def _header_block(sheet: Sheet, merged: dict, h: int) -> list[int]:
    """The header row plus an adjacent group row joined to it by horizontal merges."""
    def spans(r: int) -> bool:
        return any(r1 == r and c2 > c1 and r2 == r for r1, c1, r2, c2 in sheet.merged)

    def vertical_into(r: int, other: int) -> bool:
        return any(r1 <= min(r, other) and r2 >= max(r, other) and r2 > r1 for r1, _c1, r2, _c2 in sheet.merged)

    rows = [h]
    while len(rows) < 3 and rows[0] > 0 and (spans(rows[0] - 1) or vertical_into(rows[0] - 1, rows[0])) \
            and header_score(_row_values(sheet, merged, rows[0] - 1)) > 0:
        rows.insert(0, rows[0] - 1)
    while len(rows) < 3 and rows[-1] + 1 < len(sheet.rows) and spans(rows[-1]):  # a group row over this one
        below = _row_values(sheet, merged, rows[-1] + 1)
        if header_score(below) >= 2 and all(_is_texty(v) or v is None for v in below):
            rows.append(rows[-1] + 1)
        else:
            break
    return rows


def _columns(sheet: Sheet, merged: dict, header_rows: list[int]) -> list[Column]:
    rows = [_row_values(sheet, merged, r) for r in header_rows]
    last = header_rows[-1]
    # A tall merged block that runs through the header into the data (a side note) is not a header.
    for r1, c1, r2, c2 in sheet.merged:
        if r1 <= last < r2 and r2 - r1 >= 3:
            for row in rows:
                for c in range(c1, min(c2 + 1, len(row))):
                    row[c] = None
    width = max(len(r) for r in rows)
    data_width = max((len(r) for r in sheet.rows[header_rows[-1] + 1: header_rows[-1] + 200]), default=0)
    columns = []
    seen: dict[str, int] = {}
    for c in range(max(width, data_width)):
        parts = []
        for row in rows:
            v = row[c] if c < len(row) else None
            if v is None:
                continue
            text = v.isoformat()[:10] if isinstance(v, date | datetime) else re.sub(r"\s+", " ", str(v)).strip()
            if text and text not in parts:
                parts.append(text)
        if not parts:
            if not any(c < len(r) and r[c] is not None for r in sheet.rows[last + 1: last + 5001]):
                continue
            header, blank = f"Column {column_letter(c)}", True
        else:
            header, blank = " ".join(parts), False
        if header in seen:
            seen[header] += 1
            header = f"{header} ({seen[header]})"
        else:
            seen[header] = 1
        columns.append(Column(c, header, tuple(parts), blank))
    return columns


def _data_rows(table: Table) -> None:
    sheet = table.sheet
    cols = [c.index for c in table.columns]
    header_norm = {c.index: c.parts[-1].strip().casefold() for c in table.columns if c.parts}
    header_texts = set(header_norm.values())
    merged = table._merged
    blank_run = 0
    blank_total = 0
    start = table.header_rows[-1] + 1
    contiguous = cols == list(range(len(cols)))  # the usual table: columns A, B, C ... with no gaps
    width = len(cols)
    plain = _plain_rows(sheet.rows, start, header_texts) if contiguous and not merged else set()
    for r in range(start, len(sheet.rows)):
        if r in plain and not blank_run:  # a row of data, as _plain_rows found (the checks below would find
            table.data_rows.append(r)       # nothing); after a blank row it may start notes or another table
            continue
        row = sheet.rows[r]
        if merged:
            values = [table.value(r, c) for c in cols]
        elif contiguous:
            values = row[:width]
        else:
            values = [row[c] if c < len(row) else None for c in cols]
        # the first three filled cells are all the checks below look at (most rows fill their first three)
        filled = [v for v in values[:3] if v is not None and (v.__class__ is not str or v.strip())]
        if len(filled) < 3:
            filled = [v for v in values if v is not None and (v.__class__ is not str or v.strip())][:3]
        if not filled:
            blank_run += 1
            blank_total += 1
            continue
        if blank_run >= 2 and header_score(values) >= 6:
            table.notes.append(f"sheet '{sheet.name}': another table starts at row {r + 1}; it was not "
                               "read with this one")
            table.skipped.append((r, "start of another table"))
            break
        if blank_run and _starts_notes(filled[0]):
            table.notes.append(f"sheet '{sheet.name}': notes below the table (from row {r + 1}: "
                               f"'{' '.join(str(v) for v in filled[:2])[:40]}') were not read as rows")
            table.skipped.append((r, "notes below the table"))
            break
        blank_run = 0
        first = filled[0]
        same = 0
        if isinstance(first, str) and first.strip().casefold() in header_texts:
            same = sum(1 for c, v in zip(cols, values, strict=False) if isinstance(v, str) and header_norm.get(c)
                       and v.strip().casefold() == header_norm[c])
        if header_norm and same >= max(2, len(header_norm) // 2):
            table.skipped.append((r, "repeated header row"))
            continue
        first_texts = [v for v in filled if v.__class__ is str and v[:1] in _TOTAL_FIRST
                       and v.lstrip()[:3].lower() in _TOTAL_STARTS]
        if any(_TOTALS.match(t.strip()) for t in first_texts):
            table.skipped.append((r, "totals row"))
            continue
        table.data_rows.append(r)
    if blank_total:
        table.notes.append(f"sheet '{sheet.name}': {blank_total} blank row(s) skipped")
    hidden = [r + 1 for r in table.data_rows if r in sheet.hidden_rows]
    if hidden:
        shown = ", ".join(map(str, hidden[:10])) + (" ..." if len(hidden) > 10 else "")
        table.notes.append(f"sheet '{sheet.name}': {len(hidden)} hidden row(s) imported (rows {shown})")
    totals = [r + 1 for r, why in table.skipped if why == "totals row"]
    if totals:
        table.notes.append(f"sheet '{sheet.name}': totals row(s) {', '.join(map(str, totals))} not imported")


# What the first cell of a footnote or a references block under a table says (after a blank row).
_NOTE_MARKS = {"*", "**", "***", "(*)", "(**)", "#", "†", "‡", "note", "notes", "nb", "n.b.", "source", "sources",
               "reference", "references", "legend", "footnote", "footnotes", "注", "备注", "说明", "来源", "参考资料"}


def _starts_notes(first) -> bool:
    if not isinstance(first, str):
        return False
    text = first.strip().casefold()
    return text.rstrip(":：").strip() in _NOTE_MARKS or (text[:1] in "*†‡" and not text[1:2].isalnum())


def _plain_rows(rows: list[list], start: int, header_texts: set[str]) -> set[int]:
    """The rows from `start` on whose first three cells are filled and none of which could begin a
    totals row or repeat the header: plain data rows, found a column at a time. (`_data_rows` looks at
    the first three filled cells of a row; here they are the first three cells.) Any doubt leaves a
    row to `_data_rows`'s own checks."""
    if len(rows) - start < 1000:
        return set()
    body = rows[start:]
    doubtful: set[int] = set()
    for c in range(3):
        column = [row[c] if c < len(row) else None for row in body]
        doubtful.update([i for i, v in enumerate(column) if v is None or (v.__class__ is str and (
            not v or v[:1].isspace() or (v[:1] in _TOTAL_FIRST and v.lstrip()[:3].lower() in _TOTAL_STARTS)
            or (c == 0 and v.strip().casefold() in header_texts)))])
    return {start + i for i in range(len(body)) if i not in doubtful}


def detect_tables(workbook) -> list[Table]:
    """One table per sheet that has one (a wizard's first page lists these)."""
    tables = []
    for sheet in workbook.sheets:
        table = detect_table(sheet)
        if table is not None and table.data_rows:
            tables.append(table)
    return tables
