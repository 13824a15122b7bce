"""The whole window in Simplified Chinese: every view of the navigation and every dialog the menus and
views open, walked in one window, with no English left a person would read apart from the names of
things and what the portfolio stores (project, programme, people, team and category names)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget, QWizard

from pmo_desktop.gui.shell.i18n import install_translators
from tests.gui.conftest import settled
from tests.gui.importing.test_answer_pages import JIRA, TRACKER
from tests.gui.importing.test_import_wizard import settle, step, workbook
from tests.gui.shell.chinese_walk import english_left, is_english

# Stored data the demo portfolio writes in English (names of things, the analyst's own lists).
DATA_SQL = [
    "SELECT code, name FROM projects", "SELECT name FROM programmes", "SELECT name, team, role FROM people",
    "SELECT category FROM lessons", "SELECT name FROM tasks", "SELECT title, ref FROM benefits",
    "SELECT ref, title FROM raid_items", "SELECT name FROM scenarios",
]


SCENARIO = "Plan B"


def _data_words(pf) -> list[str]:
    words: set[str] = set()
    for sql in DATA_SQL:
        try:
            rows = pf.conn.execute(sql).fetchall()
        except Exception:  # a table this portfolio does not have
            continue
        words |= {str(v) for row in rows for v in row if v}
    settings = pf.settings()
    for key in ("roles", "teams"):
        words |= set(settings.get(key) or ())
    words.add(settings.get("portfolio_name") or settings.get("name") or "")
    words |= {str(v) for rows in (TRACKER, JIRA) for row in rows[1:] for v in row}  # the workbooks' own values
    words.add(SCENARIO)
    return sorted(words, key=len, reverse=True)  # the longest first, so a name is removed whole


def _left(root, data: list[str]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in english_left(root) if is_english(_strip(text, data))]


def _chart_texts(canvas) -> list[str]:
    """Every text a matplotlib chart draws: titles, axis labels, tick labels, legends, annotations."""
    from matplotlib.text import Text

    canvas.draw()
    return [t.get_text() for t in canvas.figure.findobj(Text) if t.get_text().strip() and t.get_visible()]


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh-CN")
    yield
    install_translators(qapp, "en")


@pytest.mark.slow
def test_every_view_and_dialog_in_chinese(chinese, qtbot, make_window, demo_path, tmp_path, answers):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path))
    win.resize(1280, 720)
    win.show()
    pf = win.portfolio
    data = _data_words(pf)
    left: dict[str, list] = {}

    # -- every view, and its charts --------------------------------------------------------------------
    for name in win.views.names():
        win.show_view(name)
        view = win.pages[name]
        settled(view, qtbot)
        left[name] = _left(view, data)
        if name in ("dashboard", "finance"):
            assert view.summary_data is not None, name  # the figures arrived and were drawn
        if is_english(_strip(view.summary(), data)):
            left[name].append(("status bar", view.summary()))
        for chart_name, canvas in getattr(view, "charts", {}).items():
            english = [t for t in _chart_texts(canvas) if is_english(_strip(t.replace("\n", " "), data))]
            if english:
                left[f"{name} chart {chart_name}"] = english
    scenarios = win.pages["scenarios"]
    from pmo_desktop.scenarios import model as scenario_model

    scenario_model.new_scenario(pf, SCENARIO)
    scenarios.refresh()
    scenarios.mark(SCENARIO)
    scenarios.compare_marked()
    settled(scenarios, qtbot)
    assert "现状" in scenarios.compare_title.text(), scenarios.compare_title.text()  # the comparison was drawn
    left["scenarios compared"] = _left(scenarios, data)
    for chart_name, canvas in scenarios.charts.items():
        english = [t for t in _chart_texts(canvas) if is_english(_strip(t, data))]
        if english:
            left[f"scenarios chart {chart_name}"] = english

    # -- undo labels in the Edit menu ------------------------------------------------------------------
    win.show_view("raid")
    raid = win.pages["raid"]
    col = raid.model.column_index("probability")
    raid.model.write_cells([(0, col, "5")])
    assert win.actions["undo"].text().startswith("撤销"), win.actions["undo"].text()
    left["undo"] = [t for t in [win.actions["undo"].text()] if is_english(_strip(t, data))]

    # -- dialogs -----------------------------------------------------------------------------------------
    from pmo_desktop.gui.capacity.skills import SkillsDialog
    from pmo_desktop.gui.collect.collect_dialog import CollectDialog
    from pmo_desktop.gui.governance.gate_review_dialog import GateReviewDialog
    from pmo_desktop.gui.governance.governance_settings import GovernanceSettingsDialog
    from pmo_desktop.gui.governance.lessons_view import LessonDialog
    from pmo_desktop.gui.plans.cross_link_dialog import CrossLinkDialog
    from pmo_desktop.gui.registers.dialogs import CustomFieldDialog, StatusReportDialog
    from pmo_desktop.gui.reports.commentary_dialog import CommentaryDialog
    from pmo_desktop.gui.shell.about import AboutDialog
    from pmo_desktop.gui.shell.first_run import WelcomeDialog

    project_id, code = pf.conn.execute("SELECT id, code FROM projects ORDER BY code").fetchone()
    task = pf.conn.execute("SELECT name FROM tasks WHERE project_id = ? ORDER BY id", (project_id,)).fetchone()[0]
    lesson = win.pages["lessons"].rows[0]
    dialogs = {
        "status report": StatusReportDialog(pf, project_id, parent=win),
        "custom field": CustomFieldDialog(pf, parent=win),
        "collect": CollectDialog(pf, win),
        "governance settings": GovernanceSettingsDialog(pf, parent=win),
        "gate review": GateReviewDialog(pf, project_id, parent=win),
        "lesson": LessonDialog(pf, lesson, parent=win),
        "new lesson": LessonDialog(pf, parent=win),
        "skills": SkillsDialog([("Python", 4)], parent=win),
        "cross link": CrossLinkDialog(pf, project_id, task, parent=win),
        "commentary": CommentaryDialog(pf, parent=win),
        "about": AboutDialog(win.settings),
        "welcome": WelcomeDialog(),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        found = _left(dialog, data)
        if name == "about":  # the components' names and versions and the folders' paths are data
            found = [(w, t) for w, t in found if t != dialog.header.text()]
        left[f"dialog {name}"] = found
        if is_english(_strip(dialog.windowTitle(), data)):
            left[f"dialog {name}"].append(("windowTitle", dialog.windowTitle()))
        dialog.close()
    gates = dialogs["governance settings"]
    for tabs in gates.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            left[f"governance tab {i}"] = _left(tabs.currentWidget(), data)

    # -- the import wizard: file, columns, values, projects and preview pages ----------------------------
    from pmo_desktop.gui.importing.import_wizard import ImportWizard

    for rows, kind in ((TRACKER, None), (JIRA, "raid")):
        wizard = ImportWizard(pf, workbook(tmp_path / f"in-{len(rows[0])}.xlsx", rows), parent=win)
        qtbot.addWidget(wizard)
        wizard.resize(900, 620)
        wizard.show()
        settle(qtbot, wizard)
        for _ in range(4):
            page = wizard.currentPage()
            left[f"wizard {kind} page {wizard.currentId()}"] = _left(page, data) + [
                ("button", wizard.button(b).text()) for b in (QWizard.WizardButton.NextButton,
                                                           QWizard.WizardButton.BackButton,
                                                           QWizard.WizardButton.CancelButton)
                if wizard.button(b).isVisible() and is_english(wizard.button(b).text())]
            if kind and wizard.currentId() == 1:
                combo = wizard.mapping_page.kind_combo
                combo.setCurrentIndex(combo.findData(kind))
            if wizard.currentPage().isFinalPage() or wizard.currentPage().nextId() == -1:
                break
            step(qtbot, wizard)
        wizard.close()

    left = {k: v for k, v in left.items() if v}
    assert not left, "English left in the Chinese window:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())


def _strip(text: str, data: list[str]) -> str:
    for word in data:
        if word and word in text:
            text = text.replace(word, " ")
    return text
