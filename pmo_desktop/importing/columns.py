"""Converting a mapped column of a table at once: its cells' raw values, then their stored values.

A register of 50,000 rows holds a few hundred distinct values in most columns (statuses, owners,
dates, scores): each distinct value is converted once and the column is filled from the results, so
the work grows with the distinct values, not with the cells. Free text (titles, descriptions) is
stripped in one pass. records.py turns the columns into one record per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.convert import Context, UnknownValue, convert_value


@dataclass(slots=True)
class Failed:
    """A cell whose value could not be converted: the raw value, the column it came from and why."""

    raw: object
    reason: str
    unknown: bool  # an unknown value of a closed list (answered once for all rows), not a row's own error
    col: int = -1


_SLOW = object()  # a cell the one-pass text clean-up leaves to convert_value
_BLANK = object()


def transpose(rows: list[list]) -> list[tuple]:
    """The grid's columns (each as long as the grid, blanks None), in one pass."""
    return list(zip_longest(*rows)) if rows else []


def column_raws(grid: list[tuple], data_rows: list[int], cols: list[int], merged: dict
                ) -> tuple[list, list[int] | None]:
    """The raw value of every data row for a field read from `cols` (the first that is not blank), and
    for a field with several columns the column each value came from (None: always cols[0]). `grid`
    is `transpose()` of the data rows."""
    per_col = [_one_column(grid, data_rows, c, merged) for c in cols]
    if len(cols) == 1:
        return per_col[0], None
    raws = list(per_col[0])
    source = [cols[0]] * len(raws)
    for i, v in enumerate(raws):
        if v is None or (v.__class__ is str and not v.strip()):
            raws[i] = None
            for c, values in zip(cols, per_col, strict=True):
                w = values[i]
                if w is not None and not (w.__class__ is str and not w.strip()):
                    raws[i], source[i] = w, c
                    break
    return raws, source


def _one_column(grid: list[tuple], data_rows: list[int], col: int, merged: dict) -> list:
    if col >= len(grid):
        return [None] * len(data_rows)
    raws = grid[col]  # (a tuple, copied only when merged cells change it)
    if merged:
        raws = list(raws)
        where = None
        for (r, c), v in merged.items():
            if c == col:
                if where is None:
                    where = {r: i for i, r in enumerate(data_rows)}
                i = where.get(r)
                if i is not None:
                    raws[i] = v
    return raws


def convert_column(f: k.Field, raws: list, ctx: Context, *, plain: bool, fractions: bool | None,
                   fill_at=None) -> tuple[list, list[int]]:
    """The stored value of every cell of one field (None for nothing, a `Failed` for a refused value)
    and the positions of the refused ones.
    `plain`: free text no answer applies to, stripped without a call per cell. `fill_at(i)`: the fill
    of row i's cell, for a RAG field whose blank cells may say it by colour alone."""
    if plain:
        out = [(v.strip() or None) if v.__class__ is str and v[:1] != "'" else (None if v is None else _SLOW)
               for v in raws]
        slow = [i for i, v in enumerate(out) if v is _SLOW] if _SLOW in out else []
        for i in slow:
            out[i] = _convert_one(f, raws[i], ctx, fractions)
        return out, [i for i in slow if out[i].__class__ is Failed]
    if len(set(map(type, raws)) - {str, type(None)}) > 1:
        keys = [v if v.__class__ is str else (v.__class__, v) for v in raws]  # 1, 1.0 and True differ
    else:
        keys = raws  # texts and blanks, and at most one other type: a value is its own key
    done: dict = {}
    for key in dict.fromkeys(keys):
        raw = key if keys is raws or key.__class__ is str else key[1]
        if raw is None or (raw.__class__ is str and not raw.strip()):
            done[key] = _BLANK
        else:
            done[key] = _convert_one(f, raw, ctx, fractions)
    out = list(map(done.__getitem__, keys))
    failed = []
    if any(v.__class__ is Failed for v in done.values()):
        failed = [i for i, v in enumerate(out) if v.__class__ is Failed]
    if _BLANK in done.values():
        for i, v in enumerate(out):
            if v is _BLANK:
                fill = fill_at(i) if fill_at is not None else None
                out[i] = None if fill is None else _convert_one(f, None, ctx, fractions, fill)
                if out[i].__class__ is Failed:
                    failed.append(i)
        failed.sort()
    return out, failed


def _convert_one(f: k.Field, raw, ctx: Context, fractions, fill: str | None = None):
    try:
        value = convert_value(f, raw, ctx, fill=fill, fractions=fractions)
    except UnknownValue as exc:
        return Failed(raw, str(exc), True)
    except (ValueError, OverflowError, KeyError) as exc:
        return Failed(raw, str(exc), False)
    return None if value is None or value == [] else value
