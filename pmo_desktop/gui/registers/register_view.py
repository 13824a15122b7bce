"""One register on screen: quick search, column filters, the table, and its editing actions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
)

from pmo_desktop.domain.enums import Rag
from pmo_desktop.gui.registers.column_layout import apply_layout, capture_layout
from pmo_desktop.gui.registers.delegates import RegisterDelegate
from pmo_desktop.gui.registers.empty_state import EmptyState
from pmo_desktop.gui.registers.register_model import BLANK, RegisterModel
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext
from pmo_desktop.gui.widgets.chips import chip_icon
from pmo_desktop.gui.widgets.clipboard import parse_tsv, to_tsv
from pmo_desktop.gui.widgets.frozen_table import FrozenTableView
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.texts import shown as shown_word
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import columns as C
from pmo_desktop.registers.definitions import Register
from pmo_desktop.registers.layout import merge_layout, read_layout
from pmo_desktop.store import custom_fields

ALL = object()


class FilterBox(QComboBox):
    """A column filter that re-reads the column's values each time it opens (edits add values)."""

    def __init__(self, refill, parent=None):
        super().__init__(parent)
        self._refill = refill

    def showPopup(self) -> None:
        self._refill()
        super().showPopup()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Whole text when there is room; in a narrow window (the details pane open on a laptop) the
        boxes give way and elide rather than overlap."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 80), hint.height())


