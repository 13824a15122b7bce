"""Microsoft Project XML (MSPDI) to a Plan.

Streams the file (defusedxml iterparse) and drops each TimephasedData block as soon as it is read, so
large files stay small in memory. Starts and finishes keep MS Project's own instants to the minute
(`PlanTask.start_at`/`finish_at`), durations their working minutes and format, lags their tenths of
minutes and LagFormat, calendars their working hours per weekday and per exception. The whole-day
fields (`start`, `finish`, `duration_days`) stay for the readers that think in days: there a finish
at the very start of a working day (e.g. 08:00) is the end of the previous working day, and a start
at the very end of a day is the next working day.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path

from pmo_desktop.domain.limits import MAX_DEPTH, depth_problem, span_problem
from pmo_desktop.plans_io.model import Plan, PlanAssignment, PlanCalendar, PlanFileError, PlanLink, PlanTask
from pmo_desktop.plans_io.mspdi_values import (
    MAX_EXCEPTION_DAYS,
    _children,
    _clock,
    _date_part,
    _datetime,
    _external_link,
    _hours,
    _lag_days,
    _lag_minutes,
    _mins,
    _minutes,
    _number,
    _text,
    _to_days,
    _working_times,
)
from pmo_desktop.plans_io.xml_safety import local, safe_events
from pmo_desktop.scheduling.calendar import CalendarError, WorkCalendar
from pmo_desktop.scheduling.elapsed import is_elapsed

KIND = "MS Project XML (MSPDI)"
LINK_TYPES = {"0": "FF", "1": "FS", "2": "SF", "3": "SS"}
CONSTRAINTS = {"2": "MSO", "3": "MFO", "4": "SNET", "5": "SNLT", "6": "FNET", "7": "FNLT"}
START_LIKE = {"MSO", "SNET", "SNLT"}
# LagFormat: elapsed units count calendar time; 19/20 (and 53/54) are percent of the predecessor.

_DEFAULT_HOURS = {d: (time(8, 0), time(17, 0)) for d in range(7)}


class _Cal:
    """A resolved calendar: what it becomes in the portfolio, its day hours, and day arithmetic."""

    def __init__(self, plan: PlanCalendar, hours: dict[int, tuple[time, time]], work: WorkCalendar):
        self.plan, self.hours, self.work = plan, hours, work

    def start_of(self, text: str | None) -> date | None:
        dt = _datetime(text)
        if dt is None:
            return None
        day, work = dt.date(), self.work
        if work.is_working(day) and dt.time() >= self.hours[day.weekday()][1] and dt.time() > time(0, 0):
            return work.date_at(work.end_position(day))  # end of a day = start of the next one
        return day

    def finish_of(self, text: str | None) -> date | None:
        dt = _datetime(text)
        if dt is None:
            return None
        day, work = dt.date(), self.work
        if dt.time() == time(0, 0) or work.is_working(day) and dt.time() <= self.hours[day.weekday()][0]:
            return work.date_at(work.position(day) - 1)  # start of a day = end of the previous one
        return day

    def part_day(self, start_text: str | None, finish_text: str | None) -> bool:
        """A start after its day's working hours or a finish before them (not exactly on the edge)."""
        s, f, work, hours = _datetime(start_text), _datetime(finish_text), self.work, self.hours
        late = s is not None and work.is_working(s.date()) and s.time() > hours[s.weekday()][1]
        early = f is not None and work.is_working(f.date()) and time(0, 0) < f.time() < hours[f.weekday()][0]
        return late or early


