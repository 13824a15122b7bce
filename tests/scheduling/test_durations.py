"""Durations typed as in MS Project ('3d', '4h', '2w', '3ed', '4eh'): read, shown back as MS Project shows
them ('3 edays'), and applied to a plan as one undoable step that reschedules it."""

from __future__ import annotations

import pytest

from pmo_desktop.plans_io import apply_plan, read_mspdi
from pmo_desktop.scheduling import schedule_project
from pmo_desktop.scheduling.durations import Duration, duration_label, parse_duration_text
from pmo_desktop.scheduling.edits import set_duration_texts
from pmo_desktop.scheduling.timeline import gantt_plan
from pmo_desktop.store import PortfolioError
from tests.scheduling.test_elapsed import PLAN as SLAB


@pytest.mark.parametrize(("text", "value", "code"), [
    ("3", 3, 7), ("3d", 3, 7), ("2.5 days", 2.5, 7), ("4h", 4, 5), ("4 hrs", 4, 5), ("30m", 30, 3),
    ("2w", 2, 9), ("1mo", 1, 11), ("3ed", 3, 8), ("3 edays", 3, 8), ("4eh", 4, 6), ("4 EHRS", 4, 6),
    ("2ew", 2, 10), ("1emo", 1, 12), ("15em", 15, 4), ("3ed?", 3, 40), ("1,5d", 1.5, 7), ("0", 0, 7),
])
def test_durations_read_as_ms_project_reads_them(text, value, code):
    assert parse_duration_text(text) == Duration(value, code)


@pytest.mark.parametrize("text", ["", "abc", "3x", "-2d", "3 e", "d3", "3dd"])
def test_text_that_is_no_duration_says_so(text):
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration_text(text)


def test_minutes_of_each_unit():
    assert parse_duration_text("3ed").minutes() == 3 * 1440
    assert parse_duration_text("2ew").minutes() == 2 * 10080
    assert parse_duration_text("1emo").minutes() == 30 * 1440  # an elapsed month is 30 elapsed days
    assert parse_duration_text("2d").minutes(450) == 900  # working days at the plan's minutes per day
    assert parse_duration_text("1w").minutes(480, 2250) == 2250
    assert parse_duration_text("1mo").minutes(480, 2400, 21) == 21 * 480


def test_labels_as_ms_project_shows_them():
    assert duration_label(3 * 1440, 8) == "3 edays"
    assert duration_label(1440, 8) == "1 eday"
    assert duration_label(36 * 60, 8) == "1.5 edays"
    assert duration_label(600, 6) == "10 ehrs" and duration_label(60, 6) == "1 ehr"
    assert duration_label(2 * 10080, 10) == "2 ewks" and duration_label(43200, 44) == "1 emon?"
    assert duration_label(240, 7) == "0.5 days" and duration_label(960, 9) == "0.4 wks"
    assert duration_label(None, 8) is None and duration_label(60, None) is None


def _slab(portfolio, tmp_path):
    (tmp_path / "slab.xml").write_text(SLAB, encoding="utf-8")
    result = apply_plan(portfolio, read_mspdi(tmp_path / "slab.xml"))
    ids = dict(portfolio.conn.execute("SELECT name, id FROM tasks WHERE project_id = ?", (result.project_id,)))
    return result.project_id, ids


def _instants(portfolio, pid, ids, *names):
    tasks = schedule_project(portfolio.conn, pid).schedule.tasks
    return [(tasks[ids[n]].start_at.isoformat(timespec="minutes"), tasks[ids[n]].finish_at.isoformat(timespec="minutes"))
            for n in names]


def test_typing_elapsed_and_hour_durations_reschedules_the_plan_in_one_step(portfolio, tmp_path):
    pid, ids = _slab(portfolio, tmp_path)
    before = portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    batch = set_duration_texts(portfolio, [(ids["Cure"], "3ed"), (ids["Inspect"], "4h")])
    # The cure now runs 72 clock hours from Friday 17:00, over the weekend, to Monday 17:00; Strip waits
    # for the next working minute (Tuesday 08:00) and Dry (SS +2h) for 10:00; Inspect is half a day.
    assert _instants(portfolio, pid, ids, "Cure", "Strip", "Dry", "Inspect") == [
        ("2026-03-06T17:00", "2026-03-09T17:00"), ("2026-03-10T08:00", "2026-03-10T12:00"),
        ("2026-03-10T10:00", "2026-03-10T20:00"), ("2026-03-11T08:00", "2026-03-11T12:00")]
    stored = {r[0]: r[1:] for r in portfolio.conn.execute(
        "SELECT name, finish_date, duration_minutes, duration_format FROM tasks WHERE project_id = ?", (pid,))}
    assert stored["Cure"] == ("2026-03-09", 3 * 1440, 8) and stored["Inspect"] == ("2026-03-11", 240, 5)
    rows = {r.name: r for r in gantt_plan(portfolio.conn, pid).rows}
    assert rows["Cure"].elapsed == "3 edays" and rows["Inspect"].duration == 0.5
    portfolio.undo(batch)  # one step takes both back
    assert portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before


def test_a_bad_duration_or_a_summary_changes_nothing(portfolio, tmp_path):
    pid, ids = _slab(portfolio, tmp_path)
    before = portfolio.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    with pytest.raises(PortfolioError, match="'Strip': '3 parsecs' is not a duration"):
        set_duration_texts(portfolio, [(ids["Cure"], "3ed"), (ids["Strip"], "3 parsecs")])
    with pytest.raises(PortfolioError, match="elapsed duration must be longer than zero"):
        set_duration_texts(portfolio, [(ids["Cure"], "0ed")])
    with portfolio.batch("cli", "phase"):
        portfolio.conn.execute("UPDATE tasks SET kind = 'summary' WHERE id = ?", (ids["Permit"],))
    with pytest.raises(PortfolioError, match="summary task"):
        set_duration_texts(portfolio, [(ids["Permit"], "2d")])
    assert portfolio.conn.execute("SELECT * FROM tasks WHERE id <> ? ORDER BY id", (ids["Permit"],)).fetchall() == [
        r for r in before if r[0] != ids["Permit"]]
