"""The one way signalwatch makes HTTP calls to sources.

Every call has timeouts, a body-size cap and a total deadline (slow-drip bodies), sends
the configured User-Agent, checks each URL (and each redirect hop) before connecting,
paces requests per host, and retries idempotent GETs with tenacity, honouring
Retry-After. Connectors never retry on their own: no retry inside a retry.

Exceptions::

    FetchError
     ├── BlockedUrlError        scheme or address refused by the URL guard
     ├── ResponseTooLargeError  body over the size cap
     ├── TooManyRedirectsError
     ├── TransportError         connect/read failure or timeout, after retries
     └── HttpStatusError        4xx/5xx, after retries for the retryable ones
          └── RateLimitedError  429 (or 503) whose Retry-After exceeds what we wait inline
"""

from __future__ import annotations

import email.utils
import functools
import ipaddress
import random
import socket
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Annotated
from urllib.parse import urljoin, urlsplit

import h11
import httpx
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from signalwatch.http.decode import ACCEPT_ENCODING, BoundedDecoder, TooLarge, UnsupportedEncoding
from signalwatch.http.routes import Routes
from signalwatch.http.transport import SourceTransport, deadline, merge_headers, response_headers, target, wire_headers

__all__ = [
    "HttpSettings",
    "HttpClient",
    "HttpResponse",
    "FetchError",
    "BlockedUrlError",
    "ResponseTooLargeError",
    "TooManyRedirectsError",
    "TransportError",
    "HttpStatusError",
    "RateLimitedError",
    "check_url",
    "http_url",
    "HttpUrlText",
    "public_address",
    "vetted_addresses",
    "parse_retry_after",
]

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A source could not be fetched; the message is what `status` shows."""


class BlockedUrlError(FetchError):
    """The URL's scheme or resolved address is not allowed."""


class ResponseTooLargeError(FetchError):
    """The body exceeded the configured cap (or the total deadline ran out)."""


class TooManyRedirectsError(FetchError):
    """More redirects than allowed."""


class TransportError(FetchError):
    """Connection, read or timeout failure after retries."""


class HttpStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int, retry_after: float | None = None, body: bytes = b"") -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.body = body[:2048]  # a snippet, so a caller can tell a block page from an outage


class RateLimitedError(HttpStatusError):
    """Rate limited with a Retry-After longer than we are willing to wait inline."""


class HttpSettings(BaseModel):
    """HTTP behaviour: the `http:` block of the config file (see the example config)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Bounds are checked when the config loads, so a typo fails `file:line` before anything starts
    # rather than as a traceback on every poll.
    user_agent: str = Field(default="signalwatch/0.1 (+https://github.com/signalwatch/signalwatch)", min_length=1)
    timeout: float = Field(default=20.0, gt=0)
    total_timeout: float = Field(default=60.0, gt=0)
    max_bytes: int = Field(default=10_000_000, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    max_attempts: int = Field(default=3, ge=1)
    max_retry_wait: float = Field(default=30.0, ge=0)
    backoff_base: float = Field(default=1.0, ge=0)
    per_host_interval: float = Field(default=1.0, ge=0)
    host_intervals: dict[str, Annotated[float, Field(ge=0)]] = {}  # per-host overrides, e.g. {"www.sec.gov": 0.1}
    allow_private_addresses: bool = False
    extra_headers: dict[str, str] = {}


@dataclass(frozen=True)
class HttpResponse:
    """A fully read response. `status` 304 means not modified; `content` is then empty."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    def json(self) -> object:
        """Decode the body as JSON, raising FetchError with a short reason when it is not."""
        import json

        try:
            return json.loads(self.content)
        except ValueError as exc:
            snippet = self.content[:60].decode("utf-8", "replace").strip()
            raise FetchError(f"expected JSON from {self.url}, got {snippet!r}: {exc}") from exc


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    current = datetime.fromtimestamp(now if now is not None else time.time(), timezone.utc)
    return max(0.0, (when - current).total_seconds())


Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def public_address(ip: Address) -> bool:
    """The default policy: only globally routable unicast addresses may be fetched."""
    return ip.is_global and not ip.is_multicast


