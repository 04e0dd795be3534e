"""RSS/Atom news feeds: conditional GET of one feed; funding, leadership, acquisition and layoff events from each item.

An acquisition is a trigger for both companies: one event for the target (as extracted) and one
for the acquirer, each with `attributes["role"]` ("target"/"acquirer") and its own dedupe key.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta, timezone
from typing import Any

import feedparser
from bs4 import BeautifulSoup
from pydantic import Field, field_validator

from signalwatch.connectors.base import (
    Connector,
    ConnectorOptions,
    FetchContext,
    Fetched,
    Normalized,
)
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract.model import EVENT_SUMMARY_LIMIT, triggers
from signalwatch.http import FetchError, HttpUrlText
from signalwatch.timeutil import coerce_duration

__all__ = [
    "RssConnector", "RssOptions", "FeedParseError", "parse_feed", "parse_unseen", "unseen_only", "entry_id", "entry_time", "plain_text", "news_events",
    "inline_title",
]

SEEN_LIMIT = 2000  # entry ids remembered between polls; feeds rarely carry more than 100
# Inline markup some feeds put in titles (<b>Initech</b> raises…). Only real tags go:
# text such as "<!channel>" stays, to be shown (escaped) rather than silently dropped.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|br|code|em|font|i|mark|p|small|span|strong|sub|sup|u)\b[^<>]*>", re.IGNORECASE)


class FeedParseError(FetchError):
    """The body is not a feed we can read."""


class RssOptions(ConnectorOptions):
    url: HttpUrlText = Field(description="feed URL (RSS 2.0, RSS 1.0 or Atom)")
    max_age: timedelta = Field(default=timedelta(days=14), description="ignore items older than this")

    _duration = field_validator("max_age", mode="before")(coerce_duration)


class RssConnector(Connector):
    """One news feed. Items are classified by `signalwatch.extract.extract_news`."""

    kind = "rss"
    Options = RssOptions
    default_interval = timedelta(minutes=15)
    options: RssOptions

    def fetch(self, ctx: FetchContext) -> Fetched:
        response = ctx.http.get(
            self.options.url,
            etag=ctx.cursor.get("etag"),
            last_modified=ctx.cursor.get("last_modified"),
        )
        if response.status == 304:
            return Fetched(cursor=ctx.cursor, not_modified=True)
        state = {"etag": response.etag, "last_modified": response.last_modified}
        return Fetched(cursor=ctx.cursor, items=[response.content], state=state)

    def normalize(self, fetched: Fetched, now: datetime) -> Normalized:
        cursor = {**fetched.cursor, **fetched.state}
        if fetched.not_modified:
            return Normalized(events=[], cursor=cursor)
        seen: list[str] = list(fetched.cursor.get("seen", []))
        seen_set = set(seen)
        events: list[SignalEvent] = []
        for body in fetched.items:
            for entry in parse_unseen(body, seen_set, self.options.url):
                item_id = entry_id(entry)
                if item_id in seen_set:
                    continue
                seen.append(item_id)
                seen_set.add(item_id)
                events.extend(self._events(entry, item_id, now))
        cursor["seen"] = seen[-SEEN_LIMIT:]
        return Normalized(events=events, cursor=cursor)

    def _events(self, entry: Any, item_id: str, now: datetime) -> list[SignalEvent]:
        return news_events(entry, item_id, now, source=self.source_name, kind=self.kind, max_age=self.options.max_age)


def news_events(
    entry: Any, item_id: str, now: datetime, *, source: str, kind: str, max_age: timedelta,
    title: str | None = None, attributes: dict[str, Any] | None = None,
) -> list[SignalEvent]:
    """The events of one feed item (none when it is older than `max_age` or states no trigger).

    `title` replaces the item's own (a news-search feed appends " - Publisher"); `attributes`
    are added to every event's (e.g. which account's search found it)."""
    occurred = entry_time(entry) or now
    if occurred > now:  # a wrong clock or a typo ("9999") must not keep an item fresh forever
        occurred = now
    if now - occurred > max_age:
        return []
    if title is None:
        title = inline_title(entry)
    summary = plain_text(str(entry.get("summary", "")))
    events = []
    keys: set[str] = set()
    for company, found_attributes, found in triggers(extract_news(title, summary)):
        events.append(
            SignalEvent(
                type=found.type,
                change=found.change,
                source=source,
                source_kind=kind,
                source_id=item_id,
                url=entry.get("link"),
                title=title,
                summary=summary[:EVENT_SUMMARY_LIMIT],
                occurred_at=occurred,
                detected_at=now,
                company_name=company,
                attributes={**found_attributes, **(attributes or {})},
                dedupe_key=_dedupe_key(item_id, found, company, found_attributes, keys),
            )
        )
    return events


def _dedupe_key(item_id: str, found: Extraction, company: str | None, attributes: dict[str, Any], keys: set[str]) -> str:
    """The fact's key: item, type, change, company (as before, so stored keys keep their value); the acquirer's
    event adds its role, and a second event with the same parts in one item (two appointments at one company)
    adds what tells it apart (the person)."""
    parts: list[object] = ["news", item_id, found.type, found.change, company]
    if attributes.get("role") == "acquirer":
        parts.append("acquirer")
    key = make_dedupe_key(*parts)
    if key in keys:
        key = make_dedupe_key(*parts, attributes.get("person") or attributes.get("target") or len(keys))
    keys.add(key)
    return key


# A feed lists its last 20-100 items and a poll finds a handful new, yet feedparser's cost grows with
# the document: `unseen_only` cuts the items whose id we have already seen before it parses. It is
# a hint that must never drop an item feedparser would call new, so it is conservative: only a
# complete <item>/<entry> with exactly one plain <guid>/<id> (no entity, markup or CDATA to decode
# differently), and nothing at all when a CDATA section could hide item tags.
_ITEM_SPAN = re.compile(rb"<(item|entry)(?:\s[^<>]*)?>.*?</\1\s*>", re.DOTALL)
_ITEM_ID = re.compile(rb"<(guid|id)(?:\s[^<>]*)?>([^<&]*)</\1\s*>")
_CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_ITEM_TAG = re.compile(rb"</?(?:item|entry)[\s>]")


def unseen_only(body: bytes, seen: set[str]) -> bytes:
    """`body` without the complete items whose id is in `seen` (see above); `body` itself when
    nothing can be cut safely. Parsing the result yields every entry parsing `body` would, less
    entries already seen."""
    if not seen or any(_ITEM_TAG.search(cdata) for cdata in _CDATA.findall(body)):
        return body
    kept: list[bytes] = []
    start = 0
    for item in _ITEM_SPAN.finditer(body):
        ids = _ITEM_ID.findall(item.group(0))
        if len(ids) != 1:
            continue
        try:
            item_id = ids[0][1].decode("utf-8").strip()
        except UnicodeDecodeError:
            continue
        if item_id and item_id in seen:
            kept.append(body[start:item.start()])
            start = item.end()
    if not kept:
        return body
    kept.append(body[start:])
    return b"".join(kept)


_DOCUMENT_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>\s*$")


def parse_unseen(body: bytes, seen: set[str], url: str) -> list[Any]:
    """The entries of `body`, parsing only the items `unseen_only` keeps; the caller still skips
    seen ids. Never stricter than `parse_feed(body)`: a complete document whose every item was
    seen has no new entry, and a cut document that does not parse falls back to the whole one."""
    cut = unseen_only(body, seen)
    if cut is body:
        return parse_feed(body, url)
    if not _ITEM_TAG.search(cut) and _DOCUMENT_END.search(body[-200:]):
        return []
    try:
        return parse_feed(cut, url)
    except FeedParseError:
        return parse_feed(body, url)


def parse_feed(body: bytes, url: str) -> list[Any]:
    parsed = feedparser.parse(body)
    reason = str(parsed.get("bozo_exception") or "")
    if parsed.get("bozo") and ("unclosed token" in reason or "no element found" in reason):
        # A cut-off body: the last item may be partial, so trust none of it; the next poll retries.
        raise FeedParseError(f"{url}: truncated feed ({reason})")
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedParseError(f"{url}: not a readable RSS/Atom feed ({type(reason).__name__}: {reason})")
    if not parsed.get("version") and not parsed.entries:
        raise FeedParseError(f"{url}: not an RSS/Atom document")
    return list(parsed.entries)


def entry_id(entry: Any) -> str:
    return str(entry.get("id") or entry.get("link") or make_dedupe_key(entry.get("title", "")))


def entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        # dict.get: feedparser's own get maps a missing updated_parsed to published_parsed, with a
        # DeprecationWarning; the stored value is what we want.
        value = dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), timezone.utc)
    return None


def inline_title(entry: Any) -> str:
    """The item's title with inline markup dropped and whitespace collapsed."""
    return " ".join(_INLINE_TAG.sub("", str(entry.get("title", ""))).split())


def plain_text(html: str) -> str:
    if "<" not in html:
        return " ".join(html.split())
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
