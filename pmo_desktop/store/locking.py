"""One writer per portfolio file, enforced with an OS lock on a sidecar file.

The lock is an advisory OS lock (flock on POSIX, msvcrt on Windows) on `<file>.lock`, so it vanishes
with the process that held it: a crash never leaves a stale lock behind. The lock file also records
who holds it, so the message to a second writer can say so.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import stat
import sys
from pathlib import Path

from pmo_desktop.store.errors import PortfolioError, PortfolioLocked

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class WriterLock:
    """Held for as long as a portfolio is open for writing."""

    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = open_lock_file(self.path)
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            raise PortfolioLocked(
                f"{self.path.with_suffix('').name} is already open for writing{holder}; "
                "close it there or open it read-only"
            )
        os.ftruncate(fd, 0)
        info = {"pid": os.getpid(), "host": socket.gethostname(), "user": _user()}
        os.write(fd, json.dumps(info).encode())
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)
        # The file is left in place on purpose: unlinking it could let two processes each lock a
        # different inode under the same name.


def open_lock_file(path: Path) -> int:
    """Open (or create) the lock file itself, never what a link at its name points to.

    Acquiring the lock truncates and rewrites the file, so a symbolic link, a hard link or anything
    that is not a regular file at that name is refused: following it would overwrite another file.
    """
    if path.is_symlink():  # O_NOFOLLOW is POSIX only; this covers Windows and says it plainly
        raise UnsafeLockFile(_unsafe(path, "is a link to another file"))
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o666)  # the user's umask applies, as to every file we create
    except OSError as exc:
        if path.is_symlink():  # created between the check and the open
            raise UnsafeLockFile(_unsafe(path, "is a link to another file")) from None
        raise PortfolioError(f"cannot open the lock file {path}: {exc.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        os.close(fd)
        what = "is not a regular file" if not stat.S_ISREG(info.st_mode) else "is linked to another file"
        raise UnsafeLockFile(_unsafe(path, what))
    return fd


def _unsafe(path: Path, what: str) -> str:
    return f"{path} {what}, not a lock file of this program; nothing was changed: remove it and try again"


class UnsafeLockFile(PortfolioError):
    """Something other than our own lock file sits at the lock's name."""


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return "unknown"


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096) or b"{}")
        return f" by {info['user']} (process {info['pid']} on {info['host']})"
    except (OSError, ValueError, KeyError):
        return " by another program"
