"""The source client's connections: httpcore's, with the URL guard where they are made.

httpcore takes a pluggable network backend; ours resolves a host once per new connection,
checks every address against the policy, and dials exactly those addresses. A name that
passes the check cannot be answered differently a moment later (DNS rebinding), a
kept-alive connection needs no lookup, and TLS still sends and verifies the host *name*
(httpcore starts TLS with the origin's name, whatever address was dialled).

The same transport serves direct and proxied requests: through a proxy the proxy's own
host is dialled (the operator configured it, so it may be private) and the origin is
checked by the client before each request, since only the proxy resolves it.

The client sends every GET with `SourceTransport.get`, straight to the connections: httpx's
Client would build a Request, merge headers, run its auth, cookie and redirect hooks and wrap
the answer in a Response, and httpcore's pool would queue the request and walk every
connection twice per request; together that was twice the client CPU of a conditional GET
answered 304, for nothing the source client uses (it keeps no cookies and follows redirects
itself, checking each hop). The connections are kept in `pool.Pool`; the header lines are
those httpx's Client sends (`request_headers`) and response headers are read as httpx reads
them (`response_headers`).
"""

from __future__ import annotations

import functools
import re
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import h11
import httpcore
import httpx

from signalwatch.http.pool import Pool

__all__ = ["GuardedBackend", "SourceTransport", "Target", "target", "KEEPALIVE_EXPIRY", "MAX_IDLE", "deadline",
           "merge_headers", "request_headers", "response_headers", "wire_headers"]

Headers = Sequence[tuple[bytes, bytes]]

KEEPALIVE_EXPIRY = 15.0  # seconds an idle connection is kept: a poller visits thousands of sites
MAX_IDLE = 64  # idle connections kept in all

# httpcore's errors as the httpx ones signalwatch's client catches (httpx maps them the same way).
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.TimeoutException, httpx.TimeoutException),
)


def _raise_as_httpx(exc: BaseException) -> None:
    """Raise httpcore's error `exc` as its httpx twin; return for anything else (the caller lets it pass unchanged)."""
    mapped = next((ours(str(exc) or type(exc).__name__) for theirs, ours in _ERRORS if isinstance(exc, theirs)), None)
    if mapped is not None:
        raise mapped from exc


_DEADLINE = threading.local()  # the calling thread's request deadline (httpx's sync API runs in it)


class _Deadline:
    """`deadline`'s context manager (a class: a generator-based one costs a few µs per request)."""

    __slots__ = ("_at", "_previous")

    def __init__(self, seconds: float) -> None:
        self._at = time.monotonic() + seconds
        self._previous: float | None = None

    def __enter__(self) -> None:
        self._previous = getattr(_DEADLINE, "at", None)
        _DEADLINE.at = self._at

    def __exit__(self, *exc: object) -> None:
        _DEADLINE.at = self._previous


def deadline(seconds: float) -> AbstractContextManager[None]:
    """Bound every socket read and write of this thread's request, headers included, to `seconds`
    in all: httpx's timeouts apply per read, so a server dripping one header byte at a time
    would otherwise hold the poll (and every source waiting on it) forever."""
    return _Deadline(seconds)


