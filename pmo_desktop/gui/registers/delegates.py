"""The right editor for each kind of register column.

Editors hand back text; the model parses it with the same rules as a paste, so a value refused
here is refused for the same reason everywhere. Cells are drawn by Qt from the model's roles (RAG
chips are decorations, see chips.py): this delegate deliberately has no Python `paint()`, which
would run per cell and, in PySide6 6.12, loses a reference to None on every call until the
interpreter aborts.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
)

from pmo_desktop.domain import values
from pmo_desktop.domain.enums import Rag
from pmo_desktop.gui.registers.register_model import RAW_ROLE, RegisterModel, rag_of
from pmo_desktop.gui.widgets.chips import chip_icon
from pmo_desktop.gui.widgets.texts import shown, shown_scale
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import columns as C
from pmo_desktop.registers import lookups

NO_DATE = QDate(1900, 1, 1)


class RegisterDelegate(QStyledItemDelegate):
    def _column(self, index) -> C.Column:
        model = index.model()
        while not isinstance(model, RegisterModel):
            model = model.sourceModel()
        return model.columns[index.column()]

    # -- editing ----------------------------------------------------------------------------------------

    def createEditor(self, parent, option, index):
        column = self._column(index)
        kind = column.kind
        if kind == C.DATE:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(qt_date_format(_register_model(index).fmt.date_format))
            editor.setMinimumDate(NO_DATE)
            editor.setSpecialValueText(tr("(none)"))
            return editor
        if kind in (C.ENUM, C.CHOICE, C.BOOL, C.PROBABILITY, C.IMPACT, C.RAG, C.PROGRAMME, C.PROJECT):
            editor = QComboBox(parent)
            editor.setIconSize(QSize(29, 18))
            editor.setEditable(kind in (C.PROJECT,))
            for text, icon in self._choices(column, index):
                # shown in the user's language; the item's data is the stored (English) text
                label = shown(text) if kind in (C.ENUM, C.CHOICE, C.RAG, C.BOOL) else \
                    shown_scale(text) if kind in (C.PROBABILITY, C.IMPACT) else text
                if icon is not None:
                    editor.addItem(icon, label, text)
                else:
                    editor.addItem(label, text)
            return editor
        if kind == C.PERCENT:
            editor = QDoubleSpinBox(parent)
            editor.setRange(-1, 100)
            editor.setDecimals(1)
            editor.setSpecialValueText(" ")
            editor.setSuffix(" %")
            return editor
        if kind == C.MULTILINE:
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(120)
            return editor
        editor = QLineEdit(parent)
        if kind == C.MONEY:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor.setPlaceholderText(tr("e.g. 1,250,000 or 1.25m"))
        return editor

    def _choices(self, column: C.Column, index):
        kind = column.kind
        blank = [] if column.required else [("", None)]
        if kind == C.RAG:
            return blank + [(r.label, chip_icon(r)) for r in Rag]
        if kind == C.BOOL:
            return [("No", None), ("Yes", None)]
        if kind == C.PROBABILITY:
            return blank + [(f"{n} – {w.capitalize()}", None) for w, n in values.PROBABILITY_WORDS.items()]
        if kind == C.IMPACT:
            return blank + [(f"{n} – {w.capitalize()}", None) for w, n in values.IMPACT_WORDS.items()]
        model = _register_model(index)
        if kind == C.PROGRAMME:
            names = lookups.programme_names(model.pf)
            return blank + [(n, None) for n in names]
        if kind == C.PROJECT:
            codes = lookups.project_codes(model.pf)
            return blank + [(c, None) for c in codes]
        return blank + [(c, None) for c in column.choice_list]

    def setEditorData(self, editor, index):
        column = self._column(index)
        raw = index.data(RAW_ROLE)
        if isinstance(editor, QDateEdit):
            editor.setDate(QDate.fromString(raw, "yyyy-MM-dd") if raw else NO_DATE)
        elif isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.DisplayRole) or ""
            if column.kind == C.RAG:
                rag = rag_of(raw)
                text = rag.label if rag else ""
            elif column.kind in (C.ENUM, C.CHOICE, C.BOOL, C.PROBABILITY, C.IMPACT):
                text = C.display_text(column, raw, _register_model(index).fmt) if raw is not None and raw != "" else ""
            i = editor.findData(text)
            if i >= 0:
                editor.setCurrentIndex(i)
            elif editor.isEditable():
                editor.setEditText(text)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(-1 if raw is None else float(raw))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(raw or "")
        else:
            # money shows as the cell does (£1,250,000): the currency and separators stay visible
            role = Qt.ItemDataRole.DisplayRole if column.kind == C.MONEY else Qt.ItemDataRole.EditRole
            editor.setText(index.data(role) or "")
            editor.selectAll()

    def setModelData(self, editor, model, index):
        if isinstance(editor, QDateEdit):
            date = editor.date()
            text = "" if date == NO_DATE else date.toString("yyyy-MM-dd")
        elif isinstance(editor, QComboBox):
            data = editor.currentData()
            text = data if isinstance(data, str) and editor.currentText() == editor.itemText(editor.currentIndex()) \
                else editor.currentText()
        elif isinstance(editor, QDoubleSpinBox):
            text = "" if editor.value() < 0 else f"{editor.value():g}"
        elif isinstance(editor, QPlainTextEdit):
            text = editor.toPlainText()
        else:
            text = editor.text()
        unchanged = {index.data(Qt.ItemDataRole.EditRole) or "", index.data(Qt.ItemDataRole.DisplayRole) or ""}
        if text in unchanged and not isinstance(editor, QComboBox):
            return  # unchanged: no write, no undo step
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect = rect.adjusted(0, 0, max(0, 320 - rect.width()), 120)
        editor.setGeometry(rect)


# The date editor shows dates as the Settings ▸ Date Format choice does (domain.dates.DATE_FORMATS).
QT_DATE_FORMATS = {"iso": "yyyy-MM-dd", "medium": "d MMM yyyy", "dmy": "dd/MM/yyyy", "mdy": "MM/dd/yyyy"}


def qt_date_format(style: str | None) -> str:
    return QT_DATE_FORMATS.get(style or "", "yyyy-MM-dd")


def _register_model(index) -> RegisterModel:
    model = index.model()
    while not isinstance(model, RegisterModel):
        model = model.sourceModel()
    return model
