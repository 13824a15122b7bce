"""Entry point of the bundled application: one program folder, two executables.

The bundle holds `pmo-desktop` (windowed) and `pmo` (console) built from this same script; the name
the program was started as decides which face runs, so the CLI in the bundle is the same code as the
GUI's services.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def use_persistent_matplotlib_cache() -> None:
    """Keep matplotlib's font list between runs of the bundle (about half a second per start).

    PyInstaller's matplotlib run-time hook points MPLCONFIGDIR at a new temporary folder on every start
    (right for one-file builds, whose fonts move each run), so each start rebuilt the font list. The
    one-folder bundle's fonts stay put, and matplotlib rebuilds the list itself if a cached font has
    gone (the folder was moved), so the cache lives in the user's cache folder (under
    PMO_DESKTOP_DATA_DIR when that is set, as in tests and CI). Runs after the run-time hooks.
    """
    try:
        override = os.environ.get("PMO_DESKTOP_DATA_DIR")
        if override:
            folder = Path(override) / "cache" / "matplotlib"
        else:
            import platformdirs

            folder = Path(platformdirs.user_cache_dir("PMO Desktop", appauthor=False)) / "matplotlib"
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            os.environ["MPLCONFIGDIR"] = str(folder)
    except OSError:
        pass  # keep PyInstaller's temporary folder: a slower start, nothing worse


def main() -> int:
    if getattr(sys, "frozen", False):
        use_persistent_matplotlib_cache()
    if Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0]).stem.lower() == "pmo":
        from pmo_desktop.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from pmo_desktop.gui.shell.app import main as gui_main

    return gui_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
