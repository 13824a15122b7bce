"""The roadmap and the Gantt in Simplified Chinese: every text a person reads is translated (names,
codes and people are data and stay as written), zoom and programme choices still mean the same
thing, and the time scale speaks the window language."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from pmo_desktop.gui.plans import timeline_paint as tp
from pmo_desktop.gui.plans.reschedule import outcome_text
from pmo_desktop.gui.shell.i18n import install_translators
from tests.gui.shell.chinese_walk import english_left, is_english


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh-CN")
    yield
    install_translators(qapp, "en")


def _english_apart_from(view, data: set[str]) -> list[tuple[str, str]]:
    """english_left(view), once the data (names, codes, programmes) is taken out of each text."""
    left = []
    for where, text in english_left(view):
        for value in sorted(data, key=len, reverse=True):
            text = text.replace(value, "")
        if is_english(text):
            left.append((where, text))
    return left


def _data(window) -> set[str]:
    from pmo_desktop.scheduling.timeline import roadmap_rows

    rows = roadmap_rows(window.portfolio.conn)
    tasks = {r[0] for r in window.portfolio.conn.execute("SELECT name FROM tasks")}  # task names are data too
    return {r.programme for r in rows} | {r.name for r in rows} | {r.code for r in rows} | tasks


def test_roadmap_speaks_chinese_and_its_choices_keep_their_meaning(chinese, window):
    window.show()
    window.show_view("roadmap")
    view = window.pages["roadmap"]
    assert not _english_apart_from(view, _data(window))
    assert view.programme_box.itemText(0) == "全部项目群"
    assert [view.zoom_box.itemText(i) for i in range(view.zoom_box.count())] == ["周", "月", "季度"]
    view.zoom_box.setCurrentIndex(view.zoom_box.findText("季度"))
    assert view.chart.scale.zoom == "Quarters"
    every = sum(1 for k, _ in view.chart.items if k == "project")
    view.programme_box.setCurrentIndex(1)
    programme = view.programme_box.currentText()
    groups = [item for k, item in view.chart.items if k == "group"]
    assert groups == [programme] and sum(1 for k, _ in view.chart.items if k == "project") < every
    view.refresh()  # the programme chosen survives a refresh
    assert view.programme_box.currentText() == programme
    assert view.summary().endswith("个项目") and "路线图" in view.summary()


def test_gantt_speaks_chinese_and_zoom_still_stores_the_english_level(chinese, window):
    window.show()
    window.show_view("gantt")
    view = window.pages["gantt"]
    assert view.plan and view.plan.rows
    assert not _english_apart_from(view, _data(window))
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers[1:4] == ["任务", "开始", "完成"] and headers[6] == "前置任务"
    assert "个任务" in view.project_box.currentText()
    view.zoom_box.setCurrentIndex(view.zoom_box.findText("月"))
    assert view.zoom() == "Months" and view.chart.scale.zoom == "Months"
    view.zoom_box.setCurrentIndex(view.zoom_box.findText("日"))
    assert view.chart.scale.zoom == "Days"
    assert "关键路径" in view.summary() and "tasks" not in view.summary()
    critical = next(r for r in view.plan.rows if r.critical and r.total_float is not None)
    n = view.plan.rows.index(critical)
    assert "总时差" in view.model.index(n, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_time_scale_headers_follow_the_language():
    first, last = date(2026, 3, 1), date(2026, 5, 31)
    assert [label for _a, _b, label, _s in tp._periods("month", first, last, lang="zh-CN")] == [
        "2026年3月", "2026年4月", "2026年5月"]
    assert [label for _a, _b, label, _s in tp._periods("month", first, last, True, lang="zh-CN")] == ["3月", "4月", "5月"]
    assert [label for _a, _b, label, _s in tp._periods("quarter", first, last, lang="zh-CN")] == ["2026年一季度",
                                                                                         "2026年二季度"]
    assert next(tp._periods("year", first, last, lang="zh-CN"))[2] == "2026年"
    assert next(tp._periods("week", date(2026, 3, 23), last, lang="zh-CN"))[2] == "3月23日"
    # English unchanged
    assert [label for _a, _b, label, _s in tp._periods("month", first, last)] == ["Mar 2026", "Apr 2026", "May 2026"]
    assert next(tp._periods("quarter", first, last))[2] == "Q1 2026"


def test_reschedule_outcome_in_chinese(chinese, demo_path):
    from pmo_desktop.domain.enums import Source
    from pmo_desktop.scheduling.service import reschedule
    from pmo_desktop.store import open_portfolio

    pf = open_portfolio(demo_path)
    code = pf.conn.execute("SELECT p.code FROM projects p JOIN tasks t ON t.project_id = p.id "
                           "GROUP BY p.id ORDER BY p.id LIMIT 1").fetchone()[0]
    first = outcome_text(reschedule(pf, code, source=Source.CLI), "medium")
    again = outcome_text(reschedule(pf, code, source=Source.CLI), "medium")
    assert not is_english(first.replace(code, ""))
    assert again.startswith(f"{code}：所有日期均已符合计划的任务链接，完成于 ") and "年" in again
