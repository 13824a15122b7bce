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
