"""The details pane sits beside views about projects or items only, can be hidden (remembered), and a
RAID row shows the RAID item itself."""

from __future__ import annotations

from pmo_desktop.store import open_portfolio


def test_pane_only_beside_project_and_item_views(window):
    window.show()
    for name in ("projects", "raid", "milestones", "status"):
        window.show_view(name)
        assert window.detail.isVisible(), name
        assert window.actions["toggle_detail"].isEnabled()
    for name in ("dashboard", "people", "time_off", "capacity", "finance"):
        window.show_view(name)
        assert not window.detail.isVisible(), name
        action = window.actions["toggle_detail"]
        assert not action.isEnabled() and "not about one project" in action.toolTip()


def test_hiding_the_pane_is_remembered(make_window, demo_path, qsettings):
    win = make_window(open_portfolio(demo_path))
    win.show()
    win.show_view("projects")
    win.actions["toggle_detail"].trigger()
    assert not win.detail.isVisible()
    win.show_view("raid")
    assert not win.detail.isVisible()  # hidden stays hidden on every view
    win.hide()
    win.shutdown()
    again = make_window(open_portfolio(demo_path))
    again.show()
    again.show_view("projects")
    assert not again.detail.isVisible() and not again.actions["toggle_detail"].isChecked()
    again.actions["toggle_detail"].trigger()
    assert again.detail.isVisible()


def test_a_raid_row_shows_the_raid_item(window):
    window.show()
    window.show_view("raid")
    view = window.current_view()
    view.table.setCurrentIndex(view.model.index(0, 2))
    ref = view.model.index(0, view.model.column_index("ref")).data()
    title = view.model.index(0, view.model.column_index("title")).data()
    card = window.detail.item
    assert card.isVisible() and card.title.text() == f"{ref} — {title}"
    assert card.values["project"].text().startswith("PRJ-")
    window.show_view("projects")
    window.select_first_row()
    assert not card.isVisible()


def test_on_a_laptop_sized_window_the_pane_starts_hidden(make_window, demo_path):
    win = make_window(open_portfolio(demo_path))
    win.resize(1280, 720)
    win.show()
    win.show_view("raid")
    assert not win.detail.isVisible() and win.actions["toggle_detail"].isEnabled()
    win.actions["toggle_detail"].trigger()
    assert win.detail.isVisible()
    win.show_view("projects")
    assert win.detail.isVisible()  # the choice now holds at any width


def test_no_empty_form_while_no_project_is_selected(window):
    window.show()
    window.show_view("projects")
    window.detail.show_project(None)
    assert window.detail.title.isVisible() and not window.detail.tabs.isVisible()
    assert not window.detail.report_button.isVisible()
    window.select_first_row()
    assert window.detail.tabs.isVisible() and window.detail.report_button.isVisible()
