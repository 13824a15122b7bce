"""Time `pmo` commands printing in English and in Chinese on one portfolio; prints one JSON object.

    pmo new /tmp/big.pmo --demo --projects 1000 --seed 7
    PYTHONPATH=. python benchmarks/cli_output_language.py /tmp/big.pmo [--repeat 3]

Each figure is the best of `--repeat` in-process runs of `pmo --lang LANG COMMAND FILE`, stdout to
the null device, in seconds; `lines` is what the command printed. Chinese output looks every line up in
the catalogue and matches every service message (a finding, a note) against its {placeholder} shapes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import time

from pmo_desktop import i18n
from pmo_desktop.cli import main

COMMANDS = [["check"], ["summary"], ["schedule"], ["book-of-work"], ["capacity"], ["lessons"], ["benefits"]]


def run(lang: str, command: list[str], file: str, repeat: int) -> tuple[float, int]:
    best, lines = float("inf"), 0
    for _ in range(repeat):
        out = io.StringIO()
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            main(["--lang", lang, command[0], file, *command[1:]])
        best = min(best, time.perf_counter() - t0)
        lines = out.getvalue().count("\n")
    return best, lines


def main_() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    i18n.catalogue("zh-CN").missed.clear()
    figures = {}
    for command in COMMANDS:
        name = " ".join(command)
        en, lines = run("en", command, args.file, args.repeat)
        zh, _ = run("zh-CN", command, args.file, args.repeat)
        figures[name] = {"en_s": round(en, 3), "zh_s": round(zh, 3), "lines": lines,
                         "zh_over_en": round(zh / en, 2) if en else None}
    print(json.dumps({"file": args.file, "repeat": args.repeat, "commands": figures,
                      "zh_misses": len(i18n.catalogue("zh-CN").missed)}))


if __name__ == "__main__":
    main_()
