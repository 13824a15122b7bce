"""A register table's column layout read from and laid onto its header, by column key
(pmo_desktop.registers.layout does the matching; this is the Qt side of it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from pmo_desktop.registers.columns import Column
from pmo_desktop.registers.layout import ColumnLayout


def capture_layout(table: QTableView, columns: list[Column], sort: tuple[str, bool] | None,
                   previous: dict | None = None) -> ColumnLayout:
    """The layout on screen. A hidden column keeps the width it had when last saved (Qt reports 0)."""
    header = table.horizontalHeader()
    keys = [c.key for c in columns]
    order = [keys[header.logicalIndex(v)] for v in range(header.count()) if 0 <= header.logicalIndex(v) < len(keys)]
    old_widths = (previous or {}).get("widths") if isinstance((previous or {}).get("widths"), dict) else {}
    widths, hidden = {}, set()
    for i, key in enumerate(keys):
        if header.isSectionHidden(i):
            hidden.add(key)
            if isinstance(old_widths.get(key), int):
                widths[key] = old_widths[key]
        else:
            widths[key] = header.sectionSize(i)
    return ColumnLayout(order, widths, hidden, sort)


def apply_layout(table: QTableView, columns: list[Column], layout: ColumnLayout, frozen: int = 0) -> None:
    """Order, widths, hidden columns and sort as `layout` says (the first `frozen` columns stay first and
    shown). Sorting is set through the header, so the model sorts as the indicator shows."""
    header = table.horizontalHeader()
    index = {c.key: i for i, c in enumerate(columns)}
    for key, width in layout.widths.items():
        if key in index:
            table.setColumnWidth(index[key], width)
    for visual, key in enumerate(layout.order):
        logical = index.get(key)
        if logical is not None and header.visualIndex(logical) != visual:
            header.moveSection(header.visualIndex(logical), visual)
    for key, logical in index.items():
        table.setColumnHidden(logical, logical >= frozen and key in layout.hidden)
    if layout.sort and layout.sort[0] in index:
        order = Qt.SortOrder.DescendingOrder if layout.sort[1] else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(index[layout.sort[0]], order)
    else:
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
