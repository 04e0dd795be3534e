"""The source client's direct path to its connection pool (no httpx Client in between) on the
wire: response headers read as httpx reads them, so the body caps and decoding see the same
thing, and a proxy goes through a transport of the same kind."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator

import pytest

from signalwatch.http import ResponseTooLargeError
from tests.core.test_transport import Script, WireServer, client, response


@pytest.fixture
def wire() -> Iterator[Callable[[Script], WireServer]]:
    servers: list[WireServer] = []

    def start(script: Script) -> WireServer:
        servers.append(WireServer(script))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def test_a_content_encoding_sent_on_two_header_lines_is_undone_twice(wire: Callable[[Script], WireServer]) -> None:
    # "Content-Encoding: gzip" twice is "gzip, gzip" (RFC 9110 5.3): taking only one line would hand
    # the poller a still-compressed body, and would inflate a bomb's outer layer only.
    twice = gzip.compress(gzip.compress(b"the board"))
    bomb = gzip.compress(gzip.compress(b"\0" * 50_000_000, 9), 9)

    def script(line: str, number: int) -> tuple[bytes, bool]:
        body = bomb if "bomb" in line else twice
        return response("200 OK", body, "Content-Encoding: gzip", "Content-Encoding: gzip"), False

    server = wire(script)
    with client(max_bytes=1_000_000) as http:
        assert http.get(server.url("board")).content == b"the board"
        with pytest.raises(ResponseTooLargeError, match="cap"):
            http.get(server.url("bomb"))


def test_repeated_headers_are_joined_as_httpx_joins_them(wire: Callable[[Script], WireServer]) -> None:
    server = wire(lambda line, number: (response("200 OK", b"{}", 'ETag: "v1"', "Vary: Accept", "Vary: Origin"), False))
    with client() as http:
        answer = http.get(server.url("jobs"))
    assert answer.etag == '"v1"' and answer.headers["vary"] == "Accept, Origin"
