"""MSPDI links to another project's task are kept when that project is in the portfolio."""

from __future__ import annotations

import json

from pmo_desktop.cli import main
from pmo_desktop.store import open_portfolio

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Title>{title}</Title>
 <StartDate>2026-03-02T08:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay>
 <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars>
 <Tasks>{tasks}</Tasks></Project>"""
# Platform: 'Build API' Mon 2 Mar, 3 days; 'API ready' milestone Wed 4 Mar 17:00.
PLATFORM = HEAD.format(title="Platform", tasks="""
  <Task><UID>7</UID><ID>1</ID><Name>Build API</Name><OutlineLevel>1</OutlineLevel><Start>2026-03-02T08:00:00</Start>
   <Finish>2026-03-04T17:00:00</Finish><Duration>PT24H0M0S</Duration></Task>
  <Task><UID>8</UID><ID>2</ID><Name>API ready</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone>
   <Start>2026-03-04T17:00:00</Start><Finish>2026-03-04T17:00:00</Finish><Duration>PT0H0M0S</Duration>
   <PredecessorLink><PredecessorUID>7</PredecessorUID><Type>1</Type></PredecessorLink></Task>""")
# Mobile: 'Integrate' (4 h) waits for Platform's task ID 2 with a 2-hour lag: Thu 5 Mar 10:00-14:00.
# MS Project lists the other project's task as an external task (skipped) and names it in the link.
MOBILE = HEAD.format(title="Mobile", tasks="""
  <Task><UID>3</UID><ID>1</ID><Name>API ready</Name><OutlineLevel>1</OutlineLevel><ExternalTask>1</ExternalTask>
   <Start>2026-03-04T17:00:00</Start><Finish>2026-03-04T17:00:00</Finish></Task>
  <Task><UID>4</UID><ID>2</ID><Name>Integrate</Name><OutlineLevel>1</OutlineLevel><Start>2026-03-05T10:00:00</Start>
   <Finish>2026-03-05T14:00:00</Finish><Duration>PT4H0M0S</Duration>
   <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type><CrossProject>1</CrossProject>
    <CrossProjectName>C:\\Plans\\Platform.mpp\\2</CrossProjectName><LinkLag>1200</LinkLag><LagFormat>5</LagFormat>
   </PredecessorLink></Task>""")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_link_to_a_task_of_another_project_is_kept_and_drives_it(portfolio, tmp_path, capsys):
    path = portfolio.path
    portfolio.close()
    (tmp_path / "Platform.xml").write_text(PLATFORM, encoding="utf-8")
    (tmp_path / "Mobile.xml").write_text(MOBILE, encoding="utf-8")
    # Imported before the project it waits on: the link is named in a note, not kept.
    code, out, _ = run(capsys, "import-plan", path, tmp_path / "Mobile.xml", "--json")
    first = json.loads(out)
    assert code == 0 and first["links"] == 0 and first["tasks"] == 1
    assert any("project 'Platform'" in w for w in first["warnings"])
    code, out, _ = run(capsys, "import-plan", path, tmp_path / "Platform.xml", "--json")
    platform = json.loads(out)["project"]
    code, out, _ = run(capsys, "import-plan", path, tmp_path / "Mobile.xml", "--json")
    mobile = json.loads(out)
    assert mobile["links"] == 1 and not mobile["warnings"]
    _, out, _ = run(capsys, "schedule", path, "--json")
    assert json.loads(out)["changed"] == 0  # MS Project's dates, to the minute, on both sides
    with open_portfolio(path) as pf, pf.batch("cli", "slip"):  # Build API takes a day longer
        pf.conn.execute("UPDATE tasks SET duration_minutes = 1440 + 480, duration_days = 4 "
                        "WHERE name = 'Build API'")
    _, out, _ = run(capsys, "schedule", path, "--project", platform, "--json")
    result = json.loads(out)
    assert [p["project"] for p in result["projects"]] == [platform, mobile["project"]]
    moved = result["projects"][1]["moved_by"]
    assert moved[0]["predecessor"] == "API ready" and moved[0]["slip_days"] == 1
    with open_portfolio(path) as pf:
        assert pf.conn.execute("SELECT start_at, finish_at FROM tasks WHERE name = 'Integrate' AND project_id = ?",
                               (mobile["project_id"],)).fetchone() == ("2026-03-06T10:00", "2026-03-06T14:00")
