"""Size of the PyInstaller bundle and its start-up time against starting from source.

Builds the bundle unless --dist points at one, then times (median of --runs) a full GUI start that
renders the project register offscreen and exits (`--screenshot`), for the bundled executable and for
`python -m pmo_desktop.gui.shell.app` from source. Prints one JSON object.

    python benchmarks/bundle_report.py [--dist "dist/PMO Desktop"] [--runs 5] [--before OLD_DIST]

--before names another build (e.g. one from an older build.spec) whose size is reported beside this
one's, to show what a trim saved.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def biggest(path: Path, n: int = 8) -> dict[str, float]:
    sizes = {}
    for child in (path / "_internal").iterdir():
        if child.is_symlink():
            continue  # PyInstaller links shared libraries to their one real copy
        sizes[child.name] = folder_size(child) if child.is_dir() else child.stat().st_size
    return {k: round(v / 1e6, 1) for k, v in sorted(sizes.items(), key=lambda kv: -kv[1])[:n]}


def timed(cmd: list[str], env: dict, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before", type=Path, help="an older bundle to compare sizes with")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pmo-bundle-"))
    build_s = None
    dist = args.dist
    if dist is None:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
                        "--workpath", str(work / "build"), str(ROOT / "build.spec")], check=True,
                       capture_output=True)
        build_s = round(time.perf_counter() - t0, 1)
        dist = work / "dist" / "PMO Desktop"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PMO_DESKTOP_DATA_DIR": str(work / "data")}
    demo = work / "demo.pmo"
    subprocess.run([str(dist / "pmo"), "new", str(demo), "--demo"], env=env, check=True, capture_output=True)
    shot = str(work / "shot.png")
    bundle_s = timed([str(dist / "pmo-desktop"), str(demo), "--screenshot", shot], env, args.runs)
    source_s = timed([sys.executable, "-m", "pmo_desktop.gui.shell.app", str(demo), "--screenshot", shot],
                     {**env, "PYTHONPATH": str(ROOT)}, args.runs)
    before = {}
    if args.before:
        before = {"before_bundle_mb": round(folder_size(args.before) / 1e6, 1),
                  "before_largest_parts_mb": biggest(args.before)}
    print(json.dumps({
        "benchmark": "bundle_report",
        "platform": sys.platform,
        "build_s": build_s,
        "bundle_mb": round(folder_size(dist) / 1e6, 1),
        "largest_parts_mb": biggest(dist),
        "start_to_screenshot_bundle_s": bundle_s,
        "start_to_screenshot_source_s": source_s,
        "ratio_bundle_to_source": round(bundle_s / source_s, 2),
        **before,
    }, indent=2))


if __name__ == "__main__":
    main()
