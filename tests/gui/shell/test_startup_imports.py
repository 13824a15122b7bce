"""Start-up stays light: the window opens without loading the board pack, charts or the importer."""

import os
import subprocess
import sys


def test_window_start_loads_no_heavy_modules(demo_path, tmp_path):
    code = (
        "import sys\n"
        "from pmo_desktop.gui.shell.app import main\n"
        f"rc = main([{str(demo_path)!r}, '--screenshot', {str(tmp_path / 'shot.png')!r}])\n"
        "heavy = sorted(m for m in ('matplotlib', 'reportlab', 'openpyxl', 'sqlite_utils', 'numpy')"
        " if m in sys.modules)\n"
        "print('heavy:' + ','.join(heavy))\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "heavy:\n" in proc.stdout, proc.stdout
