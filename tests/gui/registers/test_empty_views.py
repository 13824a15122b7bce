"""Views that are not registers, on an empty portfolio: each says what it is for and offers the next steps
instead of blank grids and £0 totals, and its buttons that cannot work are off with a tooltip saying why.
A project without a plan says so in the Gantt view and offers to add its first task or import a plan."""

from __future__ import annotations

from pmo_desktop.store import create_portfolio, open_portfolio
from pmo_desktop.store.rows import insert_row
from tests.gui.conftest import shown_view

# view -> (words its empty state uses to say what it is for, its buttons that need a project)
VIEWS = {
    "finance": ("financial summary", ()),
    "gates": ("gate reviews", ("new_button", "open_button", "advance_button")),
    "book": ("ranked by its weighted score", ("export_button",)),
    "health": ("checked against its rules", ("go_button", "rerun_button")),
    "dashboard": ("at a glance", ()),
    "scenarios": ("what-if changes", ()),
}


def test_views_of_an_empty_portfolio_say_what_they_are_for(make_window, tmp_path, qtbot):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show()
    for name, (about, buttons) in VIEWS.items():
        view = shown_view(window, qtbot, name)
        assert view.body.empty.isVisible() and not view.body.body.isVisible(), name
        assert about in view.body.empty.about.text(), name
        label = view.body.empty.about  # wrapped whole, not cut to one line's height
        assert label.height() >= label.heightForWidth(label.width()), name
        assert view.body.empty.add_button.text() == "Add project" and view.body.empty.add_button.isEnabled()
        for attr in buttons:
            button = getattr(view, attr)
            assert not button.isEnabled() and "no projects yet" in button.toolTip(), (name, attr)
    window.show_view("health")
    window.current_view().body.empty.add_button.click()  # the first project, in the project register
    assert window.current_view_name() == "projects" and window.current_view().model.rowCount() == 1
    for name, (_about, buttons) in VIEWS.items():
        view = shown_view(window, qtbot, name)
        assert view.body.body.isVisible() and not view.body.empty.isVisible(), name
        for attr in buttons:
            assert "no projects yet" not in getattr(view, attr).toolTip(), (name, attr)
    window.show_view("health")
    assert window.current_view().rerun_button.isEnabled()


def test_a_read_only_empty_portfolio_offers_no_step_it_cannot_take(make_window, tmp_path):
    create_portfolio(tmp_path / "empty.pmo").close()
    window = make_window(open_portfolio(tmp_path / "empty.pmo", read_only=True))
    window.show()
    window.show_view("gates")
    empty = window.current_view().body.empty
    assert not empty.add_button.isEnabled() and "read-only" in empty.add_button.toolTip()


def test_capacity_without_people_offers_to_add_them(make_window, tmp_path):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show()
    window.show_view("capacity")
    view = window.current_view()
    assert view.body.empty.isVisible() and view.body.empty.title.text() == "No people yet"
    assert "available" in view.body.empty.about.text()
    assert not view.from_box.isEnabled() and "no people" in view.from_box.toolTip()
    view.body.empty.add_button.click()
    assert window.current_view_name() == "people" and window.current_view().model.rowCount() == 1
    window.show_view("capacity")
    assert view.body.body.isVisible() and view.from_box.isEnabled()


def test_lessons_without_any_say_what_they_are_for(make_window, tmp_path, monkeypatch):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show()
    window.show_view("lessons")
    view = window.current_view()
    assert view.body.empty.isVisible() and view.body.empty.add_button.text() == "Add lesson…"
    assert not view.buttons["export"].isEnabled() and "no lessons" in view.buttons["export"].toolTip()
    from pmo_desktop.governance import lessons

    lessons.add_lesson(view.portfolio, what_happened="Vendor late", lesson="Pad vendor dates")
    view.refresh()
    assert view.body.body.isVisible() and view.buttons["export"].isEnabled()
    view.search_box.setText("nothing matches this")  # a search that finds nothing keeps the table
    assert view.body.body.isVisible()


def test_benefits_without_any_say_what_they_are_for(make_window, tmp_path):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show()
    window.show_view("benefits")
    view = window.current_view()
    assert view.body.empty.isVisible() and view.body.empty.title.text() == "No benefits yet"
    assert "measured period by period" in view.body.empty.about.text()
    assert not view.buttons["measure"].isEnabled() and "no benefits" in view.buttons["measure"].toolTip()
    assert view.buttons["add"].isEnabled() and view.body.empty.add_button.isEnabled()


def test_a_project_without_a_plan_says_so_and_adds_its_first_task(make_window, tmp_path, monkeypatch):
    pf = create_portfolio(tmp_path / "empty.pmo")
    insert_row(pf, "projects", {"code": "PRJ-1", "name": "No plan yet", "start_date": "2026-12-07"})
    window = make_window(pf)
    window.show()
    window.show_view("gantt")
    gantt = window.current_view()
    assert gantt.no_plan.isVisible() and not gantt.table.isVisible()
    assert "PRJ-1 — No plan yet has no plan yet" in gantt.no_plan.about.text()
    assert gantt.no_plan.import_button.text() == "Import MS Project plan…"
    assert not gantt.reschedule_button.isEnabled() and "no plan yet" in gantt.reschedule_button.toolTip()
    opened = []
    window.actions["import"].triggered.disconnect()
    window.actions["import"].triggered.connect(lambda: opened.append(True))
    gantt.no_plan.import_button.click()
    assert opened == [True]

    gantt.no_plan.add_task("Kick-off")
    assert [r.name for r in gantt.plan.rows] == ["Kick-off"] and gantt.table.isVisible()
    assert gantt.plan.rows[0].start.isoformat() == "2026-12-07" and gantt.reschedule_button.isEnabled()
    window.undo()
    assert gantt.no_plan.isVisible() and not gantt.plan.rows if gantt.plan else gantt.no_plan.isVisible()


def test_a_task_needs_a_name(make_window, tmp_path):
    pf = create_portfolio(tmp_path / "empty.pmo")
    insert_row(pf, "projects", {"code": "PRJ-1", "name": "No plan yet"})
    window = make_window(pf)
    problems = []
    window.show()
    window.show_view("gantt")
    gantt = window.current_view()
    gantt.context.report_problem = problems.append
    gantt.no_plan.add_task("  ")
    assert problems == ["a task needs a name"] and gantt.no_plan.isVisible()


def test_conflicts_of_a_portfolio_not_shared_offer_to_share_it(make_window, tmp_path):
    window = make_window(create_portfolio(tmp_path / "empty.pmo"))
    window.show()
    window.show_view("conflicts")
    view = window.current_view()
    assert view.body.empty.isVisible() and not view.table.isVisible()
    assert view.body.empty.add_button.text() == "Share with Team…"
    assert not view.keep_mine.isEnabled() and "not shared" in view.keep_mine.toolTip()
    asked = []
    window.sync.actions["clone"].triggered.disconnect()
    window.sync.actions["clone"].triggered.connect(lambda: asked.append("clone"))
    view.body.empty.import_button.click()
    assert asked == ["clone"]
