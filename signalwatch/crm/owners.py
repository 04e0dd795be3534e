"""Map account owners' emails to Slack user ids with `users.lookupByEmail`, cached."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from signalwatch.timeutil import utcnow

__all__ = ["SlackDirectory"]

log = logging.getLogger(__name__)


class SlackDirectory:
    """Email → Slack user id. Answers (found or not) are cached for `ttl`; errors are not cached."""

    def __init__(self, client: WebClient | None, ttl: timedelta = timedelta(hours=24),
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._client = client
        self._ttl = ttl
        self._clock = clock
        self._cache: dict[str, tuple[str | None, datetime]] = {}
        self.lookups = 0

    def user_id(self, email: str | None) -> str | None:
        if not email or self._client is None:
            return None
        key = email.strip().lower()
        cached = self._cache.get(key)
        now = self._clock()
        if cached is not None and now - cached[1] < self._ttl:
            return cached[0]
        self.lookups += 1
        try:
            response = self._client.users_lookupByEmail(email=key)
            found = str((response.get("user") or {}).get("id") or "") or None
        except SlackApiError as exc:
            error = exc.response.get("error") if hasattr(exc.response, "get") else None
            if error != "users_not_found":
                log.warning("slack: cannot look up the owner %s (%s); keeping the previous mapping", key, error)
                return cached[0] if cached else None
            found = None
        except (SlackClientError, OSError) as exc:
            log.warning("slack: cannot look up the owner %s (%s); keeping the previous mapping", key, type(exc).__name__)
            return cached[0] if cached else None
        self._cache[key] = (found, now)
        return found
