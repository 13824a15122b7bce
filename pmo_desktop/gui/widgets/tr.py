"""`tr`: the one way a window text is translated.

Every window text is written in English inside `tr("...")` (a literal, so pyside6-lupdate finds it;
values go in with `.format` after translating). All texts share one (empty) context, so a
term has one translation everywhere; `disambiguation` separates the rare word that needs two.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "tr"]  # QT_TRANSLATE_NOOP("", "...") marks a literal kept in
# English (a column header defined at import) for pyside6-lupdate; show it with widgets.texts.shown()

CONTEXT = ""  # where pyside6-lupdate files a tr("...") call imported from here


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)
