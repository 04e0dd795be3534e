"""A fake EDGAR on 127.0.0.1 serving the recorded payloads in tests/fixtures/edgar."""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "edgar"
USER_AGENT = "Acme Corp RevOps revops@acme.example"
NOW = datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc)
EMPTY_FEED = b'<?xml version="1.0" encoding="ISO-8859-1" ?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Latest Filings</title></feed>'


class FakeEdgar:
    """Serves feeds by (type, start), archive files from the fixtures, and per-path overrides."""

    def __init__(self) -> None:
        self.feeds: dict[tuple[str, int], bytes] = {}
        self.overrides: dict[str, tuple[int, bytes]] = {}
        self.requests: list[tuple[str, str]] = []  # (path with query, User-Agent)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def feed(self, form: str, start: int, fixture: str) -> None:
        self.feeds[(form, start)] = (FIXTURES / fixture).read_bytes()

    def paths(self) -> list[str]:
        with self._lock:
            return [path for path, _ in self.requests]

    def respond(self, path_with_query: str) -> tuple[int, bytes]:
        parts = urlsplit(path_with_query)
        if parts.path in self.overrides:
            return self.overrides[parts.path]
        if parts.path == "/cgi-bin/browse-edgar":
            query = parse_qs(parts.query)
            key = (query["type"][0], int(query["start"][0]))
            return 200, self.feeds.get(key, EMPTY_FEED)
        segments = parts.path.split("/")
        if parts.path.startswith("/Archives/edgar/data/") and len(segments) == 7:
            folder, name = segments[5], segments[6]
            accession = f"{folder[:10]}-{folder[10:12]}-{folder[12:]}"
            file = FIXTURES / (name if name.startswith(accession) else f"{accession}-{name}")
            if file.is_file():
                return 200, file.read_bytes()
        return 404, b"<html><body>Not Found</body></html>"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                with fake._lock:
                    fake.requests.append((self.path, self.headers.get("User-Agent", "")))
                status, body = fake.respond(self.path)
                self.send_response(status)
                content_type = "application/atom+xml" if "browse-edgar" in self.path else "text/html"
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
