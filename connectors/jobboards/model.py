"""Provider-neutral job postings, board references and the small text helpers parsers share."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, NamedTuple

from signalwatch.http import FetchError

__all__ = [
    "Posting", "Provider", "BoardRef", "BoardFormatError", "parse_board", "html_to_text", "load_json",
    "parse_datetime", "expect", "json_items", "text_or_none", "DESCRIPTION_CHARS", "Wanted", "complete",
    "collapse_spaces",
]

DESCRIPTION_CHARS = 20_000  # enough for technology mentions; bounds memory on huge ads

_BOARD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class BoardFormatError(FetchError):
    """A board answered, but not with the document its provider documents (HTML, bad JSON/XML)."""


class Posting(NamedTuple):
    """One open role as a provider lists it, reduced to what hiring signals need.

    The description is kept as the provider sent it (`markup`, of `markup_kind` "html",
    "escaped_html" or "text") and turned into text only when asked for: most roles on a
    board are already known and their text is never needed. "visible" is text already turned
    into what `description` returns (a poll keeps only the start of a new role's text, see
    `settle`). A named tuple: a 2,000-board
    poll builds some 200,000 of these, and a tuple is built in a third of the time of a
    frozen dataclass and is half its size.
    """

    job_id: str
    title: str
    url: str | None = None
    department: str | None = None
    location: str | None = None
    remote: bool | None = None
    published_at: datetime | None = None
    markup: str = ""
    markup_kind: str = "html"

    @property
    def description(self) -> str:
        """The visible text of the description, whitespace-collapsed and capped (computed on each
        call: only new roles are asked, once or twice)."""
        if self.markup_kind == "visible":
            return self.markup
        if self.markup_kind == "text":
            return collapse_spaces(self.markup)[:DESCRIPTION_CHARS]
        return html_to_text(self.markup, escaped=self.markup_kind == "escaped_html")


Wanted = Callable[[str], bool] | None
"""Which roles (by job id) a parser completes with link, date and description; None: every role.

The others carry only what a snapshot row needs (id, title, department, location, remote): a
poll needs the rest for new roles only, and reading dates, links and descriptions of the tens
of thousands of roles it already knew took two thirds of the time spent building postings
(beyond decoding the JSON) in a first poll of 200 boards."""


def complete(wanted: Wanted, job_id: str) -> bool:
    """Whether the role `job_id` is parsed complete under `wanted`."""
    return wanted is None or wanted(job_id)


@dataclass(frozen=True)
class Provider:
    """A job-board API: where a board lives, how its body parses, and how to page it.

    `url` is a template with `{id}` (and `{tld}` when the board may live under one of
    several hosts, tried in the order of `tlds`); `parse(pages)` receives every page body of
    one board in order; `next_page(body, url)` returns the next page URL or None
    (single-page APIs leave it unset; `parse(pages, wanted)` completes only the roles
    `wanted` picks, see `Wanted`); `job_url` (with `{id}` and `{job_id}`) links roles
    whose body gives no URL. A provider whose listing carries no descriptions names where
    one role's detail lives (`detail_url(list_url, job_id)`) and how it completes the
    listed posting (`parse_detail(body, posting)`); details are fetched for new roles only.
    """

    name: str
    url: str
    parse: Callable[[list[bytes], Wanted], list[Posting]]
    next_page: Callable[[bytes, str], str | None] | None = None
    job_url: str | None = None
    tlds: tuple[str, ...] = ()
    detail_url: Callable[[str, str], str] | None = None
    parse_detail: Callable[[bytes, Posting], Posting] | None = None


@dataclass(frozen=True)
class BoardRef:
    """A board named by an account as "provider:id", e.g. "greenhouse:acme"."""

    provider: str
    board_id: str

    @property
    def key(self) -> str:
        return f"{self.provider}:{self.board_id}"


def parse_board(text: str, known: set[str] | frozenset[str]) -> BoardRef:
    """Parse "provider:id"; ValueError with a readable reason when it is not one we can poll.

    The id goes into a URL path or host name, so only slug characters are accepted.
    """
    provider, sep, board_id = text.strip().partition(":")
    provider = provider.strip().lower()
    board_id = board_id.strip()
    if not sep or not board_id:
        raise ValueError(f"board {text!r} is not of the form provider:id (e.g. greenhouse:acme)")
    if provider not in known:
        raise ValueError(f"board {text!r}: unknown provider {provider!r}; known: {', '.join(sorted(known))}")
    if not _BOARD_ID.match(board_id):
        raise ValueError(f"board {text!r}: id may hold only letters, digits, '.', '_' and '-'")
    return BoardRef(provider, board_id)


_TAG = re.compile(r"<[^>]*>")


def collapse_spaces(text: str) -> str:
    """`text` with each run of whitespace turned into one space, and none at either end.

    What ``re.sub(r"\\s+", " ", text).strip()`` returns (both split on exactly the characters
    `str.isspace` names), in a quarter of the time: a new role's ~2 KB description is collapsed
    once per poll, and a poll of 2,000 changed boards has some 9,000 of them."""
    return " ".join(text.split())


def html_to_text(markup: str | None, *, escaped: bool = False) -> str:
    """Visible text of an HTML fragment; `escaped` for bodies that entity-escape their HTML (Greenhouse)."""
    if not markup:
        return ""
    if escaped:
        markup = html.unescape(markup)
    return collapse_spaces(html.unescape(_TAG.sub(" ", markup)))[:DESCRIPTION_CHARS]


def load_json(body: bytes, what: str) -> Any:
    """Decode a JSON body; BoardFormatError naming what came instead (an HTML page, say)."""
    try:
        return json.loads(body)
    except ValueError:
        snippet = body[:60].decode("utf-8", "replace").strip()
        kind = "HTML" if snippet.lstrip().lower().startswith(("<!doctype", "<html", "<")) else "a non-JSON body"
        raise BoardFormatError(f"expected {what} JSON, got {kind}: {snippet!r}") from None


def json_items(pages: list[bytes], what: str, key: str | None) -> Iterator[dict[str, Any]]:
    """The job objects of every page: the list under `key`, or the body itself when `key` is None."""
    for body in pages:
        document = load_json(body, what)
        items = document if key is None else (document.get(key) if isinstance(document, dict) else None)
        if not isinstance(items, list):  # the reason is built here only: str() of a whole board is milliseconds
            detail = f"no {key!r} list" if key else f"expected a list, got {str(document)[:80]!r}"
            raise BoardFormatError(f"unexpected {what} document: {detail}")
        yield from items


def expect(condition: bool, what: str, detail: str) -> None:
    """Raise BoardFormatError unless the decoded document has the documented shape."""
    if not condition:
        raise BoardFormatError(f"unexpected {what} document: {detail}")


def parse_datetime(value: Any) -> datetime | None:
    """ISO 8601 strings, epoch milliseconds and "2026-09-01 10:00:00 UTC" to UTC datetimes; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10_000_000_000 else value
        return datetime.fromtimestamp(seconds, timezone.utc)
    text = str(value).strip()
    if text.endswith(" UTC"):
        text = text[:-4] + "+00:00"
    text = text.replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed.astimezone(timezone.utc)


def text_or_none(value: Any) -> str | None:
    """A stripped string, or None for missing/empty values."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