def read_mspdi(path: str | Path) -> Plan:
    """Read an MSPDI file into a Plan; raises PlanFileError (one line) when it is not one."""
    path = Path(path)
    reader = _Reader(path)
    try:
        return reader.read()
    except CalendarError as exc:  # a date or a span past what a calendar reaches
        raise PlanFileError(f"{path.name}: {exc}") from None


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.header: dict[str, str] = {}
        self.calendars: dict[str, dict] = {}
        self.tasks: list = []
        self.resources: dict[str, str] = {}
        self.assignments: list[tuple[str, str, str | None, str | None]] = []  # task, resource, Units, Work
        self.work_resources: set[str] = set()  # resources of Type Work (not Material or Cost)
        self.resource_calendars: dict[str, str] = {}
        self.task_resources: dict[str, list[str]] = {}
        self.warnings: list[str] = []
        self._resolved: dict[str | None, _Cal | None] = {}

    def read(self) -> Plan:
        depth = 0
        root = None
        for event, el in safe_events(self.path, KIND):
            if event == "start":
                if root is None:
                    root = el
                    if local(el.tag) != "Project":
                        raise PlanFileError(f"{self.path.name} is not a Microsoft Project XML file "
                                            f"(its root element is <{local(el.tag)}>, not <Project>)")
                depth += 1
                continue
            depth -= 1
            name = local(el.tag)
            if name == "TimephasedData":
                el.clear()  # never kept: the plan needs none of it
            elif depth == 2 and name == "Calendar":
                self._calendar(el)
                el.clear()
            elif depth == 2 and name == "Task":
                self.tasks.append(self._raw_task(el))
                el.clear()
            elif depth == 2 and name == "Resource":
                uid, rname = _text(el, "UID"), _text(el, "Name")
                if uid is not None and rname:
                    self.resources[uid] = rname
                if uid is not None and _text(el, "Type") in (None, "1"):
                    self.work_resources.add(uid)
                if uid is not None and _text(el, "Type") in (None, "1") and (_text(el, "CalendarUID") or "-1") != "-1":
                    self.resource_calendars[uid] = _text(el, "CalendarUID")
                el.clear()
            elif depth == 2 and name == "Assignment":
                task_uid, res_uid = _text(el, "TaskUID") or "", _text(el, "ResourceUID") or ""
                self.assignments.append((task_uid, res_uid, _text(el, "Units"), _text(el, "Work")))
                self.task_resources.setdefault(task_uid, []).append(res_uid)
                el.clear()
            elif depth == 1 and len(el) == 0:
                self.header[name] = (el.text or "").strip()
            elif depth == 1:
                el.clear()
        if root is None:
            raise PlanFileError(f"{self.path.name} is not a Microsoft Project XML file")
        return self._plan()

    # -- raw pieces ---------------------------------------------------------------------------------

    def _calendar(self, el) -> None:
        uid = _text(el, "UID")
        if uid is None:
            return
        week: dict[int, tuple[bool, list[tuple[time, time]]]] = {}
        exceptions: dict[date, tuple[bool, str | None]] = {}
        exception_hours: dict[date, tuple] = {}
        for wd_list in _children(el, "WeekDays"):
            for wd in _children(wd_list, "WeekDay"):
                day_type = _text(wd, "DayType")
                working = _text(wd, "DayWorking") == "1"
                if day_type == "0":  # Project 2003 style exception: a dated WeekDay
                    for tp in _children(wd, "TimePeriod"):
                        self._exception_range(exceptions, tp, working, None, _minutes(wd), exception_hours)
                elif day_type and day_type.isdigit() and 1 <= int(day_type) <= 7:
                    week[int(day_type)] = (working, _working_times(wd))
        for ex_list in _children(el, "Exceptions"):
            for ex in _children(ex_list, "Exception"):
                working = _text(ex, "DayWorking") == "1"
                ex_type = _text(ex, "Type")
                if ex_type not in (None, "", "1") and (_text(ex, "Occurrences") or "1") != "1":
                    self.warnings.append(f"calendar {_text(el, 'Name')}: a recurring exception "
                                         f"('{_text(ex, 'Name') or 'unnamed'}') was read as one range")
                for tp in _children(ex, "TimePeriod"):
                    self._exception_range(exceptions, tp, working, _text(ex, "Name"), _minutes(ex), exception_hours)
        if _children(el, "WorkWeeks"):
            self.warnings.append(f"calendar {_text(el, 'Name')}: alternate work weeks are not imported")
        self.calendars[uid] = {"name": _text(el, "Name") or f"Calendar {uid}", "base": _text(el, "BaseCalendarUID"),
                               "week": week, "exceptions": exceptions, "exception_hours": exception_hours}

    def _exception_range(self, exceptions, tp, working, name, hours=(), exception_hours=None) -> None:
        start, end = _datetime(_text(tp, "FromDate")), _datetime(_text(tp, "ToDate"))
        if start is None:
            return
        end = end or start
        day, last = start.date(), end.date()
        if end.time() == time(0, 0) and last > day:
            last -= timedelta(days=1)  # a range ending at midnight stops the day before
        for _ in range(MAX_EXCEPTION_DAYS):
            if day > last:
                break
            exceptions[day] = (working, name)
            if exception_hours is not None:
                if working and hours:
                    exception_hours[day] = hours
                else:
                    exception_hours.pop(day, None)
            day += timedelta(days=1)

    _TASK_FIELDS = ("UID", "ID", "Name", "WBS", "OutlineNumber", "OutlineLevel", "Start", "Finish", "Duration",
                    "Milestone", "Summary", "IsNull", "ConstraintType", "ConstraintDate", "PercentComplete",
                    "ActualStart", "ActualFinish", "Notes", "Active", "ManualStart", "ManualFinish", "Manual",
                    "CalendarUID", "IgnoreResourceCalendar", "Deadline", "DurationFormat", "ExternalTask",
                    "ExternalTaskProject")

    def _raw_task(self, el) -> dict:
        simple: dict[str, str] = {}
        for child in el:  # one pass over the task's fields (a task has ~100 of them)
            name = local(child.tag)
            if name not in simple:
                simple[name] = (child.text or "").strip()
        raw = {n: simple.get(n) for n in self._TASK_FIELDS}
        baselines = []
        for b in _children(el, "Baseline"):
            number = _text(b, "Number")
            if number and number.isdigit():
                baselines.append((int(number), _text(b, "Start"), _text(b, "Finish")))
        raw["baselines"] = sorted(baselines)
        raw["links"] = [(_text(p, "PredecessorUID"), _text(p, "Type"), _text(p, "LinkLag"), _text(p, "LagFormat"),
                         _text(p, "CrossProject"), _text(p, "CrossProjectName"))
                        for p in _children(el, "PredecessorLink")]
        return raw

    # -- the plan ------------------------------------------------------------------------------------

    def _resolve(self, uid: str | None) -> _Cal | None:
        """A calendar with its base calendars folded in, as whole working days plus day hours."""
        if uid in self._resolved:
            return self._resolved[uid]
        cal = self.calendars.get(uid or "")
        if cal is None:
            return None
        default_start = _clock(self.header.get("DefaultStartTime"), time(8, 0))
        default_finish = _clock(self.header.get("DefaultFinishTime"), time(17, 0))
        week: dict[int, tuple[bool, list]] = {}
        exceptions: dict[date, tuple[bool, str | None]] = {}
        exception_hours: dict[date, tuple] = {}
        chain, seen = [], set()
        while cal is not None and id(cal) not in seen:  # derived calendars fall back to their base
            seen.add(id(cal))
            chain.append(cal)
            cal = self.calendars.get(cal["base"] or "")
        for c in reversed(chain):
            week.update(c["week"])
            for d in c["exceptions"]:
                exception_hours.pop(d, None)
            exceptions.update(c["exceptions"])
            exception_hours.update(c["exception_hours"])
        working = ""
        hours: dict[int, tuple[time, time]] = {}
        week_minutes: dict[int, tuple] = {}
        for py_day, ms_day in enumerate((2, 3, 4, 5, 6, 7, 1)):  # Monday first
            is_working, times = week.get(ms_day, (py_day < 5, []))
            working += "1" if is_working else "0"
            hours[py_day] = (min(t[0] for t in times), max(t[1] for t in times)) if times else (
                default_start, default_finish)
            if is_working and times:
                week_minutes[py_day] = tuple(sorted((_mins(a), _mins(b)) for a, b in times))
        name = next((c["name"] for c in chain if c["week"]), chain[0]["name"])
        per_day = int(_number(self.header.get("MinutesPerDay"), 480) or 480)
        per_week = int(_number(self.header.get("MinutesPerWeek"), per_day * 5) or per_day * 5)
        per_month = _number(self.header.get("DaysPerMonth"), 20) or 20
        plan_cal = PlanCalendar(name, working, exceptions, week_minutes, exception_hours, per_day, per_week, per_month)
        try:
            work = WorkCalendar(working, {d: w for d, (w, _n) in exceptions.items()}, name=name,
                                origin=_date_part(self.header.get("StartDate")), week_hours=week_minutes,
                                exception_hours=exception_hours, minutes_per_day=per_day,
                                minutes_per_week=per_week, days_per_month=per_month)
        except CalendarError as exc:
            raise PlanFileError(f"{self.path.name}: {exc}") from None
        self._resolved[uid] = _Cal(plan_cal, hours, work)
        return self._resolved[uid]

    def _task_calendar_uid(self, r, project_uid: str) -> str | None:
        """The task's own calendar, else the one calendar all its resources share (MS Project schedules
        a task on its resources' calendars); None when that is the project calendar."""
        uid = r.get("CalendarUID")
        if not uid or uid == "-1" or uid not in self.calendars:
            uids = {self.resource_calendars.get(res) for res in self.task_resources.get(r["UID"], [])}
            uids.discard(None)
            uid = uids.pop() if len(uids) == 1 and r.get("IgnoreResourceCalendar") != "1" else None
        if uid is None or uid == project_uid:
            return None
        own, project = self._resolve(uid), self._resolve(project_uid)
        if own is None or (project and (own.plan.working_days, own.plan.exceptions, own.plan.hours,
                                        own.plan.exception_hours) ==
                           (project.plan.working_days, project.plan.exceptions, project.plan.hours,
                            project.plan.exception_hours)):
            return None
        return uid

    def _plan(self) -> Plan:
        project_uid = self.header.get("CalendarUID") or "1"
        if project_uid not in self.calendars:
            project_uid = next(iter(self.calendars), "")
        project = self._resolve(project_uid) or _Cal(PlanCalendar(), _DEFAULT_HOURS, WorkCalendar())
        minutes_per_day = _number(self.header.get("MinutesPerDay"), 480.0) or 480.0
        name = self.header.get("Title") or self.header.get("Name") or self.path.stem
        name = re.sub(r"\.(xml|mpp)$", "", name, flags=re.I) or self.path.stem
        plan = Plan(name=name, source="MS Project XML", start=_date_part(self.header.get("StartDate")),
                    finish=_date_part(self.header.get("FinishDate")), calendar=project.plan,
                    warnings=self.warnings, honor_constraints=self.header.get("HonorConstraints") != "0")
        owners: dict[str, list[str]] = {}
        for task_uid, res_uid, units, work in self.assignments:
            rname = self.resources.get(res_uid)
            if rname and rname not in owners.setdefault(task_uid, []):
                owners[task_uid].append(rname)
            if rname and res_uid in self.work_resources:
                hours = _hours(work)
                plan.assignments.append(PlanAssignment(
                    task_uid, rname, max(0.0, _number(units, 1.0)),
                    None if hours is None else hours * 60 / minutes_per_day))

        # External tasks (another project's task shown in this one) are not this plan's: skipped;
        # the link to them names their project and task (CrossProjectName).
        raws = [r for r in self.tasks if r["UID"] is not None and r.get("IsNull") != "1" and r.get("ExternalTask") != "1"]
        raws.sort(key=lambda r: _number(r["ID"], 0))
        keys = set()
        stack: list[tuple[int, str]] = []
        for r in raws:
            level = int(min(_number(r["OutlineLevel"], 1), MAX_DEPTH + 1))
            if level > MAX_DEPTH:
                raise PlanFileError(f"{self.path.name}: {depth_problem(level, repr(r['Name'] or r['UID']))}")
            if level <= 0 or r["UID"] == "0" and r["ID"] == "0":
                continue  # the project summary task
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1] if stack else None
            stack.append((level, r["UID"]))
            keys.add(r["UID"])
            cal_uid = self._task_calendar_uid(r, project_uid)
            cal = self._resolve(cal_uid) if cal_uid else project
            task = self._task(r, parent, cal, minutes_per_day, owners)
            task.source_start, task.source_finish = _date_part(r["Start"]), _date_part(r["Finish"])
            self._minutes(task, r, cal, minutes_per_day)
            task.part_day = cal.part_day(r["Start"], r["Finish"])
            if cal_uid:
                task.calendar_key = cal_uid
                plan.calendars[cal_uid] = cal.plan
            plan.tasks.append(task)
        has_children = {t.parent_key for t in plan.tasks if t.parent_key}
        durations = {t.key: t.duration_days or 0 for t in plan.tasks}
        for t in plan.tasks:
            if t.kind == "summary" and t.key not in has_children:
                t.kind = "task"
            elif t.key in has_children:
                t.kind = "summary"
        externals = {r["UID"]: r for r in self.tasks if r.get("ExternalTask") == "1"}
        for r in raws:
            for pred, ltype, lag, fmt, cross, cross_name in r["links"]:
                kind = LINK_TYPES.get(ltype or "1", "FS")
                if cross == "1":
                    ext = externals.get(pred) or {}  # its external task names the project and task too
                    link = _external_link(cross_name or ext.get("ExternalTaskProject"), r["UID"], kind, lag, fmt,
                                          minutes_per_day)
                    if link is None:
                        self.warnings.append(f"task '{r['Name']}': a link to another project names no task; skipped")
                    elif r["UID"] in keys:
                        link.predecessor_name = ext.get("Name") or None
                        plan.links.append(link)
                    continue
                if pred not in keys or r["UID"] not in keys or pred == r["UID"]:
                    continue
                days = _lag_days(lag, fmt, minutes_per_day, durations.get(pred, 0), project.work)
                problem = span_problem(days, f"the lag before task '{r['Name']}'")
                if problem:
                    raise PlanFileError(f"{self.path.name}: {problem}")
                plan.links.append(PlanLink(pred, r["UID"], kind, days, *_lag_minutes(lag, fmt)))
        return plan

    def _minutes(self, task: PlanTask, r, cal: _Cal, minutes_per_day) -> None:
        """The task to the minute: instants, working minutes, format, deadline, manual, ALAP."""
        task.source_start_at, task.source_finish_at = _datetime(r["Start"]), _datetime(r["Finish"])
        task.start_at, task.finish_at = task.source_start_at, task.source_finish_at
        work = cal.work
        fmt = _number(r["DurationFormat"], None)
        task.duration_format = int(fmt) if fmt is not None else None
        elapsed = is_elapsed(task.duration_format) and task.kind == "task"
        if elapsed:  # calendar time, 24x7: its instants stay as they are, even in non-working time
            task.duration_minutes = round((_hours(r["Duration"]) or 0) * 60) or None
            if task.duration_minutes is None and task.start_at and task.finish_at:
                task.duration_minutes = max(0, round((task.finish_at - task.start_at).total_seconds() / 60))
            if task.duration_minutes is not None:
                task.duration_days = _to_days(task.duration_minutes, 1440)
        elif task.kind != "milestone" and task.start_at and task.finish_at:
            # The same working instant, said the way our scheduler says it: a start at the end of a
            # day is the next working morning, a finish at the start of one the last day's evening.
            # (A summary's start is its first child's, which may be a milestone at 17:00: kept.)
            if task.kind == "task":
                task.start_at = work.start_instant(work.mpos(task.start_at))
            task.finish_at = max(task.start_at, work.finish_instant(work.mpos(task.finish_at)))
        hours = _hours(r["Duration"])
        if task.kind == "milestone":
            task.duration_minutes = 0
        elif task.kind != "summary" and not elapsed and (hours is not None or task.start_at and task.finish_at):
            # The span MS Project gave the task in working time on its calendar: the same as its
            # Duration, except where resources' contours or splits stretch it (then the dates win).
            span = cal.work.mpos(task.finish_at) - cal.work.mpos(task.start_at) if (
                task.start_at and task.finish_at) else 0
            task.duration_minutes = span if span > 0 else round((hours or 0) * 60)
            task.duration_days = _to_days(task.duration_minutes, minutes_per_day)
        task.deadline = _datetime(r["Deadline"])
        if r["ID"]:
            task.properties["MS Project ID"] = r["ID"]  # what links from other projects' files name
        task.manual = r["Manual"] == "1" and task.kind != "summary"
        if r["ConstraintType"] == "1":
            task.constraint_type = "ALAP"
        elif task.constraint_type:
            task.constraint_at = _datetime(r["ConstraintDate"])

    def _task(self, r, parent, cal: _Cal, minutes_per_day, owners) -> PlanTask:
        start_of, finish_of, work = cal.start_of, cal.finish_of, cal.work
        name = r["Name"] or f"Task {r['ID']}"
        start = start_of(r["Start"])
        finish = finish_of(r["Finish"])
        hours = _hours(r["Duration"])
        problem = span_problem(None if hours is None else hours * 60 / minutes_per_day, f"the duration of task '{name}'")
        if problem:
            raise PlanFileError(f"{self.path.name}: {problem}")
        milestone = r["Milestone"] == "1" and (hours or 0) == 0
        if milestone:
            finish = start = _date_part(r["Start"]) or start
        elif start and finish and finish < start:
            finish = start
        if r["Milestone"] == "1" and not milestone:
            self.warnings.append(f"task '{name}' is marked as a milestone but lasts {hours:g} h; kept as a task")
        if milestone:
            duration = 0
        elif start and finish:
            duration = max(1, work.span_days(start, finish))
        elif hours is not None:
            duration = max(1, round(hours * 60 / minutes_per_day))
        else:
            duration = None
        ctype = CONSTRAINTS.get(r["ConstraintType"] or "0")
        cdate = None
        if ctype:
            cdate = start_of(r["ConstraintDate"]) if ctype in START_LIKE else finish_of(r["ConstraintDate"])
            if cdate is None:
                ctype = None
        base = next(((s, f) for n, s, f in r["baselines"] if n == 0), None) or next(
            ((s, f) for n, s, f in r["baselines"] if s or f), (None, None))
        pct = _number(r["PercentComplete"], None)
        return PlanTask(
            key=r["UID"], name=name, parent_key=parent, wbs=r["WBS"] or r["OutlineNumber"],
            kind="summary" if r["Summary"] == "1" else "milestone" if milestone else "task",
            start=start, finish=finish, duration_days=duration,
            baseline_start=start_of(base[0]) if base[0] else None,
            baseline_finish=finish_of(base[1]) if base[1] else None,
            actual_start=start_of(r["ActualStart"]), actual_finish=finish_of(r["ActualFinish"]),
            percent_complete=max(0.0, min(100.0, pct)) if pct is not None else None,
            owner=", ".join(owners.get(r["UID"], [])) or None,
            constraint_type=ctype, constraint_date=cdate, notes=r["Notes"] or None,
        )

