"""A plan exported to a workbook and imported back keeps its durations as MS Project has them: an elapsed
'3 edays' stays elapsed (not 3 working days) and a 4-hour task stays half a day (not 0)."""

from __future__ import annotations

from openpyxl import load_workbook

from pmo_desktop.cli import main
from pmo_desktop.store import create_portfolio, open_portfolio

_TASK = """INSERT INTO tasks (id, project_id, wbs, name, kind, start_date, finish_date, duration_days, duration_minutes,
           duration_format, sort_order) VALUES (?, 1, ?, ?, 'task', ?, ?, ?, ?, ?, ?)"""
PLAN = [(1, "1", "Pour", "2026-03-02", "2026-03-02", 1, 480, None, 1),
        (2, "2", "Cure", "2026-03-03", "2026-03-06", 3, 3 * 1440, 8, 2),  # 3 edays
        (3, "3", "Dry", "2026-03-06", "2026-03-07", 1.5, 36 * 60, 6, 3),  # 36 ehrs, shown as MS Project does
        (4, "4", "Inspect", "2026-03-09", "2026-03-09", 0.5, 240, None, 4)]  # 4 hours


def _durations(path) -> dict[str, tuple]:
    with open_portfolio(path, read_only=True) as pf:
        return {r[0]: r[1:] for r in pf.conn.execute(
            "SELECT name, duration_days, duration_minutes, duration_format FROM tasks")}


def _exported(path) -> dict[str, object]:
    ws = load_workbook(path)["Tasks"]
    rows = list(ws.iter_rows(values_only=True))
    name, duration = rows[0].index("Name"), rows[0].index("Duration")
    return {r[name]: r[duration] for r in rows[1:]}


def _export(tmp_path):
    """The plan in a portfolio, exported to a workbook: (portfolio, workbook)."""
    source, out = tmp_path / "source.pmo", tmp_path / "plan.xlsx"
    with create_portfolio(source) as pf, pf.batch("cli", "plan"):
        pf.conn.execute("INSERT INTO projects (id, code, name) VALUES (1, 'PLT', 'Plant')")
        pf.conn.executemany(_TASK, PLAN)
    assert main(["export", str(source), str(out)]) == 0
    return source, out


def test_elapsed_and_part_day_durations_survive_export_and_import(tmp_path):
    _source, out = _export(tmp_path)
    assert _exported(out) == {"Pour": 1, "Cure": "3 edays", "Dry": "36 ehrs", "Inspect": 0.5}

    target = tmp_path / "target.pmo"
    with create_portfolio(target) as pf, pf.batch("cli", "project"):
        pf.conn.execute("INSERT INTO projects (id, code, name) VALUES (1, 'PLT', 'Plant')")
    assert main(["import", str(target), str(out), "--sheet", "Tasks", "--kind", "tasks"]) == 0
    back = _durations(target)
    assert back["Cure"] == (3, 4320, 8) and back["Dry"] == (1.5, 2160, 6)
    assert back["Inspect"][0] == 0.5 and back["Pour"][0] == 1

    again = tmp_path / "again.xlsx"  # and out again as it went in
    assert main(["export", str(target), str(again)]) == 0
    assert _exported(again) == _exported(out)


def test_plain_days_typed_over_an_elapsed_task_put_it_back_on_working_time(tmp_path):
    source, out = _export(tmp_path)
    wb = load_workbook(out)
    ws = wb["Tasks"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("Name")].value == "Cure":
            row[header.index("Duration")].value = "4d"
    wb.save(out)
    assert main(["import", str(source), str(out), "--sheet", "Tasks", "--kind", "tasks"]) == 0
    back = _durations(source)
    assert back["Cure"] == (4, None, None)
    assert back["Dry"] == (1.5, 2160, 6)  # untouched
