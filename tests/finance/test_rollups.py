"""Budget roll-ups against figures worked out by hand (see tests/finance/worked.py)."""

from dataclasses import fields
from datetime import date

import pytest

from pmo_desktop.finance import (
    fy_label,
    fy_quarter,
    portfolio_total,
    programme_totals,
    project_finances,
    quarter_label,
    resolve_period,
    s_curve,
    spend_by_month,
    spend_by_quarter,
    spend_by_year,
    spend_split,
)
from tests.finance import worked

MONEY = ("planned_total", "planned_to_date", "actual_to_date", "forecast_remaining", "eac")


@pytest.fixture
def ex(portfolio):
    ids = worked.build(portfolio)
    period = resolve_period(portfolio)
    return portfolio, ids, period, {f.code: f for f in project_finances(portfolio, period)}


def test_project_figures_by_hand(ex):
    pf, ids, period, by_code = ex
    assert period.end == date(2026, 10, 31) and period.cutoff_month == date(2026, 10, 1)
    p1 = by_code["P1"]
    # planned 100+100+100+200+200 (Labour) + 300+100 (Hardware), in thousands of pence
    assert p1.planned_total == 1_100_000
    assert p1.planned_to_date == 600_000  # Aug, Sep, Oct Labour + Oct Hardware
    assert p1.actual_to_date == 520_000  # 120 + 90 + (missing) 0 + 310; November's actual is ignored
    assert p1.missing_actuals == 1
    assert p1.forecast_remaining == 450_000  # Nov forecast 250 + Dec plan 200 + Jan forecast 0
    assert p1.eac == 970_000
    assert p1.variance == -30_000 and p1.variance_pct == pytest.approx(-3.0)
    assert p1.burn_rate == pytest.approx(520_000 / 3)  # Aug-Oct
    assert p1.runway_months == pytest.approx(480_000 / (520_000 / 3))
    p2 = by_code["P2"]
    assert (p2.actual_to_date, p2.forecast_remaining, p2.eac, p2.variance) == (250_000, 330_000, 580_000, 80_000)
    assert p2.variance_pct == pytest.approx(16.0)
    assert p2.burn_rate == 250_000  # only October has lines in the window: not diluted
    assert p2.runway_months == pytest.approx(1.0)


def test_zero_and_missing_budgets(ex):
    _, _, _, by_code = ex
    p3 = by_code["P3"]  # approved budget 0
    assert p3.variance == 50_000 and p3.variance_pct is None
    assert p3.runway_months == 0.0  # budget already spent
    p4 = by_code["P4"]  # no approved budget, only a future line
    assert p4.variance is None and p4.variance_pct is None
    assert p4.actual_to_date == 0 and p4.eac == 40_000
    assert p4.burn_rate is None and p4.runway_months is None
    p5 = by_code["P5"]  # budget but no lines: nothing to compare
    assert p5.budget_lines == 0 and p5.eac == 0
    assert p5.variance is None and p5.burn_rate is None and p5.runway_months is None


def test_programme_and_portfolio_rollups(ex):
    _, ids, _, by_code = ex
    finances = list(by_code.values())
    groups = {g.label: g for g in programme_totals(finances)}
    assert list(groups) == ["Alpha", "Beta", "(no programme)"]
    alpha = groups["Alpha"]
    assert alpha.key == ids["alpha"] and alpha.projects == 2
    assert alpha.approved_budget == 1_500_000 and alpha.eac == 1_550_000
    assert alpha.variance == 50_000 and alpha.variance_pct == pytest.approx(50_000 / 1_500_000 * 100)
    beta = groups["Beta"]
    assert beta.approved_budget == 70_000
    assert beta.variance == 50_000 and beta.variance_pct is None  # only P3 compares, against a zero budget
    assert groups["(no programme)"].projects_without_budget == 1
    whole = portfolio_total(finances)
    assert whole.variance == 100_000 and whole.variance_pct == pytest.approx(100_000 / 1_500_000 * 100)
    for name in MONEY + ("approved_budget", "variance", "projects"):
        assert getattr(whole, name) == sum(getattr(g, name) for g in groups.values()), name


def test_programme_rollups_equal_sum_of_projects_on_demo(demo):
    period = resolve_period(demo)
    finances = project_finances(demo, period)
    for group in programme_totals(finances):
        members = [f for f in finances if f.programme_id == group.key]
        for name in MONEY:
            assert getattr(group, name) == sum(getattr(f, name) for f in members)
        assert group.variance == sum(f.variance for f in members if f.variance is not None)
    whole = portfolio_total(finances)
    assert whole.eac == whole.actual_to_date + whole.forecast_remaining
    assert sum(m.outturn for m in spend_by_month(demo, period)) == whole.eac
    assert sum(s.eac for s in spend_split(demo, period, by="category")) == whole.eac


