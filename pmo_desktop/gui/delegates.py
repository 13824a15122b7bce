"""How register cells are drawn and edited: RAG chips, and the right editor for each kind of column.

Editors hand back text; the model parses it with the same rules as a paste, so a value refused
here is refused for the same reason everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
)

from pmo_desktop.domain import values
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.scores import score_band
from pmo_desktop.gui import columns as C
from pmo_desktop.gui.register_model import RAW_ROLE, RegisterModel, rag_of

NO_DATE = QDate(1900, 1, 1)


def paint_chip(painter: QPainter, rect, rag: Rag, *, text: str | None = None) -> None:
    """A rounded chip in the RAG colour with its letter (never colour alone)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    h = min(rect.height() - 6, 22)
    w = max(h + 6, min(rect.width() - 8, 30 if text is None else rect.width() - 8))
    chip = QRectF(rect.center().x() - w / 2 + 0.5, rect.center().y() - h / 2 + 0.5, w, h)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(rag.colour))
    painter.drawRoundedRect(chip, h / 2, h / 2)
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(rag.text_colour))
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text or rag.letter)
    painter.restore()


def chip_icon(rag: Rag, size: int = 18) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    paint_chip(p, pix.rect().adjusted(-4, -3, 4, 3), rag)
    p.end()
    return QIcon(pix)


class RegisterDelegate(QStyledItemDelegate):
    def _column(self, index) -> C.Column:
        model = index.model()
        while not isinstance(model, RegisterModel):
            model = model.sourceModel()
        return model.columns[index.column()]

    # -- drawing ----------------------------------------------------------------------------------------

    def paint(self, painter, option, index):
        column = self._column(index)
        if column.kind == C.RAG:
            self.initStyleOption(option, index)
            option.text = ""
            style = option.widget.style() if option.widget else None
            if style:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
            rag = rag_of(index.data(RAW_ROLE))
            if rag is not None:
                paint_chip(painter, option.rect, rag)
            return
        if column.kind == C.SCORE:
            band = score_band(index.data(RAW_ROLE))
            if band is not None:
                painter.save()
                stripe = option.rect.adjusted(1, 3, 0, -3)
                stripe.setWidth(4)
                painter.fillRect(stripe, QColor(band.colour))
                painter.restore()
        super().paint(painter, option, index)

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 10))

    # -- editing ----------------------------------------------------------------------------------------

    def createEditor(self, parent, option, index):
        column = self._column(index)
        kind = column.kind
        if kind == C.DATE:
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            editor.setMinimumDate(NO_DATE)
            editor.setSpecialValueText("(none)")
            return editor
        if kind in (C.ENUM, C.CHOICE, C.BOOL, C.PROBABILITY, C.IMPACT, C.RAG, C.PROGRAMME, C.PROJECT):
            editor = QComboBox(parent)
            editor.setEditable(kind in (C.PROJECT,))
            for text, icon in self._choices(column, index):
                if icon is not None:
                    editor.addItem(icon, text)
                else:
                    editor.addItem(text)
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
            editor.setPlaceholderText("e.g. 1,250,000 or 1.25m")
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
        model = index.model()
        while not isinstance(model, RegisterModel):
            model = model.sourceModel()
        if kind == C.PROGRAMME:
            names = [r[0] for r in model.pf.conn.execute("SELECT name FROM programmes ORDER BY name")]
            return blank + [(n, None) for n in names]
        if kind == C.PROJECT:
            codes = [r[0] for r in model.pf.conn.execute("SELECT code FROM projects ORDER BY code")]
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
            i = editor.findText(text)
            if i >= 0:
                editor.setCurrentIndex(i)
            elif editor.isEditable():
                editor.setEditText(text)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(-1 if raw is None else float(raw))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(raw or "")
        else:
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()

    def setModelData(self, editor, model, index):
        if isinstance(editor, QDateEdit):
            date = editor.date()
            text = "" if date == NO_DATE else date.toString("yyyy-MM-dd")
        elif isinstance(editor, QComboBox):
            text = editor.currentText()
        elif isinstance(editor, QDoubleSpinBox):
            text = "" if editor.value() < 0 else f"{editor.value():g}"
        elif isinstance(editor, QPlainTextEdit):
            text = editor.toPlainText()
        else:
            text = editor.text()
        if text == (index.data(Qt.ItemDataRole.EditRole) or "") and not isinstance(editor, QComboBox):
            return  # unchanged: no write, no undo step
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect = rect.adjusted(0, 0, max(0, 320 - rect.width()), 120)
        editor.setGeometry(rect)


class ChipDelegate(QStyledItemDelegate):
    """For read-only tables: a cell whose RAW_ROLE is a RAG letter is drawn as a chip."""

    def paint(self, painter, option, index):
        rag = rag_of(index.data(RAW_ROLE))
        if rag is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        paint_chip(painter, option.rect, rag)
