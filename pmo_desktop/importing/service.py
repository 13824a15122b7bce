"""The import service as plain steps a wizard (or the CLI) drives in order:

    workbook = open_file(path)                      # read and check the file (progress, cancel)
    tables = detect(workbook)                       # one Table per sheet that holds one
    mapping, guessed, scores = suggest(table)       # kind guessed, columns mapped; the user may edit
    plan = preview(pf, [(table, mapping)])          # new / changed / unchanged / error per row
    result = apply(pf, plan)                        # one transaction, one undo step

`plan_file()` chains the first four for `pmo import`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pmo_desktop.importing import answers
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.apply import ApplyResult, apply_plan
from pmo_desktop.importing.benefit_sheets import is_benefit_sheet
from pmo_desktop.importing.convert import Context
from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.importing.header import Table, detect_table, detect_tables
from pmo_desktop.importing.mapping import Mapping, apply_saved, guess_kind, suggest_mapping
from pmo_desktop.importing.plan import ImportPlan, _Lookup, context_for, plan_table
from pmo_desktop.importing.readers import read_file
from pmo_desktop.importing.saved_mappings import load_mapping
from pmo_desktop.spreadsheets.grid import CancelCheck, Progress, Workbook
from pmo_desktop.store.bulk import collector_paused
from pmo_desktop.store.value_lists import value_lists


def open_file(path: str | Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None,
              sheets: list[str] | None = None) -> Workbook:
    with collector_paused():
        return read_file(Path(path), progress=progress, cancelled=cancelled, sheets=sheets)


def detect(workbook: Workbook) -> list[Table]:
    """One table per sheet that holds one; the benefits register's sheets are left to benefit_sheets.py
    (its links are many to many), so they are never mistaken for another register."""
    with collector_paused():
        return [t for t in detect_tables(workbook) if not is_benefit_sheet(t.sheet.name)]


def suggest(table: Table, kind: str | None = None, ctx: Context | None = None
            ) -> tuple[Mapping | None, str | None, dict[str, float]]:
    """(mapping, kind, scores): the given kind's mapping, or the guessed kind's (None when unsure)."""
    scores: dict[str, float] = {}
    if kind is None and table.sheet.kind_hint:
        kind = table.sheet.kind_hint
    if kind is None:
        kind, scores = guess_kind(table, ctx)
        if kind is None:
            return None, None, scores
    return suggest_mapping(table, k.kind_named(kind), ctx), k.kind_named(kind).name, scores


def preview(pf, pairs: list[tuple[Table, Mapping]], *, project: str | None = None, file: str = "",
            warnings: list[str] | None = None) -> ImportPlan:
    """The plan for some tables, each with its mapping; projects first so later sheets can refer to them."""
    plan = ImportPlan(file, warnings=list(warnings or []))
    lookup = _Lookup(pf)
    base = context_for(pf)
    with collector_paused():
        for table, mapping in _by_apply_order(pairs):
            ctx = replace(base, epoch=table.epoch)
            plan.sheets.append(plan_table(pf, table, mapping, project=project, base=ctx, lookup=lookup))
    return plan


def apply(pf, plan: ImportPlan, *, skip_errors: bool = False, progress: Progress | None = None,
          cancelled: CancelCheck | None = None) -> ApplyResult:
    with collector_paused():
        return apply_plan(pf, plan, skip_errors=skip_errors, progress=progress, cancelled=cancelled)


def plan_file(pf, path: str | Path, *, kind: str | None = None, sheet: str | None = None,
              mapping_name: str | None = None, project: str | None = None, progress: Progress | None = None,
              cancelled: CancelCheck | None = None, values: list[str] | None = None, add_values: bool = False,
              create_missing: bool = False, keep_numbers: bool = False,
              ) -> tuple[ImportPlan, list[tuple[Table, Mapping]]]:
    """Read, detect, map and preview a file in one go (what `pmo import` does). `values` are answers
    'FIELD:FROM=TO' for unknown values; `add_values` adds every unknown value of a list that may grow
    to the portfolio's list; `create_missing` creates the projects rows name that the portfolio lacks."""
    path = Path(path)
    if kind is not None and kind != "auto":
        try:
            kind = k.kind_named(kind).name
        except KeyError:
            raise ImportRefused(f"unknown kind '{kind}' (use one of: auto, {', '.join(k.KINDS)})") from None
    else:
        kind = None
    saved = load_mapping(pf, mapping_name) if mapping_name else None
    workbook = open_file(path, progress=progress, cancelled=cancelled)
    if sheet is not None:
        found = detect_table(workbook.sheet(sheet))
        tables = [found] if found is not None and found.data_rows else []
        if not tables:
            raise ImportRefused(f"sheet '{sheet}' of {path.name} holds no table with data")
    else:
        tables = detect(workbook)
    if not tables:
        raise ImportRefused(f"{path.name} holds no table with a header row and data under it")
    for table in tables:
        table.epoch = workbook.epoch
    pairs: list[tuple[Table, Mapping]] = []
    skipped: list[str] = []
    wanted = (saved or {}).get("kind") or kind
    candidates: list[tuple[float, Table, Mapping]] = []
    for table in tables:
        if saved is not None:
            pairs.append((table, apply_saved(saved, table)))
            continue
        mapping, guessed, scores = suggest(table, None)
        if wanted is not None:
            if guessed == k.kind_named(wanted).name:
                pairs.append((table, suggest_mapping(table, k.kind_named(wanted))))
            else:
                m = suggest_mapping(table, k.kind_named(wanted))
                candidates.append((m.score, table, m))
                skipped.append(f"sheet '{table.sheet.name}': looks like {guessed or 'nothing importable'}, "
                               f"not {wanted}")
            continue
        if mapping is None:
            skipped.append(f"sheet '{table.sheet.name}': could not tell what it holds (best guesses: "
                           + ", ".join(f"{n} {s:g}" for n, s in sorted(scores.items(), key=lambda t: -t[1])[:2])
                           + "); use --kind and --sheet")
            continue
        mapping.notes.insert(0, f"guessed kind: {guessed}")
        pairs.append((table, mapping))
    if saved is not None and len(pairs) > 1 and sheet is None:
        pairs = [max(pairs, key=lambda p: len(p[1].columns))]
    if not pairs and candidates:
        best = max(candidates, key=lambda c: c[0])
        pairs.append((best[1], best[2]))
        skipped = [s for s in skipped if f"'{best[1].sheet.name}'" not in s]
    if not pairs:
        raise ImportRefused(f"nothing in {path.name} could be recognised as a register; "
                            + "; ".join(skipped[:3]))
    lists = value_lists(pf.conn)
    for _table, mapping in pairs:
        answers.answer_options(mapping, k.kind_named(mapping.kind), values, lists)
        mapping.create_missing = mapping.create_missing or create_missing
        if keep_numbers:
            mapping.number_keys = "keep"
    plan = preview(pf, pairs, project=project, file=str(path), warnings=workbook.warnings)
    if add_values:
        added = 0
        for (_table, mapping), sheet in zip(_by_apply_order(pairs), plan.sheets, strict=True):
            added += answers.add_unknown(mapping, sheet.unknown)
        if added:
            plan = preview(pf, pairs, project=project, file=str(path), warnings=workbook.warnings)
    plan.skipped_sheets = skipped
    return plan, pairs


def _by_apply_order(pairs: list[tuple[Table, Mapping]]) -> list[tuple[Table, Mapping]]:
    order = {name: i for i, name in enumerate(k.APPLY_ORDER)}
    return sorted(pairs, key=lambda p: order[k.kind_named(p[1].kind).name])
