"""Hold off Python's cyclic garbage collector while `normalize` builds a poll's heads, events and histories.

A first poll of 2,000 boards holds some 900,000 containers (postings, snapshot rows) until
they are stored (since issue 19 the rows are built by the fetch workers, `settle`, and
`normalize` walks them to build heads, events and surge histories). CPython runs a full collection each time its long-lived objects grow by a
quarter, so it walked all of them a dozen times during such a poll, about a third of the
poll's CPU time, and found nothing to free: rows and postings hold no reference cycles.
Reference counting frees everything as usual while the collector waits; only cyclic
garbage waits, and `normalize` is pure and takes seconds, so nothing piles up. (The
fetch is left alone: it can run for many minutes of per-host pacing beside other
sources, whose cyclic garbage must not wait that long.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


class _Pause:
    """Nesting-safe across threads: the collector resumes when the last holder leaves, and only
    if it was running when the first one came."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._resume = False

    def enter(self) -> None:
        with self._lock:
            if self._holders == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._holders += 1

    def leave(self) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders == 0 and self._resume:
                gc.enable()


_PAUSE = _Pause()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (see the module docstring for when that is right)."""
    _PAUSE.enter()
    try:
        yield
    finally:
        _PAUSE.leave()
