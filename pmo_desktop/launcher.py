"""Entry point of the bundled application: one program folder, two executables.

The bundle holds `pmo-desktop` (windowed) and `pmo` (console) built from this same script; the name
the program was started as decides which face runs, so the CLI in the bundle is the same code as the
GUI's services.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0]).stem.lower() == "pmo":
        from pmo_desktop.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from pmo_desktop.gui.app import main as gui_main

    return gui_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
