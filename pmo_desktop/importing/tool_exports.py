"""Plans from the exports of work trackers (Jira, Azure DevOps): the parent tree and progress by status.

A Jira or Azure DevOps CSV names each item's parent (Jira's Parent holds the parent's Issue id, older
exports use Epic Link with the epic's key; Azure DevOps' Parent holds the parent's ID) and says how far
it got only in words (Jira's Status Category: To Do / In Progress / Done). Imported as tasks, epics
become summary tasks with their stories and tasks nested under them (WBS codes from the tree, in file
order), and the status word gives the % complete when the file has no percent column.
"""

from __future__ import annotations

from pmo_desktop.domain import parsing
from pmo_desktop.importing.records import Record

_DONE = {"done", "closed", "resolved", "completed", "complete", "removed", "cancelled", "released", "fixed"}
_DOING = {"in progress", "active", "doing", "in review", "review", "testing", "in test", "committed",
          "blocked", "in development", "code review", "qa"}
_TODO = {"to do", "todo", "new", "open", "backlog", "proposed", "selected for development", "ready",
         "not started", "approved"}


def percent_from_status(word) -> float | None:
    w = parsing.normalise_word(word)
    if w in _DONE:
        return 100.0
    if w in _DOING:
        return 50.0
    if w in _TODO:
        return 0.0
    return None


def wbs_from_parents(records: list[Record]) -> str | None:
    """Give each record a WBS code from its parent (by key or tool id), keeping file order among
    siblings; an item whose parent is not in the file is a top-level item. Returns a note, or None when
    no record names a parent in the file."""
    ids: dict[str, Record] = {}
    for rec in records:
        for name in ("task_id", "issue_id"):
            value = rec.values.get(name)
            if value not in (None, ""):
                ids.setdefault(str(value).strip(), rec)
    parent_of: dict[int, Record | None] = {}
    nested = 0
    for rec in records:
        ref = rec.values.get("parent")
        parent = ids.get(str(ref).strip()) if ref not in (None, "") else None
        if parent is rec:
            parent = None
        parent_of[id(rec)] = parent
        nested += parent is not None
    if not nested:
        return None
    children: dict[int, list[Record]] = {}
    roots: list[Record] = []
    for rec in records:
        parent = parent_of[id(rec)]
        # a loop in the file (A under B under A) makes its items top-level
        seen, p = {id(rec)}, parent
        while p is not None and id(p) not in seen:
            seen.add(id(p))
            p = parent_of[id(p)]
        if p is not None:
            parent = parent_of[id(rec)] = None
        (children.setdefault(id(parent), []) if parent is not None else roots).append(rec)
    # epics before the loose items of the file, so the plan reads top-down
    roots.sort(key=lambda r: 0 if id(r) in children else 1)
    stack = [(rec, str(i)) for i, rec in reversed(list(enumerate(roots, start=1)))]
    while stack:
        rec, code = stack.pop()
        rec.values["wbs"] = code
        kids = children.get(id(rec), [])
        stack.extend((kid, f"{code}.{j}") for j, kid in reversed(list(enumerate(kids, start=1))))
    return f"{nested} item(s) nested under their parent (epics and parents as summary tasks)"


def progress_from_status(records: list[Record]) -> int:
    """% complete from the status word where the row has no percentage; returns how many were set."""
    n = 0
    for rec in records:
        status = rec.values.pop("status", None)
        if status is not None and "percent_complete" not in rec.values:
            pct = percent_from_status(status)
            if pct is not None:
                rec.values["percent_complete"] = pct
                n += 1
    return n
