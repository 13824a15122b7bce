"""Shared fixtures: a fresh portfolio per test, the demo portfolio, the samples folder.

The tests set QT_QPA_PLATFORM=offscreen themselves and keep every file they write (portfolios,
backups, logs, QSettings) inside pytest's temporary folders.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.sync.pg import pg_db, pg_server, small_demo, team  # noqa: F401  (a real PostgreSQL, issue 13)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENPYXL_LXML", "False")  # as pmo_desktop sets it, for tests that import openpyxl first

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
DEMO_TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Backups, logs and the GUI's demo file go to a per-test folder, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("PMO_DESKTOP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("PMO_DESKTOP_CONFIG_DIR", str(folder / "config" / "PMO Desktop"))  # the language file
    monkeypatch.setenv("PMO_LANG", "en")  # messages in English whatever the machine's locale
    return folder


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    return SAMPLES


@pytest.fixture
def portfolio(tmp_path):
    """A fresh, empty portfolio open for writing."""
    from pmo_desktop.store import create_portfolio

    pf = create_portfolio(tmp_path / "fresh.pmo")
    yield pf
    pf.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    from pmo_desktop.demo import build_demo
    from pmo_desktop.store import create_portfolio

    path = tmp_path_factory.mktemp("demo") / "demo.pmo"
    create_portfolio(path, populate=lambda pf: build_demo(pf, projects=40, seed=1, today=DEMO_TODAY)).close()
    return path


@pytest.fixture
def demo_path(_demo_template, tmp_path) -> Path:
    """A private copy of the 40-project demo portfolio (built once per session)."""
    target = tmp_path / "demo.pmo"
    shutil.copy(_demo_template, target)
    return target


@pytest.fixture
def demo(demo_path):
    from pmo_desktop.store import open_portfolio

    pf = open_portfolio(demo_path)
    yield pf
    pf.close()
