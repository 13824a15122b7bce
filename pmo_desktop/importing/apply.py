"""Writing a previewed import: one transaction, one change-log batch, one undo step, or nothing at all."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pmo_desktop.domain.enums import Source
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.errors import ImportCancelled, ImportRefused
from pmo_desktop.importing.plan import CHANGED, NEW, ImportPlan, RowResult, SheetPlan
from pmo_desktop.spreadsheets.grid import CancelCheck, Progress
from pmo_desktop.store import bulk
from pmo_desktop.store.value_lists import extend_lists

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_PSEUDO = ("programme", "parent_wbs", "predecessors")  # a row with none of these (and no refs) is written as planned
_CHUNK = 25_000  # new rows per bulk insert; a cancel is looked at between them (about 0.2 s apart). Each
# has a few milliseconds of set-up (the log trigger taken out and put back, statements prepared again
# after that schema change, the log's own INSERT): 5,000-row chunks cost 0.02 s of a 50,000-row import
# New rows carry the import's one instant, read once: the columns' default reads and formats the clock
# twice per row (a tenth of writing a large register). No kind maps these columns.
_STAMPED = ("created_at", "updated_at")


@dataclass
class ApplyResult:
    batch_id: int | None
    inserted: int
    updated: int
    skipped_errors: int

    def as_dict(self) -> dict:
        return {"batch_id": self.batch_id, "inserted": self.inserted, "updated": self.updated,
                "skipped_errors": self.skipped_errors}


def apply_plan(pf, plan: ImportPlan, *, skip_errors: bool = False, progress: Progress | None = None,
               cancelled: CancelCheck | None = None) -> ApplyResult:
    """Write the plan's new and changed rows. Rows in error block the import unless `skip_errors`."""
    counts = plan.counts()
    if counts["error"] and not skip_errors:
        raise ImportRefused(f"{counts['error']} row(s) have errors, so nothing was imported; fix them, or import "
                            "the other rows with --skip-errors")
    todo = counts["new"] + counts["changed"]
    lists: dict[str, list[str]] = {}
    for sheet in plan.sheets:
        for vocab, words in sheet.add_values.items():
            lists.setdefault(vocab, []).extend(words)
    if todo == 0 and not lists:
        return ApplyResult(None, 0, 0, counts["error"])
    writer = _Writer(pf, progress, cancelled, todo)
    try:
        with pf.batch(Source.IMPORT, f"Import {Path(plan.file).name}") as batch_id:
            if lists:
                try:
                    extend_lists(pf.conn, lists)
                except ValueError as exc:
                    raise ImportRefused(f"nothing was imported: {exc}") from None
            writer.create_projects(plan)
            for kind in k.APPLY_ORDER:
                for sheet in plan.sheets:
                    if sheet.kind == kind:
                        writer.sheet(sheet)
    except sqlite3.IntegrityError as exc:
        # The plan checks keys and values; a constraint that still fails is reported, never half-applied.
        raise ImportRefused(f"the import was rolled back, nothing was changed: a row broke a rule of the "
                            f"portfolio ({exc})") from None
    return ApplyResult(batch_id, writer.inserted, writer.updated, counts["error"])


