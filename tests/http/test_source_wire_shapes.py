"""The shapes real servers answer in, against the source client's own connection path (httpcore's
connections in `pool.Pool`, no httpx Client): redirects and their Location forms, request targets
for awkward URLs, IPv6 and IDN hosts, chunked and close-delimited bodies, servers that close a
kept-alive connection, bodyless answers on a reused connection, gzip and deflate, the size cap,
non-ASCII header bytes, threads sharing the pool and `close()` with idle connections. Where it
matters the answer is compared with what `httpx.Client` makes of the same exchange."""

from __future__ import annotations

import gzip
import socket
import socketserver
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import pytest
import trustme

from signalwatch.http import HttpClient, HttpSettings, ResponseTooLargeError, TransportError
from signalwatch.http.transport import SourceTransport

SETTINGS = {"allow_private_addresses": True, "per_host_interval": 0, "max_attempts": 1, "timeout": 5.0,
            "total_timeout": 10.0, "backoff_base": 0}


@dataclass
class Exchange:
    """One request as the server read it: the connection's number, the request's number on it, its head."""

    connection: int
    number: int
    head: bytes

    @property
    def line(self) -> bytes:
        return self.head.split(b"\r\n", 1)[0]

    def header(self, name: bytes) -> bytes | None:
        for line in self.head.split(b"\r\n")[1:]:
            key, _, value = line.partition(b":")
            if key.strip().lower() == name.lower():
                return value.strip()
        return None


# The answer to a request: raw bytes to send, and whether the server then closes the connection.
Script = Callable[[Exchange], tuple[bytes, bool]]


