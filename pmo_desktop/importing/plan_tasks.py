"""The preview for milestones and tasks: hierarchy from WBS or indentation, predecessors resolved.

Predecessor references (`3FS+2d;5SS`) name tasks by the file's ID column when it has one, else by WBS
code, else by position (the n-th task of the file, as MS Project numbers them).
"""

from __future__ import annotations

from pmo_desktop.domain.limits import depth_problem, span_problem
from pmo_desktop.domain.plan_text import ElapsedDays, format_predecessors
from pmo_desktop.importing import plan as p
from pmo_desktop.importing import tool_exports
from pmo_desktop.importing.records import CellError, Record, assign_wbs
from pmo_desktop.scheduling.elapsed import is_elapsed
from pmo_desktop.store.id_lists import in_list, json_list

_COMPARED = ("name", "kind", "start_date", "finish_date", "duration_days", "baseline_start", "baseline_finish",
             "actual_start", "actual_finish", "percent_complete", "owner", "notes")


def plan_tasks(plan, records: list[Record], lookup, default, default_code, table, mapping) -> None:
    headers = p._headers(table, mapping)
    groups: dict[object, list[tuple[Record, object]]] = {}
    for rec in records:
        pid, code = p._project_of(rec, lookup, default, default_code, headers, mapping)
        groups.setdefault(pid, []).append((rec, code))
    ids = [g for g in groups if isinstance(g, int)]
    existing: dict[tuple, dict] = {}
    wbs_of: dict[int, str] = {}
    links_of: dict[int, list] = {}
    if ids:
        ids_json = json_list(ids)
        for row in p._rows(lookup.conn, f"SELECT * FROM tasks WHERE {in_list('project_id')}", [ids_json]):
            existing[(row["project_id"], row["wbs"])] = row
            wbs_of[row["id"]] = row["wbs"]
        for succ, pred, kind, lag, code, p_wbs, same in lookup.conn.execute(
                f"""SELECT d.successor_id, d.predecessor_id, d.type, d.lag_days, pp.code, pt.wbs,
                           pt.project_id = t.project_id FROM dependencies d
                    JOIN tasks t ON t.id = d.successor_id JOIN tasks pt ON pt.id = d.predecessor_id
                    JOIN projects pp ON pp.id = pt.project_id WHERE {in_list('t.project_id')}""", [ids_json]):
            ref = wbs_of.get(pred, "?") if same else f"{code}:{p_wbs}"  # another project's task: CODE:WBS
            links_of.setdefault(succ, []).append((ref, kind, lag))
    if tool_exports.progress_from_status(records):
        plan.notes.append("% complete read from the status (To Do 0, In Progress 50, Done 100)")
    for pid, members in groups.items():
        recs = [r for r, _ in members]
        note = None
        if "parent" in mapping.columns and "wbs" not in mapping.columns:
            note = tool_exports.wbs_from_parents(recs)
            if note is not None:  # the plan's order is the tree's, not the export's
                members.sort(key=lambda m: tuple(int(x) for x in m[0].values["wbs"].split(".")))
            else:
                for rec in recs:
                    rec.level = 0  # a tracker's export: leading spaces in a summary are not an outline
        note = note or assign_wbs(recs)
        if note and note not in plan.notes:
            plan.notes.append(note)
        _plan_group(plan, members, pid, existing, wbs_of, links_of, headers, mapping, lookup)


