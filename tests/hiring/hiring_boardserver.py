"""A fake job-board server on 127.0.0.1 speaking each provider's wire format from tests/fixtures/.

A uniquely named module (not conftest) so test directories without __init__.py do not clash.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.connectors.base import NO_PARTS, FetchContext, Fetched, MemoryParts, Normalized
from signalwatch.connectors.jobboards import JobBoardsConnector, JobBoardsOptions
from signalwatch.connectors.jobboards.state import is_account_key
from signalwatch.events import SignalEvent
from signalwatch.http import HttpClient, HttpSettings

FIXTURES = Path(__file__).parent.parent / "fixtures"

# Where each provider's board lives on the fake server (the real hosts differ only in prefix).
PATHS = {
    "greenhouse": "/greenhouse/v1/boards/{id}/jobs",
    "lever": "/lever/v0/postings/{id}?mode=json",
    "lever-eu": "/lever-eu/v0/postings/{id}?mode=json",
    "ashby": "/ashby/posting-api/job-board/{id}?includeCompensation=true",
    "workable": "/workable/api/v1/widget/accounts/{id}?details=true",
    "smartrecruiters": "/smartrecruiters/v1/companies/{id}/postings?offset=0&limit=100",
    "recruitee": "/recruitee/{id}/api/offers/",
    "personio": "/personio/{tld}/{id}/xml?language=en",
}


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "application/json"
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class BoardServer:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    # Every request as (path, the If-None-Match it sent or None, the status answered).
    answered: list[tuple[str, str | None, int]] = field(default_factory=list)

    def serve(self, provider: str, board_id: str, route: Route, path: str | None = None, tld: str = "de") -> None:
        self.routes[path or PATHS[provider].format(id=board_id, tld=tld)] = route

    def serve_fixture(self, provider: str, board_id: str, fixture: str, **kwargs: object) -> None:
        body = (FIXTURES / fixture).read_bytes()
        kind = "application/xml" if fixture.endswith(".xml") else "application/json"
        self.serve(provider, board_id, Route(body, content_type=kind, **kwargs))  # type: ignore[arg-type]

    def templates(self) -> dict[str, str]:
        return {provider: self.base + path for provider, path in PATHS.items()}


def _handler(server: BoardServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            server.requests.append(self.path)
            route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
            if route is None:
                route = Route(b'{"ok":false,"error":"Document not found"}', status=404)
            validator = self.headers.get("If-None-Match")
            if route.etag and validator == route.etag:
                server.answered.append((self.path, validator, 304))
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            server.answered.append((self.path, validator, route.status))
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def board_server() -> Iterator[BoardServer]:
    holder = BoardServer(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(holder))
    holder.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield holder
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def http() -> Iterator[HttpClient]:
    settings = HttpSettings(allow_private_addresses=True, per_host_interval=0, backoff_base=0.01, max_attempts=1)
    client = HttpClient(settings)
    yield client
    client.close()


def make_connector(server: BoardServer, **options: object) -> JobBoardsConnector:
    return JobBoardsConnector("boards", JobBoardsOptions(url_templates=server.templates(), **options))


@dataclass(frozen=True)
class BoardState:
    """What the store keeps between polls: the one-row cursor and the cursor parts (one per board)."""

    cursor: dict = field(default_factory=dict)
    parts: MemoryParts = NO_PARTS

    @property
    def boards(self) -> dict[str, dict]:
        """Each board's head merged with its stored snapshot, for assertions."""
        heads = {key: head for key, head in self.parts.heads.items() if not is_account_key(key)}
        bodies = self.parts.bodies(heads)
        return {key: {**heads[key], **bodies[key]} for key in heads}


@dataclass(frozen=True)
class Polled:
    """One poll's outcome: its events, the state saved after it, and the raw `Normalized`."""

    events: list[SignalEvent]
    state: BoardState
    normalized: Normalized


def poll(
    connector: JobBoardsConnector, http: HttpClient, accounts: list[Account], state: BoardState | None, now: datetime
) -> tuple[Fetched, Polled]:
    """Fetch and normalize once, from `state` (None or {}: a new source), as the pipeline does."""
    state = state or BoardState()
    fetched = connector.fetch(FetchContext(http=http, cursor=state.cursor, accounts=accounts, now=now, parts=state.parts))
    normalized = connector.normalize(fetched, now)
    after = BoardState(normalized.cursor, state.parts.updated(normalized.parts))
    return fetched, Polled(normalized.events, after, normalized)


NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
