"""The Gantt's task table: its model (display texts made once per load) and the view that indents and
outdents with Alt+Shift+Right / Alt+Shift+Left (as in MS Project)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTableView

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers.columns import Formatting
from pmo_desktop.scheduling.timeline import GanttPlan

COLUMNS = ("WBS", "Task", "Start", "Finish", "Days", "%", "Predecessors")


def column_titles() -> tuple[str, ...]:
    """The task table's headings in the window language (COLUMNS in English)."""
    return ("WBS", tr("Task"), tr("Start"), tr("Finish"), tr("Days"), "%", tr("Predecessors"))


class GanttTableModel(QAbstractTableModel):
    """The task table; display texts are made once per load so scrolling only looks them up."""

    _DISPLAY = Qt.ItemDataRole.DisplayRole
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
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == self._DISPLAY:
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


class GanttTable(QTableView):
    """The task table; Alt+Shift+Right / Alt+Shift+Left indent and outdent the current task."""

    indent = Signal()
    outdent = Signal()

    def keyPressEvent(self, event) -> None:
        mods = event.modifiers()
        alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        if mods & alt_shift == alt_shift and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            (self.indent if event.key() == Qt.Key.Key_Right else self.outdent).emit()
            event.accept()
            return
        super().keyPressEvent(event)
