"""The Gantt's task table: texts made once per load, and the Days column typed or pasted into as in MS
Project ('3d', '4h', '2w', '3ed' for elapsed days, '4eh' elapsed hours); the view applies what is typed
as one undoable step (scheduling.edits.set_duration_texts)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTableView

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers.columns import Formatting
from pmo_desktop.scheduling.timeline import GanttPlan

COLUMNS = ("WBS", "Task", "Start", "Finish", "Days", "%", "Predecessors")
DAYS = COLUMNS.index("Days")


def column_titles() -> tuple[str, ...]:
    """The task table's headings in the window language (COLUMNS in English)."""
    return ("WBS", tr("Task"), tr("Start"), tr("Finish"), tr("Days"), "%", tr("Predecessors"))


class GanttTableModel(QAbstractTableModel):
    """The task table; display texts are made once per load so scrolling only looks them up."""

    durations_typed = Signal(list)  # [(task id, text)] typed or pasted into the Days column

    _DISPLAY = Qt.ItemDataRole.DisplayRole
    _EDIT = Qt.ItemDataRole.EditRole
    _FONT = Qt.ItemDataRole.FontRole
    _FOREGROUND = Qt.ItemDataRole.ForegroundRole
    _ALIGN = Qt.ItemDataRole.TextAlignmentRole
    _TIP = Qt.ItemDataRole.ToolTipRole

    def __init__(self, parent=None, fmt: Formatting | None = None):
        super().__init__(parent)
        self.fmt = fmt or Formatting()
        self.plan: GanttPlan | None = None
        self._texts: list[tuple[str, ...]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._critical = QColor(tp.CRITICAL)
        self._right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_plan(self, plan: GanttPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self._texts = [
            (r.wbs, ("    " * r.level) + r.name, self.fmt.date(r.start) + (f" {r.start_time}" if r.start_time else ""),
             self.fmt.date(r.finish) + (f" {r.finish_time}" if r.finish_time else ""),
             r.elapsed or ("" if r.duration is None else f"{r.duration:g}"),
             f"{r.percent:.0f}%", r.predecessors)
            for r in (plan.rows if plan else [])
        ]
        self.endResetModel()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._texts)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        if orientation == Qt.Orientation.Horizontal and role == self._TIP and section == DAYS:
            return tr("Type a duration as in MS Project: 3d, 4h, 2w, 1mo; 3ed or 4eh for elapsed time")
        return None

    def editable(self, row: int) -> bool:
        """A task's or milestone's duration can be typed; a summary's comes from its tasks."""
        return self.plan is not None and 0 <= row < len(self.plan.rows) and self.plan.rows[row].kind != "summary"

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == DAYS and self.editable(index.row()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == self._DISPLAY or role == self._EDIT:
            return self._texts[index.row()][index.column()]
        if role == self._FONT:
            return self._bold if self.plan.rows[index.row()].kind == "summary" else None
        if role == self._FOREGROUND:
            return self._critical if index.column() == 1 and self.plan.rows[index.row()].critical else None
        if role == self._ALIGN:
            return self._right if index.column() in (4, 5) else None
        if role == self._TIP:
            r = self.plan.rows[index.row()]
            if r.total_float is not None and not r.elapsed:  # an elapsed task's float is in elapsed days
                if r.critical:
                    return tr("{name}: total float {days} working days (critical)").format(name=r.name,
                                                                                          days=r.total_float)
                return tr("{name}: total float {days} working days").format(name=r.name, days=r.total_float)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != self._EDIT or not index.isValid() or index.column() != DAYS or not self.editable(index.row()):
            return False
        text = str(value or "").strip()
        if not text or text == self._texts[index.row()][DAYS]:
            return False
        self.durations_typed.emit([(self.plan.rows[index.row()].id, text)])
        return True

    def paste_durations(self, first_row: int, text: str) -> bool:
        """Clipboard lines (the first cell of each) into the Days column from `first_row` down: one step."""
        lines = [line.split("\t", 1)[0].strip() for line in text.replace("\r\n", "\n").split("\n")]
        while lines and not lines[-1]:
            lines.pop()  # a spreadsheet's copy ends with a line break
        if not lines or self.plan is None or not 0 <= first_row < len(self.plan.rows):
            return False
        rows = self.plan.rows[first_row:first_row + len(lines)]
        typed = [(r.id, t) for r, t in zip(rows, lines, strict=False) if t]
        if typed:
            self.durations_typed.emit(typed)
        return bool(typed)


class GanttTable(QTableView):
    """The task table; Alt+Shift+Right / Alt+Shift+Left indent and outdent the current task; Ctrl+V in
    the Days column pastes durations."""

    indent = Signal()
    outdent = Signal()

    def keyPressEvent(self, event) -> None:
        mods = event.modifiers()
        alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        if mods & alt_shift == alt_shift and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            (self.indent if event.key() == Qt.Key.Key_Right else self.outdent).emit()
            event.accept()
            return
        current = self.currentIndex()
        if event.matches(QKeySequence.StandardKey.Paste) and current.isValid() and current.column() == DAYS:
            self.model().paste_durations(current.row(), QGuiApplication.clipboard().text())
            event.accept()
            return
        super().keyPressEvent(event)
