"""The bundle's launcher: which face runs, and matplotlib's font cache kept between runs."""

from __future__ import annotations

import os

from pmo_desktop import launcher
from pmo_desktop.store.backups import data_dir


def test_font_cache_goes_to_the_data_folder_not_a_temporary_one(monkeypatch, tmp_path):
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "temporary"))
    launcher.use_persistent_matplotlib_cache()
    assert os.environ["MPLCONFIGDIR"] == str(data_dir() / "cache" / "matplotlib")
    assert (data_dir() / "cache" / "matplotlib").is_dir()


def test_unwritable_cache_leaves_the_temporary_folder(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PMO_DESKTOP_DATA_DIR", str(blocker))  # cache/ cannot be made under a file
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "temporary"))
    launcher.use_persistent_matplotlib_cache()
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "temporary")


def test_the_executable_name_picks_the_face(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["/opt/PMO Desktop/pmo", "--version"])
    try:
        launcher.main()
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.startswith("pmo ")
