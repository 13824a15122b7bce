"""A hand-made MSPDI file: lag units, 2007-style calendar exceptions, boundary times, constraints."""

from __future__ import annotations

from pmo_desktop.plans_io import read_mspdi

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
 <Name>Details.xml</Name><Title>Details</Title><StartDate>2026-01-05T08:00:00</StartDate>
 <CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay>
 <Calendars><Calendar><UID>1</UID><Name>Office</Name><IsBaseCalendar>1</IsBaseCalendar>
  <WeekDays>
   <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
   <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
  </WeekDays>
  <Exceptions>
   <Exception><EnteredByOccurrences>0</EnteredByOccurrences>
    <TimePeriod><FromDate>2026-01-07T00:00:00</FromDate><ToDate>2026-01-08T23:59:00</ToDate></TimePeriod>
    <Occurrences>1</Occurrences><Name>Shutdown</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
   <Exception><TimePeriod><FromDate>2026-01-10T00:00:00</FromDate><ToDate>2026-01-10T23:59:00</ToDate></TimePeriod>
    <Name>Saturday push</Name><DayWorking>1</DayWorking></Exception>
  </Exceptions></Calendar></Calendars>
 <Tasks>
  <Task><UID>0</UID><ID>0</ID><Name>Details</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
  <Task><UID>10</UID><ID>1</ID><Name>Phase</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
   <Start>2026-01-05T08:00:00</Start><Finish>2026-01-13T17:00:00</Finish></Task>
  <Task><UID>11</UID><ID>2</ID><Name>A</Name><OutlineLevel>2</OutlineLevel><Start>2026-01-05T08:00:00</Start>
   <Finish>2026-01-09T08:00:00</Finish><Duration>PT16H0M0S</Duration></Task>
  <Task><UID>12</UID><ID>3</ID><Name>B</Name><OutlineLevel>2</OutlineLevel><Start>2026-01-09T08:00:00</Start>
   <Finish>2026-01-09T17:00:00</Finish><Duration>PT8H0M0S</Duration><ConstraintType>1</ConstraintType>
   <PredecessorLink><PredecessorUID>11</PredecessorUID><Type>1</Type><LinkLag>28800</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
   <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type><CrossProject>1</CrossProject></PredecessorLink>
  </Task>
  <Task><UID>13</UID><ID>4</ID><Name>Done</Name><OutlineLevel>2</OutlineLevel><Milestone>1</Milestone>
   <Start>2026-01-13T17:00:00</Start><Finish>2026-01-13T17:00:00</Finish><Duration>PT0H0M0S</Duration>
   <ConstraintType>7</ConstraintType><ConstraintDate>2026-01-14T08:00:00</ConstraintDate>
   <PredecessorLink><PredecessorUID>12</PredecessorUID><Type>3</Type><LinkLag>2400</LinkLag><LagFormat>5</LagFormat></PredecessorLink>
   <PredecessorLink><PredecessorUID>11</PredecessorUID><Type>0</Type><LinkLag>500</LinkLag><LagFormat>19</LagFormat></PredecessorLink>
   <PredecessorLink><PredecessorUID>10</PredecessorUID><Type>2</Type><LinkLag>-9600</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
  </Task>
 </Tasks>
</Project>"""


def test_units_calendars_and_boundaries(tmp_path):
    path = tmp_path / "details.xml"
    path.write_text(XML, encoding="utf-8")
    plan = read_mspdi(path)
    assert plan.name == "Details" and plan.calendar.name == "Office"
    exceptions = {str(d): w for d, (w, _n) in plan.calendar.exceptions.items()}
    assert exceptions == {"2026-01-07": False, "2026-01-08": False, "2026-01-10": True}
    t = {x.name: x for x in plan.tasks}
    assert [x.name for x in plan.tasks] == ["Phase", "A", "B", "Done"]
    assert t["Phase"].kind == "summary" and t["A"].parent_key == "10"
    # A finishes at 08:00 on the 9th, which is the end of the 6th (7th and 8th are the shutdown).
    assert (str(t["A"].start), str(t["A"].finish), t["A"].duration_days) == ("2026-01-05", "2026-01-06", 2)
    assert t["B"].constraint_type == "ALAP"  # now scheduled as late as possible, as MS Project does
    assert any("another project" in w for w in plan.warnings)
    assert t["Done"].kind == "milestone" and str(t["Done"].start) == "2026-01-13"
    assert (t["Done"].constraint_type, str(t["Done"].constraint_date)) == ("FNLT", "2026-01-13")
    names = {x.key: x.name for x in plan.tasks}
    links = {(names[lk.predecessor_key], names[lk.successor_key]): (lk.type, lk.lag_days) for lk in plan.links}
    assert links == {
        ("A", "B"): ("FS", 1),       # 2 elapsed days = 28800 tenths of a minute, about 1 working day
        ("B", "Done"): ("SS", 0),    # 4 hours rounds to 0 days
        ("A", "Done"): ("FF", 1),    # 50% of A's 2 days
        ("Phase", "Done"): ("SF", -2),
    }