@dataclass
class WireServer:
    """An HTTP/1.1 server speaking raw bytes on a loopback address; keeps every request head and
    notices when the client closes a connection."""

    script: Script
    host: str = "127.0.0.1"
    tls: ssl.SSLContext | None = None
    exchanges: list[Exchange] = field(default_factory=list)
    client_closed: set[int] = field(default_factory=set)
    server_closed: set[int] = field(default_factory=set)
    connections: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.changed = threading.Condition(self._lock)
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                with server._lock:
                    server.connections += 1
                    number = server.connections
                for count in range(1_000_000):
                    lines = []
                    while (line := self.rfile.readline()) not in (b"\r\n", b""):
                        lines.append(line)
                    if not lines:
                        with server.changed:
                            server.client_closed.add(number)
                            server.changed.notify_all()
                        return
                    exchange = Exchange(number, count, b"".join(lines))
                    with server._lock:
                        server.exchanges.append(exchange)
                    data, close = server.script(exchange)
                    if data:
                        self.wfile.write(data)
                        self.wfile.flush()
                    if close:
                        self.request.shutdown(socket.SHUT_RDWR)  # the FIN goes out now
                        with server.changed:
                            server.server_closed.add(number)
                            server.changed.notify_all()
                        return

        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        tls = self.tls

        class Server(socketserver.ThreadingTCPServer):
            address_family = family
            allow_reuse_address = True
            daemon_threads = True

            def get_request(self) -> tuple[socket.socket, object]:
                sock, address = super().get_request()
                return (tls.wrap_socket(sock, server_side=True) if tls else sock), address

        self._server = Server((self.host, 0), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def url(self, path: str = "") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}/{path}"

    def wait_closed(self, connections: set[int], seconds: float = 5.0, *, by_server: bool = False) -> bool:
        closed = self.server_closed if by_server else self.client_closed
        with self.changed:
            return self.changed.wait_for(lambda: connections <= closed, timeout=seconds)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def serve() -> Iterator[Callable[..., WireServer]]:
    servers: list[WireServer] = []

    def start(script: Script, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> WireServer:
        servers.append(WireServer(script, host, tls))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def ok(body: bytes = b"ok", *extra: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n%s\r\n%s" % (len(body), b"".join(e + b"\r\n" for e in extra), body)


def client(**overrides: object) -> HttpClient:
    return HttpClient(HttpSettings(**{**SETTINGS, **overrides}))  # type: ignore[arg-type]


# --- redirects ---------------------------------------------------------------------------------

LOCATIONS = {  # Location as sent -> the request target the next hop must ask for
    b"next?x=1": b"/dir/next?x=1",
    b"../up": b"/up",
    b"/abs/path": b"/abs/path",
    b"?page=2": b"/dir/start?page=2",
    b"//127.0.0.1:{port}/scheme-relative": b"/scheme-relative",
    b"http://127.0.0.1:{port}/absolute": b"/absolute",
    b"/caf\xc3\xa9 menu": b"/caf%C3%A9%20menu",
}


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("location", list(LOCATIONS))
def test_every_redirect_status_and_location_form_lands_where_httpx_would(
    serve: Callable[..., WireServer], status: int, location: bytes,
) -> None:
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if exchange.line.startswith(b"GET /dir/start "):
            where = location.replace(b"{port}", str(server.port).encode())
            return b"HTTP/1.1 %d Moved\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n" % (status, where), False
        return ok(b"landed"), False

    server = serve(script)
    with client() as http:
        response = http.get(server.url("dir/start"))
    ours = [e.line for e in server.exchanges]
    server.exchanges.clear()
    with httpx.Client(follow_redirects=True) as theirs:
        expected = theirs.get(server.url("dir/start"))
    assert (response.status, response.content) == (200, b"landed")
    assert ours[1] == b"GET %s HTTP/1.1" % LOCATIONS[location]
    assert ours == [e.line for e in server.exchanges]
    assert httpx.URL(response.url) == expected.url


# --- request targets and Host -------------------------------------------------------------------

AWKWARD_PATHS = ["search?q=a+b&tag=x%2Fy", "a b/c d?q=x y", "caf\u00e9/\u00fcber?name=J\u00fcrgen",
                 "p%2Fq%20r", "feed?", "x?a=1&a=2#fragment", "~user/index.html;v=1"]


@pytest.mark.parametrize("path", AWKWARD_PATHS)
def test_an_awkward_url_is_sent_as_httpx_sends_it(serve: Callable[..., WireServer], path: str) -> None:
    server = serve(lambda exchange: (ok(), False))
    with client() as http:
        http.get(server.url(path))
    with httpx.Client() as theirs:
        theirs.get(server.url(path))
    ours, httpx_sent = server.exchanges
    assert ours.line == httpx_sent.line
    assert ours.header(b"Host") == httpx_sent.header(b"Host") == b"127.0.0.1:%d" % server.port


def test_an_idn_host_is_asked_for_by_its_punycode_name(serve: Callable[..., WireServer]) -> None:
    server = serve(lambda exchange: (ok(), False))
    url = f"http://b\u00fccher.example:{server.port}/preise?\u00e4=1"
    with HttpClient(HttpSettings(**{**SETTINGS, "allow_private_addresses": False}),  # type: ignore[arg-type]
                    resolve=lambda host: ["127.0.0.1"], address_allowed=lambda address: True) as http:
        assert http.get(url).content == b"ok"
    (exchange,) = server.exchanges
    expected = httpx.Request("GET", url)
    assert exchange.line == b"GET %s HTTP/1.1" % expected.url.raw_path == b"GET /preise?%C3%A4=1 HTTP/1.1"
    assert exchange.header(b"Host") == expected.headers["Host"].encode() == b"xn--bcher-kva.example:%d" % server.port


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback")
def test_an_ipv6_literal_host_is_dialled_and_named_in_brackets(serve: Callable[..., WireServer]) -> None:
    server = serve(lambda exchange: (ok(b"six"), False), host="::1")
    with client() as http:
        assert [http.get(server.url("v6")).content for _ in range(2)] == [b"six", b"six"]
    assert server.connections == 1
    assert [e.header(b"Host") for e in server.exchanges] == [b"[::1]:%d" % server.port] * 2


# --- bodies and connection reuse --------------------------------------------------------------

def test_a_chunked_body_is_joined_and_the_connection_kept(serve: Callable[..., WireServer]) -> None:
    chunked = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
               b"5\r\nhello\r\n1;ext=1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n")
    server = serve(lambda exchange: (chunked, False))
    with client() as http:
        assert [http.get(server.url(f"c{n}")).content for n in range(3)] == [b"hello world"] * 3
    assert server.connections == 1


def test_connection_close_answers_and_close_delimited_bodies_each_get_a_fresh_connection(
    serve: Callable[..., WireServer],
) -> None:
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if b"/eof" in exchange.line:  # no length, no chunking: the body ends when the server closes
            return b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil-eof", True
        return ok(b"closing", b"Connection: close"), True

    server = serve(script)
    with client() as http:
        got = [http.get(server.url(path)).content for path in ("a", "eof", "b", "eof")]
    assert got == [b"closing", b"until-eof", b"closing", b"until-eof"]
    assert server.connections == 4


def test_a_kept_alive_connection_the_server_closed_while_idle_is_not_reused(serve: Callable[..., WireServer]) -> None:
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        return ok(b"x"), True  # says nothing of closing, then closes (a keep-alive timeout of zero)

    server = serve(script)
    with client() as http:
        for n in range(3):
            started = time.monotonic()
            assert http.get(server.url(f"r{n}")).content == b"x"
            assert time.monotonic() - started < 2
            assert server.wait_closed({n + 1}, by_server=True)  # closed before the next GET is sent
    assert server.connections == 3


UNASKED = {  # an answer followed, in the same write, by bytes no request asked for
    "a 408 notice after the answer": ok(b"first") + b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n",
    "a 304 sent with a body": b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\nContent-Length: 5\r\n\r\nfirst',
    "a Content-Length short of the body": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst and more",
}


@pytest.mark.parametrize("shape", list(UNASKED))
def test_bytes_past_an_answer_are_never_read_as_the_next_answer(serve: Callable[..., WireServer], shape: str) -> None:
    """httpcore leaves such bytes in its buffer and (httpx's pool as well) reads them as the answer
    to the connection's next request: a 408, or a protocol error, for a healthy source."""
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        return (UNASKED[shape], False) if b"/one" in exchange.line else (ok(b"later"), False)

    server = serve(script)
    with client() as http:
        assert http.get(server.url("one"), etag='"v1"').status in (200, 304)
        assert http.get(server.url("two")).content == b"later"
    assert server.connections == 2


def test_a_server_that_drops_a_reused_connection_mid_request_fails_fast_or_is_retried(
    serve: Callable[..., WireServer],
) -> None:
    """The race no idle check can see: the server reads the next request and closes without answering."""
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if exchange.number == 1:
            return b"", True
        return ok(b"fine"), False

    server = serve(script)
    with client() as http:
        http.get(server.url("a"))
        started = time.monotonic()
        with pytest.raises(TransportError, match="RemoteProtocolError"):
            http.get(server.url("b"))
        assert time.monotonic() - started < 2  # a clear failure, not a wait for the read timeout
    with client(max_attempts=2) as http:
        http.get(server.url("a"))
        assert http.get(server.url("b")).content == b"fine"  # the client's retry opens a new connection


def test_a_zero_length_200_and_a_bodyless_304_leave_the_connection_reusable(serve: Callable[..., WireServer]) -> None:
    answers = [ok(b""), b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\n\r\n', ok(b"full", b'ETag: "v2"'),
               b"HTTP/1.1 204 No Content\r\n\r\n", ok(b"again")]
    server = serve(lambda exchange: (answers[exchange.number], False))
    with client() as http:
        got = [(r.status, r.content) for r in (http.get(server.url(f"p{n}"), etag='"v1"') for n in range(5))]
    assert got == [(200, b""), (304, b""), (200, b"full"), (204, b""), (200, b"again")]
    assert server.connections == 1


def test_a_304_declaring_the_full_representation_s_length_is_not_a_body_over_the_cap(
    serve: Callable[..., WireServer],
) -> None:
    """RFC 9110 8.6: a 304 may carry the Content-Length a 200 would have; it has no body at all."""
    server = serve(lambda exchange: (b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\nContent-Length: 5000000\r\n\r\n', False))
    with client(max_bytes=1000) as http:
        assert [(r.status, r.content) for r in (http.get(server.url(), etag='"v1"') for _ in range(2))] == [(304, b"")] * 2
    assert server.connections == 1


# Named ids and a fixed gzip time: ids made of the bytes held gzip's timestamp, and two xdist workers
# collecting a second apart disagreed on the test names.
@pytest.mark.parametrize("encoding, packed", [
    ("gzip", gzip.compress(b"<rss>news</rss>" * 50, mtime=0)),
    ("deflate", zlib.compress(b"<rss>news</rss>" * 50)),
    ("deflate", zlib.compress(b"<rss>news</rss>" * 50)[2:-4]),  # raw deflate, as some servers send it
], ids=["gzip", "zlib-deflate", "raw-deflate"])
def test_gzip_and_deflate_bodies_decode_as_httpx_decodes_them(
    serve: Callable[..., WireServer], encoding: str, packed: bytes,
) -> None:
    body = b"HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nContent-Length: %d\r\n\r\n%s" % (encoding.encode(), len(packed), packed)
    server = serve(lambda exchange: (body, False))
    with client() as http:
        ours = http.get(server.url("feed")).content
    with httpx.Client() as theirs:
        assert ours == theirs.get(server.url("feed")).content == b"<rss>news</rss>" * 50


def test_a_body_over_the_cap_fails_and_the_next_request_gets_a_clean_connection(serve: Callable[..., WireServer]) -> None:
    big = b"y" * 5000

    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if b"/declared" in exchange.line:
            return ok(big), False
        if b"/chunked" in exchange.line:
            return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(big), big), False
        if b"/gzip" in exchange.line:
            packed = gzip.compress(big)
            return ok(packed, b"Content-Encoding: gzip"), False
        return ok(b"small"), False

    server = serve(script)
    with client(max_bytes=1000) as http:
        for path in ("declared", "chunked", "gzip"):
            with pytest.raises(ResponseTooLargeError):
                http.get(server.url(path))
            assert http.get(server.url("small")).content == b"small"  # not the unread rest of the big body


def test_non_ascii_response_header_bytes_are_read_as_httpx_reads_them(serve: Callable[..., WireServer]) -> None:
    shapes = [b"X-Title: Caf\xc3\xa9\r\nLink: </f\xc3\xbcr>; rel=next\r\n",  # UTF-8
              b"X-Title: Caf\xe9\r\nX-Other: plain\r\n",  # Latin-1
              b"Set-Thing: a\r\nSet-Thing: b\r\n"]  # a repeated header

    def script(exchange: Exchange) -> tuple[bytes, bool]:
        shape = shapes[int(exchange.line.split(b"/s")[1].split(b" ")[0])]
        return b"HTTP/1.1 200 OK\r\n%sContent-Length: 2\r\n\r\nok" % shape, False

    server = serve(script)
    with client() as http, httpx.Client() as theirs:
        for n in range(len(shapes)):
            ours = dict(http.get(server.url(f"s{n}")).headers)
            expected = {k: v for k, v in theirs.get(server.url(f"s{n}")).headers.items()}
            assert ours == expected


def test_eight_threads_never_share_a_connection_mid_exchange(serve: Callable[..., WireServer]) -> None:
    busy: set[int] = set()
    overlaps: list[int] = []
    lock = threading.Lock()

    def script(exchange: Exchange) -> tuple[bytes, bool]:
        with lock:
            if exchange.connection in busy:
                overlaps.append(exchange.connection)
            busy.add(exchange.connection)
        time.sleep(0.001)  # a server taking a moment to answer, so an interleaving would show
        path = exchange.line.split(b" ")[1]
        with lock:
            busy.discard(exchange.connection)
        return ok(path), False

    server = serve(script)
    with client() as http, ThreadPoolExecutor(8) as pool:
        paths = [f"t{n}" for n in range(400)]
        got = list(pool.map(lambda p: http.get(server.url(p)).content, paths))
    assert got == [f"/{p}".encode() for p in paths]
    assert overlaps == []
    assert server.connections <= 8


def test_close_closes_the_idle_connections_sockets(serve: Callable[..., WireServer]) -> None:
    release = threading.Barrier(4)

    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if exchange.number == 0:
            release.wait(timeout=5)  # four requests in flight at once: four connections
        return ok(), False

    server = serve(script)
    http = client()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda n: http.get(server.url(f"i{n}")), range(4)))
    assert server.connections == 4 and server.client_closed == set()
    http.close()
    assert server.wait_closed({1, 2, 3, 4}), f"still open after close(): {set(range(1, 5)) - server.client_closed}"


