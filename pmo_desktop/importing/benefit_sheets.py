"""The benefits register in the Excel workbook: two sheets that `pmo export` writes and `pmo import`
reads straight back (ref is the key; linked projects are codes separated by commas). The generic
importer leaves these sheets alone (service.plan_file); they are read here.

Reading goes through the importer's safe readers (zip bombs, formulas, entity tricks are theirs to
refuse). Every row is checked before anything is written; one bad row refuses the whole sheet with a
one-line message naming the row, so an import is all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pmo_desktop.benefits.model import BenefitsError, check_status, check_type
from pmo_desktop.benefits.register import link_projects, next_ref, period_end
from pmo_desktop.domain.cells import unguard_cell
from pmo_desktop.domain.enums import Source
from pmo_desktop.importing.plan import CHANGED, NEW, UNCHANGED, RowResult, SheetPlan
from pmo_desktop.importing.readers import read_file
from pmo_desktop.spreadsheets.calamine_reader import sheet_names
from pmo_desktop.store import Portfolio

BENEFITS_SHEET = "Benefits"
MEASUREMENTS_SHEET = "Benefit measurements"
SHEETS = (BENEFITS_SHEET, MEASUREMENTS_SHEET)
BENEFIT_HEADERS = ["Ref", "Title", "Type", "Owner", "Description", "Measure", "Unit", "Baseline", "Target",
                   "Target Date", "Status", "Projects"]
BENEFIT_TYPES = ["text"] * 7 + ["number", "number", "date", "text", "text"]
MEASUREMENT_HEADERS = ["Ref", "Period", "Planned", "Forecast", "Actual", "Note"]
MEASUREMENT_TYPES = ["text", "date", "number", "number", "number", "text"]
_FIELDS = ("title", "type", "owner", "description", "measure", "unit", "baseline", "target", "target_date", "status")
_MEASURES = ("planned", "forecast", "actual", "note")
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def is_benefit_sheet(name: str) -> bool:
    return name.strip().casefold() in {s.casefold() for s in SHEETS}


def export_rows(pf: Portfolio) -> list[tuple[str, list[str], list[str], list[list[Any]]]]:
    """(sheet title, headers, value types, rows) for the workbook export."""
    links: dict[int, list[str]] = {}
    for bid, code in pf.conn.execute("""SELECT l.benefit_id, p.code FROM benefit_projects l
                                        JOIN projects p ON p.id = l.project_id ORDER BY p.code"""):
        links.setdefault(bid, []).append(code)
    benefits = [[*row[1:], ", ".join(links.get(row[0], []))] for row in pf.conn.execute(
        """SELECT id, ref, title, type, owner, description, measure, unit, baseline, target, target_date, status
           FROM benefits ORDER BY ref""")]
    measures = [list(r) for r in pf.conn.execute(
        """SELECT b.ref, m.period, m.planned, m.forecast, m.actual, m.note FROM benefit_measurements m
           JOIN benefits b ON b.id = m.benefit_id ORDER BY b.ref, m.period""")]
    return [(BENEFITS_SHEET, BENEFIT_HEADERS, BENEFIT_TYPES, benefits),
            (MEASUREMENTS_SHEET, MEASUREMENT_HEADERS, MEASUREMENT_TYPES, measures)]


def has_benefit_sheets(path: Path) -> bool:
    if Path(path).suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    # the names from the workbook part alone: opening with openpyxl would parse a sheet without a
    # <dimension> whole, minutes for a hostile one; an unreadable file gives [] (the importer says why)
    return any(is_benefit_sheet(n) for n in sheet_names(Path(path)))


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(unguard_cell(value)).strip()
    return text or None


def _number(value, where: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise BenefitsError(f"{where}: '{value}' is not a number")
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        raise BenefitsError(f"{where}: '{value}' is not a number") from None


def _date(value, where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise BenefitsError(f"{where}: '{value}' is not a date like 2027-03-31") from None


def _table(sheet, headers: list[str]) -> list[tuple[int, dict[str, Any]]]:
    rows = sheet.rows
    if not rows:
        return []
    found = [str(h).strip().casefold() if h is not None else "" for h in rows[0]]
    missing = [h for h in headers[:2] if h.casefold() not in found]
    if missing:
        raise BenefitsError(f"sheet '{sheet.name}' has no '{missing[0]}' column in its first row")
    index = {h: found.index(h.casefold()) for h in headers if h.casefold() in found}
    out = []
    for r, row in enumerate(rows[1:], start=2):
        values = {h: (row[i] if i < len(row) else None) for h, i in index.items()}
        if all(v is None or v == "" for v in values.values()):
            continue
        out.append((r, values))
    return out


@dataclass
class _Rows:
    """The benefit sheets read and checked, before anything is written. Only the columns a sheet has are
    carried: a workbook without an Owner column leaves owners as they are (a new benefit takes the defaults)."""

    existing: dict[str, int]  # benefit ref -> id
    # (sheet row, ref, values by column, project ids or None when the sheet has no Projects column)
    benefits: list[tuple[int, str | None, dict[str, Any], list[int] | None]]
    measures: list[tuple[int, str, str, dict[str, Any]]]  # (sheet row, ref, period end, values by column)
    has_measures: bool = False  # the workbook has a measurements sheet: it is the truth for the benefits it names


def _benefit_values(v: dict[str, Any], where: str) -> dict[str, Any]:
    readers = {"title": _text, "type": lambda x: check_type(_text(x) or "Cash-releasing"), "owner": _text,
               "description": _text, "measure": _text, "unit": _text,
               "baseline": lambda x: _number(x, where), "target": lambda x: _number(x, where),
               "target_date": lambda x: _date(x, where), "status": lambda x: check_status(_text(x) or "Planned")}
    out = {}
    for field_name, header in zip(_FIELDS, BENEFIT_HEADERS[1:], strict=False):
        if header in v:
            try:
                out[field_name] = readers[field_name](v[header])
            except BenefitsError as exc:
                raise BenefitsError(f"{where}: {exc}") if not str(exc).startswith(where) else exc from None
    return out


def _read(pf: Portfolio, path: Path) -> _Rows:
    """Every row of the benefit sheets, checked; a bad row raises BenefitsError naming it."""
    book = read_file(Path(path), sheets=list(SHEETS))
    sheets = {s.name.casefold(): s for s in book.sheets}
    projects = dict(pf.conn.execute("SELECT code, id FROM projects"))
    out = _Rows({ref: bid for bid, ref in pf.conn.execute("SELECT id, ref FROM benefits")}, [], [])
    seen = set()
    if BENEFITS_SHEET.casefold() in sheets:
        for r, v in _table(sheets[BENEFITS_SHEET.casefold()], BENEFIT_HEADERS):
            where = f"{BENEFITS_SHEET} row {r}"
            ref = _text(v.get("Ref"))
            values = _benefit_values(v, where)
            if not values.get("title"):
                raise BenefitsError(f"{where}: a benefit needs a title")
            if ref in seen:
                raise BenefitsError(f"{where}: {ref} appears twice")
            seen.add(ref)
            pids = None
            if "Projects" in v:
                codes = [c.strip() for c in (_text(v["Projects"]) or "").replace(";", ",").split(",") if c.strip()]
                unknown = [c for c in codes if c not in projects]
                if unknown:
                    raise BenefitsError(f"{where}: there is no project with code '{unknown[0]}'")
                pids = [projects[c] for c in dict.fromkeys(codes)]
            out.benefits.append((r, ref, values, pids))
    known = set(out.existing) | {b[1] for b in out.benefits if b[1]}
    if MEASUREMENTS_SHEET.casefold() in sheets:
        out.has_measures = True
        for r, v in _table(sheets[MEASUREMENTS_SHEET.casefold()], MEASUREMENT_HEADERS):
            where = f"{MEASUREMENTS_SHEET} row {r}"
            ref = _text(v.get("Ref"))
            if ref not in known:
                raise BenefitsError(f"{where}: there is no benefit '{ref}'")
            try:
                period = period_end("" if v.get("Period") is None else v.get("Period"))  # 2027-03 is March
            except BenefitsError:
                raise BenefitsError(f"{where}: '{v.get('Period')}' is not a period like 2027-03-31") from None
            values = {c: (_text(v[h]) if c == "note" else _number(v[h], where))
                      for c, h in zip(_MEASURES, MEASUREMENT_HEADERS[2:], strict=True) if h in v}
            out.measures.append((r, ref, period, values))
    return out


def _removals(pf: Portfolio, rows: _Rows) -> list[tuple[int, str, str]]:
    """(id, ref, period end) of the stored measurements the workbook no longer has, oldest first.

    With a measurements sheet the workbook is the truth for every benefit it names (on either sheet): a
    measurement row deleted there is deleted here. Benefits it does not name keep theirs; without a
    measurements sheet nothing is removed."""
    if not rows.has_measures:
        return []
    named = {ref for _r, ref, _v, _p in rows.benefits if ref} | {ref for _r, ref, _p, _v in rows.measures}
    kept = {(ref, period) for _r, ref, period, _v in rows.measures}
    return [(mid, ref, period) for mid, ref, period in pf.conn.execute(
        """SELECT m.id, b.ref, m.period FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
           ORDER BY b.ref, m.period""") if ref in named and (ref, period) not in kept]


def removal_note(removed: list[tuple[int, str, str]]) -> str:
    """One line naming the measurements an import removes (the first ten)."""
    names = ", ".join(f"{ref} {period[:7]}" for _id, ref, period in removed[:10]) + (" …" if len(removed) > 10 else "")
    return f"{len(removed)} measurement(s) the workbook no longer has will be removed: {names}"


def preview_benefits(pf: Portfolio, path: Path) -> list[SheetPlan]:
    """What importing the benefit sheets would do, row by row (new, changed with the fields, unchanged),
    as the importer's sheet plans so the same preview shows them; writes nothing. A bad row raises
    BenefitsError (the import is all or nothing)."""
    rows = _read(pf, path)
    plans = []
    if rows.benefits:
        current = {r[0]: dict(zip(_FIELDS, r[1:], strict=True)) for r in pf.conn.execute(
            f"SELECT ref, {', '.join(_FIELDS)} FROM benefits")}
        links: dict[str, set[int]] = {}
        for ref, pid in pf.conn.execute(
                "SELECT b.ref, l.project_id FROM benefit_projects l JOIN benefits b ON b.id = l.benefit_id"):
            links.setdefault(ref, set()).add(pid)
        codes = {pid: code for code, pid in pf.conn.execute("SELECT code, id FROM projects")}
        plan = SheetPlan(BENEFITS_SHEET, "benefits", 1, {})
        for r, ref, values, pids in rows.benefits:
            old = current.get(ref) if ref else None
            if old is None:
                plan.rows.append(RowResult(r, NEW, ref or values["title"]))
                continue
            changes = {f: (old[f], v) for f, v in values.items() if old[f] != v}
            if pids is not None and links.get(ref, set()) != set(pids):
                changes["projects"] = (", ".join(sorted(codes[p] for p in links.get(ref, ()))) or None,
                                       ", ".join(codes[p] for p in pids) or None)
            plan.rows.append(RowResult(r, CHANGED if changes else UNCHANGED, ref, changes=changes))
        plans.append(plan)
    removed = _removals(pf, rows)
    if rows.measures or removed:
        current = {(ref, period): dict(zip(_MEASURES, vals, strict=True)) for ref, period, *vals in pf.conn.execute(
            f"""SELECT b.ref, m.period, {', '.join(f'm.{c}' for c in _MEASURES)} FROM benefit_measurements m
                JOIN benefits b ON b.id = m.benefit_id""")}
        plan = SheetPlan(MEASUREMENTS_SHEET, "benefit measurements", 1, {})
        for r, ref, period, values in rows.measures:
            key = f"{ref} {period[:7]}"
            old = current.get((ref, period))
            if old is None:
                plan.rows.append(RowResult(r, NEW, key))
                continue
            changes = {f: (old[f], v) for f, v in values.items() if old[f] != v}
            plan.rows.append(RowResult(r, CHANGED if changes else UNCHANGED, key, changes=changes))
        if removed:
            plan.notes.append(removal_note(removed))
        plans.append(plan)
    return plans


def import_benefits(pf: Portfolio, path: Path, *, source: Source | str = Source.IMPORT,
                    dry_run: bool = False) -> dict[str, int]:
    """Add or update benefits, their project links and measurements from the workbook's benefit sheets;
    with a measurements sheet, remove the measurements of the benefits it names that it no longer has.

    `dry_run` checks every row, writes nothing and says what the import would do."""
    if dry_run:
        plans = {p.sheet: p.counts() for p in preview_benefits(pf, path)}
        bc, mc = plans.get(BENEFITS_SHEET, {}), plans.get(MEASUREMENTS_SHEET, {})
        removed = _removals(pf, _read(pf, path))
        return {"benefit_rows": sum(bc.values()), "measurement_rows": sum(mc.values()),
                "benefits_added": bc.get(NEW, 0), "benefits_updated": bc.get(CHANGED, 0),
                "measurements": mc.get(NEW, 0) + mc.get(CHANGED, 0), "measurements_removed": len(removed),
                "removed": [f"{ref} {period[:7]}" for _id, ref, period in removed]}
    rows = _read(pf, path)
    existing = rows.existing
    removed = _removals(pf, rows)
    counts = {"benefits_added": 0, "benefits_updated": 0, "measurements": 0, "measurements_removed": 0}
    if not rows.benefits and not rows.measures and not removed:
        return counts
    with pf.batch(source, f"Import benefits from {Path(path).name}"):
        for _row, ref, values, pids in rows.benefits:
            ref = ref or next_ref(pf)
            bid = existing.get(ref)
            known, changed = bid is not None, False
            if bid is None:
                cols = ["ref", *values]
                bid = pf.conn.execute(f"INSERT INTO benefits ({', '.join(cols)}) VALUES "
                                      f"({', '.join('?' for _ in cols)})", [ref, *values.values()]).lastrowid
                existing[ref] = bid
                counts["benefits_added"] += 1
            else:
                sets = " OR ".join(f"[{c}] IS NOT ?" for c in values)
                changed = pf.conn.execute(
                    f"UPDATE benefits SET {', '.join(f'[{c}] = ?' for c in values)}, updated_at = {_NOW} "
                    f"WHERE id = ? AND ({sets})", [*values.values(), bid, *values.values()]).rowcount > 0
            if pids is not None:
                relinked = link_projects(pf, bid, pids)
                changed = changed or (known and relinked)
            counts["benefits_updated"] += known and changed
        for _row, ref, period, values in rows.measures:
            cols = list(values)
            update = ", ".join(f"{c} = excluded.{c}" for c in cols) or "period = excluded.period"
            differs = " OR ".join(f"{c} IS NOT excluded.{c}" for c in cols) or "0"
            cur = pf.conn.execute(
                f"""INSERT INTO benefit_measurements (benefit_id, period{''.join(f', {c}' for c in cols)})
                    VALUES (?, ?{', ?' * len(cols)})
                    ON CONFLICT (benefit_id, period) DO UPDATE SET {update}, updated_at = {_NOW}
                    WHERE {differs}""",
                (existing[ref], period, *values.values()))
            counts["measurements"] += cur.rowcount
        for mid, _ref, _period in removed:  # in the same batch: one undo step brings them back
            counts["measurements_removed"] += pf.conn.execute(
                "DELETE FROM benefit_measurements WHERE id = ?", (mid,)).rowcount
    return counts
