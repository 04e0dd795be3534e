"""The source client's transport (httpx's pool, our guarded network backend) on the wire:
keep-alive, stale connections, chunked and gzip bodies, unread bodies, TLS verification,
and proxies through the same transport."""

from __future__ import annotations

import gzip
import socket
import socketserver
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import trustme

from signalwatch.http import HttpClient, HttpSettings, ResponseTooLargeError, TransportError
from signalwatch.http.transport import SourceTransport
from tests.waiting import wait_for

# A scripted answer: (request line, request number on its connection) -> raw response bytes
# (or parts, each later one written when the test says `next_part`), and whether the server
# then closes the connection.
Script = Callable[[str, int], tuple[bytes | tuple[bytes, ...], bool]]


class WireServer:
    """A raw HTTP/1.1 server on 127.0.0.1 that counts connections and replays a script."""

    def __init__(self, script: Script, tls: ssl.SSLContext | None = None) -> None:
        self.connections = 0
        self.hangups = 0  # connections the client closed
        self.request_lines: list[str] = []
        self._part_wanted = threading.Event()
        self._part_written = threading.Event()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def setup(self) -> None:
                if tls is not None:
                    self.request = tls.wrap_socket(self.request, server_side=True)
                super().setup()

            def handle(self) -> None:
                server.connections += 1
                number = 0
                while True:
                    try:
                        line = self.rfile.readline().decode("latin-1").rstrip("\r\n")
                    except (OSError, ssl.SSLError):
                        return
                    if not line:
                        server.hangups += 1
                        return
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # headers: the script answers on the request line alone
                    number += 1
                    server.request_lines.append(line)
                    raw, close = script(line, number)
                    for i, part in enumerate((raw,) if isinstance(raw, bytes) else raw):
                        if i:  # a later part waits until the test has read the ones before
                            if not server._part_wanted.wait(5):
                                return
                            server._part_wanted.clear()
                        self.wfile.write(part)
                        self.wfile.flush()
                        if i:
                            server._part_written.set()
                    if close:
                        return

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def next_part(self) -> None:
        """Write the next part of a split answer now (the client has read the parts before it)."""
        self._part_written.clear()
        self._part_wanted.set()
        assert self._part_written.wait(5), "the server wrote no further part"

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self._server.server_address[1]}/{path}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def wire() -> Iterator[Callable[..., WireServer]]:
    servers: list[WireServer] = []

    def start(script: Script, tls: ssl.SSLContext | None = None) -> WireServer:
        servers.append(WireServer(script, tls))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def response(status: str, body: bytes = b"", *headers: str) -> bytes:
    head = [f"HTTP/1.1 {status}", *headers]
    if not any(h.lower().startswith(("content-length", "transfer-encoding")) for h in headers):
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def client(transport: SourceTransport | None = None, **overrides: object) -> HttpClient:
    settings = {"allow_private_addresses": True, "per_host_interval": 0, "backoff_base": 0.01, "timeout": 2.0,
                "max_attempts": 1, **overrides}
    return HttpClient(HttpSettings(**settings), transport=transport)  # type: ignore[arg-type]


def test_conditional_gets_reuse_one_kept_alive_connection(wire: Callable[..., WireServer]) -> None:
    server = wire(lambda line, n: (response("304 Not Modified", b"", 'ETag: "v1"'), False))
    with client() as http:
        answers = [http.get(server.url(f"board/{i}"), etag='"v1"') for i in range(5)]
    assert [(a.status, a.etag) for a in answers] == [(304, '"v1"')] * 5
    assert server.connections == 1
    assert len(server.request_lines) == 5


def test_a_connection_the_server_dropped_while_idle_is_replaced_not_failed(wire: Callable[..., WireServer]) -> None:
    # Keep-alive advertised, then the server closes each connection after one answer (as an
    # idle timeout does): the next poll must still get its answer, on a fresh connection.
    # The pool discards a connection whose close it has seen; when the next request races
    # the close (here it follows at once), the client's one retry layer sends it again.
    server = wire(lambda line, n: (response("200 OK", line.split()[1].encode()), True))
    with client(max_attempts=2) as http:
        bodies = [http.get(server.url(f"board/{i}")).content for i in range(3)]
    assert bodies == [b"/board/0", b"/board/1", b"/board/2"]
    assert server.connections == 3


