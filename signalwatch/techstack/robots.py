"""robots.txt decisions for the pages we fetch: pure, on the text the connector downloaded."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

__all__ = ["robots_url", "robots_allows"]

MAX_ROBOTS_LINES = 5000  # RFC 9309 lets crawlers stop reading at 500 KiB; this is the same idea


def robots_url(url: str) -> str:
    """The robots.txt that governs `url` (same scheme, host and port)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def robots_allows(robots_txt: str | None, url: str, user_agent: str) -> bool:
    """Whether `user_agent` may fetch `url`; None (no robots.txt, or a 4xx for it) allows all."""
    if robots_txt is None:
        return True
    parser = RobotFileParser()
    parser.parse(robots_txt.splitlines()[:MAX_ROBOTS_LINES])
    return parser.can_fetch(user_agent, url)
