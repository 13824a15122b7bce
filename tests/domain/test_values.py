"""Parsing what people type: dates, money, RAG words, enums, scales, percentages."""

from datetime import date, datetime

import pytest

from pmo_desktop.domain.enums import Stage
from pmo_desktop.domain.values import (
    ValueProblem,
    format_money,
    format_money_short,
    parse_bool,
    parse_choice,
    parse_date,
    parse_enum,
    parse_impact,
    parse_money,
    parse_number,
    parse_percent,
    parse_probability,
    parse_rag,
    parse_text,
)


@pytest.mark.parametrize("text, expected", [
    ("2026-11-27", "2026-11-27"), ("27/11/2026", "2026-11-27"), ("27.11.26", "2026-11-27"),
    ("27-Nov-2026", "2026-11-27"), ("27 November 2026", "2026-11-27"), ("Nov 27, 2026", "2026-11-27"),
    ("2026-11-27T09:30:00", "2026-11-27"), (date(2026, 1, 2), "2026-01-02"),
    (datetime(2026, 1, 2, 10, 0), "2026-01-02"), (46000, "2025-12-09"), ("", None), (None, None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_parse_date_month_first_and_refusals():
    assert parse_date("03/04/2026", day_first=False) == "2026-03-04"
    assert parse_date("03/04/2026") == "2026-04-03"
    assert parse_date("11/27/2026") == "2026-11-27"  # 27 cannot be a month: read month first
    for bad in ("31/02/2026", "hello", "27 Smarch 2026", "13/13/2026"):
        with pytest.raises(ValueProblem):
            parse_date(bad)


@pytest.mark.parametrize("text, pence", [
    ("1250", 125000), ("1,250.50", 125050), ("£1,250k", 125000000), ("1.25m", 125000000), ("-300", -30000),
    ("(300)", -30000), ("GBP 12", 1200), ("12 USD", 1200), ("€ 7", 700), (1250, 125000), (12.5, 1250),
    ("", None),
])
def test_parse_money(text, pence):
    assert parse_money(text) == pence


def test_parse_money_refusals():
    for bad in ("abc", "1.2.3", "£", True):
        with pytest.raises(ValueProblem):
            parse_money(bad)
    with pytest.raises(ValueProblem, match="negative"):
        parse_money("-5", allow_negative=False)


def test_format_money():
    assert format_money(123456789) == "£1,234,567.89"
    assert format_money(125000000, "£") == "£1,250,000"
    assert format_money(-50) == "-£0.50"
    assert format_money(None) == ""
    assert format_money_short(125000000) == "£1.25m"
    assert format_money_short(125000000 // 1000) == "£1k"


def test_rag_enum_choice_scales():
    assert [parse_rag(x) for x in ("r", "Amber", "GREEN", "complete", "Not reported", "-", "")] == [
        "R", "A", "G", "B", "X", "X", None]
    with pytest.raises(ValueProblem, match="not a RAG"):
        parse_rag("purple")
    assert parse_enum("execution", Stage) == "Execution"
    with pytest.raises(ValueProblem, match="choose one of"):
        parse_enum("Dreaming", Stage, what="stage")
    assert parse_choice("ops", ["Ops", "Finance"]) == "Ops"
    assert parse_probability("Almost certain") == 5 and parse_impact("minor") == 2
    assert parse_probability("3") == 3 and parse_impact(4.0) == 4 and parse_probability("very high") == 5
    assert parse_probability("3 – Possible") == 3  # as the cell shows it
    for bad in ("6", "0", "2.5", "sometimes"):
        with pytest.raises(ValueProblem):
            parse_probability(bad)


def test_numbers_percent_bool_text():
    assert parse_number("12,500") == 12500 and parse_number("1.5") == 1.5
    assert parse_percent("45%") == 45.0 and parse_percent("12.5") == 12.5
    assert parse_percent(0.45, fraction_if_below_one=True) == 45.0
    assert parse_percent(45, fraction_if_below_one=True) == 45.0
    assert parse_percent("0.5") == 0.5  # typed: half a percent
    with pytest.raises(ValueProblem, match="0 to 100"):
        parse_percent("140")
    assert parse_bool("Yes") == 1 and parse_bool("") == 0 and parse_bool(None) == 0
    with pytest.raises(ValueProblem):
        parse_bool("maybe")
    assert parse_text("  x ") == "x" and parse_text(3.0) == "3"
    with pytest.raises(ValueProblem, match="Name cannot be empty"):
        parse_text(" ", required=True, what="Name")
