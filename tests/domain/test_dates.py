from datetime import date

import pytest

from pmo_desktop.domain.dates import format_date, format_month, resolve_date_format, system_date_format


@pytest.mark.parametrize(("style", "text"), [("iso", "2026-03-04"), ("medium", "4 Mar 2026"),
                                             ("dmy", "04/03/2026"), ("mdy", "03/04/2026")])
def test_each_format(style, text):
    assert format_date("2026-03-04", style) == text
    assert format_date(date(2026, 3, 4), style) == text


def test_chinese_medium_and_months():
    assert format_date("2026-11-30", "medium", lang="zh-CN") == "2026年11月30日"
    assert format_month("2026-11-30", lang="zh-CN") == "2026年11月"
    assert format_month("2026-11-30") == "Nov 2026"


def test_blank_and_datetime_text():
    assert format_date(None, "iso") == "" and format_date("", "medium") == ""
    assert format_date("2026-03-04T13:00:00", "iso") == "2026-03-04"


def test_system_default_follows_locale(monkeypatch):
    assert system_date_format("en_US.UTF-8") == "mdy"
    assert system_date_format("en_GB.UTF-8") == "medium"
    assert system_date_format("zh_CN") == "medium"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert resolve_date_format(None) == "mdy"
    assert resolve_date_format("dmy") == "dmy"
    assert resolve_date_format("nonsense") == "mdy"


@pytest.mark.parametrize(("style", "lang", "text"), [
    ("medium", "en", "Nov 2026"), ("medium", "zh-CN", "2026年11月"), ("iso", "en", "2026-11"),
    ("iso", "zh-CN", "2026-11"), ("dmy", "en", "11/2026"), ("mdy", "en", "11/2026"), (None, "en", "Nov 2026")])
def test_month_labels_follow_the_date_format_and_the_language(style, lang, text):
    assert format_month("2026-11-30", style, lang=lang) == text


def test_month_names_without_the_year_and_in_full():
    assert format_month(date(2026, 11, 1), "iso", year=False) == "Nov"
    assert format_month(date(2026, 11, 1), "iso", lang="zh-CN", year=False) == "11月"
    assert format_month(date(2026, 11, 1), "medium", full=True) == "November 2026"
    assert format_month(date(2026, 11, 1), "medium", lang="zh-CN", full=True) == "2026年11月"
