"""Where ui/ and resources/ are, the same way from a checkout, a wheel and the PyInstaller bundle.

pyproject.toml maps the top-level `ui/` and `resources/` folders into the package as
`pmo_desktop.ui` and `pmo_desktop.resources`, so an installed copy (editable or wheel) and the bundle
(which keeps the package layout) are read through importlib.resources. A bare checkout that was never
installed falls back to the folders beside the package.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_CHECKOUT = Path(__file__).resolve().parent.parent


def _root(package: str, folder: str) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError:
        return _CHECKOUT / folder


def resource_path(*parts: str) -> Path:
    return _root("pmo_desktop.resources", "resources").joinpath(*parts)


def ui_path(name: str) -> Path:
    return _root("pmo_desktop.ui", "ui") / name


@cache
def load_json_resource(*parts: str) -> Any:
    with open(resource_path(*parts), encoding="utf-8") as fh:
        return json.load(fh)
