"""Why a file cannot be read at all (as opposed to a row that cannot: see importing/plan.RowResult)."""

from __future__ import annotations

from pmo_desktop.store.errors import PortfolioError


class ImportRefused(PortfolioError):
    """The file is not something we will read; str() is one line saying why and what to do."""


class ImportCancelled(PortfolioError):
    """The user cancelled a long import; nothing was written."""
