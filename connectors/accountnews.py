"""Per-account news: one news-search feed per target account, so coverage follows the account list.

The feed URL comes from a template (no search vendor is built in), with the account's values
URL-encoded::

    url_template: "https://news.google.com/rss/search?q={query}&hl=en-US&gl=US&ceid=US:en"

    {name}     the account name                       Acme Robotics
    {domain}   its domain (empty when it has none)    acme.com
    {aliases}  its aliases, quoted, joined by OR      "Acme" OR "Acme Corp"
    {query}    the name and aliases, quoted, OR-ed     "Acme Robotics" OR "Acme"

Accounts are spread over `cycle` instead of searched in a burst: each poll searches the
share of accounts that the time since the last poll is of the cycle (at least one, at most
`max_per_poll`), the longest-unsearched first, so 5,000 accounts and a 24 h cycle mean about
50 searches per 15-minute poll. The shared HTTP client paces requests per host and a search
is a conditional GET (its ETag / Last-Modified are kept per account).

Items go through the same extraction as any news feed (`rss.news_events`). The event names
the company the text names, never the searched account: the account index ties it to an
account only when the matcher agrees, so a search for "Notion" that returns an article about
notions ties nothing to Notion. `attributes["searched_account"]` records whose search found it.

State: the one-row cursor holds the time of the last poll; one cursor part per account
(key "account:17") holds the head ``{"polled", "searched", "etag", "last_modified"}`` (read
every poll; `polled` is the last try, `searched` whether a search ever succeeded) and the body
``{"seen": [item ids]}`` (read only for the accounts searched). An account's first successful
search is its baseline: what the feed lists then was published before we watched it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from pydantic import Field, field_validator

from signalwatch.accounts import Account
from signalwatch.connectors.base import (
    Connector,
    ConnectorOptions,
    FetchContext,
    Fetched,
    Normalized,
    PartWrite,
)
from signalwatch.connectors.rss import entry_id, inline_title, news_events, parse_feed, parse_unseen
from signalwatch.events import SignalEvent
from signalwatch.http import FetchError
from signalwatch.timeutil import coerce_duration

__all__ = ["AccountNewsConnector", "AccountNewsOptions", "search_url", "due_accounts", "SEEN_LIMIT"]

SEEN_LIMIT = 300  # item ids remembered per account; a search feed lists about 100
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_FIELDS = {"name", "domain", "aliases", "query"}
_PART = "account:"


class AccountNewsOptions(ConnectorOptions):
    url_template: str = Field(description="news-search feed URL with {name}, {domain}, {aliases} or {query}")
    cycle: timedelta = Field(default=timedelta(hours=24), description="every account is searched once per cycle")
    max_per_poll: int = Field(default=200, ge=1, le=10_000, description="searches one poll makes at most")
    max_age: timedelta = Field(default=timedelta(days=14), description="ignore items older than this")

    _duration = field_validator("cycle", "max_age", mode="before")(coerce_duration)

    @field_validator("url_template")
    @classmethod
    def _template(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("url_template must be an http(s) URL")
        names = set(_PLACEHOLDER.findall(value))
        if unknown := names - _FIELDS:
            raise ValueError(f"url_template: unknown placeholder(s) {sorted(unknown)}; known: {sorted(_FIELDS)}")
        if not names & {"name", "query", "domain"}:
            raise ValueError("url_template needs {name}, {query} or {domain}: otherwise every account gets the same feed")
        return value


def search_url(template: str, account: Account) -> str:
    """The account's search feed URL: the template with each placeholder URL-encoded."""
    aliases = [a for a in account.aliases if a.strip() and a.strip().lower() != account.name.strip().lower()]
    values = {
        "name": account.name.strip(),
        "domain": account.domain or "",
        "aliases": " OR ".join(f'"{a.strip()}"' for a in aliases),
        "query": " OR ".join(f'"{term.strip()}"' for term in [account.name, *aliases]),
    }
    return _PLACEHOLDER.sub(lambda match: quote(values[match.group(1)], safe=""), template)


def due_accounts(
    accounts: Sequence[Account], heads: Mapping[str, Mapping[str, Any]], *, now: datetime,
    last_poll: datetime | None, cycle: timedelta, default_interval: timedelta, limit: int,
) -> list[Account]:
    """The accounts this poll searches: the elapsed share of the cycle, longest-unsearched first.

    Never-searched accounts come first, in a fixed order drawn from their id (so a thousand new
    accounts are worked through over the cycle, not by import order)."""
    if not accounts:
        return []
    elapsed = (now - last_poll) if last_poll is not None else default_interval
    share = max(elapsed, timedelta(0)) / cycle
    count = min(limit, len(accounts), max(1, math.ceil(len(accounts) * share)))

    def order(account: Account) -> tuple[int, str, str]:
        polled = (heads.get(_key(account.id)) or {}).get("polled")
        spread = hashlib.blake2b(str(account.id).encode(), digest_size=8).hexdigest()
        return (0, "", spread) if polled is None else (1, str(polled), spread)

    return sorted(accounts, key=order)[:count]


