"""What an empty register says instead of a blank grid: what it is for, and the next steps (add the
first row, import a workbook). Buttons that cannot work here are disabled and say why."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers.definitions import REGISTERS
from pmo_desktop.registers.lookups import first_project_id


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
    return known.get(about, about)


class EmptyState(QFrame):
    def __init__(self, title: str, about: str, noun: str, *, add: Callable[[], None],
                 import_: Callable[[], None], parent=None, texts: tuple[str, str, str] | None = None):
        """`texts`, when given, is (heading, add button, import button) already in the window's language,
        for a view whose words are not a register's title and noun."""
        super().__init__(parent)
        self.setObjectName("emptyState")
        heading, add_text, import_text = texts or (
            tr("No {things} yet").format(things=shown(title.lower())), tr("Add {thing}").format(thing=shown(noun)),
            tr("Import from Excel…"))
        self.title = QLabel(heading)
        self.title.setObjectName("detailTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about = QLabel(_about(about) if texts is None else about)
        self.about.setObjectName("detailSubtitle")
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("emptyAdd")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(add)
        self.import_button = QPushButton(import_text)
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
        self.about.setMaximumWidth(self.fontMetrics().averageCharWidth() * 100)  # lines a reader can follow
        centred = QHBoxLayout()  # stretches, not an alignment: a wrapped label keeps its height for its width
        centred.addStretch(1)
        centred.addWidget(self.about, 100)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def set_writable(self, writable: bool, why: str = "") -> None:
        for button in (self.add_button, self.import_button):
            button.setEnabled(writable)
            button.setToolTip(button.property("tip") or "" if writable else why)


def open_import(view: QWidget) -> None:
    """File ▸ Import… of the view's window: the next step an empty state offers."""
    action = getattr(view.window(), "actions", {}).get("import")
    if action is not None:
        action.trigger()


def no_projects_why() -> str:
    """Why an action that needs a project is off in a portfolio that has none."""
    return tr("The portfolio has no projects yet: add one (or import a workbook) first")


class BodyOrEmpty(QStackedWidget):
    """A view's body or, while it has nothing to show, an empty state saying what the view is for with the
    next steps. Buttons of the view that cannot work meanwhile (`needs`) are off, their tooltip saying why;
    they get back their own state and tooltip when the body returns."""

    def __init__(self, body: QWidget, empty: EmptyState, needs=(), parent=None):
        super().__init__(parent)
        self.body = body
        self.empty = empty
        self.needs = list(needs)
        self._kept: list[tuple[QWidget, bool, str]] = []
        self.addWidget(body)
        self.addWidget(empty)

    def show_page(self, page: QWidget, why: str = "") -> None:
        """Show `page` (the body, the empty state or another page added to the stack)."""
        if page is self.body:
            for widget, enabled, tip in self._kept:
                widget.setEnabled(enabled)
                widget.setToolTip(tip)
            self._kept.clear()
        else:
            if not self._kept:
                self._kept = [(w, w.isEnabled(), w.toolTip()) for w in self.needs]
            for widget in self.needs:
                widget.setEnabled(False)
                widget.setToolTip(why)
        self.setCurrentWidget(page)

    def showing_empty(self) -> bool:
        return self.currentWidget() is not self.body


class ProjectsOrEmpty(BodyOrEmpty):
    """A view's body (a roadmap, a plan, a budget grid) or, while the portfolio has no projects, the
    project register's empty state: add the first project or import a workbook, not a blank grid.
    `about` says what the view is for (else the project register's description)."""

    def __init__(self, body: QWidget, view, parent=None, *, about: str | None = None, needs=()):
        register = REGISTERS["projects"]
        empty = EmptyState(register.title, register.about, register.noun, add=self._add,
                           import_=lambda: open_import(self._view))
        if about:
            empty.about.setText(about)
        super().__init__(body, empty, needs, parent)
        self._view = view

    def show_empty(self, empty: bool | None = None) -> None:
        """The empty state when `empty` (None: when the portfolio has no projects), else the body."""
        pf = self._view.portfolio
        if empty is None:
            empty = first_project_id(pf) is None
        self.empty.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))
        self.show_page(self.empty if empty else self.body, no_projects_why())

    def _add(self) -> None:
        window = self._view.window()
        if hasattr(window, "show_view"):
            window.show_view("projects")
            window.current_view().add_row()
