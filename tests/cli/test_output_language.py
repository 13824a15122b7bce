"""What the `pmo` command prints, in the user's language: every text line from the catalogue.

Two checks, because each catches what the other cannot:
- the source check reads every say()/phrase()/TextProgress() text of pmo_desktop/commands/ with ast, so
  a line printed only on a rare branch (a refused workbook, a sync conflict) is checked without
  building the data that reaches it, and a line printed with bare print() fails;
- the run check prints the commands in zh-CN on the demo portfolio and fails on any text the catalogue
  did not know, which also covers the messages services write (findings, notes, reasons) that reach the
  screen through msg() and cannot be listed from the source.
"""

from __future__ import annotations

import ast
import builtins
import re
import string
from pathlib import Path

import pytest

from pmo_desktop import i18n
from pmo_desktop.cli import main

COMMANDS = Path(__file__).parents[2] / "pmo_desktop" / "commands"
TEXT_FUNCTIONS = {"say", "phrase", "TextProgress"}
_FIELD = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def _texts() -> list[tuple[str, int, str]]:
    """(file, line, text) of each literal said or phrased in the commands' source."""
    found = []
    for path in sorted(COMMANDS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name == "print" and path.name != "common.py":
                found.append((path.name, node.lineno, "<bare print(): use say()>"))
            if name not in TEXT_FUNCTIONS or not node.args or path.name == "common.py":  # their own definitions
                continue
            arg = node.args[0]
            options = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for option in options:
                if isinstance(option, ast.Constant) and isinstance(option.value, str):
                    found.append((path.name, node.lineno, option.value))
                else:
                    found.append((path.name, node.lineno, f"<not a literal: {ast.unparse(option)}>"))
    return found


def _words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", _FIELD.sub("", text)))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_printed_text_of_every_command_has_a_zh_cn_entry():
    texts = _texts()
    assert len(texts) > 150  # the commands' lines are found at all
    bad = [f"{f}:{n}: {t}" for f, n, t in texts if t.startswith("<")]
    assert not bad, "print every line through say()/phrase() with a literal text:\n" + "\n".join(bad)
    zh = i18n.catalogue("zh-CN").texts
    missing = sorted({t for _, _, t in texts if _words(t) and t not in zh})
    assert not missing, ("printed texts without a zh-CN entry: add them to resources/i18n/zh-CN.json (\"texts\") "
                         "with the terms of resources/i18n/glossary-zh-CN.md:\n" + "\n".join(missing))
    wrong = sorted(t for _, _, t in texts if t in zh and not _fields(zh[t]) <= _fields(t))
    assert not wrong, "translations with {placeholders} the English does not have:\n" + "\n".join(wrong)


def test_a_translation_uses_only_the_placeholders_of_its_english():
    """(It may leave one out: the English plural 's' of "row{s}" has no Chinese.)"""
    zh = i18n.catalogue("zh-CN").texts
    wrong = [k for k, v in zh.items() if "{" in k and "%" not in k and not _fields(v) <= _fields(k)]
    assert not wrong, "\n".join(wrong)


def _raised_messages():
    """(file, line, sample) of each message a service or command raises for the user: its literal text,
    or its f-string with 'Xq' for each value, as the shape matching sees it."""
    root = COMMANDS.parent
    for path in sorted(root.rglob("*.py")):
        if "gui" in path.relative_to(root).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
            if not name.endswith(("Error", "Refused", "Problem")) or hasattr(builtins, name):
                continue
            arg = node.exc.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield path.name, node.lineno, arg.value
            elif isinstance(arg, ast.JoinedStr):
                yield path.name, node.lineno, "".join(p.value if isinstance(p, ast.Constant) else "Xq"
                                                      for p in arg.values)


def test_every_message_raised_for_the_user_has_a_zh_cn_entry():
    """What `pmo` prints on stderr (and the window in its message boxes) is translated by shape: each
    message raised with a PMO Desktop error class must match an entry."""
    zh = i18n.catalogue("zh-CN")
    found = list(_raised_messages())
    assert len(found) > 300
    missing = sorted({f"{f}:{n}: {m}" for f, n, m in found if _words(m.replace("Xq", "")) and zh.message(m) == m})
    assert not missing, ("messages without a zh-CN entry: add them to resources/i18n/zh-CN.json with {placeholders} "
                         "for the values:\n" + "\n".join(missing))


RUNS = [
    ["info"], ["check"], ["summary"], ["schedule"], ["gates"], ["book-of-work", "--cap", "5m"], ["lessons"],
    ["benefits"], ["capacity"], ["who", "--skill", "Python"], ["labour"], ["people"], ["scenario", "list"],
    ["scenario", "compare", "live", "Trim 10%, fund an idea"], ["sync", "--status"],
]


def test_commands_print_chinese_in_zh_cn_with_nothing_missing(demo_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")  # the date format is unset: the system's
    zh = i18n.catalogue("zh-CN")
    zh.missed.clear()
    out = {}
    for run in RUNS:
        code = main(["--lang", "zh-CN", run[0], str(demo_path), *run[1:]])
        captured = capsys.readouterr()
        assert code == 0, (run, captured.err)
        out[run[0] + " " + " ".join(run[1:])] = captured.out
    assert not zh.missed, "texts printed in English in zh-CN:\n" + "\n".join(sorted(zh.missed))
    # the portfolio's date setting is unset: the Chinese form, in lines and in service messages alike
    chinese_date = r"\d{4}年\d{1,2}月\d{1,2}日"
    assert re.search(f"报告期截至 {chinese_date}", out["summary "])
    assert re.search(f"完成日期 {chinese_date}", out["schedule "])
    assert re.search(f"最近报告期       {chinese_date}", out["info "])
    assert not re.search(r"\d{4}-\d{2}-\d{2}", "".join(out.values()))
    assert "资金线：£5,000,000" in out["book-of-work --cap 5m"]


def test_dates_follow_the_portfolio_date_format_setting(demo_path, capsys):
    from pmo_desktop.domain.enums import Source
    from pmo_desktop.store import open_portfolio

    with open_portfolio(demo_path) as pf:
        pf.set_settings({"date_format": "dmy"}, source=Source.CLI)
    assert main(["--lang", "zh-CN", "summary", str(demo_path)]) == 0
    assert re.search(r"报告期截至 \d\d/\d\d/\d{4}（", capsys.readouterr().out)
    assert main(["--lang", "en", "check", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"no status report for \d\d/\d\d/\d{4}", out)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out)


def test_english_output_reads_as_before(demo_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert main(["--lang", "en", "info", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"  latest period    \d{1,2} [A-Z][a-z]{2} \d{4}\n", out) and "\n  projects   " in out
    assert main(["--lang", "en", "book-of-work", str(demo_path), "--cap", "5m"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rank  Code       Score           Cost     Cumulative  Fund  Project\n")


@pytest.mark.parametrize(("value", "shown"), [("2026-11-30", "2026年11月30日"), ("2026-11-30T09:15:00", "2026年11月30日 09:15"),
                                              ("report-2026-11-30.xlsx", "report-2026-11-30.xlsx"), ("2026-11", "2026-11")])
def test_day_shows_dates_and_leaves_other_values(value, shown, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    from pmo_desktop.commands import common

    common.set_output("zh-CN")
    try:
        assert common.day(value) == shown
        assert common.msg(f"finish moved to {value}").endswith(shown)
    finally:
        common.set_output(i18n.DEFAULT)


def test_every_value_of_a_fixed_list_prints_in_chinese():
    """word() shows stages, statuses, RAG letters... from the catalogue; a value of a closed list without
    an entry would print in English in a Chinese line."""
    from pmo_desktop.benefits import model as benefits
    from pmo_desktop.domain import enums
    from pmo_desktop.finance.summary import RAG_KEYS
    from pmo_desktop.governance import gates, lessons
    from pmo_desktop.sync import members

    words = i18n.words("zh-CN")
    lists = [*(v.value for cls in (enums.Stage, enums.ProjectStatus, enums.Priority, enums.RaidType,
                                   enums.RaidStatus, enums.Response) for v in cls),
             *benefits.STATUSES, *benefits.TYPES, *gates.DECISIONS, *lessons.STATUSES, *members.ROLES, *RAG_KEYS,
             "error", "warning", "info"]
    missing = sorted({v for v in lists if v not in words})
    assert not missing, "add these to the \"words\" of resources/i18n/zh-CN.json: " + ", ".join(missing)
