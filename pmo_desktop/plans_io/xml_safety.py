"""Reading untrusted XML plan files safely (defusedxml) with one-line errors."""

from __future__ import annotations

import os
import xml.etree.ElementTree as StdET
from collections.abc import Iterator
from pathlib import Path

import defusedxml
from defusedxml.ElementTree import iterparse

from pmo_desktop.domain.limits import MAX_DEPTH
from pmo_desktop.plans_io.model import PlanFileError

MAX_BYTES = 200 * 1024 * 1024  # a plan larger than this is not a plan
MAX_XML_DEPTH = MAX_DEPTH + 10  # task nesting plus the few elements around the tasks


_LOCAL: dict[str, str] = {}


def local(tag: str) -> str:
    """A tag without its namespace ('{ns}Task' -> 'Task'); a plan has few distinct tags, so cache them."""
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if len(_LOCAL) < 4096:
            _LOCAL[tag] = name
    return name


def safe_events(path: Path, kind: str) -> Iterator[tuple[str, StdET.Element]]:
    """iterparse 'start'/'end' events; DTDs, entities and external references are refused."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise PlanFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if path.is_dir():
        raise PlanFileError(f"{path} is a folder, not a {kind} file")
    if size == 0:
        raise PlanFileError(f"{path.name} is empty, not a {kind} file")
    if size > MAX_BYTES:
        raise PlanFileError(f"{path.name} is {size // 2**20} MB, too large for a {kind} file")
    try:
        depth = 0
        for event, el in iterparse(str(path), events=("start", "end"), forbid_dtd=True):
            depth += 1 if event == "start" else -1
            if depth > MAX_XML_DEPTH:
                raise PlanFileError(f"{path.name} nests XML elements more than {MAX_XML_DEPTH} levels deep; "
                                    f"a {kind} file has at most {MAX_DEPTH} levels of tasks")
            yield event, el
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise PlanFileError(
            f"{path.name} declares a DTD or XML entities, which are refused for safety; "
            f"save it again from {kind.split(' (')[0]}"
        ) from None
    except StdET.ParseError as exc:
        line = getattr(exc, "position", (None,))[0]
        where = f" (line {line})" if line else ""
        raise PlanFileError(f"{path.name} is not a readable XML file{where}: it may be damaged or not a "
                            f"{kind} file") from None
    except OSError as exc:
        raise PlanFileError(f"cannot read {path}: {exc.strerror or exc}") from None
