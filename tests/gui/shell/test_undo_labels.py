"""Undo steps keep English labels in the change log and read in the window's language in the Edit menu."""

from __future__ import annotations

import pytest

from pmo_desktop.gui.shell.i18n import install_translators
from pmo_desktop.gui.shell.undo_labels import shown_label


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh-CN")
    yield
    install_translators(qapp, "en")


@pytest.mark.parametrize(("label", "shown"), [
    ("Edit Probability of R-012", "编辑 R-012 的概率"),
    ("Paste 3 cells", "粘贴 3 个单元格"),
    ("Delete 2 projects", "删除 2 个项目"),
    ("Add budget line Labour OPEX", "添加预算行：人工 OPEX"),
    ("Move 'Build'", "移动“Build”"),
    ("Apply scenario Plan B", "应用情景 Plan B"),
    ("Add task 'Kick-off'", "添加任务“Kick-off”"),
    ("Allocate Ana Ruiz to PRJ-104 in Nov 2026", "将 Ana Ruiz 分配到 PRJ-104（2026年11月）"),
    ("Something nobody named", "Something nobody named"),
])
def test_labels_in_chinese(chinese, label, shown):
    assert shown_label(label) == shown


def test_labels_stay_english_in_english(qapp):
    install_translators(qapp, "en")
    assert shown_label("Edit Probability of R-012") == "Edit Probability of R-012"


def test_the_edit_menu_says_what_undo_will_undo_and_the_log_keeps_english(chinese, window, demo_path):
    from tests.gui.conftest import read

    window.show_view("raid")
    raid = window.pages["raid"]
    batch = raid.model.write_cells([(0, raid.model.column_index("impact"), "2")])
    assert window.actions["undo"].text() == f"撤销编辑 {raid.model.raw(0, raid.model.column_index('ref'))} 的影响"
    assert read(demo_path, "SELECT label FROM batches WHERE id = ?", (batch,))[0][0].startswith("Edit Impact of ")
