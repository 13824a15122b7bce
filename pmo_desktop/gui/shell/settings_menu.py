"""Settings ▸ Language: the window's language, remembered for the next start."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from pmo_desktop import i18n
from pmo_desktop.gui.shell.i18n import SETTING, SYSTEM, remember_language
from pmo_desktop.gui.widgets.tr import tr


def settings_menu(window: QMainWindow) -> QMenu:
    """The window's Settings menu (made on first call), so other areas can add their entries."""
    menu = getattr(window, "settings_menu", None)
    if menu is None:
        menu = window.menuBar().addMenu(tr("&Settings"))
        window.settings_menu = menu
    return menu


def add_language_menu(window: QMainWindow) -> QMenu:
    menu = settings_menu(window).addMenu(tr("&Language"))
    group = QActionGroup(menu)
    current = window.settings.value(SETTING, SYSTEM)
    choices = [(SYSTEM, tr("System default"))] + [(code, name) for code, name in i18n.LANGUAGES.items()]
    window.language_actions = {}
    for code, label in choices:
        action = QAction(label, menu)  # each language is named in itself, as other programs do
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, c))
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[code] = action
    return menu


def choose_language(window: QMainWindow, code: str) -> None:
    if window.settings.value(SETTING, SYSTEM) == code:
        return
    remember_language(window.settings, code)
    lang = i18n.resolve() if code == SYSTEM else code
    # Told in the language chosen, so a user who picked it by mistake can still read it.
    note = i18n.text("The window will use {language} the next time PMO Desktop starts.", lang,
                     language=i18n.LANGUAGES[lang])
    window.prompts.info(i18n.text("Language", lang), note)
