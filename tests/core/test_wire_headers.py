"""The request header lines the source client sends (`transport.wire_headers`): those httpx's rules
give (`request_headers`), in the same order, checked by h11's rules, with h11's own validation of
each line skipped where the lines were checked already."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import h11
import httpx
import pytest

from signalwatch.http import HttpClient, HttpSettings, TransportError
from signalwatch.http.transport import request_headers, target, wire_headers

COMMON = [(b"Accept", b"*/*"), (b"Connection", b"keep-alive"), (b"User-Agent", b"signalwatch-test/1"),
          (b"Accept-Encoding", b"gzip, deflate")]
URL = target("http://boards.example:8080/v1/boards/acme/jobs")

EXTRAS = [
    {},
    {"If-None-Match": '"b17-v1"'},
    {"If-None-Match": 'W/"33a64df5"', "If-Modified-Since": "Wed, 21 Oct 2026 07:28:00 GMT"},
    {"X-Api-Key": "k", "If-None-Match": '"caf\u00e9"'},  # a validator sent back as UTF-8 (merge_headers)
    {"Accept": "application/json"},  # names a common line: replaced, as httpx replaces it
    {"host": "other.example"},  # names Host: sent instead of the URL's
]


@pytest.mark.parametrize("extra", EXTRAS)
def test_the_lines_are_those_of_request_headers_in_their_order(extra: dict[str, str]) -> None:
    sent = wire_headers(URL, COMMON, extra)
    lines = sent.raw_items() if hasattr(sent, "raw_items") else list(sent)
    assert lines == request_headers(URL.url, COMMON, extra)


VALUES = [b'"x"', b'W/"x"', b"", b"a\r\nX-Evil: 1", b"a\nb", b"a\rb", b"nul\x00", b" lead", b"trail ", b"trail\t",
          b"in\tside", b"in  side", b"caf\xc3\xa9", b"\x7f", b"\x0b"]


@pytest.mark.parametrize("value", VALUES)
def test_a_validator_is_refused_exactly_when_h11_would_refuse_to_send_it(value: bytes) -> None:
    try:
        h11.Request(method=b"GET", target=b"/", headers=[(b"Host", b"h"), (b"If-None-Match", value)])
        h11_sends = True
    except h11.LocalProtocolError:
        h11_sends = False
    try:
        wire_headers(URL, COMMON, {"If-None-Match": value.decode("utf-8", "surrogateescape")})
        ours_sends = True
    except (h11.LocalProtocolError, UnicodeEncodeError):
        ours_sends = False
    assert ours_sends == h11_sends


@pytest.fixture
def raw_server() -> Iterator[tuple[str, list[bytes]]]:
    """A server on 127.0.0.1 that records each request's head and answers 304."""
    heads: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                data = b""
                while True:
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    if b"\r\n\r\n" not in data:
                        break
                    head, data = data.split(b"\r\n\r\n", 1)
                    heads.append(head)
                    conn.sendall(b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\n\r\n')

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/board", heads
    listener.close()


def test_conditional_gets_put_the_same_bytes_on_the_wire_and_a_header_injection_none(
        raw_server: tuple[str, list[bytes]]) -> None:
    url, heads = raw_server
    settings = HttpSettings(allow_private_addresses=True, per_host_interval=0, max_attempts=1, user_agent="sw-test/1",
                            extra_headers={"X-Team": "revops"})
    with HttpClient(settings) as client:
        for _ in range(2):  # the second over the kept-alive connection
            assert client.get(url, etag='"v1"', last_modified="Wed, 21 Oct 2026 07:28:00 GMT").status == 304
        with pytest.raises(TransportError, match="Illegal header"):
            client.get(url, etag='"v1"\r\nX-Injected: 1')
        common = client._common  # the lines every request of this client sends
    port = url.split(":")[2].split("/")[0]
    expected = request_headers(httpx.URL(url), common, {"If-None-Match": '"v1"',
                                                         "If-Modified-Since": "Wed, 21 Oct 2026 07:28:00 GMT"})
    wire = b"GET /board HTTP/1.1\r\n" + b"\r\n".join(name + b": " + value for name, value in expected)
    assert heads == [wire, wire] and f"127.0.0.1:{port}".encode() in wire and b"X-Team: revops" in wire
