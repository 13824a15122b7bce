"""Opening, creating and writing a portfolio file.

One `Portfolio` is one open file. Every write goes through `Portfolio.batch()`: one transaction
(BEGIN IMMEDIATE, so a writer never has to upgrade a read lock), one change-log batch, one undo step.
The connection is shared by at most one thread at a time; `batch()` enforces it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pmo_desktop.domain.enums import Source
from pmo_desktop.store import backups, changelog, files, schema, settings, trust
from pmo_desktop.store.errors import (
    CorruptPortfolio,
    NewerSchema,
    NotAPortfolio,
    PortfolioError,
    PortfolioMissing,
    ReadOnlyPortfolio,
    UntrustedObjects,
    storage_error,
)
from pmo_desktop.store.locking import WriterLock, lock_path

SQLITE_HEADER = b"SQLite format 3\x00"


class Portfolio:
    """An open portfolio file. Use `open_portfolio()` or `create_portfolio()` to get one."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool, lock: WriterLock | None):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._lock = lock
        self._db = None
        self._writer = threading.RLock()
        self._batch_id: int | None = None
        self._deferring = False  # foreign keys checked at COMMIT in the open batch's transaction
        self._seeding = False
        # Change-log triggers missing from a file opened read-only (a writable open reinstalls them).
        self.missing_log_triggers: list[str] = []
        # Undo never reaches past the state the file was opened in.
        self.opened_at_batch = self.last_batch_id()

    @property
    def db(self):
        """A sqlite-utils Database over the same connection, made on first use (it imports numpy)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._db

    # -- life cycle -----------------------------------------------------------------------------

    def close(self) -> None:
        if self.conn is None:
            return
        try:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA optimize")
            self.conn.close()
        finally:
            self.conn = None
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def name(self) -> str:
        return self.settings()["portfolio_name"]

    # -- writing ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def batch(self, source: Source | str, label: str, *, defer_foreign_keys: bool = True) -> Iterator[int]:
        """Run the block as one transaction and one change-log batch; yields the batch id.

        A batch opened inside another joins it, so service functions can be composed.

        `defer_foreign_keys` checks foreign keys at COMMIT instead of at each statement, so a block may
        pass through a state where a child row is written before its parent (an undo of a delete, rows
        received in any order, an import). It is the default. A block whose every statement leaves the
        keys whole (a plain edit of existing rows) passes False: setting the flag makes SQLite expire
        every prepared statement of the connection, so each small edit would recompile its statements
        and the change-log triggers. A nested batch that asks for deferral turns it on for the whole
        outer transaction.
        """
        if self.read_only:
            raise ReadOnlyPortfolio(f"{self.path.name} is open read-only; changes are not allowed")
        with self._writer:
            if self._batch_id is not None:
                if defer_foreign_keys:
                    self.defer_foreign_keys()
                yield self._batch_id
                return
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                if defer_foreign_keys:
                    self.defer_foreign_keys()
                batch_id = conn.execute(
                    "INSERT INTO batches (source, label) VALUES (?, ?)", (str(source), label)
                ).lastrowid
                conn.execute(
                    "UPDATE _state SET batch_id = ?, logging = ? WHERE id = 1",
                    (batch_id, 0 if self._seeding else 1),
                )
                self._batch_id = batch_id
                yield batch_id
                conn.execute("UPDATE _state SET batch_id = NULL, logging = 1 WHERE id = 1")
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                full = storage_error(exc, self.path)
                if full is not None:
                    raise full from None
                raise
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._batch_id = None
                self._deferring = False  # SQLite clears the flag at COMMIT and ROLLBACK

    def defer_foreign_keys(self) -> None:
        """Check foreign keys at COMMIT for the rest of the open transaction (idempotent)."""
        if not self.conn.in_transaction:
            raise RuntimeError("defer_foreign_keys() is for inside a batch")  # a programming error
        if not self._deferring:
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            self._deferring = True

    @contextlib.contextmanager
    def bookkeeping(self) -> Iterator[sqlite3.Connection]:
        """One transaction for bookkeeping tables only (names starting with `_`): no batch, no undo step.

        Joins a batch already open on this thread.
        """
        if self.read_only:
            raise ReadOnlyPortfolio(f"{self.path.name} is open read-only; changes are not allowed")
        with self._writer:
            if self._batch_id is not None:
                yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Portfolio]:
        """Read everything inside the block from one consistent state of the file.

        A read transaction is held from the first read to the end of the block, so a report or an
        export that reads several tables never mixes states while another program commits. Inside a
        batch (or another snapshot) the block simply joins it.
        """
        with self._writer:
            conn = self.conn
            if conn.in_transaction:
                yield self
                return
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT count(*) FROM _state").fetchone()  # the read lock is taken here
                yield self
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def last_batch_id(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM batches").fetchone()[0]

    def batch_info(self, batch_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT id, at, source, label, reverts, replays, undone FROM batches WHERE id = ?", (batch_id,)
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("id", "at", "source", "label", "reverts", "replays", "undone"), row, strict=True))

    def undo(self, batch_id: int) -> int:
        """Apply the inverse of batch `batch_id` as a new batch; returns the new batch's id."""
        return self._replay(batch_id, undo=True)

    def redo(self, batch_id: int) -> int:
        """Apply batch `batch_id` again after it was undone; returns the new batch's id."""
        return self._replay(batch_id, undo=False)

    def _replay(self, batch_id: int, *, undo: bool) -> int:
        info = self.batch_info(batch_id)
        if info is None:
            raise PortfolioError(f"there is no change batch {batch_id}")
        if info["reverts"] is not None or info["source"] in (Source.UNDO, Source.REDO):
            raise PortfolioError(f"batch {batch_id} is itself an undo or redo; undo or redo the original")
        if undo and info["undone"]:
            raise PortfolioError(f"batch {batch_id} ('{info['label']}') is already undone")
        if not undo and not info["undone"]:
            raise PortfolioError(f"batch {batch_id} ('{info['label']}') has not been undone")
        label = info["label"] or f"batch {batch_id}"
        source = Source.UNDO if undo else Source.REDO
        with self.batch(source, f"{'Undo' if undo else 'Redo'}: {label}",
                        defer_foreign_keys=True) as new_id:  # a replay may restore a child before its parent
            changes = changelog.batch_changes(self.conn, batch_id)
            if undo:
                changelog.apply_inverse(self.conn, changes, label)
            else:
                changelog.apply_forward(self.conn, changes, label)
            self.conn.execute(
                "UPDATE batches SET undone = ? WHERE id = ?", (1 if undo else 0, batch_id)
            )
            self.conn.execute(
                f"UPDATE batches SET {'reverts' if undo else 'replays'} = ? WHERE id = ?", (batch_id, new_id)
            )
        return new_id

    # -- settings -----------------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        return settings.read_settings(self.conn)

    def set_settings(self, values: dict[str, Any], *, source: Source | str = Source.UI) -> None:
        unknown = set(values) - set(settings.DEFAULTS)
        if unknown:
            raise PortfolioError(f"unknown setting: {', '.join(sorted(unknown))}")
        with self.batch(source, "Change settings", defer_foreign_keys=False):
            for key, value in values.items():
                settings.write_setting(self.conn, key, value)

    # -- facts --------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return schema.schema_version(self.conn)

    def counts(self) -> dict[str, int]:
        return {
            t: self.conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
            for t in changelog.user_tables(self.conn)
        }


