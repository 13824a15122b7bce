"""The window's language: Qt translators for our `.qm` and Qt's own dialogs, and the remembered choice.

Sources are Qt Linguist `.ts` files in resources/i18n/ (with a glossary of PMO terms beside them);
`.ci/translations` runs pyside6-lupdate and pyside6-lrelease to refresh them and compile the `.qm`
files the wheel and the bundle ship. The choice is remembered in QSettings under "language"
("system", "en" or "zh-CN"), and in a small file in the user's settings folder that the `pmo` command
reads without Qt (pmo_desktop.i18n.remembered_language); `pmo-desktop --lang` overrides it for one run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from pmo_desktop import i18n
from pmo_desktop.domain.money import set_money_language
from pmo_desktop.paths import resource_path

SETTING = "language"
SYSTEM = "system"


def chosen_language(settings: QSettings, override: str | None = None) -> str:
    """The language to speak: --lang, else the remembered choice, else the system's."""
    if override:
        return i18n.resolve(override)
    remembered = settings.value(SETTING, SYSTEM)
    return i18n.normalise(remembered) if remembered != SYSTEM and i18n.normalise(remembered) else i18n.resolve()


def remember_language(settings: QSettings, choice: str) -> None:
    settings.setValue(SETTING, choice)
    i18n.remember_language(choice)  # for the `pmo` command


def share_language(settings: QSettings) -> None:
    """At start, the window's choice written for the `pmo` command where the file says otherwise: a
    choice made before the command could read it, or a write that failed (on Windows a `pmo` reading
    the file at that moment makes the replace fail)."""
    remembered = settings.value(SETTING, SYSTEM)
    wanted = i18n.normalise(remembered) if remembered != SYSTEM else None
    if i18n.remembered_language() != wanted:
        i18n.remember_language(wanted or SYSTEM)


def qm_path(lang: str):
    return resource_path("i18n", f"pmo_desktop_{lang.replace('-', '_')}.qm")


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons, file dialogs) for `lang`.

    Returns the translators; the caller keeps them alive for as long as the application runs."""
    for old in getattr(app, "_pmo_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if lang != i18n.DEFAULT:
        locale = QLocale(lang.replace("-", "_"))
        QLocale.setDefault(locale)
        ours = QTranslator(app)
        if ours.load(str(qm_path(lang))):
            installed.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt_own)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for translator in installed:
        app.installTranslator(translator)
    app._pmo_translators = installed
    app.setProperty("pmo_language", lang)
    set_money_language(lang)  # the window's amounts: ¥1,200万 in Chinese
    return installed


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("pmo_language") if app is not None else None
    return value or i18n.DEFAULT
