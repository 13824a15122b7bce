"""Opening, creating and copying portfolio files from the GUI, with a clear dialog for each failure.

Dialogs go through `Prompts` so tests can answer them without a modal loop.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from pmo_desktop import i18n
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import (
    CorruptPortfolio,
    NewerSchema,
    NotAPortfolio,
    Portfolio,
    PortfolioError,
    PortfolioLocked,
    create_portfolio,
    files,
    open_portfolio,
)

FILE_FILTER = "PMO portfolios (*.pmo);;All files (*)"  # English; file dialogs use file_filter()


def file_filter() -> str:
    return tr("PMO portfolios (*.pmo);;All files (*)")


def said(text: str) -> str:
    """A service's English one-line message, in the window's language (also when shown capitalised)."""
    lang = current_language()
    translated = i18n.message(text, lang)
    if translated == text and text[:1].isupper():
        lowered = text[:1].lower() + text[1:]
        again = i18n.message(lowered, lang)
        if again != lowered:
            return again
    if translated == text and ": " in text and lang != i18n.DEFAULT:
        # "Probability: '9' is not a probability..." or "row 3, Due: ...": where, then what is wrong
        head, tail = text.split(": ", 1)
        said_tail = said(tail)
        if said_tail != tail:
            row = re.fullmatch(r"row (\d+), (.+)", head)
            where = tr("row {n}, {column}").format(n=row[1], column=shown(row[2])) if row else shown(head)
            return f"{where}{tr(': ')}{said_tail}"
    return translated


@dataclass
class Prompts:
    """The questions and messages a file action may need; QMessageBox by default."""

    parent: QWidget | None = None

    def error(self, title: str, text: str, detail: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self.parent)
        if detail:
            box.setInformativeText(detail)
        box.exec()

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def ask_read_only(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("File in use"), said(text),
                          QMessageBox.StandardButton.Cancel, self.parent)
        read_only = box.addButton(tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.setInformativeText(tr("Someone (or another PMO Desktop window) has it open for editing. You can "
                                  "open it read-only to look at it; you will not be able to change it."))
        box.exec()
        return box.clickedButton() is read_only


def open_with_dialogs(path: Path, prompts: Prompts, *, read_only: bool = False) -> Portfolio | None:
    """Open `path`; on failure show why (and offer read-only for a locked file). None if not opened."""
    try:
        return open_portfolio(path, read_only=read_only)
    except PortfolioLocked as exc:
        if prompts.ask_read_only(str(exc)):
            try:
                return open_portfolio(path, read_only=True)
            except PortfolioError as again:
                prompts.error(tr("Cannot open portfolio"), said(str(again)))
        return None
    except CorruptPortfolio as exc:
        prompts.error(tr("Damaged portfolio"), said(str(exc)),
                      tr("PMO Desktop keeps automatic backups; restore the latest one from the backups folder."))
    except NewerSchema as exc:
        prompts.error(tr("Newer portfolio format"), said(str(exc)))
    except NotAPortfolio as exc:
        prompts.error(tr("Not a portfolio"), said(str(exc)))
    except PortfolioError as exc:
        prompts.error(tr("Cannot open portfolio"), said(str(exc)))
    except (sqlite3.Error, OSError) as exc:
        prompts.error(tr("Cannot open portfolio"),
                      tr("{name} could not be opened: {why}").format(name=path.name, why=exc))
    return None


def new_with_dialogs(path: Path, prompts: Prompts) -> Portfolio | None:
    try:
        return create_portfolio(path, overwrite=path.exists())
    except PortfolioError as exc:
        prompts.error(tr("Cannot create portfolio"), said(str(exc)))
    except OSError as exc:
        prompts.error(tr("Cannot create portfolio"),
                      tr("{path} could not be written: {why}").format(path=path, why=exc.strerror))
    return None


def save_copy(pf: Portfolio, target: Path) -> None:
    """A consistent copy of the open file (store.files.save_copy); PortfolioError says why not."""
    files.save_copy(pf, target)
