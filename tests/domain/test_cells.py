import pytest

from pmo_desktop.domain.cells import neutralise, unneutralise


@pytest.mark.parametrize("text", ["=SUM(A1)", "+44 20", "-1", "@cmd", "\tx", "\rx"])
def test_formula_like_text_is_guarded_and_comes_back(text):
    assert neutralise(text) == "'" + text
    assert unneutralise(neutralise(text)) == text


@pytest.mark.parametrize("value", ["plain", "'quoted", "", 12, 1.5, None])
def test_other_values_pass_unchanged(value):
    assert neutralise(value) == value
    assert unneutralise(value) == value
