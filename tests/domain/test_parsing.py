"""The value parsers: what people type into spreadsheets, turned into domain values or a reason."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pmo_desktop.domain import parsing as p
from pmo_desktop.domain import plan_text
from pmo_desktop.domain.enums import Rag


@pytest.mark.parametrize(("value", "order", "expected"), [
    (datetime(2026, 3, 4, 10, 30), p.DAY_FIRST, date(2026, 3, 4)),
    (date(2026, 3, 4), p.DAY_FIRST, date(2026, 3, 4)),
    ("2026-03-04", p.DAY_FIRST, date(2026, 3, 4)),
    ("04/03/2026", p.DAY_FIRST, date(2026, 3, 4)),
    ("04/03/2026", p.MONTH_FIRST, date(2026, 4, 3)),
    ("13/03/2026", p.MONTH_FIRST, date(2026, 3, 13)),  # 13 cannot be a month, whatever the setting
    ("3/13/26", p.DAY_FIRST, date(2026, 3, 13)),
    ("4-Mar-26", p.DAY_FIRST, date(2026, 3, 4)),
    ("02/Sep/21 2:07 PM", p.DAY_FIRST, date(2021, 9, 2)),
    ("Mar 4, 2026", p.DAY_FIRST, date(2026, 3, 4)),
    ("4th March 2026", p.DAY_FIRST, date(2026, 3, 4)),
    ("Wed 04/03/26", p.DAY_FIRST, date(2026, 3, 4)),
    ("2026年3月4日", p.MONTH_FIRST, date(2026, 3, 4)),  # as a window in Chinese shows a date
    ("2026 年 3 月 4 号", p.DAY_FIRST, date(2026, 3, 4)),
    ("  ", p.DAY_FIRST, None),
    (None, p.DAY_FIRST, None),
])
def test_parse_date(value, order, expected):
    assert p.parse_date(value, order=order) == expected


def test_excel_serials_in_both_date_systems():
    assert p.parse_date(46000) == date(2025, 12, 9)
    assert p.parse_date(46000, epoch=1904) == date(2029, 12, 10)
    assert p.parse_date(46000.75) == date(2025, 12, 9)
    assert p.parse_date("46000") == date(2025, 12, 9)
    assert p.serial_to_date(1) == date(1900, 1, 1)
    assert p.serial_to_date(61) == date(1900, 3, 1)  # past Excel's phantom 29 Feb 1900


@pytest.mark.parametrize("bad", ["31/02/2026", "2026年2月30日", "tomorrow", "2026-13-01", "12:30", 10**9, -5])
def test_bad_dates_say_why(bad):
    with pytest.raises(ValueError) as info:
        p.parse_date(bad)
    assert str(bad)[:4] in str(info.value) or "date" in str(info.value)


def test_date_order_comes_from_the_file_when_it_can():
    assert p.detect_date_order(["01/02/2026", "25/02/2026"]) == p.DAY_FIRST
    assert p.detect_date_order(["01/02/2026", "02/25/2026"]) == p.MONTH_FIRST
    assert p.detect_date_order(["01/02/2026", "03/04/2026"]) is None
    assert p.detect_date_order(["13/02/2026", "02/25/2026"]) is None  # contradictory: fall back to the setting


@pytest.mark.parametrize(("value", "expected"), [
    ("£1,200.50", 120050), ("(1,200)", -120000), ("-£3k", -300000), ("1.2m", 120000000), ("250k", 25000000),
    ("USD 250k", 25000000), ("€ 1 234,00".replace(",", "."), 123400), (1200, 120000), (12.345, 1234),
    ("1,200-", -120000), ("", None), ("$0", 0),
])
def test_parse_money(value, expected):
    assert p.parse_money(value) == expected


@pytest.mark.parametrize("bad", ["twelve", "1.2.3", "£", float("nan"), True])
def test_bad_money(bad):
    with pytest.raises(ValueError):
        p.parse_money(bad)


def test_parse_percent():
    assert p.parse_percent("45%") == 45
    assert p.parse_percent(0.45) == 45
    assert p.parse_percent(45) == 45
    assert p.parse_percent(1, fractions=True) == 100
    assert p.parse_percent(1, fractions=False) == 1
    assert p.parse_percent("Done") == 100
    with pytest.raises(ValueError):
        p.parse_percent("140%")


@pytest.mark.parametrize(("value", "expected"), [
    ("Red", Rag.RED), ("R", Rag.RED), ("amber", Rag.AMBER), ("Yellow", Rag.AMBER), ("G", Rag.GREEN),
    ("On track", Rag.GREEN), ("At risk", Rag.AMBER), ("Off track", Rag.RED), ("Complete", Rag.BLUE),
    ("Green - no issues", Rag.GREEN), ("X", Rag.GREY),
])
def test_parse_rag_words(value, expected):
    assert p.parse_rag(value) is expected


def test_parse_rag_from_fill_when_text_is_empty():
    assert p.parse_rag(None, fill="#FF0000") is Rag.RED
    assert p.parse_rag("", fill="FFFFC000") is Rag.AMBER
    assert p.parse_rag(None, fill="#FFFF00") is Rag.AMBER
    assert p.parse_rag(None, fill="#00B050") is Rag.GREEN
    assert p.parse_rag(None, fill="#2E7D32") is Rag.GREEN
    assert p.parse_rag(None, fill="#1565C0") is Rag.BLUE
    assert p.parse_rag(None, fill="#FFFFFF") is None
    assert p.parse_rag(None) is None
    with pytest.raises(ValueError):
        p.parse_rag("Purple")


def test_probability_and_impact_words():
    assert p.parse_probability("Almost certain") == 5
    assert p.parse_probability("Rare") == 1
    assert p.parse_probability("Very high") == 5
    assert p.parse_probability("50% to 75%") == 4
    assert p.parse_probability(0.2) == 2
    assert p.parse_probability("3 - Possible") == 3
    assert p.parse_impact("Severe") == 5
    assert p.parse_impact("Minor") == 2
    assert p.parse_impact("Medium") == 3
    assert p.parse_impact(4) == 4
    with pytest.raises(ValueError):
        p.parse_impact(15000)


def test_predecessors():
    assert plan_text.parse_predecessors("3FS+2d;5SS") == [("3", "FS", 2), ("5", "SS", 0)]
    assert plan_text.parse_predecessors("2fs") == [("2", "FS", 0)]
    assert plan_text.parse_predecessors("1.2, 4FF-1 day") == [("1.2", "FS", 0), ("4", "FF", -1)]
    assert plan_text.parse_predecessors("7SF+1w") == [("7", "SF", 5)]
    assert plan_text.parse_predecessors(3.0) == [("3", "FS", 0)]
    assert plan_text.parse_predecessors(None) == []
    assert plan_text.format_predecessors([("1.2", "FS", 2), ("3", "SS", -1)]) == "1.2FS+2d;3SS-1d"
    with pytest.raises(ValueError):
        plan_text.parse_predecessors("after the design review")


def test_durations():
    assert plan_text.parse_duration("3 days") == 3
    assert plan_text.parse_duration("8 wks") == 40
    assert plan_text.parse_duration("2w") == 10
    assert plan_text.parse_duration("16h") == 2
    assert plan_text.parse_duration(5.0) == 5
    with pytest.raises(ValueError):
        plan_text.parse_duration("a while")


@pytest.mark.parametrize(("text", "days"), [
    ("3d", 3), ("4h", 0.5), ("30m", 0.06), ("0.5d", 0.5), ("1,5d", 1.5), ("2w", 10), ("1mo", 20), ("3 days?", 3),
    ("2.5 days", 2.5), (0.5, 0.5), ("-3", -3), ("3 mins", 0.01),
])
def test_durations_as_ms_project_reads_them(text, days):
    """One parser for every typed duration (scheduling/durations.py reads through it too): 'm' is minutes
    and 'mo' months, as in MS Project, and part days are kept."""
    value = plan_text.parse_duration(text)
    assert value == days and not isinstance(value, plan_text.ElapsedDays)


def test_elapsed_durations_keep_their_unit():
    cure = plan_text.parse_duration("3 edays")
    assert isinstance(cure, plan_text.ElapsedDays) and (cure, cure.minutes, cure.code) == (3, 4320, 8)
    dry = plan_text.parse_duration("36ehrs?")
    assert (dry, dry.minutes, dry.code) == (1.5, 2160, 38)
    assert plan_text.parse_duration("2ew").minutes == 2 * 10080


def test_month_and_quarter_headers():
    assert p.month_of_header("Jan-26") == date(2026, 1, 1)
    assert p.month_of_header("2026-02") == date(2026, 2, 1)
    assert p.month_of_header("Mar 2026") == date(2026, 3, 1)
    assert p.month_of_header("Sept 2026") == date(2026, 9, 1)
    assert p.month_of_header(datetime(2026, 4, 1)) == date(2026, 4, 1)
    assert p.month_of_header("Budget") is None
    assert p.quarter_months("Q1 FY26", fy_start_month=4) == [date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1)]
    assert p.quarter_months("FY26 Q4", fy_start_month=4) == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert p.quarter_months("Q2 FY2026", fy_start_month=1) == [date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1)]
    assert p.quarter_months("Quarterly") is None


def test_score_word_ranges_take_the_worse_end():
    assert p.parse_impact("M to H") == 4
    assert p.parse_probability("Unlikely to Possible") == 3
