"""Creating a portfolio file: built under a temporary name, then moved into place whole.

A new file never inherits a -wal, -shm or -journal left at its name by a writer that was killed, and
nobody can open the old file for writing while it is being replaced.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from pmo_desktop.domain.enums import Source
from pmo_desktop.store import files, settings
from pmo_desktop.store.errors import DiskFull, PortfolioError, PortfolioExists, storage_error
from pmo_desktop.store.locking import WriterLock
from pmo_desktop.store.portfolio import (
    Portfolio,
    _apply_migrations,
    _connect,
    _remove_stale_temp_files,
    _stamp_version,
    open_portfolio,
)


def create_portfolio(
    path: str | os.PathLike,
    *,
    name: str | None = None,
    currency: str | None = None,
    overwrite: bool = False,
    populate: Callable[[Portfolio], None] | None = None,
) -> Portfolio:
    """Create a new portfolio file and return it open for writing.

    The file is built under a temporary name beside the target and moved into place only when it is
    complete, so an interrupted creation never leaves a half-made portfolio behind. `populate` fills
    the new file; what it writes is the file's starting state (logged as one batch, with no per-row
    undo entries, since there is nothing to undo before a file exists).
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise PortfolioExists(f"{path} already exists; choose another name or pass --force")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PortfolioError(f"folder {folder} does not exist")
    # Held from start to finish: nobody can open the old file for writing while it is being replaced.
    lock = WriterLock(path)
    lock_was_there = lock.path.exists()
    lock.acquire()
    try:
        _remove_stale_temp_files(path)
        _build_and_replace(path, folder, name, currency, populate)
    except BaseException as exc:
        if not lock_was_there and not path.exists():  # a failed creation leaves nothing behind
            lock.path.unlink(missing_ok=True)
        full = storage_error(exc, path) if isinstance(exc, (sqlite3.Error, OSError)) else None
        if full is not None and not isinstance(exc, DiskFull):
            raise full from None
        raise
    finally:
        lock.release()
    return open_portfolio(path)


def _build_and_replace(path: Path, folder: Path, name: str | None, currency: str | None,
                       populate: Callable[[Portfolio], None] | None) -> None:
    """Build the new file under a temporary name, then move it into place."""
    tmp = files.temp_beside(path)
    try:
        conn = _connect(tmp, read_only=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        _apply_migrations(conn)
        _stamp_version(conn)
        portfolio = Portfolio(tmp, conn, read_only=False, lock=None)
        try:
            initial = {"portfolio_name": name or path.stem}
            if currency:
                initial["currency"] = currency
            portfolio._seeding = True
            with portfolio.batch(Source.CLI, "Create portfolio"):
                for key, value in initial.items():
                    settings.write_setting(conn, key, value)
                if populate is not None:
                    populate(portfolio)
            portfolio._seeding = False
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            portfolio.close()
        remove_journals(path)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        raise


JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")


def remove_journals(path: Path) -> None:
    """Remove the write-ahead log, its index and any rollback journal left at `path`.

    A writer that was killed leaves its committed work in `path-wal`; SQLite would replay that log
    into whatever file next takes the name, so a new portfolio would inherit another file's rows.
    The caller holds the writer lock, so no live writer owns them.
    """
    for suffix in JOURNAL_SUFFIXES:
        leftover = path.with_name(path.name + suffix)
        if leftover.is_symlink() or leftover.exists():
            leftover.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


__all__ = ["JOURNAL_SUFFIXES", "create_portfolio", "remove_journals"]
