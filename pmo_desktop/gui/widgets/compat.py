"""Work-arounds for the Qt binding this application runs on.

PySide6 6.12.0's stable-ABI (abi3) wheels return None, True and False to Python without adding a
reference, as if those objects were immortal. They are immortal from Python 3.12 on; on 3.11 every
void Qt call (label.setText ...) takes one reference from None, and a working session reaches
zero within minutes: "Fatal Python error: none_dealloc" and the application aborts (our GUI test
run did, after ~25 tests). `protect_singletons()` gives those three objects the large reference
count 3.12 gives them, so no amount of lost references can free them. It is a no-op on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 60


def protect_singletons() -> bool:
    """Make None/True/False effectively immortal on Python < 3.12; True when it changed anything."""
    if sys.version_info >= (3, 12):
        return False
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        if refcnt.value < _HEADROOM // 2:
            refcnt.value += _HEADROOM
    return True
