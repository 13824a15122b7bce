"""What an empty register says instead of a blank grid: what it is for, and the next steps (add the
first row, import a workbook). Buttons that cannot work here are disabled and say why."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from pmo_desktop.gui.widgets.tr import tr


class EmptyState(QFrame):
    def __init__(self, title: str, about: str, noun: str, *, add: Callable[[], None],
                 import_: Callable[[], None], parent=None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel(f"No {title.lower()} yet")
        self.title.setObjectName("detailTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about = QLabel(about)
        self.about.setObjectName("detailSubtitle")
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(f"Add {noun}")
        self.add_button.setObjectName("emptyAdd")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(add)
        self.import_button = QPushButton(tr("Import from Excel…"))
        self.import_button.setObjectName("emptyImport")
        self.import_button.clicked.connect(import_)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.about)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def set_writable(self, writable: bool, why: str = "") -> None:
        for button in (self.add_button, self.import_button):
            button.setEnabled(writable)
            button.setToolTip("" if writable else why)
