"""Where ui/ and resources/ are, the same way from a checkout, a wheel and the PyInstaller bundle.

pyproject.toml maps the top-level `ui/` and `resources/` folders into the package as
`pmo_desktop.ui` and `pmo_desktop.resources`, so an installed copy (editable or wheel) and the bundle
(which keeps the package layout) are read through importlib.resources. A bare checkout that was never
installed, or installed in editable mode, reads the folders beside the package directly.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_CHECKOUT = Path(__file__).resolve().parent.parent


def _root(package: str, folder: str) -> Path:
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / folder).is_dir():
        return _CHECKOUT / folder  # a source checkout, installed editable or not
    return Path(str(resources.files(package)))


def resource_path(*parts: str) -> Path:
    return _root("pmo_desktop.resources", "resources").joinpath(*parts)


def ui_path(name: str) -> Path:
    return _root("pmo_desktop.ui", "ui") / name


@cache
def load_json_resource(*parts: str) -> Any:
    with open(resource_path(*parts), encoding="utf-8") as fh:
        return json.load(fh)


def config_dir() -> Path:
    """The user's settings folder, shared by the window and the `pmo` command: %APPDATA%\\PMO Desktop on
    Windows, ~/Library/Application Support/PMO Desktop on macOS, $XDG_CONFIG_HOME/PMO Desktop (or
    ~/.config/PMO Desktop) on Linux. `PMO_DESKTOP_CONFIG_DIR` overrides it (tests, portable installs)."""
    override = os.environ.get("PMO_DESKTOP_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("PMO Desktop", appauthor=False, roaming=True))
