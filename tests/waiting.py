"""The one way tests wait for something another thread or process does: poll a condition until a
deadline, instead of sleeping a guessed number of seconds and hoping it happened meanwhile."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

__all__ = ["wait_for"]

T = TypeVar("T")
POLL_EVERY = 0.02  # seconds between checks: short enough to add nothing a test would notice


def wait_for(condition: Callable[[], T], timeout: float = 30.0, what: str = "condition",
             ignoring: tuple[type[BaseException], ...] = ()) -> T:
    """Return the first truthy value of `condition()`; fail the test if none comes within `timeout`
    seconds. Exceptions of the `ignoring` types (a server not listening yet) count as "not yet"."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except ignoring:
            value = None  # type: ignore[assignment]
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out after {timeout:g}s waiting for {what}"
        time.sleep(POLL_EVERY)
