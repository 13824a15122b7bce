"""Small builders for governance tests: a project in good health, then whatever a test needs."""

from __future__ import annotations

from datetime import date

from pmo_desktop.store.rows import insert_row

TODAY = date(2026, 11, 27)
PERIOD = "2026-10-31"


def healthy_project(pf, code: str = "PRJ-1", **overrides) -> int:
    """An Execution project that trips no health rule: reported this period, baselined, on budget."""
    pf.set_settings({"current_period": PERIOD})
    values = {"code": code, "name": f"Project {code}", "stage": "Execution", "status": "Active",
              "start_date": "2026-01-05", "finish_date": "2027-03-31", "baseline_start": "2026-01-05",
              "baseline_finish": "2027-03-31", "approved_budget": 1_200_000, "rag_overall": "G", **overrides}
    pid = insert_row(pf, "projects", values)
    insert_row(pf, "status_reports", {"project_id": pid, "period": PERIOD, "rag_overall": values["rag_overall"]})
    # 12 months of 100,000 planned: Jan-Oct actual, Nov-Dec forecast → EAC = budget exactly.
    for month in range(1, 13):
        m = f"2026-{month:02d}-01"
        actual = 100_000 if m <= "2026-10-01" else None
        forecast = None if actual is not None else 100_000
        insert_row(pf, "budget_lines", {"project_id": pid, "category": "Labour", "spend_type": "OPEX",
                                        "month": m, "planned": 100_000, "actual": actual, "forecast": forecast})
    return pid


def milestone(pf, pid: int, finish: str, **kw) -> int:
    return insert_row(pf, "tasks", {"project_id": pid, "name": kw.pop("name", "Go live"), "kind": "milestone",
                                    "start_date": finish, "finish_date": finish, **kw})


def raid(pf, pid: int | None, ref: str, kind: str, **kw) -> int:
    return insert_row(pf, "raid_items", {"ref": ref, "type": kind, "title": kw.pop("title", f"{kind} {ref}"),
                                         "owner": kw.pop("owner", "Sam"), "project_id": pid, **kw})
