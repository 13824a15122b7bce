"""Writing an output file so that a failure or a kill never leaves half of it behind."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from pmo_desktop.store.errors import PortfolioError


def write_atomically(target: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call `write(temp_path)` for a temporary file beside `target`, then move it into place."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def save_copy(pf, target: str | os.PathLike) -> None:
    """Write a consistent copy of the open file through SQLite's online backup API.

    Written beside the target under a temporary name and moved into place, so a failed copy never
    leaves a half file. Raises PortfolioError with a one-line message.
    """
    target = Path(target)
    if target.resolve() == pf.path.resolve():
        raise PortfolioError("choose a different file from the one that is open")
    tmp = target.with_name(f".{target.name}.partial")
    try:
        dest = sqlite3.connect(tmp)
        try:
            pf.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise PortfolioError(f"could not save a copy to {target}: {exc}") from None