# ------------------------------------------------------------------------------------------------
# Opening


def _check_header(path: Path) -> None:
    if not path.exists():
        raise PortfolioMissing(f"{path} does not exist")
    if path.is_dir():
        raise NotAPortfolio(f"{path} is a folder, not a portfolio file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise PortfolioError(f"cannot read {path}: {exc.strerror}") from None
    if head != SQLITE_HEADER:
        raise NotAPortfolio(f"{path.name} is not a PMO Desktop portfolio (it is not an SQLite database)")


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection; a read-only one refuses writes (query_only) but, where the user may write the file,
    is an ordinary connection, so SQLite removes the -wal and -shm it made when the last one closes."""
    if read_only and not _writable(path):
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


def _writable(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm")]


def _remove_new_side_files(path: Path, existed: set[Path]) -> None:
    """After a failed open, remove the -wal/-shm this process made (empty or a few bytes, never data)."""
    for side in _side_files(path):
        if side in existed:
            continue
        with contextlib.suppress(OSError):
            if not side.is_symlink() and side.stat().st_size < 4096:
                side.unlink()


def _validate(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Check the file is a readable portfolio this version understands; returns pending migrations."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" not in tables:
            raise NotAPortfolio(f"{path.name} is an SQLite database but not a PMO Desktop portfolio")
        applied = schema.applied_migrations(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        full = storage_error(exc, path)
        if full is not None:
            raise full from None
        raise CorruptPortfolio(
            f"{path.name} is damaged and cannot be opened ({exc}); restore it from a backup"
        ) from None
    if not applied:
        raise NotAPortfolio(f"{path.name} is an SQLite database but not a PMO Desktop portfolio")
    unknown = [name for name in applied if name not in schema.MIGRATION_NAMES]
    if unknown:
        raise NewerSchema(
            f"{path.name} was saved by a newer version of PMO Desktop (it has schema steps this version "
            f"does not know: {', '.join(unknown[:3])}); update PMO Desktop to open it"
        )
    if version > trust.format_version():
        raise NewerSchema(
            f"{path.name} was saved by a newer version of PMO Desktop (format {version}; this version "
            f"knows up to {trust.format_version()}); update PMO Desktop to open it"
        )
    return [name for name in schema.MIGRATION_NAMES if name not in applied]


def _check_objects(conn: sqlite3.Connection, path: Path, *, read_only: bool) -> list[str]:
    """Refuse planted triggers and views; reinstall missing change-log triggers when writable.

    Returns the change-log triggers still missing (only when read-only)."""
    unknown, missing = trust.inspect(conn, schema.applied_migrations(conn))
    if unknown:
        raise UntrustedObjects(
            f"{path.name} contains {', '.join(unknown[:3])}{' and more' if len(unknown) > 3 else ''}, which "
            "PMO Desktop did not create; it is not opened, since such objects can run code hidden in the file "
            f"('pmo check {path.name} --clean-copy COPY.pmo' writes a copy without them)"
        )
    if missing and not read_only:
        conn.execute("BEGIN IMMEDIATE")
        try:
            changelog.install_triggers(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return []
    return missing


def open_portfolio(path: str | os.PathLike, *, read_only: bool = False) -> Portfolio:
    """Open an existing portfolio, migrating an older schema (after a backup) when writable.

    Raises a PortfolioError subclass with a one-line message for every way this can fail; the file
    is not modified by a failed open.
    """
    path = Path(path)
    _check_header(path)
    lock = None
    if not read_only:
        lock = WriterLock(path)
        lock.acquire()
    conn = None
    existed = {p for p in _side_files(path) if p.exists()}
    try:
        conn = _connect(path, read_only=read_only)
        pending = _validate(conn, path)
        if pending:
            if read_only:
                raise PortfolioError(
                    f"{path.name} uses an older format; open it for writing once to upgrade it"
                )
            _check_objects(conn, path, read_only=False)  # before anything of the file's runs
            backups.make_backup(conn, path, "before-upgrade")
            _apply_migrations(conn)
        missing = _check_objects(conn, path, read_only=read_only)
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            _stamp_version(conn)
            _remove_stale_temp_files(path)
        pf = Portfolio(path, conn, read_only=read_only, lock=lock)
        pf.missing_log_triggers = missing
        return pf
    except BaseException as exc:
        if conn is not None:
            conn.close()
        _remove_new_side_files(path, existed)
        if lock is not None:
            lock.release()
        full = storage_error(exc, path) if isinstance(exc, (sqlite3.Error, OSError)) else None
        if full is not None:
            raise full from None
        raise


def _stamp_version(conn: sqlite3.Connection) -> None:
    """Record the format in the header (user_version), so an older release can tell it is newer."""
    if conn.execute("PRAGMA user_version").fetchone()[0] != trust.format_version():
        conn.execute(f"PRAGMA user_version = {int(trust.format_version())}")


def _remove_stale_temp_files(path: Path) -> None:
    """What a killed `pmo new` of this name left; the caller holds the writer lock every creator holds."""
    for leftover in files.stale_temp_files(path):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _apply_migrations(conn: sqlite3.Connection) -> None:
    schema.apply_migrations(conn)


__all__ = ["Portfolio", "lock_path", "open_portfolio"]
