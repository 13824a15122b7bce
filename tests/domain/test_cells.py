import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_desktop.domain.cells import FORMULA_STARTS, from_xml_text, neutralise, to_xml_text, unneutralise


@pytest.mark.parametrize("text", ["=SUM(A1)", "+44 20", "-1", "@cmd", "\tx", "\nx", "'=already quoted", "'quoted",
                                  "  leading", "trailing ", " "])
def test_text_an_importer_or_a_spreadsheet_would_change_is_guarded_and_comes_back(text):
    assert neutralise(text).startswith("'")
    assert unneutralise(neutralise(text)) == text


def test_a_carriage_return_is_escaped_as_excel_does_and_comes_back():
    assert neutralise("\rx") == "'_x000D_x"
    assert neutralise("a\rb") == "a_x000D_b"
    assert unneutralise(neutralise("\rx")) == "\rx"


def test_a_literal_escape_sequence_is_itself_escaped():
    assert to_xml_text("_x0041_") == "_x005F_x0041_"
    assert from_xml_text("_x005F_x0041_") == "_x0041_"


@pytest.mark.parametrize("value", ["plain", "", 12, 1.5, None])
def test_other_values_pass_unchanged(value):
    assert neutralise(value) == value
    assert unneutralise(value) == value


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_comes_back_and_never_starts_like_a_formula(text):
    written = neutralise(text)
    assert unneutralise(written) == text
    assert not written.startswith(FORMULA_STARTS)
