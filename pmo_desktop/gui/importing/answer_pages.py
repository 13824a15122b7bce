"""The import wizard's answer pages, shown only when needed: values the portfolio does not know, and
projects the rows name that it lacks. Each is answered once for all its rows (importing/answers.py);
the answers go into the mapping, so 'Save Mapping As' keeps them for next month's file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from pmo_desktop.gui.importing.import_pages import PREVIEW_PAGE, PROJECTS_PAGE, field_label, field_word
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.importing import answers
from pmo_desktop.store import PortfolioError

if TYPE_CHECKING:
    from pmo_desktop.gui.importing.import_wizard import ImportWizard


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    head = table.horizontalHeader()
    for column in range(len(headers) - 1):
        head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    head.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


class SaveRow(QHBoxLayout):
    """Name + Save Mapping As: keeps the columns and the answers given so far."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("name, e.g. Monthly register"))
        self.button = QPushButton(tr("Save Mapping As"))
        self.button.clicked.connect(self.save)
        self.note = QLabel()
        self.addWidget(QLabel(tr("Keep these answers with the mapping:")))
        self.addWidget(self.name, 1)
        self.addWidget(self.button)
        self.addWidget(self.note)

    def save(self) -> None:
        name = self.name.text().strip()
        try:
            self.wiz.session.save_mapping(name)
        except PortfolioError as exc:
            self.note.setText(str(exc))
            return
        self.note.setText(tr("Saved as '{name}'").format(name=name))


class AnswerPage(QWizardPage):
    """A table of things to answer once each (three columns of facts, a choice), and Save Mapping As."""

    def __init__(self, wizard: ImportWizard, title: str, subtitle: str, headers: list[str], name: str):
        super().__init__()
        self.wiz = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.table = _table(headers, name)
        self.combos: list[QComboBox] = []
        self.save_row = SaveRow(wizard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.save_row)

    def put_row(self, row: int, texts: list[str], combo: QComboBox) -> None:
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setItem(row, len(texts), QTableWidgetItem())
        self.table.setCellWidget(row, len(texts), combo)
        self.combos.append(combo)

    def cleanupPage(self) -> None:
        pass  # keep the answers when stepping back


class ValuesPage(AnswerPage):
    """Values of mapped columns that their field does not know: map each to a known value (the best
    guess is filled in), add it to the portfolio's list (status, response, category ...), or leave it blank."""

    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard, tr("Values the portfolio does not know"),
                         tr("Each value is listed once, with the number of rows that hold it. Choose what it "
                            "becomes; the answer applies to every one of those rows."),
                         [tr("Field"), tr("Value in the file"), tr("Rows"), tr("Import as")], "valuesTable")
        self.unknown: list[answers.Unknown] = []
        self.missing: list[answers.Missing] = []

    def initializePage(self) -> None:
        session = self.wiz.session
        self.unknown = session.unknown_values()
        self.missing = session.missing_projects()
        self.table.setRowCount(len(self.unknown))
        self.combos = []
        for row, u in enumerate(self.unknown):
            combo = QComboBox()
            if u.can_add:
                combo.addItem(tr("Add “{value}” to the {field} list").format(value=u.value, field=field_word(u.field)), answers.ADD)
            for known in u.known:
                combo.addItem(shown(known) + (tr(" (best guess)") if known == u.guess else ""), f"{answers.MAP}:{known}")
            combo.addItem(tr("(leave blank)"), answers.BLANK)
            default = f"{answers.MAP}:{u.guess}" if u.guess else answers.ADD if u.can_add else answers.BLANK
            combo.setCurrentIndex(max(combo.findData(default), 0))
            combo.currentIndexChanged.connect(lambda _i, c=combo, v=u: self._answer(v, c))
            self.put_row(row, [field_label(u.field), u.value, str(u.count)], combo)
            self._answer(u, combo)  # the best guess is the answer until the analyst changes it

    def _answer(self, unknown: answers.Unknown, combo: QComboBox) -> None:
        action, _, target = str(combo.currentData()).partition(":")  # 'map:Active', 'add' or 'blank'
        self.wiz.session.answer_value(unknown, action, target or None)

    def nextId(self) -> int:
        return PROJECTS_PAGE if self.missing else PREVIEW_PAGE


class ProjectsPage(AnswerPage):
    """Projects the rows name that the portfolio lacks: create each (code and name from the rows), read
    its rows as an existing project's, or skip them."""

    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard, tr("Projects the portfolio does not have"),
                         tr("Rows name these projects. Create each one, put its rows under a project you "
                            "already have, or leave its rows out."),
                         [tr("Code"), tr("Name in the file"), tr("Rows"), tr("Do")], "projectsTable")
        self.missing: list[answers.Missing] = []

    def initializePage(self) -> None:
        session = self.wiz.session
        # straight from the mapping page, the preview is fresh; after the values page, it saw them first
        self.missing = session.missing_projects() if session.plan is not None else self.wiz.values_page.missing
        existing = session.projects()
        self.table.setRowCount(len(self.missing))
        self.combos = []
        for row, m in enumerate(self.missing):
            combo = QComboBox()
            combo.addItem(tr("Create project {code}").format(code=m.code) + (f" — {m.name}" if m.name else ""), answers.CREATE)
            combo.addItem(tr("Leave its rows out"), answers.SKIP)
            for code, name in existing:
                combo.addItem(tr("Put its rows under {code} — {name}").format(code=code, name=name), code)
            combo.currentIndexChanged.connect(lambda _i, c=combo, code=m.code: self.wiz.session.answer_project(
                code, c.currentData()))
            self.put_row(row, [m.code, m.name or "", str(m.count)], combo)
            session.answer_project(m.code, answers.CREATE)

    def nextId(self) -> int:
        return PREVIEW_PAGE
