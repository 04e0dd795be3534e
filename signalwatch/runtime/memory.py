"""Handing the C allocator's free memory back to the system once a large poll is done (glibc only).

glibc's `free` gives memory back to the system only from the top of a heap: a poll that parses
hundreds of megabytes of job boards leaves free, still resident pages between the objects that
outlive it, and the daemon then sits on them until the next poll. `malloc_trim(0)` returns every
free page of every arena (2,000 boards: 2–5 MB after each poll, `benchmarks/README.md`; it does
not lower a poll's peak). It costs a few milliseconds, so it runs once per chunked poll
(`runtime.ahead.one_ahead`), not per board. Elsewhere than glibc (musl, macOS, Windows) this does
nothing.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

__all__ = ["release_free_memory"]


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, looked up once; None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        found = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # a libc without malloc_trim (musl)
        return None
    found.argtypes, found.restype = [ctypes.c_size_t], ctypes.c_int
    return found


def release_free_memory() -> bool:
    """Give the free pages of the C allocator's heaps back to the system; True when some were.

    Python objects that are still alive are not touched; pages freed this way are mapped again
    (zero-filled) when an allocation needs them."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
