"""An empty portfolio is not a set of blank grids: each register says what it is for and offers the
next steps; actions that cannot work (Reschedule, Export with no plan) are off and say why."""

from __future__ import annotations

from pmo_desktop.store import create_portfolio


def test_an_empty_register_says_what_it_is_for_and_adds_the_first_row(make_window, tmp_path):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show()
    window.show_view("projects")
    view = window.current_view()
    assert view.empty.isVisible() and not view.table.isVisible()
    assert "project register" in view.empty.about.text()
    assert view.empty.add_button.text() == "Add project" and view.empty.import_button.isEnabled()
    view.empty.add_button.click()
    assert view.model.rowCount() == 1 and view.table.isVisible() and not view.empty.isVisible()
    window.undo()
    assert view.empty.isVisible()


def test_import_button_opens_the_import(make_window, tmp_path, monkeypatch):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show_view("raid")
    opened = []
    window.actions["import"].triggered.disconnect()
    window.actions["import"].triggered.connect(lambda: opened.append(True))
    window.current_view().empty.import_button.click()
    assert opened == [True]


def test_reschedule_and_export_are_off_without_a_plan(make_window, tmp_path):
    pf = create_portfolio(tmp_path / "empty.pmo")
    from pmo_desktop.store.rows import insert_row

    insert_row(pf, "projects", {"code": "PRJ-1", "name": "No plan yet"})
    window = make_window(pf)
    window.show()
    window.show_view("gantt")
    gantt = window.current_view()
    for button in (gantt.reschedule_button, gantt.png_button, gantt.pdf_button, gantt.cross_button):
        assert not button.isEnabled() and "no plan yet" in button.toolTip()
    action = window.actions["reschedule"]
    assert not action.isEnabled() and "no plan" in action.toolTip()


def test_with_a_plan_reschedule_and_export_are_on(window):
    window.show()
    window.show_view("gantt")
    gantt = window.current_view()
    assert gantt.plan and gantt.reschedule_button.isEnabled() and gantt.png_button.isEnabled()
    assert window.actions["reschedule"].isEnabled()


def test_views_of_projects_in_a_portfolio_with_none_offer_the_first_project(make_window, tmp_path):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show()
    for name, about in (("roadmap", "one timeline"), ("gantt", "Gantt chart"), ("budget", "month by month")):
        window.show_view(name)
        view = window.current_view()
        assert view.body.empty.isVisible() and not view.body.body.isVisible(), name
        assert about in view.body.empty.about.text()  # what the view is for
    window.current_view().body.empty.add_button.click()  # from the budget: the first project, in the register
    assert window.current_view_name() == "projects" and window.current_view().model.rowCount() == 1
    window.show_view("roadmap")
    assert window.current_view().body.body.isVisible() and not window.current_view().body.empty.isVisible()
