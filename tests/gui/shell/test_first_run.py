"""First run: the welcome dialog's three choices, and what opens when no file is given."""

from __future__ import annotations

from pathlib import Path

from pmo_desktop.gui.shell.first_run import WelcomeDialog, start_portfolio
from pmo_desktop.store import create_portfolio


def _dialog(qtbot, new=None, open_=None):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.ask_new_path = lambda: new
    dialog.ask_open_path = lambda: open_
    return dialog


def test_create_adds_the_pmo_suffix_and_closes(qtbot, tmp_path):
    dialog = _dialog(qtbot, new=tmp_path / "Mine")
    dialog.new_button.click()
    assert dialog.choice == ("new", tmp_path / "Mine.pmo")
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted


def test_open_returns_the_chosen_file(qtbot, tmp_path):
    dialog = _dialog(qtbot, open_=tmp_path / "theirs.pmo")
    dialog.open_button.click()
    assert dialog.choice == ("open", tmp_path / "theirs.pmo")


def test_demo_needs_no_file(qtbot):
    dialog = _dialog(qtbot)
    dialog.demo_button.click()
    assert dialog.choice == ("demo", None)


def test_cancelled_file_dialog_keeps_the_choices(qtbot):
    dialog = _dialog(qtbot, new=None, open_=None)
    dialog.show()
    dialog.new_button.click()
    dialog.open_button.click()
    assert dialog.choice is None and dialog.isVisible()


def test_start_creates_a_new_portfolio(qapp, qsettings, prompts, tmp_path):
    target = tmp_path / "new.pmo"
    pf = start_portfolio(qsettings, prompts, demo=_no_demo, ask=lambda: ("new", target))
    try:
        assert pf.path == target and pf.counts()["projects"] == 0
    finally:
        pf.close()


def test_start_opens_the_chosen_file(qapp, qsettings, prompts, demo_path):
    pf = start_portfolio(qsettings, prompts, demo=_no_demo, ask=lambda: ("open", demo_path))
    try:
        assert pf.path == demo_path and pf.counts()["projects"] == 40
    finally:
        pf.close()


def test_start_with_the_demo_builds_it_once(qapp, qsettings, prompts, tmp_path):
    made = []

    def demo() -> Path:
        path = tmp_path / "demo.pmo"
        if not path.exists():
            create_portfolio(path).close()
            made.append(path)
        return path

    for _ in range(2):
        pf = start_portfolio(qsettings, prompts, demo=demo, ask=lambda: ("demo", None))
        assert pf.path == tmp_path / "demo.pmo"
        pf.close()
    assert len(made) == 1


def test_closing_the_dialog_opens_the_demo(qapp, qsettings, prompts, tmp_path):
    path = tmp_path / "demo.pmo"
    create_portfolio(path).close()
    pf = start_portfolio(qsettings, prompts, demo=lambda: path, ask=lambda: None)
    try:
        assert pf.path == path
    finally:
        pf.close()


def test_bad_file_is_reported_not_opened(qapp, qsettings, prompts, answers, tmp_path):
    bad = tmp_path / "bad.pmo"
    bad.write_text("not a portfolio")
    assert start_portfolio(qsettings, prompts, demo=_no_demo, ask=lambda: ("open", bad)) is None
    assert answers.errors and answers.errors[0][0] == "Not a portfolio"


def test_most_recent_file_opens_without_asking(qapp, qsettings, prompts, demo_path, tmp_path):
    qsettings.setValue("recent", [str(tmp_path / "gone.pmo"), str(demo_path)])
    pf = start_portfolio(qsettings, prompts, demo=_no_demo, ask=_must_not_ask)
    try:
        assert pf.path == demo_path
    finally:
        pf.close()


def test_no_recent_file_left_asks(qapp, qsettings, prompts, tmp_path):
    qsettings.setValue("recent", [str(tmp_path / "gone.pmo")])
    asked = []
    start_portfolio(qsettings, prompts, demo=_no_demo, ask=lambda: asked.append(1) or ("open", tmp_path / "x.pmo"))
    assert asked == [1]


def _no_demo() -> Path:
    raise AssertionError("the demo was not asked for")


def _must_not_ask():
    raise AssertionError("the welcome dialog was shown although a recent file exists")
