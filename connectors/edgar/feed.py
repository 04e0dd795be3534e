"""EDGAR's "current filings" Atom feed: entry parsing, and paging until a known accession.

An entry looks like::

    <entry>
      <title>D - Acme Robotics, Inc. (0001234567) (Filer)</title>
      <link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/1234567/000123456726000001/0001234567-26-000001-index.htm"/>
      <summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2026-11-20 &lt;b&gt;AccNo:&lt;/b&gt; 0001234567-26-000001 &lt;b&gt;Size:&lt;/b&gt; 5 KB
        &lt;br&gt;Item 5.02: Departure of Directors ...</summary>
      <updated>2026-11-20T16:31:02-05:00</updated>
      <category scheme="https://www.sec.gov/" label="form type" term="D"/>
      <id>urn:tag:sec.gov,2008:accession-number=0001234567-26-000001</id>
    </entry>

A filing with several parties appears once per party (Filer, Subject, Issuer, Reporting,
Filed by); we keep one entry per accession number. Form names can hold spaces ("DEF 14A",
"SCHEDULE 13D/A", "S-8 POS"), and the feed's `type=` filter is a prefix match (`type=D`
also lists DEF 14A and DEFA14A, `type=8-K` lists 8-K/A): the connectors pick their forms
from every entry, and a page of other forms is still a page the pager reads past.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlencode

import feedparser

from signalwatch.http import FetchError

__all__ = ["FeedEntry", "parse_feed", "feed_url", "FeedParseError"]

_TITLE = re.compile(r"^\s*(?P<form>\S.*?)\s+-\s+(?P<name>.*?)\s+\((?P<cik>\d{10})\)\s*\((?P<role>[^)]*)\)\s*$")
_ACCESSION = re.compile(r"\b(\d{10}-\d{2}-\d{6})\b")
_ITEM = re.compile(r"Item\s+(\d{1,2}\.\d{2})")
_ROLE_ORDER = {"Filer": 0, "Issuer": 1, "Subject": 2, "Reporting": 3}


class FeedParseError(FetchError):
    """The EDGAR feed body is not a readable Atom feed."""


@dataclass(frozen=True)
class FeedEntry:
    """One filing as the feed lists it. Plain strings only, so it can live in a cursor."""

    accession: str
    form: str
    company: str
    cik: str
    index_url: str
    updated: str  # ISO 8601, UTC
    items: tuple[str, ...] = ()  # 8-K item numbers from the summary, e.g. ("5.02", "9.01")
    role: str = "Filer"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "items": list(self.items)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeedEntry:
        return cls(**{**data, "items": tuple(data.get("items", ()))})

    @property
    def updated_at(self) -> datetime:
        return datetime.fromisoformat(self.updated)


def feed_url(base_url: str, form: str, start: int, count: int) -> str:
    """The getcurrent Atom URL for one page of `form` filings."""
    query = urlencode(
        {"action": "getcurrent", "type": form, "company": "", "dateb": "", "owner": "include",
         "start": start, "count": count, "output": "atom"}
    )
    return f"{base_url}/cgi-bin/browse-edgar?{query}"


def parse_feed(body: bytes) -> list[FeedEntry]:
    """Entries of one feed page, newest first, one per accession number."""
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        snippet = body[:80].decode("utf-8", "replace").strip()
        raise FeedParseError(f"EDGAR feed is not Atom: {snippet!r}")
    reason = str(parsed.get("bozo_exception") or "")
    if parsed.get("bozo") and ("unclosed token" in reason or "no element found" in reason):
        # A page cut off in transfer: its entries up to the cut would move the cursor past the rest.
        raise FeedParseError(f"EDGAR feed is truncated: {reason}")
    best: dict[str, FeedEntry] = {}
    order: list[str] = []
    for raw in parsed.entries:
        entry = _entry(raw)
        if entry is None:
            continue
        known = best.get(entry.accession)
        if known is None:
            order.append(entry.accession)
        if known is None or _ROLE_ORDER.get(entry.role, 9) < _ROLE_ORDER.get(known.role, 9):
            best[entry.accession] = entry
    return [best[accession] for accession in order]


def _entry(raw: Any) -> FeedEntry | None:
    title = " ".join(str(raw.get("title", "")).split())
    match = _TITLE.match(title)
    accession = _ACCESSION.search(str(raw.get("id", ""))) or _ACCESSION.search(str(raw.get("summary", "")))
    updated = dict.get(raw, "updated_parsed") or dict.get(raw, "published_parsed")  # stored values, no feedparser fallback
    if not match or not accession or not updated or not raw.get("link"):
        return None  # not a filing entry we can act on; skipping beats guessing
    tags = raw.get("tags") or []
    form = str(tags[0].get("term") or match["form"]) if tags else match["form"]
    when = datetime.fromtimestamp(calendar.timegm(updated), timezone.utc)
    items = tuple(dict.fromkeys(_ITEM.findall(str(raw.get("summary", "")))))
    return FeedEntry(
        accession=accession.group(1),
        form=form.strip(),
        company=match["name"],
        cik=match["cik"],
        index_url=str(raw["link"]),
        updated=when.isoformat(),
        items=items,
        role=match["role"].strip(),
    )
