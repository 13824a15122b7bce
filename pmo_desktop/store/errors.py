"""What can go wrong with a portfolio file, each with a message a user can act on.

Every error's `str()` is one line meant for the user; the CLI prints it as is and the GUI shows it
in a dialog.
"""

from __future__ import annotations


class PortfolioError(Exception):
    """Base of every user-facing store error."""


class PortfolioMissing(PortfolioError):
    pass


class PortfolioExists(PortfolioError):
    pass


class NotAPortfolio(PortfolioError):
    pass


class CorruptPortfolio(PortfolioError):
    pass


class NewerSchema(PortfolioError):
    pass


class PortfolioLocked(PortfolioError):
    """Another process has the file open for writing; it can still be opened read-only."""


class ReadOnlyPortfolio(PortfolioError):
    pass


class UndoConflict(PortfolioError):
    """A batch cannot be undone or redone because later changes touched the same data."""


class DiskFull(PortfolioError):
    """The disk ran out of space; the transaction was rolled back and the file is intact."""


class UntrustedObjects(PortfolioError):
    """The file holds triggers or views this program did not create; it is not opened."""


def no_space_message(path) -> str:
    from pathlib import Path

    return f"no space left on the disk that holds {Path(path).name}; nothing was changed"


def storage_error(exc: BaseException, path) -> PortfolioError | None:
    """A DiskFull for an error that means the disk holding `path` is full; None for anything else."""
    from pathlib import Path

    from pmo_desktop.store.files import is_disk_full, no_space_left

    folder = Path(path).parent
    if is_disk_full(exc) or ("disk I/O error" in str(exc) and no_space_left(folder)):
        return DiskFull(no_space_message(path))
    return None
