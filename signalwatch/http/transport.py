"""A lean HTTP/1.1 transport for httpx over the standard library's `http.client`.

The source client makes thousands of small requests per cycle (a 2,000-board poll is
2,000 conditional GETs, most answered 304). httpx's default transport (httpcore + h11)
spends about three times the CPU of `http.client` on such a request, and a poller on a
small machine is CPU-bound on exactly that path. This transport keeps httpx's API
(requests, responses, content decoding, the exceptions signalwatch maps) and replaces
only the wire: `http.client` connections, kept alive per origin.

What it does not do, on purpose: HTTP/2, request bodies beyond bytes, proxies (the
HTTP client falls back to httpx's own transport when the environment names a proxy).
"""

from __future__ import annotations

import http.client
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial

import httpx

__all__ = ["Http11Transport"]

_Origin = tuple[str, str, int]
# A kept-alive connection the server has since closed fails like this on reuse, before any
# response byte arrives; a GET is then sent once more on a fresh connection.
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, ConnectionAbortedError,
          ssl.SSLEOFError, ssl.SSLZeroReturnError)


class Http11Transport(httpx.BaseTransport):
    """Thread-safe HTTP/1.1 transport over `http.client`, keeping idle connections for reuse.

    At most `max_idle` idle connections per origin and `max_idle_total` in all, each for at
    most `keepalive_expiry` seconds: a poller visiting thousands of career pages and feeds
    must not hold a socket open for each of them.
    """

    def __init__(
        self, ssl_context: ssl.SSLContext, *, max_idle: int = 16, max_idle_total: int = 64,
        keepalive_expiry: float = 15.0, clock: Callable[[], float] = time.monotonic,
        addresses: Callable[[str, str], list[str]] | None = None,
    ) -> None:
        self._ssl = ssl_context
        self._addresses = addresses  # (url, host) -> the addresses a new connection may use, or raises
        self._max_idle = max_idle
        self._max_idle_total = max_idle_total
        self._expiry = keepalive_expiry
        self._clock = clock
        self._idle: dict[_Origin, list[tuple[float, http.client.HTTPConnection]]] = {}
        self._idle_count = 0
        self._next_prune = 0.0
        self._lock = threading.Lock()
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        scheme = url.scheme
        if scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported URL scheme {scheme!r}", request=request)
        # The ASCII host (IDNA-encoded, IPv6 without brackets) is what DNS, TLS SNI and the
        # certificate check expect; the Host header is httpx's.
        origin = (scheme, url.raw_host.decode("ascii"), url.port or (443 if scheme == "https" else 80))
        timeouts = request.extensions.get("timeout", {})
        connection, reused = self._checkout(origin, request, timeouts)
        try:
            try:
                response = self._exchange(connection, request, timeouts)
            except _STALE:
                connection.close()
                if not reused:
                    raise
                connection, reused = self._open(origin, request, timeouts), False
                response = self._exchange(connection, request, timeouts)
        except BaseException as exc:
            connection.close()
            raise _translate(exc, request, connected=True) from exc
        return httpx.Response(
            response.status,
            headers=response.getheaders(),
            stream=_Body(self, origin, connection, response, request),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": response.reason.encode("latin-1", "replace")},
            request=request,
        )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle, self._idle_count = self._idle, {}, 0
        for connections in idle.values():
            for _, connection in connections:
                connection.close()

    def _checkout(
        self, origin: _Origin, request: httpx.Request, timeouts: dict[str, float | None]
    ) -> tuple[http.client.HTTPConnection, bool]:
        """An idle connection to `origin` that is neither expired nor closed by the server
        (reused: True), or a newly opened one."""
        expired: list[http.client.HTTPConnection] = []
        reused = None
        with self._lock:
            pool = self._idle.get(origin)
            oldest = self._clock() - self._expiry
            while pool and reused is None:
                since, connection = pool.pop()
                self._idle_count -= 1
                if since >= oldest and not _dropped(connection):
                    reused = connection
                else:
                    expired.append(connection)
        for connection in expired:
            connection.close()
        if reused is not None:
            return reused, True
        return self._open(origin, request, timeouts), False

    def _open(
        self, origin: _Origin, request: httpx.Request, timeouts: dict[str, float | None]
    ) -> http.client.HTTPConnection:
        scheme, host, port = origin
        connection: http.client.HTTPConnection
        if scheme == "https":
            connection = http.client.HTTPSConnection(host, port, timeout=timeouts.get("connect"), context=self._ssl)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeouts.get("connect"))
        if self._addresses is not None:
            # Connect to the addresses just vetted, never to a second lookup of the name; TLS
            # still sends and verifies the host name.
            connection._create_connection = partial(  # type: ignore[attr-defined]
                _connect_first, self._addresses(str(request.url), host))
        try:
            connection.connect()
        except BaseException as exc:
            connection.close()
            raise _translate(exc, request, connected=False) from exc
        return connection

    def _checkin(self, origin: _Origin, connection: http.client.HTTPConnection) -> None:
        now = self._clock()
        closing = [connection]
        with self._lock:
            if now >= self._next_prune:  # at most once per expiry period: drop what has expired
                self._next_prune = now + self._expiry
                closing += self._prune(now - self._expiry)
            pool = self._idle.setdefault(origin, [])
            if not self._closed and len(pool) < self._max_idle and self._idle_count < self._max_idle_total:
                pool.append((now, connection))
                self._idle_count += 1
                closing.pop(0)
        for stale in closing:
            stale.close()

    def _prune(self, oldest: float) -> list[http.client.HTTPConnection]:
        """Remove the idle connections unused since before `oldest`; the caller closes them."""
        expired: list[http.client.HTTPConnection] = []
        for origin in list(self._idle):
            pool = self._idle[origin]
            keep = [(since, c) for since, c in pool if since >= oldest]
            expired += [c for since, c in pool if since < oldest]
            if keep:
                self._idle[origin] = keep
            else:
                del self._idle[origin]
        self._idle_count -= len(expired)
        return expired

    @staticmethod
    def _exchange(
        connection: http.client.HTTPConnection, request: httpx.Request, timeouts: dict[str, float | None]
    ) -> http.client.HTTPResponse:
        connection.sock.settimeout(timeouts.get("write"))
        connection.putrequest(request.method, request.url.raw_path.decode("ascii"),
                              skip_host=True, skip_accept_encoding=True)
        for name, value in request.headers.raw:
            connection.putheader(name, value)
        body = request.read()
        connection.endheaders(body or None)
        connection.sock.settimeout(timeouts.get("read"))
        return connection.getresponse()


