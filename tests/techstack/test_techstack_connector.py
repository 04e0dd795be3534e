"""The techstack connector end to end: a real HTTP server on 127.0.0.1 and a fake DNS resolver."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from signalwatch.accounts import Account
from signalwatch.connectors import get_connector_class
from signalwatch.connectors.base import FetchContext, Normalized
from signalwatch.connectors.techstack import valid_domain
from signalwatch.devtools.fixture_server import FixtureServer, Reply
from signalwatch.http import HttpClient, HttpSettings
from signalwatch.techstack.dns import DnsLookupError
from signalwatch.techstack.page import extract_page

from .conftest import saved_dns, saved_pages

UA = "signalwatch-test/1.0 (+ops@example.com)"
T0 = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
PAGE = next(case for case in saved_pages() if case["page"] == "northwind_wordpress_hubspot.html")
DNS = next(case for case in saved_dns() if case["domain"] == "northwind-analytics.com")
DRIFT = re.compile(r"<!-- Start of Async Drift Code -->.*?<!-- End of Async Drift Code -->", re.S)
HUBSPOT = re.compile(r"<!-- Start of HubSpot Embed Code -->.*?<!-- End of HubSpot Embed Code -->", re.S)


class FakeResolver:
    """Stands in for DNS: answers from a dict; a name in `failing` times out."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], list[str]] = {}
        self.failing: set[str] = set()

    def resolve(self, name: str, rdtype: str) -> list[str]:
        if name in self.failing:
            raise DnsLookupError(f"{rdtype} {name}: timed out")
        return list(self.records.get((name, rdtype), []))


@pytest.fixture()
def site() -> Iterator[FixtureServer]:
    with FixtureServer() as server:
        yield server


@pytest.fixture()
def http() -> Iterator[HttpClient]:
    settings = HttpSettings(user_agent=UA, allow_private_addresses=True, per_host_interval=0, backoff_base=0.01, max_attempts=1)
    with HttpClient(settings) as client:
        yield client


ACCOUNTS = [
    Account(id=1, name="Northwind Analytics", domain="northwind-analytics.com"),
    Account(id=2, name="Blocked Co", domain="blocked.example"),
    Account(id=3, name="Sneaky", domain="evil.example@169.254.169.254"),
    Account(id=4, name="No Domain Inc"),
]


def make_connector(port: int, resolver: FakeResolver):
    cls = get_connector_class("techstack")
    options = cls.Options(homepage_url=f"http://127.0.0.1:{port}/{{domain}}/", dns_timeout=1)
    return cls("stack", options, resolver=resolver)


