"""`pmo export-plan` writes links from other projects' tasks as MS Project does (an external task, and
CrossProject / CrossProjectName in the link), and our own reader brings them back: into the same portfolio,
or into a fresh one that imports both projects' exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from pmo_desktop.cli import main
from pmo_desktop.plans_io import read_mspdi
from pmo_desktop.scheduling.edits import link_tasks
from pmo_desktop.store import create_portfolio, open_portfolio
from tests.plans_io.test_mspdi_cross_project import MOBILE, PLATFORM

NS = "{http://schemas.microsoft.com/project}"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out) if "--json" in args else out


def cross_links(path, project_code) -> set[tuple[str, str, str, str]]:
    """(predecessor's project, predecessor, successor, type) of the links into a project from others."""
    with open_portfolio(path) as pf:
        return set(pf.conn.execute(
            """SELECT pp.name, p.name, s.name, d.type FROM dependencies d JOIN tasks s ON s.id = d.successor_id
               JOIN tasks p ON p.id = d.predecessor_id JOIN projects sp ON sp.id = s.project_id
               JOIN projects pp ON pp.id = p.project_id WHERE sp.code = ? AND pp.id <> sp.id""", (project_code,)))


def two_plans(portfolio, tmp_path, capsys):
    path = portfolio.path
    portfolio.close()
    (tmp_path / "Platform.xml").write_text(PLATFORM, encoding="utf-8")
    (tmp_path / "Mobile.xml").write_text(MOBILE, encoding="utf-8")
    platform = run(capsys, "import-plan", path, tmp_path / "Platform.xml", "--json")["project"]
    mobile = run(capsys, "import-plan", path, tmp_path / "Mobile.xml", "--json")["project"]
    return path, platform, mobile


def test_export_writes_the_link_as_ms_project_does(portfolio, tmp_path, capsys):
    path, platform, mobile = two_plans(portfolio, tmp_path, capsys)
    out = tmp_path / "mobile-out.xml"
    result = run(capsys, "export-plan", path, out, "--project", mobile, "--json")
    assert result["links"] == result["cross_project_links"] == result["external_tasks"] == 1
    tasks = list(ET.parse(out).getroot().iter(f"{NS}Task"))
    external = [t for t in tasks if t.findtext(f"{NS}ExternalTask") == "1"]
    assert [(t.findtext(f"{NS}Name"), t.findtext(f"{NS}ExternalTaskProject"), t.findtext(f"{NS}Start"),
             t.findtext(f"{NS}Milestone")) for t in external] == [
        ("API ready", "Platform.xml\\2", "2026-03-04T17:00:00", "1")]
    integrate = next(t for t in tasks if t.findtext(f"{NS}Name") == "Integrate")
    link = integrate.find(f"{NS}PredecessorLink")
    assert [(c.tag[len(NS):], c.text) for c in link] == [
        ("PredecessorUID", external[0].findtext(f"{NS}UID")), ("Type", "1"), ("CrossProject", "1"),
        ("CrossProjectName", "Platform.xml\\2"), ("LinkLag", "1200"), ("LagFormat", "5")]
    # Elements in the schema's order: ExternalTask after Summary, Manual after the links.
    names = [c.tag[len(NS):] for c in integrate]
    assert names.index("Summary") < names.index("PredecessorLink") < names.index("Manual")
    plan = read_mspdi(out)
    assert [(lk.project, lk.predecessor_key, lk.predecessor_name, lk.lag_minutes) for lk in plan.links] == [
        ("Platform", "2", "API ready", 120)]
    assert [t.name for t in plan.tasks] == ["Integrate"]  # the external task is not one of the plan's own


def test_round_trip_into_the_same_portfolio_keeps_the_link_to_the_same_task(portfolio, tmp_path, capsys):
    path, platform, mobile = two_plans(portfolio, tmp_path, capsys)
    with open_portfolio(path) as pf, pf.batch("cli", "a task above the others"):
        pid = pf.conn.execute("SELECT id FROM projects WHERE code = ?", (platform,)).fetchone()[0]
        pf.conn.execute("INSERT INTO tasks (project_id, name, kind, duration_days, start_date, finish_date, "
                        "sort_order) VALUES (?, 'Kick-off', 'task', 1, '2026-03-02', '2026-03-02', 0)", (pid,))
    with open_portfolio(path) as pf:  # 'Build API' is now 2nd in its plan, where 'API ready' has MS Project ID 2
        ids = dict(pf.conn.execute("SELECT name, id FROM tasks WHERE project_id = ?", (pid,)))
        integrate = pf.conn.execute("SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id "
                                    "WHERE p.code = ? AND t.name = 'Integrate'", (mobile,)).fetchone()[0]
        link_tasks(pf, ids["Build API"], integrate, "SS")
    before = {(p, t, s, k) for p, t, s, k in cross_links(path, mobile)}
    assert before == {("Platform", "API ready", "Integrate", "FS"), ("Platform", "Build API", "Integrate", "SS")}
    out = tmp_path / "mobile-out.xml"
    run(capsys, "export-plan", path, out, "--project", mobile, "--json")
    again = run(capsys, "import-plan", path, out, "--json")
    assert again["links"] == 2 and not again["warnings"]
    assert cross_links(path, again["project"]) == before


def test_round_trip_into_a_fresh_portfolio_through_both_exports(portfolio, tmp_path, capsys):
    path, platform, mobile = two_plans(portfolio, tmp_path, capsys)
    run(capsys, "export-plan", path, tmp_path / "p.xml", "--project", platform, "--json")
    run(capsys, "export-plan", path, tmp_path / "m.xml", "--project", mobile, "--json")
    fresh = tmp_path / "fresh2.pmo"
    create_portfolio(fresh).close()
    run(capsys, "import-plan", fresh, tmp_path / "p.xml", "--json")
    again = run(capsys, "import-plan", fresh, tmp_path / "m.xml", "--json")
    assert again["links"] == 1 and not again["warnings"]
    assert cross_links(fresh, again["project"]) == {("Platform", "API ready", "Integrate", "FS")}
    assert run(capsys, "schedule", fresh, "--json")["changed"] == 0  # the same minutes on both sides


def test_a_link_naming_its_task_only_through_the_external_task_is_kept(portfolio, tmp_path, capsys):
    path, platform, mobile = two_plans(portfolio, tmp_path, capsys)
    # Some files leave CrossProjectName out; the external task's ExternalTaskProject still names the task.
    bare = MOBILE.replace("<ExternalTask>1</ExternalTask>",
                          "<ExternalTask>1</ExternalTask><ExternalTaskProject>C:\\Plans\\Platform.mpp\\2"
                          "</ExternalTaskProject>")
    bare = bare.replace("<CrossProjectName>C:\\Plans\\Platform.mpp\\2</CrossProjectName>", "")
    assert "CrossProjectName" not in bare
    (tmp_path / "bare.xml").write_text(bare, encoding="utf-8")
    again = run(capsys, "import-plan", path, tmp_path / "bare.xml", "--json")
    assert again["links"] == 1 and not again["warnings"]
    assert cross_links(path, again["project"]) == {("Platform", "API ready", "Integrate", "FS")}
    text = run(capsys, "export-plan", path, tmp_path / "o.xml", "--project", again["project"])
    assert "1 links (1 from other projects)" in text
