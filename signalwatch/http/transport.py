"""httpx's own connection pool (httpcore) with the URL guard where connections are made.

httpcore takes a pluggable network backend; ours resolves a host once per new connection,
checks every address against the policy, and dials exactly those addresses. A name that
passes the check cannot be answered differently a moment later (DNS rebinding), a
kept-alive connection needs no lookup, and TLS still sends and verifies the host *name*
(httpcore starts TLS with the origin's name, whatever address was dialled).

The same transport serves direct and proxied requests: through a proxy the proxy's own
host is dialled (the operator configured it, so it may be private) and the origin is
checked by the client before each request, since only the proxy resolves it.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

__all__ = ["GuardedBackend", "SourceTransport", "KEEPALIVE_EXPIRY", "MAX_IDLE", "deadline"]

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


@contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """Re-raise httpcore's errors as their httpx twins; anything else passes unchanged."""
    try:
        yield
    except Exception as exc:
        mapped = next((ours(str(exc) or type(exc).__name__) for theirs, ours in _ERRORS if isinstance(exc, theirs)), None)
        if mapped is None:
            raise
        raise mapped from exc


_DEADLINE = threading.local()  # the calling thread's request deadline (httpx's sync API runs in it)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Bound every socket read and write of this thread's request, headers included, to `seconds`
    in all: httpx's timeouts apply per read, so a server dripping one header byte at a time
    would otherwise hold the poll (and every source waiting on it) forever."""
    previous = getattr(_DEADLINE, "at", None)
    _DEADLINE.at = time.monotonic() + seconds
    try:
        yield
    finally:
        _DEADLINE.at = previous


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


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class SourceTransport(httpx.BaseTransport):
    """An httpx transport over one httpcore pool (direct, or through `proxy`) and the guarded backend."""

    def __init__(self, ssl_context: ssl.SSLContext, *, vet: Callable[[str], list[str]] | None = None,
                 proxy: str | None = None, max_idle: int = MAX_IDLE, keepalive_expiry: float = KEEPALIVE_EXPIRY) -> None:
        trusted = [httpx.URL(proxy).host] if proxy else []
        backend = GuardedBackend(vet, trusted)
        common: dict[str, Any] = {"ssl_context": ssl_context, "max_connections": None, "network_backend": backend,
                                  "max_keepalive_connections": max_idle, "keepalive_expiry": keepalive_expiry}
        self._pool: httpcore.ConnectionPool = (
            httpcore.HTTPProxy(proxy_url=proxy, **common) if proxy else httpcore.ConnectionPool(**common)
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            answer = self._pool.handle_request(core)
        return httpx.Response(status_code=answer.status, headers=answer.headers,
                              stream=_Body(answer.stream),  # type: ignore[arg-type]
                              extensions=answer.extensions)

    def close(self) -> None:
        self._pool.close()
