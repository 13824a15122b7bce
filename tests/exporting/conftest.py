"""Running `pmo` in process for the export tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def pmo(capsys):
    from pmo_desktop.cli import main

    def run(argv):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run
