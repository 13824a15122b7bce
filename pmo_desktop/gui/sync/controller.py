"""Team sync in the window: File > Share..., File > Clone from Server..., Sync Now (Ctrl+Shift+S), a
status-bar indicator, and automatic sync every few minutes while the server is reachable.

Every sync runs on the window's job runner (the portfolio's one connection is the worker's while it
runs). The automatic one first checks, on a thread of its own that never touches the portfolio, that
the server answers, so an offline laptop never has its window held while a connection times out.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pmo_desktop.gui.shell.jobs import job_runner
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.sync import engine
from pmo_desktop.sync.connection import SyncError, connect
from pmo_desktop.sync.state import read_state, status

AUTO_SYNC_MS = 3 * 60 * 1000
IDLE_SECONDS = 20  # an automatic sync waits until the analyst has not typed or clicked for this long
FILE_FILTER = "PMO portfolios (*.pmo);;All files (*)"


def indicator_text(info: dict, offline: bool = False) -> str:
    """offline / 3 changes to send / synced 10:42 / 2 conflicts, joined with a middle dot."""
    if not info.get("shared"):
        return ""
    parts = []
    if offline:
        parts.append(tr("Offline"))
    if info["to_send"]:
        n = info["to_send"]
        parts.append(tr("1 change to send") if n == 1 else tr("{n} changes to send").format(n=n))
    if not offline and not info["to_send"] and info.get("last_sync_at"):
        when = datetime.fromisoformat(info["last_sync_at"].replace("Z", "+00:00")).astimezone()
        parts.append(tr("Synced {time}").format(time=f"{when:%H:%M}"))
    if info["conflicts"]:
        n = info["conflicts"]
        parts.append(tr("1 conflict") if n == 1 else tr("{n} conflicts").format(n=n))
    return " · ".join(parts) or tr("Not synced yet")


class _Probe(QObject):
    """Whether the server answers, found out off the GUI thread without touching the portfolio."""

    answered = Signal(bool)

    def start(self, dsn: str) -> None:
        def run():
            try:
                connect(dsn).close()
                ok = True
            except SyncError:
                ok = False
            self.answered.emit(ok)

        threading.Thread(target=run, daemon=True).start()


class SyncController(QObject):
    changed = Signal()

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.offline = False
        self.last_input = time.monotonic()
        QApplication.instance().installEventFilter(self)
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.label.setToolTip(tr("Team sync: File ▸ Sync Now (Ctrl+Shift+S)"))
        win.statusBar().addPermanentWidget(self.label)
        self.actions = {
            "share": self._action(tr("&Share with Team…"), self.ask_share, None,
                                  tr("Publish this portfolio to a PostgreSQL database your team shares")),
            "clone": self._action(tr("Clone from &Server…"), self.ask_clone, None,
                                  tr("Make a local copy of a portfolio your team shares")),
            "sync_now": self._action(tr("S&ync Now"), lambda: self.sync_now(), QKeySequence("Ctrl+Shift+S"),
                                     tr("Send your changes and receive everyone else's")),
        }
        self._install_menu()
        self.probe = _Probe(self)
        self.probe.answered.connect(self._probed)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MS)
        self.timer.timeout.connect(self.auto_sync)
        self.timer.start()
        self.last_result: dict | None = None
        self.last_message = ""

    def _action(self, text, slot, shortcut, tip) -> QAction:
        action = QAction(text, self.win)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _c=False: slot())
        self.win.addAction(action)
        return action

    def _install_menu(self) -> None:
        file_menu = self.win.menuBar().actions()[0].menu()
        anchor = self.win.actions.get("save_copy")
        file_menu.insertActions(anchor, [self.actions["share"], self.actions["clone"], self.actions["sync_now"]])
        file_menu.insertSeparator(anchor)

    # -- state --------------------------------------------------------------------------------------

    @property
    def portfolio(self):
        return self.win.portfolio

    def shared(self) -> bool:
        pf = self.portfolio
        return pf is not None and read_state(pf.conn) is not None

    def update(self) -> None:
        pf = self.portfolio
        info = status(pf) if pf is not None else {"shared": False}
        self.label.setText(indicator_text(info, self.offline))
        self.label.setVisible(bool(info.get("shared")))
        writable = pf is not None and not pf.read_only
        self.actions["share"].setEnabled(writable and not info.get("shared"))
        self.actions["sync_now"].setEnabled(writable and bool(info.get("shared")))
        self.changed.emit()

    # -- share and clone --------------------------------------------------------------------------------

    def ask_share(self) -> None:
        pf = self.portfolio
        if pf is None:
            return
        url, ok = QInputDialog.getText(self.win, tr("Share with team"),
                                       tr("PostgreSQL database (for example postgresql://dbhost/pmo):"),
                                       QLineEdit.EchoMode.Normal, "postgresql://")
        if not ok or not url.strip():
            return
        name, ok = QInputDialog.getText(self.win, tr("Share with team"), tr("Name of the shared portfolio:"),
                                        QLineEdit.EchoMode.Normal, pf.name)
        if ok:
            self.share(url.strip(), name.strip() or pf.name)

    def share(self, url: str, name: str | None = None):
        pf = self.portfolio

        def done(result):
            self.offline = False
            self.win.statusBar().showMessage(tr("Shared as “{name}” on {server}; you are its admin").format(
                name=result["portfolio"], server=result["server"]), 8000)
            self.update()

        return job_runner(self.win).run(tr("Sharing the portfolio"),
                                        lambda progress, cancelled: engine.share(pf, url, name),
                                        on_success=done)

    def ask_clone(self) -> None:
        url, ok = QInputDialog.getText(self.win, tr("Clone from server"),
                                       tr("PostgreSQL database (for example postgresql://you@dbhost/pmo):"),
                                       QLineEdit.EchoMode.Normal, "postgresql://")
        if not ok or not url.strip():
            return
        path, _ = QFileDialog.getSaveFileName(self.win, tr("Save the local copy as"), "", FILE_FILTER)
        if path:
            self.clone(url.strip(), Path(path))

    def clone(self, url: str, out: Path, portfolio: str | None = None):
        out = Path(out)
        if out.suffix.lower() != ".pmo":
            out = out.with_suffix(".pmo")
        if self.portfolio is not None and out.resolve() == self.portfolio.path.resolve():
            self.win.prompts.error(tr("Cannot clone"), tr("{name} is the file that is open").format(name=out.name))
            return None

        def done(result):
            self.win.open_file(out)
            self.win.statusBar().showMessage(tr("Cloned “{name}” ({rows} rows)").format(
                name=result["portfolio"], rows=result["rows"]), 8000)

        return job_runner(self.win).run(
            tr("Cloning the shared portfolio"),
            lambda progress, cancelled: engine.clone(url, out, portfolio, overwrite=out.exists(), progress=progress),
            on_success=done)

    # -- sync ---------------------------------------------------------------------------------------------

    def sync_now(self, *, automatic: bool = False):
        pf = self.portfolio
        runner = job_runner(self.win)
        if pf is None or pf.read_only or not self.shared() or runner.busy():
            return None

        def done(result):
            self.offline = False
            self.last_result = result
            if result["received"] or result["rows_updated"]:
                self.win.refresh_views()
            if result["new_conflicts"]:
                self.win.statusBar().showMessage(tr("{n} new conflict(s): see View ▸ Sync conflicts").format(
                    n=result["new_conflicts"]), 8000)
            self.update()

        def failed(message: str):
            self.offline = True
            self.last_message = message
            self.update()
            if not automatic:
                runner.message(tr("Sync"), message)

        return runner.run(tr("Syncing with the team"), lambda progress, cancelled: engine.sync(pf),
                          on_success=done, on_failure=failed)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            self.last_input = time.monotonic()
        return False

    def idle(self) -> bool:
        """Nobody has typed or clicked for a while and no editor, dialog or menu is open: an automatic
        sync (which holds the window for a moment) never lands in the middle of an edit."""
        app = QApplication.instance()
        editing = isinstance(app.focusWidget(), QLineEdit | QAbstractSpinBox | QPlainTextEdit | QComboBox) and \
            isinstance(app.focusWidget().parent(), QWidget) and app.focusWidget().parent().inherits("QAbstractItemView")
        return (time.monotonic() - self.last_input >= IDLE_SECONDS and app.activeModalWidget() is None
                and app.activePopupWidget() is None and not editing)

    def auto_sync(self) -> None:
        """Every few minutes: sync if the server answers (checked off the GUI thread)."""
        if not self.shared() or job_runner(self.win).busy() or QApplication.activeModalWidget() is not None:
            return
        self.probe.start(read_state(self.portfolio.conn).server)

    def _probed(self, reachable: bool) -> None:
        if reachable and self.idle():
            self.sync_now(automatic=True)
        elif reachable != (not self.offline):  # the indicator follows the answer; the sync waits
            self.offline = not reachable
            self.update()
