"""A client-side sliding-window request limiter, so bursts stay under a CRM's rate limit."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["WindowLimiter"]


class WindowLimiter:
    """At most `limit` calls in any `window` seconds; `acquire` blocks until a slot is free.

    HubSpot counts requests in a rolling ten-second window; spacing them on our side means a
    burst of alerts is slowed down instead of answered with 429s.
    """

    def __init__(self, limit: int, window: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a limiter needs limit >= 1 and a positive window")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._stamps: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Take a slot; return how long we waited for it (seconds)."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                while self._stamps and now - self._stamps[0] >= self.window:
                    self._stamps.popleft()
                if len(self._stamps) < self.limit:
                    self._stamps.append(now)
                    return waited
                pause = self.window - (now - self._stamps[0])
            self._sleep(pause)
            waited += pause