def test_a_connection_closed_as_the_request_arrives_is_retried_once_fresh(wire: Callable[..., WireServer]) -> None:
    # The race an idle check cannot see: the server closes a kept-alive connection just as
    # the next GET arrives on it. The client's one retry layer sends the GET (idempotent)
    # once more, on a new connection; the transport itself never resends.
    server = wire(lambda line, n: (b"", True) if n == 2 else (response("200 OK", line.split()[1].encode()), False))
    with client(max_attempts=2) as http:
        bodies = [http.get(server.url(f"board/{i}")).content for i in range(2)]
    assert bodies == [b"/board/0", b"/board/1"]
    assert server.connections == 2
    assert server.request_lines == ["GET /board/0 HTTP/1.1", "GET /board/1 HTTP/1.1", "GET /board/1 HTTP/1.1"]


def test_a_timeout_notice_on_an_idle_connection_is_not_taken_as_the_next_answer(wire: Callable[..., WireServer]) -> None:
    # Some servers (Apache among them) write "408 Request Timeout" on a kept-alive connection
    # when it idles out, then close it. That connection must not carry the next poll, which
    # would read the 408 as its answer and mark the board failing.
    notice = response("408 Request Timeout", b"", "Connection: close")
    server = wire(lambda line, n: ((response("200 OK", b"first"), notice), True) if n == 1 and "first" in line
                  else (response("200 OK", b"second"), False))
    with client(max_attempts=1) as http:
        assert http.get(server.url("first")).content == b"first"
        server.next_part()  # the notice arrives while the connection is idle
        assert http.get(server.url("second")).content == b"second"
    assert server.connections == 2


def test_chunked_and_gzip_bodies_arrive_decoded_and_the_connection_is_kept(wire: Callable[..., WireServer]) -> None:
    payload = b'{"jobs": [' + b",".join(b'{"id": %d}' % i for i in range(500)) + b"]}"
    packed = gzip.compress(payload)
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(packed[i:i + 700]), packed[i:i + 700]) for i in range(0, len(packed), 700))
    server = wire(lambda line, n: (response("200 OK", chunks + b"0\r\n\r\n", "Transfer-Encoding: chunked",
                                            "Content-Encoding: gzip"), False))
    with client() as http:
        first, second = http.get(server.url("a")), http.get(server.url("b"))
    assert first.content == second.content == payload
    assert server.connections == 1


def test_a_body_left_unread_closes_its_connection(wire: Callable[..., WireServer]) -> None:
    # A body over the cap is abandoned mid-way: its connection must not serve the next
    # request, which would otherwise read the rest of the old body as its answer.
    server = wire(lambda line, n: (response("200 OK", b"x" * 50_000) if "big" in line
                                   else response("200 OK", b"small"), False))
    with client(max_bytes=1_000) as http:
        with pytest.raises(ResponseTooLargeError):
            http.get(server.url("big"))
        assert http.get(server.url("next")).content == b"small"
    assert server.connections == 2


def test_a_refused_connection_and_a_silent_server_are_transport_errors(wire: Callable[..., WireServer]) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    silent = wire(lambda line, n: (b"", False))  # reads the request, never answers
    with client(timeout=0.3) as http:
        with pytest.raises(TransportError, match="ConnectError"):
            http.get(f"http://127.0.0.1:{port}/feed")
        with pytest.raises(TransportError, match="timed out"):
            http.get(silent.url("feed"))


