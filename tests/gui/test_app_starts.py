"""The application opens a portfolio and renders offscreen."""

from pmo_desktop.gui.app import main


def test_screenshot_of_demo(demo_path, tmp_path, qapp):
    png = tmp_path / "shot.png"
    assert main([str(demo_path), "--screenshot", str(png)]) == 0
    assert png.stat().st_size > 10_000


def test_screenshot_refuses_bad_file(tmp_path, qapp, capsys):
    bad = tmp_path / "bad.pmo"
    bad.write_text("nope")
    assert main([str(bad), "--screenshot", str(tmp_path / "x.png")]) == 1
    assert "not an SQLite database" in capsys.readouterr().err
