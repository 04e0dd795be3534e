"""Recipes for the contract suite: how to run each registered connector and sink against local stand-ins.

`CASES` holds one recipe per connector kind (options pointing at a FixtureServer on 127.0.0.1,
and the recorded fixtures it serves, stage by stage); `SINK_CASES` one per sink (its config
block and the fake remote it talks to). A connector or sink registered without a recipe
fails `test_every_registered_*_has_a_case`: add one here.

Stages are the recorded fixtures as the source served them over time; a connector that
treats its first poll as a baseline (job boards, tech stack) gets a first stage without
something the second stage has, so the run produces events. The recorded run of a recipe is
made once per session and shared by the checks that only read it.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

import signalwatch.bundled_rules
from signalwatch.accounts import Account
from signalwatch.alerts.payload import account_part, compose, context, event_part, rule_part
from signalwatch.connectors import REGISTRY
from signalwatch.connectors.base import NO_PARTS, Connector, FetchContext, Fetched, MemoryParts, Normalized, PartWrite
from signalwatch.connectors.edgar.feed import parse_feed
from signalwatch.connectors.edgar.filing_index import parse_index
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.devtools.fake_slack import FakeSlack
from signalwatch.devtools.fixture_server import FixtureServer, Reply, relative_dates
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.http import HttpClient, HttpSettings
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.sinks import SINKS, Sink
from signalwatch.store import AlertDraft, Store
from signalwatch.techstack.dns import DnsLookupError
from tests.polls import commit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UTC = timezone.utc

Routes = dict[str, tuple[Reply, ...]]  # path on the fixture server -> replies, in order (the last repeats)
Stage = Callable[[], Routes]

# -- known contract violations --------------------------------------------------------------
# (check, case id) -> why it fails today. Each becomes a strict xfail: fixing the code makes the
# test pass, and strict mode then fails it until the entry is removed.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}


def marked(check: str, ids: Sequence[str]) -> list[Any]:
    """`ids` as pytest params, the known violations of `check` marked as strict xfails."""
    return [
        pytest.param(case_id, id=case_id, marks=pytest.mark.xfail(strict=True, reason=KNOWN_VIOLATIONS[(check, case_id)]))
        if (check, case_id) in KNOWN_VIOLATIONS else pytest.param(case_id, id=case_id)
        for case_id in ids
    ]


# -- serving recorded fixtures -------------------------------------------------------------

def reply(body: bytes, content_type: str, headers: Mapping[str, str] | None = None) -> Reply:
    """A recorded body, served the same on every poll (no 304s: the connector must dedupe on its own)."""
    return Reply(body, 200, content_type, dict(headers or {}), conditional=False)


def fixture_reply(name: str) -> Reply:
    """A file under tests/fixtures with the content type its suffix implies."""
    suffix = Path(name).suffix
    content_type = {".json": "application/json", ".xml": "application/xml", ".atom": "application/atom+xml"}.get(suffix, "text/html")
    return reply((FIXTURES / name).read_bytes(), content_type)


def serve(server: FixtureServer, routes: Routes) -> None:
    """Route every path of one stage (called before each poll, so paged replies start over)."""
    for path, replies in routes.items():
        server.route(path, *replies)


@pytest.fixture(scope="session")
def http() -> Iterator[HttpClient]:
    """The real client, allowed onto loopback, one attempt per request, no politeness delay.
    Shared: it is thread-safe, and building one (its TLS context) costs more than a poll. No
    keep-alive: every poll has its own server, and a pooled connection must never outlive it."""
    settings = HttpSettings(user_agent="signalwatch-contract/1.0 (+tests@example.com)", allow_private_addresses=True,
                            per_host_interval=0, backoff_base=0.01, max_attempts=1, timeout=5, total_timeout=10,
                            extra_headers={"Connection": "close"})
    with HttpClient(settings) as client:
        yield client


# -- bad payloads --------------------------------------------------------------------------
# The only payloads written here: a page a CDN serves instead of data (a recorded one), bytes
# that are no format at all, a server error; a truncated body is a recorded one cut in half.
HTML_INSTEAD = (FIXTURES / "rss" / "html-instead.xml").read_bytes()
GARBAGE = bytes((index * 151 + 7) % 256 for index in range(2048))
VARIANTS = ("truncated", "garbage", "html", "http500")


@dataclass(frozen=True)
class BadPayload:
    """A route of a recipe's last stage to corrupt, and what a clear error names (a regular expression)."""

    label: str
    path: str
    names: str
    variants: tuple[str, ...] = VARIANTS


