"""Tab-separated text as Excel puts on and takes from the clipboard.

Excel writes one line per row, cells separated by tabs, and wraps a cell in double quotes when it
holds a tab, a newline or a quote (doubling inner quotes). It ends the block with a newline.
"""

from __future__ import annotations

import csv
import io


def to_tsv(grid: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in grid:
        writer.writerow(["" if v is None else str(v) for v in row])
    return out.getvalue()


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; a trailing newline does not make an empty last row. Ragged rows are padded."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quotechar='"'))
    rows = [r if r else [""] for r in rows]
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]
