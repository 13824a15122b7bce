"""The detail pane's overview as an editable form for the selected project.

Each field is a project-register column (registers.PROJECTS), so a typed value goes through the same
`columns.parse` as a register cell and is accepted or refused for the same reason. A committed field
is one store batch recorded in the window's undo history; a refused value shows its one-line reason
under the form and writes nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.values import ValueProblem
from pmo_desktop.gui.registers.register_model import rag_of
from pmo_desktop.gui.widgets.chips import chip_pixmap
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import columns as C
from pmo_desktop.registers import lookups, query, writes
from pmo_desktop.registers.definitions import PROJECTS

FIELDS = ["manager", "sponsor", "stage", "status", "priority", "start_date", "finish_date", "approved_budget",
          "percent_complete", "rag_overall", "rag_schedule", "rag_cost", "rag_scope", "rag_resources",
          "description"]
_LABELS = {"rag_overall": "Overall RAG", "rag_schedule": "Schedule RAG", "rag_cost": "Cost RAG",
           "rag_scope": "Scope RAG", "rag_resources": "Resources RAG", "approved_budget": "Approved budget",
           "percent_complete": "% complete", "start_date": "Start", "finish_date": "Finish"}
_COLUMNS = {c.key: c for c in PROJECTS.columns}


def _chip(rag: Rag) -> QIcon:
    """The register's chip, kept in colour when the form is disabled (a read-only file still shows RAG)."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled):
        icon.addPixmap(chip_pixmap(rag), mode)
    return icon


class _NoteEdit(QPlainTextEdit):
    """Multi-line text that commits when focus leaves it (Tab moves on, as in the register)."""

    committed = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class ProjectForm(QWidget):
    """Editable overview of one project; `edited` fires after a field is stored."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("projectForm")
        self.context = None
        self.project_id: int | None = None
        self._stored: dict[str, Any] = {}
        self._label = ""
        self._loading = False
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(4)
        self.editors: dict[str, QWidget] = {}
        self.suffix: dict[str, QLabel] = {}
        for key in FIELDS:
            column = _COLUMNS[key]
            editor = self._editor(column)
            editor.setObjectName(f"form_{key}")
            editor.setToolTip(column.header)
            self.editors[key] = editor
            key_label = QLabel(shown(_LABELS.get(key, column.header)))
            key_label.setObjectName("formKey")
            if column.kind in (C.MONEY, C.PERCENT):  # the currency / % shown beside the number
                row = QHBoxLayout()
                row.setSpacing(4)
                unit = QLabel()
                self.suffix[key] = unit
                if column.kind == C.MONEY:
                    row.addWidget(unit)
                    row.addWidget(editor, 1)
                else:
                    row.addWidget(editor, 1)
                    row.addWidget(unit)
                    unit.setText("%")
                self.form.addRow(key_label, row)
            else:
                self.form.addRow(key_label, editor)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setStyleSheet("color: #B3261E;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.problem)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.clear()

    # -- editors ----------------------------------------------------------------------------------------

    def _editor(self, column: C.Column) -> QWidget:
        key = column.key
        if column.kind in (C.ENUM, C.RAG):
            combo = QComboBox()
            combo.setIconSize(QSize(29, 18))
            combo.addItem("")
            if column.kind == C.RAG:
                for rag in Rag:
                    combo.addItem(_chip(rag), rag.label)
            else:
                for choice in column.choice_list:
                    combo.addItem(choice)
            combo.activated.connect(lambda _i, k=key: self.commit(k))
            return combo
        if column.kind == C.MULTILINE:
            note = _NoteEdit()
            note.setTabChangesFocus(True)
            note.setFixedHeight(72)
            note.committed.connect(lambda k=key: self.commit(k))
            return note
        line = QLineEdit()
        if column.kind == C.DATE:
            line.setPlaceholderText(tr("2026-11-27 or 27/11/2026"))
        elif column.kind == C.MONEY:
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
            line.setPlaceholderText(tr("e.g. 1,250,000 or 1.25m"))
        elif column.kind == C.PERCENT:
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        line.editingFinished.connect(lambda k=key: self.commit(k))
        return line

    def text_of(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentText()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text()

    def set_text(self, key: str, text: str) -> None:
        """Put text in a field's editor (as typing would), without committing it."""
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(text)))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)
            editor.setCursorPosition(0)

    def _shown_text(self, column: C.Column, value: Any) -> str:
        if column.kind == C.RAG:
            rag = rag_of(value)
            return rag.label if rag else ""
        return C.edit_text(column, value, self.context.fmt)

    # -- state ------------------------------------------------------------------------------------------

    def clear(self) -> None:
        self._loading = True
        self.project_id = None
        self._stored = {}
        self._locked = set()
        for key in FIELDS:
            self.set_text(key, "")
        self._loading = False
        self._show_problem("")
        self._set_editable(False)

    def load(self, context, project_id: int | None) -> None:
        """Show the stored values of `project_id` (disabled when there is none or the file is read-only)."""
        self.context = context
        if context is None or project_id is None:
            self.clear()
            return
        pf = context.portfolio
        row = lookups.project_values(pf, project_id, FIELDS)
        if row is None:
            self.clear()
            return
        if project_id != self.project_id:
            self._show_problem("")
        self.project_id = project_id
        self._label = row["code"] or ""
        self._stored = {key: row[key] for key in FIELDS}
        # A planned project's dates are its plan's (read-only here, as in the register)
        dated = [_COLUMNS["start_date"], _COLUMNS["finish_date"]]
        values = query.read_rows(pf, PROJECTS, dated, [project_id]).get(project_id, (None,) * 4)
        self._stored["start_date"], self._stored["finish_date"] = values[0], values[1]
        self._locked = {c.key for c, flag in zip(dated, values[2:], strict=True) if flag}
        self.suffix["approved_budget"].setText(context.fmt.currency_symbol)
        self._loading = True
        for key in FIELDS:
            self.set_text(key, self._shown_text(_COLUMNS[key], self._stored[key]))
        self._loading = False
        self._set_editable(not pf.read_only)

    def _set_editable(self, editable: bool) -> None:
        locked = getattr(self, "_locked", set())
        for key, editor in self.editors.items():
            editor.setEnabled(editable and key not in locked)
            editor.setToolTip(_COLUMNS[key].locked_tip if key in locked else "")

    @property
    def editable(self) -> bool:
        return any(editor.isEnabled() for editor in self.editors.values())

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # -- writing ----------------------------------------------------------------------------------------

    def commit(self, key: str) -> int | None:
        """Store the field's text as one undoable batch: the batch id, 0 when nothing changed, or None
        when the value is refused (the reason is shown; nothing is written)."""
        if self._loading or self.context is None or self.project_id is None:
            return 0
        pf = self.context.portfolio
        column = _COLUMNS[key]
        if pf.read_only:
            self._show_problem(tr("{name} is open read-only").format(name=pf.path.name))
            return None
        label = f"Edit {column.header} of {self._label}".strip()
        try:
            batch_id, value = writes.write_field(pf, PROJECTS, self.project_id, column, self.text_of(key),
                                                 self.context.fmt, label=label)
        except ValueProblem as exc:
            self._show_problem(str(exc))
            return None
        self._show_problem("")
        self._stored[key] = value
        if not batch_id:
            return 0
        self.context.history.record(batch_id)
        self.edited.emit()
        return batch_id
