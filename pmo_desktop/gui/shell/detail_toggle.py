"""When the detail pane shows: only beside views about projects or items (a view's `shows_detail`),
and only while the analyst wants it (View > Details Pane, F9, remembered in QSettings; until the first
choice, only on a window at least WIDE pixels wide). Elsewhere the
view gets the whole width, and the action says why it is off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmo_desktop.gui.widgets.tr import tr

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow

DETAIL_KEY = "window/detail_pane"


WIDE = 1400  # below this width (a laptop) the pane starts hidden, so a register shows its key figures


def detail_wanted(win: MainWindow) -> bool:
    """The analyst's choice; before any choice, shown on a wide window and hidden on a laptop-sized one."""
    value = win.settings.value(DETAIL_KEY)
    if value is None:
        return win.width() >= WIDE
    return str(value).lower() not in ("false", "0")


def toggle_detail(win: MainWindow, checked: bool) -> None:
    win.settings.setValue(DETAIL_KEY, "true" if checked else "false")
    sync_detail(win)


def view_shows_detail(win: MainWindow) -> bool:
    view = win.current_view()
    return bool(win.portfolio is not None and view is not None and getattr(view, "shows_detail", False))


def sync_detail(win: MainWindow) -> None:
    shows = view_shows_detail(win)
    wanted = detail_wanted(win)
    win.detail.setVisible(shows and wanted)
    action = win.actions["toggle_detail"]
    action.blockSignals(True)
    action.setChecked(wanted)
    action.blockSignals(False)
    action.setEnabled(shows)
    action.setToolTip(tr("Show or hide the pane with the selected project's or item's details (F9)") if shows
                      else tr("This view is not about one project or item: it has no details pane"))
    action.setStatusTip(action.toolTip())
