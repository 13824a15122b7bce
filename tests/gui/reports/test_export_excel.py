"""File > Export to Excel writes the workbook `pmo export` writes, off the GUI thread."""

from openpyxl import load_workbook

from pmo_desktop.gui.reports.export_excel import export_to_excel


def test_export_writes_every_register(window, qtbot, tmp_path):
    target = tmp_path / "registers.xlsx"
    results = []
    job = export_to_excel(window, target, on_done=results.append)
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60000):
        pass
    assert results and results[0]["Projects"] == 40
    wb = load_workbook(target, read_only=True)
    assert "Projects" in wb.sheetnames and "RAID log" in wb.sheetnames
    assert "registers.xlsx" in window.statusBar().currentMessage()


def test_export_to_missing_folder_is_one_line(window, answers, tmp_path):
    assert export_to_excel(window, tmp_path / "nowhere" / "x.xlsx") is None
    assert answers.errors == [("Could not export", f"folder {tmp_path / 'nowhere'} does not exist")]
    assert not (tmp_path / "nowhere").exists()


def test_export_action_is_in_the_file_menu_and_works_read_only(make_window, demo_path):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path, read_only=True))
    assert win.actions["export"].isEnabled()
    file_menu = win.menuBar().actions()[0].menu()
    assert win.actions["export"] in file_menu.actions()