class _Body(httpx.SyncByteStream):
    """A response body read from its connection; the connection is kept if the body ended cleanly."""

    def __init__(self, transport: Http11Transport, origin: _Origin, connection: http.client.HTTPConnection,
                 response: http.client.HTTPResponse, request: httpx.Request) -> None:
        self._transport = transport
        self._origin = origin
        self._connection: http.client.HTTPConnection | None = connection
        self._response = response
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        try:
            while chunk := self._response.read1(65536):
                yield chunk
        except BaseException as exc:
            self._discard()
            raise _translate(exc, self._request, connected=True) from exc

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        response = self._response
        if not response.isclosed() and response.length == 0 and not response.chunked:
            response.read()  # a body of no bytes (304, 204, Content-Length: 0) is complete: mark it so
        if response.isclosed() and not response.will_close:
            self._transport._checkin(self._origin, connection)  # body read to its end: reusable
        else:
            response.close()
            connection.close()

    def _discard(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()


def _connect_first(
    addresses: list[str], address: tuple[str, int], timeout: float | None, source_address: tuple[str, int] | None = None
) -> socket.socket:
    """A connection to the first of `addresses` that answers on `address`'s port."""
    error: OSError = OSError(f"no address to connect to for {address[0]}")
    for ip in addresses:
        try:
            return socket.create_connection((ip, address[1]), timeout, source_address)
        except OSError as exc:
            error = exc
    raise error


def _dropped(connection: http.client.HTTPConnection) -> bool:
    """Whether an idle connection has something to read: the server closed it (or broke the protocol)."""
    sock = connection.sock
    if sock is None:
        return True
    if not hasattr(select, "poll"):  # pragma: no cover - not on Linux or macOS
        return bool(select.select([sock], [], [], 0)[0])
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


def _translate(exc: BaseException, request: httpx.Request, *, connected: bool) -> BaseException:
    """The httpx exception a caller of httpx expects for a socket or protocol failure."""
    if isinstance(exc, httpx.HTTPError) or not isinstance(exc, Exception):
        return exc
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return (httpx.ReadTimeout if connected else httpx.ConnectTimeout)(str(exc) or "timed out", request=request)
    if isinstance(exc, http.client.HTTPException):
        return httpx.RemoteProtocolError(f"{type(exc).__name__}: {exc}", request=request)
    if isinstance(exc, ssl.SSLError):
        return httpx.ConnectError(f"TLS: {exc}", request=request)
    if isinstance(exc, OSError):
        return (httpx.ReadError if connected else httpx.ConnectError)(str(exc), request=request)
    return exc
