"""The lessons-learned log: after-action reviews across the portfolio, searchable and filterable.

A lesson has a ref (`L-001`, what imports match on), an optional project (none = portfolio-level),
a date, category, what happened, what we learned, a recommendation, an owner and a status.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook

from pmo_desktop.domain.enums import Source
from pmo_desktop.governance.common import GovernanceError, iso_date, project_row
from pmo_desktop.governance.xlsx import append_row, header_sheet, read_table, save_atomically
from pmo_desktop.store import Portfolio
from pmo_desktop.store.rows import fetch_row

STATUSES = ("Open", "Actioned", "Closed")
FIELDS = ("ref", "project", "date", "category", "what_happened", "lesson", "recommendation", "owner", "status")
HEADERS = ("Ref", "Project", "Date", "Category", "What happened", "What we learned", "Recommendation", "Owner",
           "Status")
# Header words an imported sheet may use for each field (lower case).
_HEADER_WORDS = {
    "ref": ("ref", "id", "lesson id", "reference"),
    "project": ("project", "project code", "code"),
    "date": ("date", "date raised", "raised"),
    "category": ("category", "theme", "area"),
    "what_happened": ("what happened", "event", "description", "observation"),
    "lesson": ("what we learned", "lesson", "lesson learned", "learning"),
    "recommendation": ("recommendation", "recommendations", "action"),
    "owner": ("owner",),
    "status": ("status",),
}


def _next_ref(pf: Portfolio, taken: set[str] | None = None) -> str:
    numbers = [int(m.group(1)) for (ref,) in pf.conn.execute("SELECT ref FROM lessons")
               if (m := re.fullmatch(r"L-(\d+)", ref))]
    numbers += [int(r[2:]) for r in taken or () if re.fullmatch(r"L-\d+", r)]
    return f"L-{max(numbers, default=0) + 1:03d}"


def _values(pf: Portfolio, fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise GovernanceError(f"a lesson has no field {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        if key == "project":
            values["project_id"] = project_row(pf, value)[0] if value else None
        elif key == "date":
            values["date"] = iso_date(value, "the lesson's date")
        elif key == "status":
            match = next((s for s in STATUSES if s.lower() == str(value or "").lower()), None)
            if match is None:
                raise GovernanceError(f"a lesson's status is one of {', '.join(STATUSES)}, not '{value}'")
            values["status"] = match
        elif key == "what_happened" and not value:
            raise GovernanceError("a lesson needs 'what happened'")
        elif key == "ref" and not value:
            raise GovernanceError("a lesson's ref cannot be empty")
        else:
            values[key] = value if value not in ("",) else None
    return values


def add_lesson(pf: Portfolio, *, what_happened: str, source: Source | str = Source.UI, **fields: Any) -> int:
    values = _values(pf, {"what_happened": what_happened, **fields})
    values.setdefault("ref", _next_ref(pf))
    if pf.conn.execute("SELECT 1 FROM lessons WHERE ref = ?", (values["ref"],)).fetchone():
        raise GovernanceError(f"there is already a lesson {values['ref']}")
    cols = list(values)
    with pf.batch(source, f"Add lesson {values['ref']}"):
        return pf.conn.execute(
            f"INSERT INTO lessons ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", list(values.values())
        ).lastrowid


def edit_lesson(pf: Portfolio, lesson_id: int, *, source: Source | str = Source.UI, **fields: Any) -> bool:
    row = pf.conn.execute("SELECT ref FROM lessons WHERE id = ?", (lesson_id,)).fetchone()
    if row is None:
        raise GovernanceError(f"there is no lesson {lesson_id}")
    values = _values(pf, fields)
    if "ref" in values and values["ref"] != row[0] and pf.conn.execute(
            "SELECT 1 FROM lessons WHERE ref = ?", (values["ref"],)).fetchone():
        raise GovernanceError(f"there is already a lesson {values['ref']}")
    current = fetch_row(pf, "lessons", lesson_id)
    values = {k: v for k, v in values.items() if current[k] != v}
    if not values:
        return False  # nothing to change, so no empty undo step either
    sets = ", ".join(f"{c} = ?" for c in values)
    with pf.batch(source, f"Edit lesson {row[0]}"):
        pf.conn.execute(f"UPDATE lessons SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                        [*values.values(), lesson_id])
    return True


_SELECT = """SELECT l.id, l.ref, p.code, p.name, l.date, l.category, l.what_happened, l.lesson, l.recommendation,
                    l.owner, l.status FROM lessons l LEFT JOIN projects p ON p.id = l.project_id"""
_KEYS = ("id", "ref", "project", "project_name", "date", "category", "what_happened", "lesson", "recommendation",
         "owner", "status")


def search_lessons(pf: Portfolio, *, text: str | None = None, project: str | None = None,
                   category: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    """Lessons across the portfolio, newest first; `text` matches any field, ignoring case and accents' case."""
    where, params = [], []
    if project:
        where.append("l.project_id = ?")
        params.append(project_row(pf, project)[0])
    if category:
        where.append("l.category = ? COLLATE NOCASE")
        params.append(category)
    if status:
        where.append("l.status = ? COLLATE NOCASE")
        params.append(status)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY l.date DESC, l.ref"
    rows = [dict(zip(_KEYS, r, strict=True)) for r in pf.conn.execute(sql, params)]
    if text and text.strip():
        needle = text.strip().casefold()
        rows = [r for r in rows if any(needle in str(v).casefold() for k, v in r.items() if k != "id" and v)]
    return rows


