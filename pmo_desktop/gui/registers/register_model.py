"""An item model over one register that reads the store lazily.

It adapts the Qt-free registers service: `refresh()` asks pmo_desktop.registers.query for the ordered
ids of the rows that match (sorted, searched, filtered in SQL) and cells are read a page of rows at a
time, by id, when the view first paints them. No Python object per cell is kept beyond the pages on
screen. Writes go through pmo_desktop.registers.writes (parse, check the row rules, one batch).

Every write is one store batch; the model emits `batch_done(batch_id)` so the window's undo history
can record it, and `problem(message)` when a value is refused (nothing is written then).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.scores import score_band
from pmo_desktop.domain.values import ValueProblem
from pmo_desktop.domain.vocabularies import vocabulary_of
from pmo_desktop.gui.widgets.chips import band_icon, chip_icon
from pmo_desktop.gui.widgets.texts import shown, shown_scale
from pmo_desktop.registers import columns as C
from pmo_desktop.registers import query as Q
from pmo_desktop.registers import writes as W
from pmo_desktop.registers.columns import Column, CustomField, Formatting
from pmo_desktop.registers.definitions import Register
from pmo_desktop.store import Portfolio, custom_fields
from pmo_desktop.store.value_lists import value_lists

PAGE = 200
MAX_PAGES = 60
BLANK = Q.BLANK  # filter value meaning "empty cell"
RAW_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the stored value (RAG letter, pence, ISO date)
_DISPLAY, _DECORATION, _EDIT, _TOOLTIP, _ALIGN, _ACCESSIBLE = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.AccessibleTextRole))
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


_WORDS = (C.ENUM, C.CHOICE)


class RegisterModel(QAbstractTableModel):
    problem = Signal(str)
    batch_done = Signal(int)
    rows_reloaded = Signal()

    def __init__(self, portfolio: Portfolio, register: Register, fmt: Formatting | None = None, parent=None,
                 *, load: bool = True):
        super().__init__(parent)
        self.pf = portfolio
        self.register = register
        self.fmt = fmt or Formatting()
        self.columns: list[Column] = []
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        self._sort: tuple[str, Qt.SortOrder] | None = None  # (column key, order)
        self._search = ""
        self._filters: dict[str, Any] = {}
        self._condition: tuple[str, str, tuple] | None = None  # (label, SQL, parameters)
        self.total = 0
        self._loaded = False
        self.load_columns()
        if load:
            self.refresh()

    # -- structure ------------------------------------------------------------------------------------

    def load_columns(self) -> None:
        """Fixed columns plus the portfolio's custom fields for this register."""
        self.beginResetModel()
        lists = value_lists(self.pf.conn)
        cols = [c.with_(choices=tuple(lists.get(vocabulary_of(c.enum), ()))) if vocabulary_of(c.enum) else c
                for c in self.register.columns]
        if self.register.custom_entity:
            for f in custom_fields.list_fields(self.pf, self.register.custom_entity):
                cols.append(CustomField(**f).column(self.register.alias))
        self.columns = cols
        self._locks = Q.locked_columns(cols)
        self._align = [_RIGHT if c.kind in C.NUMERIC_KINDS else _CENTRE if c.kind in (C.RAG, C.BOOL) else _LEFT
                       for c in cols]
        keys = {c.key for c in cols}
        self._filters = {k: v for k, v in self._filters.items() if k in keys}
        if self._sort is not None and self._sort[0] not in keys:
            self._sort = None
        self._pages.clear()
        self.endResetModel()

    def column_index(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    @property
    def read_only(self) -> bool:
        return self.pf.read_only

    # -- querying (pmo_desktop.registers.query does the SQL) -------------------------------------------

    def _query(self) -> Q.RegisterQuery:
        sort = None
        if self._sort is not None:
            sort = (self._sort[0], self._sort[1] == Qt.SortOrder.DescendingOrder)
        return Q.RegisterQuery(self.register, self.columns, self._search, self._filters, self._condition, sort)

    def _column(self, key: str) -> Column:
        return self.columns[self.column_index(key)]

    def refresh(self) -> None:
        """Re-run the query (after undo, a filter, a sort); keeps nothing of the old rows."""
        self._loaded = True
        self.beginResetModel()
        self._ids = Q.matching_ids(self.pf, self._query())
        self._pages.clear()
        self.endResetModel()
        self.total = Q.register_total(self.pf, self.register)
        self.rows_reloaded.emit()

    def set_search(self, text: str) -> None:
        self._search = text.strip()
        self.refresh()

    def set_filter(self, key: str, value: Any) -> None:
        """Only rows whose column `key` equals `value` (BLANK: is empty); None removes the filter."""
        if value is None:
            self._filters.pop(key, None)
        else:
            self._filters[key] = value
        self.refresh()

    def set_condition(self, label: str | None, sql: str = "", params: tuple | list = (), *,
                      clear_others: bool = False) -> None:
        """Only rows that meet an SQL condition over the register's FROM (its aliases, `?` parameters),
        on top of the search and column filters (or instead of them, with clear_others); `label` says
        what it is in words. None removes it. For filters no column box offers (a chart's probability
        and impact, projects with CAPEX)."""
        if clear_others:
            self._filters.clear()
            self._search = ""
        self._condition = None if label is None else (label, sql, tuple(params))
        self.refresh()

    def condition(self) -> str | None:
        """The label of the extra condition, or None."""
        return self._condition[0] if self._condition else None

    def filters(self) -> dict[str, Any]:
        return dict(self._filters)

    def distinct_values(self, key: str, limit: int = 500) -> list[Any]:
        return Q.distinct_values(self.pf, self.register, self._column(key), limit)

    def sorting(self) -> tuple[str, bool] | None:
        """(column key, descending) of the sort in force, or None."""
        if self._sort is None:
            return None
        return self._sort[0], self._sort[1] == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (self.columns[column].key, order) if 0 <= column < len(self.columns) else None
        if self._loaded:
            self.refresh()

    def _page(self, page: int) -> dict[int, tuple]:
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
            return rows
        rows = Q.read_rows(self.pf, self.register, self.columns, self._ids[page * PAGE:(page + 1) * PAGE])
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def raw(self, row: int, col: int) -> Any:
        if not 0 <= row < len(self._ids):
            return None
        page = self._pages.get(row // PAGE)
        if page is None:
            page = self._page(row // PAGE)
        values = page.get(self._ids[row])
        return None if values is None else values[col]

    def locked(self, row: int, col: int) -> bool:
        """Is this row's cell worked out elsewhere (a planned project's dates come from its plan)?"""
        pos = self._locks.get(col)
        if pos is None or not 0 <= row < len(self._ids):
            return False
        values = self._page(row // PAGE).get(self._ids[row])
        return bool(values and values[pos])

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, row_id: int) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def _forget_rows(self, rows: list[int]) -> None:
        for page in {r // PAGE for r in rows}:
            self._pages.pop(page, None)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1))

    # -- Qt model -------------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=_DISPLAY):
        role = int(role)
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == _DISPLAY else None
        if 0 <= section < len(self.columns):
            col = self.columns[section]
            return shown(col.header) if role == _DISPLAY else shown(col.tip or col.header)
        return None

    def data(self, index, role=_DISPLAY):
        # Called for every visible cell and role on each repaint: plain int roles, no enum arithmetic.
        role = int(role)
        if role == _DISPLAY:
            col = self.columns[index.column()]
            value = self.raw(index.row(), index.column())
            if value is None or col.kind == C.RAG:
                return ""  # a RAG chip (the decoration) shows the letter and colour
            if col.kind == C.SCORE:
                band = score_band(value)
                return f"{value} {shown(band.value)}" if band else str(value)
            if col.kind == C.TEXT:
                return str(value)
            if col.kind in (C.BOOL, C.PROBABILITY, C.IMPACT):
                return shown_scale(C.display_text(col, value, self.fmt))
            if col.kind in _WORDS:  # stored English words (stages, statuses...) in the user's language
                return shown(C.display_text(col, value, self.fmt))
            return C.display_text(col, value, self.fmt)
        if role == _DECORATION:
            kind = self.columns[index.column()].kind
            if kind == C.RAG:
                rag = rag_of(self.raw(index.row(), index.column()))
                return chip_icon(rag) if rag else None
            if kind == C.SCORE:
                band = score_band(self.raw(index.row(), index.column()))
                return band_icon(band) if band else None
            return None
        if role == _ALIGN:
            return self._align[index.column()]
        if role == _EDIT:
            return C.edit_text(self.columns[index.column()], self.raw(index.row(), index.column()), self.fmt)
        if role == RAW_ROLE:
            return self.raw(index.row(), index.column())
        if role == _ACCESSIBLE:
            col = self.columns[index.column()]
            return C.display_text(col, self.raw(index.row(), index.column()), self.fmt)
        if role == _TOOLTIP:
            col = self.columns[index.column()]
            if col.locked and self.locked(index.row(), index.column()):
                return col.locked_tip
            value = self.raw(index.row(), index.column())
            if col.kind == C.MULTILINE and value:
                return str(value)
            if col.kind == C.RAG and value:
                return shown(C.display_text(col, value, self.fmt))
        return None

    def flags(self, index):
        if index.isValid() and self.columns[index.column()].editable and not self.read_only and \
                not (self._locks and self.locked(index.row(), index.column())):
            return _EDITABLE
        return _SELECTABLE

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.write_cells([(index.row(), index.column(), value)]) is not None

    # -- writing ----------------------------------------------------------------------------------------

    def _label_for(self, row: int) -> str:
        try:
            key = self.column_index(self.register.key_column)
            return str(self.raw(row, key) or "")
        except KeyError:
            return ""

    def parse_cells(self, cells: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
        """Parse every cell first; raise ValueProblem naming the first bad cell (nothing written)."""
        return W.parse_cells(self.pf, self.columns, cells, self.fmt, self.register)

    def project_of(self, row: int) -> int | None:
        """The project the row belongs to (a project row is its own)."""
        return Q.project_of(self.pf, self.register, self._ids[row]) if 0 <= row < len(self._ids) else None

    def write_cells(self, cells: list[tuple[int, int, Any]], label: str | None = None,
                    context: dict[str, Any] | None = None) -> int | None:
        """Validate and store cells as one batch; returns its id (0 when nothing changed), or None
        (and emits `problem`) when any cell is refused, in which case nothing is written. Cells on
        rows past the end append new rows in the same batch (a paste from Excel)."""
        if not cells:
            return 0 if not self.read_only else self._refuse(f"{self.pf.path.name} is open read-only")
        if label is None:
            row, col, _ = cells[0]
            header = self.columns[col].header if 0 <= col < len(self.columns) else ""
            label = (f"Edit {header} of {self._label_for(row)}".strip() if len(cells) == 1
                     else f"Paste {len(cells)} cells")
        try:
            batch_id, new_ids = W.write_cells(self.pf, self.register, self.columns, list(self._ids), cells,
                                              self.fmt, label=label, context=context)
        except ValueProblem as exc:
            return self._refuse(str(exc))
        if batch_id:
            self.batch_done.emit(batch_id)
        if new_ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(new_ids) - 1)
            self._ids.extend(new_ids)
            self.total += len(new_ids)
            self.endInsertRows()
        self._forget_rows([r for r, _, _ in cells])
        return batch_id

    def _refuse(self, message: str) -> None:
        self.problem.emit(message)
        return None

    def append_rows(self, count: int, context: dict[str, Any] | None = None,
                    copies_of: list[int] | None = None, label: str | None = None) -> list[int] | None:
        """Add `count` new rows (or copies of the given rows) as one batch; returns their row numbers."""
        copies = None if copies_of is None else [self._ids[r] for r in copies_of]
        try:
            batch_id, new_ids = W.add_rows(self.pf, self.register, self.columns, count=count, context=context,
                                           copies_of=copies, label=label)
        except ValueProblem as exc:
            return self._refuse(str(exc))
        if batch_id:
            self.batch_done.emit(batch_id)
        first = len(self._ids)
        if new_ids:
            self.beginInsertRows(QModelIndex(), first, first + len(new_ids) - 1)
            self._ids.extend(new_ids)
            self.total += len(new_ids)
            self.endInsertRows()
        return list(range(first, first + len(new_ids)))

    def delete_rows(self, rows: list[int]) -> int | None:
        ids = [self._ids[r] for r in sorted(set(rows))]
        try:
            batch_id = W.delete_rows(self.pf, self.register, self.columns, ids)
        except ValueProblem as exc:
            return self._refuse(str(exc))
        if batch_id:
            self.batch_done.emit(batch_id)
        self.refresh()
        return batch_id


def rag_of(value: Any) -> Rag | None:
    try:
        return Rag(value) if value else None
    except ValueError:
        return None
