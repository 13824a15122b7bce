"""Undo and redo for the window: stacks of change-log batch ids made in this session.

Only batches this session recorded are on the stack, so undo never reaches past the state the file
was opened in (`Portfolio.opened_at_batch`); the store computes every inverse from its change log.
Anything that writes (a cell edit, a paste, an import run from the GUI) calls `record(batch_id)`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pmo_desktop.gui.shell.undo_labels import shown_label
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import Portfolio, PortfolioError


class UndoHistory(QObject):
    changed = Signal()  # the stacks changed (enable/disable actions, relabel them)
    applied = Signal(str)  # an undo or redo changed the data: views reload; the text says what
    problem = Signal(str)

    def __init__(self, portfolio: Portfolio, parent=None):
        super().__init__(parent)
        self.pf = portfolio
        self._done: list[int] = []
        self._undone: list[int] = []

    def record(self, batch_id: int) -> None:
        if not batch_id or batch_id <= self.pf.opened_at_batch:
            return
        self._done.append(batch_id)
        self._undone.clear()
        self.changed.emit()

    def can_undo(self) -> bool:
        return bool(self._done) and not self.pf.read_only

    def can_redo(self) -> bool:
        return bool(self._undone) and not self.pf.read_only

    def _label(self, batch_id: int) -> str:
        info = self.pf.batch_info(batch_id)
        return shown_label((info or {}).get("label") or "change")

    def undo_text(self) -> str:
        return tr("Undo {what}").format(what=self._label(self._done[-1])) if self._done else tr("Undo")

    def redo_text(self) -> str:
        return tr("Redo {what}").format(what=self._label(self._undone[-1])) if self._undone else tr("Redo")

    def undo(self) -> bool:
        if not self.can_undo():
            return False
        batch_id = self._done[-1]
        try:
            self.pf.undo(batch_id)
        except PortfolioError as exc:
            self.problem.emit(str(exc))
            return False
        self._undone.append(self._done.pop())
        self.changed.emit()
        self.applied.emit(tr("Undone: {what}").format(what=self._label(batch_id)))
        return True

    def redo(self) -> bool:
        if not self.can_redo():
            return False
        batch_id = self._undone[-1]
        try:
            self.pf.redo(batch_id)
        except PortfolioError as exc:
            self.problem.emit(str(exc))
            return False
        self._done.append(self._undone.pop())
        self.changed.emit()
        self.applied.emit(tr("Redone: {what}").format(what=self._label(batch_id)))
        return True
