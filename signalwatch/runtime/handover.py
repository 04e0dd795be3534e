"""Responses a first-poll backfill received, handed to the live poll of the same source in the same run.

A new account's backfill (`first_poll`) and the live poll that follows it often ask for the very
same URL: its job board, its news search. The live poll's request is then its baseline, an
unconditional GET, so without a hand-over every new account's targets were downloaded in full
twice in its first run (and the second answer was no fresher: seconds apart). The backfill's
client keeps each full answer (`Handover.recording`); the poll's client answers a GET of a kept
URL from it once (`Handover.replaying`), as the origin would have: the kept 200 to an
unconditional GET, a 304 to a conditional GET whose validator the kept answer carries. Any other
request goes out as usual. Each answer waits until the poll asks for it (job boards are polled in
groups, and a new account's board may be in the last one), so its body is kept compressed (zlib
level 1: the recorded Greenhouse listing to a fifth, well under 1 ms per 250 KB), up to `BUDGET`
bytes in all, the oldest dropped first; and it is dropped once served.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from signalwatch.http import HttpClient, HttpResponse

__all__ = ["BUDGET", "Handover"]

BUDGET = 16 * 1024 * 1024  # compressed bytes kept; a batch of 25 accounts' job boards is typically 1-2 MB of it

_Key = tuple[str, tuple[tuple[str, str], ...]]
_Get = Callable[..., HttpResponse]


@dataclass(frozen=True)
class _Kept:
    """An answer as kept: its body compressed."""

    url: str
    headers: Mapping[str, str]
    body: bytes  # zlib
    size: int  # the body's own length

    def response(self) -> HttpResponse:
        return HttpResponse(url=self.url, status=200, headers=self.headers, content=zlib.decompress(self.body))


class Handover:
    """The full answers one backfill got, for the poll that follows it; thread-safe (poll workers share it)."""

    def __init__(self, budget: int = BUDGET) -> None:
        self._budget = budget
        self._kept: OrderedDict[_Key, _Kept] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.served = 0  # GETs of the poll answered from a kept response instead of the network

    def __len__(self) -> int:
        return len(self._kept)

    def recording(self, http: HttpClient) -> HttpClient:
        """`http` as the backfill uses it: every unconditional GET answered 200 is also kept."""

        def get(url: str, *, etag: str | None = None, last_modified: str | None = None,
                headers: Mapping[str, str] | None = None, max_bytes: int | None = None) -> HttpResponse:
            response = http.get(url, etag=etag, last_modified=last_modified, headers=headers, max_bytes=max_bytes)
            if response.status == 200 and not etag and not last_modified:
                self._keep(_key(url, headers), response)
            return response

        return _View(http, get)

    def replaying(self, http: HttpClient) -> HttpClient:
        """`http` as the poll uses it: a GET of a kept URL is answered from it, once; others go to `http`."""

        def get(url: str, *, etag: str | None = None, last_modified: str | None = None,
                headers: Mapping[str, str] | None = None, max_bytes: int | None = None) -> HttpResponse:
            kept = self._take(_key(url, headers), max_bytes)
            if kept is None:
                return http.get(url, etag=etag, last_modified=last_modified, headers=headers, max_bytes=max_bytes)
            return _answer(kept, etag, last_modified)

        return _View(http, get)

    def clear(self) -> None:
        """Drop what the poll did not ask for."""
        with self._lock:
            self._kept.clear()
            self._size = 0

    def _keep(self, key: _Key, response: HttpResponse) -> None:
        kept = _Kept(response.url, response.headers, zlib.compress(response.content, 1), len(response.content))
        if len(kept.body) > self._budget:
            return
        with self._lock:
            previous = self._kept.pop(key, None)
            if previous is not None:
                self._size -= len(previous.body)
            self._kept[key] = kept
            self._size += len(kept.body)
            while self._size > self._budget:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.body)

    def _take(self, key: _Key, max_bytes: int | None) -> _Kept | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or (max_bytes is not None and kept.size > max_bytes):
                return None  # a smaller cap than the backfill's: the network decides, as it would have
            del self._kept[key]
            self._size -= len(kept.body)
            self.served += 1
            return kept


def _key(url: str, headers: Mapping[str, str] | None) -> _Key:
    """A request's identity: its URL and the headers the caller added (a different Accept may get a different body)."""
    return url, tuple(sorted((name.lower(), value) for name, value in (headers or {}).items()))


def _answer(kept: _Kept, etag: str | None, last_modified: str | None) -> HttpResponse:
    """What the origin answers a GET with these validators when `kept` is its current response (RFC 9110
    §13.1: If-None-Match, compared weakly, decides when present; else If-Modified-Since)."""
    if etag:
        tag = kept.headers.get("etag")
        fresh = tag is not None and _weak(tag) == _weak(etag)
    else:
        fresh = bool(last_modified) and kept.headers.get("last-modified") == last_modified
    if fresh:
        return HttpResponse(url=kept.url, status=304, headers=kept.headers, content=b"")
    return kept.response()


def _weak(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


class _View(HttpClient):
    """A shared `HttpClient` whose `get` goes through a hand-over; everything else is the shared client's.

    It owns no connections, pacer or settings of its own (so `HttpClient.__init__` is not run), and
    closing it leaves the shared client open."""

    def __init__(self, shared: HttpClient, get: _Get) -> None:
        self._shared = shared
        self._through = get
        self.settings = shared.settings

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            headers: Mapping[str, str] | None = None, max_bytes: int | None = None) -> HttpResponse:
        return self._through(url, etag=etag, last_modified=last_modified, headers=headers, max_bytes=max_bytes)

    def close(self) -> None:
        """Nothing to close: the shared client belongs to the application."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._shared, name)