@pytest.mark.parametrize("etag", [b'"caf\xc3\xa9-v1"', b'"caf\xe9-v1"'])
def test_an_etag_with_non_ascii_bytes_can_be_sent_back(serve: Callable[..., WireServer], etag: bytes) -> None:
    """RFC 9110 lets an entity tag hold obs-text bytes; sending one back must not raise out of the
    client (httpx's Client raises UnicodeEncodeError, which failed the source every cycle). A UTF-8
    one goes back byte for byte; a Latin-1 one is read as Latin-1 and sent as UTF-8, so it is not
    recognised: the source answers the full body, as to a first poll."""
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if exchange.header(b"If-None-Match") == etag:
            return b"HTTP/1.1 304 Not Modified\r\nETag: %s\r\n\r\n" % etag, False
        return ok(b"board", b"ETag: " + etag), False

    server = serve(script)
    with client() as http:
        stored = http.get(server.url("board")).headers["etag"]
        again = http.get(server.url("board"), etag=stored)
    assert again.status == (304 if etag.endswith(b'\xc3\xa9-v1"') else 200)


def test_informational_answers_and_http_1_0_servers(serve: Callable[..., WireServer]) -> None:
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if b"/hints" in exchange.line:
            return b"HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n" + ok(b"after hints"), False
        return b"HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nold!", True

    server = serve(script)
    with client() as http:
        assert http.get(server.url("hints")).content == b"after hints"
        assert [http.get(server.url("old")).content for _ in range(2)] == [b"old!", b"old!"]
        assert http.get(server.url("hints")).content == b"after hints"
    assert server.connections == 3  # the HTTP/1.0 answers are not kept alive


