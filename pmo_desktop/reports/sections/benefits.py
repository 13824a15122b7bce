"""Benefits: cash released to date against the realisation plan, the curve (planned, actual,
forecast), cash by financial year with the non-cash benefits due each year counted beside it, and the
benefits at risk with the reason the numbers give.
Every figure comes from benefits.realisation; the section only draws."""

from __future__ import annotations

from datetime import date

from matplotlib.dates import AutoDateLocator
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator
from reportlab.lib import colors
from reportlab.lib.units import mm

from pmo_desktop.benefits.realisation import portfolio_realisation
from pmo_desktop.domain.enums import Rag
from pmo_desktop.reports import charts
from pmo_desktop.reports.base import (
    data_table,
    empty_note,
    fmt_date,
    fmt_money,
    p,
    pm,
    section_heading,
    spacer,
)
from pmo_desktop.reports.fonts import markup
from pmo_desktop.reports.lang import join, message, t, word

TITLE = "Benefits"
PLAN, ACTUAL, FORECAST = "#90A4AE", "#37474F", "#5C6BC0"  # DOMAIN.md: plan, actual, forecast
MAX_AT_RISK = 15


def load_benefits(pf, period: date, data) -> dict:
    """The section's data: the whole portfolio, or the benefits of the programme's projects."""
    codes = {pr.code for pr in data.projects} if data.programme_filter else None
    return portfolio_realisation(pf, when=period, projects=codes)


def _money(major: float | None, currency: str) -> str:
    return "–" if major is None else fmt_money(major * 100, currency)


def curve_chart(curve: list[dict], when: str, currency: str, width: float, height: float):
    fig = charts.new_figure(width, height)
    ax = fig.add_axes([0.09, 0.2, 0.89, 0.74])
    xs = [date.fromisoformat(pt["period"]) for pt in curve]
    ax.plot(xs, [pt["planned"] for pt in curve], color=PLAN, linewidth=1.6, label=t("Planned (realisation plan)"))
    act = [(x, pt["actual"]) for x, pt in zip(xs, curve, strict=True) if pt["actual"] is not None]
    fc = [(x, pt["forecast"]) for x, pt in zip(xs, curve, strict=True) if pt["forecast"] is not None]
    if act:
        ax.plot([a[0] for a in act], [a[1] for a in act], color=ACTUAL, linewidth=2, label=t("Actual"))
    if fc:
        ax.plot([f[0] for f in fc], [f[1] for f in fc], color=FORECAST, linewidth=1.6, linestyle="--",
                label=t("Forecast"))
    ax.axvline(date.fromisoformat(when), color="#B0BEC5", linewidth=0.8, linestyle=":")
    ax.xaxis.set_major_locator(AutoDateLocator(maxticks=10))
    ax.xaxis.set_major_formatter(charts.month_formatter())  # months written the pack's one way
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt_money(v * 100, currency)))
    ax.grid(True, axis="y", color="#ECEFF1")
    ax.set_ylim(bottom=0)
    handles = [Line2D([], [], color=PLAN, linewidth=1.6, label=t("Planned")),
               Line2D([], [], color=ACTUAL, linewidth=2, label=t("Actual")),
               Line2D([], [], color=FORECAST, linewidth=1.6, linestyle="--", label=t("Forecast")),
               Line2D([], [], color="#B0BEC5", linewidth=0.8, linestyle=":", label=t("This period"))]
    fig.legend(handles=handles, loc="lower center", ncol=4, frameon=False, fontsize=8)
    return fig


def _at_risk_table(rows: list[dict], ctx) -> object:
    s = ctx.styles
    heads = ["Ref", "Benefit", "Owner", "Projects", "Owner says", "Why at risk", "Due"]
    table = [[p(t(h), s.head) for h in heads]]
    extra = []
    for r, b in enumerate(rows, start=1):
        why = "; ".join(message(r) for r in b["risk_reasons"]) or t("Owner's assessment")
        due = fmt_date(b["expected_date"])
        if b["expected_date"] != b["target_date"] and b["target_date"]:
            due = t("{date} (was {before})", date=due, before=fmt_date(b["target_date"]))
        table.append([b["ref"], p(b["title"], s.cell), p(b["owner"] or "–", s.cell),
                      p(", ".join(b["projects"]), s.cell), p(word(b["status"]), s.cell), p(why, s.cell), p(due, s.cell)])
        extra += [("TEXTCOLOR", (5, r), (5, r), colors.HexColor(Rag.RED.colour))]
    fixed = [13 * mm, 44 * mm, 30 * mm, 26 * mm, 18 * mm]
    rest = ctx.width - sum(fixed)
    return data_table(table, fixed + [rest * 0.6, rest * 0.4], extra=extra)