def _plan_group(plan, members, pid, existing, wbs_of, links_of, headers, mapping, lookup) -> None:
    recs = [r for r, _ in members]
    in_file = {r.values["wbs"] for r in recs}
    parents = {w.rsplit(".", 1)[0] for w in in_file if "." in w}
    by_id = {str(r.values["task_id"]).strip(): r.values["wbs"] for r in recs if r.values.get("task_id")}
    by_position = {str(i): r.values["wbs"] for i, r in enumerate(recs, start=1)}
    known = in_file | {w for (proj, w) in existing if proj == pid}
    seen = lookup.seen(plan.kind)
    for position, (rec, code) in enumerate(members, start=1):
        v = {c: rec.values[c] for c in _COMPARED if c in rec.values}
        wbs = rec.values["wbs"]
        v["wbs"] = wbs
        _check_bounds(rec, wbs, v.get("duration_days"), headers)
        v["project_id"] = pid
        if wbs in parents:
            v["kind"] = "summary"  # an item with children (an epic, a story with sub-tasks) sums them up
        elif "kind" not in v:
            if v.get("duration_days") == 0 or (v.get("start_date") and v.get("start_date") == v.get("finish_date")
                                                  and "milestone" in str(v.get("name", "")).lower()):
                v["kind"] = "milestone"
            else:
                v["kind"] = "task"
        parent = wbs.rsplit(".", 1)[0] if "." in wbs else None
        v["parent_wbs"] = parent if parent in known else None
        links = []
        for ref, kind, lag in rec.values.get("predecessors", []):
            if ":" in ref:  # CODE:WBS, a task of another project: found when the links are written
                links.append((ref, str(kind), lag))
                continue
            target = by_id.get(ref) if by_id else None
            target = target or (ref if ref in known else None) or (None if by_id else by_position.get(ref))
            if target is None or target == wbs:
                why = "refers to itself" if target == wbs else "names no task in the file"
                rec.errors.append(CellError(rec.row, headers.get("predecessors", ""), ref,
                                            f"predecessor '{ref}' {why}"))
                continue
            links.append((target, str(kind), lag))
        if "predecessors" in mapping.columns:
            v["predecessors"] = format_predecessors(links)
        current = existing.get((pid, wbs)) if isinstance(pid, int) else None
        _duration_unit(v, current)
        if current is not None and "kind" not in mapping.columns and v["kind"] != "summary":
            v.pop("kind")  # without a kind column, only gaining children changes an existing task's kind
        if current is None and not v.get("name") and not rec.errors:
            rec.errors.append(CellError(rec.row, headers.get("name", ""), "", "a new task needs a name"))
        compare = None
        if current is not None:
            compare = dict(current, parent_wbs=wbs_of.get(current["parent_id"]),
                           predecessors=format_predecessors(sorted(links_of.get(current["id"], []))))
            if "predecessors" in v:
                v["predecessors"] = format_predecessors(sorted(links))
        key = f"{code} {wbs}" if code else wbs
        result = p._finish(plan, rec, key, v, current, seen, compare)
        result.links = links if "predecessors" in mapping.columns else None
        if result.action == p.NEW:
            result.values["sort_order"] = position
        p._resolve_pending(result, ("project_id",))


def _duration_unit(v: dict, current: dict | None) -> None:
    """An elapsed duration ('3 edays', as MS Project and the workbook export write it) keeps its unit:
    the task's minutes and DurationFormat go in with its days. Plain days typed over a task that was
    elapsed make it a task on working time again."""
    d = v.get("duration_days")
    if isinstance(d, ElapsedDays):
        v["duration_days"] = int(d) if d == int(d) else float(d)
        v["duration_minutes"], v["duration_format"] = d.minutes, d.code
    elif "duration_days" in v and current is not None and is_elapsed(current.get("duration_format")):
        v["duration_minutes"] = v["duration_format"] = None


def _check_bounds(rec, wbs: str, duration, headers) -> None:
    """A row nested past MAX_DEPTH, or with a duration or lag past 100 years, is an error of its own."""
    problems = [(headers.get("wbs", ""), wbs[:40], depth_problem(wbs.count(".") + 1, f"task {wbs[:40]}")),
                (headers.get("duration_days", ""), str(duration),
                 span_problem(duration if isinstance(duration, (int, float)) else None, "the duration"))]
    problems += [(headers.get("predecessors", ""), str(ref), span_problem(lag, f"the lag after {ref}"))
                 for ref, _kind, lag in rec.values.get("predecessors", [])]
    rec.errors += [CellError(rec.row, column, value, problem) for column, value, problem in problems if problem]
