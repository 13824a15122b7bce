"""The Scenarios view: build a scenario from the form, compare it with live, apply it as one undo step."""

from __future__ import annotations

from pmo_desktop.domain.dates import format_month
from pmo_desktop.scenarios import model
from tests.gui.conftest import read


def _view(window):
    window.show_view("scenarios")
    return window.pages["scenarios"]


def _open_code(window) -> str:
    return window.portfolio.conn.execute(
        "SELECT code FROM projects WHERE stage = 'Execution' AND status = 'Active' ORDER BY code").fetchone()[0]


def test_build_compare_and_apply(window, demo_path, qtbot, answers):
    view = _view(window)
    assert view.new_scenario("Tighter")
    code = _open_code(window)
    view.project_box.setCurrentIndex(view.project_box.findData(code))
    view.defer_box.setValue(3)
    view.budget_edit.setText("-10%")
    assert view.set_change_from_form()
    assert view.changes.rows == [[code, view.changes.rows[0][1], "defer 3m, budget -10%"]]
    # a bad value is refused in the form, and nothing is written
    batches = read(demo_path, "SELECT count(*) FROM batches")
    view.budget_edit.setText("abc")
    assert not view.set_change_from_form()
    assert "-10%" in view.problem.text() and "abc" in view.problem.text()
    assert read(demo_path, "SELECT count(*) FROM batches") == batches
    view.budget_edit.clear()
    view.mark("Tighter")
    with qtbot.waitSignal(view.loader.settled, timeout=20000):
        view.compare_marked()
    assert view.compare_model.headers == ["Figure", "live", "Tighter"]
    labels = [r[0] for r in view.compare_model.rows]
    assert "Funded projects" in labels and "Strategic alignment (1-5)" in labels
    assert any(label.startswith("Spend FY") for label in labels)
    assert set(view.charts) == {"spend", "benefits", "non_cash", "capacity"}
    # non-cash benefits are counted by the year they fall due, on rows and a chart of their own
    non_cash = [r for r in view.compare_model.rows if r[0].startswith("Non-cash due FY")]
    live = view.comparison["columns"][0]["non_cash_benefits_by_fy"]["by_fy"]
    assert len(non_cash) == len(live) > 0
    assert [int(r[1].split()[0]) for r in non_cash] == [c["due"] for c in live.values()]
    assert any("at risk" in r[1] for r in non_cash)
    assert view.charts["non_cash"].figure.axes[0].patches  # bars drawn
    finish = read(demo_path, "SELECT finish_date FROM projects WHERE code = ?", (code,))[0][0]
    assert view.apply_current()
    moved = read(demo_path, "SELECT finish_date FROM projects WHERE code = ?", (code,))[0][0]
    assert moved > finish
    window.undo()  # the whole scenario is one step
    assert read(demo_path, "SELECT finish_date FROM projects WHERE code = ?", (code,))[0][0] == finish


def test_delete_and_closed_projects(window, demo_path):
    view = _view(window)
    view.new_scenario("Gone")
    assert not view.new_scenario("Gone") and "already a scenario" in view.problem.text()
    closed = window.portfolio.conn.execute("SELECT code FROM projects WHERE stage = 'Closed'").fetchone()[0]
    view.project_box.setEditText(closed)
    view.cancel_box.setChecked(True)
    assert not view.set_change_from_form() and "is closed" in view.problem.text()
    view.select("Gone")
    assert view.delete_current()
    assert "Gone" not in model.scenario_names(window.portfolio)


def test_the_demo_opens_on_a_comparison(window, qtbot):
    window.show()
    view = _view(window)
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=20000)
    assert view.summary() == "2 scenarios"
    assert view.compare_model.headers == ["Figure", "live", "Defer two starts a quarter"]
    assert view.compare_title.text().startswith("As at 31 Oct 2026 (actuals to Oct 2026): live against")
    deferred = {r[0]: r[1:] for r in view.compare_model.rows}
    assert deferred["Spend FY2026/27"][0] != deferred["Spend FY2026/27"][1]  # the deferral moves spend
    # capacity for one team, month by month, beside the every-team totals
    assert view.team_box.currentData() is None and view.team_box.count() > 1
    view.team_box.setCurrentIndex(1)
    team = view.team_box.currentData()
    ax = view.charts["capacity"].figure.axes[0]
    assert ax.get_title(loc="left").startswith(f"{team}: spare person-days by month")
    months = view.comparison["columns"][0]["capacity"]["months"]
    assert ax.get_xticklabels()[0].get_text() == format_month(f"{months[0]}-01")  # e.g. Nov 2026
    assert len(ax.get_xticklabels()) == len(months) == 12
