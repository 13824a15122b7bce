"""What an empty register says instead of a blank grid: what it is for, and the next steps (add the
first row, import a workbook). Buttons that cannot work here are disabled and say why."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers.definitions import REGISTERS


def _about(about: str) -> str:
    """A register's description (kept in English in registers/definitions.py) as the user reads it."""
    known = {
        "The project register: every project in the portfolio with its stage, dates, budget and RAG.":
            tr("The project register: every project in the portfolio with its stage, dates, budget and RAG."),
        "Risks, assumptions, issues, dependencies and decisions, with owners, scores and responses.":
            tr("Risks, assumptions, issues, dependencies and decisions, with owners, scores and responses."),
        "The milestones of every project's plan: baseline against forecast, and how far each has slipped.":
            tr("The milestones of every project's plan: baseline against forecast, and how far each has "
               "slipped."),
        "Each project's report for each period: RAG by dimension, summary, achievements and next steps.":
            tr("Each project's report for each period: RAG by dimension, summary, achievements and next steps."),
    }
    return known.get(about) or shown(about)  # other registers list theirs for shown() (service_words.py)


class EmptyState(QFrame):
    def __init__(self, title: str, about: str, noun: str, *, add: Callable[[], None],
                 import_: Callable[[], None], parent=None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel(tr("No {things} yet").format(things=shown(title.lower())))
        self.title.setObjectName("detailTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about = QLabel(_about(about))
        self.about.setObjectName("detailSubtitle")
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(tr("Add {thing}").format(thing=shown(noun)))
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


class ProjectsOrEmpty(QStackedWidget):
    """A view's body (a roadmap, a plan, a budget grid) or, while the portfolio has no projects, the
    project register's empty state: add the first project or import a workbook, not a blank grid."""

    def __init__(self, body: QWidget, view, parent=None):
        super().__init__(parent)
        self.body = body
        register = REGISTERS["projects"]
        self.empty = EmptyState(register.title, register.about, register.noun, add=self._add, import_=self._import)
        self._view = view
        self.addWidget(body)
        self.addWidget(self.empty)

    def show_empty(self, empty: bool) -> None:
        pf = self._view.portfolio
        self.empty.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))
        self.setCurrentWidget(self.empty if empty else self.body)

    def _add(self) -> None:
        window = self._view.window()
        if hasattr(window, "show_view"):
            window.show_view("projects")
            window.current_view().add_row()

    def _import(self) -> None:
        action = getattr(self._view.window(), "actions", {}).get("import")
        if action is not None:
            action.trigger()
