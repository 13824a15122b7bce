"""Rolling backups through SQLite's online backup API.

Backups live in the user's data folder (platformdirs), one sub-folder per portfolio file, so they
never clutter the folder the analyst keeps the portfolio in. `PMO_DESKTOP_DATA_DIR` overrides the
location (tests, portable installs).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import platformdirs

from pmo_desktop.store.files import apply_umask

KEEP = 10


def data_dir() -> Path:
    override = os.environ.get("PMO_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("PMO Desktop", appauthor=False))


def backup_dir(portfolio: Path) -> Path:
    digest = hashlib.sha1(str(portfolio.resolve()).encode()).hexdigest()[:8]
    return data_dir() / "backups" / f"{portfolio.stem}-{digest}"


def make_backup(conn: sqlite3.Connection, portfolio: Path, reason: str) -> Path:
    """Copy the open database to a new backup file and prune old ones; returns the copy's path."""
    folder = backup_dir(portfolio)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{portfolio.stem}-{stamp}-{reason}.pmo"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    apply_umask(target)  # SQLite creates files 0644; ours follow the user's umask like any other
    for old in sorted(folder.glob("*.pmo"))[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def list_backups(portfolio: Path) -> list[Path]:
    folder = backup_dir(portfolio)
    return sorted(folder.glob("*.pmo")) if folder.exists() else []
