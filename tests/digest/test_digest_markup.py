"""Untrusted feed text and links in the digest, rendered the way a reader sees them: the Markdown
through a real CommonMark renderer (markdown-it-py), the HTML page through an HTML parser. No URL
or title may turn into a live tag or attribute, and no bidi or zero-width control gets through."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from signalwatch.digest.build import AccountLine, Digest, Signal
from signalwatch.digest.markdown import render_markdown
from signalwatch.digest.page import render_html
from signalwatch.digest.slack import render_slack_digest

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
REPORTED = "https://news.example/x<img src=x onerror=alert(1)//>"
HOSTILE_URLS = [
    REPORTED,
    'https://news.example/a"><script>alert(1)</script>',
    "https://news.example/a' onmouseover='alert(1)",
    "https://news.example/a) ![x](https://evil.example/p.png) (",
    "https://news.example/a>\n<img src=x onerror=alert(1)>",
    "https://news.example/a\\><svg onload=alert(1)>",
    "https://news.example/`<b>code</b>`",
    "https://news.example/a&lt;img src=x onerror=alert(1)&gt;",
    "https://news.example/a\t\r\n# heading\r\n<iframe src=//evil.example>",
]
BIDI = "\u202e\u2066\u200b\u200f\u2069\ufeff"
# What the renderer may produce from our own Markdown and page.
ALLOWED_MD_TAGS = {"h1", "h2", "p", "em", "strong", "ul", "li", "a", "br"}
ALLOWED_HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "p", "section", "h2", "h3", "span", "ul", "li", "a",
                     "small", "b", "div", "footer", "svg", "polyline", "circle"}


class Tags(HTMLParser):
    """Every start tag with its attributes, and all text (attribute values included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.text.extend(value or "" for _, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


def digest(*urls: str, title: str = "Acme raises $45M", name: str = "Acme") -> Digest:
    signals = tuple(Signal(what="Raised $45M", title=title, url=url, occurred_at=NOW - timedelta(hours=n), priority="P1",
                           source="wire") for n, url in enumerate(urls))
    line = AccountLine(1, name, "acme.example", "A", "ann@example.com", None, 9.5, 9.5, signals)
    return Digest("Accounts heating up", NOW - timedelta(days=1), NOW, (line,))


def assert_only_safe_markup(tags: Tags, allowed: set[str], hrefs: int) -> list[str]:
    """No tag outside our own set, no attribute but our own; returns the links' targets."""
    links = []
    for tag, attrs in tags.tags:
        assert tag in allowed, f"live <{tag}> from untrusted text: {attrs}"
        assert not any(name.startswith("on") or name in ("src", "style") for name in attrs), (tag, attrs)
        if tag == "a":
            links.append(attrs["href"] or "")
    assert len(links) == hrefs
    for href in links:
        assert href.startswith("https://news.example/"), href
        assert not set(href) & set(" <>\"'`()\\\t\r\n"), href
    return links


def test_the_reported_link_renders_as_one_link_and_no_tag() -> None:
    html = MarkdownIt("commonmark").render(render_markdown(digest(REPORTED)))
    tags = parse(html)
    (href,) = assert_only_safe_markup(tags, ALLOWED_MD_TAGS, hrefs=1)
    assert href == "https://news.example/x%3Cimg%20src=x%20onerror=alert%281%29//%3E"
    assert "Acme raises $45M" in "".join(tags.text)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_no_url_character_escapes_the_markdown_link(url: str) -> None:
    markdown = render_markdown(digest(url))
    assert markdown.count("\n## ") == 1 and "# heading" not in markdown  # a URL cannot start a block either
    html = MarkdownIt("commonmark").render(markdown)
    assert_only_safe_markup(parse(html), ALLOWED_MD_TAGS, hrefs=1)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_no_url_character_escapes_the_html_page(url: str) -> None:
    page = parse(render_html(digest(url)))
    assert_only_safe_markup(page, ALLOWED_HTML_TAGS, hrefs=1)


def test_titles_cannot_become_markup_or_entities_in_markdown() -> None:
    title = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) &lt;b&gt; &#x202E; *bold*\n# Heading\n<script>x</script>"
    html = MarkdownIt("commonmark").render(render_markdown(digest("https://news.example/ok", title=title, name=title)))
    tags = parse(html)
    assert_only_safe_markup(tags, ALLOWED_MD_TAGS, hrefs=1)
    text = "".join(tags.text)
    assert "<img src=x onerror=alert(1)>" in text and "&lt;b&gt;" in text and "&#x202E;" in text  # shown as typed
    assert "\u202e" not in text


def test_bidi_and_zero_width_controls_never_reach_any_digest() -> None:
    hostile = digest(f"https://news.example/{BIDI}a", title=f"Acme{BIDI} raises", name=f"Ac{BIDI}me")
    slack_text, blocks = render_slack_digest(hostile)
    rendered = [render_markdown(hostile), render_html(hostile), slack_text, str(blocks),
                MarkdownIt("commonmark").render(render_markdown(hostile))]
    for output in rendered:
        assert not set(output) & set(BIDI), output
        assert "Acme" in output  # the name arrived, without its controls
