"""The `pmo` command in Simplified Chinese: language choice, help, and one-line messages."""

from __future__ import annotations

import argparse

import pytest

from pmo_desktop import i18n
from pmo_desktop.cli import build_parser, main


@pytest.mark.parametrize(("tag", "lang"), [("zh", "zh-CN"), ("zh_CN.UTF-8", "zh-CN"), ("zh-Hans", "zh-CN"),
                                           ("en_GB.UTF-8", "en"), ("C", "en"), ("zh_TW", None), ("fr_FR", None)])
def test_language_tags(tag, lang):
    assert i18n.normalise(tag) == lang


def test_language_follows_pmo_lang_then_system(monkeypatch):
    monkeypatch.setenv("PMO_LANG", "zh_CN.UTF-8")
    assert i18n.resolve() == "zh-CN"
    monkeypatch.delenv("PMO_LANG")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.resolve() == "zh-CN"
    assert i18n.resolve("en") == "en"
    with pytest.raises(ValueError, match="not a language"):
        i18n.resolve("klingon")


def _help_texts(parser: argparse.ArgumentParser):
    if parser.description:
        yield parser.description
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            yield from (c.help for c in action._choices_actions if c.help)
            for sub in {id(p): p for p in action.choices.values()}.values():
                yield from _help_texts(sub)


def test_every_help_text_of_every_command_is_translated():
    zh = i18n.catalogue("zh-CN")
    missing = sorted({t for t in _help_texts(build_parser(None)) if zh.message(t) == t})
    assert not missing, ("help texts without a zh-CN translation: add them to resources/i18n/zh-CN.json "
                         "with the terms of resources/i18n/glossary-zh-CN.md:\n" + "\n".join(missing))


def test_help_in_chinese(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "zh-CN", "new", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：pmo new") and "填入一套贴近实际的演示项目组合" in out and "选项" in out
    with pytest.raises(SystemExit):
        main(["new", "--help"])  # and back to English in the same process
    out = capsys.readouterr().out
    assert out.startswith("usage: pmo new") and "fill it with a realistic demo portfolio" in out


def test_messages_in_chinese_are_one_line(tmp_path, capsys, monkeypatch):
    missing = tmp_path / "none.pmo"
    assert main(["--lang", "zh-CN", "info", str(missing)]) == 1
    assert capsys.readouterr().err == f"pmo: {missing} 不存在\n"
    monkeypatch.setenv("PMO_LANG", "zh-CN")
    assert main(["new", str(tmp_path / "a.pmo"), "--projects", "3"]) == 1
    assert capsys.readouterr().err == "pmo: --projects 需要与 --demo 一起使用\n"
    monkeypatch.setenv("PMO_LANG", "en")
    assert main(["info", str(missing)]) == 1
    assert capsys.readouterr().err == f"pmo: {missing} does not exist\n"


def test_a_message_with_values_is_matched_by_its_shape():
    zh = i18n.catalogue("zh-CN")
    msg = "p.pmo is already open for writing by another program; close it there or open it read-only"
    assert zh.message(msg) == "p.pmo 已被打开编辑（被另一个程序占用）；请先在那里关闭，或以只读方式打开"
    assert zh.message("a message nobody translated") == "a message nobody translated"
    assert i18n.catalogue("en").message(msg) == msg


def test_a_message_inside_a_message_is_translated_but_what_the_user_typed_is_not():
    zh = i18n.catalogue("zh-CN")
    assert zh.message("'abc' is not a date (use a date like 2026-11-27 or 27/11/2026)") == (
        "“abc”不是日期（请使用 2026-11-27 或 27/11/2026 这样的日期）")
    # 'Open' is what was typed: it stays as typed, though "Open" alone has a translation
    assert zh.message("'Open' is not a RAID type (choose one of: Risk, Issue)").startswith("“Open”不是")
    assert zh.message("Approved budget cannot be negative") == "批准预算不能为负数"


def test_messages_joined_in_one_are_each_translated():
    zh = i18n.catalogue("zh-CN")
    msg = ("nothing in b.xlsx could be recognised as a register; sheet 'A': could not tell what it holds (best "
           "guesses: tasks 2.2); use --kind and --sheet; sheet 'B': could not tell what it holds (best guesses: "
           "raid 1.3); use --kind and --sheet")
    assert zh.message(msg) == ("b.xlsx 中没有可识别为登记册的内容；工作表“A”：无法判断其内容（最可能是：tasks 2.2）；请用 --kind "
                               "和 --sheet 指定；工作表“B”：无法判断其内容（最可能是：raid 1.3）；请用 --kind 和 --sheet 指定")


@pytest.fixture
def english_system(monkeypatch):
    """A machine in English with no PMO_LANG: only the window's choice can make `pmo` speak Chinese."""
    monkeypatch.delenv("PMO_LANG")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def _info_error(capsys, *argv) -> str:
    assert main([*argv, "info", "none.pmo"]) == 1
    return capsys.readouterr().err


def test_pmo_speaks_the_language_chosen_in_the_window(english_system, capsys, monkeypatch):
    assert _info_error(capsys) == "pmo: none.pmo does not exist\n"
    assert i18n.remember_language("zh-CN")
    assert i18n.choice_path().parent.name == "PMO Desktop"
    assert _info_error(capsys) == "pmo: none.pmo 不存在\n"
    assert _info_error(capsys, "--lang", "en") == "pmo: none.pmo does not exist\n"  # --lang wins
    monkeypatch.setenv("PMO_LANG", "en")  # and so does PMO_LANG
    assert _info_error(capsys) == "pmo: none.pmo does not exist\n"
    monkeypatch.delenv("PMO_LANG")
    assert i18n.remember_language("system")  # "System default" in the window: the system's language
    assert _info_error(capsys) == "pmo: none.pmo does not exist\n"
    assert [p.name for p in i18n.choice_path().parent.iterdir()] == ["language.json"]  # no temporary left


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b'{"language": "zh-CN"', b'["zh-CN"]',
                                     b'{"language": 7}', b'{"language": "klingon"}', b"", None])
def test_a_damaged_language_file_is_passed_over(english_system, capsys, content):
    path = i18n.choice_path()
    path.parent.mkdir(parents=True)
    if content is None:
        path.mkdir()  # a folder where the file should be
    else:
        path.write_bytes(content)
    assert i18n.remembered_language() is None
    assert _info_error(capsys) == "pmo: none.pmo does not exist\n"


def test_a_language_that_cannot_be_written_is_no_error(english_system, tmp_path, monkeypatch):
    (tmp_path / "blocked").write_text("a file where the settings folder should be")
    monkeypatch.setenv("PMO_DESKTOP_CONFIG_DIR", str(tmp_path / "blocked" / "PMO Desktop"))
    assert i18n.remember_language("zh-CN") is False
    assert i18n.resolve() == "en"
