"""Nothing outside pmo_desktop/gui imports Qt (import-linter checks it in CI; this catches new packages)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pmo_desktop"


def test_only_gui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "gui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_services_import_without_qt():
    import subprocess
    import sys

    code = ("import sys, pmo_desktop.cli, pmo_desktop.store, pmo_desktop.demo, pmo_desktop.checks; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
