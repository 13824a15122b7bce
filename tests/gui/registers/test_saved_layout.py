"""A register's saved layout (column order, widths, hidden columns, sort) survives a release that adds or
reorders columns: saved columns are matched by key, new ones appear in their default place."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from pmo_desktop.gui.registers.register_model import RAW_ROLE
from pmo_desktop.gui.registers.register_view import RegisterView
from pmo_desktop.registers.columns import Column
from pmo_desktop.registers.definitions import REGISTERS


def _shown_keys(view) -> list[str]:
    header = view.table.horizontalHeader()
    keys = [c.key for c in view.model.columns]
    return [keys[header.logicalIndex(v)] for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))]


def test_a_saved_layout_survives_a_release_that_adds_and_reorders_columns(window):
    window.show_view("projects")
    view = window.pages["projects"]
    header, model = view.table.horizontalHeader(), view.model
    # The analyst's layout: Budget moved right after the key columns, Sponsor hidden, Manager widened,
    # sorted by finish, latest first.
    header.moveSection(header.visualIndex(model.column_index("approved_budget")), 2)
    view.set_column_visible(model.column_index("sponsor"), False)
    view.table.setColumnWidth(model.column_index("manager"), 333)
    header.setSortIndicator(model.column_index("finish_date"), Qt.SortOrder.DescendingOrder)
    before = _shown_keys(view)
    assert before[:3] == ["code", "name", "approved_budget"] and "sponsor" not in before
    view.save_state()

    # The next release shows Status before Stage and adds a column after Programme.
    old = REGISTERS["projects"]
    cols = [c for c in old.columns if c.key != "status"]
    cols.insert([c.key for c in cols].index("stage"), old.column("status"))
    cols.insert([c.key for c in cols].index("programme_id") + 1,
                Column("benefits_owner", "Benefits owner", "p.sponsor", editable=False))
    newer = RegisterView(view.context, replace(old, columns=cols))
    new_model = newer.model
    shown = _shown_keys(newer)
    expected = list(before)
    expected.insert(expected.index("programme_id") + 1, "benefits_owner")
    assert shown == expected  # saved order kept (Status stays where the analyst had it), the new one in place
    assert newer.table.isColumnHidden(new_model.column_index("sponsor"))
    assert newer.table.columnWidth(new_model.column_index("manager")) == 333
    assert new_model.sorting() == ("finish_date", True)
    assert newer.table.horizontalHeader().sortIndicatorSection() == new_model.column_index("finish_date")
    finishes = [new_model.index(r, new_model.column_index("finish_date")).data(RAW_ROLE)
                for r in range(new_model.rowCount())]
    assert finishes == sorted(finishes, reverse=True)


def test_a_new_custom_field_keeps_the_layout(window):
    from pmo_desktop.store import custom_fields

    window.show_view("projects")
    view = window.pages["projects"]
    header, model = view.table.horizontalHeader(), view.model
    header.moveSection(header.visualIndex(model.column_index("manager")), 2)
    view.set_column_visible(model.column_index("sponsor"), False)
    custom_fields.add_field(view.portfolio, "project", "Vendor", "text")
    view.reload_columns()
    view.save_state()
    for shown in (_shown_keys(view), _shown_keys(RegisterView(view.context, REGISTERS["projects"]))):  # next start
        assert shown[2] == "manager" and "sponsor" not in shown and shown[-1].startswith("custom_")
