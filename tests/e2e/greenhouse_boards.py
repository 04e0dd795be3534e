"""A fake Greenhouse job-board API on 127.0.0.1 (the shared `FixtureServer`) that serves the real recorded
listing, answers conditional GETs, and logs every listing request with the validators it sent.

What the real `boards-api.greenhouse.io` sends is assumed, not recorded: it is a Rails application,
and Rails' `Rack::ETag` gives a listing a weak ETag (`W/"<digest of the body>"`) with
`Cache-Control: max-age=0, private, must-revalidate` and no `Last-Modified`, and answers a matching
`If-None-Match` with 304. No recording of its response headers was found (see
tests/fixtures/greenhouse/real/README.md for the body's provenance). A per-job detail
(`…/jobs/{id}`) answers 404 (the server's answer to any path not posted), as Greenhouse does for a job it
does not list: no recorded detail body exists, and a role whose detail fails is stored without its description.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from signalwatch.devtools.fixture_server import FixtureServer, Reply

__all__ = ["AIRBNB", "GreenhouseBoards", "Request", "airbnb_listing", "etag_of"]

AIRBNB = Path(__file__).resolve().parents[1] / "fixtures" / "greenhouse" / "real" / "airbnb-list.json"
_JSON = "application/json; charset=utf-8"
_RAILS_CACHE = {"Cache-Control": "max-age=0, private, must-revalidate"}


def airbnb_listing(*, without: tuple[int, ...] = ()) -> bytes:
    """The recorded Airbnb listing, byte for byte, or with the jobs `without` names left out (a board
    before those roles were posted); the kept jobs are the recorded objects, unchanged."""
    body = AIRBNB.read_bytes()
    if not without:
        return body
    jobs = [job for job in json.loads(body)["jobs"] if job["id"] not in without]
    return json.dumps({"jobs": jobs}, ensure_ascii=False, separators=(",", ":")).encode()


def etag_of(body: bytes) -> str:
    """The weak ETag the server gives a listing (a digest of its bytes, as `Rack::ETag` makes one)."""
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@dataclass(frozen=True)
class Request:
    """One listing GET as the server saw it, and its answer's status."""

    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int


class GreenhouseBoards(FixtureServer):
    """`/v1/boards/{token}/jobs` for every board `post` gave a listing."""

    def __init__(self) -> None:
        super().__init__(etag=etag_of)

    @property
    def template(self) -> str:
        """The `url_templates` entry that points the `jobboards` source's Greenhouse boards here."""
        return f"http://127.0.0.1:{self.port}/v1/boards/{{id}}/jobs"

    def post(self, token: str, listing: bytes) -> None:
        """Board `token` lists `listing` from now on (its ETag changes with the bytes)."""
        self.route(f"/v1/boards/{token}/jobs", Reply(listing, content_type=_JSON, headers=_RAILS_CACHE))

    def listings(self) -> list[Request]:
        """The listing requests so far (details left out), and forget them."""
        with self._lock:
            seen, self.exchanges = self.exchanges, []
        return [Request(exchange.path, exchange.headers.get("if-none-match"), exchange.headers.get("if-modified-since"), exchange.status)
                for exchange in seen if exchange.path.split("?")[0].endswith("/jobs")]
