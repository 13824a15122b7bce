"""What the import wizard holds between its pages, as plain calls into the import service (no widgets).

A spreadsheet goes open_file -> detect -> suggest -> (the user edits the mapping) -> preview -> apply;
a plan file (.xml, .gan) goes read_plan -> apply_plan. The wizard pages only show and edit this state,
so the same steps are tested here without clicking through pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pmo_desktop.gui.shell.file_actions import said
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.importing import answers, service
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.benefit_sheets import (
    has_benefit_sheets,
    import_benefits,
    is_benefit_sheet,
    preview_benefits,
)
from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.importing.header import Table
from pmo_desktop.importing.mapping import Mapping, apply_saved, suggest_mapping
from pmo_desktop.importing.plan import ImportPlan, context_for
from pmo_desktop.importing.saved_mappings import list_mappings, load_mapping, save_mapping
from pmo_desktop.plans_io import READERS as PLAN_READERS
from pmo_desktop.plans_io import Plan, apply_plan, read_plan
from pmo_desktop.registers import lookups
from pmo_desktop.store import PortfolioError

SHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".tsv", ".txt")
PLAN_EXTENSIONS = tuple(PLAN_READERS)
IMPORTABLE = SHEET_EXTENSIONS + PLAN_EXTENSIONS
SAMPLES = 3


def is_importable(path: str | Path) -> bool:
    return Path(path).suffix.lower() in IMPORTABLE


@dataclass
class Applied:
    batch_id: int | None
    message: str  # one line for the status bar


@dataclass
class ImportSession:
    """One file on its way into one portfolio."""

    pf: object
    path: Path | None = None
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the reader's, for the whole file
    table: Table | None = None
    mapping: Mapping | None = None
    guessed: str | None = None  # the kind the service guessed for the chosen table (None: unsure)
    project: str | None = None  # default project code for rows that name none (tasks, RAID ...)
    plan: ImportPlan | None = None
    plan_file: Plan | None = None  # a .xml/.gan plan read by plans_io
    benefit_sheets: list[str] = field(default_factory=list)  # the workbook's benefits register sheets
    benefits: bool = False  # the benefits register (those sheets) is what is being imported, not a table
    _month_stash: dict[int, list[str]] = field(default_factory=dict, repr=False)  # month columns left out

    # -- step 1: the file ------------------------------------------------------------------------------

    @property
    def is_plan(self) -> bool:
        return self.plan_file is not None

    def load(self, path: str | Path, progress=None, cancelled=None) -> None:
        """Read `path`; raises PortfolioError (one line) when it cannot be imported. State is replaced
        only when reading succeeds."""
        path = Path(path)
        if path.suffix.lower() in PLAN_EXTENSIONS:
            plan = read_plan(path)
            self.path, self.plan_file, self.tables, self.warnings = path, plan, [], list(plan.warnings)
            self.table = self.mapping = self.plan = None
            return
        workbook = service.open_file(path, progress=progress, cancelled=cancelled)
        tables = service.detect(workbook)
        benefit_sheets = [s.name for s in workbook.sheets if is_benefit_sheet(s.name)] \
            if has_benefit_sheets(path) else []
        if not tables and not benefit_sheets:
            raise ImportRefused(f"{path.name} holds no table with a header row and data under it")
        for table in tables:
            table.epoch = workbook.epoch
        self.path, self.plan_file, self.tables, self.warnings = path, None, tables, list(workbook.warnings)
        self.benefit_sheets = benefit_sheets
        self.plan = None
        if tables:
            self.choose_table(0)
        else:
            self.choose_benefits()

    def sheet_names(self) -> list[str]:
        """The tables to choose from, one per sheet (the benefits register, when there, comes after them)."""
        return [t.sheet.name for t in self.tables]

    def choose_benefits(self) -> None:
        """Import the benefits register (its Benefits and Benefit measurements sheets) rather than a table."""
        if not self.benefit_sheets:
            raise ImportRefused(f"{self.path.name if self.path else 'the file'} has no benefit sheets")
        self.benefits = True
        self.table = self.mapping = self.guessed = None
        self._month_stash = {}
        self.plan = None

    def choose_table(self, index: int) -> None:
        """Pick the table (one per sheet) to import, with the service's suggested kind and mapping."""
        self.benefits = False
        self.table = self.tables[index]
        mapping, guessed, _scores = service.suggest(self.table)
        self.guessed = guessed
        self.mapping = mapping or suggest_mapping(self.table, k.kind_named(_best_kind(self.table)))
        self._month_stash = {}
        self.plan = None

    def detected(self) -> list[str]:
        """What detection found, one line each: kind, header row, and every warning worth reading."""
        t = self.table
        if t is None:
            return []
        lines = [tr("Kind: {kind} (guessed from the headers)").format(kind=shown(k.kind_named(self.guessed).label))
                 if self.guessed else tr("Kind: could not tell; {kind} chosen, please check").format(
                     kind=shown(k.kind_named(self.mapping.kind).label)),
                 tr("Header row: {row}").format(row=t.header_row_number)
                 + (tr(" (over {n} rows)").format(n=len(t.header_rows)) if len(t.header_rows) > 1 else ""),
                 tr("Data rows: {n}").format(n=len(t.data_rows))]
        lines += [said(w) for w in self.warnings]
        lines += [said(n) for n in t.notes if "header found at row" not in n]
        if t.sheet.uncached_formulas:
            refs = t.sheet.uncached_formulas
            lines.append(tr("{n} formula cell(s) have no saved value and read as blank ({cells})").format(
                n=len(refs), cells=", ".join(refs[:5]) + (" ..." if len(refs) > 5 else "")))
        if t.sheet.hidden:
            lines.append(tr("sheet '{name}' is hidden in the workbook").format(name=t.sheet.name))
        if self.mapping.ignored:
            lines.append(tr("Ignored columns: {columns}").format(columns=", ".join(self.mapping.ignored)))
        return lines

    # -- step 2: the mapping -------------------------------------------------------------------------

    def kind(self) -> k.Kind:
        return k.kind_named(self.mapping.kind)

    def set_kind(self, name: str) -> None:
        if self.mapping is not None and self.mapping.kind == k.kind_named(name).name:
            return
        self.mapping = suggest_mapping(self.table, k.kind_named(name))
        self._month_stash = {}
        self.plan = None

    def field_of(self, column: int) -> str | None:
        """The target field a source column (0-based sheet index) is mapped to, or None (ignored)."""
        for name, cols in self.mapping.columns.items():
            if column in cols:
                return name
        return None

    def is_month_column(self, column: int) -> bool:
        return column in self.mapping.month_columns

    def set_field(self, column: int, name: str | None) -> list[int]:
        """Map `column` to field `name` (None: ignore it). A field takes one column: a column it had
        before is ignored now. Returns the columns whose field changed, for the page to redraw."""
        touched = {column}
        for f, cols in list(self.mapping.columns.items()):
            if column in cols:
                cols.remove(column)
            if f == name and cols:
                touched.update(cols)
                cols.clear()
            if not cols:
                del self.mapping.columns[f]
        if name is not None:
            self.kind().field(name)  # KeyError for a field the kind does not have
            self.mapping.columns[name] = [column]
            self.mapping.month_columns.pop(column, None)
        used = {i for cols in self.mapping.columns.values() for i in cols} | set(self.mapping.month_columns)
        self.mapping.ignored = [c.header for c in self.table.columns if c.index not in used]
        self.plan = None
        return sorted(touched)

    def set_month_column(self, column: int, keep: bool) -> None:
        """Leave a wide-form month column out of the import (keep=False), or take it back in."""
        stash = self._month_stash
        if keep and column in stash:
            self.mapping.month_columns[column] = stash.pop(column)
        elif not keep and column in self.mapping.month_columns:
            stash[column] = self.mapping.month_columns.pop(column)
        used = {i for cols in self.mapping.columns.values() for i in cols} | set(self.mapping.month_columns)
        self.mapping.ignored = [c.header for c in self.table.columns if c.index not in used]
        self.plan = None

    def month_column_months(self, column: int) -> list[str] | None:
        """The months a wide-form column holds (None when it is not one), whether left out or not."""
        months = self.mapping.month_columns.get(column)
        return months if months is not None else self._month_stash.get(column)

    def samples(self, column: int, n: int = SAMPLES) -> list[str]:
        out = []
        for r in self.table.data_rows:
            v = self.table.value(r, column)
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            text = v.isoformat() if hasattr(v, "isoformat") else str(v)
            out.append(text.replace("\n", " ")[:40])
            if len(out) >= n:
                break
        return out

    def missing_required(self) -> list[str]:
        return [f.name for f in self.kind().fields if f.required and f.name not in self.mapping.columns]

    def saved_mappings(self) -> list[str]:
        return list_mappings(self.pf)

    def save_mapping(self, name: str) -> int | None:
        """Store the mapping under `name` (replacing one of that name); returns the write's batch id."""
        before = self.pf.last_batch_id()
        save_mapping(self.pf, name, self.mapping.to_saved(self.table))
        after = self.pf.last_batch_id()
        return after if after != before else None

    def use_saved(self, name: str) -> None:
        self.mapping = apply_saved(load_mapping(self.pf, name), self.table)
        self._month_stash = {}
        self.plan = None

    def minor_units(self) -> int:
        return context_for(self.pf).minor_units

    def projects(self) -> list[tuple[str, str]]:
        return lookups.project_choices(self.pf)

    # -- step 3: preview, step 4: apply ----------------------------------------------------------------

    def unknown_values(self) -> list[answers.Unknown]:
        """Values of the file that no field knows, each once, from the last preview."""
        return [u for sheet in (self.plan.sheets if self.plan else []) for u in sheet.unknown]

    def missing_projects(self) -> list[answers.Missing]:
        """Project codes the rows name that the portfolio lacks, each once, from the last preview."""
        return [m for sheet in (self.plan.sheets if self.plan else []) for m in sheet.missing]

    def answer_value(self, unknown: answers.Unknown, action: str, target: str | None = None) -> None:
        """MAP `unknown` to `target`, ADD it to the portfolio's list, or leave it BLANK (answers.py)."""
        answers.answer(self.mapping, unknown, action, target)
        self.plan = None

    def answer_project(self, code: str, answer: str) -> None:
        """answers.CREATE the project, answers.SKIP its rows, or the code of an existing project."""
        self.mapping.projects[code] = answer
        self.plan = None

    def preview(self) -> ImportPlan:
        if self.benefits:  # the same row-by-row preview; a bad row refuses the sheets with a one-line reason
            self.plan = ImportPlan(str(self.path), preview_benefits(self.pf, self.path), list(self.warnings))
            return self.plan
        project = self.project if self.mapping.kind != "projects" else None
        notes = list(self.warnings)
        self.plan = service.preview(self.pf, [(self.table, self.mapping)], project=project,
                                    file=str(self.path), warnings=notes)
        return self.plan

    def apply(self, *, skip_errors: bool = False, progress=None, cancelled=None) -> Applied:
        """All or nothing through the service (or plans_io for a plan file); raises PortfolioError
        with a one-line message when refused, and then nothing was written."""
        if self.is_plan:
            done = apply_plan(self.pf, self.plan_file, self.project)
            verb = tr("new project") if done.created else tr("replacing its plan")
            return Applied(done.batch_id, tr("Imported {tasks} task(s) and {links} link(s) into {project} ({how})").format(
                tasks=done.tasks, links=done.links, project=done.project, how=verb))
        if self.benefits:
            return self._apply_benefits()
        if self.plan is None:
            self.preview()
        result = service.apply(self.pf, self.plan, skip_errors=skip_errors, progress=progress,
                               cancelled=cancelled)
        skipped = tr("; {n} row(s) with errors skipped").format(n=result.skipped_errors) if result.skipped_errors else ""
        if result.batch_id is None:
            return Applied(None, tr("Nothing to import: every row is unchanged") + skipped)
        return Applied(result.batch_id, tr("Imported {name}: {new} new, {changed} changed").format(
            name=Path(self.plan.file).name, new=result.inserted, changed=result.updated) + skipped)

    def _apply_benefits(self) -> Applied:
        before = self.pf.last_batch_id()
        counts = import_benefits(self.pf, self.path)
        batch = self.pf.last_batch_id()
        if not any(counts.values()) or batch == before:
            return Applied(None, "Nothing to import: every benefit and measurement is unchanged")
        return Applied(batch, f"Imported {self.path.name}: {counts['benefits_added']} benefit(s) new, "
                              f"{counts['benefits_updated']} changed, {counts['measurements']} measurement(s) "
                              f"new or changed, {counts['measurements_removed']} removed")


def _best_kind(table: Table) -> str:
    """When the service is unsure, start from the kind whose suggested mapping fits best."""
    scores = {name: suggest_mapping(table, kind).score for name, kind in k.KINDS.items()}
    return max(scores, key=scores.get)


__all__ = ["IMPORTABLE", "Applied", "ImportSession", "PortfolioError", "is_importable"]
