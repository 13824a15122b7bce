"""Python's cyclic garbage collector runs on the GUI thread only.

Reads, imports and exports run on worker threads (shell/jobs.py). Python collects cycles in whichever
thread happens to allocate when a threshold is crossed; when that is a worker thread and the garbage
holds a Qt object made on the GUI thread, Qt destroys it from the wrong thread and the process dies
(a segmentation fault "Garbage-collecting" inside a finance read, seen in the test suite). So automatic
collection is switched off while the window runs, and a timer on the GUI thread collects with the same
thresholds Python would use. Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collects on the GUI thread, generation by generation, as Python's own thresholds say."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(_INTERVAL_MS)
        gc.disable()

    def check(self) -> int:
        """Collect the oldest generation whose threshold is passed; returns what was collected (-1: none)."""
        counts, limits = gc.get_count(), gc.get_threshold()
        generation = -1
        for gen in range(3):
            if limits[gen] and counts[gen] > limits[gen]:
                generation = gen
            else:
                break
        if generation >= 0:
            gc.collect(generation)
        return generation

    def uninstall(self) -> None:
        """Back to Python's own collection (for tests that share a process with non-window code)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self.setParent(None)  # the next install() makes a new one


def install(app: QObject) -> MainThreadCollector:
    """One collector per application; installing again returns the one there is."""
    for existing in app.findChildren(MainThreadCollector):
        if existing._timer.isActive():
            return existing
    return MainThreadCollector(app)


__all__ = ["MainThreadCollector", "install"]
