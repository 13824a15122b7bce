"""GanttProject (.gan) to a Plan: tasks and their nesting, milestones, dependencies with type and lag,
the holiday calendar, resources as owners, the latest saved baseline and custom task columns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pmo_desktop.domain.limits import MAX_DEPTH, depth_problem, span_problem
from pmo_desktop.plans_io.model import Plan, PlanAssignment, PlanCalendar, PlanFileError, PlanLink, PlanTask
from pmo_desktop.plans_io.xml_safety import local, safe_events
from pmo_desktop.scheduling.calendar import CalendarError, WorkCalendar

KIND = "GanttProject (.gan)"
LINK_TYPES = {"1": "SS", "2": "FS", "3": "FF", "4": "SF"}
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip()[:10]) if text else None
    except ValueError:
        return None


def _int(text, default=0) -> int:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return default


def read_gan(path: str | Path) -> Plan:
    """Read a GanttProject file into a Plan; raises PlanFileError (one line) when it is not one."""
    path = Path(path)
    root = None
    stack: list[dict] = []  # the tasks whose elements are open: the last one is the current task
    raw_tasks: list[dict] = []
    props: dict[str, str] = {}  # custom taskproperty id -> column name
    resources: dict[str, str] = {}
    allocations: list[tuple[str, str, bool, float]] = []  # task, resource, responsible, load (%)
    baselines: list[dict[str, tuple[date | None, int, bool]]] = []
    working = "1111100"
    holidays: list[tuple[str, str, str, str]] = []
    for event, el in safe_events(path, KIND):
        name = local(el.tag)
        if event == "start":
            if root is None:
                root = el
                if name != "project":
                    raise PlanFileError(f"{path.name} is not a GanttProject file "
                                        f"(its root element is <{name}>, not <project>)")
            if name == "task":
                if len(stack) >= MAX_DEPTH:
                    raise PlanFileError(f"{path.name}: {depth_problem(len(stack) + 1, 'a task')}")
                raw_tasks.append({"key": el.get("id"), "parent": stack[-1]["key"] if stack else None,
                                  "attrs": dict(el.attrib), "links": [], "props": {}, "notes": None})
                stack.append(raw_tasks[-1])
            elif name == "previous-tasks":
                baselines.append({})
            continue
        if name == "task":
            stack.pop()
        elif name == "depend" and stack:
            stack[-1]["links"].append((el.get("id"), el.get("type"), el.get("difference")))
        elif name == "customproperty" and stack:
            stack[-1]["props"][el.get("taskproperty-id") or ""] = el.get("value") or ""
        elif name == "notes" and stack:
            stack[-1]["notes"] = (el.text or "").strip() or None
        elif name == "taskproperty" and el.get("type") == "custom":
            props[el.get("id") or ""] = el.get("name") or el.get("id") or ""
        elif name == "resource":
            resources[el.get("id") or ""] = el.get("name") or ""
        elif name == "allocation":
            allocations.append((el.get("task-id") or "", el.get("resource-id") or "", el.get("responsible") == "true",
                                _load(el.get("load"))))
        elif name == "default-week":
            working = "".join("0" if el.get(d) == "1" else "1" for d in WEEK)
        elif name == "date" and (el.get("type") or "HOLIDAY") in ("HOLIDAY", "WORKING_DAY"):
            holidays.append((el.get("year") or "", el.get("month") or "", el.get("date") or "",
                             el.get("type") or "HOLIDAY"))
        elif name == "previous-task" and baselines:
            baselines[-1][el.get("id") or ""] = (_date(el.get("start")), _int(el.get("duration"), 0),
                                                 el.get("meeting") == "true")
    if root is None:
        raise PlanFileError(f"{path.name} is not a GanttProject file")
    try:
        return _plan(path, root.get("name"), raw_tasks, props, resources, allocations, baselines, working, holidays)
    except CalendarError as exc:  # a date past what a calendar reaches
        raise PlanFileError(f"{path.name}: {exc}") from None


def _plan(path, title, raw_tasks, props, resources, allocations, baselines, working, holidays) -> Plan:
    starts = [d for t in raw_tasks if (d := _date(t["attrs"].get("start")))]
    first = min(starts) if starts else None
    years = range((first.year if first else date.today().year) - 1,
                  (max(starts).year if starts else date.today().year) + 3)
    exceptions: dict[date, tuple[bool, str | None]] = {}
    for y, m, d, kind in holidays:
        for year in ([int(y)] if y.strip().isdigit() else years):
            try:
                exceptions[date(year, int(m), int(d))] = (kind == "WORKING_DAY", None)
            except ValueError:
                continue
    calendar = PlanCalendar("GanttProject", working, exceptions)
    try:
        work = WorkCalendar(working, {d: w for d, (w, _n) in exceptions.items()}, name=calendar.name, origin=first)
    except CalendarError as exc:
        raise PlanFileError(f"{path.name}: {exc}") from None

    owners: dict[str, list[str]] = {}
    assignments = []
    for task_id, res_id, _responsible, load in sorted(allocations, key=lambda a: not a[2]):  # responsible first
        rname = resources.get(res_id)
        if rname and rname not in owners.setdefault(task_id, []):
            owners[task_id].append(rname)
        if rname:
            assignments.append(PlanAssignment(task_id, rname, load / 100))
    baseline = baselines[-1] if baselines else {}
    _check_spans(path, raw_tasks, baseline)
    parents = {t["parent"] for t in raw_tasks if t["parent"] is not None}
    plan = Plan(name=(title or "").strip() or path.stem, source="GanttProject", start=first, calendar=calendar)
    keys = set()
    for t in raw_tasks:
        a = t["attrs"]
        key = t["key"]
        if key is None or key in keys:
            plan.warnings.append(f"task '{a.get('name')}' has a missing or repeated id; skipped")
            continue
        keys.add(key)
        start = _date(a.get("start"))
        milestone = a.get("meeting") == "true"
        duration = 0 if milestone else max(1, _int(a.get("duration"), 1))
        kind = "summary" if key in parents else "milestone" if milestone else "task"
        finish = None
        if start is not None:
            start = work.date_at(work.position(start))
            finish = start if milestone else work.add_days(start, duration - 1)
        b_start = b_finish = None
        if key in baseline:
            b_start, b_days, b_meeting = baseline[key]
            if b_start is not None:
                b_finish = b_start if b_meeting else work.add_days(b_start, max(1, b_days) - 1)
        ctype = cdate = None
        if a.get("thirdDate-constraint") == "1" and _date(a.get("thirdDate")):
            ctype, cdate = "SNET", _date(a.get("thirdDate"))
        pct = _int(a.get("complete"), 0)
        plan.tasks.append(PlanTask(
            key=key, name=(a.get("name") or "").strip() or f"Task {key}", parent_key=t["parent"], kind=kind,
            start=start, finish=finish, duration_days=None if kind == "summary" else duration,
            baseline_start=b_start, baseline_finish=b_finish, percent_complete=float(max(0, min(100, pct))),
            owner=", ".join(owners.get(key, [])) or None, constraint_type=ctype, constraint_date=cdate,
            notes=t["notes"], properties={props[p]: v for p, v in t["props"].items() if p in props},
        ))
    for t in raw_tasks:
        for succ, ltype, lag in t["links"]:
            if t["key"] in keys and succ in keys and succ != t["key"]:
                plan.links.append(PlanLink(t["key"], succ, LINK_TYPES.get(ltype or "2", "FS"), _int(lag, 0)))
    plan.assignments = [a for a in assignments if a.task_key in keys]
    finishes = [t.finish for t in plan.tasks if t.finish]
    plan.finish = max(finishes) if finishes else None
    return plan


def _check_spans(path: Path, raw_tasks: list[dict], baseline: dict) -> None:
    """Refuse a duration or a lag past 100 years before any calendar walks it."""
    for t in raw_tasks:
        name = t["attrs"].get("name") or t["key"]
        spans = [(_int(t["attrs"].get("duration"), 1), f"the duration of task '{name}'")]
        spans += [(_int(lag, 0), f"a lag after task '{name}'") for _succ, _type, lag in t["links"]]
        if t["key"] in baseline:
            spans.append((baseline[t["key"]][1], f"the baseline duration of task '{name}'"))
        for days, what in spans:
            problem = span_problem(days, what)
            if problem:
                raise PlanFileError(f"{path.name}: {problem}")


def _load(text: str | None) -> float:
    """An allocation's load in percent (GanttProject writes load="100.0"); 100 when absent or unreadable."""
    try:
        value = float(text) if text not in (None, "") else 100.0
    except ValueError:
        return 100.0
    return value if value >= 0 else 100.0
