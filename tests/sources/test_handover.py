"""The hand-over from a backfill to its live poll (`runtime.handover`), as the origin sees it: a URL the
backfill read is not asked again, a conditional GET is answered as the origin would, and nothing
else is kept from the network."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import pytest

from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.http import HttpClient, HttpSettings, ResponseTooLargeError
from signalwatch.runtime.handover import Handover

LAST_MODIFIED = "Wed, 14 Jan 2026 13:45:09 GMT"


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with FixtureServer() as fake:
        fake.route("board", Reply(b'{"jobs": []}', content_type="application/json"))
        fake.route("dated", Reply(b"<rss/>", headers={"Last-Modified": LAST_MODIFIED}, conditional=False))
        yield fake


@pytest.fixture
def http() -> Iterator[HttpClient]:
    with HttpClient(HttpSettings(allow_private_addresses=True, per_host_interval=0, max_attempts=1)) as client:
        yield client


def test_the_poll_gets_the_backfills_answer_once_and_a_304_for_its_validator(server: FixtureServer, http: HttpClient) -> None:
    handover = Handover()
    answered = handover.recording(http).get(server.url("board"))
    poll = handover.replaying(http)

    assert poll.get(server.url("board")).content == b'{"jobs": []}'
    assert len(server.requests) == 1  # the backfill's only
    assert poll.get(server.url("board")).status == 200 and len(server.requests) == 2  # handed over once, then the network

    handover.recording(http).get(server.url("board"))
    again = poll.get(server.url("board"), etag=answered.etag)
    assert again.status == 304 and again.content == b"" and again.etag == answered.etag
    assert len(server.requests) == 3
    assert handover.served == 2


def test_if_modified_since_is_answered_like_the_origin(server: FixtureServer, http: HttpClient) -> None:
    handover = Handover()
    handover.recording(http).get(server.url("dated"))
    assert handover.replaying(http).get(server.url("dated"), last_modified=LAST_MODIFIED).status == 304
    handover.recording(http).get(server.url("dated"))
    older = handover.replaying(http).get(server.url("dated"), last_modified="Mon, 01 Dec 2025 00:00:00 GMT")
    assert older.status == 200 and older.content == b"<rss/>"
    assert len(server.requests) == 2


def test_only_unconditional_full_answers_within_the_budget_are_kept(server: FixtureServer, http: HttpClient) -> None:
    board, feed = (len(zlib.compress(body, 1)) for body in (b'{"jobs": []}', b"<rss/>"))  # kept compressed
    handover = Handover(budget=board + feed - 1)
    recording = handover.recording(http)
    first = recording.get(server.url("board"))
    recording.get(server.url("board"), etag=first.etag)  # a 304: nothing to hand over
    recording.get(server.url("dated"))  # over the budget with the board's answer: the older one goes
    assert len(handover) == 1
    replaying = handover.replaying(http)
    replaying.get(server.url("board"))
    assert handover.served == 0  # asked the network
    with pytest.raises(ResponseTooLargeError):  # a smaller cap than the kept body's: the network decides
        replaying.get(server.url("dated"), max_bytes=3)
    assert handover.served == 0 and len(server.requests) == 5
