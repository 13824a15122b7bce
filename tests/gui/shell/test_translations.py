"""The window in Simplified Chinese: committed translations match the code, and the window speaks them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.gui.shell.i18n import install_translators
from pmo_desktop.paths import resource_path

ROOT = Path(__file__).resolve().parents[3]
TS = resource_path("i18n", "pmo_desktop_zh_CN.ts")
QM = resource_path("i18n", "pmo_desktop_zh_CN.qm")
BIN = Path(sys.executable).parent
# Words that stay as they are in a Chinese window: acronyms, formats, product names, shortcuts.
KEEP = re.compile(r"\b(RAID|PDF|Excel|CSV|MS Project|GanttProject|FTE|CAPEX|OPEX|EAC|CPI|SPI|RAG|PMO Desktop|"
                  r"Ctrl|Shift|Delete|Del|F\d+|xlsx|xml|gan|pmo|yyyy-MM-dd)\b")


def _messages(ts: Path) -> dict[str, str | None]:
    out = {}
    for m in ET.parse(ts).iter("message"):
        t = m.find("translation")
        out[m.findtext("source")] = None if t is None or t.get("type") == "unfinished" else t.text
    return out


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    return path


def test_committed_translations_cover_every_window_text(tmp_path):
    """The .ts holds every tr() text of the code, each translated; the .qm is compiled from it."""
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for folder in ("pmo_desktop/gui", "ui") for p in (ROOT / folder).rglob("*")
                     if p.suffix in (".py", ".ui"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True, cwd=ROOT)
    committed, current = _messages(TS), _messages(fresh)
    assert set(current) == set(committed), "run .ci/translations: the .ts is behind the code"
    untranslated = sorted(s for s, t in current.items() if not t)
    assert not untranslated, (
        "window texts without a zh-CN translation (write them in a JSON {English: 中文} using the terms of "
        "resources/i18n/glossary-zh-CN.md, then `.venv/bin/python .ci/ts_fill.py "
        "resources/i18n/pmo_desktop_zh_CN.ts FILE.json && .ci/translations`):\n" + "\n".join(untranslated))
    qm = tmp_path / "check.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == QM.read_bytes(), "run .ci/translations: the .qm is older than the .ts"


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh-CN")
    yield
    install_translators(qapp, "en")


def _untranslated(text: str) -> bool:
    text = KEEP.sub("", text.replace("&", ""))
    return bool(re.search(r"[A-Za-z]{2,}", text))


def test_menus_actions_and_views_speak_chinese(chinese, make_window, demo_path):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path))
    titles = [m.title() for m in win.menuBar().findChildren(type(win.recent_menu))]
    assert "文件(&F)" in titles and "设置(&S)" in titles
    nav = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert "项目" in nav and "RAID 日志" in nav
    texts = [a.text() for a in win.actions.values()] + [a.toolTip() for a in win.actions.values()]
    for menu in win.menuBar().findChildren(type(win.recent_menu)):
        texts += [menu.title()] + [a.text() for a in menu.actions() if not a.isSeparator()]
    texts += nav
    left = sorted({t for t in texts if t and _untranslated(t)} - {"English", "简体中文"})
    assert not left, f"English left in the Chinese window (wrap it in gui.widgets.tr.tr, run .ci/translations): {left}"


def test_language_menu_remembers_the_choice_and_says_so_in_that_language(window, qsettings, answers):
    window.language_actions["zh-CN"].trigger()
    assert qsettings.value("language") == "zh-CN"
    assert answers.infos == [("语言", "下次启动 PMO Desktop 时，窗口将使用简体中文。")]
    window.language_actions["system"].trigger()
    assert qsettings.value("language") == "system"


def test_the_language_chosen_in_the_window_is_the_pmo_commands_too(window, qsettings, answers, monkeypatch, capsys):
    from pmo_desktop import i18n
    from pmo_desktop.cli import main as pmo

    monkeypatch.delenv("PMO_LANG")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    window.language_actions["zh-CN"].trigger()
    assert i18n.remembered_language() == "zh-CN"
    assert pmo(["info", "none.pmo"]) == 1
    assert capsys.readouterr().err == "pmo: none.pmo 不存在\n"
    window.language_actions["system"].trigger()
    assert i18n.remembered_language() is None
    assert pmo(["info", "none.pmo"]) == 1
    assert capsys.readouterr().err == "pmo: none.pmo does not exist\n"


def test_a_choice_made_before_the_command_could_read_it_is_shared_at_start(qsettings):
    from pmo_desktop import i18n
    from pmo_desktop.gui.shell.i18n import share_language

    share_language(qsettings)
    assert not i18n.choice_path().exists()  # nothing chosen: nothing written
    qsettings.setValue("language", "zh-CN")
    share_language(qsettings)
    assert i18n.remembered_language() == "zh-CN"
    qsettings.setValue("language", "system")  # chosen in the window, but the file could not be replaced then
    share_language(qsettings)
    assert i18n.remembered_language() is None and i18n.choice_path().read_text() == '{"language": "system"}'


def test_pmo_desktop_lang_flag(demo_path, tmp_path, qapp, capsys):
    from pmo_desktop.gui.shell.app import main

    try:
        assert main([str(demo_path), "--screenshot", str(tmp_path / "zh.png"), "--lang", "zh-CN"]) == 0
        assert QApplication.instance().property("pmo_language") == "zh-CN"
        assert main([str(demo_path), "--screenshot", str(tmp_path / "x.png"), "--lang", "xx"]) == 2
        assert "not a language" in capsys.readouterr().err
    finally:
        install_translators(qapp, "en")


def test_words_stored_in_english_are_listed_for_translation():
    """Register column names and the stored words of every closed list are in gui/widgets/texts.py."""
    from pmo_desktop.domain import enums
    from pmo_desktop.registers.definitions import REGISTERS

    listed = set(re.findall(r'tr\("([^"]*)"\)', (ROOT / "pmo_desktop/gui/widgets/texts.py").read_text()))
    words = {c.header for r in REGISTERS.values() for c in r.columns}
    for name in ("Stage", "ProjectStatus", "Priority", "RaidType", "RaidStatus", "Response", "CostCategory"):
        words |= {m.value for m in getattr(enums, name)}
    assert words <= listed, f"add to gui/widgets/texts.py: {sorted(words - listed)}"


def test_the_register_speaks_chinese_and_still_stores_english(chinese, window, demo_path):
    from pmo_desktop.gui.registers.delegates import RegisterDelegate
    from tests.gui.conftest import read

    window.show_view("projects")
    view = window.pages["projects"]
    model = view.model
    stage = model.column_index("stage")
    assert model.headerData(stage, Qt.Orientation.Horizontal) == "阶段"
    row_id = model.row_id(0)
    stored = read(demo_path, "SELECT stage FROM projects WHERE id = ?", (row_id,))[0][0]
    index = model.index(0, stage)
    assert index.data() == {"Execution": "执行", "Planning": "规划", "Idea": "构想", "Closed": "已关闭",
                            "Initiation": "启动", "Closure": "收尾"}[stored]
    delegate = RegisterDelegate(view.table)
    editor = delegate.createEditor(view.table, None, index)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == stored and editor.currentText() == index.data()
    editor.setCurrentIndex(editor.findData("Closure"))
    delegate.setModelData(editor, model, index)
    assert read(demo_path, "SELECT stage FROM projects WHERE id = ?", (row_id,))[0][0] == "Closure"
