"""Which writer produces which file: a registry from file extension to writer function.

A writer takes (portfolio, target path, **options) and returns {sheet or part: rows written}. The plan
formats (MS Project XML, GanttProject) join with `register_writer(".xml", fn)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pmo_desktop.exporting.xlsx_export import export_workbook

Writer = Callable[..., dict[str, int]]

WRITERS: dict[str, Writer] = {".xlsx": export_workbook}


def register_writer(extension: str, writer: Writer) -> None:
    WRITERS[extension.lower()] = writer


def writer_for(path: Path) -> Writer | None:
    return WRITERS.get(path.suffix.lower())