class AccountNewsConnector(Connector):
    """A news-search feed per account; see the module docstring."""

    kind = "account_news"
    Options = AccountNewsOptions
    default_interval = timedelta(minutes=15)
    options: AccountNewsOptions

    def fetch(self, ctx: FetchContext) -> Fetched:
        heads = ctx.parts.heads
        last = ctx.cursor.get("last_poll")
        chosen = due_accounts(
            ctx.accounts, heads, now=ctx.now, last_poll=datetime.fromisoformat(last) if last else None,
            cycle=self.options.cycle, default_interval=self.default_interval, limit=self.options.max_per_poll,
        )
        bodies = ctx.parts.bodies(_key(account.id) for account in chosen)
        results: list[dict[str, Any]] = []
        errors: dict[str, str] = {}
        for account in chosen:
            head = heads.get(_key(account.id)) or {}
            url = search_url(self.options.url_template, account)
            result: dict[str, Any] = {"account_id": account.id, "url": url, "status": "failed"}
            try:
                response = ctx.http.get(url, etag=head.get("etag"), last_modified=head.get("last_modified"))
                if response.status == 304:
                    result["status"] = "not_modified"
                else:
                    parse_feed(response.content, url)  # an unreadable feed is this account's error, not the poll's
                    result.update(status="ok", body=response.content, etag=response.etag,
                                  last_modified=response.last_modified)
            except FetchError as exc:
                errors[f"{account.name} (account {account.id})"] = str(exc)
            results.append(result)
        return Fetched(cursor=ctx.cursor, items=results, errors=errors, part_heads=heads, part_bodies=bodies,
                       state={"accounts": sorted(account.id for account in ctx.accounts)})

    def normalize(self, fetched: Fetched, now: datetime) -> Normalized:
        known = {_key(account_id) for account_id in fetched.state.get("accounts", [])}
        writes: dict[str, PartWrite | None] = {key: None for key in fetched.part_heads if key not in known}
        events: list[SignalEvent] = []
        for result in fetched.items:
            key = _key(result["account_id"])
            head = dict(fetched.part_heads.get(key) or {})
            baseline = not head.get("searched")
            head["polled"] = now.isoformat()
            if result["status"] != "ok":  # unchanged, or failed: in line again after every other account
                writes[key] = PartWrite(head)
                continue
            head.update(searched=True, etag=result.get("etag"), last_modified=result.get("last_modified"))
            seen: list[str] = list((fetched.part_bodies.get(key) or {}).get("seen", []))
            seen_set = set(seen)
            for entry in parse_unseen(result["body"], seen_set, result["url"]):
                item_id = entry_id(entry)
                if item_id in seen_set:
                    continue
                seen.append(item_id)
                seen_set.add(item_id)
                if not baseline:
                    events.extend(self._events(entry, item_id, result["account_id"], now))
            writes[key] = PartWrite(head, {"seen": seen[-SEEN_LIMIT:]})
        return Normalized(events=events, cursor={"last_poll": now.isoformat()}, parts=writes)

    def backfill(self, ctx: FetchContext, since: datetime) -> tuple[list[SignalEvent], dict[str, str]] | None:
        """Each account's search, unconditionally, and its items published since `since`."""
        events: list[SignalEvent] = []
        errors: dict[str, str] = {}
        for account in ctx.accounts:
            url = search_url(self.options.url_template, account)
            try:
                entries = parse_feed(ctx.http.get(url).content, url)
            except FetchError as exc:
                errors[f"{account.name} (account {account.id})"] = str(exc)
                continue
            for entry in entries:
                events.extend(news_events(entry, entry_id(entry), ctx.now, source=self.source_name, kind=self.kind,
                                          max_age=max(ctx.now - since, timedelta(0)), title=search_title(entry),
                                          attributes={"searched_account": account.id}))
        return events, errors

    def _events(self, entry: Any, item_id: str, account_id: int, now: datetime) -> list[SignalEvent]:
        return news_events(entry, item_id, now, source=self.source_name, kind=self.kind, max_age=self.options.max_age,
                           title=search_title(entry), attributes={"searched_account": account_id})


def search_title(entry: Any) -> str:
    """The headline without the " - Publisher" that news-search feeds append to it."""
    title = inline_title(entry)
    source = entry.get("source") or {}
    publisher = str(source.get("title") or "").strip() if isinstance(source, Mapping) else ""
    if publisher and title.endswith(f" - {publisher}"):
        return title[: -len(publisher) - 3].rstrip()
    return title


def _key(account_id: int) -> str:
    return f"{_PART}{account_id}"

