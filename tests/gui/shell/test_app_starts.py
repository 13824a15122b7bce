"""The application opens a portfolio and renders each view offscreen."""

import pytest

from pmo_desktop.gui.shell.app import main


@pytest.mark.parametrize("view", ["projects", "raid", "milestones", "status", "roadmap", "gantt"])
def test_screenshot_of_each_view(demo_path, tmp_path, qapp, view):
    png = tmp_path / f"{view}.png"
    assert main([str(demo_path), "--screenshot", str(png), "--view", view]) == 0
    assert png.stat().st_size > 10_000


def test_screenshot_refuses_bad_file(tmp_path, qapp, capsys):
    bad = tmp_path / "bad.pmo"
    bad.write_text("nope")
    assert main([str(bad), "--screenshot", str(tmp_path / "x.png")]) == 1
    assert "not an SQLite database" in capsys.readouterr().err


def test_screenshot_refuses_unknown_view(demo_path, tmp_path, qapp, capsys):
    assert main([str(demo_path), "--screenshot", str(tmp_path / "x.png"), "--view", "pert"]) == 2
    assert "no view called 'pert'" in capsys.readouterr().err


def test_no_file_opens_the_demo(tmp_path, qapp):
    png = tmp_path / "demo.png"
    assert main(["--screenshot", str(png)]) == 0
    assert png.exists()


def test_screenshot_at_a_laptop_size(demo_path, tmp_path, qapp):
    from PySide6.QtGui import QImage

    png = tmp_path / "small.png"
    assert main([str(demo_path), "--screenshot", str(png), "--view", "dashboard", "--size", "1280x720"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 720)


@pytest.mark.parametrize("size", ["1280", "big", "100x100", "x720"])
def test_screenshot_refuses_a_bad_size(demo_path, tmp_path, qapp, capsys, size):
    with pytest.raises(SystemExit) as exit_:
        main([str(demo_path), "--screenshot", str(tmp_path / "x.png"), "--size", size])
    assert exit_.value.code == 2
    assert "window size" in capsys.readouterr().err
