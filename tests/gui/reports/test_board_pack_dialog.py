"""File ▸ Export Board Pack…: the dialog builds the PDF on a worker thread with the chosen sections,
a cancel leaves no file, a bad output path is a one-line message, and the choices are remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox, QPushButton

from pmo_desktop.gui.reports.board_pack_dialog import BoardPackDialog
from pmo_desktop.gui.shell.jobs import job_runner
from pmo_desktop.reports import remembered_options
from tests.conftest import DEMO_TODAY


@pytest.fixture
def opened():
    return []


@pytest.fixture
def dialog(window, qtbot, opened, answers):
    window.show()
    d = BoardPackDialog(window.portfolio, job_runner(window), settings=window.settings, today=DEMO_TODAY,
                        open_pdf=opened.append, parent=window)
    qtbot.addWidget(d)
    d.show()
    return d


def _export(qtbot, dialog):
    dialog.export_button.click()
    job = dialog.job
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60000):
        pass
    return job


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_export_writes_pdf_with_the_chosen_sections_and_offers_to_open_it(qtbot, dialog, window, tmp_path,
                                                                           answers, opened):
    out = tmp_path / "pack.pdf"
    dialog.choose_sections(["summary", "risks"])
    dialog.output_edit.setText(str(out))
    dialog.page_box.setCurrentIndex(dialog.page_box.findData("Letter"))
    _export(qtbot, dialog)
    assert out.is_file()
    text = _text(out)
    assert "Executive summary" in text and "Risks and issues" in text
    assert "Project pages" not in text and "Roadmap" not in text
    page = PdfReader(out).pages[0]
    assert sorted(round(float(v)) for v in (page.mediabox.width, page.mediabox.height)) == [612, 792]  # Letter
    assert not dialog.isVisible() and dialog.result.pages == len(PdfReader(out).pages)
    assert answers.questions and "Open it now?" in answers.questions[-1]
    assert opened == [out]
    saved = remembered_options(window.portfolio)
    assert saved.sections == ("summary", "risks") and saved.page_size == "Letter"
    assert list(tmp_path.glob("*.part")) == []


def test_remembered_choices_fill_the_next_dialog(qtbot, dialog, window, tmp_path):
    dialog.choose_sections(["cover", "milestones"])
    dialog.output_edit.setText(str(tmp_path / "one"))  # .pdf is added
    _export(qtbot, dialog)
    assert (tmp_path / "one.pdf").is_file()
    again = BoardPackDialog(window.portfolio, job_runner(window), settings=window.settings)
    qtbot.addWidget(again)
    assert again.chosen_sections() == ("cover", "milestones")
    assert Path(again.output_edit.text()).parent == tmp_path  # the folder used last time


def test_cancel_leaves_no_file_and_keeps_the_dialog_open(qtbot, dialog, window, tmp_path, answers):
    out = tmp_path / "pack.pdf"
    dialog.output_edit.setText(str(out))
    job_runner(window).show_after_ms = 0
    dialog.export_button.click()
    job = dialog.job
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=10000)
    assert not window.isEnabled() and not dialog.export_button.isEnabled()
    with qtbot.waitSignal(job.done, timeout=60000):
        job.dialog.findChild(QPushButton).click()
    assert job.cancelled
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")] == []
    assert dialog.isVisible() and "no file was written" in dialog.problem.text()
    assert answers.warnings == [] and window.isEnabled() and dialog.export_button.isEnabled()


def test_bad_output_path_is_a_one_line_message_and_nothing_is_written(qtbot, dialog, tmp_path, answers):
    out = tmp_path / "no such folder" / "pack.pdf"
    dialog.output_edit.setText(str(out))
    _export(qtbot, dialog)
    assert len(answers.warnings) == 1
    message = answers.warnings[0]
    assert "\n" not in message and "does not exist" in message and "Traceback" not in message
    assert not out.parent.exists()
    assert dialog.isVisible() and dialog.problem.text() == message


def test_no_section_disables_export(dialog):
    dialog.choose_sections(())
    assert not dialog.export_button.isEnabled()
    dialog.choose_sections(["cover"])
    assert dialog.export_button.isEnabled()


def test_file_menu_action_opens_the_dialog(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert window.actions["board_pack"].isEnabled()
    window.actions["board_pack"].trigger()
    found = window.findChild(BoardPackDialog)
    assert found is not None and found.isVisible()
    assert found.period_box.period() is not None
    found.reject()
    assert window.actions["board_pack"] in window.toolbar.actions()


def test_read_only_file_exports_without_remembering(qtbot, make_window, demo_path, tmp_path, answers):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    win.show()
    assert win.actions["board_pack"].isEnabled()
    d = BoardPackDialog(win.portfolio, job_runner(win), today=DEMO_TODAY, open_pdf=lambda p: None, parent=win)
    qtbot.addWidget(d)
    d.choose_sections(["cover"])
    d.output_edit.setText(str(tmp_path / "ro.pdf"))
    _export(qtbot, d)
    assert (tmp_path / "ro.pdf").is_file() and answers.warnings == []
    assert remembered_options(win.portfolio).sections is None  # nothing written to a read-only file


def test_powerpoint_format_writes_slides_and_the_name_follows(qtbot, dialog, tmp_path, answers):
    from pptx import Presentation

    dialog.output_edit.setText(str(tmp_path / "pack.pdf"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".pptx"))
    assert dialog.output_edit.text().endswith("pack.pptx") and not dialog.page_box.isEnabled()
    dialog.choose_sections(["summary", "financials"])
    _export(qtbot, dialog)
    deck = Presentation(str(tmp_path / "pack.pptx"))
    assert dialog.result.pages == len(deck.slides) >= 3
    assert "slides" in answers.questions[-1]


def test_commentary_editor_from_the_dialog_saves_what_the_pack_prints(qtbot, dialog, window):
    from pmo_desktop.reports.commentary import get_commentary

    editor = dialog.edit_commentary()
    qtbot.addWidget(editor)
    editor.editor.setPlainText("Steady month")
    editor.editor.selectAll()
    editor.make_bold()
    assert editor.editor.toPlainText() == "**Steady month**"
    editor.editor.appendPlainText("\nGo-live in March\nCutover rehearsed")
    cursor = editor.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.Up, cursor.MoveMode.KeepAnchor)
    editor.editor.setTextCursor(cursor)
    editor.make_bullets()
    assert editor.editor.toPlainText().endswith("- Go-live in March\n- Cutover rehearsed")
    assert "<b>Steady month</b>" in editor.preview.toHtml() or "font-weight" in editor.preview.toHtml()
    assert editor.save()
    period = editor.period_box.period()
    assert get_commentary(window.portfolio, period).startswith("**Steady month**")
    editor.scope_box.setCurrentIndex(1)  # a programme: the portfolio text stays saved, the editor shows the
    # programme's own (the demo writes each programme's commentary for its latest period)
    programme = editor.scope_box.currentData()
    assert editor.editor.toPlainText() == get_commentary(window.portfolio, period, programme=programme)
    assert "Steady month" not in editor.editor.toPlainText()


def test_language_follows_the_window_and_is_chosen_per_pack(qtbot, window, qapp, tmp_path, answers):
    """A Chinese window offers a Chinese pack; an English pack from the same window is one choice away."""
    from pmo_desktop.gui.shell.i18n import install_translators

    install_translators(qapp, "zh-CN")
    try:
        d = BoardPackDialog(window.portfolio, job_runner(window), settings=window.settings, today=DEMO_TODAY,
                            open_pdf=lambda _p: None, parent=window)
        qtbot.addWidget(d)
        assert d.language_box.currentData() == "zh-CN" and d.windowTitle() != "Export board pack"
        assert d.section_boxes["summary"].text() == "执行摘要"
        d.choose_sections(["summary"])
        out = tmp_path / "zh.pdf"
        d.output_edit.setText(str(out))
        d.show()
        _export(qtbot, d)
        text = _text(out)
        assert "执行摘要" in text and "Executive summary" not in text
    finally:
        install_translators(qapp, "en")
    d = BoardPackDialog(window.portfolio, job_runner(window), settings=window.settings, today=DEMO_TODAY,
                        open_pdf=lambda _p: None, parent=window)
    qtbot.addWidget(d)
    assert d.language_box.currentData() == "en"
    d.language_box.setCurrentIndex(d.language_box.findData("zh-CN"))
    assert d.options().lang == "zh-CN"
