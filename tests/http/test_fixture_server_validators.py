"""The shared fixture server answers a validator as the faked origin would: its own ETag shape, a tag in a list, the status logged."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request

from signalwatch.devtools.fixture_server import FixtureServer, Reply


def _weak(body: bytes) -> str:
    return 'W/"' + hashlib.sha256(body).hexdigest()[:8] + '"'


def _get(url: str, if_none_match: str | None = None) -> tuple[int, str | None]:
    request = urllib.request.Request(url, headers={"If-None-Match": if_none_match} if if_none_match else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers.get("ETag")
    except urllib.error.HTTPError as error:  # urllib raises on 304 and 404
        return error.code, error.headers.get("ETag")


def test_a_weak_etag_in_a_list_of_validators_is_answered_304_and_each_answer_is_logged() -> None:
    with FixtureServer(etag=_weak) as server:
        server.route("/list", Reply(b'{"jobs": []}', content_type="application/json"))
        status, tag = _get(server.url("/list"))
        assert status == 200 and tag == _weak(b'{"jobs": []}')
        assert _get(server.url("/list"), f'W/"stale", {tag}')[0] == 304
        assert _get(server.url("/list"), 'W/"stale"')[0] == 200
        assert _get(server.url("/missing"))[0] == 404
        assert [(exchange.path, exchange.status) for exchange in server.exchanges] == [
            ("/list", 200), ("/list", 304), ("/list", 200), ("/missing", 404)]
        assert server.exchanges[1].headers["if-none-match"] == f'W/"stale", {tag}'
