"""Links from other projects' tasks, written as MS Project writes them in MSPDI.

MS Project lists another project's task that drives this plan as an external task of its own (ExternalTask
1, ExternalTaskProject naming the other file and the task's ID there), and the link to it carries
CrossProject 1 and CrossProjectName '<the other project's file>\\<task ID>'. We name the file after the
other project (the name an import of its own export gives it back) and the task by the ID `pmo export-plan`
gives it there (1, 2, 3 ... in plan order); our reader (and MPXJ's) finds it again from that.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta

from pmo_desktop.scheduling.calendar import load_calendar
from pmo_desktop.scheduling.elapsed import is_elapsed
from pmo_desktop.scheduling.service import project_calendar_id
from pmo_desktop.scheduling.stored import parse_instant


def external_tasks(conn: sqlite3.Connection, task_ids) -> list[dict]:
    """Other projects' tasks (by id, first seen first) with what an external task element needs."""
    out, seen = [], set()
    positions: dict[int, dict[int, int]] = {}
    for tid in task_ids:
        if tid in seen:
            continue
        seen.add(tid)
        cur = conn.execute(
            """SELECT t.id, t.project_id, t.name, t.kind, t.start_date, t.finish_date, t.start_at, t.finish_at,
                      t.duration_days, t.duration_minutes, t.duration_format, p.code, p.name AS project
               FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.id = ?""", (tid,))
        row = cur.fetchone()
        if row is None:
            continue
        x = dict(zip([d[0] for d in cur.description], row, strict=True))
        pid = x["project_id"]
        if pid not in positions:
            positions[pid] = {i: n for n, (i,) in enumerate(conn.execute(
                "SELECT id FROM tasks WHERE project_id = ? ORDER BY sort_order, id", (pid,)), start=1)}
            positions[pid][-1] = project_calendar_id(conn, pid)
        x["position"] = positions[pid][tid]
        x["calendar"] = load_calendar(conn, positions[pid][-1])
        out.append(x)
    return out


def cross_name(x: dict) -> str:
    """'<project name>.xml\\<task ID>': the project by the name an import gives it back (its Title)."""
    project = re.sub(r'[\\/:*?"<>|]+', "-", x["project"] or x["code"]).strip() or x["code"]
    return f"{project}.xml\\{x['position']}"


def write_external_task(el, sub, x: dict, uid: int, plan_calendar) -> None:
    """One external task element, in the schema's order."""
    cal = x["calendar"] or plan_calendar
    milestone = x["kind"] == "milestone"
    start = edge(cal, x["start_date"], x["start_at"], 0)
    finish = start if milestone else edge(cal, x["finish_date"], x["finish_at"], -1)
    per_day = 1440 if is_elapsed(x["duration_format"]) else cal.minutes_per_day
    minutes = 0 if milestone else x["duration_minutes"]
    if minutes is None:
        minutes = round(float(x["duration_days"] or 0) * per_day)
    for tag, value in (("UID", uid), ("ID", uid), ("Name", x["name"]), ("Type", 1), ("IsNull", 0),
                       ("OutlineLevel", 1), ("Start", start), ("Finish", finish),
                       ("Duration", f"PT{minutes // 60}H{minutes % 60}M0S"),
                       ("DurationFormat", x["duration_format"] or 7), ("Estimated", 0), ("Milestone", int(milestone)),
                       ("Summary", 0), ("ExternalTask", 1), ("ExternalTaskProject", cross_name(x))):
        if value is not None:
            sub(el, tag, value)


def edge(cal, day_text, at_text, edge: int) -> str | None:
    """A stored day and time as MSPDI text: its own time, else the day's first (edge 0) or last
    (edge -1) working minute."""
    value = parse_instant(day_text, at_text)
    if value is None:
        return None
    if not isinstance(value, datetime):
        o = value.toordinal()
        hours = cal.hours_of(o) or cal.week_hours[(o - 1) % 7]
        value = datetime.fromordinal(o) + timedelta(minutes=hours[edge][-edge])
    return value.isoformat(timespec="seconds")
