"""`signalwatch sources list|add`: the shipped catalog of public news feeds, and adding one to the config.

The catalog (signalwatch/templates/feed_catalog.yaml) lists real public feeds by topic
(funding, people moves, M&A, regional startup press, press-wire categories). `add NAME`
appends that feed as an `rss` source to the config file, keeping the file's comments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from signalwatch.cli import command_group

__all__ = ["register", "cmd_list", "cmd_add"]

_TOPICS = ("funding", "people", "mna", "regional", "press-wire")  # signalwatch.templates.catalog.TOPICS


def register(subparsers: argparse._SubParsersAction) -> None:
    sources = command_group(subparsers, "sources", "the catalog of public news feeds: list, add")
    listing = sources.add_parser(
        "list", help="list the catalog's feeds by topic, marking those in the config",
        description="List the public feeds signalwatch ships a catalog of, with topic, region and URL; "
        "[x] marks a feed the config file already polls (same name or URL).",
    )
    listing.add_argument("--topic", choices=_TOPICS, help="only this topic")
    listing.set_defaults(func=cmd_list)
    add = sources.add_parser(
        "add", help="add a catalog feed to the config as an rss source",
        description="Append the named catalog feed to the config file's `sources:` list (comments are kept). "
        "Run `signalwatch rules check` afterwards; the running daemon picks it up on restart.",
    )
    add.add_argument("name", nargs="+", help="catalog feed name(s), e.g. finsmes (see `sources list`)")
    add.add_argument("--interval", default="30m", type=_interval, help="poll interval, e.g. 15m, 2h (default 30m)")
    add.add_argument("--disabled", action="store_true", help="add it with enabled: false")
    add.set_defaults(func=cmd_add)


def _interval(text: str) -> str:
    """`--interval` as it will be written, once the config's own duration parser accepts it: a value
    the config would refuse must not reach the file, where every later command would fail on it."""
    from datetime import timedelta

    from signalwatch.timeutil import parse_duration

    try:
        value = parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value <= timedelta(0):
        raise argparse.ArgumentTypeError(f"must be longer than zero: {text!r}")
    bare = text.strip()
    if bare.replace(".", "", 1).isdigit():  # a bare number is seconds: the config refuses one under a minute
        if value < timedelta(minutes=1):
            raise argparse.ArgumentTypeError(f"{bare} is {bare} seconds: write {bare}m for minutes (or {bare}s if you mean seconds)")
        return f"{bare}s"
    return bare


def _config_path(args: argparse.Namespace) -> Path:
    from signalwatch.config import default_config_path

    return Path(args.config) if args.config else default_config_path()


def cmd_list(args: argparse.Namespace) -> int:
    from signalwatch.templates.catalog import configured_sources, load_catalog

    path = _config_path(args)
    configured = configured_sources(path.read_text(encoding="utf-8")) if path.is_file() else []
    names = {str(entry.get("name")) for entry in configured}
    urls = {str(entry.get("url")) for entry in configured}
    feeds = [feed for feed in load_catalog() if args.topic in (None, feed.topic)]
    width = max((len(feed.name) for feed in feeds), default=0)
    for topic in _TOPICS:
        shown = [feed for feed in feeds if feed.topic == topic]
        if not shown:
            continue
        print(f"{topic}:")
        for feed in shown:
            mark = "x" if feed.name in names or feed.url in urls else " "
            print(f"  [{mark}] {feed.name:<{width}}  {feed.region:<20}  {feed.title}\n        {feed.url}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from signalwatch.templates.catalog import add_source, configured_sources, load_catalog, source_entry
    from signalwatch.yamlload import suggest

    path = _config_path(args)
    if not path.is_file():
        print(f"signalwatch sources add: no config file at {path} (run `signalwatch init` first, or pass -c FILE)",
              file=sys.stderr)
        return 1
    catalog = {feed.name: feed for feed in load_catalog()}
    unknown = [name + suggest(name, catalog) for name in args.name if name not in catalog]
    if unknown:
        print(f"signalwatch sources add: not in the catalog: {', '.join(unknown)} (see `signalwatch sources list`)",
              file=sys.stderr)
        return 1
    text = path.read_text(encoding="utf-8")
    configured = configured_sources(text)
    taken = {str(entry.get("name")) for entry in configured} | {str(entry.get("url")) for entry in configured}
    for name in args.name:
        feed = catalog[name]
        if feed.name in taken or feed.url in taken:
            print(f"{name}: already in {path}")
            continue
        try:
            text = add_source(text, source_entry(feed, enabled=not args.disabled, interval=args.interval))
        except ValueError as exc:
            print(f"signalwatch sources add: {path}: {exc}", file=sys.stderr)
            return 1
        taken |= {feed.name, feed.url}
        print(f"added {name} ({feed.topic}) to {path}")
    path.write_text(text, encoding="utf-8")
    return 0