def test_months_actual_before_forecast_after(ex):
    pf, ids, period, _ = ex
    months = {m.key: m for m in spend_by_month(pf, period, [ids["P1"]])}
    assert list(months) == ["2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01"]
    assert (months["2026-08-01"].actual, months["2026-08-01"].forecast) == (120_000, None)
    assert (months["2026-10-01"].actual, months["2026-10-01"].outturn) == (310_000, 310_000)
    assert (months["2026-11-01"].actual, months["2026-11-01"].forecast) == (None, 250_000)
    assert months["2026-12-01"].forecast == 200_000 and months["2027-01-01"].forecast == 0
    assert months["2026-08-01"].label == "Aug 2026"
    for style, label in (("iso", "2026-08"), ("dmy", "08/2026"), ("mdy", "08/2026"), ("medium", "Aug 2026")):
        pf.set_settings({"date_format": style})
        assert spend_by_month(pf, period, [ids["P1"]])[0].label == label, style
    assert spend_by_month(pf, period, [ids["P1"]], lang="zh-CN")[0].label == "2026年8月"


def test_quarters_and_years_april_start(ex):
    pf, ids, period, _ = ex
    quarters = {q.key: q for q in spend_by_quarter(pf, period, [ids["P1"]])}
    assert list(quarters) == ["FY2026/27 Q2", "FY2026/27 Q3", "FY2026/27 Q4"]
    q3 = quarters["FY2026/27 Q3"]  # Oct-Dec: Oct actuals, Nov-Dec forecasts
    assert (q3.planned, q3.actual, q3.forecast, q3.outturn) == (800_000, 310_000, 450_000, 760_000)
    assert q3.label == "Q3 FY2026/27"
    assert quarters["FY2026/27 Q2"].forecast is None and quarters["FY2026/27 Q4"].actual is None
    years = spend_by_year(pf, period)
    assert [y.key for y in years] == ["FY2026/27"]
    assert years[0].outturn == 970_000 + 580_000 + 50_000 + 40_000


def test_quarters_with_january_start(ex):
    pf, ids, _, _ = ex
    pf.set_settings({"fy_start_month": 1})
    period = resolve_period(pf)
    quarters = {q.key: q.outturn for q in spend_by_quarter(pf, period, [ids["P1"]])}
    assert quarters == {"FY2026 Q3": 210_000, "FY2026 Q4": 760_000, "FY2027 Q1": 0}
    assert [y.key for y in spend_by_year(pf, period, [ids["P1"]])] == ["FY2026", "FY2027"]


@pytest.mark.parametrize("month, start, label, quarter", [
    ("2026-03-01", 4, "FY2025/26", 4), ("2026-04-01", 4, "FY2026/27", 1), ("2026-06-01", 4, "FY2026/27", 1),
    ("2026-07-01", 4, "FY2026/27", 2), ("2026-12-01", 4, "FY2026/27", 3), ("2027-01-01", 4, "FY2026/27", 4),
    ("2026-01-01", 1, "FY2026", 1), ("2026-03-01", 1, "FY2026", 1), ("2026-04-01", 1, "FY2026", 2),
    ("2026-12-01", 1, "FY2026", 4), ("2026-09-01", 10, "FY2025/26", 4), ("2026-10-01", 10, "FY2026/27", 1),
    ("1999-12-01", 4, "FY1999/00", 3),
])
def test_fy_quarter_boundaries(month, start, label, quarter):
    d = date.fromisoformat(month)
    assert fy_label(d, start) == label
    assert fy_quarter(d, start) == quarter
    assert quarter_label(d, start) == f"{label} Q{quarter}"


def test_split_capex_opex_and_category(ex):
    pf, ids, period, _ = ex
    split = spend_split(pf, period, "spend_type", [ids["P1"]])
    assert [(s.key, s.planned_total, s.actual_to_date, s.forecast_remaining, s.eac) for s in split] == [
        ("OPEX", 700_000, 210_000, 450_000, 660_000), ("CAPEX", 400_000, 310_000, 0, 310_000)]
    cats = {s.key: s.eac for s in spend_split(pf, period, "category")}
    assert cats == {"Labour": 660_000, "Contractors": 580_000, "Hardware": 310_000, "Other": 50_000,
                    "Software": 40_000}
    with pytest.raises(ValueError):
        spend_split(pf, period, "month")


def test_s_curve_joins_actual_and_forecast(ex):
    pf, ids, period, _ = ex
    points = s_curve(pf, period, [ids["P1"]])
    assert [p.planned_cum for p in points] == [100_000, 200_000, 600_000, 800_000, 1_000_000, 1_100_000]
    assert [p.actual_cum for p in points] == [120_000, 210_000, 520_000, None, None, None]
    assert [p.forecast_cum for p in points] == [None, None, 520_000, 770_000, 970_000, 970_000]


def test_dataclasses_serialise(ex):
    _, _, _, by_code = ex
    d = by_code["P1"].as_dict()
    assert set(d) == {f.name for f in fields(by_code["P1"])}


def test_empty_portfolio_has_zero_totals(portfolio):
    period = resolve_period(portfolio)
    assert project_finances(portfolio, period) == []
    whole = portfolio_total([])
    assert whole.eac == 0 and whole.variance_pct is None and whole.burn_rate is None
    assert spend_by_month(portfolio, period) == [] and s_curve(portfolio, period) == []
