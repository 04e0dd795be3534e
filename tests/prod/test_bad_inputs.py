"""A corpus of bad inputs for the RSS connector, all in one run: each bad source shows in `status`
with its reason, the good sources deliver exactly their alerts, nothing crashes."""

from __future__ import annotations

from pathlib import Path

from signalwatch.connectors.base import Fetched
from signalwatch.connectors.rss import RssConnector, RssOptions
from signalwatch.devtools.fixture_server import FixtureServer, Reply, relative_dates
from signalwatch.timeutil import utcnow
from tests.conftest import FIXTURES, Workspace, feed_bytes
from tests.e2e.test_run_once import EXPECTED, received, standard_sources

BAD = FIXTURES / "bad_inputs"


def bad(name: str) -> bytes:
    return (BAD / name).read_bytes()


def status_lines(workspace: Workspace) -> dict[str, str]:
    result = workspace.cli("status")
    return {line.split()[0]: line for line in result.stdout.splitlines()[2:] if line.strip()}


def test_every_bad_input_is_reported_and_the_good_sources_are_unaffected(workspace: Workspace, feeds: FixtureServer, tmp_path: Path) -> None:
    sources = standard_sources(feeds)
    corpus = {
        "truncated": (Reply(feed_bytes("truncated.xml")), "FAILING", "truncated feed"),
        "html-page": (Reply(feed_bytes("html-instead.xml"), content_type="text/html"), "FAILING", "not a"),
        "json-body": (Reply(bad("json-instead.json"), content_type="application/json"), "FAILING", "not a"),
        "sitemap": (Reply(bad("sitemap-not-feed.xml")), "FAILING", "not a"),
        "huge-body": (Reply(b"<rss><channel>" + b"<item>x</item>" * 3_600_000), "FAILING", "bytes"),
        "redirect-loop": (Reply(status=302, headers={"Location": "/redirect-loop.xml"}, conditional=False), "FAILING", "redirect"),
        "slow-drip": (Reply(feed_bytes("funding-rss2.xml"), drip=0.3), "FAILING", "in all at most"),
        "empty-200": (Reply(b""), "FAILING", "not a"),
    }
    for name, (reply, _, _) in corpus.items():
        feeds.route(f"{name}.xml", reply)
        sources.append({"name": name, "type": "rss", "url": feeds.url(f"{name}.xml")})
    # odd but readable feeds: nothing lost, nothing crashes, the source stays healthy
    feeds.route("wrong-types.xml", Reply(bad("wrong-types-rss2.xml")))
    feeds.route("latin1.xml", Reply(bad("latin1-declared-utf8.xml")))
    sources += [{"name": "wrong-types", "type": "rss", "url": feeds.url("wrong-types.xml")},
                {"name": "latin1", "type": "rss", "url": feeds.url("latin1.xml")}]
    workspace.write_config(sources, http={"allow_private_addresses": True, "per_host_interval": 0, "timeout": 2,
                                          "total_timeout": 3, "max_attempts": 1, "user_agent": "signalwatch-test (t@example.com)"})

    result = workspace.cli("run", "--once", timeout=120)
    assert result.returncode == 1, result.stderr  # some sources failed; the run itself did not crash
    assert "Traceback" not in result.stderr
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)

    lines = status_lines(workspace)
    for name, (_, health, reason) in corpus.items():
        assert health in lines[name] and reason in lines[name], lines[name]
    assert len(corpus["huge-body"][0].body) > 50_000_000
    for good in ("funding-news", "people-news", "wrong-types", "latin1"):
        assert " ok " in lines[good], lines[good]
    events = workspace.cli("events", "list", "--limit", "200").stdout
    assert "Société Exemple" in events  # Latin-1 bytes decoded, not dropped


def test_markup_in_a_title_is_read_as_text() -> None:
    now = utcnow()
    connector = RssConnector("wrong-types", RssOptions(url="https://press.example/feed"))
    normalized = connector.normalize(Fetched(cursor={}, items=[relative_dates(bad("wrong-types-rss2.xml"), now)]), now)
    assert [e.company_name for e in normalized.events] == ["Initech"]
