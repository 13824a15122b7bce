"""The Sync conflicts view: record, field, original, mine, theirs, who and when, with Keep mine,
Keep theirs and Edit... Resolving is an ordinary undoable change, sent at the next sync."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.dates import format_date
from pmo_desktop.gui.registers.empty_state import BodyOrEmpty, EmptyState
from pmo_desktop.gui.shell.views import PortfolioView
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.sync import conflicts
from pmo_desktop.sync.connection import SyncError
from pmo_desktop.sync.state import read_state


def _headers() -> list[str]:
    return [tr("Record"), tr("Field"), tr("Original"), tr("Mine"), tr("Theirs"), tr("Who"), tr("When")]


def _kinds() -> dict[str, str]:
    return {"field": tr("both changed"), "deleted": tr("changed and deleted"),
            "duplicate": tr("same key created twice"), "refused": tr("not allowed")}


def _value(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return tr("(the whole record)")
    return str(value)


def _when(iso: str | None, style) -> str:
    if not iso:
        return "—"
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    return f"{format_date(moment.date(), style)} {moment:%H:%M}"


class ConflictsView(PortfolioView):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.items: list[dict] = []
        self.note = QLabel()
        self.note.setObjectName("conflictsNote")
        self.note.setWordWrap(True)
        headers = _headers()
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("conflictsTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.keep_mine = QPushButton(tr("Keep mine"))
        self.keep_theirs = QPushButton(tr("Keep theirs"))
        self.edit = QPushButton(tr("Edit…"))
        for name, button in (("keepMine", self.keep_mine), ("keepTheirs", self.keep_theirs), ("editValue", self.edit)):
            button.setObjectName(name)
        self.keep_mine.clicked.connect(lambda: self.resolve_selected("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve_selected("theirs"))
        self.edit.clicked.connect(self.ask_value)
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.note)
        inner.addWidget(self.table, 1)
        empty = EmptyState("", tr("Sync conflicts: when you and a teammate change the same value, both are kept here "
                                  "until you choose yours, theirs or another. This portfolio is not shared yet: "
                                  "share it with your team, or clone one your team shares."), "",
                           add=lambda: self._sync_action("share"), import_=lambda: self._sync_action("clone"),
                           texts=(tr("Not shared yet"), tr("Share with Team…"), tr("Clone from Server…")))
        self.body = BodyOrEmpty(body, empty, needs=(self.keep_mine, self.keep_theirs, self.edit))
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        pf = self.portfolio
        state = read_state(pf.conn)
        if state is None:
            self.items = []
            self.note.setText(tr("This portfolio is not shared. File ▸ Share with Team… publishes it; "
                                 "File ▸ Clone from Server… gets a copy of one your team shares."))
        else:
            self.items = conflicts.open_conflicts(pf)
            self.note.setText(
                tr("{n} open conflict(s) in “{name}”. The server's value (theirs) stands until you choose; "
                   "your choice is sent at the next sync.").format(n=len(self.items), name=state.portfolio)
                if self.items else tr("No open conflicts in “{name}”.").format(name=state.portfolio))
        style = pf.settings().get("date_format")
        kinds = _kinds()
        self.table.setRowCount(len(self.items))
        for row, c in enumerate(self.items):
            field = c["col"] or kinds.get(c["kind"], c["kind"])
            who = f"{c['mine_by']} / {c['theirs_by'] or '—'}"
            when = f"{_when(c['mine_at'], style)} / {_when(c['theirs_at'], style)}"
            cells = [c["record"], field, _value(c["shown"]["base"]), _value(c["shown"]["mine"]), _value(c["shown"]["theirs"]), who, when]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{kinds.get(c['kind'], c['kind'])}: {text}")
                self.table.setItem(row, col, item)
        self._enable()
        self.body.empty.set_writable(not pf.read_only, tr("{name} is open read-only").format(name=pf.path.name))
        self.body.show_page(self.body.empty if state is None else self.body.body, tr("This portfolio is not shared"))
        self.summary_changed.emit()

    def _sync_action(self, key: str) -> None:
        """File ▸ Share with Team… or Clone from Server…: the next steps of a portfolio not shared."""
        sync = getattr(self.window(), "sync", None)
        if sync is not None:
            sync.actions[key].trigger()

    def summary(self) -> str:
        return tr("{n} open conflict(s)").format(n=len(self.items))

    def selected(self) -> dict | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.items[min(rows)] if rows else None

    def _enable(self) -> None:
        c = self.selected()
        writable = not self.portfolio.read_only and c is not None
        self.keep_theirs.setEnabled(writable)
        self.keep_mine.setEnabled(bool(writable and c["kind"] != "refused"))
        self.edit.setEnabled(bool(writable and c["kind"] in ("field", "duplicate")))

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def ask_value(self) -> None:
        c = self.selected()
        if c is None:
            return
        start = "" if isinstance(c["theirs"], dict) or c["theirs"] is None else str(c["theirs"])
        label = (tr("New key for your record:") if c["kind"] == "duplicate" and not c["col"]
                 else tr("Value for {field}:").format(field=c["col"]))
        text, ok = QInputDialog.getText(self, tr("Resolve conflict"), label, text=start)
        if ok and text.strip():
            self.resolve_selected(text.strip())

    def resolve_selected(self, keep: str) -> bool:
        c = self.selected()
        if c is None:
            return False
        try:
            result = conflicts.resolve(self.portfolio, c["id"], keep)
        except SyncError as exc:
            self.context.report_problem(str(exc))
            return False
        self.context.history.record(result["batch"])
        self.refresh()
        sync = getattr(self.window(), "sync", None)
        if sync is not None:
            sync.update()
        return True


__all__ = ["ConflictsView"]
