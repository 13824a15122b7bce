"""Two what-if scenarios for the demo portfolio, so the Scenarios view opens on a comparison a board
would recognise: "Defer two starts a quarter" (the two projects not yet in execution that score lowest
on strategic alignment) and "Trim 10%, fund an idea" (10% off the two largest budgets in execution, and
the best-scoring idea funded whatever its rank). Picked from the data, so no random stream is used."""

from __future__ import annotations

from pmo_desktop.scenarios import model
from pmo_desktop.store import Portfolio

DEFER = "Defer two starts a quarter"
TRIM = "Trim 10%, fund an idea"


def add_scenarios_demo(pf: Portfolio) -> None:
    conn = pf.conn

    def score_order(stages: tuple[str, ...], direction: str) -> list[str]:
        marks = ", ".join("?" for _ in stages)
        return [code for (code,) in conn.execute(
            f"""SELECT p.code FROM projects p LEFT JOIN priority_scores s
                  ON s.project_id = p.id AND s.criterion = 'strategic_alignment'
                WHERE p.stage IN ({marks}) AND coalesce(p.status, '') NOT IN ('Completed', 'Cancelled')
                ORDER BY coalesce(s.score, 3) {direction}, p.code""", stages)]

    starts = score_order(("Initiation", "Planning"), "ASC")[:2]
    largest = [code for (code,) in conn.execute(
        """SELECT code FROM projects WHERE stage = 'Execution' AND status = 'Active'
           ORDER BY approved_budget DESC, code LIMIT 2""")]
    ideas = score_order(("Idea",), "DESC")[:1]
    if starts:
        model.new_scenario(pf, DEFER, "Hold the weakest new starts back three months to ease this year's spend "
                                      "and the teams' load.", source="demo")
        for code in starts:
            model.set_change(pf, DEFER, code, defer=3, source="demo")
    if largest or ideas:
        model.new_scenario(pf, TRIM, "Ask the two largest projects for 10% savings and use the room to start "
                                     "the strongest idea.", source="demo")
        for code in largest:
            model.set_change(pf, TRIM, code, budget="-10%", source="demo")
        for code in ideas:
            model.set_change(pf, TRIM, code, fund=True, source="demo")
