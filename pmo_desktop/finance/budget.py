"""One project's budget as a grid (category x CAPEX/OPEX rows, month columns, planned / actual /
forecast figures) and the edits that change it: the service behind the budget view.

Months up to and including the period's cut-off month are "actual" months, later ones "forecast"
months (DOMAIN.md); the grid says which is which so the view can show it. Every call to
`apply_budget_edits` is one transaction and one undo step, however many cells it changes (a
block pasted from Excel is one call); invalid input changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import Source, SpendType
from pmo_desktop.store import Portfolio, PortfolioError

FIELDS = ("planned", "actual", "forecast")


class BudgetError(PortfolioError):
    """An edit that cannot be applied; nothing was changed. str() is one line for the user."""


@dataclass(frozen=True)
class BudgetEdit:
    """Set one figure of one budget line. `value` in minor units; None clears actual/forecast
    (planned cannot be empty and is set to 0)."""

    category: str
    spend_type: str
    month: date | str
    field: str
    value: int | None


@dataclass
class BudgetGrid:
    project_id: int
    months: list[date]  # contiguous, oldest first
    cutoff_month: date  # months up to here are actual months, later ones forecast months
    lines: list[tuple[str, str]]  # (category, spend_type), in display order
    cells: dict[tuple[str, str, str, str], int | None] = field(default_factory=dict)
    # key: (category, spend_type, 'YYYY-MM-01', field)

    def value(self, category: str, spend_type: str, month: date, name: str) -> int | None:
        return self.cells.get((category, spend_type, month.isoformat(), name))

    def is_actual_month(self, month: date) -> bool:
        return month <= self.cutoff_month

    def outturn(self, category: str, spend_type: str, month: date) -> int:
        """The figure that counts for the month: actual up to the cut-off, forecast (else planned) after."""
        if self.is_actual_month(month):
            return self.value(category, spend_type, month, "actual") or 0
        forecast = self.value(category, spend_type, month, "forecast")
        return forecast if forecast is not None else (self.value(category, spend_type, month, "planned") or 0)

    def total(self, name: str, *, month: date | None = None, line: tuple[str, str] | None = None) -> int:
        """Sum of a figure ('planned', 'actual', 'forecast' or 'outturn') over a month and/or line."""
        months = [month] if month else self.months
        lines = [line] if line else self.lines
        if name == "outturn":
            return sum(self.outturn(c, s, m) for c, s in lines for m in months)
        return sum(self.value(c, s, m, name) or 0 for c, s in lines for m in months)


def budget_grid(pf: Portfolio, project_id: int, cutoff_month: date, months: Iterable[date] | None = None,
                fy_start_month: int = 4) -> BudgetGrid:
    """The project's budget lines as a grid. Months default to every month from the earliest of the
    project's lines and the cut-off's financial year to the latest of them (contiguous)."""
    if pf.conn.execute("SELECT 1 FROM projects WHERE id = ?", (project_id,)).fetchone() is None:
        raise BudgetError(f"there is no project with id {project_id}")
    rows = pf.conn.execute(
        """SELECT category, spend_type, substr(month, 1, 7) || '-01', planned, actual, forecast
           FROM budget_lines WHERE project_id = ? ORDER BY spend_type, category, month""",
        (project_id,),
    ).fetchall()
    cells: dict[tuple[str, str, str, str], int | None] = {}
    lines: list[tuple[str, str]] = []
    seen_months = set()
    for category, spend, month, planned, actual, forecast in rows:
        if (category, spend) not in lines:
            lines.append((category, spend))
        seen_months.add(month)
        for name, value in zip(FIELDS, (planned, actual, forecast), strict=True):
            key = (category, spend, month, name)
            cells[key] = value if cells.get(key) is None else cells[key] + (value or 0)
    if months is None:
        fy = workdays.fy_start(cutoff_month, fy_start_month)
        bounds = [fy, workdays.add_months(fy, 11), *(date.fromisoformat(m) for m in seen_months)]
        first, last = min(bounds), max(bounds)
        span = (last.year - first.year) * 12 + last.month - first.month
        month_list = [workdays.add_months(first, i) for i in range(span + 1)]
    else:
        month_list = sorted({m.replace(day=1) for m in months})
    return BudgetGrid(project_id=project_id, months=month_list, cutoff_month=cutoff_month.replace(day=1),
                      lines=lines, cells=cells)


def _month(value: date | str) -> str:
    """'YYYY-MM-01' from a date, 'YYYY-MM' or 'YYYY-MM-DD'."""
    if isinstance(value, date):
        return value.replace(day=1).isoformat()
    text = str(value).strip()
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01").isoformat()
        if len(text) == 10:
            return date.fromisoformat(text).replace(day=1).isoformat()
    except ValueError:
        pass
    raise BudgetError(f"'{text}' is not a month; write it YYYY-MM")


def _validate(edit: BudgetEdit) -> tuple[str, str, str, str, int | None]:
    category = (edit.category or "").strip()
    if not category:
        raise BudgetError("a budget line needs a category")
    if edit.spend_type not in {s.value for s in SpendType}:
        raise BudgetError(f"spend type must be CAPEX or OPEX, not '{edit.spend_type}'")
    if edit.field not in FIELDS:
        raise BudgetError(f"a budget figure is planned, actual or forecast, not '{edit.field}'")
    value = edit.value
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise BudgetError(f"amounts are whole minor units (pence), not {value!r}")
    if value is not None and abs(value) >= 10**15:
        raise BudgetError("that amount is too large for a budget line")
    return category, edit.spend_type, _month(edit.month), edit.field, value


def apply_budget_edits(pf: Portfolio, project_id: int, edits: Iterable[BudgetEdit], *,
                       source: Source | str = Source.UI, label: str | None = None) -> int | None:
    """Apply every edit as one batch (one undo step); returns the batch id, or None when nothing
    changed. All edits are checked before anything is written."""
    checked = [_validate(e) for e in edits]
    if pf.conn.execute("SELECT 1 FROM projects WHERE id = ?", (project_id,)).fetchone() is None:
        raise BudgetError(f"there is no project with id {project_id}")
    conn = pf.conn
    writes: list[tuple[str, tuple]] = []
    pending: dict[tuple, object] = {}
    for category, spend, month, name, value in checked:
        stored = 0 if name == "planned" and value is None else value
        key = (category, spend, month)
        row = conn.execute(
            """SELECT id, planned, actual, forecast FROM budget_lines
               WHERE project_id = ? AND category = ? AND spend_type = ? AND month = ?""",
            (project_id, *key),
        ).fetchone()
        current = pending.get((key, name), row[1 + FIELDS.index(name)] if row else None)
        if row is None and (key, "exists") not in pending:
            if stored is None:
                continue
            writes.append((f"INSERT INTO budget_lines (project_id, category, spend_type, month, {name}) "
                           "VALUES (?, ?, ?, ?, ?)", (project_id, *key, stored)))
            pending[(key, "exists")] = True
        elif current != stored:
            writes.append((f"UPDATE budget_lines SET {name} = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                           "WHERE project_id = ? AND category = ? AND spend_type = ? AND month = ?",
                           (stored, project_id, *key)))
        pending[(key, name)] = stored
    if not writes:
        return None
    count = len(writes)
    with pf.batch(source, label or f"Edit budget ({count} cell{'s' if count != 1 else ''})") as batch_id:
        for sql, args in writes:
            conn.execute(sql, args)
    return batch_id