def test_eight_threads_on_a_server_that_closes_every_third_connection_all_succeed(
    serve: Callable[..., WireServer],
) -> None:
    def script(exchange: Exchange) -> tuple[bytes, bool]:
        path = exchange.line.split(b" ")[1]
        if exchange.number == 2:
            return ok(path, b"Connection: close"), True
        return ok(path), False

    server = serve(script)
    with client() as http, ThreadPoolExecutor(8) as pool:
        paths = [f"m{n}" for n in range(300)]
        assert list(pool.map(lambda p: http.get(server.url(p)).content, paths)) == [f"/{p}".encode() for p in paths]


def test_close_during_a_request_closes_that_connection_when_its_answer_ends(serve: Callable[..., WireServer]) -> None:
    arrived, release = threading.Event(), threading.Event()

    def script(exchange: Exchange) -> tuple[bytes, bool]:
        arrived.set()
        release.wait(timeout=5)
        return ok(b"late"), False

    server = serve(script)
    http = client()
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(http.get, server.url("slow"))
        assert arrived.wait(timeout=5)
        http.close()
        release.set()
        assert pending.result(timeout=5).content == b"late"
    assert server.wait_closed({1})


def test_over_tls_connections_are_kept_and_a_server_close_or_stray_bytes_are_not_reused(
    serve: Callable[..., WireServer],
) -> None:
    authority = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(server_context)
    client_context = ssl.create_default_context()
    authority.configure_trust(client_context)

    def script(exchange: Exchange) -> tuple[bytes, bool]:
        if b"/closing" in exchange.line:
            return ok(b"bye"), True
        if b"/stray" in exchange.line:
            return UNASKED["a 408 notice after the answer"], False
        return ok(b"kept"), False

    server = serve(script, tls=server_context)
    with HttpClient(HttpSettings(**SETTINGS), transport=SourceTransport(client_context)) as http:  # type: ignore[arg-type]
        assert [http.get(server.url("a")).content for _ in range(3)] == [b"kept"] * 3
        assert server.connections == 1
        for path in ("closing", "a", "closing", "a"):
            assert http.get(server.url(path)).status == 200
            if path == "closing":
                assert server.wait_closed({server.connections}, by_server=True)
        assert server.connections == 3
        assert http.get(server.url("stray")).content == b"first"
        assert http.get(server.url("a")).content == b"kept"
    assert server.connections == 4
