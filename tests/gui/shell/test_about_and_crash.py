"""Help ▸ About (version, licences, where things are kept) and the unexpected-error hook."""

from __future__ import annotations

import re
import sys
import threading
from importlib import metadata

from packaging.markers import Marker
from PySide6.QtGui import QGuiApplication

from pmo_desktop import __version__
from pmo_desktop.gui.shell import crash
from pmo_desktop.gui.shell.about import AboutDialog, licences_text
from pmo_desktop.store.backups import data_dir

RUNTIME = ["PySide6-Essentials", "sqlite-utils", "matplotlib", "reportlab", "openpyxl", "defusedxml",
           "platformdirs"]
NOT_BUNDLED = {"pip"}  # required by a dependency's metadata, excluded by build.spec


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_distributions() -> set[str]:
    seen, todo = set(), list(RUNTIME)
    while todo:
        name = todo.pop()
        if _norm(name) in seen:
            continue
        seen.add(_norm(name))
        for req in metadata.requires(name) or []:
            spec, _, marker = req.partition(";")
            if marker and not Marker(marker).evaluate({"extra": ""}):
                continue
            todo.append(re.match(r"[A-Za-z0-9_.\-]+", spec.strip()).group(0))
    return seen - NOT_BUNDLED


def test_licences_name_every_bundled_distribution():
    listed = {_norm(line.split("  ")[0]) for line in licences_text().splitlines() if "  " in line}
    missing = _runtime_distributions() - listed
    assert not missing, f"resources/licences.txt does not list {sorted(missing)}"


def test_about_shows_version_licences_and_places(qtbot, qsettings):
    dialog = AboutDialog(qsettings)
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert f"PMO Desktop {__version__}" in text
    for expected in ("PySide6-Essentials", "LGPL-3.0", "reportlab", "BSD-3-Clause", "openpyxl", "MIT",
                     "sqlite-utils", "Apache-2.0", "defusedxml", "PSF-2.0", "MIT-CMU"):
        assert expected in text
    assert qsettings.fileName() in text
    assert str(data_dir() / "backups") in text and str(data_dir() / "logs") in text


def test_help_menu_opens_about(make_window, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self.text()) or 0)
    window = make_window()
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Help" in menus
    window.about_action.trigger()
    assert shown and window.settings.fileName() in shown[0]


def _raise_and_hook(handler):
    try:
        {}["missing"]
    except KeyError:
        handler.handle(*sys.exc_info())


def test_crash_writes_a_log_and_shows_a_dialog(qapp):
    handler = crash.CrashHandler()
    shown = []
    handler.exec_dialog = shown.append  # answer without a modal loop
    _raise_and_hook(handler)
    assert len(handler.logs) == 1
    log = handler.logs[0]
    assert log.parent == data_dir() / "logs"
    content = log.read_text(encoding="utf-8")
    assert "KeyError: 'missing'" in content and f"PMO Desktop {__version__}" in content
    dialog = shown[0]
    assert "KeyError" in dialog.informativeText() and str(log) in dialog.informativeText()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == content
    assert dialog.copy_button.text() == "Copied"


def test_crash_hook_is_installed_and_removed(qapp):
    handler = crash.CrashHandler()
    before = sys.excepthook, threading.excepthook
    handler.install()
    try:
        assert sys.excepthook == handler.handle
    finally:
        handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_thread_errors_are_shown_on_the_gui_thread(qtbot):
    handler = crash.CrashHandler()
    shown = []
    handler.exec_dialog = shown.append
    handler.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        handler.uninstall()
    assert "ZeroDivisionError" in shown[0].details and handler.logs


def test_unwritable_log_folder_still_shows_the_error(qapp, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PMO_DESKTOP_DATA_DIR", str(blocker))  # logs/ cannot be made under a file
    handler = crash.CrashHandler()
    shown = []
    handler.exec_dialog = shown.append
    _raise_and_hook(handler)
    assert handler.logs == [] and "could not be saved" in shown[0].informativeText()


def test_error_in_a_slot_reaches_the_dialog_and_the_window_stays(make_window):
    window = make_window()
    handler = crash.CrashHandler()
    shown = []
    handler.exec_dialog = shown.append
    handler.install()
    try:
        from PySide6.QtGui import QAction

        broken = QAction("Broken", window)
        broken.triggered.connect(lambda: [][1])
        broken.trigger()  # Qt calls the slot; PySide6 hands the exception to sys.excepthook
    finally:
        handler.uninstall()
    assert shown and "IndexError" in shown[0].details
    window.show()  # the process carried on: the window still works
    assert window.isVisible() and len(handler.logs) == 1


def test_the_same_error_again_is_logged_but_not_shown_again(qapp):
    handler = crash.CrashHandler()
    shown = []
    handler.exec_dialog = shown.append
    for _ in range(3):
        _raise_and_hook(handler)
    assert len(shown) == 1 and len(handler.logs) == 3
