"""Money as people read it: £1,250k / £1.25m, never 0 for a missing figure."""

import pytest

from pmo_desktop.domain.money import currency_symbol, format_money, format_pct, format_ratio, safe_ratio


@pytest.mark.parametrize("pence, unit, text", [
    (125_000_000, "auto", "£1.25m"),
    (125_000_000, "k", "£1,250k"),
    (125_000_000, "full", "£1,250,000"),
    (125_000_000, "m", "£1.25m"),
    (2_500_000, "auto", "£25k"),
    (-2_500_000, "auto", "-£25k"),
    (750_000, "auto", "£7.5k"),
    (95_000, "auto", "£950"),
    (0, "auto", "£0"),
    (None, "auto", "n/a"),
    (12_345_678_900, "auto", "£123.46m"),
    (99_960_000, "auto", "£1.00m"),  # £999,600 rounds up to the next unit, never "£1,000k"
    (99_949_000, "auto", "£999k"),
    (99_960, "auto", "£1.0k"),  # £999.60
    (999_600, "auto", "£10k"),
])
def test_format_money(pence, unit, text):
    assert format_money(pence, "GBP", unit) == text


def test_currencies():
    assert format_money(125_000_000, "EUR") == "€1.25m"
    assert format_money(125_000_000, "usd") == "$1.25m"
    assert format_money(125_000_000, "XYZ") == "XYZ 1.25m"
    assert currency_symbol(None) == "£"
    with pytest.raises(ValueError):
        format_money(1, "GBP", "bn")


def test_ratios_and_percentages():
    assert format_pct(None) == "n/a" and format_ratio(None) == "n/a"
    assert format_pct(5.0, signed=True) == "+5.0%" and format_pct(-3.25) == "-3.2%"
    assert format_ratio(0.8) == "0.80" and format_ratio(0.0) == "0.00"
    assert safe_ratio(1, 0) is None and safe_ratio(None, 2) is None and safe_ratio(0, 4) == 0.0


@pytest.mark.parametrize(("minor", "text"), [(980_000, "¥9,800"), (7_500_000, "¥7.5万"), (1_200_000_000, "¥1,200万"),
                                             (13_560_000_000, "¥1.36亿"), (-2_500_000, "-¥2.5万"),
                                             (999_960_000, "¥1,000万"), (9_999_600_000, "¥1.00亿"),
                                             (None, "n/a")])
def test_chinese_amounts_count_in_wan_and_yi(minor, text):
    assert format_money(minor, "CNY", lang="zh-CN") == text
    assert format_money(1_200_000_000, "CNY", "full", lang="zh-CN") == "¥12,000,000"  # a chosen unit stays


def test_the_window_language_is_the_default_and_an_explicit_one_wins():
    from pmo_desktop.domain.money import set_money_language

    set_money_language("zh-CN")
    try:
        assert format_money(1_200_000_000, "CNY") == "¥1,200万"
        assert format_money(1_200_000_000, "CNY", lang="en") == "¥12.00m"  # an English pack from a Chinese window
    finally:
        set_money_language("en")
    assert format_money(1_200_000_000, "CNY") == "¥12.00m"
