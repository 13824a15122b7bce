"""Reading and writing the benefits register. Every write is one batch (one undo step)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pmo_desktop.benefits.model import (
    SERIES,
    Benefit,
    BenefitsError,
    LinkedProject,
    check_status,
    check_type,
)
from pmo_desktop.domain import workdays
from pmo_desktop.domain.enums import Source
from pmo_desktop.finance.calendars import load_calendars
from pmo_desktop.governance.common import iso_date
from pmo_desktop.store import Portfolio
from pmo_desktop.store.id_lists import in_list, json_list

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_FIELDS = ("title", "type", "owner", "description", "measure", "unit", "baseline", "target", "target_date", "status")


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def load_benefits(pf: Portfolio, *, refs: Iterable[str] | None = None) -> list[Benefit]:
    """Every benefit (or those named), with its linked projects and measurements, in ref order."""
    where, params = "", []
    if refs is not None:
        where = f"WHERE {in_list('ref')}"
        params = [json_list(refs)]
    benefits = {}
    for row in pf.conn.execute(
            f"""SELECT id, ref, title, type, owner, measure, unit, baseline, target, target_date, status
                FROM benefits {where} ORDER BY ref""", params):
        benefits[row[0]] = Benefit(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                                   _date(row[9]), row[10])
    if not benefits:
        return []
    scope = "" if refs is None else f"WHERE l.benefit_id IN ({', '.join(str(i) for i in benefits)})"
    calendars = load_calendars(pf.conn)
    # the project's own calendar, else the portfolio's first (cheaper than asking each plan which it uses)
    default = calendars[min(calendars)] if calendars else None
    for bid, pid, code, rag, status, finish, base, cal in pf.conn.execute(
            f"""SELECT l.benefit_id, p.id, p.code, p.rag_overall, p.status, p.finish_date, p.baseline_finish,
                       p.calendar_id
                FROM benefit_projects l JOIN projects p ON p.id = l.project_id {scope} ORDER BY p.code"""):
        if bid in benefits:
            benefits[bid].projects.append(LinkedProject(pid, code, rag, status, _date(finish), _date(base),
                                                        calendars.get(cal, default)))
    scope = "" if refs is None else f"WHERE benefit_id IN ({', '.join(str(i) for i in benefits)})"
    for bid, period, planned, forecast, actual in pf.conn.execute(
            f"SELECT benefit_id, period, planned, forecast, actual FROM benefit_measurements {scope}"):
        b = benefits.get(bid)
        when = _date(period)
        if b is None or when is None:
            continue
        for name, value in zip(SERIES, (planned, forecast, actual), strict=True):
            if value is not None:
                getattr(b, name)[when] = value
    return list(benefits.values())


def benefit_row(b: Benefit, when: date) -> dict[str, Any]:
    """One benefit as plain data for the register, the CLI and the board pack."""
    progress = b.progress(when)
    return {
        "ref": b.ref, "title": b.title, "type": b.type, "owner": b.owner, "measure": b.measure, "unit": b.unit,
        "baseline": b.baseline, "target": b.target,
        "target_date": b.target_date.isoformat() if b.target_date else None,
        "expected_date": b.expected_date.isoformat() if b.expected_date else None,
        "slip_days": b.slip_days,
        "projects": [p.code for p in b.projects],
        "status": b.status, "derived_status": b.derived_status, "risk_reasons": b.risk_reasons,
        "planned_to_date": b.gain("planned", when), "forecast_at_target": _forecast_gain(b),
        "realised_to_date": b.gain("actual", when), "actual_level": b.value_at("actual", when),
        "progress_pct": None if progress is None else round(100 * progress, 1),
    }


def _forecast_gain(b: Benefit) -> float | None:
    if b.forecast:
        return b.forecast[max(b.forecast)] - (b.baseline or 0.0)
    return b.span


def next_ref(pf: Portfolio) -> str:
    numbers = [int(m.group(1)) for (ref,) in pf.conn.execute("SELECT ref FROM benefits")
               if (m := re.fullmatch(r"B-(\d+)", ref))]
    return f"B-{max(numbers, default=0) + 1:03d}"


def _project_ids(pf: Portfolio, codes: Iterable[str]) -> list[int]:
    ids = []
    for code in codes:
        row = pf.conn.execute("SELECT id FROM projects WHERE code = ?", (code,)).fetchone()
        if row is None:
            raise BenefitsError(f"there is no project with code '{code}'")
        ids.append(row[0])
    return ids


def _number(value, what: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BenefitsError(f"{what} must be a number, not '{value}'")
    try:
        return float(str(value).replace(",", "").strip()) if not isinstance(value, int | float) else float(value)
    except ValueError:
        raise BenefitsError(f"{what} must be a number, not '{value}'") from None


def clean_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check and normalise benefit fields; a bad value is a one-line BenefitsError."""
    unknown = set(values) - set(_FIELDS)
    if unknown:
        raise BenefitsError(f"a benefit has no field '{sorted(unknown)[0]}'")
    out = dict(values)
    if "title" in out and not str(out["title"] or "").strip():
        raise BenefitsError("a benefit needs a title")
    if out.get("type") is not None:
        out["type"] = check_type(out["type"])
    if out.get("status") is not None:
        out["status"] = check_status(out["status"])
    for name in ("baseline", "target"):
        if name in out:
            out[name] = _number(out[name], name)
    if "target_date" in out:
        out["target_date"] = iso_date(out["target_date"], "the target date")
    return out


