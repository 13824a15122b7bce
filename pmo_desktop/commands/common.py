"""What every `pmo` sub-command shares: output helpers and a text progress bar."""

from __future__ import annotations

import json
import sys
from typing import Any


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 1."""


def print_json(payload: dict[str, Any]) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


class TextProgress:
    """A progress bar on stderr, shown only to a person at a terminal."""

    def __init__(self, label: str, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        pct = int(100 * done / total)
        if pct == self._last:
            return
        self._last = pct
        bar = "#" * (pct // 4)
        self.stream.write(f"\r{self.label} [{bar:<25}] {pct:3d}%")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
