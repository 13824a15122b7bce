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


def _slow_add(day, n, wd, hol):
    from datetime import timedelta
    step = 1 if n >= 0 else -1
    for _ in range(abs(n)):
        day += timedelta(days=step)
        while not workdays.is_working(day, wd, hol):
            day += timedelta(days=step)
    return day


def _slow_between(a, b, wd, hol):
    from datetime import timedelta
    if b < a:
        return -_slow_between(b, a, wd, hol)
    n, d = 0, a
    while d < b:
        d += timedelta(days=1)
        n += workdays.is_working(d, wd, hol)
    return n


def test_fast_working_day_arithmetic_matches_day_by_day():
    import random
    from datetime import timedelta
    rng = random.Random(3)
    hol = frozenset(date(2026, 1, 1) + timedelta(days=rng.randint(0, 700)) for _ in range(25))
    for wd in ("1111100", "1111110", "0111110", "1000000"):
        for _ in range(300):
            a = date(2026, 1, 1) + timedelta(days=rng.randint(0, 500))
            n = rng.randint(-150, 150)
            assert workdays.add_working_days(a, n, wd, hol) == _slow_add(a, n, wd, hol), (a, n, wd)
            b = a + timedelta(days=rng.randint(-200, 200))
            assert workdays.working_days_between(a, b, wd, hol) == _slow_between(a, b, wd, hol)
