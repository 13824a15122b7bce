"""Which reader opens which file: a registry from file extension to reader function.

A reader takes (path, progress=..., cancelled=..., sheets=...) and returns a `grid.Workbook`. A reader
for a format that already knows what it holds (a plan file, say) sets `Sheet.kind_hint` and uses the
canonical headers of that kind (see kinds.py), so detection and mapping take it as it is. Add one with
`register_reader(".ext", fn)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pmo_desktop.importing.csv_reader import read_csv
from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.spreadsheets.calamine_reader import read_workbook
from pmo_desktop.spreadsheets.grid import Workbook

Reader = Callable[..., Workbook]

READERS: dict[str, Reader] = {
    ".xlsx": read_workbook,
    ".xlsm": read_workbook,
    ".xlsb": read_workbook,
    ".ods": read_workbook,
    ".xls": read_workbook,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".txt": read_csv,
}

_REFUSED = {
    ".numbers": "is a Numbers document; export it as .xlsx",
}


def register_reader(extension: str, reader: Reader) -> None:
    READERS[extension.lower()] = reader


def reader_for(path: Path) -> Reader:
    ext = path.suffix.lower()
    if ext in READERS:
        return READERS[ext]
    if ext in _REFUSED:
        raise ImportRefused(f"{path.name} {_REFUSED[ext]}")
    known = ", ".join(sorted(READERS))
    raise ImportRefused(f"{path.name}: files of type '{ext or '(none)'}' cannot be imported (known: {known})")


def read_file(path: Path, **kwargs) -> Workbook:
    return reader_for(path)(path, **kwargs)
