"""A fake EDGAR on 127.0.0.1 (the project's FixtureServer) serving tests/fixtures/edgar.

Archive paths are the real ones: every filing listed in a recorded feed is served at the path
of its index link, and every document its index page lists at that document's path.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from signalwatch.connectors.edgar.feed import parse_feed
from signalwatch.connectors.edgar.filing_index import parse_index
from signalwatch.devtools.fixture_server import FixtureServer, Reply

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "edgar"
USER_AGENT = "Acme Corp RevOps revops@acme.example"
NOW = datetime(2026, 11, 23, 17, 0, tzinfo=timezone.utc)
FEED_PATH = "/cgi-bin/browse-edgar"


class FakeEdgar:
    """Feed pages are served in the order given (the last repeats); `override` scripts failures."""

    def __init__(self) -> None:
        self.server = FixtureServer().start()
        self.base_url = self.server.url("").rstrip("/")
        self.feed()
        for feed in FIXTURES.glob("*.atom"):
            for entry in parse_feed(feed.read_bytes()):
                self._route_filing(entry.accession, urlsplit(entry.index_url).path)

    def _route_filing(self, accession: str, index_path: str) -> None:
        index_file = FIXTURES / f"{accession}-index.htm"
        if not index_file.is_file():
            return
        self.server.route(index_path, Reply(index_file.read_bytes(), content_type="text/html"))
        for document in parse_index(index_file.read_bytes()).documents:
            file = FIXTURES / f"{accession}-{document.name}"
            if file.is_file() and "/xsl" not in document.href:
                self.server.route(document.href.removeprefix("/ix?doc="), Reply(file.read_bytes(), content_type="text/html"))

    def feed(self, *fixtures: str) -> None:
        """Serve these feed files as consecutive pages; no files means an empty feed."""
        bodies = [(FIXTURES / name).read_bytes() for name in fixtures] or [b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Latest Filings</title></feed>']
        self.server.route(FEED_PATH, *[Reply(body, content_type="application/atom+xml") for body in bodies])

    def override(self, path: str, status: int, body: bytes) -> None:
        self.server.route(path, Reply(body, status, "text/html"))

    def paths(self) -> list[str]:
        return [path for path, _ in self.server.requests]

    def agents(self) -> set[str]:
        return {headers.get("user-agent", "") for _, headers in self.server.requests}

    def clear(self) -> None:
        self.server.requests.clear()

    def close(self) -> None:
        self.server.stop()