def check_url(
    url: str, *, allow_private: bool, resolve: Callable[[str], list[str]] | None = None,
    allowed: Callable[[Address], bool] = public_address,
) -> None:
    """Refuse non-HTTP schemes and hosts resolving to private, loopback or link-local addresses.

    Source URLs come from config, CSV files and scraped pages, so a hostile value such as
    the cloud metadata address must not be fetched unless the operator allowed it.
    """
    host = _checked_host(url)
    if not allow_private:
        vetted_addresses(url, host, resolve or _resolve, allowed)


def http_url(value: str) -> str:
    """A config value that must be an absolute http(s) URL (checked at load; no DNS lookup)."""
    try:
        _checked_host(value)
    except BlockedUrlError as exc:  # pydantic reports ValueErrors as `file:line` issues
        raise ValueError(str(exc).replace("refusing", "expected an http(s) URL, not", 1)) from None
    return value


HttpUrlText = Annotated[str, AfterValidator(http_url)]


@functools.lru_cache(maxsize=4096)
def _checked_host(url: str) -> str:
    """`url`'s host if it is an http(s) URL with one; a poller checks the same URLs every cycle
    (and `urlsplit`'s own cache holds 128)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedUrlError(f"refusing {parts.scheme or 'schemeless'} URL {url!r}: only http and https")
    if not parts.hostname:
        raise BlockedUrlError(f"URL has no host: {url!r}")
    return parts.hostname


def vetted_addresses(
    url: str, host: str, resolve: Callable[[str], list[str]], allowed: Callable[[Address], bool]
) -> list[str]:
    """`host`'s addresses, in resolver order, when every one of them is allowed; else BlockedUrlError."""
    addresses = resolve(host)
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if not allowed(ip):
            raise BlockedUrlError(
                f"refusing {url!r}: {host} resolves to non-public address {ip} "
                "(set http.allow_private_addresses to allow)"
            )
    return addresses


def _resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TransportError(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))  # the resolver's order: connect in it


class _HostPacer:
    """At most one request per `interval` seconds per host, with jitter; thread-safe."""

    def __init__(self, interval: float, sleep: Callable[[float], None], overrides: Mapping[str, float] | None = None) -> None:
        self._interval = interval
        self._overrides = dict(overrides or {})
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        interval = self._overrides.get(host.split(":")[0], self._interval)
        if interval <= 0:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + interval * random.uniform(1.0, 1.25)
        if slot > now:
            self._sleep(slot - now)


