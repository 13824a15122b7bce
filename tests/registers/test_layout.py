"""Saved register layouts are matched by column key, so a release that adds, removes or reorders columns
keeps the analyst's order, widths, hidden columns and sort."""

from __future__ import annotations

from pmo_desktop.registers.layout import ColumnLayout, merge_layout, read_layout

SAVED = {"order": ["code", "name", "budget", "start", "finish", "owner"],
         "widths": {"name": 300, "budget": 90, "owner": 150},
         "hidden": ["owner"], "sort": ["finish", "desc"]}


def test_an_unchanged_register_gets_its_layout_back():
    layout = merge_layout(SAVED, ["code", "name", "start", "finish", "budget", "owner"])
    assert layout.order == SAVED["order"]
    assert layout.widths == SAVED["widths"] and layout.hidden == {"owner"} and layout.sort == ("finish", True)
    assert merge_layout(read_layout(layout.to_json()), ["code", "name", "start", "finish", "budget", "owner"]) == layout


def test_new_columns_appear_in_their_default_place_and_saved_ones_keep_theirs():
    # the release reorders its defaults (owner before start) and adds 'stage' after 'name' and 'risk' last
    now = ["code", "name", "stage", "owner", "start", "finish", "budget", "risk"]
    layout = merge_layout(SAVED, now)
    assert layout.order == ["code", "name", "stage", "budget", "start", "finish", "owner", "risk"]
    assert "stage" not in layout.widths and "risk" not in layout.widths  # their default widths
    assert layout.hidden == {"owner"} and layout.sort == ("finish", True)


def test_a_column_that_is_gone_is_dropped_with_its_sort():
    layout = merge_layout(SAVED, ["code", "name", "start", "budget", "owner"])
    assert layout.order == ["code", "name", "budget", "start", "owner"]
    assert layout.sort is None and set(layout.widths) == {"name", "budget", "owner"}


def test_a_new_first_column_and_a_run_of_new_columns_stay_in_default_order():
    layout = merge_layout({"order": ["b", "a"]}, ["x", "a", "y", "z", "b"])
    assert layout.order == ["x", "b", "a", "y", "z"]


def test_an_unreadable_layout_is_the_default():
    keys = ["code", "name"]
    for text in (None, "", "not json", "[1, 2]", b"\x00\x01"):
        assert merge_layout(read_layout(text), keys) == ColumnLayout(keys)
    odd = {"order": ["name", 3, "name", None], "widths": {"name": "wide", "code": 10**9, "gone": 50},
           "hidden": "code", "sort": ["code"]}
    layout = merge_layout(odd, keys)
    assert layout.order == ["code", "name"] and layout.widths == {"code": 4000} and layout.sort is None
