"""Dialogs built from the Qt Designer forms in ui/: the status report form and the custom field form.

Each dialog class fills itself from the store, and `accept()` validates and writes one batch; the
module functions are what the window's actions call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout

from pmo_desktop.domain.enums import RAG_DIMENSIONS, Rag
from pmo_desktop.domain.values import ValueProblem, parse_date, parse_rag
from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.widgets.chips import chip_icon
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.paths import ui_path
from pmo_desktop.registers import lookups
from pmo_desktop.store import Portfolio, PortfolioError, custom_fields, status_reports

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow


def load_form(name: str, host: QDialog):
    """Load ui/<name> and place its contents in `host`; returns the loaded form widget."""
    form = QUiLoader().load(str(ui_path(name)), host)
    form.setWindowFlags(Qt.WindowType.Widget)  # embedded in the dialog, never a window of its own
    layout = QVBoxLayout(host)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.addWidget(form)
    host.setWindowTitle(form.windowTitle())
    host.resize(form.size())
    return form


def fill_rag_combo(box: QComboBox) -> None:
    box.clear()
    box.setIconSize(QSize(29, 18))
    box.addItem("", None)
    for rag in Rag:
        box.addItem(chip_icon(rag), shown(rag.label), rag.value)


class StatusReportDialog(QDialog):
    """This period's report for one project, pre-filled from the previous period."""

    def __init__(self, pf: Portfolio, project_id: int, period: str | None = None, parent=None):
        super().__init__(parent)
        self.pf = pf
        self.project_id = project_id
        self.batch_id: int | None = None
        self.form = load_form("status_report.ui", self)
        code, name, _stage = lookups.project_heading(pf, project_id)
        self.setWindowTitle(tr("Status report — {code} {name}").format(code=code, name=name))
        for dim in RAG_DIMENSIONS:
            fill_rag_combo(self.combo(dim))
        self.form.buttons.accepted.connect(self.accept)
        self.form.buttons.rejected.connect(self.reject)
        self.form.period.setMinimumDate(QDate(2000, 1, 31))
        self.load(period or status_reports.next_free_period(pf, project_id))
        self.form.period.dateChanged.connect(lambda d: self.load(d.toString("yyyy-MM-dd")))

    def combo(self, dimension: str) -> QComboBox:
        return getattr(self.form, f"rag_{dimension}")

    def load(self, period: str) -> None:
        period = status_reports.normalise_period(self.pf, period)
        values = status_reports.prefill(self.pf, self.project_id, period)
        self.form.period.blockSignals(True)
        self.form.period.setDate(QDate.fromString(period, "yyyy-MM-dd"))
        self.form.period.blockSignals(False)
        for dim in RAG_DIMENSIONS:
            box = self.combo(dim)
            box.setCurrentIndex(max(0, box.findData(values.get(f"rag_{dim}"))))
        for key in ("summary", "achievements", "next_steps", "top_issues", "decisions_needed"):
            getattr(self.form, key).setPlainText(values.get(key) or "")
        self.form.author.setText(values.get("author") or "")
        if "id" in values:
            note = tr("Editing the report already written for {period}.").format(period=period)
        elif values.get("previous_period"):
            note = tr("Pre-filled from the {period} report: its next steps are now this period's achievements. "
                      "Change what has changed.").format(period=values["previous_period"])
        else:
            note = tr("No earlier report: RAGs start from the project's current RAGs.")
        self.form.prefillNote.setText(note)

    def values(self) -> tuple[str, dict]:
        period = parse_date(self.form.period.date().toString("yyyy-MM-dd"))
        values = {f"rag_{d}": parse_rag(self.combo(d).currentData()) for d in RAG_DIMENSIONS}
        if values["rag_overall"] is None:
            raise ValueProblem("choose an overall RAG")
        for key in ("summary", "achievements", "next_steps", "top_issues", "decisions_needed"):
            text = getattr(self.form, key).toPlainText().strip()
            values[key] = text or None
        values["author"] = self.form.author.text().strip() or None
        return period, values

    def accept(self) -> None:
        try:
            period, values = self.values()
            self.batch_id = status_reports.save_report(self.pf, self.project_id, period, values)
        except (ValueProblem, PortfolioError) as exc:
            QMessageBox.warning(self, tr("Report not saved"), said(str(exc)[:1].upper() + str(exc)[1:]))
            return
        super().accept()


def write_status_report(win: MainWindow) -> None:
    pf, project_id = win.portfolio, win.detail.project_id
    if pf is None or project_id is None or pf.read_only:
        return
    dialog = StatusReportDialog(pf, project_id, parent=win)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.batch_id:
        win.history.record(dialog.batch_id)
        win.refresh_views()


class CustomFieldDialog(QDialog):
    ENTITIES = [("project", "Projects"), ("raid_item", "RAID items")]

    def __init__(self, pf: Portfolio, entity: str = "project", parent=None):
        super().__init__(parent)
        self.pf = pf
        self.field_id: int | None = None
        self.form = load_form("custom_field.ui", self)
        for key, label in self.ENTITIES:
            self.form.entity.addItem(shown(label), key)
        self.form.entity.setCurrentIndex(max(0, self.form.entity.findData(entity)))
        for t in custom_fields.FIELD_TYPES:
            self.form.fieldType.addItem(shown(t.capitalize()), t)
        self.form.fieldType.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        self.form.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Add field"))
        self.form.buttons.accepted.connect(self.accept)
        self.form.buttons.rejected.connect(self.reject)

    def _type_changed(self) -> None:
        is_choice = self.form.fieldType.currentData() == "choice"
        self.form.choices.setEnabled(is_choice)
        self.form.choicesLabel.setEnabled(is_choice)

    def accept(self) -> None:
        choices = self.form.choices.toPlainText().splitlines()
        try:
            self.field_id = custom_fields.add_field(
                self.pf, self.form.entity.currentData(), self.form.name.text(),
                self.form.fieldType.currentData(), choices)
        except PortfolioError as exc:
            QMessageBox.warning(self, tr("Field not added"), said(str(exc)[:1].upper() + str(exc)[1:]))
            return
        super().accept()


def add_custom_field(win: MainWindow) -> None:
    pf = win.portfolio
    if pf is None or pf.read_only:
        return
    view = win.current_view()
    entity = getattr(getattr(view, "register", None), "custom_entity", None) or "project"
    dialog = CustomFieldDialog(pf, entity, parent=win)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.field_id:
        win.history.record(pf.last_batch_id())
        for page in win.pages.built.values():
            if getattr(getattr(page, "register", None), "custom_entity", None):
                page.reload_columns()
