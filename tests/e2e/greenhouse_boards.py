"""A fake Greenhouse job-board API on 127.0.0.1 that serves the real recorded listing and answers
conditional GETs, and logs every request with the validators it sent.

What the real `boards-api.greenhouse.io` sends is assumed, not recorded: it is a Rails application,
and Rails' `Rack::ETag` gives a listing a weak ETag (`W/"<digest of the body>"`) with
`Cache-Control: max-age=0, private, must-revalidate` and no `Last-Modified`, and answers a matching
`If-None-Match` with 304. No recording of its response headers was found (see
tests/fixtures/greenhouse/real/README.md for the body's provenance). A per-job detail
(`…/jobs/{id}`) answers 404, as Greenhouse does for a job it does not list: no recorded detail
body exists, and a role whose detail fails is stored without its description.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from signalwatch.devtools._server import LoopbackServer

__all__ = ["AIRBNB", "GreenhouseBoards", "Request", "airbnb_listing", "etag_of"]

AIRBNB = Path(__file__).resolve().parents[1] / "fixtures" / "greenhouse" / "real" / "airbnb-list.json"
_NOT_FOUND = b'{"status":404,"error":"Job not found"}'


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
    """One GET as the server saw it."""

    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int
    size: int  # body bytes sent

    @property
    def listing(self) -> bool:
        return self.path.split("?")[0].endswith("/jobs")


class GreenhouseBoards(LoopbackServer):
    """`/v1/boards/{token}/jobs` for every token in `boards` (token → listing body)."""

    def __init__(self) -> None:
        self.boards: dict[str, bytes] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        super().__init__()

    @property
    def template(self) -> str:
        """The `url_templates` entry that points the `jobboards` source's Greenhouse boards here."""
        return f"http://127.0.0.1:{self.port}/v1/boards/{{id}}/jobs"

    def listings(self) -> list[Request]:
        """The listing requests so far (details left out), and forget them."""
        with self._lock:
            seen, self.requests = self.requests, []
        return [request for request in seen if request.listing]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                parts = self.path.split("?")[0].strip("/").split("/")
                body = server.boards.get(parts[2]) if len(parts) == 4 and parts[:2] == ["v1", "boards"] else None
                etag = etag_of(body) if body is not None else None
                sent = self.headers.get("If-None-Match")
                if body is None:
                    status, payload = 404, _NOT_FOUND
                elif sent is not None and etag in {tag.strip() for tag in sent.split(",")}:
                    status, payload = 304, b""
                else:
                    status, payload = 200, body
                with server._lock:
                    server.requests.append(Request(self.path, sent, self.headers.get("If-Modified-Since"), status,
                                                   len(payload)))
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                if etag is not None:
                    self.send_header("ETag", etag)
                    self.send_header("Cache-Control", "max-age=0, private, must-revalidate")
                if status != 304:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if payload:
                    self.wfile.write(payload)

        return Handler
