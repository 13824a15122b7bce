"""The dashboard: KPI tiles and the finance charts (matplotlib in Qt) for the current period.

Figures come from finance.portfolio_summary, s_curve and spend_split, the same service as
`pmo summary` and the board pack; the charts are finance.charts, shared with the board pack.
Clicking a programme's variance bar or the latest period's RAG segment filters the projects
register to those projects and shows it; a heat-map cell shows the RAID log's risks open at the
period's end with that probability and impact; a CAPEX or OPEX bar shows the projects with budget
lines of that type.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.money import format_money, format_pct
from pmo_desktop.finance import open_risks_sql, portfolio_summary, resolve_period, s_curve, spend_split
from pmo_desktop.finance.periods import default_period_end
from pmo_desktop.gui.registers.empty_state import ProjectsOrEmpty
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.shell.view_loader import ViewLoader
from pmo_desktop.gui.shell.views import PortfolioView, RereadOnShow, ViewContext
from pmo_desktop.gui.widgets.period_box import PeriodBox
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import PortfolioError
from pmo_desktop.store.status_reports import period_sources


@cache
def use_cjk_capable_fonts() -> None:
    """Charts in the window draw with DejaVu Sans, then the bundled CJK font (resources/fonts, the board
    pack's), so Chinese titles, legends and names never show as boxes. Only matplotlib learns the font
    here (reportlab, which the pack also gives it to, takes seconds to parse it)."""
    import logging

    import matplotlib
    from matplotlib import font_manager

    from pmo_desktop.paths import resource_path

    path = resource_path("fonts", "DroidSansFallbackFull.ttf")
    if not path.is_file():
        return
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", name]
    # The CJK face has no bold: matplotlib would log a warning for every bold title.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


def make_canvas(name: str, on_pick):
    """A matplotlib canvas for one chart; emits on_pick(target) when a pickable element is clicked.
    matplotlib is imported here, on first use, so it costs nothing until the dashboard is shown."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    use_cjk_capable_fonts()

    class ChartCanvas(FigureCanvasQTAgg):
        def __init__(self):
            self.figure = Figure(figsize=(4, 3), dpi=90, layout="constrained")
            super().__init__(self.figure)
            self.setObjectName(f"chart_{name}")
            self.setMinimumSize(220, 230)
            self.picks: list = []
            self.mpl_connect("pick_event", self._picked)

        def draw_with(self, draw, *args) -> None:
            self.figure.clear()
            ax = self.figure.add_subplot()
            self.picks = draw(ax, *args) or []
            self.draw_idle()

        def target_of(self, artist):
            return next((t for a, t in self.picks if a is artist), None)

        def _picked(self, event) -> None:
            target = self.target_of(event.artist)
            if target is not None:
                on_pick(target)

    return ChartCanvas()


def _tile(title: str) -> tuple[QFrame, QLabel, QLabel]:
    frame = QFrame()
    frame.setObjectName("kpiTile")
    frame.setStyleSheet("QFrame#kpiTile { background: #FFFFFF; border: 1px solid #D5DCE0; border-radius: 6px; }")
    head = QLabel(title)
    head.setStyleSheet("color: #546E7A; border: none;")
    value = QLabel()
    value.setTextFormat(Qt.TextFormat.RichText)
    value.setStyleSheet("font-size: 15pt; font-weight: 600; color: #263238; border: none;")
    note = QLabel()
    note.setWordWrap(True)
    note.setStyleSheet("color: #546E7A; border: none;")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.addWidget(head)
    layout.addWidget(value)
    layout.addWidget(note)
    return frame, value, note


def returns_text(sources: dict, date_style: str | None, lang: str = "en") -> str:
    """'Reports from PMs: 6 (latest 5 Dec 2026) · entered by the PMO: 19', or '' when none came back."""
    if not sources["returned"]:
        return ""
    return tr("Reports from PMs: {returned} (latest {date}) · entered by the PMO: {entered}").format(
        returned=sources["returned"], date=format_date(sources["latest"], date_style, lang=lang), entered=sources["entered"])


def rag_chips(counts: dict) -> str:
    """Coloured chips with the letter and the count, for rich-text labels."""
    out = []
    for rag in (Rag.RED, Rag.AMBER, Rag.GREEN):
        out.append(f"<span style='background:{rag.colour}; color:{rag.text_colour};'>&nbsp;{rag.letter}&nbsp;</span>"
                   f"&nbsp;{counts.get(rag.value, 0)} ")
    return "".join(out)


class DashboardView(RereadOnShow, PortfolioView):
    filter_applied = Signal(str, str, object)  # view name, filter key, value

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(context, parent)
        self._seen_batch = -1
        self.setObjectName("dashboardView")
        self.summary_data: dict | None = None
        self.loader = ViewLoader(self, tr("Reading the dashboard figures"), on_cancelled=self._forget)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 13pt; font-weight: 600; color: #263238;")
        self.period_box = PeriodBox()
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.commentary_button = QPushButton(tr("Commentary…"))
        self.commentary_button.setObjectName("commentaryButton")
        self.commentary_button.setToolTip(tr("The portfolio's and programmes' commentary for the board pack"))
        self.commentary_button.clicked.connect(self.edit_commentary)
        self.returns_note = QLabel()  # which reports came from PMs' workbooks, and when (issue 21)
        self.returns_note.setObjectName("returnsNote")
        self.returns_note.setStyleSheet("color: #546E7A;")
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.returns_note)
        top.addWidget(self.commentary_button)
        top.addWidget(self.period_box)
        self.tiles_layout = tiles = QHBoxLayout()
        self.tiles: dict[str, tuple[QLabel, QLabel]] = {}
        for key, title in (("rag", tr("Projects by RAG")), ("spend", tr("Spend to date")), ("eac", tr("EAC vs budget")),
                           ("milestones", tr("Milestones due")), ("risks", tr("Red risks (high, critical)")),
                           ("benefits", tr("Benefits released"))):
            frame, value, note = _tile(title)
            self.tiles[key] = (value, note)
            tiles.addWidget(frame, 3 if key == "rag" else 2)
        self.charts: dict = {}  # made on first show (see _make_charts)
        self.grid = grid = QGridLayout()
        self.hint = QLabel(tr("Click a programme's variance bar, a RAG segment of the latest period or a CAPEX/OPEX "
                              "bar to see those projects in the register; click a heat-map cell to see those risks "
                              "in the RAID log."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #546E7A;")
        grid.addWidget(self.hint, 1, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addLayout(tiles)  # out of the stack below: an empty portfolio hides them
        figures = QWidget()
        figures.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        self.body = ProjectsOrEmpty(figures, self, about=tr(
            "The dashboard: the portfolio at a glance for the period, with its projects by RAG, spend and EAC "
            "against budget, milestones due, red risks and benefits released, and charts that open the projects "
            "behind them."))
        layout.addWidget(self.body, 1)

    def _make_charts(self) -> None:
        if self.charts:
            return
        places = {"s_curve": (0, 0), "variance": (0, 1), "capex_opex": (0, 2), "rag_trend": (1, 0), "heatmap": (1, 1)}
        for name, (row, column) in places.items():
            self.charts[name] = make_canvas(name, self.apply_target)
            self.grid.addWidget(self.charts[name], row, column)

    def refresh(self) -> None:
        """Re-read and redraw; while hidden, only note that the next show must re-read. The figures
        are read on the window's job runner (see view_loader) and drawn when they arrive."""
        if not self.isVisible():
            self._seen_batch = -1
            return
        self._seen_batch = self.portfolio.last_batch_id()
        self.body.show_empty()
        for i in range(self.tiles_layout.count()):
            self.tiles_layout.itemAt(i).widget().setVisible(not self.body.showing_empty())
        self._make_charts()
        pf = self.portfolio
        self.period_box.fill(pf)
        try:
            period = resolve_period(pf, self.period_box.period(), require_data=False)
        except PortfolioError as exc:
            self.context.report_problem(str(exc))
            return

        def read():
            from pmo_desktop.benefits.realisation import portfolio_realisation

            with pf.snapshot():  # the figures, the charts and the benefits from one state of the file
                return (period, portfolio_summary(pf, period.end, require_data=False), s_curve(pf, period),
                        spend_split(pf, period), period_sources(pf, period.end.isoformat()),
                        portfolio_realisation(pf, when=period.end))

        self.loader.load(read, self._draw, self.context.report_problem)

    def edit_commentary(self):
        """The commentary editor for the period on show (gui/reports/commentary_dialog.py)."""
        from pmo_desktop.gui.reports.commentary_dialog import edit_commentary

        return edit_commentary(self.portfolio, self, period=self.period_box.period())

    def _forget(self) -> None:
        self._seen_batch = -1

    def _draw(self, figures) -> None:
        from pmo_desktop.finance import charts

        period, s, curve, split, sources, benefits = figures
        pf = self.portfolio
        self.returns_note.setText(returns_text(sources, pf.settings().get("date_format"), current_language()))
        self.summary_data = s
        cur = s["currency"]
        k = s["kpis"]
        self.header.setText(f"{s['portfolio']} · {period.fy_label} Q{period.quarter}")
        self._set("rag", rag_chips(k["projects_by_rag"]),
                  tr("{projects} projects; {differ} cost RAGs differ from the numbers").format(
                      projects=s["counts"]["projects"], differ=s["rag_differs"]["cost"]))
        self._set("spend", format_money(k["actual_to_date"], cur),
                  tr("against {planned} planned to date").format(planned=format_money(k["planned_to_date"], cur)))
        self._set("eac", format_money(k["eac"], cur),
                  tr("budget {budget}; variance {pct}").format(budget=format_money(k["approved_budget"], cur),
                                                              pct=format_pct(k["variance_pct"], signed=True)))
        self._set("milestones", str(k["milestones_due"]),
                  tr("this period; {missed} not complete, {overdue} overdue in all").format(
                      missed=k["milestones_missed"], overdue=k["milestones_overdue"]))
        self._set("risks", str(k["open_red_risks"]), tr("of {open} open risks").format(open=s["risks"]["open"]))
        cash = benefits["cash"]
        vs = "" if cash["realised_vs_plan_pct"] is None else f" ({cash['realised_vs_plan_pct']:.0f}%)"
        self._set("benefits", format_money(cash["realised_to_date"] * 100, cur),
                  tr("cash against {planned} planned{vs}; {at_risk} of {count} benefits at risk").format(
                      planned=format_money(cash["planned_to_date"] * 100, cur), vs=vs,
                      at_risk=benefits["at_risk_count"], count=benefits["count"]))
        settings = pf.settings()
        lang = current_language()
        self.charts["s_curve"].draw_with(charts.s_curve, curve, cur, period.cutoff_month, lang)
        self.charts["variance"].draw_with(charts.variance_by_programme, s["programmes"], cur, settings.get("cost_rag"), lang)
        self.charts["capex_opex"].draw_with(charts.capex_opex, split, cur, lang)
        self.charts["rag_trend"].draw_with(charts.rag_trend, s["rag_trend"], lang)
        self.charts["heatmap"].draw_with(charts.risk_heatmap, s["risks"]["heatmap"], lang)
        self.summary_changed.emit()

    def _set(self, key: str, value: str, note: str) -> None:
        self.tiles[key][0].setText(value)
        self.tiles[key][1].setText(note)

    def summary(self) -> str:
        if not self.summary_data:
            return ""
        return tr("Dashboard for the period ending {date}").format(date=self.context.fmt.date(self.summary_data["period"]["end"]))

    # -- clicking a chart ---------------------------------------------------------------------------------

    def apply_target(self, target: dict) -> bool:
        """Filter a register as a chart element asks, and show it. Returns False when the window
        has no such register."""
        if "programme" in target:
            view, filters = "projects", {"programme_id": target["programme"], "rag_overall": None}
        elif "rag_overall" in target:
            latest = self.summary_data["rag_trend"][-1]["period"] if self.summary_data["rag_trend"] else None
            current = self.period_box.period() == default_period_end(self.portfolio)
            if not current or target.get("period") != latest:
                self.context.report_problem(tr("the register shows today's RAGs: choose the current period to filter by RAG"))
                return False
            view, filters = "projects", {"rag_overall": target["rag_overall"], "programme_id": None}
        elif "probability" in target or "spend_type" in target:
            return self._show_only(*self._condition_for(target))
        else:
            return False
        window = self.window()
        page = getattr(window, "pages", {}).get(view)
        if page is None or not hasattr(page, "set_filter"):
            return False
        for key, value in filters.items():
            try:
                page.set_filter(key, value)
            except KeyError:
                self.context.report_problem(tr("the {view} register has no rows with {key} {value}").format(
                    view=view, key=key, value=value))
                return False
            self.filter_applied.emit(view, key, value)
        window.show_view(view)
        return True

    def _condition_for(self, target: dict) -> tuple[str, str, str, list]:
        """(register, label, SQL condition, parameters) for a heat-map cell or a CAPEX/OPEX bar."""
        if "probability" in target:
            end = self.summary_data["period"]["end"]
            sql, params = open_risks_sql(end, alias="r")
            p, i = int(target["probability"]), int(target["impact"])
            label = tr("Risks open at {date}: P{p} × I{i}").format(date=end, p=p, i=i)
            return "raid", label, f"{sql} AND r.probability = ? AND r.impact = ?", [*params, p, i]
        kind = str(target["spend_type"])
        return ("projects", tr("Projects with {kind} spend").format(kind=kind),
                "EXISTS (SELECT 1 FROM budget_lines b WHERE b.project_id = p.id AND b.spend_type = ?)", [kind])

    def _show_only(self, view: str, label: str, sql: str, params: list) -> bool:
        window = self.window()
        page = getattr(window, "pages", {}).get(view)
        if page is None or not hasattr(page, "show_only"):
            return False
        page.show_only(label, sql, params)
        self.filter_applied.emit(view, "condition", label)
        window.show_view(view)
        return True
