"""The portfolio file: SQLite through sqlite-utils, migrations, change log, backups, locking.

The public face is re-exported here so that services import `pmo_desktop.store` and nothing deeper.
"""

from pmo_desktop.store.creation import create_portfolio
from pmo_desktop.store.errors import (
    CorruptPortfolio,
    NewerSchema,
    NotAPortfolio,
    PortfolioError,
    PortfolioExists,
    PortfolioLocked,
    PortfolioMissing,
    ReadOnlyPortfolio,
    UndoConflict,
)
from pmo_desktop.store.portfolio import Portfolio, open_portfolio

__all__ = [
    "CorruptPortfolio",
    "NewerSchema",
    "NotAPortfolio",
    "Portfolio",
    "PortfolioError",
    "PortfolioExists",
    "PortfolioLocked",
    "PortfolioMissing",
    "ReadOnlyPortfolio",
    "UndoConflict",
    "create_portfolio",
    "open_portfolio",
]
