"""A small read-only table model over plain rows, for the governance views.

Each row is a list of display values plus an optional key (what the row stands for), a background
colour per row and a tooltip; sorting is by the raw value of a column, with blanks last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: list[str], parent=None, *, right_aligned: set[int] = frozenset(),
                 display: Callable[[int, Any], str] | None = None):
        super().__init__(parent)
        self.headers = headers
        self.right_aligned = right_aligned
        self.display = display or (lambda _col, v: "" if v is None else str(v))
        self.rows: list[list[Any]] = []
        self.keys: list[Any] = []
        self.backgrounds: list[str | None] = []
        self.decorations: dict[tuple[int, int], Any] = {}
        self.tooltips: dict[tuple[int, int], str] = {}
        self.header_tips: dict[int, str] = {}

    def set_rows(self, rows: list[list[Any]], keys: list[Any] | None = None,
                 backgrounds: list[str | None] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.keys = keys if keys is not None else [None] * len(rows)
        self.backgrounds = backgrounds if backgrounds is not None else [None] * len(rows)
        self.decorations = {}
        self.tooltips = {}
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips.get(section)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        value = self.rows[r][c]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(c, value)
        if role == SORT_ROLE:
            return value
        if role == KEY_ROLE:
            return self.keys[r]
        if role == Qt.ItemDataRole.TextAlignmentRole and c in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.backgrounds[r]:
            return QBrush(QColor(self.backgrounds[r]))
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decorations.get((r, c))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips.get((r, c))
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        order_index = sorted(range(len(self.rows)), key=lambda i: _sort_key(self.rows[i][column]),
                             reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [self.rows[i] for i in order_index]
        self.keys = [self.keys[i] for i in order_index]
        self.backgrounds = [self.backgrounds[i] for i in order_index]
        where = {old: new for new, old in enumerate(order_index)}
        self.decorations = {(where[r], c): v for (r, c), v in self.decorations.items()}
        self.tooltips = {(where[r], c): v for (r, c), v in self.tooltips.items()}
        self.layoutChanged.emit()


def _sort_key(value: Any) -> tuple:
    if value is None or value == "":
        return (2, "")
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value).casefold())


class RefreshWhenShown:
    """Mixin for a view: after any change (a batch recorded, an undo) it re-reads when next shown."""

    def watch_changes(self) -> None:
        self._stale = False
        self.context.history.changed.connect(self._mark_stale)
        self.context.history.applied.connect(self._mark_stale)

    def _mark_stale(self, *_args) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if getattr(self, "_stale", False):
            self._stale = False
            self.refresh()
        super().showEvent(event)
