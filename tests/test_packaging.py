"""The wheel carries every package and the mapped ui/ and resources/ folders."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "pmo_desktop").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert {"pmo_desktop.resources", "pmo_desktop.ui"} <= listed


def test_resource_files_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    patterns = config["pmo_desktop.resources"]
    suffixes = {p.suffix for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix != ".py"}
    covered = {"." + pat.rsplit(".", 1)[-1] for pat in patterns}
    assert suffixes <= covered, f"package-data misses {suffixes - covered}"
