"""How big an input may be. Every reader checks these before the work they bound, and a file past one is
refused in one line that names the limit, so any input is imported or refused in seconds.

The sheet limits are Excel's own (a workbook past them could not have come from Excel); the others are
far past any real plan or register.
"""

from __future__ import annotations

MAX_SPAN_DAYS = 36_525  # durations and lags: 100 years
MAX_DEPTH = 100  # nesting of tasks (outline levels); MS Project allows 100 too
MAX_COLUMNS = 16_384  # Excel's columns per sheet
MAX_ROWS = 1_048_576  # Excel's rows per sheet
MAX_CELL_CHARS = 32_767  # Excel's characters per cell
MAX_LINE_CHARS = 1_048_576  # one physical line of a text file (a CSV row with quoted line breaks may span several)
MAX_CELLS = 2_000_000  # cells read from one file: ~12 s of openpyxl's parsing here; a 50,000-row register has 1 million


def span_problem(days: float | int | None, what: str) -> str | None:
    """A sentence when `days` (a duration or a lag) is past MAX_SPAN_DAYS either way, else None."""
    if days is None or -MAX_SPAN_DAYS <= days <= MAX_SPAN_DAYS:
        return None
    return f"{what} is {days:,.0f} days; durations and lags are limited to 100 years ({MAX_SPAN_DAYS:,} days)"


def depth_problem(depth: int, what: str) -> str | None:
    if depth <= MAX_DEPTH:
        return None
    return f"{what} is nested more than {MAX_DEPTH} levels deep; plans are limited to {MAX_DEPTH} outline levels"