class HttpClient:
    """Thread-safe GET client for sources. Build one per process and pass it down.

    Requests go over `SourceTransport`: httpcore's connections, kept alive in a small pool,
    whose network backend dials only addresses the URL guard checked; no httpx Client around
    them (the same request on the wire, half the client CPU of a conditional GET answered 304).
    A proxy the environment names (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY) is a
    transport of the same kind (`routes`).

    Sources are public, unauthenticated endpoints, so the client keeps no cookies: a poll
    is not a session a site can follow across cycles, every conditional GET of a URL is
    the same request, and no time goes into parsing Set-Cookie or copying a jar that would
    grow with every site visited (httpx copies the whole jar into each request).
    """

    def __init__(
        self,
        settings: HttpSettings,
        *,
        transport: SourceTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        resolve: Callable[[str], list[str]] | None = None,
        address_allowed: Callable[[Address], bool] = public_address,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._resolve = resolve or _resolve
        self._allowed = address_allowed
        self._pacer = _HostPacer(settings.per_host_interval, sleep, settings.host_intervals)
        # A new connection resolves its host once, checks every address and connects to
        # those very addresses: no second lookup a DNS rebinding could answer differently,
        # and none at all for a kept-alive connection. Through a proxy (which resolves the
        # origin itself), or with a transport given, the URL guard resolves before each request.
        guard = None if settings.allow_private_addresses else self._vet
        if transport is None:
            ssl_context = httpx.create_ssl_context()
            self._routes = Routes.from_environment(SourceTransport(ssl_context, vet=guard), ssl_context)
        else:
            self._routes = Routes(transport)
        self._pinned = guard is not None and transport is None and not self._routes.proxied
        self._closed = False
        # The lines every request sends, in the order httpx's Client sends its defaults and ours.
        self._common = merge_headers([(b"Accept", b"*/*"), (b"Connection", b"keep-alive")], {
            "User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING, **settings.extra_headers})
        self._timeouts = httpx.Timeout(settings.timeout).as_dict()

    def close(self) -> None:
        self._closed = True
        self._routes.close()

    def _vet(self, host: str) -> list[str]:
        return vetted_addresses(host, host, self._resolve, self._allowed)

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
    ) -> HttpResponse:
        """GET `url`, following redirects, retrying transient failures; 304 is a success."""
        request_headers = dict(headers or {})
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        cap = max_bytes or self.settings.max_bytes
        # The first attempt runs outside tenacity: most calls succeed, and a Retrying costs
        # some 15 µs to build and run. A retryable failure hands over to it, replayed as its
        # first attempt, so the waits and the attempt count are exactly tenacity's.
        try:
            return self._get_following_redirects(url, request_headers, cap)
        except FetchError as exc:
            if self.settings.max_attempts <= 1 or not self._is_retryable(exc):
                raise
            first_failure = exc
        failed: list[FetchError] = [first_failure]

        def attempt() -> HttpResponse:
            if failed:
                raise failed.pop()
            return self._get_following_redirects(url, request_headers, cap)

        retrying = Retrying(
            stop=stop_after_attempt(self.settings.max_attempts),
            retry=retry_if_exception(self._is_retryable),
            wait=self._wait_seconds,
            sleep=self._sleep,
            reraise=True,
        )
        return retrying(attempt)

    def _is_retryable(self, exc: BaseException) -> bool:
        if isinstance(exc, TransportError):
            return True
        if isinstance(exc, RateLimitedError):
            return False
        return isinstance(exc, HttpStatusError) and exc.status in RETRYABLE_STATUS

    def _wait_seconds(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            return min(retry_after, self.settings.max_retry_wait)
        backoff = self.settings.backoff_base * (2 ** (state.attempt_number - 1))
        return backoff * random.uniform(0.5, 1.0)

    def _get_following_redirects(self, url: str, headers: dict[str, str], cap: int) -> HttpResponse:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if self._pinned:
                _checked_host(current)  # the addresses are checked as the transport connects
            else:
                check_url(current, allow_private=self.settings.allow_private_addresses, resolve=self._resolve,
                          allowed=self._allowed)
            response = self._get_once(current, headers, cap)
            if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            return response
        raise TooManyRedirectsError(f"more than {self.settings.max_redirects} redirects from {url}")

    def _get_once(self, url: str, headers: dict[str, str], cap: int) -> HttpResponse:
        parsed = target(url)
        self._pacer.wait(parsed.netloc)
        if self._closed:  # as httpx's Client refuses
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        total = self.settings.total_timeout
        try:
            sent = wire_headers(parsed, self._common, headers)
            with deadline(total), self._routes(parsed.url).get(parsed, sent, self._timeouts) as answer:
                answered = response_headers(answer.headers)
                # A 304 (or 204) has no body whatever Content-Length it declares: RFC 9110 lets a 304
                # carry the length its 200 would have.
                declared = answered.get("content-length", "") if answer.status not in (204, 304) else ""
                if declared.isdigit() and int(declared) > cap and "content-encoding" not in answered:
                    raise ResponseTooLargeError(f"{url}: body of {declared} bytes exceeds the {cap}-byte cap")
                decoder = BoundedDecoder(answered.get("content-encoding", ""), cap)
                chunks = [decoder.feed(raw) for raw in answer.stream]  # type: ignore[union-attr]
                status = answer.status
        except TooLarge as exc:
            raise ResponseTooLargeError(f"{url}: body exceeds the {cap}-byte cap ({exc})") from exc
        except (UnsupportedEncoding, zlib.error) as exc:
            raise TransportError(f"{url}: undecodable body: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise TransportError(f"{url}: timed out ({type(exc).__name__}; {total:g}s in all at most)") from exc
        except (httpx.HTTPError, h11.LocalProtocolError) as exc:  # h11's: a header line it would not send
            raise TransportError(f"{url}: {type(exc).__name__}: {exc}") from exc
        if status >= 400:
            retry_after = parse_retry_after(answered.get("retry-after"))
            message = f"{url}: HTTP {status}"
            if status in (429, 503) and retry_after is not None and retry_after > self.settings.max_retry_wait:
                raise RateLimitedError(f"{message}, retry after {retry_after:.0f}s", status, retry_after, b"".join(chunks))
            raise HttpStatusError(message, status, retry_after, b"".join(chunks))
        return HttpResponse(url=url, status=status, headers=answered, content=b"".join(chunks))
