"""Project > Collect Status Reports… and the Returned reports page, driven as the analyst would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialog

from pmo_desktop.gui.collect import collect_dialog
from pmo_desktop.gui.collect.collect_dialog import CollectDialog, collect_status_reports
from tests.collect.conftest import PERIOD, fill, workbook_for
from tests.gui.conftest import read


def _wait(qtbot, job):
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60000):
        pass
    assert job.error is None, job.message


def _collect(window, qtbot, folder: Path) -> list[Path]:
    opened = []
    job = collect_status_reports(window, period=PERIOD, folder=folder, open_after=True, opener=opened.append)
    _wait(qtbot, job)
    assert opened == [folder]
    return sorted(folder.glob("*.xlsx"))


def test_the_project_menu_action_writes_the_workbooks_and_opens_the_folder(window, qtbot, tmp_path, monkeypatch):
    project_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Project")
    assert window.actions["collect"] in project_menu.actions() and window.actions["collect"].isEnabled()
    folder = tmp_path / "November"
    opened, jobs = [], []

    def accept(dialog):
        dialog.folder.setText(str(folder))
        dialog.period.setDate(dialog.period.date().fromString(PERIOD, "yyyy-MM-dd"))
        first = dialog.programmes.item(0)
        first.setCheckState(Qt.CheckState.Unchecked)  # leave one programme out
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CollectDialog, "exec", accept)
    monkeypatch.setattr(collect_dialog, "open_folder", opened.append)
    real_run = collect_dialog.job_runner(window).run
    monkeypatch.setattr(collect_dialog.job_runner(window), "run", lambda *a, **k: jobs.append(real_run(*a, **k)))
    window.actions["collect"].trigger()
    _wait(qtbot, jobs[0])
    left_out = read(window.portfolio.path, "SELECT name FROM programmes ORDER BY name")[0][0]
    expected = read(window.portfolio.path, """SELECT count(*) FROM projects p JOIN programmes g ON g.id = p.programme_id
                                              WHERE p.status = 'Active' AND g.name <> ?""", (left_out,))[0][0]
    assert len(list(folder.glob("*.xlsx"))) == expected
    assert opened == [folder]
    assert window.history.can_undo() and "Collect status reports" in window.actions["undo"].text()


def test_dialog_counts_the_workbooks_it_will_write(window, qtbot):
    dialog = CollectDialog(window.portfolio, window)
    qtbot.addWidget(dialog)
    assert dialog.chosen_programmes() is None  # all programmes
    active = read(window.portfolio.path, "SELECT count(*) FROM projects WHERE status = 'Active'")[0][0]
    assert dialog.note.text().startswith(f"Workbooks to write: {active}, for the period ending")
    for i in range(dialog.programmes.count()):
        dialog.programmes.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.note.text() == "Choose at least one programme."


def test_returned_reports_page_previews_applies_and_names_who_is_missing(window, qtbot, tmp_path):
    sent = tmp_path / "sent"
    _collect(window, qtbot, sent)
    back = tmp_path / "inbox"
    back.mkdir()
    first = fill(workbook_for(sent, "PRJ-101"), {"Overall RAG": "Red", "Summary": "Back from the PM"},
                 save_as=back / "PRJ-101 filled.xlsx")
    junk = back / "holiday photo.xlsx"
    junk.write_text("no")
    window.show_view("returns")
    view = window.current_view()
    assert view.objectName() == "view_returns"
    missing_before = view.missing.count()
    assert missing_before == view.summary_data["sent"] - len(view.summary_data["entered"])

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(back))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    _wait(qtbot, view.job)
    assert view.table.rowCount() == 2
    outcomes = {view.table.item(r, 5).text(): view.table.item(r, 0).text() for r in range(2)}
    assert outcomes[first.name].endswith("Ready to apply") and outcomes[junk.name].endswith("Refused")
    row = [view.table.item(r, 5).text() for r in range(2)].index(first.name)
    view.table.selectRow(row)
    detail = view.detail.toPlainText()
    assert "Overall RAG: " in detail and "-> 'R'" in detail and "Summary: " in detail
    assert view.apply_button.isEnabled() and view.apply_button.text() == "Apply 1 Workbooks"

    _wait(qtbot, view.apply())
    pid = read(window.portfolio.path, "SELECT id FROM projects WHERE code = 'PRJ-101'")[0][0]
    assert read(window.portfolio.path, "SELECT rag_overall, returned_file FROM status_reports WHERE project_id = ? "
                "AND period = ?", (pid, PERIOD)) == [("R", "PRJ-101 filled.xlsx")]
    assert view.returned_label.text().startswith("1 of ")
    assert not view.apply_button.isEnabled()
    assert "Returned status report PRJ-101" in window.actions["undo"].text()

    text = view.copy_reminder()
    assert QGuiApplication.clipboard().text() == text
    assert "PRJ-101" not in text
    assert all(view.missing.item(i).text().split()[0] in text for i in range(view.missing.count()))

    window.actions["undo"].trigger()  # one workbook, one undo step
    assert read(window.portfolio.path, "SELECT returned_file FROM status_reports WHERE project_id = ? AND period = ?",
                (pid, PERIOD)) in ([], [(None,)])


def test_returned_reports_page_is_read_only_on_a_read_only_file(make_window, demo_path):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    assert not win.actions["collect"].isEnabled() and win.actions["returns"].isEnabled()
    win.actions["returns"].trigger()
    view = win.current_view()
    assert not view.add_button.isEnabled() and not view.apply_button.isEnabled()
    assert "No workbooks were sent" in view.returned_label.text()
