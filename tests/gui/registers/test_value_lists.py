"""Words a portfolio added to its lists (an import's 'Add to the status list') are choices in the
registers' editors too; a list it did not extend still refuses them."""

from __future__ import annotations

from pmo_desktop.domain.enums import Source
from pmo_desktop.gui.registers.register_model import RegisterModel
from pmo_desktop.registers.definitions import PROJECTS, RAID
from pmo_desktop.store.value_lists import extend_lists, value_lists
from tests.gui.conftest import read


def test_registers_offer_and_accept_the_words_the_portfolio_added(qtbot, demo):
    with demo.batch(Source.UI, "Add list values"):
        assert extend_lists(demo.conn, {"project_status": ["Planning", "Active"], "response": ["Contingency"]}) == {
            "project_status": ["Planning"], "response": ["Contingency"]}
    assert value_lists(demo.conn) == {"project_status": ["Planning"], "response": ["Contingency"]}
    problems: list[str] = []
    projects = RegisterModel(demo, PROJECTS)
    projects.problem.connect(problems.append)
    status = projects.column_index("status")
    assert projects.columns[status].choice_list[-1] == "Planning"
    assert projects.setData(projects.index(0, status), "planning")
    assert read(demo.path, "SELECT status FROM projects WHERE id = ?", (projects.row_id(0),)) == [("Planning",)]
    assert not projects.setData(projects.index(0, projects.column_index("priority")), "Planning")
    assert "not a priority" in problems[-1]

    raid = RegisterModel(demo, RAID)
    raid.problem.connect(problems.append)
    response = raid.column_index("response")
    assert "Contingency" in raid.columns[response].choice_list
    assert raid.setData(raid.index(0, response), "Contingency")
    assert not raid.setData(raid.index(0, response), "Galloping")
    assert "not a response" in problems[-1]


def test_a_fixed_list_or_a_bad_word_is_refused_before_anything_is_written(demo):
    import pytest

    for additions, words in (({"raid_type": ["Threat"]}, "list is fixed"), ({"response": ["=cmd"]}, "formula"),
                             ({"response": ["x" * 60]}, "too long")):
        with pytest.raises(ValueError, match=words):
            extend_lists(demo.conn, additions)
    assert value_lists(demo.conn) == {}
