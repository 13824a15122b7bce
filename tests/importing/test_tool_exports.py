"""A Jira or Azure DevOps CSV export becomes a plan: epics as summary tasks, stories and tasks nested by
parent, due date as finish, assignee as owner, status as % complete; or RAID items when chosen."""

from __future__ import annotations

import csv

from pmo_desktop.store import open_portfolio

JIRA = [["Issue Type", "Issue key", "Issue id", "Summary", "Assignee", "Status", "Status Category", "Project key",
         "Project name", "Due date", "Parent", "Custom field (Epic Link)"],
        ["Story", "CS-3", "10003", "Checkout page", "Ann", "In Review", "In Progress", "CS", "Customer shop",
         "12/Mar/26 10:50 AM", "", "CS-1"],
        ["Epic", "CS-1", "10001", "Payments", "Bob", "In Progress", "In Progress", "CS", "Customer shop", "", "", ""],
        ["Sub-task", "CS-4", "10004", "Card form", "Ann", "Done", "Done", "CS", "Customer shop",
         "01/Mar/26 9:00 AM", "10003", ""],
        ["Task", "CS-5", "10005", " Write runbook", "Cy", "To Do", "To Do", "CS", "Customer shop", "", "", ""],
        ["Epic", "CS-2", "10002", "Search", "Bob", "To Do", "To Do", "CS", "Customer shop", "", "", ""],
        ["Story", "CS-6", "10006", "Filters", "Dee", "Closed", "Done", "CS", "Customer shop",
         "20/Apr/26 5:00 PM", "10002", ""]]

AZURE = [["ID", "Work Item Type", "Title", "State", "Assigned To", "Target Date", "Parent"],
         ["101", "Epic", "Data platform", "Active", "Ann Lee", "", ""],
         ["102", "Feature", "Ingestion", "Active", "Ann Lee", "2026-06-30", "101"],
         ["103", "User Story", "Load CRM data", "Closed", "Bob Roy", "2026-05-15", "102"],
         ["104", "Task", "Schedule nightly job", "New", "Cy Tan", "2026-05-20", "103"]]


def _csv(tmp_path, name, rows):
    path = tmp_path / name
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _tasks(pf_path, code):
    with open_portfolio(pf_path, read_only=True) as pf:
        return [tuple(r) for r in pf.conn.execute(
            """SELECT t.wbs, t.name, t.kind, t.owner, t.finish_date, t.percent_complete,
                      (SELECT p.wbs FROM tasks p WHERE p.id = t.parent_id)
               FROM tasks t JOIN projects j ON j.id = t.project_id WHERE j.code = ? ORDER BY t.sort_order""",
            (code,))]


def test_a_jira_export_becomes_a_plan_with_epics_as_summaries(tmp_path, pmo, pmo_json, pf_path):
    path = _csv(tmp_path, "jira.csv", JIRA)
    code, data, err = pmo_json(["import", pf_path, path, "--kind", "tasks", "--create-missing"])
    assert code == 0, err
    assert data["counts"]["new"] == 6
    assert _tasks(pf_path, "CS") == [
        ("1", "Payments", "summary", "Bob", None, 50.0, None),
        ("1.1", "Checkout page", "summary", "Ann", "2026-03-12", 50.0, "1"),
        ("1.1.1", "Card form", "task", "Ann", "2026-03-01", 100.0, "1.1"),
        ("2", "Search", "summary", "Bob", None, 0.0, None),
        ("2.1", "Filters", "task", "Dee", "2026-04-20", 100.0, "2"),
        ("3", "Write runbook", "task", "Cy", None, 0.0, None)]
    with open_portfolio(pf_path, read_only=True) as pf:
        assert pf.conn.execute("SELECT name FROM projects WHERE code = 'CS'").fetchone() == ("Customer shop",)
    code, data, _ = pmo_json(["import", pf_path, path, "--kind", "tasks", "--create-missing"])
    assert data["counts"] == {"new": 0, "changed": 0, "unchanged": 6, "error": 0}


def test_an_azure_devops_export_nests_by_parent_id(tmp_path, pmo_json, pf_path):
    path = _csv(tmp_path, "ado.csv", AZURE)
    code, data, err = pmo_json(["import", pf_path, path, "--kind", "tasks", "--project", "PRJ-1"])
    assert code == 0, err
    assert _tasks(pf_path, "PRJ-1") == [("1", "Data platform", "summary", "Ann Lee", None, 50.0, None),
                    ("1.1", "Ingestion", "summary", "Ann Lee", "2026-06-30", 50.0, "1"),
                    ("1.1.1", "Load CRM data", "summary", "Bob Roy", "2026-05-15", 100.0, "1.1"),
                    ("1.1.1.1", "Schedule nightly job", "task", "Cy Tan", "2026-05-20", 0.0, "1.1.1")]


def test_the_same_jira_export_as_raid_items(tmp_path, pmo_json, pf_path):
    path = _csv(tmp_path, "jira.csv", JIRA)
    code, data, err = pmo_json(["import", pf_path, path, "--kind", "raid", "--create-missing",
                                "--value", "status:In Review=In progress"])
    assert code == 0, err
    with open_portfolio(pf_path, read_only=True) as pf:
        refs = sorted(r[0] for r in pf.conn.execute("SELECT ref FROM raid_items"))
    assert refs == ["CS-1", "CS-2", "CS-3", "CS-4", "CS-5", "CS-6"]
