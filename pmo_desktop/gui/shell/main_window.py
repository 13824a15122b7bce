"""The main window: navigation between views, the detail pane, menus, toolbar and status bar.

The window owns the open portfolio (it can open another, or none). Views come from a ViewRegistry
(views.py), so later views (Gantt, budgets, dashboard) plug in without changes here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from pmo_desktop.gui.registers.detail_pane import DetailPane
from pmo_desktop.gui.shell import file_actions
from pmo_desktop.gui.shell.about import add_help_menu
from pmo_desktop.gui.shell.date_format_menu import add_date_format_menu
from pmo_desktop.gui.shell.detail_toggle import DETAIL_KEY, sync_detail
from pmo_desktop.gui.shell.file_actions import Prompts, file_filter, said
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.settings_menu import add_language_menu
from pmo_desktop.gui.shell.style import icon
from pmo_desktop.gui.shell.undo import UndoHistory
from pmo_desktop.gui.shell.views import PortfolioView, ViewContext, ViewRegistry, default_views
from pmo_desktop.gui.shell.window_actions import build_actions, build_menus, build_toolbar
from pmo_desktop.gui.widgets.compat import protect_singletons
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers.columns import Formatting
from pmo_desktop.store import Portfolio, PortfolioError

MAX_RECENT = 8


class Pages(Mapping):
    """The window's views by name (in navigation order), each built the first time it is asked for.
    `built` holds the ones that exist; refreshes and layout saving only touch those."""

    def __init__(self, build):
        self._build = build
        self._names: list[str] = []
        self.built: dict[str, PortfolioView] = {}

    def reset(self, names: list[str]) -> None:
        self._names = list(names)
        self.built = {}

    def __getitem__(self, name: str) -> PortfolioView:
        if name not in self._names:
            raise KeyError(name)
        if name not in self.built:
            self.built[name] = self._build(name)
        return self.built[name]

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class MainWindow(QMainWindow):
    def __init__(self, portfolio: Portfolio | None = None, *, views: ViewRegistry | None = None,
                 settings: QSettings | None = None, prompts: Prompts | None = None):
        protect_singletons()
        super().__init__()
        self.setObjectName("mainWindow")
        self.views = views or default_views()
        self.settings = settings or QSettings()
        self.prompts = prompts or Prompts(self)
        self.portfolio: Portfolio | None = None
        self.history: UndoHistory | None = None
        self.pages = Pages(self._build_page)
        self._context: ViewContext | None = None
        self._stale: set[str] = set()  # built views to re-read when next shown
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(900, 560))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setMinimumWidth(self._nav_width())
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.stack = QStackedWidget()
        self.welcome = QLabel(tr("Open a portfolio (File ▸ Open) or create one (File ▸ New).\n\nYou can also drop a .pmo file here."))
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.welcome)
        self.detail = DetailPane(self)
        self.detail.project_changed.connect(lambda: self._update_actions())
        self.detail.edited.connect(self.refresh_views)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([self._nav_width(), 1000, 320])
        self.setCentralWidget(self.splitter)

        self.file_label = QLabel()
        self.rows_label = QLabel()
        self.saved_label = QLabel()
        for label in (self.file_label, self.rows_label, self.saved_label):
            label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.rows_label)
        self.statusBar().addPermanentWidget(self.saved_label)

        self.actions: dict[str, QAction] = build_actions(self)
        build_menus(self)
        add_language_menu(self)
        add_date_format_menu(self)
        add_help_menu(self)
        build_toolbar(self)
        from pmo_desktop.gui.sync.controller import SyncController  # team sync (issue 13)

        self.sync = SyncController(self)
        self._restore_window()
        self.set_portfolio(portfolio)

    def _nav_width(self) -> int:
        """Wide enough for the longest view title beside its icon, whatever a view asks for."""
        metrics = self.nav.fontMetrics()
        widest = max((metrics.horizontalAdvance(spec.title) for spec in self.views), default=100)
        return widest + 20 + 3 + 2 * 10 + 16 + 14 + 12  # icon, selection bar, padding, icon gap, scroll bar, slack

    # -- the open portfolio ------------------------------------------------------------------------------

    def set_portfolio(self, portfolio: Portfolio | None) -> None:
        """Show `portfolio` (closing the one shown before), or nothing."""
        current = self.current_view_name()
        if self.portfolio is not None:
            self._save_layout()
            for page in self.pages.built.values():
                self.stack.removeWidget(page)
                page.deleteLater()
            self.pages.reset([])
            if self.portfolio is not portfolio:
                self.portfolio.close()
        self.portfolio = portfolio
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        if self.history is not None:
            self.history.deleteLater()
        self.history = None
        if portfolio is None:
            self.detail.set_context(None)
            self.stack.setCurrentWidget(self.welcome)
            self._update_all()
            self.sync.update()
            return
        self.history = UndoHistory(portfolio, self)
        self.history.changed.connect(self._update_actions)
        self.history.applied.connect(self._after_undo)
        self.history.problem.connect(self.report_problem)
        self.history.changed.connect(self._mark_saved)
        self.history.changed.connect(self.sync.update)
        settings = portfolio.settings()
        fmt = Formatting.from_settings(settings, language=current_language())
        context = ViewContext(portfolio, self.history, self.settings, fmt, self.report_problem, self.confirm)
        self._context = context
        self._stale.clear()
        self.pages.reset(self.views.names())
        self.nav.blockSignals(True)
        for spec in self.views:
            self.nav.addItem(QListWidgetItem(icon(spec.icon), spec.title))
        self.nav.blockSignals(False)
        self.detail.set_context(context)
        self._remember_recent(portfolio.path)
        self._restore_layout()
        self.show_view(current or self.settings.value("window/view", "projects"))
        self._update_all()
        self.sync.update()

    def _build_page(self, name: str) -> PortfolioView:
        """Views are built the first time they are shown, so opening a big file builds one."""
        spec = self.views.get(name)
        page = spec.factory(self._context)
        page.setObjectName(f"view_{spec.name}")
        page.summary_changed.connect(self._update_status)
        page.project_selected.connect(self.detail.show_project)
        page.item_selected.connect(self.detail.show_item)
        self.stack.addWidget(page)
        return page

    def open_file(self, path: Path, *, read_only: bool = False) -> bool:
        if self.portfolio is not None and Path(path).resolve() == self.portfolio.path.resolve():
            return True  # already open here (opening it again would find our own lock)
        pf = file_actions.open_with_dialogs(Path(path), self.prompts, read_only=read_only)
        if pf is None:
            return False
        self.set_portfolio(pf)
        return True

    def close_portfolio(self) -> None:
        self.set_portfolio(None)

    # -- views ----------------------------------------------------------------------------------------

    def show_view(self, name: str) -> None:
        names = list(self.pages)
        if name not in names:
            name = names[0] if names else ""
        if name:
            self.nav.setCurrentRow(names.index(name))

    def select_first_row(self) -> None:
        """Put the cursor on the first row of the current view (so the detail pane shows it)."""
        view = self.current_view()
        table = getattr(view, "table", None)
        if table is not None and table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, table.frozen_count if hasattr(table, "frozen_count") else 0))

    def current_view_name(self) -> str | None:
        row = self.nav.currentRow()
        names = list(self.pages)
        return names[row] if 0 <= row < len(names) else None

    def current_view(self) -> PortfolioView | None:
        name = self.current_view_name()
        return self.pages.get(name) if name else None

    def _nav_changed(self, row: int) -> None:
        view = self.current_view()
        if view is None:
            return
        self.stack.setCurrentWidget(view)
        name = self.current_view_name()
        if name in self._stale:
            self._stale.discard(name)
            view.refresh()
        self.settings.setValue("window/view", name)
        project = getattr(view, "selected_project_id", lambda: None)()
        if project is not None:
            self.detail.show_project(project)
        item = getattr(view, "selected_item", lambda: None)()
        if item is not None:
            self.detail.show_item(*item)
        self._update_all()

    # -- messages --------------------------------------------------------------------------------------

    def report_problem(self, message: str) -> None:
        self.statusBar().showMessage(tr("Not saved: {reason}").format(reason=said(message)), 8000)
        QMessageBox.warning(self, tr("Value not accepted"), said(message[:1].upper() + message[1:]))

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- state shown --------------------------------------------------------------------------------------

    def _update_all(self) -> None:
        self._update_title()
        self._update_status()
        self._update_actions()

    def _update_title(self) -> None:
        if self.portfolio is None:
            self.setWindowTitle("PMO Desktop")
            return
        title = tr("{name} (read-only) — PMO Desktop") if self.portfolio.read_only else "{name} — PMO Desktop"
        self.setWindowTitle(title.format(name=self.portfolio.path.name))

    def _update_status(self) -> None:
        pf = self.portfolio
        if pf is None:
            self.file_label.setText(tr("No portfolio open"))
            self.rows_label.setText("")
            self.saved_label.setText("")
            return
        self.file_label.setText(f"{pf.path}" + ("   ·   " + tr("READ-ONLY") if pf.read_only else ""))
        view = self.current_view()
        self.rows_label.setText(view.summary() if view else "")
        if not self.saved_label.text():
            self.saved_label.setText(tr("Read-only") if pf.read_only else tr("All changes saved"))

    def _mark_saved(self) -> None:
        current = self.current_view_name()
        self._stale.update(name for name in self.pages.built if name != current)  # they show old data
        self.saved_label.setText(tr("Saved {time}").format(time=f"{datetime.now():%H:%M:%S}"))
        self.detail.refresh()
        self._update_status()

    def refresh_views(self) -> None:
        """The data changed under the views (undo, a dialog, an import): re-read the one on screen
        now and the others when next shown."""
        current = self.current_view_name()
        for name, page in self.pages.built.items():
            if name == current:
                page.refresh()
            else:
                self._stale.add(name)
        self.detail.refresh()

    def _after_undo(self, message: str) -> None:
        self.refresh_views()
        self.statusBar().showMessage(message, 5000)
        self._update_status()

    def _update_actions(self) -> None:
        from pmo_desktop.gui.shell.window_actions import update_actions

        update_actions(self)

    # -- undo / edit entry points (the actions call these) ---------------------------------------------

    def undo(self) -> None:
        if self.history:
            self.history.undo()

    def redo(self) -> None:
        if self.history:
            self.history.redo()

    # -- files ------------------------------------------------------------------------------------------

    def ask_open(self) -> None:
        start = str(self.portfolio.path.parent) if self.portfolio else ""
        path, _ = QFileDialog.getOpenFileName(self, tr("Open portfolio"), start, file_filter())
        if path:
            self.open_file(Path(path))

    def ask_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("New portfolio"), "", file_filter())
        if not path:
            return
        path = Path(path)
        if path.suffix.lower() != ".pmo":
            path = path.with_suffix(".pmo")
        if self.portfolio is not None and path.resolve() == self.portfolio.path.resolve():
            self.prompts.error(tr("Cannot create portfolio"),
                               tr("{name} is the file that is open").format(name=path.name))
            return
        pf = file_actions.new_with_dialogs(path, self.prompts)
        if pf is not None:
            self.set_portfolio(pf)

    def ask_save_copy(self) -> None:
        if self.portfolio is None:
            return
        suggestion = str(self.portfolio.path.with_name(f"{self.portfolio.path.stem} copy.pmo"))
        path, _ = QFileDialog.getSaveFileName(self, tr("Save a copy as"), suggestion, file_filter())
        if path:
            self.save_copy(Path(path))

    def save_copy(self, path: Path) -> bool:
        try:
            file_actions.save_copy(self.portfolio, path)
        except PortfolioError as exc:
            self.prompts.error(tr("Could not save a copy"), said(str(exc)))
            return False
        self.statusBar().showMessage(tr("Saved a copy as {path}").format(path=path), 6000)
        return True

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if v]

    def _remember_recent(self, path: Path) -> None:
        items = [str(path.resolve())] + [p for p in self.recent_files() if p != str(path.resolve())]
        self.settings.setValue("recent", items[:MAX_RECENT])

    def dragEnterEvent(self, event) -> None:
        from pmo_desktop.gui.importing.import_wizard import dropped_import

        urls = event.mimeData().urls()
        if any(u.toLocalFile().lower().endswith(".pmo") for u in urls) or (
                self.portfolio is not None and not self.portfolio.read_only and dropped_import(urls)):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from pmo_desktop.gui.importing.import_wizard import dropped_import, open_import_wizard

        if self.portfolio is not None and (path := dropped_import(event.mimeData().urls())) is not None:
            event.acceptProposedAction()
            from pmo_desktop.gui.collect.returns_view import show_returned

            if not show_returned(self, event.mimeData().urls()):  # returned status reports go to their page
                open_import_wizard(self, path)  # a spreadsheet or plan dropped on an open portfolio
            return
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(".pmo"):
                event.acceptProposedAction()
                self.open_file(Path(url.toLocalFile()))
                return

    # -- layout persistence -------------------------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:  # a first start: 1400x860, or the screen's free area on a smaller laptop screen
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            self.resize(min(1400, screen.width()) if screen else 1400, min(860, screen.height()) if screen else 860)
        state = self.settings.value("window/state")
        if state:
            self.restoreState(state)

    def _restore_layout(self) -> None:
        splitter = self.settings.value("window/splitter")
        if splitter:
            self.splitter.restoreState(splitter)
        self.detail.restore_state()

    def _save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.detail.save_state()
        for page in self.pages.built.values():
            page.save_state()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.settings.value(DETAIL_KEY) is None and "toggle_detail" in getattr(self, "actions", {}):
            sync_detail(self)  # until the analyst chooses, the pane follows the window's width (detail_toggle)

    def closeEvent(self, event) -> None:
        if self.portfolio is not None:
            self._save_layout()
        self.settings.sync()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save the layout and close the portfolio (the application calls this on exit)."""
        if self.portfolio is not None:
            self._save_layout()
            self.portfolio.close()
            self.portfolio = None
        self.settings.sync()


__all__ = ["MainWindow", "QWidget"]
