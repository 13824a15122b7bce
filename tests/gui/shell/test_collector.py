"""Cycles are collected on the GUI thread by the application's timer, never on a worker thread."""

from __future__ import annotations

import gc
import threading

from pmo_desktop.gui.shell import collector


class _Cycle:
    def __init__(self):
        self.me = self


def test_automatic_collection_is_off_and_the_timer_collects_cycles(qapp, qtbot):
    guard = collector.install(qapp)
    assert collector.install(qapp) is guard  # one per application
    assert not gc.isenabled()
    seen: list[str] = []

    class Watched(_Cycle):
        def __del__(self):
            seen.append(threading.current_thread().name)

    def make_garbage():
        for _ in range(3000):
            Watched()

    worker = threading.Thread(target=make_garbage, name="worker")
    worker.start()
    worker.join()
    assert seen == []  # nothing was collected on the worker, whatever it allocated
    # generous: on a loaded machine late in a long run a tick can wait behind a full collection of a big heap
    qtbot.waitUntil(lambda: len(seen) == 3000, timeout=30000)
    assert set(seen) == {threading.main_thread().name}


def test_check_collects_only_past_a_threshold(qapp):
    guard = collector.install(qapp)
    gc.collect()
    assert guard.check() == -1
    for _ in range(gc.get_threshold()[0] + 10):
        _Cycle()
    assert guard.check() >= 0
    assert gc.get_count()[0] < gc.get_threshold()[0]
