"""The benefits register in the Excel workbook: two sheets that `pmo export` writes and `pmo import`
reads straight back (ref is the key; linked projects are codes separated by commas). The generic
importer leaves these sheets alone (service.plan_file); they are read here.

Reading goes through the importer's safe readers (zip bombs, formulas, entity tricks are theirs to
refuse). Every row is checked before anything is written; one bad row refuses the whole sheet with a
one-line message naming the row, so an import is all or nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from pmo_desktop.benefits.model import BenefitsError, check_status, check_type
from pmo_desktop.benefits.register import next_ref, period_end
from pmo_desktop.domain.cells import unneutralise
from pmo_desktop.domain.enums import Source
from pmo_desktop.importing.readers import read_file
from pmo_desktop.store import Portfolio

BENEFITS_SHEET = "Benefits"
MEASUREMENTS_SHEET = "Benefit measurements"
SHEETS = (BENEFITS_SHEET, MEASUREMENTS_SHEET)
BENEFIT_HEADERS = ["Ref", "Title", "Type", "Owner", "Description", "Measure", "Unit", "Baseline", "Target",
                   "Target Date", "Status", "Projects"]
BENEFIT_TYPES = ["text"] * 7 + ["number", "number", "date", "text", "text"]
MEASUREMENT_HEADERS = ["Ref", "Period", "Planned", "Forecast", "Actual", "Note"]
MEASUREMENT_TYPES = ["text", "date", "number", "number", "number", "text"]
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
    try:
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        try:
            return any(is_benefit_sheet(n) for n in wb.sheetnames)
        finally:
            wb.close()
    except Exception:  # not a readable workbook: the importer reports it properly
        return False


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(unneutralise(value)).strip()
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


def import_benefits(pf: Portfolio, path: Path, *, source: Source | str = Source.IMPORT,
                    dry_run: bool = False) -> dict[str, int]:
    """Add or update benefits, their project links and measurements from the workbook's benefit sheets.

    `dry_run` checks every row and writes nothing."""
    book = read_file(Path(path), sheets=list(SHEETS))
    sheets = {s.name.casefold(): s for s in book.sheets}
    projects = dict(pf.conn.execute("SELECT code, id FROM projects"))
    existing = {ref: bid for bid, ref in pf.conn.execute("SELECT id, ref FROM benefits")}
    benefits, measures = [], []
    seen = set()
    if BENEFITS_SHEET.casefold() in sheets:
        for r, v in _table(sheets[BENEFITS_SHEET.casefold()], BENEFIT_HEADERS):
            where = f"{BENEFITS_SHEET} row {r}"
            ref = _text(v.get("Ref"))
            title = _text(v.get("Title"))
            if not title:
                raise BenefitsError(f"{where}: a benefit needs a title")
            if ref in seen:
                raise BenefitsError(f"{where}: {ref} appears twice")
            seen.add(ref)
            codes = [c.strip() for c in (_text(v.get("Projects")) or "").replace(";", ",").split(",") if c.strip()]
            unknown = [c for c in codes if c not in projects]
            if unknown:
                raise BenefitsError(f"{where}: there is no project with code '{unknown[0]}'")
            try:
                values = {"title": title, "type": check_type(_text(v.get("Type")) or "Cash-releasing"),
                          "owner": _text(v.get("Owner")), "description": _text(v.get("Description")),
                          "measure": _text(v.get("Measure")), "unit": _text(v.get("Unit")),
                          "baseline": _number(v.get("Baseline"), where), "target": _number(v.get("Target"), where),
                          "target_date": _date(v.get("Target Date"), where),
                          "status": check_status(_text(v.get("Status")) or "Planned")}
            except BenefitsError as exc:
                raise BenefitsError(f"{where}: {exc}") if not str(exc).startswith(where) else exc from None
            benefits.append((ref, values, [projects[c] for c in codes]))
    known = set(existing) | {b[0] for b in benefits if b[0]}
    if MEASUREMENTS_SHEET.casefold() in sheets:
        for r, v in _table(sheets[MEASUREMENTS_SHEET.casefold()], MEASUREMENT_HEADERS):
            where = f"{MEASUREMENTS_SHEET} row {r}"
            ref = _text(v.get("Ref"))
            if ref not in known:
                raise BenefitsError(f"{where}: there is no benefit '{ref}'")
            try:
                period = period_end(_date(v.get("Period"), where) or "")
            except BenefitsError:
                raise BenefitsError(f"{where}: '{v.get('Period')}' is not a period like 2027-03-31") from None
            measures.append((ref, period, _number(v.get("Planned"), where), _number(v.get("Forecast"), where),
                             _number(v.get("Actual"), where), _text(v.get("Note"))))
    counts = {"benefits_added": 0, "benefits_updated": 0, "measurements": 0}
    if dry_run:
        return {"benefit_rows": len(benefits), "measurement_rows": len(measures)}
    if not benefits and not measures:
        return counts
    with pf.batch(source, f"Import benefits from {Path(path).name}"):
        for ref, values, pids in benefits:
            ref = ref or next_ref(pf)
            bid = existing.get(ref)
            if bid is None:
                cols = ["ref", *values]
                bid = pf.conn.execute(f"INSERT INTO benefits ({', '.join(cols)}) VALUES "
                                      f"({', '.join('?' for _ in cols)})", [ref, *values.values()]).lastrowid
                existing[ref] = bid
                counts["benefits_added"] += 1
            else:
                sets = " OR ".join(f"[{c}] IS NOT ?" for c in values)
                cur = pf.conn.execute(
                    f"UPDATE benefits SET {', '.join(f'[{c}] = ?' for c in values)}, updated_at = {_NOW} "
                    f"WHERE id = ? AND ({sets})", [*values.values(), bid, *values.values()])
                counts["benefits_updated"] += cur.rowcount
            current = {pid for (pid,) in pf.conn.execute(
                "SELECT project_id FROM benefit_projects WHERE benefit_id = ?", (bid,))}
            for pid in current - set(pids):
                pf.conn.execute("DELETE FROM benefit_projects WHERE benefit_id = ? AND project_id = ?", (bid, pid))
            pf.conn.executemany("INSERT INTO benefit_projects (benefit_id, project_id) VALUES (?, ?)",
                                [(bid, pid) for pid in set(pids) - current])
        for ref, period, planned, forecast, actual, note in measures:
            cur = pf.conn.execute(
                f"""INSERT INTO benefit_measurements (benefit_id, period, planned, forecast, actual, note)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (benefit_id, period) DO UPDATE SET planned = excluded.planned,
                    forecast = excluded.forecast, actual = excluded.actual, note = excluded.note, updated_at = {_NOW}
                    WHERE planned IS NOT excluded.planned OR forecast IS NOT excluded.forecast
                       OR actual IS NOT excluded.actual OR note IS NOT excluded.note""",
                (existing[ref], period, planned, forecast, actual, note))
            counts["measurements"] += cur.rowcount
    return counts
