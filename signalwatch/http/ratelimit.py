"""A client-side sliding-window limiter: at most `limit` requests in any `window` seconds.

Used where a provider counts our requests — HubSpot's rolling ten-second window, SEC
EDGAR's ten requests per second — so a burst is slowed down on our side instead of being
answered with 429s (or, at the SEC, a block page).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["WindowLimiter"]


class WindowLimiter:
    """Thread-safe. Callers reserve a send time under the lock and sleep outside it, so
    threads queue in order without holding the lock while they wait."""

    def __init__(self, limit: int, window: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a limiter needs limit >= 1 and a positive window")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._slots: deque[float] = deque(maxlen=limit)  # the last `limit` reserved send times
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait for a send slot; return how long we waited (seconds)."""
        with self._lock:
            now = self._clock()
            self._admit(now)
            slot = now
            if len(self._slots) == self.limit:
                slot = max(now, self._slots[0] + self.window, self._slots[-1])
            self._slots.append(slot)
        if slot > now:
            self._sleep(slot - now)
        return slot - now

    def _admit(self, now: float) -> None:
        """Called under the lock before a slot is reserved; raise to refuse the request."""
