"""Benefits slides: cash released against the realisation plan as a native line chart (planned, actual,
forecast), cash by financial year, and the benefits at risk with the reason the numbers give. The
figures are the PDF section's (reports.sections.benefits.load_benefits, from benefits.realisation)."""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from pmo_desktop.reports.base import fmt_month
from pmo_desktop.reports.data import PackData
from pmo_desktop.reports.lang import message, t, word
from pmo_desktop.reports.pptx.deck import MARGIN, MUTED, TOP, Deck, date_text, millions, millions_format
from pmo_desktop.reports.sections.benefits import ACTUAL, FORECAST, PLAN, _money, year_rows

TITLE = "Benefits"


def build(deck: Deck, data: PackData) -> None:
    b = data.benefits
    if not b or not b["count"]:
        s = deck.slide(t(TITLE))
        deck.text(s, MARGIN, TOP, deck.width, Emu(400000),
                  t("No benefits are recorded yet: add them in the Benefits register."), size=14, colour=MUTED)
        return
    cur = b["currency"] or "GBP"
    cash = b["cash"]
    vs = "" if cash["realised_vs_plan_pct"] is None else \
        t(" ({pct} of plan)", pct=f"{cash['realised_vs_plan_pct']:.0f}%")
    intro = t("{count} benefits. Cash released to date {released} against {planned} planned by {date}{vs}; "
              "forecast {forecast} of a {target} target. {at_risk} at risk.", count=b["count"],
              released=_money(cash["realised_to_date"], cur), planned=_money(cash["planned_to_date"], cur),
              date=date_text(b["as_of"]), vs=vs, forecast=_money(cash["forecast"], cur),
              target=_money(cash["target"], cur), at_risk=b["at_risk_count"])
    s = deck.slide(t(TITLE), notes=intro)
    deck.text(s, MARGIN, TOP, deck.width, Emu(500000), intro, size=13)
    y = TOP + Emu(550000)
    if b["curve"]:
        pts = b["curve"]
        scale = lambda v: None if v is None else millions(v * 100)  # noqa: E731 (major units to £m)
        deck.chart(s, XL_CHART_TYPE.LINE, MARGIN, y, deck.width, deck.height - Emu(1700000),
                   [fmt_month(pt["period"]) for pt in pts],
                   [(t("Planned"), [scale(pt["planned"]) for pt in pts], PLAN),
                    (t("Actual"), [scale(pt["actual"]) for pt in pts], ACTUAL),
                    (t("Forecast"), [scale(pt["forecast"]) for pt in pts], FORECAST)],
                   title=t("Cumulative cash released"), number_format=millions_format(cur))
    if b["by_year"] or (b.get("non_cash_by_year") or {}).get("by_fy"):
        years, rows = year_rows(b, cur)
        deck.table(s, MARGIN, TOP + deck.height - Emu(1000000), deck.width,
                   [[t("By financial year"), *years], *rows],
                   [3] + [1.2] * len(years), right=set(range(1, len(years) + 1)))
    rows, red = [], set()
    for n, r in enumerate(b["at_risk"], start=1):
        due = date_text(r["expected_date"]) or "–"
        if r["expected_date"] != r["target_date"] and r["target_date"]:
            due = t("{date} (was {before})", date=due, before=date_text(r["target_date"]))
        rows.append([r["ref"], r["title"], r["owner"] or "–", ", ".join(r["projects"]), word(r["status"]),
                     "; ".join(message(x) for x in r["risk_reasons"]) or t("Owner's assessment"), due])
        red.add((n, 5))
    deck.paged_table(t("Benefits at risk · {n}", n=len(rows)), ["Ref", "Benefit", "Owner", "Projects", "Owner says",
                                                        "Why at risk", "Due"], rows, [0.8, 3, 1.6, 1.4, 1.1, 3, 1.8],
                     per=12, red=red, empty=t("No benefit is at risk."))
