"""The Governance settings dialog: the gate model, the scoring model and the health-rule switches.

Three tabs over the portfolio's settings. Gates: each gate's name and its checklist (add, remove,
reorder items). Scoring: each criterion's name and weight, with its share of the total and the sum,
and the five scale descriptions of the criterion chosen. Health rules: on/off, severity and, where a
rule has one, its threshold. Save validates all three through the governance service and writes them
as ONE batch, which the window records as one undo step; a problem is shown in one line at the foot
of the dialog, which stays open, and nothing is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.governance import model_settings
from pmo_desktop.governance.health import RULES, SEVERITIES
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import Portfolio, PortfolioError

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow

NEW_ITEM = "New criterion"


class GovernanceSettingsDialog(QDialog):
    def __init__(self, pf: Portfolio, parent=None):
        super().__init__(parent)
        self.setObjectName("governanceSettingsDialog")
        self.setWindowTitle(tr("Governance settings"))
        self.resize(860, 600)
        self.pf = pf
        self.batch_id: int | None = None
        self.values = model_settings.governance_settings(pf)  # the working copy the tabs edit

        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setStyleSheet("color: #C62828; font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._gates_tab(), tr("Gates"))
        self.tabs.addTab(self._scoring_tab(), tr("Scoring"))
        self.tabs.addTab(self._health_tab(), tr("Health rules"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not pf.read_only)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.select_gate(0)

    # -- Gates ------------------------------------------------------------------------------------------

    def _gates_tab(self) -> QWidget:
        self.gate_list = QListWidget()
        self.gate_list.setObjectName("gateList")
        self.gate_list.setMaximumWidth(260)
        for gate in self.values["gate_model"]["gates"]:
            self.gate_list.addItem(self._gate_label(gate))
        self.gate_list.currentRowChanged.connect(self._show_gate)
        self.gate_passage = QLabel()
        self.gate_passage.setObjectName("detailSubtitle")
        self.gate_name = QLineEdit()
        self.gate_name.setObjectName("gateName")
        self.gate_name.textEdited.connect(self._gate_name_edited)
        self.checklist = QListWidget()
        self.checklist.setObjectName("gateChecklist")
        self.checklist.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.SelectedClicked)
        self.checklist.itemChanged.connect(lambda _item: self._checklist_edited())
        buttons = QHBoxLayout()
        for text, slot in ((tr("Add item"), self.add_item), (tr("Remove item"), self.remove_item),
                           (tr("Move up"), lambda: self.move_item(-1)), (tr("Move down"), lambda: self.move_item(1))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Passage:"), self.gate_passage)
        form.addRow(tr("Gate name:"), self.gate_name)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(QLabel(tr("Checklist (double-click an item to change its text):")))
        right.addWidget(self.checklist, 1)
        right.addLayout(buttons)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addWidget(self.gate_list)
        layout.addLayout(right, 1)
        return tab

    @staticmethod
    def _gate_label(gate: dict[str, Any]) -> str:
        return f"{gate['id']}  {gate['name']}"

    def _gate(self) -> dict[str, Any]:
        return self.values["gate_model"]["gates"][max(0, self.gate_list.currentRow())]

    def select_gate(self, row: int) -> None:
        self.gate_list.setCurrentRow(row)

    def _show_gate(self, row: int) -> None:
        if row < 0:
            return
        gate = self.values["gate_model"]["gates"][row]
        self.gate_passage.setText(f"{shown(gate['from'])} → {shown(gate['to'])}")
        self.gate_name.setText(gate["name"])
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for text in gate["checklist"]:
            self.checklist.addItem(self._checklist_item(text))
        self.checklist.blockSignals(False)

    @staticmethod
    def _checklist_item(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _gate_name_edited(self, text: str) -> None:
        gate = self._gate()
        gate["name"] = text
        self.gate_list.currentItem().setText(self._gate_label(gate))
        self.problem.clear()

    def _checklist_edited(self) -> None:
        self._gate()["checklist"] = [self.checklist.item(i).text() for i in range(self.checklist.count())]
        self.problem.clear()

    def set_item_text(self, row: int, text: str) -> None:
        self.checklist.item(row).setText(text)  # itemChanged keeps the model in step

    def add_item(self, text: str = NEW_ITEM) -> int:
        """Add a checklist item after the current one (at the end if none) and start editing it."""
        row = self.checklist.currentRow() + 1 if self.checklist.currentRow() >= 0 else self.checklist.count()
        item = self._checklist_item(text)
        self.checklist.insertItem(row, item)
        self.checklist.setCurrentRow(row)
        self._checklist_edited()
        if self.isVisible():
            self.checklist.editItem(item)
        return row

    def remove_item(self) -> None:
        row = self.checklist.currentRow()
        if row >= 0:
            self.checklist.takeItem(row)
            self._checklist_edited()

    def move_item(self, delta: int) -> None:
        row = self.checklist.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.checklist.count():
            return
        self.checklist.blockSignals(True)
        item = self.checklist.takeItem(row)
        self.checklist.insertItem(target, item)
        self.checklist.blockSignals(False)
        self.checklist.setCurrentRow(target)
        self._checklist_edited()

    # -- Scoring ----------------------------------------------------------------------------------------

    def _scoring_tab(self) -> QWidget:
        criteria = self.values["scoring_model"]["criteria"]
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for col, text in enumerate((tr("Criterion"), tr("Weight"), tr("Share"))):
            head = QLabel(text)
            head.setObjectName("formKey")
            grid.addWidget(head, 0, col)
        self.criterion_names: dict[str, QLineEdit] = {}
        self.weight_boxes: dict[str, QSpinBox] = {}
        self.share_labels: dict[str, QLabel] = {}
        for row, c in enumerate(criteria, start=1):
            name = QLineEdit(c["name"])
            name.setObjectName(f"criterionName_{c['id']}")
            name.textEdited.connect(lambda _t: self._criteria_edited())
            weight = QSpinBox()
            weight.setObjectName(f"criterionWeight_{c['id']}")
            weight.setRange(0, 100)  # as in the Book of work's weight boxes
            weight.setValue(round(c["weight"]))
            weight.valueChanged.connect(lambda _v: self._criteria_edited())
            share = QLabel()
            share.setMinimumWidth(60)
            share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(weight, row, 1)
            grid.addWidget(share, row, 2)
            self.criterion_names[c["id"]] = name
            self.weight_boxes[c["id"]] = weight
            self.share_labels[c["id"]] = share
        self.weight_total = QLabel()
        self.weight_total.setObjectName("weightTotal")
        self.weight_note = QLabel()
        self.weight_note.setStyleSheet("color: #C62828;")
        grid.addWidget(QLabel(tr("Total")), len(criteria) + 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.weight_total, len(criteria) + 1, 1)
        grid.addWidget(self.weight_note, len(criteria) + 2, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)

        self.scale_criterion = QComboBox()
        self.scale_criterion.setObjectName("scaleCriterion")
        for c in criteria:
            self.scale_criterion.addItem(shown(c["name"]), c["id"])
        self.scale_criterion.currentIndexChanged.connect(self._show_scale)
        self.scale_edits: dict[str, QLineEdit] = {}
        scale_form = QFormLayout()
        scale_form.addRow(tr("Scale of:"), self.scale_criterion)
        for point in model_settings.SCALE_POINTS:
            edit = QLineEdit()
            edit.setObjectName(f"scale_{point}")
            edit.textEdited.connect(lambda text, p=point: self._scale_edited(p, text))
            scale_form.addRow(tr("{point} (least favourable):").format(point=point) if point == "1" else
                              tr("{point} (most favourable):").format(point=point) if point == "5" else f"{point}:", edit)
            self.scale_edits[point] = edit
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(tr("A project's weighted score is the weight-averaged 1-5 score; "
                                   "a weight's share is the weight ÷ the total.")))
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addLayout(scale_form)
        layout.addStretch(1)
        self._criteria_edited()
        self._show_scale(0)
        return tab

    def _criterion(self, cid: str) -> dict[str, Any]:
        return next(c for c in self.values["scoring_model"]["criteria"] if c["id"] == cid)

    def _criteria_edited(self) -> None:
        total = sum(box.value() for box in self.weight_boxes.values())
        for cid, box in self.weight_boxes.items():
            c = self._criterion(cid)
            c["weight"], c["name"] = box.value(), self.criterion_names[cid].text()
            self.share_labels[cid].setText(f"{100 * box.value() / total:.0f}%" if total else "–")
            index = self.scale_criterion.findData(cid) if hasattr(self, "scale_criterion") else -1
            if index >= 0:
                self.scale_criterion.setItemText(index, shown(c["name"]))
        self.weight_total.setText(f"{total}")
        self.weight_note.setText("" if total else tr("The weights are all zero: give at least one criterion a weight"))
        self.problem.clear()

    def _show_scale(self, index: int) -> None:
        cid = self.scale_criterion.itemData(index)
        if cid is None:
            return
        scale = self._criterion(cid).get("scale") or {}
        for point, edit in self.scale_edits.items():
            edit.setText(scale.get(point, ""))

    def _scale_edited(self, point: str, text: str) -> None:
        c = self._criterion(self.scale_criterion.currentData())
        c["scale"] = {**(c.get("scale") or {}), point: text}
        self.problem.clear()

    # -- Health rules -----------------------------------------------------------------------------------

    def _health_tab(self) -> QWidget:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for col, text in enumerate((tr("Rule (on when ticked)"), tr("Severity"), tr("Threshold"))):
            head = QLabel(text)
            head.setObjectName("formKey")
            grid.addWidget(head, 0, col, 1, 2 if col == 2 else 1)
        self.rule_checks: dict[str, QCheckBox] = {}
        self.severity_boxes: dict[str, QComboBox] = {}
        self.threshold_boxes: dict[str, QSpinBox] = {}
        for row, (rid, cfg) in enumerate(self.values["health_rules"].items(), start=1):
            check = QCheckBox(said(RULES[rid].title))
            check.setObjectName(f"rule_{rid}")
            check.setChecked(bool(cfg.get("enabled", True)))
            severity = QComboBox()
            severity.setObjectName(f"severity_{rid}")
            for sev in SEVERITIES:
                severity.addItem(shown(sev.capitalize()), sev)
            severity.setCurrentIndex(max(0, severity.findData(cfg.get("severity"))))
            grid.addWidget(check, row, 0)
            grid.addWidget(severity, row, 1)
            limit = model_settings.THRESHOLDS.get(rid)
            if limit is not None:
                box = QSpinBox()
                box.setObjectName(f"threshold_{rid}")
                box.setRange(limit.minimum, limit.maximum)
                box.setValue(round(cfg.get(limit.key, limit.minimum)))
                grid.addWidget(QLabel(said(limit.label.capitalize()) + tr(":")), row, 2)
                grid.addWidget(box, row, 3)
                self.threshold_boxes[rid] = box
            check.toggled.connect(lambda on, r=rid: self._rule_switched(r, on))
            self.rule_checks[rid] = check
            self.severity_boxes[rid] = severity
            self._rule_switched(rid, check.isChecked())
        grid.setColumnStretch(0, 1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(tr("The rules behind the Health view, pmo check and the board pack's appendix.")))
        layout.addLayout(grid)
        layout.addStretch(1)
        return tab

    def _rule_switched(self, rid: str, on: bool) -> None:
        self.severity_boxes[rid].setEnabled(on)
        if rid in self.threshold_boxes:
            self.threshold_boxes[rid].setEnabled(on)
        self.problem.clear()

    def health_rules(self) -> dict[str, dict[str, Any]]:
        rules = {}
        for rid, cfg in self.values["health_rules"].items():
            cfg = {**cfg, "enabled": self.rule_checks[rid].isChecked(),
                   "severity": self.severity_boxes[rid].currentData()}
            if rid in self.threshold_boxes:
                cfg[model_settings.THRESHOLDS[rid].key] = self.threshold_boxes[rid].value()
            rules[rid] = cfg
        return rules

    # -- saving -----------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and write all three settings as one batch; False (with the reason shown) if refused."""
        try:
            self.batch_id = model_settings.save_governance_settings(
                self.pf, gate_model=self.values["gate_model"], scoring_model=self.values["scoring_model"],
                health_rules=self.health_rules())
        except PortfolioError as exc:
            text = str(exc)
            text = said(text)
            self.problem.setText(text[:1].upper() + text[1:])
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()


def open_governance_settings(win: MainWindow) -> None:
    pf = win.portfolio
    if pf is None or pf.read_only:
        return
    dialog = GovernanceSettingsDialog(pf, parent=win)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.batch_id:
        apply_saved(win, dialog.batch_id)


def apply_saved(win: MainWindow, batch_id: int) -> None:
    """After a save: one undo step in the window's history, and the views re-read the settings."""
    win.history.record(batch_id)
    win.refresh_views()