def categories(pf: Portfolio) -> list[str]:
    return [r[0] for r in pf.conn.execute(
        "SELECT DISTINCT category FROM lessons WHERE category IS NOT NULL ORDER BY category COLLATE NOCASE")]


def export_lessons(pf: Portfolio, out, rows: list[dict[str, Any]] | None = None) -> int:
    """Write lessons (all, or the given search result) to an .xlsx file; returns how many."""
    rows = search_lessons(pf) if rows is None else rows
    wb = Workbook()
    ws = header_sheet(wb, "Lessons", list(HEADERS), first=True)
    for r in rows:
        append_row(ws, [r["ref"], r["project"], r["date"], r["category"], r["what_happened"], r["lesson"],
                        r["recommendation"], r["owner"], r["status"]])
    for letter, width in zip("ABCDEFGHI", (8, 12, 12, 16, 50, 50, 40, 18, 10), strict=True):
        ws.column_dimensions[letter].width = width
    save_atomically(wb, out)
    return len(rows)


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None:
        return None
    text = str(value).strip()
    return text[1:] if text.startswith("'") else text  # undo our own formula guard


def import_lessons(pf: Portfolio, path, *, source: Source | str = Source.IMPORT) -> dict[str, int]:
    """Add or update lessons from an .xlsx sheet (matched on Ref) as one undo step, all or nothing."""
    names, data = read_table(path)
    columns = {}
    for field_name, words in _HEADER_WORDS.items():
        for i, name in enumerate(names):
            if name in words and field_name not in columns:
                columns[field_name] = i
    if "what_happened" not in columns:
        raise GovernanceError("the sheet needs a 'What happened' column")
    errors, plans = [], []
    taken: set[str] = set()
    for number, row in data:
        fields = {f: _cell(row[i]) for f, i in columns.items()}
        fields = {k: v for k, v in fields.items() if v is not None or k == "what_happened"}
        try:
            values = _values(pf, fields)
        except GovernanceError as exc:
            errors.append(f"row {number}: {exc}")
            continue
        if values.get("ref") in taken:
            errors.append(f"row {number}: ref {values['ref']} appears twice")
            continue
        if "ref" in values:
            taken.add(values["ref"])
        plans.append(values)
    if errors:
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise GovernanceError(f"nothing imported; {len(errors)} row(s) have problems: "
                              f"{'; '.join(errors[:3])}{more}")
    added = updated = 0
    with pf.batch(source, f"Import lessons from {getattr(path, 'name', path)}"):
        for values in plans:
            existing = None
            if "ref" in values:
                existing = pf.conn.execute("SELECT id FROM lessons WHERE ref = ?", (values["ref"],)).fetchone()
            if existing:
                fields = {k: v for k, v in values.items() if k != "ref"}
                cols = list(fields)
                pf.conn.execute(
                    f"UPDATE lessons SET {', '.join(f'{c} = ?' for c in cols)}, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                    [*fields.values(), existing[0]],
                )
                updated += 1
            else:
                values.setdefault("ref", _next_ref(pf, taken))
                taken.add(values["ref"])
                cols = list(values)
                pf.conn.execute(f"INSERT INTO lessons ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                                list(values.values()))
                added += 1
    return {"added": added, "updated": updated}
