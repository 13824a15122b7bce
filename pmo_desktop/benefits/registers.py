"""The benefits register and a benefit's measurements as registers like the others (registers/): the
same column chooser, saved layout, in-table editing with one set of checks, copy/paste, sort, filter,
search and undo as projects and RAID items.

- `benefits_register(pf)`: one row per benefit. Linked projects are typed as codes ("PRJ-101, PRJ-117")
  and stored as links; type and status offer their words. Realised to date, forecast, progress, the
  expected date and what the numbers say (at risk when a linked project slips or goes red) are worked
  out, not typed: the first four in SQL from the measurements, the last from benefits.model (it needs
  each project's working calendar), laid into the column as the ids it holds when the register is built.
- `measurements_register(pf, benefit_id)`: that benefit's levels per month end (planned, forecast,
  actual, note); a typed period is moved to its month end.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pmo_desktop.benefits.model import STATUSES, TYPES
from pmo_desktop.benefits.realisation import as_of
from pmo_desktop.benefits.register import link_projects, load_benefits, next_ref, period_end
from pmo_desktop.domain import workdays
from pmo_desktop.domain.values import ValueProblem, parse_date
from pmo_desktop.registers.columns import CHOICE, DATE, MULTILINE, NUMBER, PERCENT, TEXT, Column, Formatting
from pmo_desktop.registers.definitions import Register
from pmo_desktop.registers.writes import project_id
from pmo_desktop.store import Portfolio, PortfolioError
from pmo_desktop.store.rows import update_row

AT_RISK = "At risk"
PROJECTS_SQL = ("(SELECT group_concat(code, ', ') FROM (SELECT p.code FROM benefit_projects l "
                "JOIN projects p ON p.id = l.project_id WHERE l.benefit_id = b.id ORDER BY p.code))")
_BASE = "coalesce(b.baseline, 0)"
_LATEST_FORECAST = ("(SELECT m.forecast FROM benefit_measurements m WHERE m.benefit_id = b.id "
                    "AND m.forecast IS NOT NULL ORDER BY m.period DESC LIMIT 1)")
_SLIP = ("(SELECT max(CAST(max(0, julianday(p.finish_date) - julianday(p.baseline_finish)) AS INTEGER)) "
         "FROM benefit_projects l JOIN projects p ON p.id = l.project_id WHERE l.benefit_id = b.id)")
EXPECTED_SQL = f"date(b.target_date, '+' || coalesce({_SLIP}, 0) || ' days')"
# Columns whose figures are in the benefit's unit (money for a cash-releasing benefit).
FIGURES = ("baseline", "target", "actual_level", "realised_to_date", "forecast")


def _actual_at(when: str) -> str:
    return ("(SELECT m.actual FROM benefit_measurements m WHERE m.benefit_id = b.id AND m.actual IS NOT NULL "
            f"AND m.period <= '{when}' ORDER BY m.period DESC LIMIT 1)")


def risk_reasons(pf: Portfolio) -> dict[int, list[str]]:
    """{benefit id: why the numbers say it is at risk (empty when only its owner says so)} for every
    benefit the owner or the numbers call at risk."""
    return {b.id: b.risk_reasons for b in load_benefits(pf) if b.derived_status == AT_RISK}


def _new_benefit(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
    return {"ref": next_ref(pf), "title": "New benefit", "type": TYPES[0], "status": STATUSES[0]}


def _convert(pf: Portfolio, column: Column, value: Any) -> Any:
    if column.key != "projects":
        return value
    codes = [c.strip() for c in str(value or "").replace(";", ",").split(",") if c.strip()]
    return [project_id(pf, code) for code in dict.fromkeys(codes)]


def _store(pf: Portfolio, row_id: int, values: dict[str, Any]) -> None:
    values = dict(values)
    projects = values.pop("projects", None)
    if values:
        update_row(pf, "benefits", row_id, values)
    if projects is not None:
        link_projects(pf, row_id, projects)


def benefits_register(pf: Portfolio, when: date | None = None,
                      at_risk: dict[int, list[str]] | None = None) -> Register:
    """The register as of `when` (the reporting period's end), with the benefits at risk now."""
    when_iso = (when or as_of(pf)).isoformat()
    at_risk = risk_reasons(pf) if at_risk is None else at_risk
    ids = ", ".join(str(int(i)) for i in sorted(at_risk))
    derived = f"(CASE WHEN b.id IN ({ids}) THEN '{AT_RISK}' ELSE b.status END)" if ids else "b.status"
    realised = f"round({_actual_at(when_iso)} - {_BASE}, 2)"
    return Register(
        name="benefits", title="Benefits", noun="benefit", table="benefits", alias="b", from_sql="benefits b",
        key_column="ref", frozen=2, new_row=_new_benefit, convert=_convert, store_row=_store,
        default_order="b.ref",
        about="Benefits: what the projects are meant to deliver (cash released, costs avoided, better service), "
              "each with an owner, a target and a date, measured period by period against its plan.",
        columns=[
            Column("ref", "Ref", "b.ref", TEXT, required=True, width=64),
            Column("title", "Benefit", "b.title", TEXT, required=True, width=230),
            Column("type", "Type", "b.type", CHOICE, choices=TYPES, required=True, width=112, filter=True),
            Column("owner", "Owner", "b.owner", TEXT, width=130, filter=True),
            Column("projects", "Linked projects", PROJECTS_SQL, TEXT, width=130,
                   tip="The projects that deliver it: type their codes separated by commas"),
            Column("status", "Owner says", "b.status", CHOICE, choices=STATUSES, required=True, width=92,
                   filter=True, tip="The benefit owner's status"),
            Column("derived_status", "Numbers say", derived, CHOICE, choices=STATUSES, editable=False, width=96, filter=True,
                   tip="At risk when a linked project is red, cancelled or has slipped past tolerance"),
            Column("actual_level", "Now", _actual_at(when_iso), NUMBER, editable=False, width=90,
                   tip="The actual level at the end of the reporting period"),
            Column("realised_to_date", "Realised to date", realised, NUMBER, editable=False, width=112,
                   tip="The actual level at the end of the reporting period less the baseline"),
            Column("forecast", "Forecast gain", f"round(coalesce({_LATEST_FORECAST}, b.target) - {_BASE}, 2)",
                   NUMBER, editable=False, width=104,
                   tip="The latest forecast level less the baseline (the target's when there is no forecast)"),
            Column("progress", "Progress", f"round(100.0 * {realised} / nullif(b.target - {_BASE}, 0))", PERCENT,
                   editable=False, width=76, tip="Realised to date as a share of the way from baseline to target"),
            Column("target", "Target", "b.target", NUMBER, width=96),
            Column("target_date", "Target date", "b.target_date", DATE, width=100),
            Column("expected_date", "Expected", EXPECTED_SQL, DATE, editable=False, width=100,
                   tip="The target date moved by the largest slip of the linked projects"),
            Column("baseline", "Baseline", "b.baseline", NUMBER, width=96),
            Column("measure", "Measure", "b.measure", TEXT, width=160),
            Column("unit", "Unit", "b.unit", TEXT, width=70),
            Column("description", "Description", "b.description", MULTILINE, width=240),
        ],
    )


def _measurement_new_row(benefit_id: int, when: date):
    def new_row(pf: Portfolio, ctx: dict[str, Any]) -> dict[str, Any]:
        last = pf.conn.execute("SELECT max(period) FROM benefit_measurements WHERE benefit_id = ?",
                               (benefit_id,)).fetchone()[0]
        period = workdays.month_end(workdays.add_months(date.fromisoformat(last[:10]), 1)) if last else when
        return {"benefit_id": benefit_id, "period": period.isoformat()}
    return new_row


def _convert_measurement(pf: Portfolio, column: Column, value: Any) -> Any:
    """A period is typed as a month (2027-03) or any date in it, in the portfolio's date style."""
    if column.key != "period" or value is None:
        return value
    try:
        return period_end(value)
    except PortfolioError:
        pass
    try:
        day = parse_date(value, day_first=Formatting.from_settings(pf.settings()).day_first)
    except ValueProblem:
        day = None
    if day is None:
        raise ValueProblem(f"a period is a month like 2027-03 or a date in it, not '{value}'")
    return period_end(day)


def measurements_register(pf: Portfolio, benefit_id: int | None, when: date | None = None) -> Register:
    """One benefit's measurements (none when `benefit_id` is None), oldest first."""
    where = f"m.benefit_id = {int(benefit_id)}" if benefit_id is not None else "0"
    return Register(
        name="benefit_measurements", title="Measurements", noun="measurement", table="benefit_measurements",
        alias="m", from_sql="benefit_measurements m", where=where, key_column="period", frozen=1,
        new_row=_measurement_new_row(benefit_id or 0, when or as_of(pf)), convert=_convert_measurement,
        default_order="m.period",
        about="The measure's level at each month end: planned, forecast and actual.",
        columns=[
            Column("period", "Period", "m.period", TEXT, required=True, width=100,
                   tip="The month end the levels are for (any day of the month is moved to its end)"),
            Column("planned", "Planned", "m.planned", NUMBER, width=90),
            Column("forecast", "Forecast", "m.forecast", NUMBER, width=90),
            Column("actual", "Actual", "m.actual", NUMBER, width=90),
            Column("note", "Note", "m.note", TEXT, width=160),
        ],
    )
