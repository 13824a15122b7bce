"""The shell and register dialogs in Simplified Chinese: no English left a person would read."""

from __future__ import annotations

import re

import pytest

from pmo_desktop.gui.shell.i18n import install_translators
from tests.gui.shell.chinese_walk import english_left, is_english


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh-CN")
    yield
    install_translators(qapp, "en")


def test_welcome_and_about_dialogs(chinese, qtbot, qsettings):
    from pmo_desktop.gui.shell.about import AboutDialog
    from pmo_desktop.gui.shell.first_run import WelcomeDialog

    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    assert welcome.windowTitle() == "欢迎使用 PMO Desktop"
    assert english_left(welcome) == []
    about = AboutDialog(qsettings)
    qtbot.addWidget(about)
    assert "数据文件夹" in about.header.text()
    # Data, not chrome: the folders' paths and the components' names and versions.
    header = re.sub(r"Python|Qt|PySide6|<td>[^<]*[/\\][^<]*</td>", "", about.header.text()).replace("&nbsp;", " ")
    assert not is_english(header)
    assert [text for _where, text in english_left(about) if text != about.header.text()] == []


def test_register_dialogs(chinese, window):
    from pmo_desktop.gui.registers.dialogs import CustomFieldDialog, StatusReportDialog

    project_id = window.portfolio.conn.execute("SELECT min(id) FROM projects").fetchone()[0]
    report = StatusReportDialog(window.portfolio, project_id, parent=window)
    assert report.windowTitle().startswith("状态报告")
    assert english_left(report) == []
    field = CustomFieldDialog(window.portfolio, parent=window)
    assert english_left(field) == []


def test_empty_portfolio_and_a_file_that_is_not_a_portfolio(chinese, make_window, tmp_path, answers):
    from pmo_desktop.gui.shell import file_actions
    from pmo_desktop.store import create_portfolio

    win = make_window(create_portfolio(tmp_path / "e.pmo"))
    view = win.current_view()
    assert view.empty.isVisibleTo(win)
    assert english_left(view.empty) == []
    assert view.empty.add_button.text() == "添加项目"
    bad = tmp_path / "notes.pmo"
    bad.write_text("not a database")
    assert file_actions.open_with_dialogs(bad, win.prompts) is None
    title, text = answers.errors[-1]
    assert title == "不是项目组合文件"
    assert text == "notes.pmo 不是 PMO Desktop 项目组合文件（它不是 SQLite 数据库）"