def tls_server(
    wire: Callable[..., WireServer], name: str, body: bytes
) -> tuple[WireServer, Callable[[Path, pytest.MonkeyPatch], None]]:
    """A TLS server whose certificate for `name` comes from a fresh authority, and a function
    that makes the client trust that authority (through SSL_CERT_FILE, as an operator would)."""
    authority = trustme.CA()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(name).configure_cert(tls)

    def trust(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        bundle = tmp_path / "ca.pem"
        authority.cert_pem.write_to_path(str(bundle))
        monkeypatch.setenv("SSL_CERT_FILE", str(bundle))

    return wire(lambda line, n: (response("200 OK", body), False), tls=tls), trust


def test_https_verifies_the_certificate_against_the_trusted_authorities(
    wire: Callable[..., WireServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, trust = tls_server(wire, "127.0.0.1", b"secure")
    with client() as http, pytest.raises(TransportError, match="CERTIFICATE_VERIFY_FAILED"):
        http.get(server.url("feed", "https"))  # an authority nobody trusts: refused
    trust(tmp_path, monkeypatch)
    with client() as http:
        assert [http.get(server.url(f"feed/{i}", "https")).content for i in range(2)] == [b"secure"] * 2


def test_a_proxy_named_by_the_environment_is_used(wire: Callable[..., WireServer], monkeypatch: pytest.MonkeyPatch) -> None:
    proxy = wire(lambda line, n: (response("200 OK", b"via proxy"), False))
    monkeypatch.setenv("HTTP_PROXY", proxy.url("").rstrip("/"))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with client() as http:
        assert http.get("http://boards.example.test/v1/boards/acme/jobs").content == b"via proxy"
    assert proxy.request_lines == ["GET http://boards.example.test/v1/boards/acme/jobs HTTP/1.1"]


def test_an_ipv6_literal_host_is_reached() -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    listener = socket.socket(socket.AF_INET6)
    try:
        listener.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    listener.listen(1)
    port = listener.getsockname()[1]

    def answer() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(response("200 OK", b"v6", "Connection: close"))

    threading.Thread(target=answer, daemon=True).start()
    with client() as http:
        assert http.get(f"http://[::1]:{port}/feed").content == b"v6"
    listener.close()


def test_idle_connections_expire_and_are_capped_in_all(wire: Callable[..., WireServer]) -> None:
    # Thousands of career pages and feeds must not each keep a socket open: an idle
    # connection is closed after the keep-alive expiry, and at most max_idle_total stay idle.
    # httpcore reads the monotonic clock itself, so the expiry here is short and real.
    servers = [wire(lambda line, n: (response("200 OK", b"ok"), False)) for _ in range(3)]
    transport = SourceTransport(ssl.create_default_context(), max_idle=2, keepalive_expiry=0.5)
    with client(transport) as http:
        for server in servers:
            http.get(server.url("a"))  # three idle connections where two may stay: the oldest is closed
        wait_for(lambda: servers[0].hangups == 1, timeout=3, what="the oldest idle connection to be closed")
        assert (servers[1].hangups, servers[2].hangups) == (0, 0)
        http.get(servers[1].url("b"))  # within the expiry: reused
        assert servers[1].connections == 1
        time.sleep(0.6)  # the expiry is the behaviour under test, on httpcore's own monotonic clock
        http.get(servers[1].url("c"))  # expired: closed, and a new connection opened
        assert servers[1].connections == 2
        wait_for(lambda: servers[2].hangups == 1, timeout=3, what="other origins' expired connections to be closed")


def test_a_pinned_https_connection_still_verifies_the_host_name(
    wire: Callable[..., WireServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With private addresses refused, a connection dials the address that was checked; TLS
    # must still send and verify the name, not the address.
    server, trust = tls_server(wire, "careers.example.test", b"named")
    trust(tmp_path, monkeypatch)
    settings = HttpSettings(allow_private_addresses=False, per_host_interval=0, max_attempts=1, timeout=2.0)
    named = server.url("jobs", "https").replace("127.0.0.1", "careers.example.test")
    other = server.url("jobs", "https").replace("127.0.0.1", "other.example.test")
    with HttpClient(settings, resolve=lambda host: ["127.0.0.1"], address_allowed=lambda ip: True) as http:
        assert http.get(named).content == b"named"
        with pytest.raises(TransportError, match="CERTIFICATE_VERIFY_FAILED|match"):
            http.get(other)  # same address, a name the certificate does not carry