class RegisterView(PortfolioView):
    editable = True
    shows_detail = True
    model_class = RegisterModel  # a register with child tables (people's skills) brings its own

    def __init__(self, context: ViewContext, register: Register, parent=None):
        super().__init__(context, parent)
        self.register = register
        self.setObjectName(f"register_{register.name}")
        self.model = self.model_class(context.portfolio, register, context.fmt, self, load=False)
        self.model.problem.connect(context.report_problem)
        self.model.batch_done.connect(context.history.record)
        self.model.rows_reloaded.connect(self.summary_changed)
        self.model.rowsInserted.connect(self.summary_changed)

        self.search_box = QLineEdit()
        self.search_box.setObjectName("quickSearch")
        self.search_box.setPlaceholderText(tr("Search {what}…").format(what=shown(register.plural)))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(150)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.apply_search_now)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        bar.addWidget(self.search_box, 2)
        self.filter_boxes: dict[str, QComboBox] = {}
        self._filter_bar = bar
        self._build_filters()
        self.condition_chip = QToolButton()  # shows a chart's filter (no box offers it); click to clear
        self.condition_chip.setObjectName("conditionChip")
        self.condition_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.condition_chip.setToolTip(tr("Shown because of a dashboard click: click to show all rows again"))
        self.condition_chip.setStyleSheet("QToolButton#conditionChip { background: #E3F2FD; border: 1px solid #90CAF9;"
                                          " border-radius: 4px; padding: 2px 6px; }")
        self.condition_chip.clicked.connect(lambda: self.model.set_condition(None))
        self.condition_chip.hide()
        bar.addWidget(self.condition_chip)
        self.model.rows_reloaded.connect(self._show_condition)
        bar.addStretch(1)

        self.table = FrozenTableView(register.frozen)
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(RegisterDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setIconSize(QSize(29, 18))
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.verticalHeader().setSectionResizeMode(self.table.verticalHeader().ResizeMode.Fixed)
        self.table._refresh_frozen()
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self.show_column_menu)
        self._set_edit_triggers()
        self.table.clear_requested.connect(
            lambda: None if self.portfolio.read_only else self.clear_cells())
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self._apply_widths()
        self.restore_state()
        self.model.refresh()  # once, after sorting and layout are set

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addLayout(bar)
        self.empty = EmptyState(register.title, register.about, register.noun, add=self.add_row,
                                import_=self._import)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)
        layout.addWidget(self._stack, 1)
        for signal in (self.model.rows_reloaded, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._show_empty_state)
        self._show_empty_state()

    def _show_empty_state(self, *_args) -> None:
        """An empty register says what it is for and offers the next steps, instead of a blank grid."""
        empty = self.model.total == 0
        self._stack.setCurrentWidget(self.empty if empty else self.table)
        pf = self.portfolio
        self.empty.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))

    def _import(self) -> None:
        action = getattr(self.window(), "actions", {}).get("import")
        if action is not None:
            action.trigger()

    # -- set-up --------------------------------------------------------------------------------------

    def _set_edit_triggers(self) -> None:
        triggers = QAbstractItemView.EditTrigger.NoEditTriggers
        if not self.portfolio.read_only:
            triggers = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setEditTriggers(triggers)

    def _build_filters(self) -> None:
        for box in self.filter_boxes.values():
            box.setParent(None)
        self.filter_boxes.clear()
        for column in self.model.columns:
            if not column.filter:
                continue
            box = FilterBox(lambda key=column.key: self.offer_filter_values(key))
            box.setObjectName(f"filter_{column.key}")
            box.setToolTip(tr("Show only rows with this {what}").format(what=shown(column.header).lower()))
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumContentsLength(8)
            box.setIconSize(QSize(29, 18))
            box.addItem(tr("Any {what}").format(what=shown(column.header).lower()) if column.kind != C.RAG else tr("Any RAG"), ALL)
            box.currentIndexChanged.connect(lambda _i, key=column.key, b=box: self._filter_changed(key, b))
            self._filter_bar.insertWidget(1 + len(self.filter_boxes), box)
            self.filter_boxes[column.key] = box

    def _fill_filter(self, box: QComboBox, column: C.Column) -> None:
        box.blockSignals(True)
        current = box.currentData()
        box.clear()
        box.addItem(tr("Any {what}").format(what=shown(column.header).lower()) if column.kind != C.RAG else tr("Any RAG"), ALL)
        blank = False
        for value in self.model.distinct_values(column.key):
            if value is None or value == "":
                blank = True
                continue
            if column.kind == C.RAG:
                try:
                    rag = Rag(value)
                except ValueError:
                    continue
                box.addItem(chip_icon(rag), rag.label, value)
            else:
                text = C.display_text(column, value, self.context.fmt)  # stored English words in the user's language
                box.addItem(shown(text) if column.kind in (C.ENUM, C.CHOICE) else text, value)
        if blank:
            box.addItem("(blank)", BLANK)
        if current is not None:
            i = box.findData(current)
            box.setCurrentIndex(max(i, 0))
        box.blockSignals(False)

    def _apply_widths(self) -> None:
        # a date is as wide as the longest one in the chosen format and language (2026年11月26日)
        # and no column is narrower than its heading in the user's language, as style.qss draws headings
        # (weight 600, 6 px padding each side) with room for the sort arrow ("Realised to date" was cut)
        date_width = self.table.fontMetrics().horizontalAdvance(self.model.fmt.date("2026-11-26")) + 20
        bold = QFont(self.table.horizontalHeader().font())
        bold.setWeight(QFont.Weight.DemiBold)
        heading = QFontMetrics(bold)
        for i, column in enumerate(self.model.columns):
            title = self.model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
            width = max(column.width, heading.horizontalAdvance(str(title)) + 28)
            self.table.setColumnWidth(i, max(width, date_width) if column.kind == C.DATE else width)

    # -- searching and filtering ---------------------------------------------------------------------

    def apply_search_now(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search_box.text())

    def offer_filter_values(self, key: str) -> None:
        """Read the column's current values into its filter (done as the drop-down opens)."""
        self._fill_filter(self.filter_boxes[key], self.model._column(key))

    def set_filter(self, key: str, value) -> None:
        """Select a filter value as the user would (None clears it)."""
        box = self.filter_boxes[key]
        i = box.findData(ALL if value is None else value)
        if i < 0:  # not offered yet: read the column's values as opening the drop-down does
            self._fill_filter(box, self.model._column(key))
            i = box.findData(value)
        if i < 0:
            raise KeyError(f"{value!r} is not offered by the {key} filter")
        box.setCurrentIndex(i)

    def show_only(self, label: str, sql: str, params: tuple | list = ()) -> None:
        """Show just the rows meeting an SQL condition (see RegisterModel.set_condition), with the
        search and every column filter cleared so that nothing else hides rows."""
        for box in self.filter_boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self._search_timer.stop()
        self.model.set_condition(label, sql, params, clear_others=True)

    def _show_condition(self) -> None:
        label = self.model.condition()
        self.condition_chip.setVisible(label is not None)
        if label is not None:
            self.condition_chip.setText(f"{label}  ✕")
            self.condition_chip.setToolTip(
                tr("{label}: shown because of a dashboard click; click to show all rows again").format(label=label))

    def _filter_changed(self, key: str, box: QComboBox) -> None:
        value = box.currentData()
        self.model.set_filter(key, None if value is ALL else value)

    # -- the PortfolioView face -------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.table.currentIndex()
        row_id = self.model.row_id(current.row()) if current.isValid() and current.row() < self.model.rowCount() else None
        if self._custom_ids() != [c.custom_field_id for c in self.model.columns if c.custom_field_id]:
            self.reload_columns()  # a custom field was added or undone
        else:
            self.model.refresh()
        if row_id is not None:
            row = self.model.row_of(row_id)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, current.column()))

    def _custom_ids(self) -> list[int]:
        entity = self.register.custom_entity
        if not entity:
            return []
        return [f["id"] for f in custom_fields.list_fields(self.portfolio, entity)]

    def reload_columns(self) -> None:
        """After a custom field is added: rebuild columns, keep search and sort."""
        self.save_state()
        self.model.load_columns()
        self.model.refresh()
        self._build_filters()
        self._apply_widths()
        self.restore_state()
        self.table._refresh_frozen()

    def summary(self) -> str:
        shown, total = self.model.rowCount(), self.model.total
        noun = shown_word(self.register.noun if total == 1 else self.register.plural)
        if shown == total:
            return tr("{n} {what}").format(n=f"{shown:,}", what=noun)
        return tr("{n} of {total} {what}").format(n=f"{shown:,}", total=f"{total:,}", what=noun)

    def _settings_key(self) -> str:
        return f"layout/{self.register.name}"

    def save_state(self) -> None:
        """Column order, widths, hidden columns and sort, by column key (registers/layout.py): a release
        that adds or reorders columns, or a new custom field, keeps the analyst's layout."""
        previous = read_layout(self.context.settings.value(self._settings_key()))
        layout = capture_layout(self.table, self.model.columns, self.model.sorting(), previous)
        self.context.settings.setValue(self._settings_key(), layout.to_json())

    def restore_state(self) -> None:
        saved = read_layout(self.context.settings.value(self._settings_key()))
        if saved is None:  # a layout saved by an earlier version, for exactly these columns
            legacy = self.context.settings.value(f"columns/{self.register.name}/{len(self.model.columns)}")
            if isinstance(legacy, QByteArray | bytes) and legacy:
                self.table.horizontalHeader().restoreState(QByteArray(legacy))
                self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            apply_layout(self.table, self.model.columns, merge_layout(saved, [c.key for c in self.model.columns]),
                         frozen=self.table.frozen_count)
        self.table._keep_frozen_first()
        self.table._refresh_frozen()

    def selected_project_id(self) -> int | None:
        current = self.table.currentIndex()
        if not current.isValid():
            return None
        return self.model.project_of(current.row())

    def selected_item(self) -> tuple[str, int] | None:
        """(table, id) of the selected row when it is an item of its own (a RAID item), else None."""
        current = self.table.currentIndex()
        if not current.isValid() or self.register.table != "raid_items":
            return None
        return self.register.table, self.model.row_id(current.row())

    def _current_row_changed(self, current, _previous) -> None:
        if current.isValid():
            project_id = self.selected_project_id()
            if project_id is not None:
                self.project_selected.emit(project_id)
            item = self.selected_item()
            if item is not None:
                self.item_selected.emit(*item)

    # -- column chooser ---------------------------------------------------------------------------------

    def show_column_menu(self, pos) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            action = QAction(column.header, menu, checkable=True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(i >= self.table.frozen_count)
            action.toggled.connect(lambda on, col=i: self.set_column_visible(col, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(tr("Reset columns"), self.reset_columns)
        return menu

    def set_column_visible(self, col: int, visible: bool) -> None:
        self.table.setColumnHidden(col, not visible)
        self.save_state()

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for logical in range(self.model.columnCount()):
            header.moveSection(header.visualIndex(logical), logical)
            self.table.setColumnHidden(logical, False)
        self._apply_widths()
        self.save_state()

    # -- editing actions --------------------------------------------------------------------------------

    def _project_context(self) -> dict:
        if self.register.table == "projects":
            return {}
        return {"project_id": self.selected_project_id()}

    def add_row(self) -> None:
        rows = self.model.append_rows(1, self._project_context())
        if rows:
            self._select_rows(rows)

    def duplicate_rows(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        new = self.model.append_rows(0, copies_of=rows)
        if new:
            self._select_rows(new)

    def delete_rows(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        noun = shown(self.register.noun + ("s" if len(rows) != 1 else ""))
        keys = ", ".join(self.model._label_for(r) for r in rows[:5]) + (" …" if len(rows) > 5 else "")
        extra = (" " + tr("Its status reports, plan, RAID items and budget go with it.")
                 if self.register.table == "projects" else "")
        question = tr("Delete {n} {things} ({keys})?").format(n=len(rows), things=noun, keys=keys)
        if not self.context.confirm(tr("Delete {things}").format(things=noun),
                                    f"{question}{extra}\n\n" + tr("You can undo this with Ctrl+Z.")):
            return
        self.model.delete_rows(rows)

    def clear_cells(self) -> None:
        """Empty the selected cells (one undo step); required cells refuse with a message."""
        cells = [(i.row(), i.column(), "") for i in self.table.selectionModel().selectedIndexes()
                 if self.model.columns[i.column()].editable]
        if cells:
            # the change log keeps English labels; the Edit menu shows them translated (shell/undo_labels.py)
            self.model.write_cells(cells, label="Clear 1 cell" if len(cells) == 1 else f"Clear {len(cells)} cells")

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedIndexes()}
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(rows)

    def _select_rows(self, rows: list[int]) -> None:
        first = self.model.index(rows[0], min(1, self.model.columnCount() - 1))
        self.table.setCurrentIndex(first)
        self.table.scrollTo(self.model.index(rows[0], self.table.frozen_count))
        sel = self.table.selectionModel()
        for r in rows:
            sel.select(self.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                       | QItemSelectionModel.SelectionFlag.Rows)

    def _visible_columns(self) -> list[int]:
        header = self.table.horizontalHeader()
        visual = sorted(range(self.model.columnCount()), key=header.visualIndex)
        return [c for c in visual if not header.isSectionHidden(c)]

    def copy_text(self) -> str:
        indexes = self.table.selectionModel().selectedIndexes() or [self.table.currentIndex()]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        wanted = {i.column() for i in indexes}
        cols = [c for c in self._visible_columns() if c in wanted]
        grid = [[self.model.index(r, c).data(Qt.ItemDataRole.EditRole) for c in cols] for r in rows]
        return to_tsv(grid)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> int | None:
        """Fill cells from the current cell rightwards and down; a single value fills the selection."""
        grid = parse_tsv(text)
        if not grid:
            return None
        current = self.table.currentIndex()
        top = current.row() if current.isValid() else self.model.rowCount()
        visible = self._visible_columns()
        start = visible.index(current.column()) if current.isValid() and current.column() in visible else 0
        cells = []
        selected = self.table.selectionModel().selectedIndexes()
        if len(grid) == 1 and len(grid[0]) == 1 and len(selected) > 1:
            cells = [(i.row(), i.column(), grid[0][0]) for i in selected]
        else:
            if start + len(grid[0]) > len(visible):
                self.context.report_problem(
                    tr("the pasted block is {wide} columns wide; only {fit} fit from here").format(
                        wide=len(grid[0]), fit=len(visible) - start))
                return None
            for r, row in enumerate(grid):
                for c, value in enumerate(row):
                    cells.append((top + r, visible[start + c], value))
        # Worked-out columns (score, slip, project name) are skipped, so rows copied from this
        # table paste back whole.
        cells = [cell for cell in cells if self.model.columns[cell[1]].editable]
        if not cells:
            self.context.report_problem("those columns are worked out, not typed in")
            return None
        return self.model.write_cells(cells, context=self._project_context())
