from datetime import date

import pytest

from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.scores import ScoreBand, risk_score, score_band


@pytest.mark.parametrize("score, band", [(1, ScoreBand.LOW), (4, ScoreBand.LOW), (5, ScoreBand.MEDIUM),
                                         (9, ScoreBand.MEDIUM), (10, ScoreBand.HIGH), (16, ScoreBand.HIGH),
                                         (20, ScoreBand.CRITICAL), (25, ScoreBand.CRITICAL), (None, None)])
def test_score_bands(score, band):
    assert score_band(score) == band


def test_risk_score_unknown_when_either_missing():
    assert risk_score(3, 4) == 12
    assert risk_score(None, 4) is None


def test_rag_palette_letters():
    assert (Rag.RED.colour, Rag.RED.text_colour, Rag.RED.letter) == ("#C62828", "#FFFFFF", "R")
    assert Rag.AMBER.text_colour == "#000000"


def test_working_days():
    fri = date(2026, 11, 27)
    assert workdays.add_working_days(fri, 1) == date(2026, 11, 30)
    assert workdays.add_working_days(date(2026, 11, 30), -1) == fri
    assert workdays.working_days_between(fri, date(2026, 12, 4)) == 5
    assert workdays.fy_start(date(2026, 2, 1), 4) == date(2025, 4, 1)
    assert workdays.previous_month_end(fri) == date(2026, 10, 31)
