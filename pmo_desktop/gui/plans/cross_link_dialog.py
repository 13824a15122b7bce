"""Pick a task of another project for the selected task to wait for (a link between projects)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel

from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.scheduling import edits
from pmo_desktop.store import Portfolio


def link_types() -> tuple[tuple[str, str], ...]:
    return (("FS", tr("Finish-to-start: starts when that task finishes")),
            ("SS", tr("Start-to-start: starts when that task starts")),
            ("FF", tr("Finish-to-finish: finishes when that task finishes")),
            ("SF", tr("Start-to-finish: finishes when that task starts")))


class CrossLinkDialog(QDialog):
    def __init__(self, pf: Portfolio, project_id: int, task_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("crossLinkDialog")
        self.setWindowTitle(tr("Link to a task of another project"))
        self.pf = pf
        self.project_box = QComboBox()
        for pid, code, name in edits.other_projects(pf, project_id):
            self.project_box.addItem(f"{code} — {name}", pid)
        self.task_box = QComboBox()
        self.type_box = QComboBox()
        for code, label in link_types():
            self.type_box.addItem(label, code)
        self.lag = QDoubleSpinBox()
        self.lag.setRange(-365, 365)
        self.lag.setDecimals(1)
        self.lag.setSuffix(tr(" working days"))
        self.project_box.currentIndexChanged.connect(self._fill_tasks)
        self._fill_tasks()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("'{task}' waits for a task of another project:").format(task=task_name)))
        form.addRow(tr("Project"), self.project_box)
        form.addRow(tr("Task"), self.task_box)
        form.addRow(tr("Link"), self.type_box)
        form.addRow(tr("Lag"), self.lag)
        form.addRow(buttons)

    def _fill_tasks(self) -> None:
        self.task_box.clear()
        pid = self.project_box.currentData()
        if pid is None:
            return
        for tid, name, kind in edits.plan_tasks(self.pf, pid):
            self.task_box.addItem(("◆ " if kind == "milestone" else "") + name, tid)
        milestones = [i for i in range(self.task_box.count()) if self.task_box.itemText(i).startswith("◆")]
        if milestones:  # a milestone is what usually gates another project
            self.task_box.setCurrentIndex(milestones[0])

    def choice(self) -> tuple[int, str, float] | None:
        """(predecessor task id, link type, lag in working days), or None when nothing is picked."""
        tid = self.task_box.currentData()
        return None if tid is None else (int(tid), self.type_box.currentData(), self.lag.value())
