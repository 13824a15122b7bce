"""Why a file cannot be imported at all: the reading layer's refusals (spreadsheets/errors.py), which
the importer raises too for what it finds in a file it could read."""

from __future__ import annotations

from pmo_desktop.spreadsheets.errors import ImportCancelled, ImportRefused

__all__ = ["ImportCancelled", "ImportRefused"]
