"""Every registered connector's preflight (the default one, unless it brings its own) makes at
most one request against its recorded data, and finds a healthy source healthy; a source that
answers with what the connector cannot read is a problem. The recipes are the contract suite's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from signalwatch.connectors.base import FetchContext
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.http import HttpClient, HttpSettings
from tests.contract.conftest import CASES, HTML_INSTEAD, build, serve


@pytest.fixture(scope="module")
def http() -> Iterator[HttpClient]:
    settings = HttpSettings(user_agent="signalwatch-doctor-test/1.0 (tests@example.com)", allow_private_addresses=True,
                            per_host_interval=0, max_attempts=1, timeout=5, total_timeout=10, extra_headers={"Connection": "close"})
    with HttpClient(settings) as client:
        yield client


@pytest.mark.parametrize("kind", sorted(CASES))
def test_one_request_per_source_and_a_healthy_source_passes(kind: str, http: HttpClient) -> None:
    case = CASES[kind]
    with FixtureServer() as server:
        serve(server, case.stages[0]())
        findings = build(kind, case.options(server)).preflight(FetchContext(http, {}, list(case.accounts), case.now))
        requested = [path for path, _ in server.requests]
    assert len(requested) <= 1, f"{kind}: doctor made {len(requested)} requests: {requested}"
    assert [f for f in findings if not f.ok] == [], findings
    assert findings and all(f.subject == f"source contract-{kind} ({kind})" for f in findings)


def test_a_page_instead_of_a_feed_is_a_problem(http: HttpClient) -> None:
    case = CASES["rss"]
    with FixtureServer() as server:
        options = case.options(server)
        server.route(options["url"].split(str(server.port), 1)[1], Reply(HTML_INSTEAD, content_type="text/html"))
        findings = build("rss", options).preflight(FetchContext(http, {}, [], case.now))
    assert len(findings) == 1 and not findings[0].ok and "cannot be read" in findings[0].message, findings


def test_a_missing_board_among_several_is_the_one_problem(http: HttpClient) -> None:
    case = CASES["jobboards"]
    with FixtureServer() as server:
        options = case.options(server)  # no route served: the first board requested answers 404
        findings = build("jobboards", options).preflight(FetchContext(http, {}, list(case.accounts), case.now))
        requested = [path for path, _ in server.requests]
    assert len(requested) == 1
    assert len(findings) == 1 and not findings[0].ok and "HTTP 404" in findings[0].message, findings
    assert requested[0].split("?")[0] in findings[0].message
