"""The gate review form: gate, dates, checklist with evidence, decision, approvers and conditions.

Built in code rather than from ui/ because its two tables are filled from the gate model. `save()`
writes the whole form as one batch (one undo step) through the governance services; a problem is
shown in the form, which stays open, and nothing is written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Source
from pmo_desktop.domain.values import ValueProblem, parse_date
from pmo_desktop.governance import gates
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr
from pmo_desktop.registers import lookups
from pmo_desktop.store import Portfolio, PortfolioError

CONDITION_COLUMNS = [QT_TRANSLATE_NOOP("", "Condition"), QT_TRANSLATE_NOOP("", "Owner"), QT_TRANSLATE_NOOP("", "Due"),
                     QT_TRANSLATE_NOOP("", "Status")]


class GateReviewDialog(QDialog):
    def __init__(self, pf: Portfolio, project_id: int, review_id: int | None = None, *, day_first: bool = True,
                 date_format: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("gateReviewDialog")
        self.pf = pf
        self.day_first = day_first
        self.date_format = date_format
        self.review_id = review_id
        self.batch_id: int | None = None
        self.model = gates.gate_model(pf)
        self.code, name, stage = lookups.project_heading(pf, project_id)
        self.setWindowTitle(tr("Gate review — {code} {name}").format(code=self.code, name=name))
        self.resize(820, 720)

        self.gate_box = QComboBox()
        for g in self.model["gates"]:
            self.gate_box.addItem(f"{g['id']}  {shown(g['name'])}  ({shown(g['from'])} → {shown(g['to'])})", g["id"])
        self.planned = QLineEdit()
        self.actual = QLineEdit()
        for box in (self.planned, self.actual):
            box.setPlaceholderText(tr("e.g. 3 Dec 2026"))
        self.decision_box = QComboBox()
        self.decision_box.addItem(tr("(not yet decided)"), None)
        for d in gates.DECISIONS:
            self.decision_box.addItem(shown(d), d)
        self.approvers = QLineEdit()
        self.approvers.setPlaceholderText(tr("who decided, e.g. Investment Committee; CFO"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)

        self.checklist = QTableWidget(0, 3)
        self.checklist.setObjectName("gateChecklist")
        self.checklist.setHorizontalHeaderLabels([tr("Met"), tr("Criterion"), tr("Evidence (note or link)")])
        self._table_look(self.checklist, stretch=2, widths=[44, 280])
        self.conditions = QTableWidget(0, 4)
        self.conditions.setObjectName("gateConditions")
        self.conditions.setHorizontalHeaderLabels([shown(c) for c in CONDITION_COLUMNS])
        self._table_look(self.conditions, stretch=0, widths=[300, 130, 110, 100])
        add = QPushButton(tr("Add condition"))
        add.clicked.connect(lambda: self.add_condition_row({}))
        remove = QPushButton(tr("Remove condition"))
        remove.clicked.connect(self._remove_condition)

        form = QFormLayout()
        form.addRow(tr("Project"), QLabel(tr("{code}  {name}  (stage: {stage})").format(
            code=self.code, name=name, stage=shown(stage) if stage else tr("none"))))
        form.addRow(tr("Gate"), self.gate_box)
        dates = QHBoxLayout()
        dates.addWidget(self.planned)
        dates.addWidget(QLabel(tr("held on")))
        dates.addWidget(self.actual)
        form.addRow(tr("Planned for"), dates)
        form.addRow(tr("Decision"), self.decision_box)
        form.addRow(tr("Approvers"), self.approvers)
        form.addRow(tr("Notes"), self.notes)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setStyleSheet("color: #C62828; font-weight: 600;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not pf.read_only)
        cond_buttons = QHBoxLayout()
        cond_buttons.addWidget(add)
        cond_buttons.addWidget(remove)
        cond_buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("<b>Checklist</b>")))
        layout.addWidget(self.checklist, 3)
        layout.addWidget(QLabel(tr("<b>Conditions</b> (for Go with conditions)")))
        layout.addWidget(self.conditions, 2)
        layout.addLayout(cond_buttons)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        if review_id is None:
            upcoming = gates.gate_after(self.model, stage)
            self.gate_box.setCurrentIndex(max(0, self.gate_box.findData(upcoming["id"] if upcoming else None)))
            self._fill_checklist(gates.gate_by_id(self.model, self.gate_box.currentData())["checklist"])
            self.gate_box.currentIndexChanged.connect(self._gate_changed)
        else:
            self._load(review_id)

    @staticmethod
    def _table_look(table: QTableWidget, *, stretch: int, widths: list[int]) -> None:
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate(widths):
            if col != stretch:
                table.setColumnWidth(col, width)

    # -- filling --------------------------------------------------------------------------------------

    def _date_text(self, iso: str | None) -> str:
        return format_date(iso, self.date_format) if iso else ""

    def _fill_checklist(self, items: list[Any]) -> None:
        self.checklist.setRowCount(0)
        for item in items:
            if isinstance(item, str):
                item = {"criterion": item, "met": False, "evidence": ""}
            r = self.checklist.rowCount()
            self.checklist.insertRow(r)
            met = QTableWidgetItem()
            met.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            met.setCheckState(Qt.CheckState.Checked if item["met"] else Qt.CheckState.Unchecked)
            criterion = QTableWidgetItem(item["criterion"])
            criterion.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.checklist.setItem(r, 0, met)
            self.checklist.setItem(r, 1, criterion)
            self.checklist.setItem(r, 2, QTableWidgetItem(item.get("evidence") or ""))

    def add_condition_row(self, cond: dict[str, Any]) -> int:
        r = self.conditions.rowCount()
        self.conditions.insertRow(r)
        text = QTableWidgetItem(cond.get("description") or "")
        text.setData(Qt.ItemDataRole.UserRole, cond.get("id"))
        self.conditions.setItem(r, 0, text)
        self.conditions.setItem(r, 1, QTableWidgetItem(cond.get("owner") or ""))
        self.conditions.setItem(r, 2, QTableWidgetItem(self._date_text(cond.get("due_date"))))
        status = QComboBox()
        for s in gates.CONDITION_STATUSES:
            status.addItem(shown(s), s)
        status.setCurrentIndex(max(0, status.findData(cond.get("status") or "Open")))
        self.conditions.setCellWidget(r, 3, status)
        return r

    def _remove_condition(self) -> None:
        row = self.conditions.currentRow()
        if row >= 0:
            self.conditions.removeRow(row)

    def _gate_changed(self) -> None:
        self._fill_checklist(gates.gate_by_id(self.model, self.gate_box.currentData())["checklist"])

    def _load(self, review_id: int) -> None:
        review = next(r for r in gates.gate_reviews(self.pf, self.code) if r["id"] == review_id)
        self.gate_box.setCurrentIndex(max(0, self.gate_box.findData(review["gate"])))
        self.gate_box.setEnabled(False)
        self.planned.setText(self._date_text(review["planned_date"]))
        self.actual.setText(self._date_text(review["actual_date"]))
        self.decision_box.setCurrentIndex(max(0, self.decision_box.findData(review["decision"])))
        self.approvers.setText(review["approvers"] or "")
        self.notes.setPlainText(review["notes"] or "")
        self._fill_checklist(review["checklist"])
        for cond in review["conditions"]:
            self.add_condition_row(cond)

    # -- reading and saving ---------------------------------------------------------------------------

    def _date(self, text: str, what: str) -> str | None:
        try:
            return parse_date(text, day_first=self.day_first)
        except ValueProblem as exc:
            raise gates.GovernanceError(f"{what}: {said(str(exc))}") from None

    def values(self) -> dict[str, Any]:
        checklist = [{"criterion": self.checklist.item(r, 1).text(),
                      "met": self.checklist.item(r, 0).checkState() == Qt.CheckState.Checked,
                      "evidence": self.checklist.item(r, 2).text().strip()} for r in range(self.checklist.rowCount())]
        conditions = []
        for r in range(self.conditions.rowCount()):
            cells = [self.conditions.item(r, c) for c in range(3)]
            texts = [c.text().strip() if c else "" for c in cells]
            if not any(texts):
                continue
            conditions.append({"id": cells[0].data(Qt.ItemDataRole.UserRole) if cells[0] else None,
                               "description": texts[0], "owner": texts[1] or None,
                               "due_date": self._date(texts[2], tr("the condition's due date")),
                               "status": self.conditions.cellWidget(r, 3).currentData()})
        return {"gate": self.gate_box.currentData(),
                "planned_date": self._date(self.planned.text(), tr("the planned date")),
                "actual_date": self._date(self.actual.text(), tr("the date held")),
                "decision": self.decision_box.currentData(), "approvers": self.approvers.text().strip() or None,
                "notes": self.notes.toPlainText().strip() or None, "checklist": checklist, "conditions": conditions}

    def save(self) -> bool:
        try:
            v = self.values()
            with self.pf.batch(Source.UI, f"Gate review {v['gate']} for {self.code}") as batch_id:
                if self.review_id is None:
                    self.review_id = gates.record_gate_review(
                        self.pf, self.code, v["gate"], planned_date=v["planned_date"], actual_date=v["actual_date"],
                        decision=v["decision"], approvers=v["approvers"], checklist=v["checklist"],
                        conditions=v["conditions"], notes=v["notes"])
                else:
                    gates.replace_conditions(self.pf, self.review_id, v["conditions"])
                    gates.update_gate_review(self.pf, self.review_id, planned_date=v["planned_date"],
                                             actual_date=v["actual_date"], decision=v["decision"],
                                             approvers=v["approvers"], checklist=v["checklist"], notes=v["notes"])
        except PortfolioError as exc:
            if self.review_id is not None and not lookups.exists(self.pf, "gate_reviews", self.review_id):
                self.review_id = None  # the new review was rolled back with the batch
            message = said(str(exc))
            self.problem.setText(message[:1].upper() + message[1:])
            return False
        self.batch_id = batch_id
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
