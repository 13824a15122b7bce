"""Settings ▸ Date Format: how every view, editor and export shows dates, kept in the portfolio's
`date_format` setting (so the board pack and the `pmo` command follow it too). "System default"
follows the computer's regional settings. Typed dates are read in the chosen order (03/04/2026 is
3 April with 24/03/2026, 4 March with 03/24/2026).

The window's Formatting object is shared by every view, so the change is made to it in place and the
views re-read; an undo of the change comes back the same way (sync_date_format runs on every update
of the window's actions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup

from pmo_desktop.domain.dates import DATE_FORMATS
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.settings_menu import settings_menu
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers.columns import Formatting
from pmo_desktop.store import PortfolioError

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow

SYSTEM = ""  # the action data for "follow the system" (stored as no setting)


def add_date_format_menu(win: MainWindow) -> None:
    menu = settings_menu(win).addMenu(tr("&Date Format"))
    group = QActionGroup(menu)
    win.date_format_actions = {}
    labels = {"iso": tr("2026-03-24 (ISO)"), "medium": tr("24 Mar 2026")}
    for key, label in [(SYSTEM, tr("System default")), *((k, labels.get(k, v)) for k, v in DATE_FORMATS.items())]:
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setData(key)
        action.triggered.connect(lambda _checked=False, k=key: choose_date_format(win, k))
        group.addAction(action)
        menu.addAction(action)
        win.date_format_actions[key] = action


def choose_date_format(win: MainWindow, key: str) -> None:
    pf = win.portfolio
    if pf is None or pf.read_only:
        return
    if (pf.settings().get("date_format") or SYSTEM) == key:
        return
    try:
        pf.set_settings({"date_format": key or None})
    except PortfolioError as exc:
        win.report_problem(str(exc))
        return
    batch = pf.last_batch_id()
    if win.history is not None and batch:
        win.history.record(batch)
    sync_date_format(win)


def sync_date_format(win: MainWindow) -> None:
    """Check the menu entry of the open portfolio's format; when the setting changed (chosen, undone,
    received), bring the shared Formatting up to date and re-read the views."""
    pf = win.portfolio
    actions = getattr(win, "date_format_actions", {})
    setting = pf.settings().get("date_format") if pf is not None else None
    for key, action in actions.items():
        action.setEnabled(pf is not None and not pf.read_only)
        action.setChecked(pf is not None and key == (setting or SYSTEM))
    context = getattr(win, "_context", None)
    if pf is None or context is None:
        return
    fresh = Formatting.from_settings(pf.settings(), language=current_language())
    if (fresh.date_format, fresh.day_first) != (context.fmt.date_format, context.fmt.day_first):
        context.fmt.date_format, context.fmt.day_first = fresh.date_format, fresh.day_first
        win.refresh_views()
        win.detail.refresh()
