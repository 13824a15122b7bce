"""The financial summary table and the dashboard: same figures as the service, sorting, colours,
chart clicks that filter the register."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from pmo_desktop.domain.enums import Rag
from pmo_desktop.finance import portfolio_summary
from tests.gui.conftest import settled


@pytest.fixture
def window(window, qtbot):
    """Shown: the finance views read the store when they are first shown, not when built."""
    window.show()
    qtbot.waitExposed(window)
    return window


def show(window, qtbot, name):
    window.show_view(name)
    return settled(window.pages[name], qtbot)


def test_finance_views_are_registered(window, qtbot):
    names = list(window.pages)
    assert names[names.index("budget"):names.index("budget") + 3] == ["budget", "finance", "dashboard"]
    for name in ("budget", "finance", "dashboard"):
        show(window, qtbot, name)
        assert window.current_view_name() == name and window.current_view().summary()


def test_financial_summary_matches_the_service(window, qtbot):
    view = show(window, qtbot, "finance")
    s = portfolio_summary(window.portfolio)
    m = view.model
    assert m.rowCount() == len(s["projects"]) == 40
    view.sort_by("variance_pct", descending=True)
    values = [v for v in view.row_values("variance_pct") if v != float("-inf")]
    assert values == sorted(values, reverse=True)
    top = view.proxy.mapToSource(view.proxy.index(0, 0)).row()
    assert m.rows[top]["variance_pct"] == max(p["variance_pct"] for p in s["projects"] if p["variance_pct"] is not None)
    col = [c.key for c in m.columns].index("variance_pct")
    cell = m.index(top, col)
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name().upper() == Rag.RED.colour  # > 10% over
    assert cell.data().startswith("R +")  # the letter goes with the colour
    na = next(r for r, p in enumerate(m.rows) if p["variance_pct"] is None)
    assert m.index(na, col).data() == "n/a" and m.index(na, col).data(Qt.ItemDataRole.BackgroundRole) is None
    view.level.setCurrentIndex(view.level.findData("programmes"))
    assert m.rowCount() == len(s["programmes"])
    assert sum(r["eac"] for r in m.rows) == s["totals"]["eac"]


def test_financial_summary_selects_project_for_detail_pane(window, qtbot):
    view = show(window, qtbot, "finance")
    view.table.setCurrentIndex(view.proxy.index(3, 0))
    assert window.detail.project_id == view.selected_project_id() is not None


def test_dashboard_tiles_and_charts(window, qtbot):
    view = show(window, qtbot, "dashboard")
    s = view.summary_data
    assert s["period"]["end"] == "2026-10-31"
    assert f"{s['kpis']['milestones_due']}" == view.tiles["milestones"][0].text()
    assert "R</span>" in view.tiles["rag"][0].text() or "&nbsp;R&nbsp;" in view.tiles["rag"][0].text()
    for name in ("s_curve", "variance", "capex_opex", "rag_trend", "heatmap"):
        assert view.charts[name].figure.axes, name
    assert len(view.charts["variance"].picks) == len(s["programmes"])
    assert sum(1 for _, t in view.charts["heatmap"].picks) == sum(1 for row in s["risks"]["heatmap"] for n in row if n)


def test_clicking_a_programme_bar_filters_the_register(window, qtbot):
    view = show(window, qtbot, "dashboard")
    artist, target = view.charts["variance"].picks[0]
    assert view.charts["variance"].target_of(artist) == target
    assert view.apply_target(target)
    assert window.current_view_name() == "projects"
    register = window.pages["projects"]
    programme_col = register.model.column_index("programme_id")
    shown = {register.model.index(r, programme_col).data() for r in range(register.model.rowCount())}
    assert shown == {target["programme"]}


def test_clicking_latest_red_segment_filters_red_projects(window, qtbot):
    view = show(window, qtbot, "dashboard")
    red = next(t for _, t in view.charts["rag_trend"].picks if t["rag_overall"] == "R")
    assert view.apply_target(red)
    register = window.pages["projects"]
    col = register.model.column_index("rag_overall")
    assert {register.model.raw(r, col) for r in range(register.model.rowCount())} == {"R"}


def test_dashboard_follows_edits_and_undo(window, qtbot):
    dash = show(window, qtbot, "dashboard")
    before = dash.summary_data["totals"]["eac"]
    m = show(window, qtbot, "budget").model
    row = m.rows.index(("line", *m.grid.lines[0], "forecast"))
    col = 3 + len(m.months) - 1
    old = m.amount(row, col) or 0
    assert m.setData(m.index(row, col), "1000000")
    show(window, qtbot, "dashboard")  # shown again after an edit elsewhere: re-read
    assert dash.summary_data["totals"]["eac"] == before - old + 100_000_000
    window.undo()
    settled(dash, qtbot)
    assert dash.summary_data["totals"]["eac"] == before


def test_hidden_views_do_no_work(make_window, demo_path):
    from pmo_desktop.store import open_portfolio

    win = make_window(open_portfolio(demo_path))  # never shown
    assert win.pages["dashboard"].summary_data is None and not win.pages["dashboard"].charts
    assert win.pages["finance"].summary_data is None and win.pages["budget"].model.grid is None


def test_choosing_an_earlier_period(window, answers, qtbot):
    view = show(window, qtbot, "finance")
    now = view.summary_data["totals"]["actual_to_date"]
    assert view.period_box.period().isoformat() == "2026-10-31"
    view.period_box.choose("2026-07-31")
    settled(view, qtbot)
    assert view.summary_data["period"]["end"] == "2026-07-31"
    assert view.summary_data["totals"]["actual_to_date"] < now  # fewer months of actuals
    dash = show(window, qtbot, "dashboard")
    dash.period_box.choose("2026-07-31")
    settled(dash, qtbot)
    assert dash.summary_data["period"]["fy_quarter"] == "Q2"
    _, old = dash.charts["rag_trend"].picks[0]  # an old period's RAGs cannot filter today's register
    assert old["period"] == "2026-07-31"
    assert not dash.apply_target(old) and "current period" in answers.warnings[-1]


def test_clicking_a_heat_map_cell_shows_those_open_risks(window, qtbot):
    view = show(window, qtbot, "dashboard")
    s = view.summary_data
    artist, target = max(view.charts["heatmap"].picks, key=lambda pick: s["risks"]["heatmap"][pick[1]["probability"] - 1][pick[1]["impact"] - 1])
    p, i = target["probability"], target["impact"]
    assert artist.get_picker() and view.charts["heatmap"].target_of(artist) == target
    raid = window.pages["raid"]
    raid.search_box.setText("zzz-nothing")  # a search and a column filter left from before are cleared
    raid.apply_search_now()
    raid.set_filter("status", "Closed")
    assert view.apply_target(target)
    assert window.current_view_name() == "raid"
    end = s["period"]["end"]
    expected = window.portfolio.conn.execute(
        """SELECT count(*) FROM raid_items WHERE type = 'Risk' AND probability = ? AND impact = ?
           AND (raised_date IS NULL OR raised_date <= ?)
           AND (CASE WHEN closed_date IS NOT NULL THEN closed_date > ? ELSE status <> 'Closed' END)""",
        (p, i, end, end)).fetchone()[0]
    assert raid.model.rowCount() == expected == s["risks"]["heatmap"][p - 1][i - 1] > 0
    m = raid.model
    cols = [m.column_index(k) for k in ("type", "probability", "impact")]
    assert {tuple(m.raw(r, c) for c in cols) for r in range(m.rowCount())} == {("Risk", p, i)}
    assert raid.condition_chip.isVisibleTo(raid) and f"P{p} × I{i}" in raid.condition_chip.text()
    assert raid.search_box.text() == "" and raid.filter_boxes["status"].currentIndex() == 0
    raid.condition_chip.click()  # clearing it shows every row again
    assert m.condition() is None and m.rowCount() == m.total and not raid.condition_chip.isVisibleTo(raid)


def test_clicking_a_capex_bar_shows_projects_with_capex(window, qtbot):
    view = show(window, qtbot, "dashboard")
    picks = view.charts["capex_opex"].picks
    assert {t["spend_type"] for _, t in picks} == {"CAPEX", "OPEX"}
    artist, target = next((a, t) for a, t in picks if t["spend_type"] == "CAPEX")
    assert artist.get_picker()
    assert view.apply_target(target)
    assert window.current_view_name() == "projects"
    register = window.pages["projects"]
    expected = {r[0] for r in window.portfolio.conn.execute(
        "SELECT DISTINCT p.code FROM projects p JOIN budget_lines b ON b.project_id = p.id WHERE b.spend_type = 'CAPEX'")}
    code = register.model.column_index("code")
    shown = {register.model.raw(r, code) for r in range(register.model.rowCount())}
    assert shown == expected and 0 < len(shown) < register.model.total


def test_heat_map_cell_of_an_earlier_period_counts_risks_open_then(window, qtbot):
    dash = show(window, qtbot, "dashboard")
    dash.period_box.choose("2026-07-31")
    settled(dash, qtbot)
    _, target = dash.charts["heatmap"].picks[0]
    n = dash.summary_data["risks"]["heatmap"][target["probability"] - 1][target["impact"] - 1]
    assert dash.apply_target(target)
    assert window.pages["raid"].model.rowCount() == n


def test_dashboard_reads_its_figures_off_the_gui_thread(window, qtbot, monkeypatch):
    import threading

    from pmo_desktop.gui.finance import dashboard_view

    threads = []
    real = dashboard_view.portfolio_summary

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard_view, "portfolio_summary", recording)
    window.show_view("dashboard")
    dash = window.pages["dashboard"]
    assert dash.loader.loading and not window.isEnabled()  # the runner guards the shared connection
    settled(dash, qtbot)
    assert threads and threads[0] is not threading.main_thread()
    assert window.isEnabled() and dash.summary_data["period"]["end"] == "2026-10-31"


def test_a_read_asked_for_while_another_job_runs_follows_it(window, qtbot):
    import threading

    from pmo_desktop.gui.shell.jobs import job_runner

    dash = show(window, qtbot, "dashboard")
    release = threading.Event()
    other = job_runner(window).run("Another job", lambda _p, _c: release.wait(10))
    dash.period_box.choose("2026-07-31")  # asks for a read while the runner is busy: it waits its turn
    assert dash.loader.loading and dash.summary_data["period"]["end"] == "2026-10-31"
    release.set()
    settled(dash, qtbot)
    assert other.succeeded and dash.summary_data["period"]["end"] == "2026-07-31" and window.isEnabled()


def test_dashboard_opens_the_commentary_editor_for_its_period(window, qtbot):
    from pmo_desktop.reports.commentary import get_commentary

    view = show(window, qtbot, "dashboard")
    view.commentary_button.click()
    editor = window.findChild(QWidget, "commentaryDialog")
    assert editor is not None and editor.period_box.period() == view.period_box.period()
    editor.scope_box.setCurrentIndex(editor.scope_box.findData("Data & Analytics"))
    editor.editor.setPlainText("- Platform on track")
    assert editor.save()
    assert get_commentary(window.portfolio, view.period_box.period(), programme="Data & Analytics") == \
        "- Platform on track"
    editor.close()
