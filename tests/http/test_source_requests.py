"""What a source sees of the client, and which way a request goes, now that the client sends
its GETs straight to its connections (no httpx Client around them): the request on the wire is
the one httpx's Client sends, a conditional GET carries its validators and a 304 stores no
body, kept-alive connections are shared by a poller's threads, and the environment's proxy
settings pick the same route httpx's would."""

from __future__ import annotations

import socket
import socketserver
import ssl
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from signalwatch.http import BlockedUrlError, HttpClient, HttpSettings, TransportError
from signalwatch.http.decode import ACCEPT_ENCODING
from signalwatch.http.routes import Routes
from signalwatch.http.transport import SourceTransport

Answer = Callable[[bytes], bytes]  # the request's head (request line and headers) -> the raw answer


class RawServer:
    """An HTTP/1.1 server on 127.0.0.1 that keeps every request head as sent, counts connections
    and answers each request with `answer(head)` on a kept-alive connection."""

    def __init__(self, answer: Answer) -> None:
        self.heads: list[bytes] = []
        self.connections = 0
        self._lock = threading.Lock()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                with server._lock:
                    server.connections += 1
                while True:
                    lines = []
                    while (line := self.rfile.readline()) not in (b"\r\n", b""):
                        lines.append(line)
                    if not lines:
                        return
                    head = b"".join(lines)
                    with server._lock:
                        server.heads.append(head)
                    self.wfile.write(answer(head))
                    self.wfile.flush()

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def raw() -> Iterator[Callable[[Answer], RawServer]]:
    servers: list[RawServer] = []

    def start(answer: Answer) -> RawServer:
        servers.append(RawServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def not_modified(head: bytes) -> bytes:
    """304 when the request names the board's ETag, else the board (a 200 with that ETag)."""
    if b'if-none-match: "v7"' in head.lower():
        return b'HTTP/1.1 304 Not Modified\r\nETag: "v7"\r\nLast-Modified: Wed, 02 Dec 2026 10:00:00 GMT\r\n\r\n'
    return b'HTTP/1.1 200 OK\r\nETag: "v7"\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"jobs": []}'


SETTINGS = {"allow_private_addresses": True, "per_host_interval": 0, "max_attempts": 1, "timeout": 5.0,
            "user_agent": "signalwatch-test/1.0 (+https://example.test/bot)", "extra_headers": {"From": "ops@example.test"}}


def test_a_conditional_get_is_the_request_httpx_sends_with_its_validators(raw: Callable[[Answer], RawServer]) -> None:
    server = raw(not_modified)
    validators = {"If-None-Match": '"v7"', "If-Modified-Since": "Wed, 02 Dec 2026 10:00:00 GMT"}
    with HttpClient(HttpSettings(**SETTINGS)) as http:  # type: ignore[arg-type]
        answer = http.get(server.url("boards/acme/jobs?content=true"), etag=validators["If-None-Match"],
                          last_modified=validators["If-Modified-Since"], headers={"Accept": "application/json"})
    assert (answer.status, answer.content, answer.etag) == (304, b"", '"v7"')
    assert answer.last_modified == "Wed, 02 Dec 2026 10:00:00 GMT"
    # The same request through httpx's own Client, configured as the source client was before it
    # stopped going through one: the bytes on the wire must not differ.
    with httpx.Client(headers={"User-Agent": SETTINGS["user_agent"], "Accept-Encoding": ACCEPT_ENCODING,  # type: ignore[dict-item]
                               **SETTINGS["extra_headers"]}) as reference:  # type: ignore[dict-item]
        assert reference.get(server.url("boards/acme/jobs?content=true"),
                             headers={"Accept": "application/json", **validators}).status_code == 304
    ours, theirs = server.heads
    assert ours == theirs
    assert b'If-None-Match: "v7"\r\n' in ours and b"If-Modified-Since: Wed, 02 Dec 2026 10:00:00 GMT\r\n" in ours
    assert ours.startswith(b"GET /boards/acme/jobs?content=true HTTP/1.1\r\nHost: 127.0.0.1:")


def test_a_first_get_sends_no_validators_and_gets_the_body(raw: Callable[[Answer], RawServer]) -> None:
    server = raw(not_modified)
    with HttpClient(HttpSettings(**SETTINGS)) as http:  # type: ignore[arg-type]
        answer = http.get(server.url("boards/acme/jobs"))
    assert (answer.status, answer.content, answer.etag) == (200, b'{"jobs": []}', '"v7"')
    assert b"if-none-match" not in server.heads[0].lower() and b"if-modified-since" not in server.heads[0].lower()


def test_a_poller_s_threads_share_kept_alive_connections(raw: Callable[[Answer], RawServer]) -> None:
    # 8 threads, 400 conditional GETs: every one answered 304, over at most 8 connections that
    # stay open from one request to the next (as a poll cycle of many boards on one host).
    server = raw(not_modified)
    with HttpClient(HttpSettings(**SETTINGS)) as http, ThreadPoolExecutor(8) as pool:  # type: ignore[arg-type]
        answers = list(pool.map(lambda n: http.get(server.url(f"boards/b{n}/jobs"), etag='"v7"'), range(400)))
    assert {(a.status, a.content) for a in answers} == {(304, b"")}
    assert len(server.heads) == 400 and 1 <= server.connections <= 8


def test_a_closed_client_refuses_to_send(raw: Callable[[Answer], RawServer]) -> None:
    server = raw(not_modified)
    http = HttpClient(HttpSettings(**SETTINGS))  # type: ignore[arg-type]
    http.close()
    with pytest.raises(RuntimeError, match="closed"):
        http.get(server.url("boards/acme/jobs"))
    assert server.heads == []


@pytest.fixture()
def proxied(raw: Callable[[Answer], RawServer], monkeypatch: pytest.MonkeyPatch) -> tuple[RawServer, RawServer]:
    """An origin answering "direct" and an HTTP_PROXY answering "via proxy"; NO_PROXY is the test's to set."""
    origin = raw(lambda head: b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\ndirect")
    proxy = raw(lambda head: b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nvia proxy")
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
    for name in ("http_proxy", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    return origin, proxy


def test_a_host_no_proxy_names_goes_direct_and_the_others_through_the_proxy(
    proxied: tuple[RawServer, RawServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    origin, proxy = proxied
    monkeypatch.setenv("NO_PROXY", f"localhost,127.0.0.1:{origin.port}")
    with HttpClient(HttpSettings(**SETTINGS)) as http:  # type: ignore[arg-type]
        assert http.get(origin.url("feed")).content == b"direct"
        assert http.get("http://boards.example.test/v1/boards/acme/jobs").content == b"via proxy"
    assert [h.split(b"\r\n")[0] for h in origin.heads] == [b"GET /feed HTTP/1.1"]
    assert [h.split(b"\r\n")[0] for h in proxy.heads] == [b"GET http://boards.example.test/v1/boards/acme/jobs HTTP/1.1"]
    monkeypatch.setenv("NO_PROXY", "*")  # no proxy at all
    with HttpClient(HttpSettings(**SETTINGS)) as http, pytest.raises(TransportError):  # type: ignore[arg-type]
        http.get("http://boards.example.test/v1/boards/acme/jobs")  # direct: a name that resolves nowhere
    assert len(proxy.heads) == 1


def test_a_server_that_closes_after_a_304_gets_a_new_connection_for_the_next_board(
    raw: Callable[[Answer], RawServer],
) -> None:
    def answer(head: bytes) -> bytes:
        return b'HTTP/1.1 304 Not Modified\r\nETag: "v7"\r\nConnection: close\r\n\r\n'

    server = raw(answer)
    with HttpClient(HttpSettings(**SETTINGS)) as http:  # type: ignore[arg-type]
        assert [http.get(server.url(f"b{n}"), etag='"v7"').status for n in range(3)] == [304] * 3
    assert server.connections == 3


def test_an_unreachable_host_is_a_transport_error_naming_it() -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    with HttpClient(HttpSettings(**SETTINGS)) as http, pytest.raises(TransportError, match="ConnectError"):  # type: ignore[arg-type]
        http.get(f"http://127.0.0.1:{port}/feed")


def test_a_transport_given_without_a_guard_still_has_every_url_checked(raw: Callable[[Answer], RawServer]) -> None:
    # A transport built by hand (tests, tools) dials what it is told; the client must then check
    # each URL itself, or private addresses refused in the settings would be fetched anyway.
    server = raw(not_modified)
    settings = HttpSettings(**{**SETTINGS, "allow_private_addresses": False})  # type: ignore[arg-type]
    with HttpClient(settings, transport=SourceTransport(ssl.create_default_context())) as http:
        with pytest.raises(BlockedUrlError, match="non-public address 127.0.0.1"):
            http.get(server.url("boards/acme/jobs"))
    assert server.heads == []


def test_addresses_inside_a_network_no_proxy_names_go_direct(
    proxied: tuple[RawServer, RawServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    # NO_PROXY as curl and requests read it (httpx matched "10.0.0.0/8" as one host and dropped "::1")
    origin, proxy = proxied
    for rule in ("127.0.0.0/8", "fd00::/8,127.0.0.1/32", "::1, 127.0.0.1"):
        monkeypatch.setenv("NO_PROXY", rule)
        with HttpClient(HttpSettings(**SETTINGS)) as http:  # type: ignore[arg-type]
            assert http.get(origin.url("feed")).content == b"direct", rule
    monkeypatch.setenv("NO_PROXY", "10.0.0.0/8,::1")  # networks that do not hold the origin, nor any name
    with HttpClient(HttpSettings(**SETTINGS)) as http:  # type: ignore[arg-type]
        assert http.get(origin.url("feed")).content == b"via proxy"
        assert http.get("http://boards.example.test/v1/boards/acme/jobs").content == b"via proxy"
    assert len(origin.heads) == 3 and len(proxy.heads) == 2


@pytest.mark.parametrize(("rule", "url", "direct"), [
    ("::1", "http://[::1]:8080/feed", True), ("[::1]", "http://[::1]/feed", True), ("fd00::/8", "http://[fd12::7]/", True),
    ("fd00::/8", "http://[fe80::1]/", False), ("10.0.0.0/8", "http://10.20.30.40/", True), ("10.0.0.0/8", "http://11.0.0.1/", False),
    ("10.0.0.0/8", "http://10.example.test/", False), ("example.test", "http://api.example.test/", True),
])
def test_no_proxy_rules_cover_names_addresses_and_networks(rule: str, url: str, direct: bool) -> None:
    context = ssl.create_default_context()
    plain, proxied = SourceTransport(context), SourceTransport(context, proxy="http://127.0.0.1:9")
    routes = Routes(plain, {"http": proxied}, [rule])
    assert (routes(httpx.URL(url)) is plain) == direct
    routes.close()
