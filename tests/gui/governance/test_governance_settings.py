"""The Governance settings dialog: gates, scoring and health rules saved as one undo step."""

from __future__ import annotations

import json
from collections import Counter

from PySide6.QtWidgets import QDialog

from pmo_desktop.governance import scoring
from pmo_desktop.gui.governance.governance_settings import GovernanceSettingsDialog, apply_saved
from pmo_desktop.store.settings import DEFAULTS
from tests.gui.conftest import read

KEYS = ("gate_model", "scoring_model", "health_rules")


def _on_disk(path) -> dict:
    """The three settings as stored in the file, read through a separate connection."""
    stored = {key: json.loads(value) for key, value in read(
        path, "SELECT key, value FROM settings WHERE key IN ('gate_model', 'scoring_model', 'health_rules')")}
    return {key: stored.get(key, DEFAULTS[key]) for key in KEYS}


def _codes(book_view) -> list[str]:
    return [book_view.model.rows[i][1] for i in range(book_view.model.rowCount())]


def _dialog(qtbot, window) -> GovernanceSettingsDialog:
    dialog = GovernanceSettingsDialog(window.portfolio)
    qtbot.addWidget(dialog)
    return dialog


def test_save_edits_gates_scoring_and_rules_in_one_undo_step(window, demo_path, qtbot):
    pf = window.portfolio
    window.show_view("book")
    book = window.pages["book"]
    ranked_before = _codes(book)
    window.show_view("health")
    health = window.pages["health"]
    rule, n = Counter(f.rule for f in health.findings).most_common(1)[0]
    assert n > 0
    before = _on_disk(demo_path)

    dialog = _dialog(qtbot, window)
    dialog.select_gate(2)
    assert dialog.gate_passage.text() == "Planning → Execution" and dialog.checklist.item(0).text() == "Budget approved"
    dialog.set_item_text(0, "Budget approved by the CFO")
    dialog.checklist.setCurrentRow(dialog.checklist.count() - 1)
    assert dialog.add_item("Security review passed") == dialog.checklist.count() - 1
    dialog.move_item(-1)  # one place up: before the last of the original items
    dialog.checklist.setCurrentRow(1)
    dialog.remove_item()  # "Baseline plan agreed"
    dialog.weight_boxes["effort"].setValue(100)
    assert dialog.weight_total.text() == "190" and dialog.share_labels["effort"].text() == "53%"
    dialog.rule_checks[rule].setChecked(False)
    assert not dialog.severity_boxes[rule].isEnabled()

    assert dialog.save() is True
    apply_saved(window, dialog.batch_id)
    after = _on_disk(demo_path)
    assert after["gate_model"]["gates"][2]["checklist"] == [
        "Budget approved by the CFO", "Risks reviewed", "Resources committed", "Security review passed",
        "Governance and reporting set up"]
    assert [c["weight"] for c in after["scoring_model"]["criteria"]] == [30, 25, 15, 20, 100]
    assert after["health_rules"][rule]["enabled"] is False
    assert after["scoring_model"]["funding_cap"] == before["scoring_model"]["funding_cap"]
    assert {k: v for k, v in after["health_rules"].items() if k != rule} == \
        {k: v for k, v in before["health_rules"].items() if k != rule}

    # the views follow: the Health view (on screen) drops the rule, the Book of work re-ranks when shown
    assert health.findings and not any(f.rule == rule for f in health.findings)
    expected = scoring.rank_book(scoring.candidates(pf), after["scoring_model"]["criteria"], book.cap)
    assert [r.candidate.code for r in expected.rows] != ranked_before  # the weight change matters
    window.show_view("book")
    assert book.weight_boxes["effort"].value() == 100
    assert _codes(book) == [r.candidate.code for r in expected.rows]

    assert window.actions["undo"].shortcut().toString() == "Ctrl+Z"
    assert window.actions["undo"].text() == "Undo Change governance settings"
    window.actions["undo"].trigger()  # one Ctrl+Z puts all three back
    assert _on_disk(demo_path) == before
    assert _codes(book) == ranked_before and book.weight_boxes["effort"].value() == 10
    window.show_view("health")
    assert sum(1 for f in health.findings if f.rule == rule) == n


def test_invalid_edits_show_one_line_and_write_nothing(window, demo_path, qtbot):
    pf = window.portfolio
    before, last = _on_disk(demo_path), pf.last_batch_id()
    dialog = _dialog(qtbot, window)
    dialog.rule_checks["watermelon"].setChecked(False)  # a valid change that must not be written either
    for box in dialog.weight_boxes.values():
        box.setValue(0)
    assert dialog.weight_total.text() == "0" and "all zero" in dialog.weight_note.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # the dialog stays open
    assert dialog.problem.text() == "The scoring weights add up to zero; give at least one criterion a weight"
    dialog.weight_boxes["benefit"].setValue(10)
    assert dialog.problem.text() == ""  # an edit clears the message

    dialog.select_gate(1)
    dialog.add_item("   ")
    assert dialog.save() is False
    assert "checklist item is empty" in dialog.problem.text() and "\n" not in dialog.problem.text()
    dialog.remove_item()
    dialog.criterion_names["risk"].setText("")
    dialog.criterion_names["risk"].textEdited.emit("")
    assert dialog.save() is False and "'risk' needs a name" in dialog.problem.text()
    dialog.scale_criterion.setCurrentIndex(dialog.scale_criterion.findData("urgency"))
    assert dialog.scale_edits["5"].text() == "Regulatory or critical deadline"
    dialog.criterion_names["risk"].setText("Delivery risk")
    dialog.criterion_names["risk"].textEdited.emit("Delivery risk")
    dialog.scale_edits["3"].setText("")
    dialog.scale_edits["3"].textEdited.emit("")
    assert dialog.save() is False and "'Urgency': the description of score 3 is empty" in dialog.problem.text()
    assert pf.last_batch_id() == last and _on_disk(demo_path) == before


def test_nothing_changed_is_no_undo_step(window, qtbot):
    dialog = _dialog(qtbot, window)
    assert dialog.save() is True and dialog.batch_id is None
    assert not window.history.can_undo()


def test_the_menu_action_opens_the_dialog_and_records_the_save(window, demo_path, monkeypatch):
    action = window.actions["governance"]
    assert action.isEnabled() and action in window.menuBar().actions()[3].menu().actions()  # Project menu

    def exec_(dialog):
        dialog.rule_checks["future_actuals"].setChecked(False)
        dialog.threshold_boxes["stale_status_report"].setValue(60)
        dialog.severity_boxes["watermelon"].setCurrentIndex(dialog.severity_boxes["watermelon"].findData("info"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(GovernanceSettingsDialog, "exec", exec_)
    action.trigger()
    rules = _on_disk(demo_path)["health_rules"]
    assert rules["future_actuals"]["enabled"] is False
    assert rules["stale_status_report"]["max_age_days"] == 60 and rules["watermelon"]["severity"] == "info"
    assert window.history.can_undo()
    window.undo()
    assert _on_disk(demo_path)["health_rules"] == DEFAULTS["health_rules"]


def test_read_only_disables_the_action(make_window, demo_path, qtbot):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    assert not win.actions["governance"].isEnabled()
    dialog = GovernanceSettingsDialog(win.portfolio)  # even if opened some other way, it cannot save
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