class _Writer:
    def __init__(self, pf, progress, cancelled, total: int):
        self.conn = pf.conn
        self.progress = progress
        self.cancelled = cancelled
        self.total = total
        self.done = 0
        self.inserted = 0
        self.updated = 0
        self.projects = {code: pid for pid, code in self.conn.execute("SELECT id, code FROM projects")}
        self.programmes = {name: pid for pid, name in self.conn.execute("SELECT id, name FROM programmes")}
        self._pending: list = []  # [(table, *columns), params...]: changed rows waiting for one bulk UPDATE
        self._stamp: str | None = None  # created_at / updated_at of this import's rows

    def create_projects(self, plan: ImportPlan) -> None:
        """Projects the rows name that the portfolio lacked, answered 'create': code and name from the rows."""
        for sheet in plan.sheets:
            for code, name in sheet.create_projects.items():
                if code not in self.projects:
                    self.projects[code] = self._insert("projects", {"code": code, "name": name or code,
                                                                    "stage": "Idea", "rag_overall": "X"})

    def _tick(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        if self.done // 1000 != before // 1000:
            if self.cancelled is not None and self.cancelled():
                raise ImportCancelled("import cancelled; nothing was changed")
            if self.progress is not None:
                self.progress(self.done, self.total)

    def sheet(self, sheet: SheetPlan) -> None:
        table = k.kind_named(sheet.kind).table
        rows = [r for r in sheet.rows if r.action in (NEW, CHANGED)]
        if sheet.kind == "tasks":
            self._tasks(rows)
            return
        groups: dict[tuple, list[tuple]] = {}
        stamp = self.stamp() if rows else None
        for row in rows:
            values = row.values
            if row.refs or "programme" in values or "parent_wbs" in values or "predecessors" in values:
                values = self._resolve(row)
            if row.action == NEW:  # rows that fill the same columns go in one bulk insert
                cols = tuple(values)
                group = groups.get(cols)
                if group is None:
                    group = groups[cols] = []
                group.append((*values.values(), stamp, stamp))
            else:
                self._update_later(table, row, values)
                self._tick()
        self._flush()
        for cols, params in groups.items():
            for start in range(0, len(params), _CHUNK):
                chunk = params[start:start + _CHUNK]
                bulk.insert_rows(self.conn, table, (*cols, *_STAMPED), chunk)
                self.inserted += len(chunk)
                self._tick(len(chunk))
        if sheet.kind == "projects" and groups:
            self.projects = {code: pid for pid, code in self.conn.execute("SELECT id, code FROM projects")}

    def stamp(self) -> str:
        """created_at / updated_at of the rows this import writes: one instant, read once."""
        if self._stamp is None:
            self._stamp = bulk.now(self.conn)
        return self._stamp

    def _update_later(self, table: str, row: RowResult, values: dict) -> None:
        """Queue a changed row's UPDATE; runs of rows that change the same columns go in one bulk write,
        in the plan's order (flushed before anything else is written)."""
        changed = {c: values[c] for c in values if c in row.changes or c in row.refs or c == "programme_id"}
        if not changed:
            return
        cols = (table, *changed)
        if self._pending and self._pending[0] != cols:
            self._flush()
        if not self._pending:
            self._pending = [cols]
        self._pending.append([*changed.values(), self.stamp(), row.target_id])

    def _flush(self) -> None:
        if self._pending:
            (table, *cols), *params = self._pending
            self._pending = []
            bulk.update_rows(self.conn, table, [*cols, "updated_at"], params)
            self.updated += len(params)

    def _resolve(self, row: RowResult) -> dict:
        v = row.values
        if not row.refs and "programme" not in v and "parent_wbs" not in v and "predecessors" not in v:
            return v  # most rows: written as planned (never changed in place); the names are _PSEUDO's
        values = {c: v for c, v in row.values.items() if c not in _PSEUDO}
        for col, code in row.refs.items():
            values[col] = self.projects[code]
        if "programme" in row.values:
            name = row.values["programme"]
            if name is None:
                values["programme_id"] = None
            else:
                if name not in self.programmes:
                    self.programmes[name] = self._insert("programmes", {"name": name})
                values["programme_id"] = self.programmes[name]
        return values

    def _other_project_task(self, ids: dict, ref: str) -> int | None:
        """The task a CODE:WBS predecessor names (a link between projects), in this import or the file."""
        code, _sep, wbs = ref.partition(":")
        row = self.conn.execute("SELECT id FROM projects WHERE code = ?", (code,)).fetchone()
        if row is None:
            return None
        found = ids.get((row[0], wbs))
        if found is None:
            hit = self.conn.execute("SELECT id FROM tasks WHERE project_id = ? AND wbs = ?", (row[0], wbs)).fetchone()
            found = hit[0] if hit else None
        return found

    def _write(self, table: str, row: RowResult, values: dict) -> None:
        if row.action == NEW:
            row.target_id = self._insert(table, values)
        else:
            changed = {c: values[c] for c in values if c in row.changes or c in row.refs or c == "programme_id"}
            if changed:
                sets = ", ".join(f"[{c}] = ?" for c in changed)
                self.conn.execute(f"UPDATE [{table}] SET {sets}, updated_at = {_NOW} WHERE id = ?",
                                  [*changed.values(), row.target_id])
                self.updated += 1

    def _insert(self, table: str, values: dict) -> int:
        self._flush()
        cols = list(values)
        cur = self.conn.execute(f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                                f"VALUES ({', '.join('?' for _ in cols)})", list(values.values()))
        self.inserted += 1
        return cur.lastrowid

    def _tasks(self, rows: list[RowResult]) -> None:
        ids: dict[tuple[int, str], int] = {}
        for pid, wbs, tid in self.conn.execute("SELECT project_id, wbs, id FROM tasks"):
            ids[(pid, wbs)] = tid
        rows.sort(key=lambda r: (r.action != CHANGED, r.values["wbs"].count(".")))
        for row in rows:
            values = self._resolve(row)
            pid = values["project_id"]
            parent = row.values.get("parent_wbs")
            values["parent_id"] = ids.get((pid, parent)) if parent else None
            if row.action == CHANGED and "parent_wbs" in row.changes:
                row.changes["parent_id"] = (None, values["parent_id"])
            self._write("tasks", row, values)
            ids[(pid, values["wbs"])] = row.target_id
            self._tick()
        for row in rows:
            if row.links is None:
                continue
            pid = self.projects.get(row.refs["project_id"]) if "project_id" in row.refs else row.values["project_id"]
            wanted = {}
            for wbs, kind, lag in row.links:
                pred = self._other_project_task(ids, wbs) if ":" in wbs else ids.get((pid, wbs))
                if pred is not None and pred != row.target_id:
                    wanted[pred] = (kind, lag)
            current = {pred: (kind, lag, did) for did, pred, kind, lag in self.conn.execute(
                "SELECT id, predecessor_id, type, lag_days FROM dependencies WHERE successor_id = ?",
                (row.target_id,))}
            for pred, (kind, lag, did) in current.items():
                if pred not in wanted:
                    self.conn.execute("DELETE FROM dependencies WHERE id = ?", (did,))
                elif wanted[pred] != (kind, lag):
                    self.conn.execute(f"UPDATE dependencies SET type = ?, lag_days = ?, updated_at = {_NOW} "
                                      "WHERE id = ?", (*wanted[pred], did))
            for pred, (kind, lag) in wanted.items():
                if pred not in current:
                    self.conn.execute("INSERT INTO dependencies (predecessor_id, successor_id, type, lag_days) "
                                      "VALUES (?, ?, ?, ?)", (pred, row.target_id, kind, lag))
