"""Percent lags from a predecessor with an elapsed duration, by MS Project's documented rule: the lag is
that share of the predecessor's Duration (for "2ed", 48 hours: 2,880 minutes), laid on working time for
"%" (LagFormat 19) and on calendar time for "e%" (LagFormat 20). Microsoft: "a percentage of the
duration of the predecessor task"; KB Q109416 lists "% = % complete, e% = elapsed % complete"."""

from __future__ import annotations

import json

from pmo_desktop.scheduling.timeline import gantt_plan
from pmo_desktop.store import open_portfolio
from tests.scheduling.test_elapsed import PLAN as SLAB
from tests.scheduling.test_elapsed import _link, _task, imported, instants, run

# Standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00, 480 minutes a day). Dates worked out by hand:
#  1 Pour   2d    Thu 05 Mar 08:00 - Fri 06 17:00
#  2 Cure   2ed   FS 1            Fri 06 17:00 - Sun 08 17:00 (Duration 2,880 minutes)
#  3 Seal   4h    SS 2 +50%       50% of 2,880 = 1,440 working minutes (3 days) from Cure's start, Friday
#                                 17:00: Mon, Tue, Wed run out at Wed 11 17:00 -> Thu 12 08:00 - 12:00
#  4 Vent   2h    FS 2 +50e%      1,440 clock minutes after Sun 17:00: Mon 09 17:00 -> Tue 10 08:00 - 10:00
#  5 Dry    10eh  FS 2 +25e%      720 clock minutes after Sun 17:00: Mon 09 05:00, on calendar time from
#                                 that instant -> Mon 09 05:00 - 15:00
#  6 Check  1d    FF 1 +50%       50% of Pour's 960 working minutes (one day) after its finish, Friday
#                                 17:00: finishes Mon 09 17:00 -> Mon 09 08:00 - 17:00 (working time as before)
PLAN = SLAB[:SLAB.index("<Tasks>")].replace("<Title>Slab</Title>", "<Title>Cure and seal</Title>") + f"""<Tasks>
  {_task(1, "Pour", "2026-03-05T08:00:00", "2026-03-06T17:00:00", "PT16H0M0S")}
  {_task(2, "Cure", "2026-03-06T17:00:00", "2026-03-08T17:00:00", "PT48H0M0S", 8, _link(1))}
  {_task(3, "Seal", "2026-03-12T08:00:00", "2026-03-12T12:00:00", "PT4H0M0S", 5, _link(2, 3, 500, 19))}
  {_task(4, "Vent", "2026-03-10T08:00:00", "2026-03-10T10:00:00", "PT2H0M0S", 5, _link(2, 1, 500, 20))}
  {_task(5, "Dry", "2026-03-09T05:00:00", "2026-03-09T15:00:00", "PT10H0M0S", 6, _link(2, 1, 250, 20))}
  {_task(6, "Check", "2026-03-09T08:00:00", "2026-03-09T17:00:00", "PT8H0M0S", 7, _link(1, 0, 500, 19))}
 </Tasks></Project>"""

BY_HAND = {
    "Pour": ("2026-03-05T08:00", "2026-03-06T17:00"), "Cure": ("2026-03-06T17:00", "2026-03-08T17:00"),
    "Seal": ("2026-03-12T08:00", "2026-03-12T12:00"), "Vent": ("2026-03-10T08:00", "2026-03-10T10:00"),
    "Dry": ("2026-03-09T05:00", "2026-03-09T15:00"), "Check": ("2026-03-09T08:00", "2026-03-09T17:00"),
}


def test_percent_lags_from_an_elapsed_task_are_a_share_of_its_duration(portfolio, tmp_path, capsys, monkeypatch):
    import tests.scheduling.test_elapsed as slab

    monkeypatch.setattr(slab, "PLAN", PLAN)
    path, code = imported(portfolio, tmp_path, capsys)
    assert instants(path, code) == BY_HAND
    with open_portfolio(path) as pf:  # the predecessors column tells the two kinds of percent apart
        pid = pf.conn.execute("SELECT id FROM projects WHERE code = ?", (code,)).fetchone()[0]
        preds = {r.name: r.predecessors for r in gantt_plan(pf.conn, pid).rows}
    assert (preds["Seal"], preds["Vent"], preds["Dry"]) == ("2SS+50%", "2FS+50e%", "2FS+25e%")
    rc, out, err = run(capsys, "schedule", path, "--json")
    assert rc == 0, err
    assert json.loads(out)["changed"] == 0  # every date as the rule gives it, to the minute


def test_a_percent_lag_into_a_task_on_a_calendar_of_its_own_runs_on_the_plan_calendar():
    """The lag (here 100% of a one-day predecessor: 480 minutes) is laid on the plan's calendar, as
    Microsoft documents for a task whose resource works another calendar (KB 159773: "Microsoft Project
    uses the Base Calendar to schedule lag"); the successor then starts at the next minute its own
    seven-day calendar works. Friday 17:00 + 8 working hours = Monday 17:00, so Tuesday 08:00 (not
    Sunday, which counting the lag on the successor's calendar would give)."""
    from datetime import date, datetime

    from pmo_desktop.scheduling import LinkInput, TaskInput, WorkCalendar, schedule

    plan = WorkCalendar("1111100", origin=date(2026, 3, 2))
    every_day = WorkCalendar("1111111", origin=date(2026, 3, 2))
    tasks = [TaskInput(1, "Pour", start=datetime(2026, 3, 6, 8), duration_minutes=480),
             TaskInput(2, "Watch", duration_minutes=480, calendar=every_day)]
    result = schedule(tasks, [LinkInput(1, 2, "FS", lag_percent=100)], plan, date(2026, 3, 2))
    assert result.tasks[1].finish_at == datetime(2026, 3, 6, 17)
    assert (result.tasks[2].start_at, result.tasks[2].finish_at) == (datetime(2026, 3, 10, 8), datetime(2026, 3, 10, 17))