def add_benefit(pf: Portfolio, values: Mapping[str, Any], *, projects: Iterable[str] = (), ref: str | None = None,
                source: Source | str = Source.UI) -> str:
    """Add a benefit (ref B-nnn unless given) linked to the projects with these codes; returns the ref."""
    clean = clean_values(values)
    if "title" not in clean:
        raise BenefitsError("a benefit needs a title")
    ids = _project_ids(pf, projects)
    with pf.batch(source, "Add benefit"):
        ref = ref or next_ref(pf)
        if pf.conn.execute("SELECT 1 FROM benefits WHERE ref = ?", (ref,)).fetchone():
            raise BenefitsError(f"there is already a benefit {ref}")
        clean = {k: v for k, v in clean.items() if v is not None}
        cols = ["ref", *clean]
        bid = pf.conn.execute(f"INSERT INTO benefits ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                              [ref, *clean.values()]).lastrowid
        pf.conn.executemany("INSERT INTO benefit_projects (benefit_id, project_id) VALUES (?, ?)",
                            [(bid, pid) for pid in ids])
    return ref


def benefit_id(pf: Portfolio, ref: str) -> int:
    row = pf.conn.execute("SELECT id FROM benefits WHERE ref = ?", (ref,)).fetchone()
    if row is None:
        raise BenefitsError(f"there is no benefit '{ref}'")
    return row[0]


def update_benefit(pf: Portfolio, ref: str, values: Mapping[str, Any], *, source: Source | str = Source.UI) -> None:
    clean = clean_values(values)
    bid = benefit_id(pf, ref)
    if not clean:
        return
    with pf.batch(source, f"Edit {ref}"):
        sets = ", ".join(f"[{c}] = ?" for c in clean)
        pf.conn.execute(f"UPDATE benefits SET {sets}, updated_at = {_NOW} WHERE id = ?", [*clean.values(), bid])


def set_projects(pf: Portfolio, ref: str, codes: Iterable[str], *, source: Source | str = Source.UI) -> None:
    """Link the benefit to exactly these projects."""
    bid = benefit_id(pf, ref)
    wanted = _project_ids(pf, codes)
    with pf.batch(source, f"Link projects to {ref}"):
        link_projects(pf, bid, wanted)


def link_projects(pf: Portfolio, bid: int, project_ids: Iterable[int]) -> bool:
    """Make a benefit's links exactly these projects (inside the caller's batch); True when they changed."""
    wanted = set(project_ids)
    current = {pid for (pid,) in pf.conn.execute(
        "SELECT project_id FROM benefit_projects WHERE benefit_id = ?", (bid,))}
    for pid in current - wanted:
        pf.conn.execute("DELETE FROM benefit_projects WHERE benefit_id = ? AND project_id = ?", (bid, pid))
    pf.conn.executemany("INSERT INTO benefit_projects (benefit_id, project_id) VALUES (?, ?)",
                        [(bid, pid) for pid in sorted(wanted - current)])
    return current != wanted


def delete_benefit(pf: Portfolio, ref: str, *, source: Source | str = Source.UI) -> None:
    bid = benefit_id(pf, ref)
    with pf.batch(source, f"Delete {ref}"):
        pf.conn.execute("DELETE FROM benefits WHERE id = ?", (bid,))


def period_end(value) -> str:
    """A measurement period: the end of the month named (2027-03, 2027-03-01 and 2027-03-31 all → 2027-03-31)."""
    text = str(value).strip() if not isinstance(value, date) else value.isoformat()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    try:
        return workdays.month_end(date.fromisoformat(text[:10])).isoformat()
    except ValueError:
        raise BenefitsError(f"a period is a month like 2027-03 or a date like 2027-03-31, not '{value}'") from None


def record_measurement(pf: Portfolio, ref: str, period, *, planned=None, forecast=None, actual=None,
                       note: str | None = None, source: Source | str = Source.UI) -> None:
    """Set the planned, forecast and/or actual level of a benefit at a period end (others kept)."""
    bid = benefit_id(pf, ref)
    when = period_end(period)
    given = {k: _number(v, k) for k, v in (("planned", planned), ("forecast", forecast), ("actual", actual))
             if v is not None}
    if not given and note is None:
        raise BenefitsError("give a planned, forecast or actual value")
    with pf.batch(source, f"Measure {ref} {when[:7]}"):
        row = pf.conn.execute("SELECT id FROM benefit_measurements WHERE benefit_id = ? AND period = ?",
                              (bid, when)).fetchone()
        if note is not None:
            given["note"] = note
        if row is None:
            cols = ["benefit_id", "period", *given]
            pf.conn.execute(f"INSERT INTO benefit_measurements ({', '.join(cols)}) VALUES "
                            f"({', '.join('?' for _ in cols)})", [bid, when, *given.values()])
        else:
            sets = ", ".join(f"[{c}] = ?" for c in given)
            pf.conn.execute(f"UPDATE benefit_measurements SET {sets}, updated_at = {_NOW} WHERE id = ?",
                            [*given.values(), row[0]])


def delete_measurement(pf: Portfolio, ref: str, period, *, source: Source | str = Source.UI) -> None:
    """Remove a benefit's measurement at a period end (all its values), as one undo step."""
    bid = benefit_id(pf, ref)
    when = period_end(period)
    row = pf.conn.execute("SELECT id FROM benefit_measurements WHERE benefit_id = ? AND period = ?",
                          (bid, when)).fetchone()
    if row is None:
        raise BenefitsError(f"{ref} has no measurement for {when[:7]}")
    with pf.batch(source, f"Delete measurement {ref} {when[:7]}"):
        pf.conn.execute("DELETE FROM benefit_measurements WHERE id = ?", (row[0],))


def first_project(pf: Portfolio, bid: int) -> int | None:
    """The id of the first (by code) project that delivers a benefit, or None."""
    row = pf.conn.execute("""SELECT p.id FROM benefit_projects l JOIN projects p ON p.id = l.project_id
                             WHERE l.benefit_id = ? ORDER BY p.code LIMIT 1""", (bid,)).fetchone()
    return row[0] if row else None


def benefit_descriptions(pf: Portfolio) -> dict[str, str | None]:
    """{ref: description} of every benefit, for the view's detail text."""
    return dict(pf.conn.execute("SELECT ref, description FROM benefits"))
