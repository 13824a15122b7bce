"""Walk a window (or dialog) and list the visible texts still in English, for the zh-CN tests."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

# Words that stay as they are in a Chinese window: acronyms, formats, product names, keys, currency codes.
# Bounded by ASCII letters, not \b: in '个RAID' the Chinese character is a word character too.
KEEP = re.compile(r"(?<![A-Za-z])(RAID|RAG|PDF|PNG|Excel|CSV|XML|MS Project|GanttProject|PowerPoint|FTE|CAPEX|OPEX|EAC|ETC|VAC|CPI|SPI|"
                  r"BAC|PV|EV|AC|TCPI|FY|WBS|ID|PMO Desktop|PMO|PostgreSQL|pgpass|Ctrl|Shift|Alt|Delete|Del|Enter|"
                  r"pmo [a-z-]+|F\d+|xlsx|xlsm|xls|csv|xml|gan|pptx|pmo|ISO|GBP|EUR|USD|CNY|JPY|A4|Letter|"
                  r"yyyy|MM|dd|Go|SQL|OK|e\.g|UTC|R|A|G|B|X|m|k|h|d|w|ed|ew)(?![A-Za-z])")


def is_english(text: str) -> bool:
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)  # rich text tags and entities (&nbsp;)
    text = KEEP.sub("", text.replace("&", ""))
    text = re.sub(r"\bFY\d{2,4}(/\d{2})?|[\w.+-]+@[\w.-]+|\b[A-Z]{1,5}-\d+\b|\w+\.(pmo|xlsx|csv|xml|pdf|pptx|png)\b", "", text)
    return bool(re.search(r"[A-Za-z]{2,}", text))


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the chrome a person reads: labels, buttons, tabs, group titles, placeholders,
    list choices and table headers. Table cells are data and are left out."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QLabel) and w.text() or isinstance(w, QAbstractButton) and w.text():
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox) and w.title():
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit) and w.placeholderText():
            out.append((name, w.placeholderText()))
        if isinstance(w, QTabWidget):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QComboBox) and not w.isEditable():
            out += [(name, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w.model(), QAbstractListModel):
            model = w.model()
            out += [(name, str(model.headerData(c, Qt.Orientation.Horizontal)))
                    for c in range(model.columnCount(QModelIndex())) if model.headerData(c, Qt.Orientation.Horizontal)]
    return out


def english_left(root: QWidget) -> list[tuple[str, str]]:
    return sorted({(where, text) for where, text in visible_texts(root) if is_english(text)})
