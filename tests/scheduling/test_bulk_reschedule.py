"""A portfolio reschedule writes its tasks and project dates in bulk (store/bulk.py); the change log,
and so undo and History, is the one the row-by-row triggers would have kept."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from pmo_desktop.scheduling import plan_dates, reschedule
from pmo_desktop.store import bulk, create_portfolio
from pmo_desktop.sync.history import record_changes
from tests.store.test_bulk import batch_log


def _portfolio(path, projects: int = 60):
    """Projects of a phase, six tasks and a milestone in a chain, every fifth one gated by an earlier
    project's milestone; tasks typed in with dates the schedule moves (some already right)."""
    rng = random.Random(5)
    pf = create_portfolio(path)
    with pf.batch("cli", "load"):
        for p in range(1, projects + 1):
            pf.conn.execute("INSERT INTO projects (id, code, name, start_date) VALUES (?, ?, ?, '2026-01-05')",
                            (p, f"P{p:03d}", f"Project {p}"))
            base = p * 10
            pf.conn.execute("INSERT INTO tasks (id, project_id, name, kind, sort_order) VALUES (?, ?, 'Phase', "
                            "'summary', 0)", (base, p))
            for k in range(1, 8):
                start = date(2026, 1, 5) + timedelta(days=rng.randint(0, 30))
                pf.conn.execute(
                    """INSERT INTO tasks (id, project_id, parent_id, name, kind, start_date, finish_date,
                       duration_minutes, duration_days, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (base + k, p, base, f"Task {k}", "milestone" if k == 7 else "task", start.isoformat(),
                     start.isoformat(), 0 if k == 7 else rng.choice((240, 480, 960)), None, k))
                if k > 1:
                    pf.conn.execute("INSERT INTO dependencies (predecessor_id, successor_id, type, lag_minutes) "
                                    "VALUES (?, ?, 'FS', ?)", (base + k - 1, base + k, rng.choice((0, 60))))
            if p > 5 and p % 5 == 0:
                pf.conn.execute("INSERT INTO dependencies (predecessor_id, successor_id, type) VALUES (?, ?, 'FS')",
                                ((p - 4) * 10 + 7, base + 1))
    return pf


def test_a_portfolio_reschedule_logs_what_the_triggers_log(tmp_path, monkeypatch):
    logs, dates = {}, {}
    for mode, limit in (("triggers", 10**9), ("bulk", 1)):
        monkeypatch.setattr(bulk, "MIN_ROWS", limit)
        with _portfolio(tmp_path / f"{mode}.pmo") as pf:
            before = pf.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall()
            stamps = dict(pf.conn.execute("SELECT id, updated_at FROM tasks"))
            projects = pf.conn.execute("SELECT * FROM projects ORDER BY id").fetchall()
            done = reschedule(pf)
            assert done.changed > 300 and done.batch_id is not None
            # Derived dates: the rows' edit stamps stay those of the last edit a person made.
            assert dict(pf.conn.execute("SELECT id, updated_at FROM tasks")) == stamps
            logs[mode] = batch_log(pf, done.batch_id)
            assert not [c for c in logs[mode] if c[0] == "tasks" and c[3] == "updated_at"]
            dates[mode] = pf.conn.execute("SELECT id, start_date, finish_date, start_at, finish_at, duration_days, "
                                          "duration_minutes FROM tasks ORDER BY id").fetchall()
            history = [{k: v for k, v in c.items() if k != "at"} for c in record_changes(pf, "tasks", 11)]
            assert any(c["change"].startswith("start_date: ") for c in history)
            logs[mode + " history"] = [c for c in history if not c["change"].startswith("updated_at")]
            assert reschedule(pf).batch_id is None  # a second run finds nothing to write
            pf.undo(done.batch_id)
            assert pf.conn.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before
            assert pf.conn.execute("SELECT * FROM projects ORDER BY id").fetchall() == projects
    assert dates["bulk"] == dates["triggers"]
    assert logs["bulk"] == logs["triggers"]
    assert logs["bulk history"] == logs["triggers history"]
    assert {r[0] for r in logs["bulk"]} == {"tasks", "projects"}


def test_plan_dates_take_any_number_of_project_ids(tmp_path):
    """More projects than SQLite's 32,766 parameters: the ids go in as one value."""
    with _portfolio(tmp_path / "many.pmo", projects=6) as pf:
        reschedule(pf)
        pf.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)  # SQLite's default (Windows builds)
        ids = list(range(1, 40_001))  # the six projects among 40,000 ids
        spans = plan_dates.plan_spans(pf.conn, ids)
        assert sorted(spans) == [1, 2, 3, 4, 5, 6]
        assert spans == plan_dates.plan_spans(pf.conn)
        assert plan_dates.plan_spans(pf.conn, []) == {}
        with pf.batch("cli", "typed"):
            pf.conn.execute("UPDATE projects SET finish_date = '2030-01-01' WHERE id = 3")
        with pf.batch("cli", "align"):
            assert plan_dates.align_project_dates(pf.conn, ids) == 1
        assert pf.conn.execute("SELECT finish_date FROM projects WHERE id = 3").fetchone()[0] == spans[3][1]