def _remaining(timeout: float | None) -> float | None:
    at = getattr(_DEADLINE, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's total deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write respects the calling thread's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _remaining(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend, dialling only addresses that `vet(host)` returned.

    `vet` resolves and checks a host (raising `BlockedUrlError` when any address is not
    allowed); None connects as httpcore would. Hosts in `trusted` (the configured proxy)
    are dialled without a check.
    """

    def __init__(self, vet: Callable[[str], list[str]] | None, trusted: Iterable[str] = ()) -> None:
        self._inner = httpcore.SyncBackend()
        self._vet = vet
        self._trusted = frozenset(trusted)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        if self._vet is None or host in self._trusted:
            return _DeadlineStream(self._inner.connect_tcp(host, port, _remaining(timeout), local_address, socket_options))
        failure: httpcore.ConnectError | None = None
        for address in self._vet(host):
            try:
                stream = self._inner.connect_tcp(address, port, _remaining(timeout), local_address, socket_options)
                return _DeadlineStream(stream)
            except httpcore.ConnectError as exc:  # the next address, as getaddrinfo order intends
                failure = exc
        raise failure or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not a source")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class Target(NamedTuple):
    """A URL parsed once for the pool: httpx's view (for the client's checks), httpcore's, its
    host[:port] as written (what the client's per-host pacer keys on), and its Host line's value."""

    url: httpx.URL
    core: httpcore.URL
    netloc: str
    host: bytes


@functools.lru_cache(maxsize=4096)
def target(url: str) -> Target:
    """`url` parsed once: a poller asks the same URLs every cycle, and httpx's pure-Python URL
    parser is a tenth of a conditional GET's client CPU (both URL types are immutable values)."""
    parsed = httpx.URL(url)
    return Target(parsed, httpcore.URL(scheme=parsed.raw_scheme, host=parsed.raw_host, port=parsed.port,
                                       target=parsed.raw_path), urlsplit(url).netloc, parsed.netloc)


class SourceTransport:
    """One pool of kept-alive connections (`pool.Pool`), direct or through `proxy`, over the
    guarded backend; httpcore makes the connections as its own pools would."""

    def __init__(self, ssl_context: ssl.SSLContext, *, vet: Callable[[str], list[str]] | None = None,
                 proxy: str | None = None, max_idle: int = MAX_IDLE, keepalive_expiry: float = KEEPALIVE_EXPIRY) -> None:
        trusted = [httpx.URL(proxy).host] if proxy else []
        backend = GuardedBackend(vet, trusted)
        common: dict[str, Any] = {"ssl_context": ssl_context, "network_backend": backend, "keepalive_expiry": keepalive_expiry}
        maker = httpcore.HTTPProxy(proxy_url=proxy, **common) if proxy else httpcore.ConnectionPool(**common)
        self._pool = Pool(maker.create_connection, max_idle=max_idle, keepalive_expiry=keepalive_expiry)

    def get(self, url: Target, headers: Headers, timeout: Mapping[str, float | None]) -> AbstractContextManager[httpcore.Response]:
        """Send GET `url` with exactly `headers` (Host included: see `request_headers`, or h11's
        validated form from `wire_headers`) and give the answer as a context manager, its body unread;
        the connection goes back to the pool when the block ends. httpcore's errors, the body's
        included, come out as their httpx twins."""
        validated = isinstance(headers, _H11Headers)
        request = httpcore.Request(b"GET", url.core, headers=None if validated else headers, extensions={"timeout": timeout})
        if validated:  # handed to h11 as they are: httpcore's copy would be validated again by h11
            request.headers = headers  # type: ignore[assignment]
        return _Exchange(self._pool, request)

    def close(self) -> None:
        self._pool.close()


class _Exchange:
    """One request on the pool, as `SourceTransport.get` gives it: entering sends it and gives the
    answer, leaving closes the answer (its connection goes back to the pool); httpcore's errors
    from either, or from the block's reading of the body, are raised as their httpx twins."""

    __slots__ = ("_pool", "_request", "_answer")

    def __init__(self, pool: Pool, request: httpcore.Request) -> None:
        self._pool = pool
        self._request = request
        self._answer: httpcore.Response | None = None

    def __enter__(self) -> httpcore.Response:
        try:
            self._answer = self._pool.handle_request(self._request)
        except Exception as exc:
            _raise_as_httpx(exc)
            raise
        return self._answer

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, traceback: object) -> None:
        try:
            if self._answer is not None:
                self._answer.close()
        except Exception as error:
            _raise_as_httpx(error)
            raise
        if isinstance(exc, Exception):
            _raise_as_httpx(exc)


def merge_headers(common: Headers, extra: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    """`common` header lines updated with `extra` as httpx's `Headers.update` does it: a line named
    again in `extra` is dropped, and the `extra` ones follow in their order. Names are ASCII; a value
    is sent as UTF-8, not refused as httpx refuses non-ASCII: a validator a source sent with such
    bytes (an ETag may hold them) and `response_headers` read as UTF-8 goes back byte for byte."""
    if not extra:
        return list(common)
    named = {name.lower().encode("ascii") for name in extra}
    return [line for line in common if line[0].lower() not in named] + [
        (name.encode("ascii"), value.encode("utf-8")) for name, value in extra.items()]


def request_headers(url: httpx.URL, common: Headers, extra: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    """The header lines httpx's Client sends for a GET of `url` with its `common` lines and the
    request's `extra` headers (`merge_headers`): Host first unless one was given."""
    lines = merge_headers(common, extra)
    if not any(name.lower() == b"host" for name, _ in lines):
        lines.insert(0, (b"Host", url.netloc))
    return lines


# h11's header list (`h11.Request(...).headers`): h11 takes one as a request's headers without validating
# them again, which a list it validates line by line with two regular expressions each (a tenth of the
# client CPU of a conditional GET answered 304).
_H11Headers = type(h11.Request(method=b"GET", target=b"/", headers=[(b"Host", b"h")]).headers)
_OWN_NAMES = frozenset({b"host", b"content-length", b"transfer-encoding"})  # lines h11 treats apart
# h11's own rules for a header line it sends (`h11/_abnf.py`: `field_name`, `field_value`), as bytes patterns.
_FIELD_NAME = re.compile(rb"[-!#$%&'*+.^_`|~0-9a-zA-Z]+")
_FIELD_VALUE = re.compile(rb"([^\x00\s]+(?:[ \t]+[^\x00\s]+)*)?")


@functools.lru_cache(maxsize=1024)
def _validated_lines(netloc: bytes, common: tuple[tuple[bytes, bytes], ...]) -> tuple[list[tuple[bytes, bytes, bytes]], frozenset[bytes]]:
    """Host and the `common` lines as h11 keeps them, (name, lower-case name, value), checked by h11
    once per host (`h11.LocalProtocolError` for a line it would not send); and the lower-case names
    a request's own lines may not repeat (theirs, and those h11 treats apart)."""
    lines = [(b"Host", netloc), *common]
    h11.Request(method=b"GET", target=b"/", headers=lines)
    triples = [(name, name.lower(), value) for name, value in lines]
    return triples, frozenset(lower for _, lower, _ in triples) | _OWN_NAMES


def wire_headers(url: Target, common: Sequence[tuple[bytes, bytes]], extra: Mapping[str, str]) -> Headers:
    """The lines `request_headers` gives, in its order, as h11's validated header list: the
    request's own `extra` lines (validators, mostly) are checked by h11's rules at each call, Host
    and the `common` ones by h11 once per host. Where `extra` names Host, a `common` line or a
    header h11 treats apart, the plain lines of `request_headers` (validated by h11 as they are sent)."""
    lines, taken = _validated_lines(url.host, tuple(common))
    own = [(raw, raw.lower(), value.encode("utf-8")) for raw, value in ((name.encode("ascii"), value)
                                                                          for name, value in extra.items())]
    for raw, lower, value in own:
        if lower in taken:
            return request_headers(url.url, common, extra)
        if not _FIELD_NAME.fullmatch(raw) or not _FIELD_VALUE.fullmatch(value):
            raise h11.LocalProtocolError(f"Illegal header line {raw!r}: {value!r}")  # as h11 refuses to send it
    return _H11Headers(lines + own)  # type: ignore[no-any-return]


def response_headers(lines: Headers) -> dict[str, str]:
    """A response's header lines as httpx's `Headers.items()` gives them: names in lower case, a
    repeated header's values joined by ", ", all decoded as ASCII, else UTF-8, else Latin-1."""
    encoding = "ascii" if all(key.isascii() and text.isascii() for key, text in lines) else "utf-8"
    if encoding == "utf-8":
        try:
            for key, text in lines:
                key.decode("utf-8"), text.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "iso-8859-1"
    found: dict[str, str] = {}
    for raw_name, raw_value in lines:
        name, value = raw_name.decode(encoding).lower(), raw_value.decode(encoding)
        found[name] = f"{found[name]}, {value}" if name in found else value
    return found