def corrupt(good: Reply | None, variant: str) -> Reply:
    """The `variant` of a good reply: cut in half, garbage, an HTML page instead, or a 500."""
    if variant == "http500":
        return Reply(b"<html><body><h1>500 Internal Server Error</h1></body></html>", 500, "text/html", conditional=False)
    if variant == "html":
        return Reply(HTML_INSTEAD, 200, "text/html; charset=utf-8", conditional=False)
    assert good is not None, f"a {variant} body needs the recorded one"
    if variant == "garbage":
        return replace(good, body=GARBAGE)
    assert variant == "truncated", variant
    return replace(good, body=good.body[: len(good.body) // 2])


# -- connector recipes -----------------------------------------------------------------------

@dataclass(frozen=True)
class ConnectorCase:
    """How to run one connector kind: its options, the stages of recorded data it polls, and what to break."""

    options: Callable[[FixtureServer], dict[str, Any]]  # as a config file's source entry would give them
    stages: tuple[Stage, ...]
    now: datetime
    bad: tuple[BadPayload, ...]
    accounts: tuple[Account, ...] = ()
    kwargs: Callable[[], dict[str, Any]] = dict  # constructor extras (stand-ins for non-HTTP remotes)
    step: timedelta = timedelta(hours=6)  # time between polls


def build(kind: str, options: Mapping[str, Any]) -> Connector:
    """The registered class for `kind`, built from a source entry's options as the config loader does."""
    cls = REGISTRY[kind]
    return cls(f"contract-{kind}", cls.Options.model_validate(dict(options)), **CASES[kind].kwargs())


# RSS: the three recorded feed formats, one after another at the same URL.
RSS_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def rss_stage(name: str) -> Stage:
    """A recorded feed, its @@date@@ tokens rendered relative to the recipe's clock."""
    return lambda: {"feed": (reply(relative_dates((FIXTURES / "rss" / name).read_bytes(), RSS_NOW), "application/rss+xml"),)}


# Job boards: every provider's recorded board; the Personio board is empty at first, then posts its roles.
BOARDS_NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
BOARD_FIXTURES = {
    "greenhouse/acme": "greenhouse/acme.json", "lever/acme": "lever/acme.json", "lever-eu/acme": "lever/acme.json",
    "ashby/acme": "ashby/acme.json", "workable/acme": "workable/acme.json", "recruitee/acme": "recruitee/acme.json",
}
BOARD_ACCOUNTS = (
    Account(id=1, name="Acme", domain="acme.com", boards=("greenhouse:acme", "lever:acme", "ashby:acme", "workable:acme")),
    Account(id=2, name="Acme Europe", domain="acme.eu",
            boards=("lever-eu:acme", "recruitee:acme", "personio:acme", "smartrecruiters:Acme")),
)


def boards_stage(personio: str) -> Stage:
    """Every recorded board, the Personio one from `personio`; SmartRecruiters as its two recorded pages."""

    def routes() -> Routes:
        served: Routes = {path: (fixture_reply(name),) for path, name in BOARD_FIXTURES.items()}
        served["personio/acme"] = (fixture_reply(personio),)
        served["smartrecruiters/Acme"] = (fixture_reply("smartrecruiters/acme-offset-0.json"),
                                          fixture_reply("smartrecruiters/acme-offset-100.json"))
        return served
    return routes


def boards_options(server: FixtureServer) -> dict[str, Any]:
    """Each provider's boards under /<provider>/<board id> on the fixture server."""
    providers = {path.split("/")[0] for path in BOARD_FIXTURES} | {"personio", "smartrecruiters"}
    return {"url_templates": {name: server.url(f"{name}/{{id}}") for name in sorted(providers)}}


# Tech stack: a recorded homepage and DNS answers; the first poll sees the page without its Drift snippet.
STACK_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
STACK_DOMAIN = "northwind-analytics.com"
DRIFT_SNIPPET = re.compile(r"<!-- Start of Async Drift Code -->.*?<!-- End of Async Drift Code -->", re.S)


class RecordedDns:
    """Stands in for DNS (a remote service, not our code): answers from tests/fixtures/techstack/dns.json."""

    def __init__(self) -> None:
        rows = json.loads((FIXTURES / "techstack" / "dns.json").read_text(encoding="utf-8"))
        self._records = {(row["domain"], kind.upper()): list(row[kind]) for row in rows for kind in ("mx", "txt")}

    def resolve(self, name: str, rdtype: str) -> list[str]:
        if (name, rdtype) not in self._records:
            raise DnsLookupError(f"{rdtype} {name}: no recorded answer")
        return list(self._records[(name, rdtype)])


def stack_stage(with_drift: bool) -> Stage:
    """The recorded Northwind homepage with its recorded headers, with or without the Drift snippet."""

    def routes() -> Routes:
        pages = json.loads((FIXTURES / "techstack" / "pages.json").read_text(encoding="utf-8"))
        page = next(p for p in pages if p["page"] == "northwind_wordpress_hubspot.html")
        html = (FIXTURES / "techstack" / "pages" / page["page"]).read_text(encoding="utf-8")
        headers = dict(page["headers"])
        content_type = headers.pop("content-type")
        body = html if with_drift else DRIFT_SNIPPET.sub("", html)
        return {f"{STACK_DOMAIN}/": (reply(body.encode("utf-8"), content_type, headers),)}
    return routes


# SEC EDGAR: the recorded current-filings feeds, each filing's index page and documents at their archive paths.
EDGAR_NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
EDGAR_FEED = "cgi-bin/browse-edgar"
EDGAR_USER_AGENT = "Acme Corp RevOps revops@acme.example"


@cache
def edgar_filings() -> Routes:
    """Every filing a recorded feed lists and tests/fixtures/edgar holds, at the path EDGAR serves it
    (read once: parsing the feeds and index pages costs more than serving them)."""
    folder = FIXTURES / "edgar"
    routes: Routes = {}
    for feed in sorted(folder.glob("*.atom")):
        for entry in parse_feed(feed.read_bytes()):
            index = folder / f"{entry.accession}-index.htm"
            if not index.is_file():
                continue
            routes[urlsplit(entry.index_url).path.lstrip("/")] = (reply(index.read_bytes(), "text/html"),)
            for document in parse_index(index.read_bytes()).documents:
                file = folder / f"{entry.accession}-{document.name}"
                if file.is_file() and "/xsl" not in document.href:
                    routes[document.href.removeprefix("/ix?doc=").lstrip("/")] = (fixture_reply(f"edgar/{file.name}"),)
    return routes


def edgar_stage(feed: str) -> Stage:
    """One recorded current-filings feed (every page of it), and all the recorded filings."""
    return lambda: {**edgar_filings(), EDGAR_FEED: (fixture_reply(f"edgar/{feed}"),)}


def edgar_options(server: FixtureServer) -> dict[str, Any]:
    """EDGAR at the fixture server, with the declared User-Agent SEC requires."""
    return {"user_agent": EDGAR_USER_AGENT, "base_url": server.url("").rstrip("/")}


# Per-account news: each account's search feed (real headlines in a news-search feed's shape), empty at first.
NEWS_NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def news_stage(found: bool) -> Stage:
    """Every account's search: the recorded result when `found`, else an empty result."""
    def routes() -> Routes:
        feed = {"boeing.com": "boeing.xml", "klarna.com": "klarna.xml"}
        return {f"search/{domain}": (reply(relative_dates((FIXTURES / "news" / "search" / (name if found else "empty.xml"))
                                                          .read_bytes(), NEWS_NOW), "application/rss+xml"),)
                for domain, name in feed.items()}
    return routes


GLOBEX_FORM_D = "Archives/edgar/data/1900003/000190000326000001/primary_doc.xml"
ACME_8K = "Archives/edgar/data/1900001/000119312526400001/acme-20261123.htm"

CASES: dict[str, ConnectorCase] = {
    "account_news": ConnectorCase(
        options=lambda server: {"url_template": server.url("search/{domain}") + "?q={query}", "cycle": "6h"},
        stages=(news_stage(found=False), news_stage(found=True)),
        now=NEWS_NOW,
        accounts=(Account(id=1, name="Boeing", domain="boeing.com"), Account(id=2, name="Klarna", domain="klarna.com")),
        bad=(BadPayload("search-feed", "search/klarna.com", "Klarna"),),
    ),
    "rss": ConnectorCase(
        options=lambda server: {"url": server.url("feed")},
        stages=(rss_stage("people-atom.xml"), rss_stage("people-rss1.rdf"), rss_stage("funding-rss2.xml")),
        now=RSS_NOW,
        bad=(BadPayload("feed", "feed", "/feed"),),
    ),
    "jobboards": ConnectorCase(
        options=boards_options,
        stages=(boards_stage("personio/empty.xml"), boards_stage("personio/acme.xml")),
        now=BOARDS_NOW,
        accounts=BOARD_ACCOUNTS,
        bad=(BadPayload("personio-xml", "personio/acme", "personio:acme"),
             BadPayload("greenhouse-json", "greenhouse/acme", "greenhouse:acme")),
    ),
    "techstack": ConnectorCase(
        options=lambda server: {"homepage_url": server.url("{domain}/"), "dns_timeout": 1},
        stages=(stack_stage(with_drift=False), stack_stage(with_drift=True)),
        now=STACK_NOW,
        accounts=(Account(id=1, name="Northwind Analytics", domain=STACK_DOMAIN),),
        kwargs=lambda: {"resolver": RecordedDns()},
        # An HTML page cut short or garbled is still a page (fewer detections, never a drop after
        # one poll); only an unreadable homepage is an error.
        bad=(BadPayload("homepage", f"{STACK_DOMAIN}/", STACK_DOMAIN, ("http500",)),),
    ),
    "edgar_formd": ConnectorCase(
        options=edgar_options,
        stages=(edgar_stage("formd_feed_1.atom"), edgar_stage("formd_feed_2.atom")),
        now=EDGAR_NOW,
        bad=(BadPayload("feed", EDGAR_FEED, "EDGAR feed|browse-edgar"),
             BadPayload("form-d-xml", GLOBEX_FORM_D, "0001900003-26-000001")),
    ),
    "edgar_8k": ConnectorCase(
        options=edgar_options,
        stages=(edgar_stage("eightk_feed_1.atom"),),
        now=EDGAR_NOW,
        # The 8-K main document is HTML: only an unreadable one is detectable as bad.
        bad=(BadPayload("feed", EDGAR_FEED, "EDGAR feed|browse-edgar"),
             BadPayload("main-doc", ACME_8K, "0001193125-26-400001", ("http500",))),
    ),
}


# -- one recorded run per recipe -------------------------------------------------------------

def stored(value: Any) -> Any:
    """`value` as a JSON column gives it back (non-JSON values become strings, for the JSON check to catch)."""
    return json.loads(json.dumps(value, default=str))


@dataclass(frozen=True)
class SavedState:
    """What the store keeps between polls: the one-row cursor and the cursor parts."""

    cursor: dict[str, Any] = field(default_factory=dict)
    parts: MemoryParts = NO_PARTS

    def after(self, result: Normalized) -> SavedState:
        """The state after the pipeline saved `result`, read back through JSON as the store does."""
        writes = {key: None if write is None else PartWrite(stored(write.head), None if write.body is None else stored(write.body))
                  for key, write in result.parts.items()}
        return SavedState(stored(result.cursor), self.parts.updated(writes))


@dataclass(frozen=True)
class PollRecord:
    """One poll of a recorded run: the instance that made it and its options, the state it started
    from, what fetch returned and what normalize made of it."""

    connector: Connector
    options: dict[str, Any]
    now: datetime
    state: SavedState
    fetched: Fetched
    normalized: Normalized


@dataclass(frozen=True)
class CaseRun:
    """A recipe polled stage by stage, then its last stage once more from the saved state."""

    kind: str
    polls: tuple[PollRecord, ...]

    @property
    def stage_polls(self) -> tuple[PollRecord, ...]:
        return self.polls[:-1]

    @property
    def repoll(self) -> PollRecord:
        return self.polls[-1]

    def events(self) -> list[SignalEvent]:
        return [event for poll in self.polls for event in poll.normalized.events]


def poll(connector: Connector, http: HttpClient, state: SavedState, accounts: Sequence[Account], now: datetime) -> tuple[Fetched, Normalized]:
    """Fetch and normalize once from `state`, as the pipeline does."""
    fetched = connector.fetch(FetchContext(http=http, cursor=state.cursor, accounts=list(accounts), now=now, parts=state.parts))
    return fetched, connector.normalize(fetched, now)


def poll_served(kind: str, http: HttpClient, routes: Routes, state: SavedState, now: datetime) -> PollRecord:
    """One poll by a fresh instance against a fresh server serving `routes`, as by a restarted
    daemon; the server is stopped when it returns. (A fresh server is also a fresh site for
    EDGAR's process-wide 10 requests/s budget, which would otherwise make the suite wait.)"""
    with FixtureServer() as server:
        serve(server, routes)
        options = CASES[kind].options(server)
        connector = build(kind, options)
        fetched, normalized = poll(connector, http, state, CASES[kind].accounts, now)
    return PollRecord(connector, options, now, state, fetched, normalized)


def record_run(kind: str, http: HttpClient) -> CaseRun:
    """Poll every stage of the recipe, then the last stage again, each from the state the one before saved."""
    case = CASES[kind]
    records: list[PollRecord] = []
    state = SavedState()
    for index, stage in enumerate((*case.stages, case.stages[-1])):
        records.append(poll_served(kind, http, stage(), state, case.now + index * case.step))
        state = state.after(records[-1].normalized)
    return CaseRun(kind, tuple(records))


RunOf = Callable[[str], CaseRun]  # the `recorded` fixture: connector kind -> its recorded run


@pytest.fixture(scope="session")
def recorded(http: HttpClient) -> RunOf:
    """The recorded run of a connector kind, made on first use and shared by the read-only checks."""
    runs: dict[str, CaseRun] = {}

    def run_of(kind: str) -> CaseRun:
        if kind not in runs:
            runs[kind] = record_run(kind, http)
        return runs[kind]

    return run_of


# -- sink recipes ----------------------------------------------------------------------------

# Untrusted text as a feed could carry it: a broadcast, a user mention, mrkdwn bold, and a
# right-to-left override that makes "gnp.exe" read as "exe.png".
HOSTILE = "Acme <!channel> <@U123> *bold* \u202egnp.exe"
MENTIONS = ("<!channel>", "<@U123>")
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SLACK_TOKEN = "xoxb-contract-0000-secret"
HUBSPOT_TOKEN = "pat-na1-contract-0000-secret"
SF_FIXTURES = FIXTURES / "salesforce"

Surface = tuple[str, str]  # (medium: "mrkdwn", "html" or "plain", text as the remote stored it)


def hostile_event(now: datetime) -> SignalEvent:
    """A leadership event whose every web-sourced field carries HOSTILE."""
    return SignalEvent(
        type="leadership", change="appointed", source="wire", source_kind="rss", source_id="contract-hostile-1",
        url="https://news.example.com/acme-cro", title=f"{HOSTILE} names a new CRO", summary=f"Press release: {HOSTILE}",
        occurred_at=now, detected_at=now, company_name=HOSTILE,
        attributes={"person": HOSTILE, "title": f"Chief Revenue Officer {HOSTILE}", "function": "sales", "seniority": "c_level"},
        dedupe_key=make_dedupe_key("contract", "hostile", 1), account_id=1, match_confidence=1.0, match_method="domain",
    )


def hostile_payload(event: SignalEvent) -> dict[str, Any]:
    """The alert payload the engine would build for `event` under the bundled new-revenue-leader rule."""
    ruleset = load_ruleset(Path(signalwatch.bundled_rules.__file__).parent)
    rule = next(r for r in ruleset.rules if r.id == "new-revenue-leader")
    account = Account(id=1, name="Acme", domain="acme.com", owner_email="ann@example.com", industry="Software", employees=400)
    parts = context(account_part(account, ruleset.icp.fit(account)), event_part(event, account), heat=8.0)
    return compose(rule_part(rule), parts, rule.angle, rule.priority, evidence=[])


def enqueue_alert(store: Store, sink: str, target: str | None, now: datetime) -> None:
    """The hostile event and one outbox row for (sink, target), as a poll's transaction stores them."""
    event = hostile_event(now)
    payload = hostile_payload(event)
    commit(store, "contract", [event], {}, now, drafts=lambda new: [
        AlertDraft(make_dedupe_key("alert", e.dedupe_key, sink, target), "new-revenue-leader", 1, e.dedupe_key, sink, target,
                   str(payload["priority"]), payload) for e in new])


@dataclass
class SinkRig:
    """One sink's config block and the stand-in remote behind it."""

    config: dict[str, Any]  # the sink's block under `sinks:`, enabled, pointing at the stand-in
    secrets: dict[str, str]  # environment the sink may read
    target: str | None  # a route's channel / CRM action
    surfaces: Callable[[], list[Surface]]  # every text that reached the remote
    deliveries: Callable[[], int]  # alerts the remote holds
    stream: io.StringIO = field(default_factory=io.StringIO)

    def build(self, name: str) -> Sink:
        """The sink as the application builds it: validated config, secrets by name, the output stream."""
        cls = SINKS[name]
        return cls.from_config(cls.Config.model_validate(self.config), self.secrets.get, self.stream)


@dataclass(frozen=True)
class SinkCase:
    """A sink recipe: how to wire it, and whether its remote lets a second send of one alert key be a no-op."""

    rig: Callable[[ExitStack], SinkRig]
    dedupes_sends: bool


def slack_surfaces(messages: Sequence[Mapping[str, Any]]) -> list[Surface]:
    """The fallback text (mrkdwn) and every text object of every block, with its type."""
    found: list[Surface] = []

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
                found.append(("mrkdwn" if node["type"] == "mrkdwn" else "plain", node["text"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for message in messages:
        found.append(("mrkdwn", str(message["text"])))
        walk(message["blocks"])
    return found


def console_rig(stack: ExitStack) -> SinkRig:
    stream = io.StringIO()
    return SinkRig({"enabled": True}, {}, None, lambda: [("plain", stream.getvalue())],
                   lambda: stream.getvalue().count("  What:"), stream)


def slack_rig(stack: ExitStack) -> SinkRig:
    fake = stack.enter_context(FakeSlack(token=SLACK_TOKEN))
    config = {"enabled": True, "base_url": fake.base_url, "default_channel": "#sales-signals", "timeout": 5}
    return SinkRig(config, {"SLACK_BOT_TOKEN": SLACK_TOKEN}, "#sales-signals", lambda: slack_surfaces(fake.messages),
                   lambda: len(fake.messages))


def hubspot_rig(stack: ExitStack) -> SinkRig:
    fake = stack.enter_context(FakeHubSpot(token=HUBSPOT_TOKEN))
    fake.add_owner("ann@example.com")
    fake.add_company("Acme Corp", "acme.com")

    def surfaces() -> list[Surface]:
        tasks = [(medium, task["properties"][prop]) for task in fake.live("tasks")
                 for medium, prop in (("plain", "hs_task_subject"), ("html", "hs_task_body"))]
        return tasks + [("html", note["properties"]["hs_note_body"]) for note in fake.live("notes")]

    # The fake has no search rate limit; HubSpot's (4/s by default) would only make the suite wait.
    config = {"enabled": True, "host": fake.host, "timeout": 5, "search_per_second": 100}
    return SinkRig(config, {"HUBSPOT_ACCESS_TOKEN": HUBSPOT_TOKEN}, "task+note", surfaces,
                   lambda: len(fake.live("tasks")) + len(fake.live("notes")))


def salesforce_rig(stack: ExitStack) -> SinkRig:
    fake = stack.enter_context(FakeSalesforce(SF_FIXTURES / "loopback-cert.pem", SF_FIXTURES / "loopback-key.pem"))
    owner = fake.add("User", Email="ann@example.com")
    fake.add("Account", Name="Acme", Website="http://acme.com", OwnerId=owner)

    def surfaces() -> list[Surface]:
        return [("plain", str(task[name])) for task in fake.records["Task"].values() for name in ("Subject", "Description")]

    config = {"enabled": True, "instance_url": fake.instance_url, "ca_bundle": str(SF_FIXTURES / "loopback-cert.pem"), "timeout": 5}
    return SinkRig(config, {"SALESFORCE_ACCESS_TOKEN": fake.token}, "task", surfaces, lambda: len(fake.records["Task"]))


SINK_CASES: dict[str, SinkCase] = {
    "console": SinkCase(console_rig, dedupes_sends=False),
    "slack": SinkCase(slack_rig, dedupes_sends=False),  # chat.postMessage has no idempotency key; confirm settles crashes
    "hubspot": SinkCase(hubspot_rig, dedupes_sends=True),
    "salesforce": SinkCase(salesforce_rig, dedupes_sends=True),
}


@pytest.fixture
def rig(name: str) -> Iterator[SinkRig]:
    """The rig of the sink named by the test's `name` parameter; its fake remote stops afterwards."""
    with ExitStack() as stack:
        yield SINK_CASES[name].rig(stack)


class Clock:
    """Injected time for the delivery loop: sleeping advances it instantly."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
