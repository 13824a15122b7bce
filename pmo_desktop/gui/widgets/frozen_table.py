"""A table view whose first N columns stay put when the rest scroll sideways (Qt's "frozen column"
example): a second view over the same model and selection, laid over the left edge."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenTableView(QTableView):
    clear_requested = Signal()  # Delete or Backspace on selected cells (not while editing one)

    def __init__(self, frozen_columns: int = 1, parent=None):
        super().__init__(parent)
        self._n = frozen_columns
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumns")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.horizontalHeader().sectionMoved.connect(self._keep_frozen_first)
        self.verticalHeader().sectionResized.connect(
            lambda i, _old, size: self.frozen.setRowHeight(i, size))
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.horizontalHeader().sectionClicked.connect(self._frozen_header_clicked)
        self.horizontalHeader().sortIndicatorChanged.connect(
            lambda section, order: self.frozen.horizontalHeader().setSortIndicator(section, order))

    @property
    def frozen_count(self) -> int:
        return self._n

    def setModel(self, model) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self._refresh_frozen)
        model.columnsInserted.connect(self._refresh_frozen)
        self._refresh_frozen()

    def setIconSize(self, size) -> None:
        super().setIconSize(size)
        self.frozen.setIconSize(size)

    def setItemDelegate(self, delegate) -> None:
        super().setItemDelegate(delegate)
        self.frozen.setItemDelegate(delegate)

    def setEditTriggers(self, triggers) -> None:
        super().setEditTriggers(triggers)
        self.frozen.setEditTriggers(triggers)

    def setSortingEnabled(self, enabled: bool) -> None:
        super().setSortingEnabled(enabled)
        self.frozen.horizontalHeader().setSortIndicatorShown(enabled)

    def _frozen_header_clicked(self, column: int) -> None:
        header = self.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
            order = Qt.SortOrder.DescendingOrder
        self.sortByColumn(column, order)
        self.frozen.horizontalHeader().setSortIndicator(column, order)

    def _refresh_frozen(self) -> None:
        model = self.model()
        if model is None:
            return
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self.frozen.verticalHeader().setSectionResizeMode(self.verticalHeader().sectionResizeMode(0)
                                                          if model.rowCount() else QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        self.frozen.horizontalHeader().setSortIndicator(header.sortIndicatorSection(), header.sortIndicatorOrder())
        for col in range(model.columnCount()):
            self.frozen.setColumnHidden(col, col >= self._n)
            if col < self._n:
                self.frozen.setColumnWidth(col, self.columnWidth(col))
        self._update_geometry()

    def _section_resized(self, index: int, _old: int, size: int) -> None:
        if index < self._n:
            self.frozen.setColumnWidth(index, size)
            self._update_geometry()

    def _keep_frozen_first(self, *_args) -> None:
        header = self.horizontalHeader()
        for logical in range(self._n):
            if header.visualIndex(logical) != logical:
                header.blockSignals(True)
                header.moveSection(header.visualIndex(logical), logical)
                header.blockSignals(False)
        self.viewport().update()

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self._n) if not self.isColumnHidden(c))

    def _update_geometry(self) -> None:
        self.frozen.setGeometry(
            self.verticalHeader().width() + self.frameWidth(), self.frameWidth(),
            self.frozen_width(), self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_geometry()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._update_geometry()

    def keyPressEvent(self, event) -> None:
        if (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.state() != QAbstractItemView.State.EditingState
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self.clear_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def moveCursor(self, action, modifiers):
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= self._n
                and self.visualRect(current).topLeft().x() < self.frozen_width()):
            new_value = self.horizontalScrollBar().value() + self.visualRect(current).topLeft().x() - self.frozen_width()
            self.horizontalScrollBar().setValue(new_value)
        return current

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() >= self._n:
            super().scrollTo(index, hint)
            return
        # a frozen cell: never scroll sideways, only bring its row into view (pixel scrolling)
        y, h = self.rowViewportPosition(index.row()), self.rowHeight(index.row())
        bar, height = self.verticalScrollBar(), self.viewport().height()
        if y < 0:
            bar.setValue(bar.value() + y)
        elif y + h > height:
            bar.setValue(bar.value() + y + h - height)
