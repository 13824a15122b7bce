"""The `pmo` command: the automation face of PMO Desktop, used by tests and benchmarks too.

Exit codes: 0 ok, 1 user error (one line on stderr), 2 usage. `--json` prints one JSON object on
stdout and nothing else there. No traceback ever reaches the user: unexpected errors are written to
a log file in the data folder and summarised in one line.
"""

from __future__ import annotations

import argparse
import gettext
import importlib
import os
import sqlite3
import sys
import traceback
from datetime import datetime

from pmo_desktop import __version__, i18n
from pmo_desktop.commands.common import UserError, set_output
from pmo_desktop.store import PortfolioError
from pmo_desktop.store.backups import data_dir
from pmo_desktop.store.errors import no_space_message, storage_error
from pmo_desktop.store.files import is_disk_full

# One module per area; each adds its sub-commands with `register(sub)`. Modules are imported only for
# the command being run (the board pack alone pulls in matplotlib and reportlab: ~1 s), so `pmo info`
# starts quickly; `pmo --help` and an unknown command load them all. tests/cli/test_cli_table.py checks
# that COMMANDS names exactly what each module registers.
COMMAND_MODULES = ["core", "transfer", "plans", "finance", "reports", "governance", "capacity", "collect", "benefits",
                   "sync"]
COMMANDS = {
    "new": "core", "info": "core", "check": "core",
    "import": "transfer", "export": "transfer",
    "schedule": "plans", "import-plan": "plans", "export-plan": "plans",
    "summary": "finance",
    "board-pack": "reports", "commentary": "reports",
    "gates": "governance", "book-of-work": "governance", "lessons": "governance", "advance": "governance",
    "capacity": "capacity", "who": "capacity", "labour": "capacity", "people": "capacity",
    "collect": "collect",
    "benefits": "benefits", "scenario": "benefits",
    "share": "sync", "clone": "sync", "sync": "sync", "conflicts": "sync", "resolve": "sync", "members": "sync",
}


def command_module(name: str):
    return importlib.import_module(f"pmo_desktop.commands.{name}")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as argparse does, but without the usage dump
        self.exit(2, f"pmo: {message} (see 'pmo {self._sub_name()}--help')\n")

    def _sub_name(self) -> str:
        parts = self.prog.split()[1:]
        return " ".join(parts) + " " if parts else ""


def build_parser(argv: list[str] | None = None, lang: str = i18n.DEFAULT) -> argparse.ArgumentParser:
    """The parser; given the arguments, only the module of the command they name is loaded."""
    # argparse's own words ("usage:", "options", ...) are read as parsers are made and printed
    argparse._ = gettext.gettext if lang == i18n.DEFAULT else i18n.catalogue(lang).text
    parser = _Parser(prog="pmo", description="PMO Desktop portfolio tools")
    parser.add_argument("--version", action="version", version=f"pmo {__version__}")
    parser.add_argument("--lang", metavar="LANG",
                        help="language of messages and help: en or zh-CN (default: PMO_LANG, then the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    first = next((a for a in (argv or []) if not a.startswith("-")), None)
    names = [COMMANDS[first]] if first in COMMANDS else COMMAND_MODULES
    for name in names:
        command_module(name).register(sub)
    if lang != i18n.DEFAULT:
        _localise(parser, i18n.catalogue(lang))
    return parser


def _localise(parser: argparse.ArgumentParser, cat: i18n.Catalogue) -> None:
    """Help texts and descriptions in the catalogue's language, sub-commands included."""
    parser.description = cat.message(parser.description) if parser.description else parser.description
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = cat.message(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = cat.message(choice.help) if choice.help else choice.help
            for sub in {id(p): p for p in action.choices.values()}.values():
                _localise(sub, cat)


def _language(argv: list[str]) -> str:
    """`pmo --lang X COMMAND ...` (before the command; a command's own --lang is its own), else the
    PMO_LANG variable, else the system's language."""
    for i, arg in enumerate(argv):
        if not arg.startswith("-"):
            break
        if arg == "--lang" and i + 1 < len(argv):
            return i18n.normalise(argv[i + 1]) or i18n.DEFAULT
        if arg.startswith("--lang="):
            return i18n.normalise(arg.split("=", 1)[1]) or i18n.DEFAULT
    return i18n.resolve()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    global _LANG
    _LANG = _language(argv)
    if argv[:1] == ["--lang"]:
        argv = argv[2:]
    elif argv[:1] and argv[0].startswith("--lang="):
        argv = argv[1:]
    parser = build_parser(argv, _LANG)
    args = parser.parse_args(argv)
    args.lang_ui = _LANG
    portfolio = getattr(args, "file", None)
    set_output(_LANG, portfolio)
    try:
        code = args.run(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # the reader went away (`pmo info FILE | head`): nothing to say
        _silence_stdout()
        return 1
    except (PortfolioError, UserError) as exc:
        return _fail(str(exc))
    except sqlite3.DatabaseError as exc:
        full = storage_error(exc, portfolio) if portfolio is not None else None
        if full is not None:
            return _fail(str(full))
        return _fail(f"the portfolio file is damaged or unreadable ({exc}); restore it from a backup")
    except OSError as exc:
        if is_disk_full(exc):
            return _fail(no_space_message(exc.filename or portfolio or "the output"))
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        return _fail(f"cannot access{where}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was changed by the unfinished step", code=130)
    except Exception as exc:  # last resort: keep the traceback for us, one line for the user
        stored = _stored_values_problem(portfolio) if isinstance(exc, _DATA_ERRORS) else None
        if stored:
            return _fail(stored)
        log = _write_crash_log()
        return _fail(f"unexpected error: {type(exc).__name__}: {exc} (details in {log})")


_LANG = i18n.DEFAULT

# What code that trusts the schema raises when a file holds values the schema forbids.
_DATA_ERRORS = (ValueError, TypeError, KeyError, IndexError, ArithmeticError)


def _stored_values_problem(portfolio) -> str | None:
    """One line naming the file and a value in it that breaks the schema's rules, if there is one."""
    from pathlib import Path

    from pmo_desktop.store import open_portfolio
    from pmo_desktop.store.sanity import broken_values

    if portfolio is None or not Path(portfolio).is_file():
        return None
    try:
        with open_portfolio(portfolio, read_only=True) as pf:
            found = broken_values(pf.conn)
    except (PortfolioError, sqlite3.Error):
        return None
    if not found:
        return None
    more = "" if len(found) == 1 else " and more" if len(found) >= 20 else f" and {len(found) - 1} more"
    return (f"{Path(portfolio).name} holds values PMO Desktop does not write ({found[0]}{more}); "
            f"'pmo check {portfolio}' lists them: correct them or restore a backup")


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests capture it)
        pass


def _fail(message: str, code: int = 1) -> int:
    print(f"pmo: {i18n.message(message, _LANG)}", file=sys.stderr)
    return code


def _write_crash_log() -> str:
    """A new log file per crash, never one that exists (two crashes in one second keep both)."""
    try:
        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"pmo-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"
        for n in range(1000):
            path = folder / (f"{stem}.log" if n == 0 else f"{stem}-{n}.log")
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(traceback.format_exc())
            return str(path)
        return "no log could be written"
    except OSError:
        return "no log could be written"


if __name__ == "__main__":
    sys.exit(main())
