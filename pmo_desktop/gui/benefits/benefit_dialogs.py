"""Add or edit a benefit, and record a measurement: each save is one undo step through the
benefits service, or a one-line reason shown in the dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from pmo_desktop.benefits import register as reg
from pmo_desktop.benefits.model import STATUSES, TYPES
from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Source
from pmo_desktop.domain.values import ValueProblem, parse_date
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import PortfolioError


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problem")
    label.setStyleSheet("color: #C62828; font-weight: 600;")
    label.setWordWrap(True)
    return label


def _number_text(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


class _SavingDialog(QDialog):
    def _finish(self, layout: QVBoxLayout) -> None:
        self.problem = _problem_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            self._write()
        except (PortfolioError, ValueProblem) as exc:
            text = str(exc)
            self.problem.setText(text[:1].upper() + text[1:])
            return False
        return True

    def _write(self) -> None:  # pragma: no cover - subclasses
        raise NotImplementedError

    def accept(self) -> None:
        if self.save():
            super().accept()


class BenefitDialog(_SavingDialog):
    def __init__(self, pf, benefit: dict | None = None, *, date_style: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("benefitDialog")
        self.pf, self.benefit = pf, benefit
        self.setWindowTitle(tr("Benefit {ref}").format(ref=benefit["ref"]) if benefit else tr("New benefit"))
        self.resize(620, 560)
        self.title = QLineEdit()
        self.type = QComboBox()
        for t in TYPES:
            self.type.addItem(shown(t), t)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(tr("who in the business answers for it"))
        self.projects = QLineEdit()
        self.projects.setPlaceholderText(tr("project codes, e.g. PRJ-104, PRJ-117"))
        self.measure = QLineEdit()
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(tr("GBP for cash; days, %, count …"))
        self.baseline = QLineEdit()
        self.target = QLineEdit()
        self.target_date = QLineEdit()
        self.target_date.setPlaceholderText(tr("e.g. 31 Mar 2028"))
        self.status = QComboBox()
        for s in STATUSES:
            self.status.addItem(shown(s), s)
        self.description = QPlainTextEdit()
        form = QFormLayout()
        for label, widget in ((tr("Title"), self.title), (tr("Type"), self.type), (tr("Owner"), self.owner),
                              (tr("Delivered by"), self.projects), (tr("Measure"), self.measure), (tr("Unit"), self.unit),
                              (tr("Baseline"), self.baseline), (tr("Target"), self.target), (tr("Target date"), self.target_date),
                              (tr("Owner's status"), self.status), (tr("Description"), self.description)):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self._finish(layout)
        if benefit:
            self.title.setText(benefit["title"])
            self.type.setCurrentIndex(max(0, self.type.findData(benefit["type"])))
            self.owner.setText(benefit["owner"] or "")
            self.projects.setText(", ".join(benefit["projects"]))
            self.measure.setText(benefit["measure"] or "")
            self.unit.setText(benefit["unit"] or "")
            self.baseline.setText(_number_text(benefit["baseline"]))
            self.target.setText(_number_text(benefit["target"]))
            self.target_date.setText(format_date(benefit["target_date"], date_style, lang=current_language()))
            self.status.setCurrentIndex(max(0, self.status.findData(benefit["status"])))
            self.description.setPlainText(benefit.get("description") or "")

    def values(self) -> dict:
        return {"title": self.title.text().strip(), "type": self.type.currentData(),
                "owner": self.owner.text().strip() or None, "measure": self.measure.text().strip() or None,
                "unit": self.unit.text().strip() or None, "baseline": self.baseline.text().strip() or None,
                "target": self.target.text().strip() or None, "target_date": parse_date(self.target_date.text()),
                "status": self.status.currentData(), "description": self.description.toPlainText().strip() or None}

    def codes(self) -> list[str]:
        return [c.strip() for c in self.projects.text().replace(";", ",").split(",") if c.strip()]

    def _write(self) -> None:
        values, codes = self.values(), self.codes()
        if self.benefit is None:
            self.ref = reg.add_benefit(self.pf, values, projects=codes)
            return
        self.ref = self.benefit["ref"]
        with self.pf.batch(Source.UI, f"Edit {self.ref}"):  # one undo step for the fields and the links
            reg.update_benefit(self.pf, self.ref, values)
            reg.set_projects(self.pf, self.ref, codes)


class MeasurementDialog(_SavingDialog):
    """Planned, forecast and actual level of one benefit at the end of a month."""

    def __init__(self, pf, ref: str, period: str | None = None, *, values: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("measurementDialog")
        self.pf, self.ref = pf, ref
        self.setWindowTitle(tr("Measurement of {ref}").format(ref=ref))
        self.period = QLineEdit(period or "")
        self.period.setPlaceholderText(tr("a month, e.g. 2027-03 or 31 Mar 2027"))
        self.planned, self.forecast, self.actual = QLineEdit(), QLineEdit(), QLineEdit()
        for key, edit in (("planned", self.planned), ("forecast", self.forecast), ("actual", self.actual)):
            edit.setText(_number_text((values or {}).get(key)))
        form = QFormLayout()
        for label, widget in ((tr("Period (month end)"), self.period), (tr("Planned"), self.planned),
                              (tr("Forecast"), self.forecast), (tr("Actual"), self.actual)):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self._finish(layout)

    def _write(self) -> None:
        text = self.period.text().strip()
        try:
            period = parse_date(text) or text
        except ValueProblem:
            period = text
        reg.record_measurement(self.pf, self.ref, period, planned=self.planned.text().strip() or None,
                               forecast=self.forecast.text().strip() or None,
                               actual=self.actual.text().strip() or None)
