"""Files we create: written so a failure or a kill never leaves half of one behind, and all with one
permission rule, the user's umask applied to 0o666, as other desktop programs do."""

from __future__ import annotations

import errno
import gc
import os
import re
import sqlite3
import stat
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from pmo_desktop.store.errors import PortfolioError


def umask_mode() -> int:
    """0o666 less the process umask: the mode every file we create ends up with."""
    current = os.umask(0)
    os.umask(current)
    return 0o666 & ~current


def apply_umask(path: str | os.PathLike) -> None:
    """Give a file made private by mkstemp the same mode as any other file the user creates."""
    if os.name == "posix":
        os.chmod(path, umask_mode())


def temp_beside(target: Path, suffix: str = ".tmp") -> Path:
    """An empty temporary file `.NAME.xxxxxxxx.tmp` beside `target` (a name `stale_temp_files` knows)."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    os.close(fd)
    apply_umask(tmp)
    return Path(tmp)


def write_atomically(target: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call `write(temp_path)` for a temporary file beside `target`, then move it into place."""
    target = Path(target)
    tmp = temp_beside(target)
    try:
        write(str(tmp))
        os.replace(tmp, target)
    except BaseException as exc:
        _release_quietly(exc)
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            from pmo_desktop.store.errors import DiskFull, no_space_message

            raise DiskFull(no_space_message(target)) from None
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


def _release_quietly(exc: BaseException) -> None:
    """Let go of what the failed writer left open (a zip file, a stream) now and without a word.

    Its frames still hold them; when they are collected later, their own close fails again on the full
    disk and Python prints "Exception ignored ... Traceback" after our one-line message."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _info: None
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def stale_temp_files(target: Path) -> list[Path]:
    """Regular files at `.NAME.<8 characters of mkstemp>.tmp` (and their -wal, -shm, -journal) beside
    `target`: what a killed creation of `target` left. Only the caller knows nobody alive owns them
    (it holds the target's writer lock, which every creator holds while it builds)."""
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp(-wal|-shm|-journal)?")
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if pattern.fullmatch(entry.name):
            try:
                if stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                    found.append(Path(entry.path))
            except OSError:
                continue
    return found


def is_disk_full(exc: BaseException) -> bool:
    """Whether an OSError or an SQLite error means the disk (or a quota) ran out of space."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return "disk is full" in str(exc)
    return code & 0xFF == 13  # SQLITE_FULL


def no_space_left(folder: Path) -> bool:
    """Whether the disk holding `folder` has (almost) no room left: how an I/O error is told from damage."""
    import shutil

    try:
        return shutil.disk_usage(folder if str(folder) else ".").free < 64 * 1024
    except OSError:
        return False
