"""The main window's actions, menus and toolbar, and when each action is enabled.

Read-only files and views that do not edit disable every editing action here, in one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from pmo_desktop.gui.shell.date_format_menu import sync_date_format
from pmo_desktop.gui.shell.detail_toggle import sync_detail, toggle_detail
from pmo_desktop.gui.shell.style import icon
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups

if TYPE_CHECKING:
    from pmo_desktop.gui.shell.main_window import MainWindow

# actions that change the file: disabled when read-only
EDIT_ACTIONS = ("add_row", "duplicate", "delete", "paste", "clear", "add_field", "status_report", "governance",
                "collect")


def _action(win: MainWindow, text: str, slot, shortcut=None, icon_name: str | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, win)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _view_call(win: MainWindow, method: str):
    def call():
        view = win.current_view()
        if view is not None and view.editable:
            getattr(view, method)()
    return call


def _export_board_pack(win: MainWindow) -> None:
    # Imported when first used: the board pack brings matplotlib and reportlab (~1 s at start-up).
    from pmo_desktop.gui.reports.board_pack_dialog import export_board_pack

    export_board_pack(win)


def build_actions(win: MainWindow) -> dict[str, QAction]:
    from pmo_desktop.gui.plans.reschedule import reschedule_project, selected_project
    from pmo_desktop.gui.registers.dialogs import add_custom_field, write_status_report

    K = QKeySequence.StandardKey
    actions = {
        "new": _action(win, tr("&New…"), win.ask_new, K.New, "new.svg", tr("Create a new, empty portfolio")),
        "open": _action(win, tr("&Open…"), win.ask_open, K.Open, "open.svg", tr("Open a portfolio file")),
        "save_copy": _action(win, tr("Save a &Copy As…"), win.ask_save_copy, None, "save-copy.svg",
                             tr("Write a copy of this portfolio to another file")),
        "import": _action(win, tr("&Import…"), lambda: _import(win), QKeySequence("Ctrl+I"), None,
                          tr("Import a workbook, CSV file or plan (.xml, .gan) into this portfolio")),
        "export": _action(win, tr("&Export to Excel…"), lambda: _export_excel(win), QKeySequence("Ctrl+E"), None,
                          tr("Every register as a sheet of an Excel workbook")),
        "board_pack": _action(win, tr("Export &Board Pack…"), lambda: _export_board_pack(win), QKeySequence("Ctrl+B"),
                              "board-pack.svg", tr("Build the PDF board pack for the steering committee")),
        "close": _action(win, tr("&Close"), win.close_portfolio, K.Close),
        "quit": _action(win, tr("&Quit"), win.close, K.Quit),
        "undo": _action(win, tr("&Undo"), win.undo, QKeySequence("Ctrl+Z"), "undo.svg", tr("Undo the last change")),
        "redo": _action(win, tr("&Redo"), win.redo, [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")],
                        "redo.svg", tr("Redo the change you undid")),
        "copy": _action(win, tr("&Copy"), _view_call(win, "copy"), K.Copy, None,
                        tr("Copy the selected cells as tab-separated text (pastes into Excel)")),
        "paste": _action(win, tr("&Paste"), _view_call(win, "paste"), K.Paste, None,
                         tr("Paste cells copied from Excel; every value is checked first")),
        "clear": _action(win, tr("C&lear Cells\tDel"), _view_call(win, "clear_cells"), None, None,
                         tr("Empty the selected cells (the Delete key in a register does the same)")),
        "add_row": _action(win, tr("&Add Row"), _view_call(win, "add_row"), QKeySequence("Ctrl+Shift+N"),
                           "add.svg", tr("Add a row to this register")),
        "duplicate": _action(win, tr("&Duplicate Rows"), _view_call(win, "duplicate_rows"), QKeySequence("Ctrl+D"),
                             "duplicate.svg", tr("Copy the selected rows as new rows")),
        "delete": _action(win, tr("De&lete Rows…"), _view_call(win, "delete_rows"), QKeySequence("Ctrl+Del"),
                          "delete.svg", tr("Delete the selected rows (asks first; undoable)")),
        "add_field": _action(win, tr("Add Custom &Field…"), lambda: add_custom_field(win), None, "field.svg",
                             tr("Add your own column to projects or RAID items")),
        "columns": _action(win, tr("C&olumns…"), lambda: _show_columns(win), None, "columns.svg",
                           tr("Choose which columns to show")),
        "status_report": _action(win, tr("Write &Status Report…"), lambda: write_status_report(win),
                                 QKeySequence("Ctrl+R"), "report.svg",
                                 tr("Write this period's report for the selected project")),
        "collect": _action(win, tr("&Collect Status Reports…"), lambda: _collect(win), None, None,
                           tr("Write a pre-filled status-report workbook for each project manager to fill in Excel")),
        "returns": _action(win, tr("Returned Re&ports"), lambda: win.show_view("returns"), None, None,
                           tr("Read the status-report workbooks project managers sent back")),
        "reschedule": _action(win, tr("Re&schedule Plan"), lambda: reschedule_project(win, selected_project(win)), QKeySequence("Ctrl+Shift+R"),
                              "gantt.svg", tr("Recompute the selected project's task dates from its links (one undoable step)")),
        "governance": _action(win, tr("&Governance Settings…"), lambda: _governance(win), None, None,
                              tr("Edit the gate model, the scoring model and the health-check rules")),
        "toggle_detail": _action(win, tr("Project &Details Pane"), lambda: None, QKeySequence("F9")),
    }
    actions["toggle_detail"].setCheckable(True)
    actions["toggle_detail"].toggled.connect(lambda checked: toggle_detail(win, checked))
    return actions


def _import(win: MainWindow) -> None:
    from pmo_desktop.gui.importing.import_wizard import open_import_wizard

    open_import_wizard(win)


def _export_excel(win: MainWindow) -> None:
    from pmo_desktop.gui.reports.export_excel import export_to_excel  # openpyxl is loaded when first used

    export_to_excel(win)


def _collect(win: MainWindow) -> None:
    from pmo_desktop.gui.collect.collect_dialog import collect_status_reports  # imported when first used

    collect_status_reports(win)


def _governance(win: MainWindow) -> None:
    from pmo_desktop.gui.governance.governance_settings import (
        open_governance_settings,  # imported when first used
    )

    open_governance_settings(win)


def _show_columns(win: MainWindow) -> None:
    view = win.current_view()
    if view is not None and hasattr(view, "column_menu"):
        menu = view.column_menu()
        menu.exec(view.mapToGlobal(view.table.geometry().topLeft()))


def build_menus(win: MainWindow) -> None:
    a = win.actions
    bar = win.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addActions([a["new"], a["open"]])
    win.recent_menu = QMenu(tr("Open &Recent"), win)
    win.recent_menu.aboutToShow.connect(lambda: _fill_recent(win))
    file_menu.addMenu(win.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a["import"], a["export"]])
    file_menu.addSeparator()
    file_menu.addActions([a["save_copy"], a["board_pack"], a["close"]])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    edit = bar.addMenu(tr("&Edit"))
    edit.addActions([a["undo"], a["redo"]])
    edit.addSeparator()
    edit.addActions([a["copy"], a["paste"], a["clear"]])
    edit.addSeparator()
    edit.addActions([a["add_row"], a["duplicate"], a["delete"]])
    edit.addSeparator()
    edit.addAction(a["add_field"])
    view_menu = bar.addMenu(tr("&View"))
    win.view_menu = view_menu
    _fill_view_menu(win)
    project = bar.addMenu(tr("&Project"))
    project.addAction(a["status_report"])
    project.addActions([a["collect"], a["returns"]])
    project.addAction(a["reschedule"])
    project.addSeparator()
    project.addAction(a["governance"])
    # Shortcuts work even while the menu bar is hidden or a menu was never opened.
    for action in [*a.values(), *win.view_actions.values()]:
        win.addAction(action)


def _fill_recent(win: MainWindow) -> None:
    win.recent_menu.clear()
    recent = win.recent_files()
    if not recent:
        win.recent_menu.addAction(tr("(no recent files)")).setEnabled(False)
    for path in recent:
        act = win.recent_menu.addAction(path)
        act.triggered.connect(lambda _c=False, p=path: win.open_file(Path(p)))


def _fill_view_menu(win: MainWindow) -> None:
    """One action per registered view, Ctrl+1, Ctrl+2 ... in navigation order."""
    menu = win.view_menu
    win.view_actions = {}
    for i, spec in enumerate(win.views):
        act = menu.addAction(icon(spec.icon), spec.title)
        if i < 9:
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
        act.triggered.connect(lambda _c=False, n=spec.name: win.show_view(n))
        win.view_actions[spec.name] = act
    menu.addSeparator()
    menu.addAction(win.actions["columns"])
    menu.addAction(win.actions["toggle_detail"])


def build_toolbar(win: MainWindow) -> None:
    tb = QToolBar(tr("Main toolbar"), win)
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    a = win.actions
    for key in ("new", "open", None, "undo", "redo", None, "add_row", "duplicate", "delete", None,
                "status_report", "board_pack", "add_field", "columns"):
        if key is None:
            tb.addSeparator()
        else:
            tb.addAction(a[key])
    win.addToolBar(tb)
    win.toolbar = tb


def update_actions(win: MainWindow) -> None:
    from pmo_desktop.gui.plans.reschedule import selected_project

    a = win.actions
    pf = win.portfolio
    has = pf is not None
    writable = has and not pf.read_only
    view = win.current_view()
    editable_view = writable and view is not None and view.editable
    for key in ("save_copy", "export", "board_pack", "close", "copy", "columns"):
        a[key].setEnabled(has)
    for act in getattr(win, "view_actions", {}).values():
        act.setEnabled(has)
    for key in ("add_row", "duplicate", "delete", "paste", "clear"):
        a[key].setEnabled(bool(editable_view))
    a["add_field"].setEnabled(bool(writable))
    a["governance"].setEnabled(bool(writable))
    a["collect"].setEnabled(bool(writable))
    a["returns"].setEnabled(has)
    a["import"].setEnabled(bool(writable))
    a["status_report"].setEnabled(bool(writable) and win.detail.project_id is not None)
    planned = has and lookups.has_plan(pf, selected_project(win))
    a["reschedule"].setEnabled(bool(writable) and planned)
    a["reschedule"].setToolTip(tr("Recompute the selected project's task dates from its links (one undoable step)")
                               if planned else tr("The selected project has no plan to reschedule"))
    history = win.history
    a["undo"].setEnabled(bool(history and history.can_undo()))
    a["redo"].setEnabled(bool(history and history.can_redo()))
    a["undo"].setText(history.undo_text() if history and history.can_undo() else tr("&Undo"))
    a["redo"].setText(history.redo_text() if history and history.can_redo() else tr("&Redo"))
    sync_detail(win)
    sync_date_format(win)
