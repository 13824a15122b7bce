"""The commentary editor: the portfolio's or a programme's commentary for a period, written as the
board pack prints it (paragraphs, bullets, bold), with a preview. Reached from the dashboard and the
board-pack dialog. Reads and writes through reports.commentary (one undoable batch per save)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.gui.widgets.period_box import PeriodBox
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.registers import lookups
from pmo_desktop.reports.commentary import get_commentary, parse, set_commentary
from pmo_desktop.store import Portfolio, PortfolioError

PORTFOLIO = ""  # the scope box's data for the portfolio's own commentary


def preview_html(text: str) -> str:
    """The commentary as the pack prints it, for the preview pane."""
    out, bullets = [], []
    for block in parse(text):
        html = "".join(f"<b>{escape(t)}</b>" if bold else escape(t) for t, bold in block.runs)
        if block.kind == "bullet":
            bullets.append(f"<li>{html}</li>")
            continue
        if bullets:
            out.append(f"<ul>{''.join(bullets)}</ul>")
            bullets = []
        out.append(f"<p>{html}</p>")
    if bullets:
        out.append(f"<ul>{''.join(bullets)}</ul>")
    return "".join(out) or "<p style='color:#616161'>Nothing written yet: the pack will say so.</p>"


class CommentaryDialog(QDialog):
    def __init__(self, pf: Portfolio, *, period: date | None = None, programme: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("commentaryDialog")
        self.setWindowTitle(tr("Board pack commentary"))
        self.pf = pf
        self._loaded = ""
        self._key: tuple[date | None, str | None] = (None, None)  # the period and scope in the editor
        self.period_box = PeriodBox()
        self.period_box.fill(pf)
        if period is not None and self.period_box.findData(period.isoformat()) >= 0:
            self.period_box.choose(period)
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("scopeBox")
        self.scope_box.addItem(tr("Portfolio (executive summary)"), PORTFOLIO)
        for name in lookups.programme_names(pf):
            self.scope_box.addItem(tr("Programme: {name}").format(name=name), name)
        if programme:
            self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(programme)))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("commentaryEditor")
        self.editor.setPlaceholderText(tr("Paragraphs separated by a blank line; '- ' starts a bullet; **bold**."))
        self.preview = QTextBrowser()
        self.preview.setObjectName("commentaryPreview")
        bold = QPushButton(tr("Bold"))
        bold.setObjectName("boldButton")
        bold.clicked.connect(self.make_bold)
        bullet = QPushButton(tr("Bullets"))
        bullet.setObjectName("bulletButton")
        bullet.clicked.connect(self.make_bullets)
        for button in (bold, bullet):
            button.setAutoDefault(False)
        tools = QHBoxLayout()
        tools.addWidget(bold)
        tools.addWidget(bullet)
        tools.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Period"), self.period_box)
        form.addRow(tr("Commentary for"), self.scope_box)
        panes = QHBoxLayout()
        panes.addWidget(self.editor, 1)
        panes.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not pf.read_only)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(tools)
        layout.addLayout(panes, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._changed)
        self.period_box.currentIndexChanged.connect(lambda _i: self.load())
        self.scope_box.currentIndexChanged.connect(lambda _i: self.load())
        self.resize(820, 480)
        self.load()

    # -- the scope ------------------------------------------------------------------------------------

    def scope(self) -> dict:
        return {"programme": self.scope_box.currentData() or None}

    def dirty(self) -> bool:
        return self.editor.toPlainText().strip() != self._loaded

    def load(self) -> None:
        """Show the chosen period's and scope's text; what was typed for the previous one is saved first."""
        kept = ""
        old_period, old_programme = self._key
        if old_period is not None and self.dirty() and not self.pf.read_only:
            try:
                set_commentary(self.pf, old_period, self.editor.toPlainText(), programme=old_programme)
                kept = (tr("Saved the commentary for {name} first.").format(name=old_programme) if old_programme
                        else tr("Saved the portfolio's commentary first."))
            except PortfolioError as exc:
                kept = str(exc)
        period = self.period_box.period()
        self._key = (period, self.scope()["programme"])
        self._loaded = get_commentary(self.pf, period, **self.scope()) if period else ""
        self.editor.setPlainText(self._loaded)
        self.status.setText(kept)
        self._changed()

    def _changed(self) -> None:
        self.preview.setHtml(preview_html(self.editor.toPlainText()))

    # -- formatting ------------------------------------------------------------------------------------

    def make_bold(self) -> None:
        cursor = self.editor.textCursor()
        text = cursor.selectedText()
        cursor.insertText(f"**{text}**" if text else "****")
        if not text:
            cursor.movePosition(cursor.MoveOperation.Left, n=2)
            self.editor.setTextCursor(cursor)

    def make_bullets(self) -> None:
        """Start each selected line (or the current one) with '- '."""
        cursor = self.editor.textCursor()
        start, end = sorted((cursor.position(), cursor.anchor()))
        text = self.editor.toPlainText()
        first = text.rfind("\n", 0, start) + 1
        last = text.find("\n", end)
        last = len(text) if last < 0 else last
        lines = [line if line.lstrip().startswith(("- ", "* ")) or not line.strip() else f"- {line}"
                 for line in text[first:last].split("\n")]
        cursor.setPosition(first)
        cursor.setPosition(last, cursor.MoveMode.KeepAnchor)
        cursor.insertText("\n".join(lines))

    # -- saving ----------------------------------------------------------------------------------------

    def save(self) -> bool:
        period = self.period_box.period()
        if period is None:
            self.status.setText(tr("Choose a period first."))
            return False
        try:
            outcome = set_commentary(self.pf, period, self.editor.toPlainText(), **self.scope())
        except PortfolioError as exc:
            self.status.setText(str(exc))
            return False
        self._loaded = self.editor.toPlainText().strip()
        self.status.setText({"written": tr("Saved."), "removed": tr("Removed: the pack will say none was written."),
                             "unchanged": tr("No change to save.")}[outcome])
        return True

    def reject(self) -> None:
        if self.dirty() and not self.pf.read_only:
            answer = QMessageBox.question(self, tr("Unsaved commentary"), tr("Save the commentary before closing?"),
                                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                          | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()


def edit_commentary(pf: Portfolio, parent: QWidget | None = None, *, period: date | None = None,
                    programme: str | None = None) -> CommentaryDialog:
    dialog = CommentaryDialog(pf, period=period, programme=programme, parent=parent)
    dialog.open()
    return dialog
