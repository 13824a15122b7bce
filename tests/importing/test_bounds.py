"""Bounds with one-line refusals naming the limit, checked before the work they bound (smaller versions
of benchmarks/hostile_inputs.py's files: each still crosses the limit)."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_desktop.cli import main
from pmo_desktop.domain.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_DEPTH, MAX_LINE_CHARS, MAX_SPAN_DAYS
from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.importing.readers import read_file
from pmo_desktop.plans_io import PlanFileError, read_gan, read_mspdi
from pmo_desktop.scheduling import CalendarError, WorkCalendar
from tests.importing.xlsx_parts import workbook_bytes


def _gan(path, tasks: str):
    path.write_text(f'<?xml version="1.0"?><project name="x"><tasks>{tasks}</tasks></project>')
    return path


@pytest.mark.parametrize("attrs", ['duration="999999999"', 'duration="36526"'])
def test_a_gan_duration_past_100_years_is_refused_before_any_calendar_walk(tmp_path, attrs):
    path = _gan(tmp_path / "long.gan", f'<task id="1" name="Forever" start="2026-01-05" {attrs}/>')
    with pytest.raises(PlanFileError, match=r"long.gan: the duration of task 'Forever' .*100 years"):
        read_gan(path)


def test_a_gan_lag_past_100_years_is_refused(tmp_path):
    path = _gan(tmp_path / "lag.gan", '<task id="1" name="A" start="2026-01-05" duration="1">'
                '<depend id="2" type="2" difference="99999999"/></task>'
                '<task id="2" name="B" start="2026-01-05" duration="1"/>')
    with pytest.raises(PlanFileError, match="a lag after task 'A' .*100 years"):
        read_gan(path)


def test_gan_nesting_past_the_limit_is_refused_and_at_the_limit_read(tmp_path):
    def nested(n):
        return "".join(f'<task id="{i}" name="T{i}" start="2026-01-05" duration="1">' for i in range(n)) + "</task>" * n

    with pytest.raises(PlanFileError, match=f"nested more than {MAX_DEPTH} levels"):
        read_gan(_gan(tmp_path / "deep.gan", nested(MAX_DEPTH + 1)))
    plan = read_gan(_gan(tmp_path / "ok.gan", nested(MAX_DEPTH)))
    assert len(plan.tasks) == MAX_DEPTH


def _mspdi(path, tasks: str):
    path.write_text('<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project">'
                    f'<Name>x</Name><Tasks>{tasks}</Tasks></Project>')
    return path


def test_mspdi_outline_levels_and_durations_are_bounded(tmp_path):
    deep = _mspdi(tmp_path / "deep.xml", f"<Task><UID>1</UID><ID>1</ID><Name>Deep</Name>"
                  f"<OutlineLevel>{MAX_DEPTH + 1}</OutlineLevel></Task>")
    with pytest.raises(PlanFileError, match=f"deep.xml: 'Deep' is nested more than {MAX_DEPTH} levels"):
        read_mspdi(deep)
    long = _mspdi(tmp_path / "long.xml", "<Task><UID>1</UID><ID>1</ID><Name>Long</Name><OutlineLevel>1</OutlineLevel>"
                  "<Duration>PT99999999H0M0S</Duration></Task>")
    with pytest.raises(PlanFileError, match="long.xml: the duration of task 'Long' .*100 years"):
        read_mspdi(long)


def test_a_calendar_never_walks_past_its_reach():
    cal = WorkCalendar(origin=date(2026, 1, 5))
    with pytest.raises(CalendarError, match="100 years"):
        cal.add_days(date(2026, 1, 5), 999_999_999)
    assert cal.add_days(date(2026, 1, 5), MAX_SPAN_DAYS) > date(2026, 1, 5)


def test_a_stored_duration_past_the_limit_skips_that_plan_only(demo_path, capsys):
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE tasks SET duration_days = 999999999 WHERE id = (SELECT min(id) FROM tasks WHERE kind = 'task' "
                 "AND actual_start IS NULL)")
    conn.commit()
    conn.close()
    assert main(["schedule", str(demo_path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "100 years" in captured.err and "task dates changed" in captured.out


def test_csv_columns_past_excels_limit_are_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join("c" for _ in range(MAX_COLUMNS + 1)) + "\n")
    with pytest.raises(ImportRefused, match=f"wide.csv: line 1 has {MAX_COLUMNS + 1:,} columns"):
        read_file(path)


def test_a_csv_line_past_the_limit_is_refused_before_it_is_held(tmp_path):
    path = tmp_path / "line.csv"
    path.write_text("Code,Name\n" + "a," * (MAX_LINE_CHARS // 2 + 1) + "\n")
    with pytest.raises(ImportRefused, match=f"line.csv: line 2 is longer than {MAX_LINE_CHARS:,} characters"):
        read_file(path)


@pytest.mark.parametrize("quoted", [False, True])
def test_a_csv_cell_past_excels_limit_is_refused(tmp_path, quoted):
    path = tmp_path / "cell.csv"
    text = "x" * (MAX_CELL_CHARS + 1)
    path.write_text("Code,Name\nP1," + (f'"{text[:50]}\n{text}"' if quoted else text) + "\n")
    with pytest.raises(ImportRefused, match=f"cell.csv: a cell .* {MAX_CELL_CHARS:,}"):
        read_file(path)


def _sheet_xml(path, cells: str, *, dimension: str = ""):
    path.write_bytes(workbook_bytes('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                                    f'spreadsheetml/2006/main">{dimension}<sheetData>{cells}</sheetData></worksheet>'))
    return path


def test_an_xlsx_cell_past_excels_last_column_or_row_is_refused(tmp_path):
    wide = _sheet_xml(tmp_path / "wide.xlsx", '<row r="1"><c r="XFE1" t="inlineStr"><is><t>x</t></is></c></row>')
    with pytest.raises(ImportRefused, match="wide.xlsx: sheet 'S' has cells past column 16,384"):
        read_file(wide)
    tall = _sheet_xml(tmp_path / "tall.xlsx", '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')
    with pytest.raises(ImportRefused, match="tall.xlsx: sheet 'S' has rows past row 1,048,576"):
        read_file(tall)


def test_an_xlsx_cell_past_excels_length_is_refused(tmp_path):
    long = _sheet_xml(tmp_path / "long.xlsx",
                      f'<row r="1"><c r="A1" t="inlineStr"><is><t>{"x" * (MAX_CELL_CHARS + 1)}</t></is></c></row>')
    with pytest.raises(ImportRefused, match=f"long.xlsx: sheet 'S': .* {MAX_CELL_CHARS + 1:,} characters"):
        read_file(long)


def test_a_sheet_without_a_dimension_is_read(tmp_path):
    book = read_file(_sheet_xml(tmp_path / "nodim.xlsx", '<row r="1"><c r="A1"><v>7</v></c></row>'))
    assert book.sheets[0].rows == [[7]]
