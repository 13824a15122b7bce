"""The `pmo` command loads only the module of the command it runs; its table must stay true."""

import argparse
import subprocess
import sys

from pmo_desktop.cli import COMMAND_MODULES, COMMANDS, command_module


def test_command_table_matches_what_modules_register():
    registered = {}
    for name in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        command_module(name).register(sub)
        for command in sub.choices:
            registered[command] = name
    assert registered == COMMANDS


def test_info_does_not_load_the_board_pack(demo_path):
    code = (
        "import sys; from pmo_desktop.cli import main; rc = main(['info', sys.argv[1]]); "
        "sys.exit(rc or (3 if 'matplotlib' in sys.modules or 'reportlab' in sys.modules else 0))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(demo_path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_unknown_command_lists_every_command(capsys):
    import pytest

    from pmo_desktop.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "board-pack" in err and "capacity" in err and "new" in err
