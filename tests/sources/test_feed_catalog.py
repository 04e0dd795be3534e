"""The feed catalog, `signalwatch sources list|add`, and the starter config `init` writes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from signalwatch.cli import main
from signalwatch.config import load_settings
from signalwatch.connectors import REGISTRY
from signalwatch.templates.catalog import TOPICS, add_source, load_catalog, source_entry

TEMPLATE = Path(__file__).resolve().parents[2] / "signalwatch" / "templates" / "signalwatch.yaml"


def test_the_catalog_covers_every_topic_with_unique_https_feeds() -> None:
    feeds = load_catalog()
    assert {feed.topic for feed in feeds} == set(TOPICS)
    assert len({feed.name for feed in feeds}) == len(feeds) and len({feed.url for feed in feeds}) == len(feeds)
    assert all(urlsplit(feed.url).scheme == "https" and urlsplit(feed.url).netloc for feed in feeds)
    assert len({feed.region for feed in feeds if feed.topic == "regional"}) >= 5


def test_init_starts_with_the_catalogs_default_feeds_and_shows_every_source_type(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    settings = load_settings(tmp_path / "signalwatch.yaml")
    rss = {s.name: s.option_values["url"] for s in settings.sources if s.type == "rss" and s.enabled}
    assert rss == {feed.name: feed.url for feed in load_catalog() if feed.default}
    # Every other source type is shown as an entry one switches on by deleting its "#"s.
    config = tmp_path / "signalwatch.yaml"
    lines = config.read_text().splitlines()
    config.write_text("\n".join(line[:2] + line[3:] if re.match(r"^  #(-|  )", line) else line for line in lines))
    assert {s.type for s in load_settings(config).sources} == set(REGISTRY)


def test_sources_add_appends_a_feed_and_keeps_the_files_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path)]) == 0
    config = tmp_path / "signalwatch.yaml"
    before = config.read_text()
    assert main(["-c", str(config), "sources", "add", "betakit", "techcabal", "--interval", "1h"]) == 0
    after = config.read_text()
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == [
        line for line in after.splitlines() if line.lstrip().startswith("#") and "(regional," not in line]
    added = {s.name: s for s in load_settings(config).sources}
    assert added["betakit"].option_values["url"] == "https://betakit.com/feed/" and added["techcabal"].enabled
    assert added["betakit"].interval is not None and added["betakit"].interval.total_seconds() == 3600
    capsys.readouterr()
    assert main(["-c", str(config), "sources", "add", "betakit"]) == 0
    assert "already in" in capsys.readouterr().out and config.read_text() == after
    assert main(["-c", str(config), "sources", "add", "no-such-feed"]) == 1
    assert "not in the catalog" in capsys.readouterr().err
    assert main(["-c", str(config), "sources", "add", "betakt"]) == 1
    assert "not in the catalog: betakt (did you mean 'betakit'?)" in capsys.readouterr().err
    assert main(["-c", str(config), "sources", "list", "--topic", "regional"]) == 0
    listing = capsys.readouterr().out
    assert "[x] betakit" in listing and "[ ] inc42" in listing and "funding:" not in listing


@pytest.mark.parametrize("text", ["database: x.db\n", "database: x.db\nsources: []\nlog_level: INFO\n",
                                  "sources:\n  - name: a\n    type: rss\n    url: https://a.example/feed\n\nlog_level: INFO\n"])
def test_a_source_is_added_whatever_shape_the_sources_list_has(text: str) -> None:
    feed = next(feed for feed in load_catalog() if feed.name == "inc42")
    result = yaml.safe_load(add_source(text, source_entry(feed)))
    assert result["sources"][-1] == {"name": "inc42", "type": "rss", "url": "https://inc42.com/feed/", "interval": "30m"}
    assert result.get("log_level", "INFO") == "INFO"
