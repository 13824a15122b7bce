"""One project's plan as Microsoft Project XML (MSPDI), for MS Project and GanttProject to open.

Elements are written in the order of Microsoft's MSPDI schema (MS Project rejects files whose
elements are out of order). Calendars carry their working hours (08:00-12:00 and 13:00-17:00 unless
the calendar says otherwise) and their exceptions' own hours; starts and finishes carry their time to
the minute, durations their working minutes and format, lags their tenths of minutes and LagFormat,
tasks their deadline and manual scheduling. A task without links that
starts after the project start gets a 'start no earlier than' constraint at its start, so that MS
Project (which would otherwise pull it back to the project start) keeps it where it is, as our
scheduler does. Holidays are written both as Project-2003 dated WeekDays and as Project-2007+
Exceptions. The file is written to a temporary name and moved into place when complete.
"""

from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from pmo_desktop.plans_io.mspdi_external import cross_name, external_tasks, write_external_task
from pmo_desktop.plans_io.mspdi_external import edge as _edge
from pmo_desktop.scheduling.calendar import STANDARD_HOURS, load_calendar
from pmo_desktop.scheduling.elapsed import is_elapsed
from pmo_desktop.scheduling.service import project_calendar_id
from pmo_desktop.store import Portfolio, PortfolioError
from pmo_desktop.store.settings import CURRENCY_SYMBOLS

NS = "http://schemas.microsoft.com/project"
LINK_TYPES = {"FF": "0", "FS": "1", "SF": "2", "SS": "3"}
CONSTRAINTS = {"MSO": "2", "MFO": "3", "SNET": "4", "SNLT": "5", "FNET": "6", "FNLT": "7"}
START_LIKE = {"MSO", "SNET", "SNLT"}


def _sub(parent, tag, text=None):
    el = ET.SubElement(parent, tag)
    if text is not None:
        el.text = str(text)
    return el


def _start(d: str | None) -> str | None:
    return f"{d[:10]}T08:00:00" if d else None


def _finish(d: str | None) -> str | None:
    return f"{d[:10]}T17:00:00" if d else None


def _duration(minutes: int) -> str:
    minutes = max(0, int(minutes))
    return f"PT{minutes // 60}H{minutes % 60}M0S"