def html_reply(body: str, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    headers = dict(headers or {})
    content_type = headers.pop("content-type", "text/html; charset=UTF-8")
    return Reply(body.encode("utf-8"), status, content_type, headers)


def serve(site: FixtureServer, html: str, txt: list[str], resolver: FakeResolver) -> None:
    site.route("robots.txt", Reply(b"User-agent: signalwatch-test\nDisallow: /blocked.example/\n\nUser-agent: *\nAllow: /\n",
                                   content_type="text/plain"))
    site.route("northwind-analytics.com/", html_reply(html, headers=PAGE["headers"]))
    site.route("blocked.example/", html_reply("<script src='https://js.driftt.com/x.js'></script>"))
    resolver.records[("northwind-analytics.com", "MX")] = DNS["mx"]
    resolver.records[("northwind-analytics.com", "TXT")] = txt


def paths(site: FixtureServer) -> list[str]:
    return [path for path, _ in site.requests]


def run_poll(connector, http: HttpClient, cursor: dict[str, Any], now: datetime) -> tuple[Normalized, Any]:
    fetched = connector.fetch(FetchContext(http=http, cursor=cursor, accounts=ACCOUNTS, now=now))
    return connector.normalize(fetched, now), fetched


def test_baseline_then_adopted_then_dropped_after_two_misses(site: FixtureServer, http: HttpClient) -> None:
    state, port = site, site.port
    resolver = FakeResolver()
    connector = make_connector(port, resolver)
    without_sendgrid = [t.replace(" include:sendgrid.net", "") for t in DNS["txt"]]

    # Poll 1: the baseline. Drift is not on the page yet, SendGrid not in SPF: nothing is reported.
    serve(state, DRIFT.sub("", PAGE["html"]), without_sendgrid, resolver)
    result, fetched = run_poll(connector, http, {}, T0)
    assert result.events == []
    assert fetched.errors == {
        "blocked.example": f"robots.txt disallows http://127.0.0.1:{port}/blocked.example/",
        "evil.example@169.254.169.254": "not a usable domain: 'evil.example@169.254.169.254'",
    }
    assert "hubspot" in result.cursor["accounts"]["1"]["present"]

    # Poll 2: Drift appears on the homepage and SendGrid in the SPF record.
    serve(state, PAGE["html"], DNS["txt"], resolver)
    result, fetched = run_poll(connector, http, result.cursor, T0 + timedelta(days=1))
    adopted = {e.attributes["technology"]: e for e in result.events}
    assert sorted(adopted) == ["drift", "sendgrid"]
    drift = adopted["drift"]
    assert (drift.type, drift.change, drift.title) == ("tech_stack", "adopted", "Northwind Analytics adopted Drift")
    assert drift.attributes["category"] == "chat" and drift.attributes["name"] == "Drift"
    assert {"kind": "html", "detail": "drift.load('"} in drift.attributes["evidence"]
    assert drift.attributes["confidence"] == 0.85
    assert (drift.account_id, drift.match_confidence, drift.match_method) == (1, 1.0, "domain")
    assert drift.company_domain == "northwind-analytics.com" and drift.source == "stack" and drift.source_kind == "techstack"
    assert adopted["sendgrid"].attributes["evidence"] == [{"kind": "spf", "detail": "sendgrid.net"}]
    assert adopted["sendgrid"].attributes["confidence"] == 0.6  # DNS-only evidence is weaker
    again = connector.normalize(fetched, T0 + timedelta(days=1))
    assert [e.dedupe_key for e in again.events] == [e.dedupe_key for e in result.events]  # pure and stable

    # Poll 3: HubSpot gone from page and SPF; one miss is not a drop.
    no_hubspot_txt = [t.replace(" include:4382917.spf03.hubspotemail.net", "") for t in DNS["txt"]]
    serve(state, HUBSPOT.sub("", PAGE["html"]), no_hubspot_txt, resolver)
    result, _ = run_poll(connector, http, result.cursor, T0 + timedelta(days=2))
    assert result.events == []

    # Poll 4: the second miss in a row: dropped, with the evidence it used to have.
    result, _ = run_poll(connector, http, result.cursor, T0 + timedelta(days=3))
    assert [(e.change, e.attributes["technology"]) for e in result.events] == [("dropped", "hubspot")]
    dropped = result.events[0]
    assert dropped.title == "Northwind Analytics dropped HubSpot"
    assert {"kind": "script", "detail": "//js.hs-scripts.com/4382917.js"} in dropped.attributes["evidence"]

    # Politeness: every request carried our User-Agent; the disallowed homepage was never fetched.
    assert {headers["user-agent"] for _, headers in state.requests} == {UA}
    assert "/blocked.example/" not in paths(state)
    assert "/robots.txt" in paths(state)


def test_outages_are_reported_and_never_count_as_drops(site: FixtureServer, http: HttpClient) -> None:
    state, port = site, site.port
    resolver = FakeResolver()
    connector = make_connector(port, resolver)
    serve(state, PAGE["html"], DNS["txt"], resolver)
    result, _ = run_poll(connector, http, {}, T0)

    state.route("northwind-analytics.com/", html_reply("maintenance", status=503))
    resolver.failing.add("northwind-analytics.com")
    for day in (1, 2, 3):
        result, fetched = run_poll(connector, http, result.cursor, T0 + timedelta(days=day))
        assert result.events == []
        assert "HTTP 503" in fetched.errors["northwind-analytics.com"]
        assert "DNS: MX northwind-analytics.com: timed out" in fetched.errors["northwind-analytics.com"]
    assert result.cursor["accounts"]["1"]["present"]["hubspot"]["misses"] == 0


def test_missing_robots_txt_allows_and_5xx_robots_blocks(site: FixtureServer, http: HttpClient) -> None:
    state, port = site, site.port
    resolver = FakeResolver()
    connector = make_connector(port, resolver)
    serve(state, PAGE["html"], DNS["txt"], resolver)
    state.route("robots.txt", Reply(b"not here", 404, "text/plain"))  # 404: everything is allowed
    result, fetched = run_poll(connector, http, {}, T0)
    assert "/northwind-analytics.com/" in paths(state)
    assert "blocked.example" not in fetched.errors

    state.route("robots.txt", Reply(b"oops", 500, "text/plain"))
    state.requests.clear()
    _, fetched = run_poll(connector, http, result.cursor, T0 + timedelta(days=1))
    assert fetched.errors["northwind-analytics.com"].startswith("robots.txt unavailable")
    assert paths(state) == ["/robots.txt"]


def test_options_reject_bad_templates_and_paths() -> None:
    cls = get_connector_class("techstack")
    with pytest.raises(ValueError, match="homepage_url"):
        cls.Options(homepage_url="ftp://{domain}/")
    with pytest.raises(ValueError, match="must start with a single '/'"):
        cls.Options(paths=["//evil.example/x"])
    with pytest.raises(ValueError):
        cls.Options(unknown_key=True)


def test_admin_fingerprint_files_are_checked_with_the_config(tmp_path) -> None:
    cls = get_connector_class("techstack")
    with pytest.raises(ValueError, match="cannot read"):
        cls.Options(fingerprint_files=[tmp_path / "missing.yaml"])
    bad = tmp_path / "bad.yaml"
    bad.write_text("fingerprints:\n  hubspot: {script: ['(unclosed']}\n")
    with pytest.raises(ValueError, match="invalid regex"):
        cls.Options(fingerprint_files=[bad])
    good = tmp_path / "good.yaml"
    good.write_text("fingerprints:\n  hubspot: {html: ['data-hs-portal=']}\n")
    engine = cls("stack", cls.Options(fingerprint_files=[good])).engine
    assert engine.detect([extract_page("https://x.example/", "<i data-hs-portal=1>", {})]).keys() == {"hubspot"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("acme.com", "acme.com"),
        ("https://www.Acme.com/about", "acme.com"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("evil.example@169.254.169.254", None),  # userinfo trick aiming at the metadata address
        ("169.254.169.254", None),
        ("127.0.0.1", None),
        ("localhost", None),
        ("acme .com", None),
        ("", None),
    ],
)
def test_untrusted_domains_are_plain_public_host_names(raw: str, expected: str | None) -> None:
    assert valid_domain(raw) == expected
