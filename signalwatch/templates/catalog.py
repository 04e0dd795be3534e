"""The shipped catalog of public news feeds (`feed_catalog.yaml`), and adding one to a config file.

A config file is edited as text, not re-dumped from YAML, so an admin's comments and layout
survive `signalwatch sources add`: the new source is inserted at the end of the `sources:`
list (or a `sources:` list is started).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

__all__ = ["CatalogFeed", "load_catalog", "TOPICS", "configured_sources", "add_source", "source_entry"]

TOPICS = ("funding", "people", "mna", "regional", "press-wire")
_TOP_LEVEL_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_SOURCES = re.compile(r"^sources\s*:\s*(?P<rest>.*)$")


@dataclass(frozen=True)
class CatalogFeed:
    """One public feed: a source name, a human title, its topic and region, its URL."""

    name: str
    title: str
    topic: str
    region: str
    url: str
    default: bool = False


def load_catalog() -> list[CatalogFeed]:
    """Every feed of the shipped catalog, in file order."""
    text = resources.files("signalwatch.templates").joinpath("feed_catalog.yaml").read_text(encoding="utf-8")
    return [CatalogFeed(**{key: entry[key] for key in CatalogFeed.__dataclass_fields__ if key in entry})
            for entry in yaml.safe_load(text)["feeds"]]


def configured_sources(config_text: str) -> list[dict[str, Any]]:
    """The `sources` entries of a config file's text (empty when it has none)."""
    loaded = yaml.safe_load(config_text) or {}
    sources = loaded.get("sources") if isinstance(loaded, dict) else None
    return [entry for entry in sources or [] if isinstance(entry, dict)]


def source_entry(feed: CatalogFeed, *, enabled: bool = True, interval: str = "30m") -> str:
    """The YAML lines of one `rss` source for `feed`, indented as a list item of `sources:`."""
    lines = [f"  # {feed.title} ({feed.topic}, {feed.region})", f"  - name: {feed.name}", "    type: rss",
             f"    url: {feed.url}", f"    interval: {interval}"]
    if not enabled:
        lines.append("    enabled: false")
    return "\n".join(lines) + "\n"


def add_source(config_text: str, entry: str) -> str:
    """`config_text` with `entry` appended to its `sources:` list (a list started when there is none)."""
    lines = config_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _SOURCES.match(line)), None)
    if start is None:
        separator = "" if not config_text or config_text.endswith("\n") else "\n"
        return f"{config_text}{separator}\nsources:\n{entry}"
    rest = _SOURCES.match(lines[start]).group("rest").split("#", 1)[0].strip()  # type: ignore[union-attr]
    if rest in ("[]", "null", "~"):
        lines[start] = "sources:\n"
    elif rest:
        raise ValueError("the config's `sources:` is written inline; add the source by hand")
    end = start + 1
    while end < len(lines) and not _TOP_LEVEL_KEY.match(lines[end]):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # keep blank lines before the next key
        end -= 1
    if end > 0 and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join(lines[:end]) + entry + "".join(lines[end:])