def non_cash_text(counts: dict[str, int] | None) -> str:
    """'6 (1 at risk)': how many non-cash and qualitative benefits fall due, and how they stand."""
    if not counts or not counts.get("due"):
        return "–"
    parts = [t(f"{{n}} {label}", n=counts[key]) for key, label in
             (("realised", "realised"), ("at_risk", "at risk"), ("lost", "lost")) if counts.get(key)]
    return f"{counts['due']}" + (f" ({join(parts)})" if parts else "")


def year_rows(b: dict, currency: str) -> tuple[list[str], list[list[str]]]:
    """The by-year table as text: cash released (summed: money adds up) and, on a row of its own, how
    many non-cash and qualitative benefits fall due each year (counted: their measures do not add up)."""
    non_cash = (b.get("non_cash_by_year") or {}).get("by_fy", {})
    years = sorted(set(b["by_year"]) | set(non_cash))[:8]
    rows = [[t("Cash released (actual to date, then forecast)"),
             *[_money(b["by_year"][y], currency) if y in b["by_year"] else "–" for y in years]]]
    if non_cash:
        rows.append([t("Non-cash and qualitative benefits due"), *[non_cash_text(non_cash.get(y)) for y in years]])
    return years, rows


def _year_table(b: dict, currency: str, ctx) -> object:
    s = ctx.styles
    years, rows = year_rows(b, currency)
    table = [[p(t("By financial year"), s.head)] + [p(y, s.head_right) for y in years]]
    table += [[p(row[0], s.cell)] + [p(v, s.cell_right) for v in row[1:]] for row in rows]
    first = 48 * mm
    return data_table(table, [first] + [(ctx.width - first) / max(1, len(years))] * len(years))


def build(data, ctx) -> list:
    s = ctx.styles
    story = [section_heading(TITLE, s, "benefits")]
    b = data.benefits
    if not b or not b["count"]:
        return story + [empty_note(t("No benefits are recorded yet: add them in the Benefits register."), s)]
    cur = b["currency"] or "GBP"
    cash = b["cash"]
    vs = "" if cash["realised_vs_plan_pct"] is None else \
        markup(t(" ({pct} of plan)", pct="\x01" + f"{cash['realised_vs_plan_pct']:.0f}%" + "\x02"))
    types = join([t("{n} {kind}", n=n, kind=word(kind).lower()) for kind, n in b["by_type"].items() if n])
    def bold(value) -> str:
        return "\x01" + str(value) + "\x02"

    intro = markup(t("{count} benefits ({types}). Cash released to date {released} against {planned} planned by "
                     "{date}{vs}; forecast {forecast} of a {target} target. {at_risk} at risk.",
                     count=bold(b["count"]), types=types, released=bold(_money(cash["realised_to_date"], cur)),
                     planned=bold(_money(cash["planned_to_date"], cur)), date=fmt_date(b["as_of"]), vs="\x03",
                     forecast=bold(_money(cash["forecast"], cur)), target=bold(_money(cash["target"], cur)),
                     at_risk=bold(b["at_risk_count"])))
    intro = intro.replace("\x01", "<b>").replace("\x02", "</b>").replace("\x03", vs.replace("\x01", "<b>").replace("\x02", "</b>"))
    if data.programme_filter:
        intro += markup(" " + t("Benefits of this programme's projects only."))
    story.append(pm(intro, s.body))
    if b["curve"]:
        height = 170
        with charts.chart_style():
            story.append(ctx.chart(charts.to_image(curve_chart(b["curve"], b["as_of"], cur, ctx.width, height),
                                                   ctx.width, height)))
        story.append(p(t("Cumulative cash released by cash-releasing benefits. Non-cash and qualitative benefits "
                         "are tracked against their own measures in the Benefits register."), s.small))
    if b["by_year"] or (b.get("non_cash_by_year") or {}).get("by_fy"):
        story += [spacer(2 * mm), _year_table(b, cur, ctx)]
    story.append(spacer(2 * mm))
    at_risk = b["at_risk"]
    if at_risk:
        title = t("Benefits at risk") + (t(" (first {n} of {total})", n=MAX_AT_RISK, total=len(at_risk))
                                         if len(at_risk) > MAX_AT_RISK else "")
        story += [p(title, s.h2), _at_risk_table(at_risk[:MAX_AT_RISK], ctx),
                  p(t("At risk when a delivering project is red, cancelled or has slipped beyond 10 working days "
                      "(its benefit's date moves with it), or when the owner says so. The owner's status is shown "
                      "as recorded."), s.small)]
    else:
        story.append(empty_note(t("No benefit is at risk."), s))
    return story
