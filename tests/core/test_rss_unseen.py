"""A poll parses only the items it has not seen (`connectors.rss.parse_unseen`), and that must never
lose an item: over every recorded feed in the repository (real EDGAR Atom pages, news-search RSS, RSS
1.0, the demo feeds, a Latin-1 feed that declares UTF-8) and every way of having seen some of its
items, the new entries are exactly those a full parse finds, in the same order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from connectors.rss import FeedParseError, entry_id, parse_feed, parse_unseen, unseen_only

ROOT = Path(__file__).resolve().parents[2]
FEEDS = sorted(
    path for folder in ("tests/fixtures", "signalwatch/demo") for path in (ROOT / folder).rglob("*")
    if path.suffix in (".xml", ".atom", ".rdf") and any(tag in path.read_bytes() for tag in (b"<item", b"<entry"))
)


def _ids(body: bytes) -> list[str]:
    return [entry_id(entry) for entry in parse_feed(body, "https://feeds.example/x")]


@pytest.mark.parametrize("path", FEEDS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_new_entries_are_the_full_parses_less_the_seen(path: Path) -> None:
    body = path.read_bytes()
    try:
        everything = _ids(body)
    except FeedParseError:
        with pytest.raises(FeedParseError):  # a feed that does not parse still does not
            parse_unseen(body, {"x"}, "https://feeds.example/x")
        return
    chance = random.Random(path.name)
    for seen in ([], everything, everything[:1], everything[1:], chance.sample(everything, len(everything) // 2)):
        got = [entry_id(entry) for entry in parse_unseen(body, set(seen), "https://feeds.example/x")]
        assert [i for i in got if i not in seen] == [i for i in everything if i not in seen], seen


def test_a_seen_item_is_not_parsed_again() -> None:
    body = (ROOT / "tests/fixtures/edgar/real/getcurrent-all-start0.atom").read_bytes()
    everything = _ids(body)
    assert len(everything) > 20
    seen = set(everything) - {everything[0]}  # EDGAR lists a filing once per filer: ids repeat
    cut = unseen_only(body, seen)
    assert len(cut) < len(body) / 10  # the seen entries' bytes are gone before feedparser reads them
    assert _ids(cut) == [i for i in everything if i not in seen]


def test_nothing_is_cut_where_the_id_could_read_differently() -> None:
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
           b'<item><title>A</title><guid>https://x.example/a?b=1&amp;c=2</guid></item>'
           b'<item><title>B</title><description><![CDATA[<item>not an item</item>]]></description><guid>b</guid></item>'
           b'</channel></rss>')
    assert unseen_only(rss, {"https://x.example/a?b=1&c=2", "b"}) is rss  # an entity to decode; item tags in CDATA


def test_a_cut_off_feed_whose_items_were_all_seen_is_still_an_error() -> None:
    body = (ROOT / "tests/fixtures/rss/funding-rss2.xml").read_bytes()
    everything = _ids(body)
    cut_off = body[: body.rindex(b"</item>") + len(b"</item>")]  # the channel never closes
    with pytest.raises(FeedParseError, match="truncated"):
        parse_unseen(cut_off, set(everything), "https://feeds.example/x")
