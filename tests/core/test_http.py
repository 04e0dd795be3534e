"""The shared HTTP client against a local server: retries, Retry-After, caps, URL guard."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.http import (
    BlockedUrlError,
    HttpClient,
    HttpSettings,
    HttpStatusError,
    RateLimitedError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    TransportError,
    check_url,
    parse_retry_after,
)


def client(sleep: Callable[[float], None] = time.sleep, **overrides: object) -> HttpClient:
    settings = {"allow_private_addresses": True, "per_host_interval": 0, "backoff_base": 0.01, "timeout": 1.0, **overrides}
    return HttpClient(HttpSettings(**settings), sleep=sleep)  # type: ignore[arg-type]


def test_429_with_retry_after_is_waited_then_retried(feeds: FixtureServer) -> None:
    feeds.route("x", Reply(b"slow down", 429, headers={"Retry-After": "1"}), Reply(b"ok", 200))
    waits: list[float] = []
    with client(waits.append, max_attempts=3) as http:
        response = http.get(feeds.url("x"))
    assert response.content == b"ok"
    assert waits == [1.0]  # honoured the Retry-After, not the tiny backoff


def test_a_long_retry_after_fails_the_poll_instead_of_blocking(feeds: FixtureServer) -> None:
    feeds.route("x", Reply(b"", 429, headers={"Retry-After": "3600"}))
    with client(max_attempts=3, max_retry_wait=30) as http, pytest.raises(RateLimitedError) as caught:
        http.get(feeds.url("x"))
    assert caught.value.retry_after == 3600
    assert len(feeds.requests) == 1


def test_5xx_is_retried_then_reported_with_status(feeds: FixtureServer) -> None:
    feeds.route("x", Reply(b"boom", 503))
    with client(max_attempts=3) as http, pytest.raises(HttpStatusError, match="HTTP 503"):
        http.get(feeds.url("x"))
    assert len(feeds.requests) == 3


def test_404_is_not_retried(feeds: FixtureServer) -> None:
    with client(max_attempts=3) as http, pytest.raises(HttpStatusError, match="HTTP 404"):
        http.get(feeds.url("missing"))
    assert len(feeds.requests) == 1


def test_body_over_the_cap_is_refused(feeds: FixtureServer) -> None:
    feeds.route("big", Reply(b"x" * 50_000))
    with client(max_bytes=10_000) as http, pytest.raises(ResponseTooLargeError):
        http.get(feeds.url("big"))


def test_slow_drip_body_hits_the_total_deadline(feeds: FixtureServer) -> None:
    feeds.route("drip", Reply(b"y" * 4096, drip=0.05))
    started = time.monotonic()
    with client(total_timeout=0.5, max_attempts=1) as http, pytest.raises(TransportError, match="0.5s in all"):
        http.get(feeds.url("drip"))
    assert time.monotonic() - started < 1.5


def test_timeout_is_a_transport_error(feeds: FixtureServer) -> None:
    feeds.route("hang", Reply(b"late", delay=2.0))
    with client(timeout=0.3, max_attempts=1) as http, pytest.raises(TransportError, match="timed out"):
        http.get(feeds.url("hang"))


def test_redirect_loops_stop(feeds: FixtureServer) -> None:
    feeds.route("a", Reply(b"", 302, headers={"Location": "/b"}, conditional=False))
    feeds.route("b", Reply(b"", 302, headers={"Location": "/a"}, conditional=False))
    with client(max_redirects=3) as http, pytest.raises(TooManyRedirectsError):
        http.get(feeds.url("a"))


def test_user_agent_is_sent(feeds: FixtureServer) -> None:
    feeds.route("x", Reply(b"ok"))
    with client(user_agent="signalwatch-test (ops@example.com)") as http:
        http.get(feeds.url("x"))
    assert feeds.requests[0][1]["user-agent"] == "signalwatch-test (ops@example.com)"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/", "http://[::1]/",
    "file:///etc/passwd", "gopher://example.com/",
])
def test_url_guard_refuses_private_addresses_and_other_schemes(url: str) -> None:
    with pytest.raises(BlockedUrlError):
        check_url(url, allow_private=False, resolve=lambda host: [host.strip("[]")])


def test_url_guard_checks_what_a_name_resolves_to() -> None:
    with pytest.raises(BlockedUrlError, match="non-public"):
        check_url("https://innocent.example/", allow_private=False, resolve=lambda host: ["192.168.1.10"])
    check_url("https://public.example/", allow_private=False, resolve=lambda host: ["93.184.216.34"])


def test_redirect_to_a_private_address_is_refused(feeds: FixtureServer) -> None:
    feeds.route("r", Reply(b"", 302, headers={"Location": "http://169.254.169.254/latest/"}, conditional=False))
    # Count the fixture server's address as public, so only the redirect hop is private.
    http = HttpClient(HttpSettings(allow_private_addresses=False, per_host_interval=0),
                      address_allowed=lambda ip: ip.is_global or str(ip) == "127.0.0.1")
    with http, pytest.raises(BlockedUrlError, match="169.254.169.254"):
        http.get(feeds.url("r"))
    assert len(feeds.requests) == 1  # the metadata address was never contacted


def test_a_connection_goes_to_the_addresses_checked_not_to_a_second_lookup(feeds: FixtureServer) -> None:
    # DNS rebinding: a name that passes the check must not be looked up again to connect
    # (the second answer could be 127.0.0.1 or the metadata address). The name is resolved
    # once per connection, every address is checked, and those very addresses are dialled.
    feeds.route("x", Reply(b"ok"))
    lookups: list[str] = []

    def resolve(host: str) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]  # the only answer this name ever gets: .test names resolve nowhere else

    url = feeds.url("x").replace("127.0.0.1", "boards.example.test")
    with HttpClient(HttpSettings(allow_private_addresses=False, per_host_interval=0), resolve=resolve,
                    address_allowed=lambda ip: str(ip) == "127.0.0.1") as http:
        assert [http.get(url).content for _ in range(3)] == [b"ok"] * 3
    assert lookups == ["boards.example.test"]  # one lookup for one kept-alive connection
    assert feeds.requests[0][1]["host"] == f"boards.example.test:{feeds.port}"
    with HttpClient(HttpSettings(allow_private_addresses=False, per_host_interval=0), resolve=resolve) as http:
        with pytest.raises(BlockedUrlError, match="non-public address 127.0.0.1"):
            http.get(url)  # the default policy: loopback is refused before any connection
    assert len(feeds.requests) == 3


def test_retry_after_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412460.0) == pytest.approx(20.0)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("soon") is None


def test_error_body_snippet_and_per_host_interval(feeds: FixtureServer) -> None:
    feeds.route("blocked", Reply(b"<html>Request Rate Threshold Exceeded</html>", 403, "text/html"))
    with client() as http, pytest.raises(HttpStatusError) as caught:
        http.get(feeds.url("blocked"))
    assert b"Request Rate Threshold Exceeded" in caught.value.body
    feeds.route("x", Reply(b"ok"))
    waits: list[float] = []
    with client(waits.append, per_host_interval=5.0, host_intervals={"127.0.0.1": 0.0}) as http:
        for _ in range(3):
            http.get(feeds.url("x"))
    assert waits == []  # the override, not the 5 s default, paced these


def test_cookies_a_source_sets_are_never_sent_back(feeds: FixtureServer) -> None:
    # A poller is not a session: a site's Set-Cookie (a tracking or bot-check cookie) is not
    # stored, so the next polls of it, sequential or in flight at once on separate leased
    # connections, send exactly the request they sent before.
    feeds.route("slow", Reply(b"ok", delay=0.2))
    feeds.route("login", Reply(b"ok", headers={"Set-Cookie": "sid=abc; Path=/"}))
    with client() as http, ThreadPoolExecutor(max_workers=4) as pool:
        http.get(feeds.url("login"))
        http.get(feeds.url("login"))
        responses = list(pool.map(lambda _: http.get(feeds.url("slow")), range(4)))  # four at once
    assert [r.content for r in responses] == [b"ok"] * 4
    assert len(feeds.requests) == 6
    assert all("cookie" not in headers for _, headers in feeds.requests)


def test_a_retryable_failure_is_retried_after_a_first_success_path(feeds: FixtureServer) -> None:
    # The first attempt runs outside the retry loop; its failure still counts as attempt one.
    feeds.route("x", Reply(b"boom", 502), Reply(b"ok", 200))
    with client(max_attempts=2) as http:
        assert http.get(feeds.url("x")).content == b"ok"
    feeds.route("y", Reply(b"boom", 502))
    with client(max_attempts=1) as http, pytest.raises(HttpStatusError, match="HTTP 502"):
        http.get(feeds.url("y"))
    assert [path for path, _ in feeds.requests] == ["/x", "/x", "/y"]


def test_headers_dripped_a_byte_at_a_time_hit_the_total_deadline() -> None:
    # Each byte arrives well within the per-read timeout, so only a deadline over the whole
    # exchange, headers included, stops this server from holding the poll forever.
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def drip() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"y" * 1000:
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                break
            if stop.wait(0.05):  # the slow drip is the behaviour under test; the test's end stops it
                break
        connection.close()

    threading.Thread(target=drip, daemon=True).start()
    started = time.monotonic()
    with client(timeout=1.0, total_timeout=0.6, max_attempts=1) as http, pytest.raises(TransportError, match="timed out"):
        http.get(f"http://127.0.0.1:{listener.getsockname()[1]}/feed")
    assert time.monotonic() - started < 2.0
    stop.set()
    listener.close()


def test_stacked_gzip_is_capped_while_it_inflates(feeds: FixtureServer) -> None:
    # 2 KB on the wire that inflates to 200 MB through two gzip layers: refused at the cap,
    # without ever holding much more than the cap in memory.
    import gzip
    import tracemalloc

    bomb = gzip.compress(gzip.compress(b"\0" * 200_000_000, 9), 9)
    assert len(bomb) < 250_000
    feeds.route("bomb", Reply(bomb, headers={"Content-Encoding": "gzip, gzip"}))
    feeds.route("ok", Reply(gzip.compress(gzip.compress(b"fine")), headers={"Content-Encoding": "gzip, gzip"}))
    tracemalloc.start()
    try:
        with client(max_bytes=1_000_000, max_attempts=1) as http:
            with pytest.raises(ResponseTooLargeError, match="cap"):
                http.get(feeds.url("bomb"))
            assert http.get(feeds.url("ok")).content == b"fine"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000
