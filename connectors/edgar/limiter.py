"""The process-wide request budget for SEC EDGAR: at most 10 requests per second, and a cooldown.

SEC's fair-access rule counts every request from the deployment, whichever connector or
thread sends it, so this is deliberately process-wide state (one limiter per site), unlike
everything else in signalwatch, which is passed down explicitly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from signalwatch.http import FetchError
from signalwatch.http.ratelimit import WindowLimiter

__all__ = ["RateLimiter", "EdgarBlockedError", "limiter_for", "SEC_MAX_PER_SECOND"]

SEC_MAX_PER_SECOND = 10


class EdgarBlockedError(FetchError):
    """EDGAR refused us (rate threshold or undeclared tool page, 403, 429) or we are cooling down."""


class RateLimiter(WindowLimiter):
    """At most `rate` requests in any window of `per` seconds, plus a cooldown: `block(seconds)`
    makes every acquisition fail until it ends, because retrying into an EDGAR block only
    extends it."""

    def __init__(
        self,
        rate: int = SEC_MAX_PER_SECOND,
        per: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(rate, per, clock=clock, sleep=sleep)
        self._blocked_until = 0.0
        self._reason = ""

    def _admit(self, now: float) -> None:
        if now < self._blocked_until:
            left = self._blocked_until - now
            raise EdgarBlockedError(f"{self._reason}; not sending to EDGAR for another {left:.0f}s")

    def block(self, seconds: float, reason: str) -> None:
        """Refuse all requests for `seconds` (the longest of overlapping cooldowns wins)."""
        with self._lock:
            self._blocked_until = max(self._blocked_until, self._clock() + seconds)
            self._reason = reason


_LIMITERS: dict[str, RateLimiter] = {}
_LIMITERS_LOCK = threading.Lock()


def limiter_for(url: str) -> RateLimiter:
    """The one limiter for the site serving `url`: www.sec.gov and efts.sec.gov share "sec.gov".

    A test server on 127.0.0.1:<port> gets its own, so tests never share a cooldown.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.replace(".", "").isdigit():
        host = ".".join(host.split(".")[-2:])
    key = f"{host}:{parts.port}" if parts.port else host
    with _LIMITERS_LOCK:
        if key not in _LIMITERS:
            _LIMITERS[key] = RateLimiter()
        return _LIMITERS[key]
