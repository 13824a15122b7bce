"""Click-through: from a finding (table, row id) to the register row it is about.

A record with a register view of its own opens there with the row selected (search and filters are
cleared if they hide it); anything else (a plain task, a budget line) opens its project.
"""

from __future__ import annotations

from pmo_desktop.registers import lookups
from pmo_desktop.store import Portfolio

# table -> view name; the view's model must offer row_of(row_id) and the view a `table`
VIEW_FOR_TABLE = {"projects": "projects", "raid_items": "raid", "tasks": "milestones",
                  "status_reports": "status", "gate_reviews": "gates"}


def project_of(pf: Portfolio, table: str, row_id: int) -> int | None:
    return lookups.record_project(pf, table, row_id)


def go_to_record(window, table: str, row_id: int) -> str | None:
    """Show the record in its view (or its project in the project register); returns the view shown."""
    pf = window.portfolio
    if pf is None:
        return None
    name = VIEW_FOR_TABLE.get(table)
    if name == "milestones" and lookups.task_kind(pf, row_id) != "milestone":
        name = None
    if name is None or name not in window.pages:
        project = project_of(pf, table, row_id)
        if project is None:
            return None
        name, row_id = "projects", project
    window.show_view(name)
    page = window.pages[name]
    if hasattr(page, "select_record"):
        page.select_record(row_id)
        return name
    model = page.model
    if model.row_of(row_id) < 0:
        page.search_box.clear()
        for key in list(getattr(page, "filter_boxes", {})):
            page.set_filter(key, None)
        page.apply_search_now()
    row = model.row_of(row_id)
    if row >= 0:
        index = model.index(row, getattr(page.table, "frozen_count", 0))
        page.table.setCurrentIndex(index)
        page.table.scrollTo(index)
    return name