def write_mspdi(pf: Portfolio, project_code: str, path: str | Path) -> dict:
    """Write project `project_code`'s plan to `path`; returns counts. Nothing is left behind on error."""
    path = Path(path)
    conn = pf.conn
    row = conn.execute("SELECT id, name, start_date, finish_date FROM projects WHERE code = ?",
                       (project_code,)).fetchone()
    if row is None:
        raise PortfolioError(f"there is no project with code '{project_code}'")
    project_id, name, p_start, p_finish = row
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PortfolioError(f"folder {folder} does not exist")
    cur = conn.execute(
        """SELECT id, parent_id, wbs, name, kind, start_date, finish_date, duration_days, baseline_start,
                  baseline_finish, actual_start, actual_finish, percent_complete, owner, constraint_type,
                  constraint_date, notes, calendar_id, start_at, finish_at, duration_minutes, duration_format,
                  deadline, manual FROM tasks WHERE project_id = ? ORDER BY sort_order, id""",
        (project_id,))
    cols = [d[0] for d in cur.description]
    tasks = [dict(zip(cols, r, strict=True)) for r in cur]
    ids = {t["id"] for t in tasks}
    links = conn.execute(
        """SELECT d.predecessor_id, d.successor_id, d.type, d.lag_days, d.lag_minutes, d.lag_format,
                  d.lag_percent FROM dependencies d
           JOIN tasks t ON t.id = d.successor_id WHERE t.project_id = ? ORDER BY d.id""", (project_id,)).fetchall()
    externals = external_tasks(conn, [p for p, *_rest in links if p not in ids])
    starts = [t["start_date"] for t in tasks if t["start_date"]]
    finishes = [t["finish_date"] for t in tasks if t["finish_date"]]
    start = min([*starts, *([p_start] if p_start and not starts else [])], default=date.today().isoformat())
    finish = max(finishes, default=p_finish or start)
    calendar_id = project_calendar_id(conn, project_id)
    calendar = load_calendar(conn, calendar_id)
    task_calendars: dict[int, int] = {}  # calendar id -> MSPDI calendar UID, for tasks on their own
    for t in tasks:
        if t["calendar_id"] is not None and t["calendar_id"] != calendar_id:
            task_calendars.setdefault(t["calendar_id"], len(task_calendars) + 2)

    mpd = calendar.minutes_per_day
    day_hours = next((calendar.week_hours[d] for d in range(7) if calendar.working_days[d] == "1"), STANDARD_HOURS)
    first = (day_hours[0][0], day_hours[-1][1])
    honor = conn.execute("SELECT honor_constraints FROM projects WHERE id = ?", (project_id,)).fetchone()[0]
    cals = {t["calendar_id"]: calendar for t in tasks}
    for own_id in task_calendars:
        cals[own_id] = load_calendar(conn, own_id)
    currency = str(pf.settings().get("currency") or "GBP")[:3]
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}Project")
    q = root.tag[: -len("Project")]

    def sub(parent, tag, text=None):
        return _sub(parent, q + tag, text)

    for tag, value in (("SaveVersion", 14), ("Name", f"{project_code}.xml"), ("Title", name),
                       ("ScheduleFromStart", 1), ("StartDate", _start(start)), ("FinishDate", _finish(finish)),
                       ("FYStartDate", 1), ("CriticalSlackLimit", 0), ("CurrencyDigits", 2),
                       ("CurrencySymbol", CURRENCY_SYMBOLS.get(currency, currency).strip()),
                       ("CurrencyCode", currency), ("CurrencySymbolPosition", 0), ("CalendarUID", 1),
                       ("DefaultStartTime", _clock(first[0])), ("DefaultFinishTime", _clock(first[1])),
                       ("MinutesPerDay", mpd), ("MinutesPerWeek", calendar.minutes_per_week),
                       ("DaysPerMonth", _num(calendar.days_per_month)), ("DefaultTaskType", 1),
                       ("DurationFormat", 7), ("WorkFormat", 2), ("HonorConstraints", int(honor != 0)),
                       ("NewTasksEffortDriven", 0), ("NewTasksEstimated", 0)):
        sub(root, tag, value)
    calendars = sub(root, "Calendars")
    _write_calendar(sub(calendars, "Calendar"), sub, calendar, 1)
    for own_id, own_uid in task_calendars.items():
        _write_calendar(sub(calendars, "Calendar"), sub, cals[own_id], own_uid)

    uid = {t["id"]: n for n, t in enumerate(tasks, start=1)}
    uid.update({x["id"]: len(tasks) + n for n, x in enumerate(externals, start=1)})
    preds: dict[int, list] = {}
    for p, s, kind, lag, lag_minutes, lag_format, lag_percent in links:
        preds.setdefault(s, []).append((p, kind, lag, lag_minutes, lag_format, lag_percent))
    parents = {t["parent_id"] for t in tasks if t["parent_id"]}
    by_id = {t["id"]: t for t in tasks}
    outline = _outline(tasks)
    xml_tasks = sub(root, "Tasks")
    summary = sub(xml_tasks, "Task")
    for tag, value in (("UID", 0), ("ID", 0), ("Name", name), ("Type", 1), ("IsNull", 0), ("WBS", 0),
                       ("OutlineNumber", 0), ("OutlineLevel", 0), ("Start", _start(start)),
                       ("Finish", _finish(finish)), ("DurationFormat", 7), ("Milestone", 0), ("Summary", 1)):
        sub(summary, tag, value)
    resources: dict[str, int] = {}
    assignments: list[tuple[int, int]] = []
    for t in tasks:
        el = sub(xml_tasks, "Task")
        number, level = outline[t["id"]]
        is_summary = t["id"] in parents
        milestone = t["kind"] == "milestone" and not is_summary
        days = 0 if milestone else (t["duration_days"] if t["duration_days"] is not None else
                                    calendar.span_days(*_dates(t)) if t["start_date"] and t["finish_date"] else 1)
        minutes = 0 if milestone else t["duration_minutes"]
        per_day = 1440 if is_elapsed(t["duration_format"]) and not milestone else mpd  # elapsed: 24-hour days
        if minutes is None or (t["duration_days"] is not None and abs(minutes / per_day - t["duration_days"]) > 0.006):
            minutes = round(float(days) * per_day)
        cal = cals.get(t["calendar_id"], calendar)
        ctype, cdate = t["constraint_type"], t["constraint_date"]
        if not ctype and not is_summary and not _linked(t, preds, by_id) and t["start_date"] and t["start_date"] > start:
            ctype, cdate = "SNET", t["start_at"] or t["start_date"]  # keeps an unlinked task in place, as we do
        t_start = _edge(cal, t["start_date"], t["start_at"], 0)
        t_finish = _edge(cal, t["finish_date"], t["finish_at"], -1)
        if milestone and t_start:
            t_finish = t_start  # one instant: its stored time, else its day's first working minute
        for tag, value in (("UID", uid[t["id"]]), ("ID", uid[t["id"]]), ("Name", t["name"]), ("Type", 1),
                           ("IsNull", 0), ("WBS", t["wbs"] or number), ("OutlineNumber", number),
                           ("OutlineLevel", level), ("Start", t_start), ("Finish", t_finish),
                           ("Duration", _duration(minutes)), ("DurationFormat", t["duration_format"] or 7),
                           ("Estimated", 0),
                           ("Milestone", int(milestone)), ("Summary", int(is_summary))):
            if value is not None:
                sub(el, tag, value)
        if t["percent_complete"] is not None:
            sub(el, "PercentComplete", int(round(t["percent_complete"])))
        if t["actual_start"]:
            sub(el, "ActualStart", _edge(cal, t["actual_start"][:10], t["actual_start"], 0))
        if t["actual_finish"]:
            sub(el, "ActualFinish", _edge(cal, t["actual_finish"][:10], t["actual_finish"], -1))
        sub(el, "ConstraintType", CONSTRAINTS[ctype] if ctype in CONSTRAINTS and cdate else 1 if ctype == "ALAP" else 0)
        sub(el, "CalendarUID", task_calendars.get(t["calendar_id"], -1))
        if ctype in CONSTRAINTS and cdate:
            sub(el, "ConstraintDate", _edge(cal, cdate[:10], cdate, 0 if ctype in START_LIKE else -1))
        if t["deadline"]:
            sub(el, "Deadline", _edge(cal, t["deadline"][:10], t["deadline"], -1))
        if t["notes"]:
            sub(el, "Notes", t["notes"])
        for p, kind, lag, lag_minutes, lag_format, lag_percent in preds.get(t["id"], []):
            link = sub(el, "PredecessorLink")
            sub(link, "PredecessorUID", uid[p])
            sub(link, "Type", LINK_TYPES.get(kind, "1"))
            sub(link, "CrossProject", int(p not in ids))
            if p not in ids:  # MS Project's form: '<the other project's file>\\<its task ID there>'
                sub(link, "CrossProjectName", cross_name(next(x for x in externals if x["id"] == p)))
            if lag_percent is not None:
                tenths = round(lag_percent * 10)
            else:
                tenths = (lag_minutes if lag_minutes is not None else round(float(lag or 0) * mpd)) * 10
            sub(link, "LinkLag", int(tenths))
            sub(link, "LagFormat", lag_format or 7)
        if t["baseline_start"] or t["baseline_finish"]:
            base = sub(el, "Baseline")
            sub(base, "Number", 0)
            if t["baseline_start"]:
                sub(base, "Start", _start(t["baseline_start"]))
            if t["baseline_finish"]:
                sub(base, "Finish", _finish(t["baseline_finish"]))
        sub(el, "Manual", int(bool(t["manual"])))  # after the 2007 schema's elements, as MS Project writes it
        for owner in filter(None, (o.strip() for o in (t["owner"] or "").split(","))):
            resources.setdefault(owner, len(resources) + 1)
            assignments.append((uid[t["id"]], resources[owner]))
    for x in externals:  # another project's task that drives this plan, as MS Project lists it
        write_external_task(sub(xml_tasks, "Task"), sub, x, uid[x["id"]], calendar)
    xml_resources = sub(root, "Resources")
    for rname, rid in resources.items():
        res = sub(xml_resources, "Resource")
        for tag, value in (("UID", rid), ("ID", rid), ("Name", rname), ("Type", 1), ("IsNull", 0)):
            sub(res, tag, value)
    xml_assignments = sub(root, "Assignments")
    for n, (task_uid, rid) in enumerate(assignments, start=1):
        a = sub(xml_assignments, "Assignment")
        for tag, value in (("UID", n), ("TaskUID", task_uid), ("ResourceUID", rid), ("Units", 1)):
            sub(a, tag, value)
    ET.indent(root, space=" ")
    text = ET.tostring(root, encoding="unicode")
    _atomic_write(path, ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8"))
    return {"project": project_code, "file": str(path), "tasks": len(tasks), "links": len(links),
            "resources": len(resources), "external_tasks": len(externals),
            "cross_project_links": sum(1 for p, *_rest in links if p not in ids)}


def _dates(t):
    return date.fromisoformat(t["start_date"][:10]), date.fromisoformat(t["finish_date"][:10])


def _linked(t, preds, by_id) -> bool:
    node = t
    while node is not None:
        if node["id"] in preds:
            return True
        node = by_id.get(node["parent_id"])
    return False


def _outline(tasks) -> dict[int, tuple[str, int]]:
    counters: dict[int | None, int] = {}
    out: dict[int, tuple[str, int]] = {}
    known = {t["id"] for t in tasks}
    for t in tasks:
        parent = t["parent_id"] if t["parent_id"] in known else None
        counters[parent] = counters.get(parent, 0) + 1
        if parent is None:
            out[t["id"]] = (str(counters[parent]), 1)
        else:
            number, level = out.get(parent, ("0", 0))
            out[t["id"]] = (f"{number}.{counters[parent]}", level + 1)
    return out


def _write_calendar(cal, sub, calendar, uid: int) -> None:
    sub(cal, "UID", uid)
    sub(cal, "Name", re.sub(r"\s*\([A-Z0-9][A-Z0-9_-]*\)$", "", calendar.name) or "Standard")
    sub(cal, "IsBaseCalendar", 1)
    sub(cal, "BaseCalendarUID", -1)
    weekdays = sub(cal, "WeekDays")
    for ms_day in range(1, 8):  # 1 = Sunday
        working = calendar.working_days[(ms_day + 5) % 7] == "1"
        wd = sub(weekdays, "WeekDay")
        sub(wd, "DayType", ms_day)
        sub(wd, "DayWorking", int(working))
        if working:
            _times(sub(wd, "WorkingTimes"), sub, calendar.week_hours[(ms_day + 5) % 7])
    dated = sorted(calendar.exceptions.items())
    for ordinal, working in dated:  # Project 2003 style, read by older tools
        day = date.fromordinal(ordinal).isoformat()
        wd = sub(weekdays, "WeekDay")
        sub(wd, "DayType", 0)
        sub(wd, "DayWorking", int(working))
        period = sub(wd, "TimePeriod")
        sub(period, "FromDate", f"{day}T00:00:00")
        sub(period, "ToDate", f"{day}T23:59:00")
        if working:
            _times(sub(wd, "WorkingTimes"), sub, calendar.hours_of(ordinal))
    if dated:
        exceptions = sub(cal, "Exceptions")
        for ordinal, working in dated:
            day = date.fromordinal(ordinal).isoformat()
            ex = sub(exceptions, "Exception")
            sub(ex, "EnteredByOccurrences", 0)
            period = sub(ex, "TimePeriod")
            sub(period, "FromDate", f"{day}T00:00:00")
            sub(period, "ToDate", f"{day}T23:59:00")
            sub(ex, "Occurrences", 1)
            sub(ex, "Name", "Working day" if working else "Holiday")
            sub(ex, "Type", 1)
            sub(ex, "DayWorking", int(working))
            if working:
                _times(sub(ex, "WorkingTimes"), sub, calendar.hours_of(ordinal))


def _times(parent, sub, hours=STANDARD_HOURS) -> None:
    for start, end in hours or STANDARD_HOURS:
        wt = sub(parent, "WorkingTime")
        sub(wt, "FromTime", _clock(start))
        sub(wt, "ToTime", _clock(end))


def _clock(minutes: int) -> str:
    minutes %= 1440  # 24:00 is written as 00:00, as MS Project does
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def _num(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _atomic_write(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
