"""`signalwatch extract`: show what the news extractor reads in items or a feed, one JSON line per item.

Each line is `{"id", "events": [{"type", "change", "company_name", "attributes"}]}`. With
`--explain` every event also carries `"why"`: the rule that decided it and the words it read
("funding.headline: 'Carbon Health raises $28M ...'; completed by funding.summary-sentence 1: ..."),
so a wrong event can be traced to the pattern that produced it. An event the learned detector
decided (the patterns found nothing) also carries `"model"`: its probability and top features, and where
the learned token tagger named a slot, its `"tagger"` spans with their margins and top features.
An item with no event carries `"why_none"`: the screen that passed it over, or the readers that ran.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from signalwatch.extract import Extraction

__all__ = ["register", "run"]


class BadLine(ValueError):
    """One input line that is not a usable item; reported and skipped."""


def register(subparsers: argparse._SubParsersAction) -> None:
    help_text = "print the funding/leadership/acquisition/layoff events found in news items (JSON lines or an RSS/Atom feed)"
    parser = subparsers.add_parser("extract", help=help_text, description=help_text)
    parser.add_argument(
        "file",
        nargs="?",
        help='JSON lines {"id", "title", "summary"}, or an RSS/Atom feed file (detected by content); default: stdin',
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help='add "why" to each event: the rule (pattern and clause), or the learned model\'s features and the tagger\'s '
             'spans, that decided it; and "why_none" to an item without one',
    )
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json: one JSON line per item (default); text: each item's headline and id, then each event in words"
             " (with --explain, why; an item without one says why not), a blank line between items",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.file:
        try:
            stream = open(args.file, "rb")  # closed below: only opening it is a read error
        except OSError as error:
            print(f"signalwatch extract: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
            return 2
        with stream:  # a closed pipe on stdout (`| head`) is not a read error: main() ends quietly
            return _extract_stream(stream, args.file, args.explain, args.format == "text")
    if sys.stdin.isatty():
        print("signalwatch extract: reading news items from the terminal (JSON lines or a feed); end with Ctrl-D", file=sys.stderr)
    return _extract_stream(sys.stdin.buffer, "<stdin>", args.explain, args.format == "text")


def _extract_stream(stream: IO[bytes], name: str, explain: bool = False, text: bool = False) -> int:
    """Print one line per item (`text`: one block); report bad lines on stderr and return 1 if there were any."""
    from signalwatch.extract import extract_news
    from signalwatch.extract.news import why_none

    failures = items = 0
    for number, item in _items(stream, name):
        items += 1
        if isinstance(item, BadLine):
            failures += 1
            print(f"signalwatch extract: {name}:{number}: {item}", file=sys.stderr)
            continue
        events = [_event(found, explain) for found in extract_news(item["title"], item["summary"])]
        line: dict[str, Any] = {"id": item["id"], "events": events}
        if explain and not events:  # why nothing: the screen that passed it over, or what the readers made of it
            line["why_none"] = why_none(item["title"], item["summary"])
        print(_as_text(item["title"], line) if text else json.dumps(line, ensure_ascii=False), flush=False)
    sys.stdout.flush()
    if not items:
        print(f"signalwatch extract: no items in {name}", file=sys.stderr)
    if failures:
        print(f"signalwatch extract: {failures} bad input line(s) skipped", file=sys.stderr)
    return 1 if failures else 0


def _event(found: Extraction, explain: bool) -> dict[str, Any]:
    """The event as `signalwatch extract` prints it; with `explain`, also why it was read so."""
    event = found.to_dict()
    if explain:
        event["why"] = found.why
        if found.model is not None:  # decided by the learned detector: its probability and the features that weighed most
            event["model"] = found.model
    return event


def _as_text(title: str, line: dict[str, Any]) -> str:
    """One item for a person: its headline and id, each event in words (as an alert's "What"
    says it) with its why, or why there is none; a blank line after it."""
    from signalwatch.alerts.render import what_happened

    out = [f"{title}  ({line['id']})" if line["id"] else title]
    for event in line["events"]:
        record = {"event": {"type": event["type"], "change": event["change"], "title": title, "attributes": event["attributes"]}}
        out.append(f"  {event['type']}/{event['change']} · {event['company_name'] or 'company not named'}: {what_happened(record)}")
        acquirer = event["attributes"].get("acquirer") if event["type"] == "acquisition" else None
        if acquirer:
            out.append(f"    also for {acquirer} (the acquirer): the rss source gives both companies the event")
        if event.get("why"):  # the decision, then each reading that completed it, one a line
            first, *rest = str(event["why"]).split("; completed by ")
            out += [f"    why: {first}", *(f"         completed by {part}" for part in rest)]
        if event.get("model"):
            out.append(f"    model: {json.dumps(event['model'], ensure_ascii=False)}")
    if not line["events"]:
        out.append(f"  no event: {line['why_none']}" if line.get("why_none") else "  no event")
    return "\n".join(out) + "\n"


def _items(stream: IO[bytes], name: str) -> Iterator[tuple[int, dict[str, Any] | BadLine]]:
    """(line number, item or error) for JSON lines; a feed is recognised by its first character."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            yield from _feed_items(raw + stream.read(), name, number)
            return
        yield number, _json_item(raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw)  # a BOM, as Windows editors write


def _json_item(raw: bytes) -> dict[str, Any] | BadLine:
    try:
        row = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return BadLine("not UTF-8 text")
    except json.JSONDecodeError as error:
        return BadLine(f"not valid JSON ({error.msg} at column {error.colno})")
    if not isinstance(row, dict):
        return BadLine(f"expected a JSON object with id, title and summary, got {type(row).__name__}")
    title, summary = row.get("title"), row.get("summary", "")
    if not isinstance(title, str):
        return BadLine('"title" is missing or not a string')
    if summary is None:
        summary = ""
    if not isinstance(summary, str):
        return BadLine('"summary" must be a string')
    return {"id": row.get("id"), "title": title, "summary": summary}


def _feed_items(body: bytes, name: str, first_line: int) -> Iterator[tuple[int, dict[str, Any] | BadLine]]:
    from signalwatch.connectors.rss import FeedParseError, entry_id, parse_feed, plain_text

    try:
        entries = parse_feed(body, name)
    except FeedParseError as error:
        yield first_line, BadLine(str(error))
        return
    for entry in entries:
        title = " ".join(str(entry.get("title", "")).split())
        summary = plain_text(str(entry.get("summary", "")))
        yield first_line, {"id": entry_id(entry), "title": title, "summary": summary}
