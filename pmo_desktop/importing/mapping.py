"""Which column is which field: suggested from header synonyms, checked against the values seen.

A `Mapping` is what the user can correct (in the wizard) and save under a name (`--mapping NAME`):
it records header texts, not column letters, so next month's workbook maps the same way even when
its columns moved.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.domain import parsing
from pmo_desktop.domain.vocabularies import EXTENDABLE
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.convert import CHOICES, Context, value_fits
from pmo_desktop.importing.header import Table

SAMPLE = 60
_WBS = re.compile(r"^\d+(\.\d+)*\.?$")


@dataclass
class Mapping:
    kind: str
    columns: dict[str, list[int]] = field(default_factory=dict)  # field -> sheet column indexes
    month_columns: dict[int, list[str]] = field(default_factory=dict)  # wide budget: column -> months
    measure: str = "planned"  # what wide-form month columns hold, when no measure column says
    ignored: list[str] = field(default_factory=list)  # headers of columns not imported
    notes: list[str] = field(default_factory=list)
    score: float = 0.0
    # The analyst's answers, kept with a saved mapping (see importing/answers.py):
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {value in file: value, '' = blank}
    added: dict[str, list[str]] = field(default_factory=dict)  # field -> values added to the portfolio's list
    projects: dict[str, str] = field(default_factory=dict)  # missing code -> '+' create, '' skip, or a code
    create_missing: bool = False  # create every project the rows name that the portfolio lacks
    number_keys: str = "prefix"  # plain-number refs: "prefix" (7 -> R-007) or "keep" (7 stays 7)

    def column(self, name: str) -> int | None:
        cols = self.columns.get(name)
        return cols[0] if cols else None

    def describe(self, table: Table) -> dict[str, str]:
        """{field: header} as shown in a preview."""
        by_index = {c.index: c.header for c in table.columns}
        out = {f: " + ".join(by_index.get(i, "?") for i in cols) for f, cols in self.columns.items()}
        if self.month_columns:
            out[f"{self.measure} by month"] = f"{len(self.month_columns)} month/quarter columns"
        return out

    def to_saved(self, table: Table) -> dict:
        """The header-based form stored as a named mapping."""
        by_index = {c.index: c.header for c in table.columns}
        out = {"kind": self.kind, "measure": self.measure,
               "fields": {f: [by_index[i] for i in cols if i in by_index] for f, cols in self.columns.items()}}
        if self.values:
            out["values"] = self.values
        if self.added:
            out["added"] = self.added
        if self.projects:
            out["projects"] = self.projects
        if self.create_missing:
            out["create_missing"] = True
        if self.number_keys != "prefix":
            out["number_keys"] = self.number_keys
        return out


def apply_saved(saved: dict, table: Table) -> Mapping:
    """A saved mapping applied to a table; headers it names that the table lacks are reported."""
    kind = k.kind_named(saved["kind"])
    by_header = {c.header.casefold(): c.index for c in table.columns}
    mapping = Mapping(kind.name, measure=saved.get("measure", "planned"))
    _answers_from_saved(mapping, saved)
    for name, headers in saved.get("fields", {}).items():
        if name not in kind.field_names:
            continue
        cols = [by_header[h.casefold()] for h in headers if h.casefold() in by_header]
        missing = [h for h in headers if h.casefold() not in by_header]
        if missing:
            mapping.notes.append(f"saved mapping: column '{', '.join(missing)}' for {name} is not in this file")
        if cols:
            mapping.columns[name] = cols
    _month_columns(mapping, table, kind, Context())
    used = {i for cols in mapping.columns.values() for i in cols} | set(mapping.month_columns)
    mapping.ignored = [c.header for c in table.columns if c.index not in used]
    return mapping


def _answers_from_saved(mapping: Mapping, saved: dict) -> None:
    """The value answers a saved mapping carries; anything malformed is left out, not trusted."""
    values = saved.get("values")
    if isinstance(values, dict):
        mapping.values = {str(f): {str(a): str(b) for a, b in m.items() if isinstance(b, str)}
                          for f, m in values.items() if isinstance(m, dict)}
    added = saved.get("added")
    if isinstance(added, dict):
        mapping.added = {str(f): [str(w) for w in ws if isinstance(w, str)] for f, ws in added.items()
                         if isinstance(ws, list)}
    projects = saved.get("projects")
    if isinstance(projects, dict):
        mapping.projects = {str(a): str(b) for a, b in projects.items() if isinstance(b, str)}
    mapping.create_missing = saved.get("create_missing") is True
    mapping.number_keys = "keep" if saved.get("number_keys") == "keep" else "prefix"


def _samples(table: Table, col: int) -> list:
    out = []
    for r in table.data_rows:
        v = table.value(r, col)
        if v is not None and not (isinstance(v, str) and not v.strip()):
            out.append(v)
            if len(out) >= SAMPLE:
                break
    return out


def _header_match(kind: k.Kind, parts: tuple[str, ...]) -> list[tuple[float, str]]:
    """(score, field) candidates for a column from its header texts, best first."""
    texts = [k.normalise_header(" ".join(parts))] + [k.normalise_header(p) for p in reversed(parts)]
    found: dict[str, float] = {}
    for f in kind.fields:
        for i, syn in enumerate(f.synonyms):
            rank = 0.2 if i == 0 else 0.0  # the canonical header wins ties
            for j, text in enumerate(texts):
                if not text:
                    continue
                if text == syn:  # the whole header, then its innermost part ('Overall RAG' under 'Status')
                    score = 3.0 - 0.4 * (j > 0) - 0.2 * (j > 1) + rank
                elif (len(syn) >= 4 or " " in syn) and f" {syn} " in f" {text} ":
                    score = 1.0 + 0.1 * len(syn.split()) + rank
                else:
                    continue
                found[f.name] = max(found.get(f.name, 0.0), score)
    return sorted(((s, n) for n, s in found.items()), reverse=True)


def suggest_mapping(table: Table, kind: k.Kind, ctx: Context | None = None) -> Mapping:
    ctx = ctx or Context()
    mapping = Mapping(kind.name)
    candidates = []  # (score, column, field)
    fill_rags = _rag_by_fills(mapping, table, kind)
    for col in table.columns:
        if col.blank_header or col.index in fill_rags:
            continue
        for score, name in _header_match(kind, col.parts):
            candidates.append((score, col.index, name))
    candidates.sort(key=lambda t: (-t[0], t[1]))
    taken_cols: set[int] = set(fill_rags)
    rejected: dict[int, str] = {}
    headers = {c.index: c.header for c in table.columns}
    for score, col, name in candidates:
        if col in taken_cols or name in mapping.columns:
            continue
        f = kind.field(name)
        samples = _samples(table, col)
        if not samples and score < 2.5:
            continue  # an empty column that only half-matches by name is not worth mapping
        growable = f.type == k.CHOICE and f.choices in EXTENDABLE and score >= 2.5
        if samples and f.type != k.TEXT and not growable:  # a list that may grow takes new words as answers
            fits = sum(1 for v in samples if value_fits(f, v, ctx))
            if fits < 0.5 * len(samples):
                rejected.setdefault(col, f"column '{headers[col]}' looks like {name.replace('_', ' ')} by its "
                                         f"name but its values do not fit; not mapped")
                continue
        mapping.columns[name] = [col]
        mapping.score += score
        taken_cols.add(col)
    if kind.name == "tasks" and "parent" in mapping.columns:  # Jira: Parent (an id) and Epic Link (a key)
        for _score, col, name in candidates:
            if name == "parent" and col not in taken_cols and _samples(table, col):
                mapping.columns["parent"].append(col)
                taken_cols.add(col)
    if kind.name == "tasks" and "wbs" not in mapping.columns and "task_id" in mapping.columns:
        samples = [str(v) for v in _samples(table, mapping.columns["task_id"][0])]
        if any("." in v for v in samples) and all(_WBS.match(v.strip()) for v in samples):
            mapping.columns["wbs"] = mapping.columns.pop("task_id")
            mapping.notes.append(f"column '{headers[mapping.columns['wbs'][0]]}' holds outline numbers: read as WBS")
    if kind.name == "tasks" and "wbs" not in mapping.columns:
        spread = _spread_wbs(table, taken_cols)
        if spread:
            mapping.columns["wbs"] = spread
            taken_cols.update(spread)
            mapping.score += 2
            mapping.notes.append("WBS codes read from the first of columns "
                                 + ", ".join(headers[c] for c in spread) + " that holds one")
    _month_columns(mapping, table, kind, ctx)
    taken_cols.update(mapping.month_columns)
    _key_by_values(mapping, table, kind, taken_cols, headers)
    if "rag_overall" in kind.field_names and "rag_overall" not in mapping.columns:
        _rag_by_values(mapping, table, kind, taken_cols, headers)
    for col in table.columns:
        if col.index in taken_cols:
            continue
        if col.index in rejected:
            mapping.notes.append(rejected[col.index])
        elif k.normalise_header(col.header) in k.NOTES_HEADERS:
            mapping.notes.append(f"notes column '{col.header}' ignored")
        if not col.blank_header or _samples(table, col.index):
            mapping.ignored.append(col.header)
    return mapping


_KEY_VALUE = re.compile(r"^(?:[A-Za-z]{1,6}[-_ ]?)?\d{1,6}$")


def _key_by_values(mapping: Mapping, table: Table, kind: k.Kind, taken: set[int], headers) -> None:
    """A register's key column named nothing we know ('No.', 'Item', blank) is found by its values:
    the leftmost unmapped column whose values are all distinct refs (R-001, RSK12) or whole numbers."""
    key = {"raid": "ref", "projects": "code"}.get(kind.name)
    if key is None or key in mapping.columns:
        return
    for col in table.columns[:4]:
        if col.index in taken:
            continue
        samples = _samples(table, col.index)
        texts = [str(v).strip() for v in samples if not isinstance(v, float | bool)]
        if len(samples) < 2 or len(texts) != len(samples) or len(set(texts)) != len(texts):
            continue
        if all(_KEY_VALUE.match(t) for t in texts):
            mapping.columns[key] = [col.index]
            taken.add(col.index)
            mapping.score += 1
            mapping.notes.append(f"column '{headers[col.index]}' holds a distinct ref on every row: read as the "
                                 f"{key}")
            return


def _rag_by_fills(mapping: Mapping, table: Table, kind: k.Kind) -> set[int]:
    """Columns whose cells hold no text but RAG-like fills are RAG columns, whatever their header says
    ('Status' over 'Overall RAG', 'Health check'): the overall RAG unless the header names a dimension."""
    fills = table.sheet.fills
    if not fills or "rag_overall" not in kind.field_names:
        return set()
    rows = table.data_rows[:SAMPLE * 4]
    found: set[int] = set()
    for col in table.columns:
        coloured = [fills.get((r, col.index)) for r in rows if (r, col.index) in fills]
        if len(coloured) < max(2, len(rows) // 2) or _samples(table, col.index):
            continue
        if sum(1 for c in coloured if parsing.rag_from_colour(c) is not None) < 0.8 * len(coloured):
            continue
        dims = [n for _s, n in _header_match(kind, col.parts) if n.startswith("rag_") and n not in mapping.columns]
        name = dims[0] if dims else "rag_overall"
        if name in mapping.columns:
            continue
        mapping.columns[name] = [col.index]
        mapping.score += 2
        found.add(col.index)
        mapping.notes.append(f"column '{col.header}' has no text but RAG colours: read as {name.replace('_', ' ')}")
    return found


def _rag_by_values(mapping: Mapping, table: Table, kind: k.Kind, taken: set[int], headers) -> None:
    """A column whose values are RAG words ('Status' holding Green/Amber/Red) is the overall RAG."""
    rag = kind.field("rag_overall")
    as_choice = {cols[0] for n, cols in mapping.columns.items() if kind.field(n).type == k.CHOICE and len(cols) == 1}
    for col in table.columns:
        if (col.index in taken and col.index not in as_choice) or col.blank_header:
            continue
        samples = [v for v in _samples(table, col.index) if isinstance(v, str)]
        if len(samples) < 2 or any(len(v.strip()) < 3 for v in samples):
            continue
        if sum(1 for v in samples if value_fits(rag, v, Context())) >= 0.8 * len(samples):
            for name, cols in list(mapping.columns.items()):
                if cols == [col.index]:
                    del mapping.columns[name]
            mapping.columns["rag_overall"] = [col.index]
            taken.add(col.index)
            mapping.score += 1
            mapping.notes.append(f"column '{headers[col.index]}' holds RAG values: read as the overall RAG")
            return


def _spread_wbs(table: Table, taken: set[int]) -> list[int]:
    """Leading columns with no header whose values are WBS codes (one column per outline level)."""
    cols = []
    for col in table.columns[:6]:
        if col.index in taken or not col.blank_header:
            if cols:
                break
            continue
        samples = _samples(table, col.index)
        if samples and all(_WBS.match(str(v).strip()) for v in samples):
            cols.append(col.index)
    return cols if cols else []


def _month_columns(mapping: Mapping, table: Table, kind: k.Kind, ctx: Context) -> None:
    if kind.name != "budget":
        return
    for col in table.columns:
        if any(col.index in cols for cols in mapping.columns.values()):
            continue
        raw = table.value(table.header_rows[-1], col.index)
        months = None
        for candidate in (raw, col.parts[-1] if col.parts else None):
            month = parsing.month_of_header(candidate)
            if month is not None:
                months = [month]
                break
            months = parsing.quarter_months(candidate, fy_start_month=ctx.fy_start_month)
            if months:
                break
        if months:
            mapping.month_columns[col.index] = [m.isoformat() for m in months]
    if mapping.month_columns:
        mapping.score += 2 + min(len(mapping.month_columns), 12) * 0.5
        name = k.normalise_header(" ".join(c.header for c in table.columns) + " " + table.sheet.name)
        for word, measure in (("actual", "actual"), ("forecast", "forecast"), ("outlook", "forecast")):
            if word in name and "planned" not in mapping.columns:
                mapping.measure = measure
        mapping.notes.append(f"wide form: {len(mapping.month_columns)} month/quarter columns unpivoted "
                             f"as {mapping.measure} amounts")


def guess_kind(table: Table, ctx: Context | None = None) -> tuple[str | None, dict[str, float]]:
    """The kind this table most likely holds, and every kind's score (a wizard shows them)."""
    scores: dict[str, float] = {}
    for kind in k.KINDS.values():
        m = suggest_mapping(table, kind, ctx)
        score = m.score
        mapped = set(m.columns)
        if kind.name == "raid":
            if not ({"title", "description"} & mapped):
                score *= 0.3
            if "type" in mapped:
                score += 2 * _vocab_share(table, m.column("type"), "raid_type")
            if {"probability", "impact"} & mapped:
                score += 2
            if not ({"ref", "type", "probability", "impact", "status", "owner", "response"} & mapped):
                score *= 0.5
        elif kind.name == "tasks":
            if "name" not in mapped:
                score *= 0.3
            if {"start_date", "finish_date"} <= mapped or "predecessors" in mapped or "wbs" in mapped:
                score += 2
        elif kind.name == "projects":
            if not ({"code", "name"} <= mapped):
                score *= 0.4
            if "raised_date" in mapped:
                score *= 0.5
        elif kind.name == "status":
            if not ({"project", "period"} <= mapped):
                score *= 0.3
        elif kind.name == "budget" and not ({"planned", "actual", "forecast"} & mapped) and not m.month_columns:
            score *= 0.2
        sheet_name = table.sheet.name.lower()
        if any(w in sheet_name for w in kind.sheet_words):
            score += 1.5
        scores[kind.name] = round(score, 2)
    best = max(scores, key=lambda n: scores[n])
    if scores[best] < 4:
        return None, scores
    return best, scores


def _vocab_share(table: Table, col: int | None, vocab: str) -> float:
    if col is None:
        return 0.0
    samples = _samples(table, col)
    if not samples:
        return 0.0
    words = CHOICES[vocab]
    return sum(1 for v in samples if parsing.normalise_word(v) in words) / len(samples)


def mapping_from_json(text: str) -> dict:
    data = json.loads(text)
    if not isinstance(data, dict) or "kind" not in data or not isinstance(data.get("fields"), dict):
        raise ValueError("not a saved mapping")
    return data


def month_list(months: list[str]) -> list[date]:
    return [date.fromisoformat(m) for m in months]
